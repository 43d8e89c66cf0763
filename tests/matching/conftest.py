import json
from pathlib import Path

import pytest

from claims.matching import Matcher, statement_from_record

DEMO_REFERENCES = Path(__file__).resolve().parents[2] / "claims" / "demo" / "references.jsonl"


@pytest.fixture(scope="session")
def demo_records():
    with open(DEMO_REFERENCES, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def demo_matcher(demo_records):
    return Matcher(statement_from_record(record) for record in demo_records)
