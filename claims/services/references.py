"""The reference library: import records (interfaces §2), split source documents, re-queue matching.

Every door (the `import_references` command, the admin's import/export, the admin's forms, the API,
the document splitter) goes through `reference_record_clean` (claims.lib.records.parse) and
`reference_upsert`, so a record is accepted or refused for the same reason everywhere. Whenever
statements change, the claims they could affect are flagged `needs_matching` and a batched rematch
is queued after the commit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from claims.extraction import extract, normalize
from claims.lib import documents, http, records, sources, validation
from claims.lib.errors import TRANSIENT_ERRORS
from claims.lib.pdf import PAGE_BREAK, page_of, pdf_pages
from claims.lib.records import ReferenceRecordError
from claims.matching import statement_from_record
from claims.models import Claim, ReferenceDocument, ReferenceOrigin, ReferenceSource, ReferenceStatement
from claims.services.rows import row_claim
from claims.tasks.matching import rematch_dirty_claims, split_reference_document

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 4000


@dataclass(frozen=True)
class ReferenceRowResult:
    where: str  # "line 3" (JSONL, CSV) or "item 2" (JSON list index)
    key: str
    action: str  # created | updated | unchanged | skipped
    reason: str = ""


@dataclass
class ReferenceImportReport:
    rows: list[ReferenceRowResult]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def skipped(self) -> list[ReferenceRowResult]:
        return [row for row in self.rows if row.action == "skipped"]

    def summary(self) -> str:
        return (
            f"created: {self.count('created')}, updated: {self.count('updated')}, "
            f"unchanged: {self.count('unchanged')}, skipped: {self.count('skipped')}"
        )


# --- One record ----------------------------------------------------------------------------------------


def reference_record_clean(record: dict) -> dict:
    """Check one §2 record (claims.lib.records) and return the model's field values, with the
    source's under "source". Raises ReferenceRecordError with a reason an editor can act on."""
    parsed = records.parse(record)
    if parsed.origin not in ReferenceOrigin.values:
        raise ReferenceRecordError(
            _("bad origin %(value)s: one of %(choices)s")
            % {"value": repr(parsed.origin), "choices": ", ".join(ReferenceOrigin.values)}
        )
    return {**parsed.statement_fields(), "source": parsed.source_fields()}


def reference_record(statement: ReferenceStatement) -> dict:
    """A stored statement as a §2 record: what the engine reads and what an export writes."""

    def value_of(attribute: str):
        if attribute.startswith("source__"):
            return getattr(statement.source, attribute.removeprefix("source__")) if statement.source else ""
        return getattr(statement, attribute)

    return records.as_dict(value_of)


# --- Writing ------------------------------------------------------------------------------------------


def reference_source_get_or_create(
    *, title: str, url: str = "", publisher: str = "", published: str = ""
) -> ReferenceSource | None:
    """The source named by a record; None when the record names none. A year or month alone is
    stored as its first day (the DateField needs a full date)."""
    title = title or publisher or url
    if not title:
        return None
    published_date = records.first_day(published) if published else None
    source, created = ReferenceSource.objects.get_or_create(
        title=title[:500],
        url=url,
        defaults={"publisher": publisher, "published": published_date},
    )
    if not created:
        changes = {}
        if publisher and publisher != source.publisher:
            changes["publisher"] = publisher
        if published_date and published_date != source.published:
            changes["published"] = published_date
        if changes:
            for name, value in changes.items():
                setattr(source, name, value)
            source.save(update_fields=[*changes, "updated_at"])
    return source


def reference_statement_apply(*, statement: ReferenceStatement, cleaned: dict) -> bool:
    """Copy cleaned record values onto a statement (not saved). True when anything changed."""
    source_fields = cleaned["source"]
    source = reference_source_get_or_create(**source_fields)
    changed = statement.source_id != (source.id if source else None)
    statement.source = source
    for name, value in cleaned.items():
        if name == "source":
            continue
        if getattr(statement, name) != value:
            setattr(statement, name, value)
            changed = True
    return changed


