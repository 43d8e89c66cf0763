"""The printable report of one article: each claim, the machine's suggestion, the editor's verdict,
the correct figure and its source. Rendered as HTML for the browser and as PDF by WeasyPrint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from claims.exports.table import check_of, verdict_of
from claims.extraction.types import decimal_to_str
from claims.models import Article, Claim, ClaimStatus, ReferenceStatement
from claims.representations import rating_labels
from claims.selectors.exports import article_report_claims

MACHINE_VERDICT_LABELS = {
    "supported": ("يؤيده المرجع", "Supported"),
    "contradicted": ("يخالف المرجع", "Contradicted"),
    "mixed": ("نتيجة متباينة", "Mixed"),
    "misleading_bound": ("حدّ صحيح لكنه مضلل", "True but misleading bound"),
    "unverified": ("لا مرجع قريب", "Unverified"),
}
STATUS_LABELS = {
    ClaimStatus.NEW: ("جديد", "New"),
    ClaimStatus.SUGGESTED: ("باقتراح آلي", "Suggested"),
    ClaimStatus.IN_REVIEW: ("قيد المراجعة", "In review"),
    ClaimStatus.DECIDED: ("صدر الحكم", "Decided"),
    ClaimStatus.PUBLISHED: ("منشور", "Published"),
}


def display_value(value: str | None, unit: str | None) -> str:
    """A figure for people: "5,576,000 USD", "12.5%"; dates and other non-numbers as written."""
    if not value:
        return ""
    try:
        number = format(Decimal(decimal_to_str(Decimal(value))), ",f")
    except InvalidOperation:
        number = value
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def web_link(url: str | None) -> str:
    """The URL if it is a web address; anything else (javascript:, data:) is never made a link."""
    return url if url and url.lower().startswith(("https://", "http://")) else ""


def bilingual(labels: tuple[str, str]) -> str:
    arabic, english = labels
    return f"{arabic} / {english}" if english != arabic else arabic


@dataclass(frozen=True)
class Source:
    """Where a correct figure comes from."""

    key: str
    statement: str
    title: str
    url: str
    link: str
    publisher: str
    as_of: str

    @classmethod
    def of(cls, reference: ReferenceStatement) -> Source:
        source = reference.source
        return cls(
            key=reference.key,
            statement=reference.text,
            title=source.title if source else "",
            url=source.url if source else "",
            link=web_link(source.url) if source else "",
            publisher=source.publisher if source else "",
            as_of=reference.as_of,
        )


@dataclass(frozen=True)
class FigureLine:
    text: str
    value: str
    verdict: str
    correct_figure: str
    explanation_ar: str
    explanation_en: str
    source: Source | None


@dataclass(frozen=True)
class VerdictLine:
    rating: str
    label: str
    note: str
    editor: str
    decided_at: object
    published_at: object
    source: Source | None


@dataclass(frozen=True)
class ClaimLine:
    id: int
    anchor: str
    text: str
    status: str
    checkworthiness: float
    suggestion: str
    suggestion_explanation_ar: str
    suggestion_explanation_en: str
    figures: list[FigureLine] = field(default_factory=list)
    verdict: VerdictLine | None = None


def figure_line(quantity) -> FigureLine:
    check = check_of(quantity)
    reference = check.reference if check else None
    return FigureLine(
        text=quantity.text,
        value=display_value(quantity.value_text, quantity.unit),
        verdict=bilingual(MACHINE_VERDICT_LABELS.get(check.verdict, (check.verdict, check.verdict))) if check else "",
        correct_figure=display_value(check.reference_value, check.reference_unit) if check else "",
        explanation_ar=check.explanation_ar if check else "",
        explanation_en=check.explanation_en if check else "",
        source=Source.of(reference) if reference else None,
    )


def verdict_line(claim: Claim) -> VerdictLine | None:
    verdict = verdict_of(claim)
    if verdict is None:
        return None
    return VerdictLine(
        rating=verdict.rating,
        label=bilingual(rating_labels(verdict.rating)),
        note=verdict.note,
        editor=verdict.editor.get_username(),
        decided_at=verdict.decided_at,
        published_at=verdict.published_at,
        source=Source.of(verdict.reference) if verdict.reference else None,
    )


def claim_line(claim: Claim) -> ClaimLine:
    suggestion = claim.suggestion or {}
    machine = claim.suggested_verdict or suggestion.get("verdict", "")
    return ClaimLine(
        id=claim.pk,
        anchor=f"claim-{claim.pk}",
        text=claim.text,
        status=bilingual(STATUS_LABELS.get(claim.status, (claim.status, claim.status))),
        checkworthiness=claim.checkworthiness,
        suggestion=bilingual(MACHINE_VERDICT_LABELS[machine]) if machine in MACHINE_VERDICT_LABELS else "",
        suggestion_explanation_ar=suggestion.get("explanation_ar", ""),
        suggestion_explanation_en=suggestion.get("explanation", ""),
        figures=[figure_line(quantity) for quantity in claim.quantities.all()],
        verdict=verdict_line(claim),
    )


def article_report_context(article: Article) -> dict:
    claims = [claim_line(claim) for claim in article_report_claims(article)]
    return {
        "article": article,
        "article_link": web_link(article.url),
        "claims": claims,
        "decided_count": sum(1 for claim in claims if claim.verdict),
        "organization": settings.FACTCHECK_ORGANIZATION_NAME,
        "generated_at": timezone.now(),
    }


def render_article_report(article: Article, *, for_print: bool = False) -> str:
    context = article_report_context(article)
    context["for_print"] = for_print
    return render_to_string("reports/article_report.html", context)


def render_article_pdf(article: Article) -> bytes:
    """The report as PDF: WeasyPrint shapes the Arabic (HarfBuzz) and lays it out right to left."""
    from weasyprint import HTML  # heavy import (Pango, fonts): only when a PDF is asked for

    return HTML(string=render_article_report(article, for_print=True), base_url=str(settings.BASE_DIR)).write_pdf()
