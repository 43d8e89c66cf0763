"""The demo library (claims/demo/references.jsonl), for the tests of the demo data itself."""

from pathlib import Path

import pytest

from tests.records import records_from

DEMO_REFERENCES = Path(__file__).resolve().parents[2] / "claims" / "demo" / "references.jsonl"


@pytest.fixture(scope="session")
def demo_records():
    return records_from(DEMO_REFERENCES)
