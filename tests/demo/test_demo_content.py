"""The demo newsroom's content: articles that ingest cleanly and reference files that import cleanly."""

import json
import re
from pathlib import Path

import pytest

from claims.extraction import extract
from claims.lib.sources import IncomingArticle, read_path
from claims.matching import Matcher, statement_from_record

DEMO = Path(__file__).resolve().parents[2] / "claims" / "demo"
ARTICLES = DEMO / "articles"
REFERENCE_FILES = [DEMO / "references.jsonl", DEMO / "article_references.jsonl"]
FACTS = DEMO / "FACTS.md"

# (article, the wrong figure as written, the reference that refutes it) — see FACTS.md.
DELIBERATE_ERRORS = [
    ("01_deepseek_v3_cost.txt", "558 مليون دولار", "dsv3-training-cost"),
    ("03_stargate_data_centres.txt", "50 مليار دولار", "stargate-total"),
    ("04_gulf_data_economy.txt", "عام 2022", "gpt3-release"),
    ("05_ai_chips_energy_bill.txt", "١٥٪", "iea-datacentre-electricity-2024"),
]


def reference_records():
    """(file name, line number, record) for every line of the reference files that exist yet."""
    rows = []
    for path in REFERENCE_FILES:
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                rows.append((path.name, number, json.loads(line)))
    return rows


def demo_articles() -> list[IncomingArticle]:
    return list(read_path(ARTICLES))


def test_every_file_in_the_articles_folder_ingests_as_one_article():
    items = demo_articles()

    assert all(isinstance(item, IncomingArticle) for item in items), [str(item) for item in items]
    assert 4 <= len(items) <= 5
    assert sorted(item.source for item in items) == sorted(path.name for path in ARTICLES.glob("*.txt"))
    assert [path.name for path in ARTICLES.iterdir() if path.suffix != ".txt"] == []  # FACTS.md lives one level up


@pytest.mark.parametrize("article", demo_articles(), ids=lambda article: article.source)
def test_each_article_is_a_full_arabic_news_story(article):
    words = len(article.text.split())
    arabic_letters = len(re.findall(r"[\u0621-\u064a]", article.text))

    assert 300 <= words <= 700
    assert arabic_letters > 0.7 * len(re.findall(r"[^\W\d_]", article.text))
    assert article.title == article.text.splitlines()[0].strip()
    assert len(extract(article.text).quantities) >= 8


def test_every_reference_record_has_a_key_a_statement_and_a_source():
    rows = reference_records()

    assert rows, "no reference file found"
    incomplete = [
        f"{name}:{number}"
        for name, number, record in rows
        if not all(str(record.get(field) or "").strip() for field in ("key", "statement", "source_url"))
    ]
    assert incomplete == []
    assert all(record["source_url"].startswith("https://") for _, _, record in rows)


def test_reference_keys_are_unique_across_both_files():
    seen = {}
    duplicates = []
    for name, number, record in reference_records():
        if record["key"] in seen:
            duplicates.append(f"{record['key']} in {seen[record['key']]} and {name}:{number}")
        seen.setdefault(record["key"], f"{name}:{number}")

    assert duplicates == []


def test_every_article_reference_is_usable_by_the_matcher_and_listed_in_facts():
    facts = FACTS.read_text(encoding="utf-8")
    ours = [record for name, _, record in reference_records() if name == "article_references.jsonl"]

    statements = [statement_from_record(record) for record in ours]

    assert all(statement.figures for statement in statements)
    assert [record["key"] for record in ours if f"`{record['key']}`" not in facts] == []


def test_facts_lists_every_article():
    facts = FACTS.read_text(encoding="utf-8")

    assert [article.title for article in demo_articles() if article.title not in facts] == []


@pytest.mark.skipif(not REFERENCE_FILES[0].exists(), reason="the demo reference library is not written yet")
@pytest.mark.parametrize(("source", "written", "key"), DELIBERATE_ERRORS)
def test_the_matcher_catches_each_deliberate_error(source, written, key):
    matcher = Matcher([statement_from_record(record) for _, _, record in reference_records()])
    [article] = [article for article in demo_articles() if article.source == source]
    extraction = extract(article.text)
    [claim] = [claim for claim in extraction.claims if written in claim.text]
    quantities = [quantity for quantity in extraction.quantities if claim.start <= quantity.start < claim.end]

    checks = matcher.check_claim(claim.text, quantities).checks

    [check] = [check for quantity, check in zip(quantities, checks, strict=True) if quantity.text.endswith(written)]
    assert (check.verdict, check.reference_key) == ("contradicted", key)


def test_every_demo_reference_loads_with_a_source_and_a_figure(demo_records):
    keys = [record["key"] for record in demo_records]
    assert len(keys) == len(set(keys)) >= 40
    for record in demo_records:
        statement = statement_from_record(record)
        assert statement.figures, record["key"]
        assert statement.source_title and statement.publisher and statement.published, record["key"]
        assert statement.text_en and statement.subject and statement.metric, record["key"]
