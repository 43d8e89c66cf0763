"""What the matcher returns: one check per quantity and a suggestion per claim (interfaces §4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from claims.extraction.types import decimal_to_str

VERDICTS = ("supported", "contradicted", "mixed", "misleading_bound", "unverified")
ERRORS = ("scale", "rounding", "unit", "currency", "year", "subject", "bound", "value")
# Figures that place a claim rather than state it: dates beside other figures, digits of a name.
CONTEXT_KINDS = frozenset({"date", "name"})
# The editor rating (interfaces §4 `rating` keys) a machine verdict suggests; none for the others.
RATING_SUGGESTIONS = {"supported": "true", "contradicted": "wrong_figure", "misleading_bound": "misleading"}


def _plain(value):
    return decimal_to_str(value) if isinstance(value, Decimal) else value


@dataclass(frozen=True)
class QuantityCheck:
    verdict: str  # supported | contradicted | misleading_bound | unverified
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
            "rating": RATING_SUGGESTIONS.get(self.verdict),
            "score": round(self.score, 3),
            "explanation": self.explanation_en,
            "explanation_ar": self.explanation_ar,
        }


@dataclass(frozen=True)
class ClaimCheck:
    checks: list[QuantityCheck]  # aligned with the quantities given
    suggestion: Suggestion
    key: list[bool] = field(default_factory=list)  # aligned: the figures the suggestion stands by

    def to_dict(self) -> dict:
        return {"checks": [check.to_dict() for check in self.checks], "suggestion": self.suggestion.to_dict()}


def key_figures(kinds: list[str]) -> list[bool]:
    """Which figures a claim stands or falls by: all but dates and name digits; its dates when it
    holds nothing else."""
    if any(kind not in CONTEXT_KINDS for kind in kinds):
        return [kind not in CONTEXT_KINDS for kind in kinds]
    return [kind != "name" for kind in kinds]


def suggest(checks: list[QuantityCheck], kinds: list[str] | None = None) -> Suggestion:
    """The claim's verdict from its figures' checks (`kinds` aligned with them; "name" for digits
    of a name, which never count).

    Supported only when every key figure is; one contradicted figure makes the claim contradicted
    (mixed beside supported ones); a true but misleading bound makes it `misleading_bound`; a key
    figure no reference checks keeps it unverified. Dates are key figures only in a claim that holds
    nothing else: beside a sum or a count they place it in time, they do not support it (a wrong
    year still contradicts).
    """
    key = [check for check, is_key in zip(checks, key_figures(kinds or [""] * len(checks)), strict=True) if is_key]
    contradicted = [check for check in checks if check.verdict == "contradicted"]
    misleading = [check for check in key if check.verdict == "misleading_bound"]
    supported = [check for check in key if check.verdict == "supported"]
    unchecked = [check for check in key if check.verdict == "unverified"]
    if contradicted:
        verdict, lead = ("mixed" if supported else "contradicted"), contradicted
    elif misleading:
        verdict, lead = "misleading_bound", misleading
    elif supported and not unchecked:
        verdict, lead = "supported", supported
    else:
        verdict, lead = "unverified", supported
    shown = contradicted + misleading + supported + ([] if verdict != "unverified" else unchecked)
    if not lead:
        return Suggestion(verdict, explanation_ar=_join(shown, "ar"), explanation_en=_join(shown, "en"))
    best = max(lead, key=lambda check: check.score)
    return Suggestion(
        verdict,
        reference=best.reference_key,
        score=best.score,
        explanation_ar=_join(shown, "ar"),
        explanation_en=_join(shown, "en"),
    )


def _join(checks: list[QuantityCheck], language: str) -> str:
    sentences = []
    for check in checks:
        sentence = check.explanation_ar if language == "ar" else check.explanation_en
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return " ".join(sentences)
