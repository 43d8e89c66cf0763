"""Claims as table rows: the columns of the CSV and XLSX exports, one row per claim or per figure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import islice

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.db.models.fields.json import KT
from django.utils import translation

from claims.display import ERROR_LABELS, KIND_LABELS, QUALIFIER_LABELS
from claims.extraction.types import decimal_to_str
from claims.models import Claim, ClaimStatus, MachineVerdict, Quantity, QuantityCheck, Rating, Verdict
from claims.representations import rating_labels


@dataclass(frozen=True)
class Column:
    key: str
    label_ar: str
    label_en: str
    width: int = 14

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_ar


CLAIM_COLUMNS = (
    Column("claim_id", "رقم الادعاء", "Claim id", 10),
    Column("article_id", "رقم المقال", "Article id", 10),
    Column("article_title", "عنوان المقال", "Article title", 30),
    Column("article_source", "مصدر المقال", "Article source", 20),
    Column("article_url", "رابط المقال", "Article URL", 30),
    Column("claim_text", "نص الادعاء", "Claim", 60),
    Column("status", "رمز الحالة", "Status code", 12),
    Column("status_label", "الحالة", "Status", 14),
    Column("checkworthiness", "جدارة التحقق", "Check-worthiness", 12),
    Column("figures", "الأرقام (النص ← القيمة والوحدة)", "Figures (text → value unit)", 40),
    Column("machine_verdict", "رمز اقتراح الآلة", "Machine verdict code", 14),
    Column("machine_verdict_label", "اقتراح الآلة", "Machine verdict", 16),
    Column("error_kind", "رمز نوع الخطأ", "Error kind code", 12),
    Column("error_kind_label", "نوع الخطأ", "Error kind", 16),
    Column("reference_key", "المرجع", "Reference", 24),
    Column("reference_value", "القيمة المرجعية", "Reference value", 16),
    Column("reference_unit", "وحدة المرجع", "Reference unit", 10),
    Column("ratio", "النسبة إلى المرجع", "Ratio to reference", 10),
    Column("explanation_ar", "الشرح بالعربية", "Explanation (Arabic)", 50),
    Column("explanation_en", "الشرح بالإنجليزية", "Explanation (English)", 50),
    Column("rating", "حكم المحرر", "Editor rating", 14),
    Column("rating_ar", "الحكم بالعربية", "Rating (Arabic)", 16),
    Column("rating_en", "الحكم بالإنجليزية", "Rating (English)", 16),
    Column("note", "ملاحظة المحرر", "Editor note", 40),
    Column("verdict_reference", "مرجع المحرر", "Editor's reference", 24),
    Column("editor", "المحرر", "Editor", 14),
    Column("decided_at", "تاريخ الحكم", "Decided at", 20),
    Column("published_at", "تاريخ النشر", "Published at", 20),
)

FIGURE_COLUMNS = (
    Column("claim_id", "رقم الادعاء", "Claim id", 10),
    Column("article_id", "رقم المقال", "Article id", 10),
    Column("start", "البداية", "Start", 8),
    Column("end", "النهاية", "End", 8),
    Column("text", "نص الرقم", "Figure", 24),
    Column("kind", "رمز النوع", "Kind code", 10),
    Column("kind_label", "النوع", "Kind", 12),
    Column("value", "القيمة", "Value", 16),
    Column("unit", "الوحدة", "Unit", 8),
    Column("qualifier", "رمز الدقة", "Qualifier code", 10),
    Column("qualifier_label", "الدقة", "Qualifier", 12),
    Column("check_verdict", "رمز حكم الآلة", "Machine verdict code", 14),
    Column("check_verdict_label", "حكم الآلة", "Machine verdict", 16),
    Column("reference_key", "المرجع", "Reference", 24),
    Column("reference_value", "القيمة المرجعية", "Reference value", 16),
    Column("reference_unit", "وحدة المرجع", "Reference unit", 10),
    Column("ratio", "النسبة إلى المرجع", "Ratio to reference", 10),
    Column("error_kind", "رمز نوع الخطأ", "Error kind code", 12),
    Column("error_kind_label", "نوع الخطأ", "Error kind", 16),
    Column("score", "درجة التطابق", "Match score", 10),
    Column("explanation_ar", "الشرح بالعربية", "Explanation (Arabic)", 50),
    Column("explanation_en", "الشرح بالإنجليزية", "Explanation (English)", 50),
)


def check_of(quantity: Quantity) -> QuantityCheck | None:
    try:
        return quantity.match
    except ObjectDoesNotExist:
        return None


def verdict_of(claim: Claim) -> Verdict | None:
    try:
        return claim.verdict
    except ObjectDoesNotExist:
        return None


def as_number(value: str | Decimal | None) -> Decimal | str | None:
    """A decimal string as a Decimal (so spreadsheets see a number); anything else as it is."""
    if value in (None, ""):
        return None
    if isinstance(value, Decimal):
        return Decimal(decimal_to_str(value))
    try:
        return Decimal(value)
    except InvalidOperation:
        return value


def leading_check(claim: Claim) -> QuantityCheck | None:
    """The check behind the claim's suggestion: same reference, else same verdict, else the first figure's."""
    checks = [check for check in map(check_of, claim.quantities.all()) if check is not None]
    if not checks:
        return None
    suggested_reference = (claim.suggestion or {}).get("reference")

    def rank(check: QuantityCheck) -> tuple[bool, bool]:
        same_reference = (
            bool(suggested_reference) and check.reference is not None and (check.reference.key == suggested_reference)
        )
        return (not same_reference, check.verdict != claim.suggested_verdict)

    return min(checks, key=rank)


def code_labels() -> dict[str, dict]:
    """Human labels of the codes the tables carry (status, machine verdict, error kind, figure kind, qualifier)."""

    return {
        "status": dict(ClaimStatus.choices),
        "verdict": dict(MachineVerdict.choices),
        "error": ERROR_LABELS,
        "kind": KIND_LABELS,
        "qualifier": QUALIFIER_LABELS,
    }


def code_label(group: str, code: str | None, lang: str) -> str:
    """The label of `code` in `lang` ("ar" or "en"); an unknown code as it is, no code as ""."""
    if not code:
        return ""
    with translation.override(lang):
        return str(code_labels()[group].get(code, code))


def figure_summary(quantity: Quantity) -> str:
    value = " ".join(part for part in (quantity.value_text, quantity.unit) if part)
    return f"{quantity.text} → {value}"


def _check_cells(check, lang: str) -> dict:
    """The cells of a machine check that the claims and the figures tables share (empty without one)."""
    return {
        "reference_key": check.reference.key if check and check.reference else "",
        "reference_value": as_number(check.reference_value) if check else None,
        "reference_unit": check.reference_unit if check else "",
        "ratio": as_number(check.ratio) if check else None,
        "error_kind": check.error if check else "",
        "error_kind_label": code_label("error", check.error if check else "", lang),
    }


def claim_row(claim: Claim, lang: str = "ar") -> dict:
    article = claim.article
    check = leading_check(claim)
    verdict = verdict_of(claim)
    # The matcher's suggestion explains every figure of the claim; `explanation` is English (interfaces §4).
    suggestion = claim.suggestion or {}
    label_ar, label_en = rating_labels(verdict.rating) if verdict else ("", "")
    return {
        "claim_id": claim.pk,
        "article_id": article.pk,
        "article_title": article.title,
        "article_source": article.source,
        "article_url": article.url or "",
        "claim_text": claim.text,
        "status": claim.status,
        "status_label": code_label("status", claim.status, lang),
        "checkworthiness": claim.checkworthiness,
        "figures": "؛ ".join(figure_summary(quantity) for quantity in claim.quantities.all()),
        "machine_verdict": claim.suggested_verdict,
        "machine_verdict_label": code_label("verdict", claim.suggested_verdict, lang),
        **_check_cells(check, lang),
        "explanation_ar": suggestion.get("explanation_ar") or (check.explanation_ar if check else ""),
        "explanation_en": suggestion.get("explanation") or (check.explanation_en if check else ""),
        "rating": verdict.rating if verdict else "",
        "rating_ar": label_ar,
        "rating_en": label_en,
        "note": verdict.note if verdict else "",
        "verdict_reference": verdict.reference.key if verdict and verdict.reference else "",
        "editor": verdict.editor.get_username() if verdict else "",
        "decided_at": verdict.decided_at if verdict else None,
        "published_at": verdict.published_at if verdict else None,
    }


def figure_rows(claim: Claim, lang: str = "ar") -> Iterable[dict]:
    for quantity in claim.quantities.all():
        check = check_of(quantity)
        yield {
            "claim_id": claim.pk,
            "article_id": claim.article_id,
            "start": quantity.start,
            "end": quantity.end,
            "text": quantity.text,
            "kind": quantity.kind,
            "kind_label": code_label("kind", quantity.kind, lang),
            "value": as_number(quantity.value_text),
            "unit": quantity.unit,
            "qualifier": quantity.qualifier,
            "qualifier_label": code_label("qualifier", quantity.qualifier, lang),
            "check_verdict": check.verdict if check else "",
            "check_verdict_label": code_label("verdict", check.verdict if check else "", lang),
            **_check_cells(check, lang),
            "score": check.score if check else None,
            "explanation_ar": check.explanation_ar if check else "",
            "explanation_en": check.explanation_en if check else "",
        }


# --- Claim rows from plain database rows (the CSV export) --------------------------------------------
# The same rows as `claim_row`, read with `values_list()`: no model instance, no parsed JSON, labels
# looked up once per export. One query per chunk of claims (their article, suggestion keys and
# verdict joined in) and one for the chunk's figures with their checks.

_CLAIM_VALUES = {
    "id": "id",
    "article_id": "article_id",
    "article_title": "article__title",
    "article_source": "article__source",
    "article_url": "article__url",
    "text": "text",
    "status": "status",
    "checkworthiness": "checkworthiness",
    "suggested_verdict": "suggested_verdict",
    "suggested_reference": KT("suggestion__reference"),
    "suggested_explanation_ar": KT("suggestion__explanation_ar"),
    "suggested_explanation_en": KT("suggestion__explanation"),
    "rating": "verdict__rating",
    "note": "verdict__note",
    "verdict_reference": "verdict__reference__key",
    "editor": "verdict__editor__username",
    "decided_at": "verdict__decided_at",
    "published_at": "verdict__published_at",
}
_FIGURE_VALUES = (
    "claim_id", "text", "value_text", "unit", "match__id", "match__verdict", "match__error",
    "match__reference__key", "match__reference_value", "match__reference_unit", "match__ratio",
    "match__explanation_ar", "match__explanation_en",
)


def _labels(group: str, lang: str) -> dict[str, str]:
    with translation.override(lang):
        return {code: str(label) for code, label in code_labels()[group].items()}


def claim_table(claims: QuerySet[Claim], *, lang: str = "ar", chunk_size: int = 1000) -> Iterator[dict]:
    """`claim_row` of each claim of `claims`, in its order, read as plain rows `chunk_size` at a time."""
    status_labels, verdict_labels, error_labels = (_labels(group, lang) for group in ("status", "verdict", "error"))
    ratings = {rating: rating_labels(rating) for rating in Rating.values}
    names = list(_CLAIM_VALUES)
    fields = {name: field for name, field in _CLAIM_VALUES.items() if not isinstance(field, str)}
    rows = (
        claims.prefetch_related(None)
        .annotate(**{f"_{name}": field for name, field in fields.items()})
        .values_list(*[field if isinstance(field, str) else f"_{name}" for name, field in _CLAIM_VALUES.items()])
        .iterator(chunk_size=chunk_size)
    )
    while chunk := list(islice(rows, chunk_size)):
        figures: dict[int, list[tuple]] = {}
        for figure in (
            Quantity.objects.filter(claim_id__in=[row[0] for row in chunk])
            .order_by("claim_id", "position", "start", "id")
            .values_list(*_FIGURE_VALUES)
        ):
            figures.setdefault(figure[0], []).append(figure)
        for values in chunk:
            claim = dict(zip(names, values, strict=True))
            claim_figures = figures.get(claim["id"], [])
            check = _leading_figure_check(claim, claim_figures)
            rating = claim["rating"]
            label_ar, label_en = (ratings.get(rating) or (rating, rating)) if rating is not None else ("", "")
            error = check[6] if check else ""
            yield {
                "claim_id": claim["id"],
                "article_id": claim["article_id"],
                "article_title": claim["article_title"],
                "article_source": claim["article_source"],
                "article_url": claim["article_url"] or "",
                "claim_text": claim["text"],
                "status": claim["status"],
                "status_label": status_labels.get(claim["status"], claim["status"]) if claim["status"] else "",
                "checkworthiness": claim["checkworthiness"],
                "figures": "؛ ".join(
                    f"{figure[1]} → {' '.join(part for part in (figure[2], figure[3]) if part)}"
                    for figure in claim_figures
                ),
                "machine_verdict": claim["suggested_verdict"],
                "machine_verdict_label": verdict_labels.get(claim["suggested_verdict"], claim["suggested_verdict"])
                if claim["suggested_verdict"] else "",
                "error_kind": error,
                "error_kind_label": error_labels.get(error, error) if error else "",
                "reference_key": (check[7] or "") if check else "",
                "reference_value": as_number(check[8]) if check else None,
                "reference_unit": check[9] if check else "",
                "ratio": as_number(check[10]) if check else None,
                "explanation_ar": claim["suggested_explanation_ar"] or (check[11] if check else ""),
                "explanation_en": claim["suggested_explanation_en"] or (check[12] if check else ""),
                "rating": rating or "",
                "rating_ar": label_ar,
                "rating_en": label_en,
                "note": claim["note"] or "",
                "verdict_reference": claim["verdict_reference"] or "",
                "editor": claim["editor"] or "",
                "decided_at": claim["decided_at"],
                "published_at": claim["published_at"],
            }


def _leading_figure_check(claim: dict, figures: list[tuple]) -> tuple | None:
    """`leading_check` over plain figure rows: the first with a check, ranked the same way."""
    checks = [figure for figure in figures if figure[4] is not None]
    if not checks:
        return None
    suggested_reference = claim["suggested_reference"]

    def rank(figure: tuple) -> tuple[bool, bool]:
        same_reference = bool(suggested_reference) and figure[7] is not None and figure[7] == suggested_reference
        return (not same_reference, figure[5] != claim["suggested_verdict"])

    return min(checks, key=rank)
