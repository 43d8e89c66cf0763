"""`manage.py ingest`: bad inputs get a clear message and the good ones are still ingested."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from claims.models import Article, ArticleStatus
from tests.factories import ReferenceStatementFactory
from tests.pipeline.articles import MARKET, TRAINING_COST

pytestmark = pytest.mark.django_db


def ingest(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        err.write(str(exc))
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def test_it_ingests_a_folder_of_text_html_and_jsonl_files(tmp_path):
    (tmp_path / "cost.txt").write_text(TRAINING_COST, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>سوق الرقائق</title></head><body><nav>الرئيسية | اتصل بنا</nav>"
        f"<article><h1>سوق الرقائق</h1><p>{MARKET.splitlines()[1]}</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"title": "خبر", "text": "ارتفعت أرباح الشركة بنسبة 25% في الربع الأول من عام 2024."},
                   ensure_ascii=False) + "\n",
        encoding="utf-8",
    )

    code, out, err = ingest(str(tmp_path), "--sync")

    assert code == 0, err
    assert "3 new" in out
    assert set(Article.objects.values_list("status", flat=True)) == {ArticleStatus.READY}
    page = Article.objects.get(source__endswith="page.html")
    assert "40 مليار دولار" in page.text and "اتصل بنا" not in page.text


def test_bad_files_are_reported_and_the_others_still_ingested(tmp_path):
    (tmp_path / "good.txt").write_text(TRAINING_COST, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("سوق".encode() + b" \xe9t\xe9 2024")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"title": "أ", "text": MARKET}, ensure_ascii=False) + "\n{not json\n", encoding="utf-8"
    )

    with translation.override("en"):  # the reasons compared below are the English ones
        code, out, err = ingest(str(tmp_path), str(tmp_path / "missing.txt"), "--sync")

    assert code == 1
    assert "binary.txt" in err and "latin1.txt" in err and "empty.txt" in err
    assert "byte 7" in err  # the offset of the first byte that is not UTF-8
    assert "lines.jsonl:2: invalid JSON" in err
    assert "missing.txt" in err
    assert Article.objects.get(text=TRAINING_COST).source.endswith("good.txt")
    assert Article.objects.get(text=MARKET).source.startswith("lines.jsonl")
    assert Article.objects.count() == 2
    assert "2 new" in out


def test_nothing_readable_is_a_command_error(tmp_path):
    with translation.override("en"):
        code, out, err = ingest(str(tmp_path / "nowhere"))

    assert code == 1
    assert "no such file or folder" in err
    assert not Article.objects.exists()


def test_it_gives_the_reasons_in_the_default_language_arabic(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 2024")

    code, out, err = ingest(str(tmp_path), str(tmp_path / "nowhere"))

    assert code == 1
    assert "empty.txt: ملف فارغ" in err
    assert "latin1.txt: ليس نصاً صالحاً بترميز UTF-8 عند البايت 3" in err
    assert f"nowhere: لا يوجد ملف أو مجلد بهذا المسار: {tmp_path / 'nowhere'}" in err


def test_it_prints_each_article_id_and_with_sync_what_was_flagged(tmp_path):
    ReferenceStatementFactory(deepseek_cost=True)
    (tmp_path / "cost.txt").write_text(TRAINING_COST, encoding="utf-8")
    code, out, err = ingest(str(tmp_path / "cost.txt"), "--sync")
    article = Article.objects.get()
    assert code == 0, err
    assert out.splitlines()[0] == f"{article.id}\tready\tcost.txt"
    flagged = [line for line in out.splitlines() if line.startswith("\t  #")]
    assert any("558 مليون دولار ←" in line and "×100" in line for line in flagged), out
