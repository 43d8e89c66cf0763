"""What the matcher returns: one check per quantity and a suggestion per claim (interfaces §4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from claims.extraction.types import decimal_to_str

VERDICTS = ("supported", "contradicted", "mixed", "unverified")
ERRORS = ("scale", "rounding", "unit", "currency", "year", "subject", "value")


def _plain(value):
    return decimal_to_str(value) if isinstance(value, Decimal) else value


@dataclass(frozen=True)
class QuantityCheck:
    verdict: str  # supported | contradicted | unverified
    reference_key: str | None = None
    reference_value: Decimal | str | None = None
    reference_unit: str | None = None
    ratio: Decimal | None = None  # claim value / reference value
    error: str | None = None  # one of ERRORS; "rounding" with a supported verdict, "subject" with unverified
    scale_factor: Decimal | None = None  # 100 for a figure 100x too large, 0.01 for 100x too small
    score: float = 0.0
    explanation_ar: str = ""
    explanation_en: str = ""
    candidates: tuple[tuple[str, float], ...] = field(default=())

    def to_dict(self) -> dict:
        """The interfaces §4 `check` object; decimals as strings."""
        return {
            "verdict": self.verdict,
            "reference": self.reference_key,
            "reference_value": _plain(self.reference_value),
            "reference_unit": self.reference_unit,
            "ratio": _plain(self.ratio),
            "error": self.error,
            "scale_factor": _plain(self.scale_factor),
            "score": round(self.score, 3),
            "explanation": self.explanation_en,
            "explanation_ar": self.explanation_ar,
            "candidates": [{"reference": key, "score": round(score, 3)} for key, score in self.candidates],
        }


@dataclass(frozen=True)
class Suggestion:
    verdict: str
    reference: str | None = None
    score: float = 0.0
    explanation_ar: str = ""
    explanation_en: str = ""

    def to_dict(self) -> dict:
        """The interfaces §4 `suggestion` object."""
        return {
            "verdict": self.verdict,
            "reference": self.reference,
            "score": round(self.score, 3),
            "explanation": self.explanation_en,
            "explanation_ar": self.explanation_ar,
        }


@dataclass(frozen=True)
class ClaimCheck:
    checks: list[QuantityCheck]  # aligned with the quantities given
    suggestion: Suggestion

    def to_dict(self) -> dict:
        return {"checks": [check.to_dict() for check in self.checks], "suggestion": self.suggestion.to_dict()}


def suggest(checks: list[QuantityCheck]) -> Suggestion:
    """Supported if every matched figure is, contradicted if every one is, mixed if both, else unverified."""
    supported = [check for check in checks if check.verdict == "supported"]
    contradicted = [check for check in checks if check.verdict == "contradicted"]
    if not supported and not contradicted:
        return Suggestion("unverified", explanation_ar=_join(checks, "ar"), explanation_en=_join(checks, "en"))
    if supported and contradicted:
        verdict = "mixed"
    else:
        verdict = "contradicted" if contradicted else "supported"
    lead = max(contradicted or supported, key=lambda check: check.score)
    matched = contradicted + supported
    return Suggestion(
        verdict,
        reference=lead.reference_key,
        score=max(check.score for check in matched),
        explanation_ar=_join(matched, "ar"),
        explanation_en=_join(matched, "en"),
    )


def _join(checks: list[QuantityCheck], language: str) -> str:
    sentences = []
    for check in checks:
        sentence = check.explanation_ar if language == "ar" else check.explanation_en
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return " ".join(sentences)
