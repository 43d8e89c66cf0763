"""Matching claim figures against reference statements: text and dataclasses in, verdicts out. No Django."""

from claims.matching.compare import Comparison, compare
from claims.matching.matcher import Candidate, Matcher
from claims.matching.references import ReferenceFigure, ReferenceStatement, statement_from_record
from claims.matching.results import ERRORS, VERDICTS, ClaimCheck, QuantityCheck, Suggestion, suggest
from claims.matching.settings import MatchSettings

__all__ = [
    "ERRORS",
    "VERDICTS",
    "Candidate",
    "ClaimCheck",
    "Comparison",
    "MatchSettings",
    "Matcher",
    "QuantityCheck",
    "ReferenceFigure",
    "ReferenceStatement",
    "Suggestion",
    "compare",
    "statement_from_record",
    "suggest",
]
