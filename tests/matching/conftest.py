"""The matcher's own reference library for its tests: tests/matching/references.jsonl, records written
for these tests (interfaces §2), independent of the demo data an editor may change."""

from pathlib import Path

import pytest

from claims.matching import Matcher, statement_from_record
from tests.records import records_from

REFERENCES = Path(__file__).resolve().parent / "references.jsonl"


@pytest.fixture(scope="session")
def records():
    return records_from(REFERENCES)


@pytest.fixture(scope="session")
def library(records):
    return Matcher(statement_from_record(record) for record in records)
