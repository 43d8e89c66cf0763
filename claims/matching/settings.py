"""Thresholds of the matcher. The Django side builds one from `settings.FACTCHECK_MATCHING`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal


@dataclass(frozen=True)
class MatchSettings:
    # Blocking: a statement is a candidate only when one of its subject names occurs in the claim
    # (score 1.0 for the main subject, `alias_score` for an alias) or in the context (times
    # `context_subject_factor`). Below `min_subject_score` the statement is not compared at all.
    min_subject_score: float = 0.8
    alias_score: float = 0.95
    context_subject_factor: float = 0.85
    # score = subject_weight * subject + (1 - subject_weight) * metric, in [0, 1].
    subject_weight: float = 0.5
    # Candidates below this score are neither compared nor reported.
    min_candidate_score: float = 0.55
    # "supported" needs this score and this metric score; "contradicted" needs the higher pair.
    min_support_score: float = 0.72
    min_support_metric: float = 0.5
    min_contradict_score: float = 0.82
    min_contradict_metric: float = 0.65
    # ... and a subject named in the claim sentence itself (not only in the title or context).
    min_contradict_subject: float = 0.9
    # A plain wrong value ("value" error) is called only when no other candidate within this
    # score margin gives a different figure (time series, competing sources): else unverified.
    ambiguity_margin: float = 0.08
    # Metric words: a metric word counts when rapidfuzz's ratio to a word near the figure reaches
    # this similarity; the mean of the best `metric_top_words` such matches is the coverage score.
    metric_word_similarity: float = 0.75
    metric_top_words: int = 2
    # A plain wrong value is only called when claim / reference lies within this factor (either way);
    # further apart, the claim is more likely about another quantity than a wrong copy of this one.
    max_value_error_ratio: Decimal = Decimal("4")
    # Time scope: years written in the claim that match (or miss) a statement's years.
    time_bonus: float = 0.05
    time_penalty: float = 0.05
    # Tolerances, relative to the reference value, added to half the written precision.
    exact_rel_tolerance: Decimal = Decimal("0.005")
    approx_rel_tolerance: Decimal = Decimal("0.10")
    # Off by more than half a written step but within one step (a step of ten when the last written
    # digit is a zero, at most `max_rounding_share` of the value, at least `rounding_rel_tolerance`):
    # "rounding", still supported. "5.5 مليون" for 5.576M is; "175 مليار" for 180B is not.
    rounding_rel_tolerance: Decimal = Decimal("0.01")
    max_rounding_share: Decimal = Decimal("0.1")
    # "more than X" is supported by a reference in [X, X * bound_factor]; beyond, it is true but
    # says little, so it stays unverified rather than supported; from X * misleading_bound_factor
    # on ("more than 40 million" for 400 million) it is true but misleading: `misleading_bound`.
    bound_factor: Decimal = Decimal("1.5")
    misleading_bound_factor: Decimal = Decimal("3")
    # Scale slips looked for: claim / reference close to 10**k for k in ±scale_powers.
    scale_powers: tuple[int, ...] = (1, 2, 3)
    # A date off only by its year is a "year" error when the gap is at most this many years.
    max_year_gap: int = 3
    # Words around the figure taken as its metric, on each side.
    metric_window: int = 12
    # A subject with more statements than `crowded_subject` is searched through a word index over
    # its metrics and figure contexts: the `crowded_retrieved` best by shared words are scored, plus
    # every statement holding the claim's value or a scale slip of it.
    crowded_subject: int = 400
    crowded_retrieved: int = 200
    # Statements scored per quantity, and (key, score) pairs reported back for the editor.
    max_candidates: int = 25
    reported_candidates: int = 3

    @classmethod
    def from_dict(cls, values: dict | None) -> MatchSettings:
        """Build from a settings dict (e.g. FACTCHECK_MATCHING); unknown keys are an error."""
        values = dict(values or {})
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown matching settings: {', '.join(unknown)}")
        for name, value in values.items():
            default = getattr(cls, name)
            if isinstance(default, Decimal):
                values[name] = Decimal(str(value))
            elif isinstance(default, tuple):
                values[name] = tuple(value)
        return cls(**values)