def reference_upsert(
    *, record: dict, document: ReferenceDocument | None = None, rematch: bool = True
) -> tuple[ReferenceStatement, str]:
    """Create or update the statement with the record's key. Returns it and "created", "updated"
    or "unchanged". Raises ReferenceRecordError for a bad record (nothing is written then)."""
    cleaned = reference_record_clean(record)
    with transaction.atomic():
        statement = ReferenceStatement.objects.select_for_update().filter(key=cleaned["key"]).first()
        created = statement is None
        if created:
            statement = ReferenceStatement(key=cleaned["key"])
        changed = reference_statement_apply(statement=statement, cleaned=cleaned)
        if document is not None and statement.document_id != document.id:
            statement.document = document
            changed = True
        if not (created or changed):
            return statement, "unchanged"
        statement.save()
        if rematch:
            claims_mark_for_rematch(statements=[statement])
    return statement, "created" if created else "updated"


def reference_statement_save(*, statement: ReferenceStatement) -> ReferenceStatement:
    """Save a statement edited by hand (the admin's form, already checked with
    `reference_record_clean`) and re-queue the claims it could affect."""
    with transaction.atomic():
        if statement.value_text:
            _, statement.kind = records.value_and_kind({"value": statement.value_text, "unit": statement.unit})
        else:
            statement.qualifier = ""
        statement.save()
        claims_mark_for_rematch(statements=[statement])
    return statement


def reference_import(
    *, records: Iterable[tuple[str, dict | Exception]], document: ReferenceDocument | None = None
) -> ReferenceImportReport:
    """Import records one by one: a bad record is reported (where, why) and skipped, good ones are
    kept. The claims the changed statements could affect are re-queued once, at the end."""
    rows = []
    changed = []
    for where, record in records:
        if isinstance(record, Exception):
            rows.append(ReferenceRowResult(where=where, key="", action="skipped", reason=str(record)))
            continue
        key = str(record.get("key") or "").strip()
        try:
            statement, action = reference_upsert(record=record, document=document, rematch=False)
        except ReferenceRecordError as error:
            rows.append(ReferenceRowResult(where=where, key=key, action="skipped", reason=str(error)))
            continue
        except TRANSIENT_ERRORS:
            raise
        except DatabaseError as error:  # e.g. a value too long for this database's column
            rows.append(ReferenceRowResult(where=where, key=key, action="skipped", reason=f"not stored: {error}"))
            continue
        rows.append(ReferenceRowResult(where=where, key=statement.key, action=action))
        if action != "unchanged":
            changed.append(statement)
    claims_mark_for_rematch(statements=changed)
    return ReferenceImportReport(rows=rows)


