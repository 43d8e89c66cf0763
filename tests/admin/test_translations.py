"""The Arabic catalogue is complete: every msgid of the code and the templates is in it, translated,
and nothing in it is obsolete. After adding strings: `python manage.py makemessages -l ar` from the
project root (with --ignore for .venv, tests, bench, eval, var and test-artifacts), translate,
`python manage.py compilemessages`."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "claims" / "locale" / "ar" / "LC_MESSAGES" / "django.po"
SOURCES = ["claims", "factcheck", "templates"]


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, ignore_obsolete=False)


def _key(message) -> str:
    key = message.id if isinstance(message.id, str) else message.id[0]
    return f"{message.context}\x04{key}" if message.context else key


def test_every_msgid_is_translated_and_none_is_fuzzy_or_obsolete():
    catalogue = _read(CATALOGUE)
    untranslated = [
        _key(m)
        for m in catalogue
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)) or m.fuzzy)
    ]
    assert not untranslated, "untranslated or fuzzy msgids:\n" + "\n".join(untranslated)
    assert not catalogue.obsolete, "obsolete msgids (#~):\n" + "\n".join(catalogue.obsolete)


def test_the_catalogue_holds_every_msgid_of_the_code_and_templates(tmp_path, settings, monkeypatch):
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext (xgettext) is not installed: apt-get install gettext")
    # A fresh extraction of a copy of the sources (without their catalogue) into a scratch one:
    # makemessages run in place would rewrite the committed catalogue.
    for folder in SOURCES:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["ar"], verbosity=0)
    fresh = {_key(m) for m in _read(tmp_path / "locale" / "ar" / "LC_MESSAGES" / "django.po") if m.id}
    committed = {_key(m) for m in _read(CATALOGUE) if m.id}
    missing, stale = sorted(fresh - committed), sorted(committed - fresh)
    assert not missing, "msgids missing from claims/locale/ar (run makemessages -l ar):\n" + "\n".join(missing)
    assert not stale, "msgids no longer in the code (obsolete):\n" + "\n".join(stale)
