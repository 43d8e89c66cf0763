"""Blocking, scoring and verdicts: the claim quantity against the reference library.

1. Blocking. An inverted index maps every subject name and alias (normalised, stemmed, also
   without spaces: "ديب سيك" = "ديبسيك") to its statements. The claim's word n-grams (and the
   context's) are looked up, so only statements about a named subject are scored; a name inside a
   longer name that also matched ("DeepSeek" inside "DeepSeek-V3") does not count on its own. A
   claim that names no subject takes the one subject its context names (a pronoun). A subject with
   many statements is searched through its own word index (`_CrowdedSubject`). Statements must
   hold a figure of the quantity's family (money, share, count, date, data, ...).
2. Scoring. score = w * subject + (1 - w) * metric, where metric is rapidfuzz's token_set_ratio
   between the words around the figure in the claim and the statement's metric (or the words around
   its figure in the statement), plus a bonus or penalty when years written in the claim match or
   miss the statement's years.
3. Verdict. Any candidate above `min_support_score` whose figure agrees -> supported. Else the best
   candidate above the stricter `min_contradict_score` whose figure disagrees -> contradicted, with
   the error named; a plain wrong value also needs no rival candidate close in score. Else a true
   bound far from the reference -> misleading_bound. Else unverified. The claim's verdict comes from
   its key figures (`results.suggest`): years and digits of names are context.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from rapidfuzz import fuzz, process

from claims.matching.compare import Comparison, compare
from claims.matching.explain import explain, explain_date_context, explain_name, explain_unverified
from claims.matching.references import ReferenceFigure, ReferenceStatement, as_year, inside_name
from claims.matching.results import ClaimCheck, QuantityCheck, key_figures, suggest
from claims.matching.settings import MatchSettings
from claims.matching.text import content_tokens, is_content, name_word_forms, name_words, tokens
from claims.matching.units import family_of, to_base

_YEAR = re.compile(r"^(19|20)\d\d$")
_MAX_NAME_TOKENS = 5


@dataclass
class _Entry:
    statement: ReferenceStatement
    names: dict[str, float]  # name key -> subject score when it occurs in the claim
    name_tokens: frozenset[str]
    metric: str
    metric_tokens: tuple[str, ...]
    figure_contexts: tuple[str, ...]
    families: frozenset[str]
    years: frozenset[int]
    names_in_metric: bool = False  # a word of the subject's name is a metric word too ("سوق")


@dataclass(frozen=True)
class Candidate:
    statement: ReferenceStatement
    score: float
    subject: float
    metric: float
    figure: ReferenceFigure | None = None
    comparison: Comparison | None = None


@dataclass
class _ClaimView:
    text: str
    tokens: list[str]
    subjects: dict[int, float] = field(default_factory=dict)  # entry index -> subject score
    crowded: dict[str, float] = field(default_factory=dict)  # crowded subject's name key -> factor
    names: tuple[str, ...] = ()  # subject names and aliases the claim sentence itself gives
    years: frozenset[int] = frozenset()


def _name_keys(name: str) -> list[str]:
    name_tokens = name_words(name)
    if not name_tokens:
        return []
    keys = [" ".join(name_tokens)]
    if 1 < len(name_tokens) <= 3:
        keys.append("".join(name_tokens))
    return keys


def _family(figure) -> str:
    return family_of(figure.kind, figure.unit, figure.text, figure.extras)


def _year_of(value) -> int | None:
    text = str(value or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def _value_key(figure) -> tuple | None:
    """Figures equal to three significant digits share a key (for the wrong-subject lookup)."""
    if figure.kind == "date":
        return ("date", str(figure.value))
    value = to_base(figure.kind, figure.unit, Decimal(figure.value))
    if not value:
        return None
    return (_family(figure), figure.unit if figure.kind == "money" else None, format(value, ".3g"))


class _MetricScorer:
    """How well the words around one claim figure say what a statement measures, in [0, 1].

    score = max(token_set_ratio to the statement's metric, coverage of its metric words,
    0.9 * token_set_ratio to the words around each of its figures). Statements of one subject share
    names, metrics and often wordings, so each distinct part is scored once per claim figure: a
    library where a few subjects hold most statements costs a dictionary look-up per statement.
    """

    def __init__(self, window: list[str], settings: MatchSettings):
        self.window = window
        self.settings = settings
        self._words: dict[frozenset[str], str] = {}
        self._metrics: dict[tuple, float] = {}
        self._contexts: dict[tuple[str, str], float] = {}

    def metric(self, entry: _Entry) -> float:
        joined = None if entry.names_in_metric else self._words.get(entry.name_tokens)
        if joined is None:
            joined = self._joined(entry)
        key = (joined, entry.metric, entry.metric_tokens)
        metric = self._metrics.get(key)
        if metric is None:
            words = joined.split()
            metric = fuzz.token_set_ratio(entry.metric, joined) / 100 if entry.metric else 0.0
            metric = self._metrics[key] = max(metric, self._coverage(entry.metric_tokens, words))
        for context in entry.figure_contexts:
            similarity = self._contexts.get((joined, context))
            if similarity is None:
                similarity = self._contexts[joined, context] = 0.9 * fuzz.token_set_ratio(context, joined) / 100
            metric = max(metric, similarity)
        return metric

    def _joined(self, entry: _Entry) -> str:
        # The subject's own words say nothing about the metric, unless the metric uses them too ("سوق").
        words = [t for t in self.window if t not in entry.name_tokens or t in entry.metric_tokens]
        joined = " ".join(words)
        if not entry.names_in_metric:
            self._words[entry.name_tokens] = joined
        return joined

    def _coverage(self, metric_tokens: tuple[str, ...], words: list[str]) -> float:
        """Mean similarity of the best `metric_top_words` metric words to a word near the figure.

        Weak matches count as zero, so one shared word of a two-word metric gives 0.5: enough,
        with the subject, to support, never to contradict.
        """
        if not metric_tokens or not words:
            return 0.0
        floor = self.settings.metric_word_similarity * 100
        best = sorted(
            (
                (match[1] if match else 0.0)
                for match in (
                    process.extractOne(token, words, scorer=fuzz.ratio, score_cutoff=floor) for token in metric_tokens
                )
            ),
            reverse=True,
        )
        top = best[: min(self.settings.metric_top_words, len(best))]
        return sum(top) / len(top) / 100


class _CrowdedSubject:
    """The statements of a subject that holds many: a word index over what they measure.

    Scoring every statement of such a subject for every claim figure is linear in the subject.
    Instead the claim's window words (and words within `metric_word_similarity` of them) are looked
    up, statements are ranked by the summed BM25 inverse document frequency of the words they share
    (words in more than half the statements of a big subject are left out), and the best `crowded_retrieved`
    are scored as usual, together with every statement holding the claim's value or a scale slip
    of it (so the right figure is never lost among statements that measure the same thing).
    """

    def __init__(self, members: tuple[int, ...], entries: list[_Entry], settings: MatchSettings):
        self.members = members  # entry indices; one index serves every name of the subject
        self.settings = settings
        postings: dict[str, list[int]] = defaultdict(list)
        self.by_value: dict[tuple, list[int]] = defaultdict(list)
        for position, index in enumerate(members):
            entry = entries[index]
            words = set(entry.metric_tokens) | {word for context in entry.figure_contexts for word in context.split()}
            for word in words:
                postings[word].append(position)
            for figure in entry.statement.figures:
                key = _value_key(figure)
                if key:
                    self.by_value[key].append(position)
        size = len(members)
        # Words in more than half of a big subject's statements rank nothing and cost the most.
        common = size > settings.crowded_retrieved
        self.postings = {word: found for word, found in postings.items() if not (common and len(found) * 2 > size)}
        self.weights = {
            word: math.log(1 + (size - len(found) + 0.5) / (len(found) + 0.5)) for word, found in self.postings.items()
        }
        self.vocabulary = list(self.postings)
        self._similar: dict[str, list[str]] = {}

    def similar(self, word: str) -> list[str]:
        found = self._similar.get(word)
        if found is None:
            floor = self.settings.metric_word_similarity * 100
            found = [
                match
                for match, _, _ in process.extract(
                    word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=floor, limit=None
                )
            ]
            self._similar[word] = found
        return found

    def retrieve(self, window: list[str], quantity) -> list[int]:
        """Positions (in `members`) of the statements worth scoring for this figure."""
        ranks: dict[int, float] = defaultdict(float)
        for word in dict.fromkeys(window):
            for match in self.similar(word):
                weight = self.weights[match]
                for position in self.postings[match]:
                    ranks[position] += weight
        best = heapq.nlargest(self.settings.crowded_retrieved, ranks, key=ranks.__getitem__)
        for key in _slip_keys(quantity, self.settings):
            best.extend(self.by_value.get(key, ()))
        return list(dict.fromkeys(best))


class Matcher:
    def __init__(self, statements: Iterable[ReferenceStatement], settings: MatchSettings | None = None):
        self.settings = settings or MatchSettings()
        self.entries: list[_Entry] = []
        self.by_name: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.by_value: dict[tuple, list[int]] = defaultdict(list)
        for statement in statements:
            self._add(statement)
        # The words a name can start with: a spaced key's first word, or any start of an unspaced key
        # (words joined without spaces, "اوبن ايه" -> "اوبنايه", may spell it). Other words start none.
        self._name_starts = {key.split(" ", 1)[0] for key in self.by_name}
        self._name_starts.update(
            key[:end] for key in self.by_name if " " not in key for end in range(1, len(key) + 1)
        )
        self._statements = {entry.statement.key: entry.statement for entry in self.entries}
        # name key -> (the subject's word index, subject scores aligned with its members)
        self._crowded: dict[str, tuple[_CrowdedSubject, list[float]]] = {}
        shared: dict[tuple[int, ...], _CrowdedSubject] = {}
        for key, members in self.by_name.items():
            if len(members) > self.settings.crowded_subject:
                indices = tuple(index for index, _ in members)
                if indices not in shared:
                    shared[indices] = _CrowdedSubject(indices, self.entries, self.settings)
                self._crowded[key] = (shared[indices], [score for _, score in members])

    def _add(self, statement: ReferenceStatement) -> None:
        index = len(self.entries)
        names: dict[str, float] = {}
        for position, name in enumerate(statement.names):
            for key in _name_keys(name):
                names[key] = max(names.get(key, 0.0), 1.0 if position == 0 else self.settings.alias_score)
        for key, score in names.items():
            self.by_name[key].append((index, score))
        years = {_year_of(statement.as_of)} | {_year_of(f.value) for f in statement.figures if f.kind == "date"}
        entry = _Entry(
            statement=statement,
            names=names,
            name_tokens=frozenset(token for name in statement.names for token in tokens(name)),
            metric=" ".join(content_tokens(statement.metric)),
            metric_tokens=tuple(dict.fromkeys(content_tokens(statement.metric))),
            figure_contexts=tuple(self._figure_context(statement, figure) for figure in statement.figures),
            families=frozenset(_family(figure) for figure in statement.figures),
            years=frozenset(year for year in years if year),
        )
        entry.names_in_metric = bool(entry.name_tokens & set(entry.metric_tokens))
        self.entries.append(entry)
        for figure in statement.figures:
            key = _value_key(figure)
            if key:
                self.by_value[key].append(index)

    def _figure_context(self, statement: ReferenceStatement, figure: ReferenceFigure) -> str:
        text = statement.text_en if figure.extras.get("in") == "text_en" else statement.text
        if figure.start is None or not text:
            return " ".join(content_tokens(f"{statement.metric} {statement.text}"))
        window = self.settings.metric_window
        before = content_tokens(text[: figure.start])[-window:]
        after = content_tokens(text[figure.end :])[:window]
        return " ".join(before + after)

    # -- blocking ---------------------------------------------------------------------------------

    def _subject_hits(self, text: str) -> set[str]:
        """Name keys found in `text`; names inside longer matches dropped.

        A preposition glued to a name ("لآبل", "بإنفيديا") is tried without it too.
        """
        words, bare = name_word_forms(text)
        keys = self._name_hits(words)
        if bare != words:
            keys |= self._name_hits(bare)
        return keys

    def _name_hits(self, words: list[str]) -> set[str]:
        found: list[tuple[int, int, str]] = []
        starts = [start for start, word in enumerate(words) if word in self._name_starts]
        for size in range(min(_MAX_NAME_TOKENS, len(words)), 0, -1):
            for start in starts:
                if start + size > len(words):
                    break
                gram = words[start : start + size]
                for key in {" ".join(gram), "".join(gram)} if size > 1 else {gram[0]}:
                    if key in self.by_name:
                        found.append((start, start + size, key))
        return {
            key
            for start, end, key in found
            if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in found)
        }

    def _view(self, text: str, quantities: Sequence, context: str) -> _ClaimView:
        claim_tokens = tokens(text)
        in_claim = self._subject_hits(text)
        in_context = self._subject_hits(context) - in_claim if context else set()
        # A claim that names no subject ("وبلغت إيراداتها ...") speaks of the one its context names:
        # with a single subject there, it is as good as named in the sentence.
        resolved = not in_claim and len({self._subject_of_key(key) for key in in_context}) == 1
        factors = dict.fromkeys(in_context, 1.0 if resolved else self.settings.context_subject_factor)
        factors.update(dict.fromkeys(in_claim, 1.0))
        subjects: dict[int, float] = {}
        crowded: dict[str, float] = {}
        for key, factor in factors.items():
            if key in self._crowded:
                crowded[key] = factor
                continue
            for index, score in self.by_name[key]:
                subjects[index] = max(subjects.get(index, 0.0), score * factor)
        years = {int(token) for token in claim_tokens if _YEAR.match(token)}
        years |= {year for q in quantities if q.kind == "date" and (year := _year_of(q.value))}
        names = {name for key in in_claim for name in self.entries[self.by_name[key][0][0]].statement.names}
        return _ClaimView(
            text=text,
            tokens=claim_tokens,
            subjects=subjects,
            crowded=crowded,
            years=frozenset(years),
            names=tuple(sorted(names, key=len, reverse=True)),
        )

    def _subject_of_key(self, key: str) -> str:
        """The subject a name key stands for (its first statement's; names are shared within one)."""
        index, _ = self.by_name[key][0]
        return normalize_name(self.entries[index].statement.subject)

    def _subject_score(self, view: _ClaimView, index: int) -> float:
        """The subject score of one statement for this claim, crowded subjects included."""
        score = view.subjects.get(index, 0.0)
        names = self.entries[index].names
        for key, factor in view.crowded.items():
            if key in names:
                score = max(score, names[key] * factor)
        return score

    def _window(self, view: _ClaimView, quantity) -> list[str]:
        """Content words of the quantity ("100 مليون مستخدم") and around it in the claim sentence.

        All the sentence's words when the quantity's text is not found in it.
        """
        position = view.text.find(quantity.text) if quantity.text else -1
        if position < 0:
            return [token for token in view.tokens if is_content(token)]
        window = self.settings.metric_window
        before = content_tokens(view.text[:position])[-window:]
        after = content_tokens(view.text[position + len(quantity.text) :])[:window]
        return before + content_tokens(quantity.text) + after

    def candidates(self, text: str, quantity, context: str = "", *, view: _ClaimView | None = None) -> list[Candidate]:
        """Scored statements for one quantity, best first, each with its closest figure compared."""
        view = view or self._view(text, [quantity], context)
        family = _family(quantity)
        window = self._window(view, quantity)
        pool = self._pool(view, quantity, window)
        scorer = _MetricScorer(window, self.settings)
        scored = []
        for index, subject in pool.items():
            entry = self.entries[index]
            if subject < self.settings.min_subject_score or not self._comparable(family, quantity, entry):
                continue
            candidate = self._score(entry, subject, scorer, view, quantity)
            if candidate.score >= self.settings.min_candidate_score:
                scored.append(candidate)
        best = heapq.nlargest(self.settings.max_candidates, scored, key=_by_score)
        return [self._compared(c, quantity) for c in best]

    def _pool(self, view: _ClaimView, quantity, window: list[str]) -> dict[int, float]:
        """The statements worth scoring for one quantity, with their subject scores: those of the
        subjects the claim names (the name index) and, for a crowded subject, those its word index
        retrieves for the quantity's window."""
        if not view.crowded:
            return view.subjects
        pool = dict(view.subjects)
        for key, factor in view.crowded.items():
            crowd, scores = self._crowded[key]
            for position in crowd.retrieve(window, quantity):
                index, score = crowd.members[position], scores[position] * factor
                pool[index] = max(pool.get(index, 0.0), score)
        return pool

    @staticmethod
    def _comparable(family: str, quantity, entry: _Entry) -> bool:
        if family in entry.families:
            return True
        # Percent against percentage points is compared, to name the mix-up.
        return {family} | entry.families >= {"share", "points"} or (
            quantity.kind == "money" and "money" in entry.families
        )

    def _score(self, entry: _Entry, subject: float, scorer: _MetricScorer, view: _ClaimView, quantity) -> Candidate:
        metric = scorer.metric(entry)
        weight = self.settings.subject_weight
        score = weight * subject + (1 - weight) * metric
        if quantity.kind != "date" and view.years and entry.years:
            score += self.settings.time_bonus if view.years & entry.years else -self.settings.time_penalty
        return Candidate(entry.statement, max(0.0, min(1.0, score)), subject, metric)

    def _compared(self, candidate: Candidate, quantity) -> Candidate:
        best: tuple[ReferenceFigure, Comparison] | None = None
        dated = _dated(candidate.statement)
        for figure in candidate.statement.figures:
            comparison = compare(quantity, figure, self.settings)
            if comparison is not None and comparison.supports and figure.kind == "date" and not dated:
                # The year of a revenue or a forecast dates it: a wrong one is an error, a right one
                # is context, no evidence for the claim.
                comparison = Comparison("none", closeness=comparison.closeness)
            if comparison is not None and (best is None or comparison.closeness > best[1].closeness):
                best = (figure, comparison)
        if best is None:
            return candidate
        return Candidate(candidate.statement, candidate.score, candidate.subject, candidate.metric, *best)

    # -- verdicts ---------------------------------------------------------------------------------

    def check_claim(self, text: str, quantities: Sequence, context: str = "") -> ClaimCheck:
        """Check every quantity of one claim sentence; `context` helps find the subject only."""
        quantities = _join_dates([as_year(quantity, text) for quantity in quantities])
        view = self._view(text, quantities, context)
        checks, kinds = [], []
        for quantity in quantities:
            # Digits of a name the claim gives ("ديب سيك في 3") are no figure (the extraction engine's
            # name rules miss names it does not know; the library's aliases are known here).
            name = next((n for n in view.names if quantity.kind != "date" and inside_name(text, quantity, [n])), None)
            if name is not None:
                explanation_ar, explanation_en = explain_name(quantity, name)
                checks.append(QuantityCheck("unverified", explanation_ar=explanation_ar, explanation_en=explanation_en))
                kinds.append("name")
                continue
            checks.append(self.check_quantity(text, quantity, context, view=view))
            kinds.append(quantity.kind)
        checks = self._dates_in_their_place(quantities, checks)
        return ClaimCheck(checks=checks, suggestion=suggest(checks, kinds), key=key_figures(kinds))

    def _dates_in_their_place(self, quantities: Sequence, checks: list[QuantityCheck]) -> list[QuantityCheck]:
        """A wrong year against a statement that is not about a date stands only when it is the date of
        the very fact the statement records: another figure of the claim is supported by that statement,
        and no other date of the claim is the statement's. Otherwise the claim's date dates another of
        its figures ("نحو 40 مليار دولار في 2022" beside a forecast published in June 2023) or another
        period than the library knows (a revenue for fiscal 2025 against fiscal 2024's): context."""
        statements = self._statements
        placed = list(checks)
        for index, (quantity, check) in enumerate(zip(quantities, checks, strict=True)):
            statement = statements.get(check.reference_key or "")
            if quantity.kind != "date" or check.verdict != "contradicted" or statement is None or _dated(statement):
                continue
            years = {_year_of(statement.as_of)} | {_year_of(f.value) for f in statement.figures if f.kind == "date"}
            years.discard(None)
            other_date_fits = any(
                other.kind == "date" and _year_of(other.value) in years
                for j, other in enumerate(quantities)
                if j != index
            )
            same_fact = any(
                other.verdict == "supported" and other.reference_key == statement.key and quantities[j].kind != "date"
                for j, other in enumerate(checks)
            )
            if other_date_fits or not same_fact:
                explanation_ar, explanation_en = explain_date_context(quantity)
                placed[index] = QuantityCheck(
                    "unverified",
                    explanation_ar=explanation_ar,
                    explanation_en=explanation_en,
                    candidates=check.candidates,
                )
        return placed

    def check_quantity(
        self, text: str, quantity, context: str = "", *, view: _ClaimView | None = None
    ) -> QuantityCheck:
        settings = self.settings
        found = [c for c in self.candidates(text, quantity, context, view=view) if c.comparison is not None]
        reported = tuple((c.statement.key, round(c.score, 3)) for c in found[: settings.reported_candidates])
        supporters = [
            c
            for c in found
            if c.comparison.supports
            and (
                c.score >= settings.min_support_score
                and c.metric >= settings.min_support_metric
                or _same_day(c, quantity, settings)
            )
        ]
        if supporters:
            return self._check("supported", quantity, max(supporters, key=_rank), reported)
        rivals = [c for c in found if c.comparison.contradicts and (self._firm(c) or _same_day(c, quantity, settings))]
        if rivals:
            best = max(rivals, key=_rank)
            if best.comparison.error not in ("value", "bound") or not self._ambiguous(best, found):
                return self._check("contradicted", quantity, best, reported)
        loose = [c for c in found if c.comparison.misleads and self._firm(c)]
        if loose:
            best = max(loose, key=_rank)
            if not self._ambiguous(best, found):
                return self._check("misleading_bound", quantity, best, reported)
        return self._unverified(text, quantity, found, reported, view or self._view(text, [quantity], context))

    def _firm(self, candidate: Candidate) -> bool:
        """Close enough in subject and metric to call a figure wrong or misleading, not only right."""
        settings = self.settings
        return (
            candidate.score >= settings.min_contradict_score
            and candidate.metric >= settings.min_contradict_metric
            and candidate.subject >= settings.min_contradict_subject
        )

    def _ambiguous(self, best: Candidate, found: list[Candidate]) -> bool:
        """Another statement scores about as well (a time series, a second source): no plain-value call.

        A misleading bound stays misleading when every such statement finds it misleading too
        ("more than 40 million" users against both 400 and 800 million)."""
        floor = best.score - self.settings.ambiguity_margin
        return any(
            c.statement.key != best.statement.key
            and c.score >= floor
            and not (best.comparison.misleads and c.comparison.misleads)
            for c in found
        )

    def _check(self, verdict: str, quantity, candidate: Candidate, reported) -> QuantityCheck:
        figure, comparison = candidate.figure, candidate.comparison
        explanation_ar, explanation_en = explain(quantity, candidate.statement, figure, comparison)
        return QuantityCheck(
            verdict=verdict,
            reference_key=candidate.statement.key,
            reference_value=figure.value,
            reference_unit=figure.unit,
            ratio=comparison.ratio,
            error=comparison.error,
            scale_factor=comparison.scale_factor,
            score=candidate.score,
            explanation_ar=explanation_ar,
            explanation_en=explanation_en,
            candidates=reported,
        )

    def _unverified(self, text: str, quantity, found: list[Candidate], reported, view: _ClaimView) -> QuantityCheck:
        currency = next(
            (c for c in found if c.comparison.error == "currency" and c.score >= self.settings.min_support_score), None
        )
        if currency is not None:
            return _unverified_because(quantity, currency, "currency", reported)
        other = self._same_figure_elsewhere(quantity, view)
        if other is not None:
            return _unverified_because(
                quantity, other, "subject", (*reported, (other.statement.key, round(other.score, 3)))
            )
        explanation_ar, explanation_en = explain_unverified(quantity)
        return QuantityCheck(
            "unverified", explanation_ar=explanation_ar, explanation_en=explanation_en, candidates=reported
        )

    def _same_figure_elsewhere(self, quantity, view: _ClaimView) -> Candidate | None:
        """The same number and metric about a subject the claim does not name (information only)."""
        key = _value_key(quantity)
        if key is None:
            return None
        scorer = _MetricScorer(self._window(view, quantity), self.settings)
        best = None
        for index in self.by_value.get(key, ()):
            if self._subject_score(view, index) >= self.settings.min_subject_score:
                continue
            candidate = self._score(self.entries[index], 0.0, scorer, view, quantity)
            if candidate.metric < self.settings.min_contradict_metric:
                continue
            if best is None or candidate.metric > best.metric:
                best = candidate
        return best


def _join_dates(quantities: Sequence) -> list:
    """ "20 يناير" directly followed by "2024" is one date, 2024-01-20, for both quantities.

    Checked apart, the day would agree with any year and the year with any event of that year.
    """
    joined = list(quantities)
    for i, first in enumerate(quantities):
        for j, second in enumerate(quantities):
            if first.kind == second.kind == "date" and 0 <= second.start - first.end <= 2:
                day, year = str(first.value), str(second.value)
                if day.startswith("--") and len(year) == 4 and year.isdigit():
                    full = year + day[1:]
                    joined[i] = replace(joined[i], value=full)
                    joined[j] = replace(joined[j], value=full)
    return joined


def _dated(statement: ReferenceStatement) -> bool:
    """A statement about when something happened: its value is a date, or it gives nothing but dates.

    Only such a statement supports a date; a year inside "revenue for fiscal 2025 was ..." dates the
    revenue, it does not record an event a claim's date could be checked against."""
    figures = statement.figures
    if not figures:
        return False
    first = figures[0]
    return (first.kind == "date" and first.start is None) or all(figure.kind == "date" for figure in figures)


def _unverified_because(quantity, candidate: Candidate, error: str, reported) -> QuantityCheck:
    """Unverified, naming what stands in the way: another currency, or another subject (`error`)."""
    explanation_ar, explanation_en = explain_unverified(quantity, candidate.statement, error)
    return QuantityCheck(
        "unverified",
        error=error,
        score=candidate.score,
        explanation_ar=explanation_ar,
        explanation_en=explanation_en,
        candidates=reported,
    )


def _same_day(candidate: Candidate, quantity, settings: MatchSettings) -> bool:
    """A day written in full against a dated statement about the claim's own subject: the date is
    evidence enough, however the event is worded ("قدّمت", "كشفت عن", "ظهر"): the very day supports,
    the same day and month in another year is a wrong year."""
    comparison, figure = candidate.comparison, candidate.figure
    return (
        comparison is not None
        and quantity.kind == figure.kind == "date"
        and len(str(quantity.value)) == len(str(figure.value)) == 10
        and (comparison.supports or comparison.error == "year")
        and candidate.subject >= settings.min_contradict_subject
        and _dated(candidate.statement)
    )


def normalize_name(name: str) -> str:
    return " ".join(tokens(name))


def _slip_keys(quantity, settings: MatchSettings) -> list[tuple]:
    """Value keys of the figure and of its scale slips (x10, x100, ... either way); for a date, the
    same day or month in the years around it (a wrong year)."""
    if quantity.kind == "date":
        value = str(quantity.value)
        if not (value[:4].isdigit() and len(value) > 4):
            return [("date", value)]
        year, rest = int(value[:4]), value[4:]
        gap = settings.max_year_gap
        return [("date", f"{other}{rest}") for other in range(year - gap, year + gap + 1)]
    keys = []
    for power in (0, *settings.scale_powers, *(-p for p in settings.scale_powers)):
        value = Decimal(quantity.value).scaleb(-power)
        key = _value_key(replace(quantity, value=value)) if value else None
        if key:
            keys.append(key)
    return keys


def _by_score(candidate: Candidate) -> float:
    return candidate.score


def _rank(candidate: Candidate) -> tuple[float, float]:
    return (candidate.score, candidate.comparison.closeness if candidate.comparison else -99.0)