def reference_import_bulk(*, records: Iterable[tuple[str, dict | Exception]]) -> ReferenceImportReport:
    """`reference_import` for thousands of records (statistics tables): each record is checked the same
    way, then the statements are written with a few bulk queries instead of a few per record."""
    rows: list[ReferenceRowResult] = []
    cleaned_by_key: dict[str, tuple[str, dict]] = {}
    for where, record in records:
        if isinstance(record, Exception):
            rows.append(ReferenceRowResult(where=where, key="", action="skipped", reason=str(record)))
            continue
        try:
            cleaned = reference_record_clean(record)
        except ReferenceRecordError as error:
            key = str(record.get("key") or "").strip() if isinstance(record, dict) else ""
            rows.append(ReferenceRowResult(where=where, key=key, action="skipped", reason=str(error)))
            continue
        if cleaned["key"] in cleaned_by_key:
            first = cleaned_by_key[cleaned["key"]][0]
            rows.append(ReferenceRowResult(where=where, key=cleaned["key"], action="skipped",
                                           reason=f"the same statement as {first}"))
            continue
        cleaned_by_key[cleaned["key"]] = (where, cleaned)
    existing = {
        statement.key: statement
        for statement in ReferenceStatement.objects.filter(key__in=list(cleaned_by_key)).select_related("source")
    }
    sources: dict[tuple, ReferenceSource | None] = {}
    created, updated = [], []
    for key, (where, cleaned) in cleaned_by_key.items():
        source_fields = cleaned.pop("source")
        source_key = tuple(sorted(source_fields.items()))
        if source_key not in sources:
            sources[source_key] = reference_source_get_or_create(**source_fields)
        statement = existing.get(key) or ReferenceStatement(key=key)
        changed = statement.source_id != (sources[source_key].id if sources[source_key] else None)
        statement.source = sources[source_key]
        for name, value in cleaned.items():
            if getattr(statement, name) != value:
                setattr(statement, name, value)
                changed = True
        if key not in existing:
            created.append(statement)
            rows.append(ReferenceRowResult(where=where, key=key, action="created"))
        elif changed:
            updated.append(statement)
            rows.append(ReferenceRowResult(where=where, key=key, action="updated"))
        else:
            rows.append(ReferenceRowResult(where=where, key=key, action="unchanged"))
    with transaction.atomic():
        bulk_create_with_history(created, ReferenceStatement, batch_size=_UPDATE_CHUNK)
        if updated:
            now = timezone.now()
            for statement in updated:
                statement.updated_at = now  # bulk_update does not apply auto_now
            bulk_update_with_history(updated, ReferenceStatement, fields=list(_BULK_FIELDS), batch_size=_UPDATE_CHUNK)
        changed_keys = [statement.key for statement in created + updated]
        changed_statements = list(ReferenceStatement.objects.filter(key__in=changed_keys).select_related("source"))
        claims_mark_for_rematch(statements=changed_statements)
    return ReferenceImportReport(rows=rows)


_BULK_FIELDS = (
    "source", "text", "text_en", "language", "subject", "metric", "aliases", "kind", "value_text", "unit",
    "qualifier", "as_of", "origin", "rating", "review_url", "page", "updated_at",
)


def reference_delete(*, statements: Iterable[ReferenceStatement]) -> int:
    """Delete statements; the claims they backed (or could have) are re-queued first."""
    statements = list(statements)
    with transaction.atomic():
        claims_mark_for_rematch(statements=statements)
        deleted, _ = ReferenceStatement.objects.filter(id__in=[s.id for s in statements]).delete()
    return deleted


# --- Rematching -----------------------------------------------------------------------------------------

# Kinds the matcher compares with each other (a percent and a fraction are both a share).
_COMPARABLE_KINDS = {"percent": ("percent", "fraction"), "fraction": ("percent", "fraction")}
_UPDATE_CHUNK = 500


def statement_figure_kinds(statement: ReferenceStatement) -> set[str]:
    """The kinds of the figures a statement backs: its explicit value and those written in it."""
    try:
        figures = statement_from_record(reference_record(statement)).figures
    except ValueError:
        logger.warning("reference %s cannot be read by the matcher", statement.key)
        return {statement.kind} if statement.kind else set()
    return {figure.kind for figure in figures}


def _mention_key(statement: ReferenceStatement) -> tuple[frozenset[str], frozenset[str]] | None:
    """The names a statement is about and the kinds of figure it could check; None when it has no
    name or no figure (no claim can be found through it)."""
    names = {name.strip() for name in (statement.subject, *(statement.aliases or [])) if name and name.strip()}
    kinds = set()
    for kind in statement_figure_kinds(statement):
        kinds.update(_COMPARABLE_KINDS.get(kind, (kind,)))
    if not names or not kinds:
        return None
    return frozenset(names), frozenset(kinds)


def _claims_mentioning(names: frozenset[str], kinds: frozenset[str]):
    """Claims with a figure of one of these kinds that mention one of these names (in the claim,
    the article's title or its text)."""
    mentions = Q()
    for name in names:
        for form in {name, normalize(name)}:
            mentions |= (
                Q(text__icontains=form)
                | Q(normalized_text__icontains=form)
                | Q(article__title__icontains=form)
                | Q(article__text__icontains=form)
            )
    return Claim.objects.filter(mentions, quantities__kind__in=sorted(kinds)).distinct()


