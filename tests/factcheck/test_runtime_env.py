"""The file a running `workbench.py up` leaves for manage.py in a second shell."""

import os

from factcheck.env import load_env_file


def test_it_reads_the_file_without_overriding_the_shell(tmp_path, monkeypatch):
    path = tmp_path / "workbench.env"
    path.write_text("# written by workbench.py up\nREDIS_URL=redis://127.0.0.1:6391/0\nDATABASE_URL=sqlite:///x\n")
    monkeypatch.setenv("REDIS_URL", "recorded-so-teardown-restores-it")
    monkeypatch.delenv("REDIS_URL")
    monkeypatch.setenv("DATABASE_URL", "postgres://db/explicit")
    load_env_file(path)
    assert os.environ["REDIS_URL"] == "redis://127.0.0.1:6391/0"
    assert os.environ["DATABASE_URL"] == "postgres://db/explicit"  # the shell's own setting wins


def test_a_missing_file_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "recorded-so-teardown-restores-it")
    monkeypatch.delenv("REDIS_URL")
    load_env_file(tmp_path / "absent.env")
    assert "REDIS_URL" not in os.environ
