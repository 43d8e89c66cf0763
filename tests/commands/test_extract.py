"""python manage.py extract: a thin door over extract() (interfaces.md §1)."""

import io
import json

from django.core.management import call_command


def test_it_reads_jsonl_and_reports_bad_lines(monkeypatch, capsys):
    lines = '{"id": "a", "text": "نحو 5 مليارات دولار"}\nnot json\n{"id": "b", "text": "ارتفع 12٪"}\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    call_command("extract", "--jsonl", "-")
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["quantities"][0]["value"] == "5000000000"
    assert records[0]["quantities"][0]["text"] == "5 مليارات دولار"
    assert "line 2" in err


def test_it_writes_one_line_per_file_with_its_source(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("ارتفعت الإيرادات 12% إلى 3.5 مليار يورو", encoding="utf-8")
    call_command("extract", str(article))
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["source"] == str(article)
    assert [q["unit"] for q in record["quantities"]] == ["%", "EUR"]
    assert "مليار" in capsys.readouterr().out or record["claims"]


def test_a_text_that_fails_is_reported_with_its_id_and_the_batch_goes_on(monkeypatch, capsys):
    def failing_on_the_second(text):
        if "فشل" in text:
            raise ValueError("boom")
        return real_extract(text)

    from claims.management.commands import extract as command

    real_extract = command.extract
    monkeypatch.setattr(command, "extract", failing_on_the_second)
    lines = (
        '{"id": "a", "text": "ارتفع 12٪"}\n'
        '{"id": "b", "text": "نص فشل فيه المحرك"}\n'
        '{"id": "c", "text": "بلغ الدين 3 مليارات دولار"}\n'
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    call_command("extract", "--jsonl", "-")
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[1] == {"id": "b", "quantities": [], "claims": [], "error": "ValueError: boom"}
    assert records[2]["quantities"][0]["unit"] == "USD"
    assert "line 2" in err