def claims_mark_for_rematch(*, statements: Iterable[ReferenceStatement]) -> int:
    """Flag `needs_matching` on the claims a changed statement could affect, and queue a rematch.

    Affected: claims whose current checks cite the statement, and claims with a figure of a
    comparable kind whose text, article title or article text mentions the statement's subject or
    one of its aliases (the matcher reads the subject from the claim and its context). Marking a
    claim too many only costs one extra match.
    """
    statements = [statement for statement in statements if statement.pk]
    if not statements:
        return 0
    claim_ids = set()
    ids = [statement.pk for statement in statements]
    for i in range(0, len(ids), _UPDATE_CHUNK):
        citing = Claim.objects.filter(quantities__match__reference__in=ids[i : i + _UPDATE_CHUNK])
        claim_ids.update(citing.values_list("id", flat=True))
    # One query per distinct (names, kinds): a single OR over a whole import would outgrow SQLite's
    # expression limit, and the rows of a table share a handful of subjects.
    for names, kinds in {_mention_key(statement) for statement in statements} - {None}:
        claim_ids.update(_claims_mentioning(names, kinds).values_list("id", flat=True))
    if not claim_ids:
        return 0
    ordered = sorted(claim_ids)
    marked = sum(
        Claim.objects.filter(id__in=ordered[i : i + _UPDATE_CHUNK]).update(needs_matching=True)
        for i in range(0, len(ordered), _UPDATE_CHUNK)
    )
    rematch_dirty_claims.delay_on_commit()
    return marked


# --- Source documents -----------------------------------------------------------------------------------

DOCUMENT_QUEUED = "queued"
DOCUMENT_SPLITTING = "splitting"
DOCUMENT_READY = "ready"
DOCUMENT_FAILED = "failed"

_MAX_SENTENCE_CHARS = 1000
def reference_document_submit(*, document: ReferenceDocument) -> ReferenceDocument:
    """Save a document (new or to be split again) and queue its splitting after the commit."""
    document.status = DOCUMENT_QUEUED
    document.error = ""
    document.save()
    split_reference_document.delay_on_commit(document.id)
    return document


def reference_document_split(*, document_id: int) -> int:
    """Split a document into reference statements, one per sentence holding a figure.

    Keys are `<source-slug>-<n>`; splitting again keeps the keys of this document's statements (in
    order) and deletes those no longer found. Any failure is kept on the document (status, error);
    transient database errors propagate so the task retries.
    """
    # Only a queued document: a second delivery of the task finds it splitting, ready or failed.
    if not row_claim(ReferenceDocument, pk=document_id, when=Q(status=DOCUMENT_QUEUED),
                     status=DOCUMENT_SPLITTING, error=""):
        return 0
    try:
        document = ReferenceDocument.objects.select_related("source").get(id=document_id)
        text = _document_text(document)
        with transaction.atomic():
            count = _document_store_statements(document=document, text=text)
            ReferenceDocument.objects.filter(id=document_id).update(status=DOCUMENT_READY, text=text, error="")
        return count
    except TRANSIENT_ERRORS:
        ReferenceDocument.objects.filter(id=document_id).update(status=DOCUMENT_QUEUED)
        raise
    except Exception as error:  # noqa: BLE001  (kept on the row for the editor)
        logger.exception("reference document %s failed", document_id)
        message = f"{type(error).__name__}: {error}"[:ERROR_MAX_CHARS]
        ReferenceDocument.objects.filter(id=document_id).update(status=DOCUMENT_FAILED, error=message)
        return 0


def _document_text(document: ReferenceDocument) -> str:
    """The document's plain text: pasted, from the uploaded .txt/.html, or fetched from its URL."""

    if document.text.strip():
        return document.text
    if document.upload:
        with document.upload.open("rb") as handle:
            content = handle.read(settings.FACTCHECK_MAX_UPLOAD_BYTES + 1)
        if len(content) > settings.FACTCHECK_MAX_UPLOAD_BYTES:
            raise ValueError(f"the file is larger than {settings.FACTCHECK_MAX_UPLOAD_BYTES} bytes")
        if document.upload.name.lower().endswith(".pdf"):
            return PAGE_BREAK.join(pdf_pages(content))
        try:
            raw = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError("the file is not UTF-8 text") from error
        problem = validation.text_problem(raw)
        if problem:
            raise ValueError(f"the file {problem}")
        if document.upload.name.lower().endswith((".html", ".htm")):
            return documents.html_text(raw, url=None)
        return raw
    if document.url:
        try:
            response = http.fetch(document.url)
        except http.FetchError as error:  # the one generic text, whatever went wrong on the network
            raise ValueError(f"could not fetch {document.url}: {error}") from None
        if response.status >= 400:
            raise ValueError(f"could not fetch {document.url}: the server answered HTTP {response.status}")
        if response.content_type == "application/pdf" or response.content.startswith(b"%PDF-"):
            return PAGE_BREAK.join(pdf_pages(response.content))  # a report published as PDF
        html = sources.page_text(response.content, charset=response.charset)
        return documents.html_text(html, url=document.url)
    raise ValueError("the document has no text, file or URL")


def _document_store_statements(*, document: ReferenceDocument, text: str) -> int:
    quantities = extract(text).quantities
    sentences = []
    seen = set()
    for start, end in documents.document_sentences(text):
        sentence = text[start:end].strip()
        # A sentence said twice (or repeated by the HTML extraction) is one statement.
        # A figure, not a rank: "الفصل الثاني" (chapter two) alone is no statement.
        figures = (q for q in quantities if q.kind != "ordinal")
        if sentence not in seen and any(start <= quantity.start < end for quantity in figures):
            seen.add(sentence)
            sentences.append((start, end))
    source = document.source
    document_subject = documents.guess_subject(source.title) or documents.most_common_subject(text, sentences)
    slug = slugify(source.title)[:150].strip("-")
    if not re.search("[a-z]", slug):  # an Arabic title slugifies to nothing (or to its digits)
        slug = f"source-{source.id}"
    keys = _document_keys(document=document, slug=slug, count=len(sentences))
    paged = PAGE_BREAK in text  # a PDF: each statement keeps its page number
    records = []
    for key, (start, end) in zip(keys, sentences, strict=True):
        sentence = text[start:end].strip()[:_MAX_SENTENCE_CHARS]
        records.append(
            (
                key,
                {
                    "key": key,
                    "statement": sentence,
                    "language": document.language,
                    "subject": documents.guess_subject(sentence) or document_subject,
                    "source_title": source.title,
                    "source_url": source.url,
                    "publisher": source.publisher,
                    "published": source.published.isoformat() if source.published else None,
                    "origin": ReferenceOrigin.PDF if paged else ReferenceOrigin.DOCUMENT,
                    "page": page_of(text, start) if paged else None,
                },
            )
        )
    report = reference_import(records=records, document=document)
    stale = document.statements.exclude(key__in=keys)
    if stale.exists():
        reference_delete(statements=list(stale))
    if report.skipped:
        reasons = "; ".join(f"{row.key}: {row.reason}" for row in report.skipped)
        raise ValueError(f"some sentences could not be stored: {reasons}")
    return len(records)


def _document_keys(*, document: ReferenceDocument, slug: str, count: int) -> list[str]:
    """Keys for `count` sentences: this document's existing keys first (in order), then new
    `<slug>-<n>` keys not used by any other statement."""
    pattern = re.compile(rf"^{re.escape(slug)}-(\d+)$")

    def number(key: str) -> int:
        match = pattern.match(key)
        return int(match.group(1)) if match else 0

    own = sorted(document.statements.values_list("key", flat=True), key=lambda key: (number(key), key))
    keys = own[:count]
    taken = set(ReferenceStatement.objects.filter(key__startswith=f"{slug}-").values_list("key", flat=True))
    n = 0
    while len(keys) < count:
        n += 1
        key = f"{slug}-{n}"
        if key not in taken and key not in keys:
            keys.append(key)
    return keys
