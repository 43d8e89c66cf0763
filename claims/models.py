"""The workbench's data: articles and their claims, the reference library, verdicts, webhooks.

Business logic lives in `claims.services` (writes) and `claims.selectors` (reads); models only
carry their fields and small named methods for their own derived state.
"""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Every stored URL is a web address: the default URL validator also lets ftp:// through.
HTTP_URL = URLValidator(schemes=["http", "https"])

VALUE_DIGITS = 40
VALUE_PLACES = 20


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    EXTRACTING = "extracting", _("Extracting")
    MATCHING = "matching", _("Matching")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ClaimStatus(models.TextChoices):
    NEW = "new", _("New")
    SUGGESTED = "suggested", _("Suggested")
    IN_REVIEW = "in_review", _("In review")
    DECIDED = "decided", _("Decided")
    PUBLISHED = "published", _("Published")
    # An editor's dismissal: the sentence is not worth checking (a label the check-worthiness model learns from).
    NOT_CHECKWORTHY = "not_checkworthy", _("Not check-worthy")


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted")
    EDITOR = "editor", _("Added by an editor")


class MachineVerdict(models.TextChoices):
    SUPPORTED = "supported", _("Supported")
    CONTRADICTED = "contradicted", _("Contradicted")
    MIXED = "mixed", _("Mixed")
    MISLEADING_BOUND = "misleading_bound", _("True but misleading bound")
    UNVERIFIED = "unverified", _("Unverified")


class Rating(models.TextChoices):
    """Editor ratings, compatible with ClaimReview (best 5 … worst 1)."""

    TRUE = "true", _("True")
    MOSTLY_TRUE = "mostly_true", _("Mostly true")
    MISLEADING = "misleading", _("Misleading")
    WRONG_FIGURE = "wrong_figure", _("Wrong figure")
    FALSE = "false", _("False")
    UNVERIFIABLE = "unverifiable", _("Unverifiable")


CLOSED_CLAIM_STATUSES = (ClaimStatus.DECIDED, ClaimStatus.PUBLISHED, ClaimStatus.NOT_CHECKWORTHY)


def queue_closed_rank():
    """0 for claims still to review, 1 for decided or published ones: the queue's first sort key."""
    return Case(
        When(status__in=CLOSED_CLAIM_STATUSES, then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def queue_machine_rank():
    """The machine's contradictions first, then its mixed findings, then the rest: the second sort key."""
    return Case(
        When(suggested_verdict=MachineVerdict.CONTRADICTED, then=Value(0)),
        When(suggested_verdict=MachineVerdict.MIXED, then=Value(1)),
        When(suggested_verdict=MachineVerdict.MISLEADING_BOUND, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
class ReferenceOrigin(models.TextChoices):
    """Where a reference statement came from; the matcher and the claim memory read it."""

    LIBRARY = "library", _("Reference library")
    DOCUMENT = "document", _("Source document")
    VERDICT = "verdict", _("Our earlier verdict")
    CLAIMREVIEW = "claimreview", _("Published fact-check (ClaimReview)")
    TABLE = "table", _("Statistics table")
    PDF = "pdf", _("PDF report")


class Article(models.Model):
    title = models.CharField(_("title"), max_length=500)
    source = models.CharField(_("source"), max_length=500, help_text=_("File name, feed or URL it came from."))
    # null, not "", for "no URL": the exported claim objects give `"url": null`.
    url = models.URLField(_("URL"), max_length=2000, blank=True, null=True, validators=[HTTP_URL])  # noqa: DJ001
    language = models.CharField(_("language"), max_length=8, default="ar")
    # The text exactly as received: every offset in the workbench points into it. Never modified.
    text = models.TextField(_("text"))
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    ingested_at = models.DateTimeField(_("ingested"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ArticleStatus.choices, default=ArticleStatus.QUEUED, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    # The outbox: when the article's task was last handed to the broker. Null while the article waits
    # for a message (just ingested, or the broker was unavailable); the sweep sends those.
    queued_at = models.DateTimeField(_("sent to the queue"), null=True, blank=True)
    # The Celery task that holds the article while it is processed (its retries and redeliveries
    # keep the id); another task leaves the article alone until the hold is stale.
    task_id = models.CharField(_("task"), max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-ingested_at"]
        indexes = [
            models.Index(fields=["status", "status_changed_at"]),
            models.Index(
                fields=["queued_at"], condition=Q(status="queued"), name="article_outbox"
            ),
            models.Index(fields=["-ingested_at"], name="article_newest"),
        ]

    def __str__(self):
        return self.title


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims", verbose_name=_("article"))
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    text = models.TextField(_("claim"))
    # normalize(text): what search compares against (diacritics, hamza and alef variants folded).
    normalized_text = models.TextField(_("normalized text"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, default="numeric")
    checkworthiness = models.FloatField(_("check-worthiness"), default=0.0)
    status = models.CharField(_("status"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
        verbose_name=_("assignee"),
    )
    # Higher first in the review queue; see services.claim_priority().
    priority = models.IntegerField(_("priority"), default=0)
    suggested_verdict = models.CharField(
        _("suggested verdict"), max_length=16, choices=MachineVerdict.choices, blank=True
    )
    # The matcher's claim-level suggestion (interfaces §4 "suggestion"): reference, score, explanations.
    suggestion = models.JSONField(_("suggestion"), default=dict, blank=True)
    suggested_at = models.DateTimeField(_("suggested"), null=True, blank=True)
    # Set when the claim must be matched (again): new claim, reference library changed, re-run asked.
    needs_matching = models.BooleanField(_("needs matching"), default=True)
    origin = models.CharField(_("origin"), max_length=16, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED)
    # The editors' check-worthiness label (1 worth checking, 0 not), set by their decisions; see
    # claims.services.checkworthiness. `labelled_at` lets the retraining task count new labels.
    editor_label = models.SmallIntegerField(_("check-worthy (editor)"), null=True, blank=True)
    labelled_at = models.DateTimeField(_("labelled"), null=True, blank=True, db_index=True)
    # Optimistic lock: every editor save must name the version it started from.
    version = models.PositiveIntegerField(_("version"), default=1)
    # Claim memory: earlier fact-checks (ours or published ClaimReview) this claim repeats, best first:
    # [{"key", "origin", "rating", "url", "publisher", "date", "similarity", "claim"}]. `memory_key` is
    # the best one's reference key, indexed so the queue can group a claim with its repeats.
    checked_before = models.JSONField(_("checked before"), default=list, blank=True)
    memory_key = models.CharField(_("repeats"), max_length=200, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["normalized_text", "needs_matching", "checked_before", "memory_key"])

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-priority", "-checkworthiness", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="claim_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="claim_span_not_empty"),
        ]
        indexes = [
            models.Index(fields=["status", "-priority"]),
            models.Index(fields=["suggested_verdict", "-priority"]),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["needs_matching"], condition=Q(needs_matching=True), name="claim_dirty"),
            models.Index(fields=["created_at"]),
            # The review queue's exact order (selectors.QUEUE_ORDERING), so page 1 of a million claims
            # reads 50 index entries instead of sorting them all ...
            models.Index(
                queue_closed_rank(),
                queue_machine_rank(),
                F("priority").desc(),
                F("checkworthiness").desc(),
                F("id"),
                name="claim_queue_order",
            ),
            # ... and the same order inside one status (the queue's status filter), open statuses only:
            # decided claims leave the working set.
            models.Index(
                F("status"),
                queue_machine_rank(),
                F("priority").desc(),
                F("checkworthiness").desc(),
                F("id"),
                name="claim_open_queue_order",
                condition=~Q(status__in=CLOSED_CLAIM_STATUSES),
            ),
            models.Index(fields=["article", "start"], name="claim_article_reading"),
            # A claim's repeats (the queue counts their articles per row): only claims that repeat one,
            # so the planner never expects the empty key's million rows behind a lookup.
            models.Index(fields=["memory_key", "article"], name="claim_repeats", condition=~Q(memory_key="")),
        ]

    def __str__(self):
        return self.text[:80]


class CheckworthinessModel(models.Model):
    """A check-worthiness model trained on the newsroom's labels (the shipped default is not stored)."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    training_size = models.PositiveIntegerField(_("training size"))
    heldout_size = models.PositiveIntegerField(_("held-out size"), default=0)
    # ROC-AUC on the held-out slice of the newsroom's labels, and the model it had to beat on that slice.
    heldout_auc = models.FloatField(_("held-out ROC-AUC"), null=True, blank=True)
    previous_auc = models.FloatField(_("previous model's held-out ROC-AUC"), null=True, blank=True)
    # Scores at or above it count as check-worthy (the best F1 on the held-out slice).
    threshold = models.FloatField(_("threshold"), default=0.5)
    is_active = models.BooleanField(_("active"), default=False)
    # sha256 of the labels it was trained on: the same labels never train a second model.
    labels_fingerprint = models.CharField(_("labels fingerprint"), max_length=64, unique=True)
    data = models.BinaryField(_("model"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("check-worthiness model")
        verbose_name_plural = _("check-worthiness models")
        ordering = ["-version"]

    def __str__(self):
        return f"v{self.version}"


class Quantity(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quantities", verbose_name=_("claim"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    text = models.CharField(_("text"), max_length=500)
    kind = models.CharField(_("kind"), max_length=16, db_index=True)
    # The value exactly as the interfaces give it (decimal string, or ISO date for kind=date) ...
    value_text = models.CharField(_("value"), max_length=64)
    # ... and as a number for sorting and filtering (null for dates).
    value = models.DecimalField(
        _("numeric value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=16, blank=True, db_index=True)
    qualifier = models.CharField(_("qualifier"), max_length=16, default="exact")
    precision = models.DecimalField(
        _("precision"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    extras = models.JSONField(_("extras"), default=dict, blank=True)

    class Meta:
        verbose_name = _("quantity")
        verbose_name_plural = _("quantities")
        ordering = ["claim", "position"]
        indexes = [
            # The figure index: "has this figure been checked?" is a range scan on the value in base
            # units (558 مليون → 558000000), narrowed by kind and unit when the query names them.
            models.Index(fields=["value"], name="quantity_value"),
            models.Index(fields=["kind", "unit", "value"], name="quantity_figure"),
            models.Index(fields=["value_text"], name="quantity_value_text"),
        ]

    def __str__(self):
        return self.text


class CheckedFigure(models.Model):
    """The figure index: one row per figure of a decided or published claim, so "has this figure been
    checked?" is a range scan over checked figures alone (a tenth of all figures), newest first.

    Kept by services.checked_figures (verdict set, status changed); never edited by hand.
    """

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="checked_figures", verbose_name=_("claim")
    )
    kind = models.CharField(_("kind"), max_length=16)
    unit = models.CharField(_("unit"), max_length=16, blank=True)
    # In base units (558 مليون دولار → 558000000), as Quantity.value; null for dates ...
    value = models.DecimalField(
        _("numeric value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    # ... which are found by their ISO text.
    value_text = models.CharField(_("value"), max_length=64)
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        verbose_name = _("checked figure")
        verbose_name_plural = _("checked figures")
        indexes = [
            models.Index(fields=["value", "-decided_at"], name="checked_figure_value"),
            models.Index(fields=["value_text"], name="checked_figure_text", condition=Q(value__isnull=True)),
        ]

    def __str__(self):
        return f"{self.value_text} {self.unit}".strip()


class ReferenceSource(models.Model):
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    url = models.URLField(_("URL"), max_length=2000, blank=True, validators=[HTTP_URL])
    published = models.DateField(_("published"), null=True, blank=True)
    reliability_note = models.TextField(_("reliability note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reference source")
        verbose_name_plural = _("reference sources")
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["title", "url"], name="source_unique_title_url")]

    def __str__(self):
        return self.title


class ReferenceDocument(models.Model):
    """A whole source document an editor adds; it is split into statements automatically."""

    source = models.ForeignKey(
        ReferenceSource, on_delete=models.CASCADE, related_name="documents", verbose_name=_("source")
    )
    url = models.URLField(_("URL"), max_length=2000, blank=True, validators=[HTTP_URL])
    upload = models.FileField(_("file"), upload_to="reference-documents/", blank=True)
    text = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="ar")
    status = models.CharField(_("status"), max_length=16, default="queued")
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reference document")
        verbose_name_plural = _("reference documents")

    def __str__(self):
        return f"{self.source} #{self.pk}"


class ReferenceStatement(models.Model):
    key = models.SlugField(_("key"), max_length=200, unique=True, help_text=_("Stable external id."))
    source = models.ForeignKey(
        ReferenceSource,
        on_delete=models.PROTECT,
        related_name="statements",
        null=True,
        blank=True,
        verbose_name=_("source"),
    )
    document = models.ForeignKey(
        ReferenceDocument,
        on_delete=models.CASCADE,
        related_name="statements",
        null=True,
        blank=True,
        verbose_name=_("document"),
    )
    text = models.TextField(_("statement"))
    text_en = models.TextField(_("statement (English)"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="ar")
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    metric = models.CharField(_("metric"), max_length=300, blank=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    kind = models.CharField(_("kind"), max_length=16, blank=True)
    value_text = models.CharField(_("value"), max_length=64, blank=True)
    unit = models.CharField(_("unit"), max_length=16, blank=True)
    qualifier = models.CharField(_("qualifier"), max_length=16, blank=True)
    as_of = models.CharField(_("as of"), max_length=10, blank=True, help_text=_("YYYY, YYYY-MM or YYYY-MM-DD"))
    # Provenance beyond the source: where the statement came from, the rating and link of a fact-check
    # it records (our verdict or a publisher's ClaimReview), the page of a PDF report.
    origin = models.CharField(
        _("origin"), max_length=16, choices=ReferenceOrigin.choices, default=ReferenceOrigin.LIBRARY, db_index=True
    )
    rating = models.CharField(_("rating"), max_length=100, blank=True)
    review_url = models.URLField(_("fact-check URL"), max_length=2000, blank=True)
    page = models.PositiveIntegerField(_("page"), null=True, blank=True)
    checked_claim = models.OneToOneField(
        "Claim",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memory_reference",
        verbose_name=_("checked claim"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reference statement")
        verbose_name_plural = _("reference statements")
        ordering = ["key"]

    def __str__(self):
        return self.key


class QuantityCheck(models.Model):
    """The matcher's comparison of one claimed figure with the reference library."""

    quantity = models.OneToOneField(
        Quantity, on_delete=models.CASCADE, related_name="match", verbose_name=_("quantity")
    )
    verdict = models.CharField(_("verdict"), max_length=16, choices=MachineVerdict.choices, db_index=True)
    reference = models.ForeignKey(
        ReferenceStatement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checks",
        verbose_name=_("reference"),
    )
    reference_value = models.CharField(_("reference value"), max_length=64, blank=True)
    reference_unit = models.CharField(_("reference unit"), max_length=16, blank=True)
    ratio = models.DecimalField(
        _("ratio"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    error = models.CharField(_("error kind"), max_length=16, blank=True, db_index=True)
    score = models.FloatField(_("score"), default=0.0)
    explanation_ar = models.TextField(_("explanation (Arabic)"), blank=True)
    explanation_en = models.TextField(_("explanation (English)"), blank=True)
    # Other close references, best first: [{"key", "score", ...}], shown to the editor.
    candidates = models.JSONField(_("candidates"), default=list, blank=True)
    checked_at = models.DateTimeField(_("checked"), auto_now=True)

    class Meta:
        verbose_name = _("figure check")
        verbose_name_plural = _("figure checks")

    def __str__(self):
        return f"{self.quantity}: {self.verdict}"


class Verdict(models.Model):
    """The editor's verdict on a claim. One per claim; every change is kept in its history."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="verdict", verbose_name=_("claim"))
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices)
    note = models.TextField(_("rationale"), blank=True)
    reference = models.ForeignKey(
        ReferenceStatement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verdicts",
        verbose_name=_("reference used"),
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="verdicts",
        verbose_name=_("editor"),
    )
    decided_at = models.DateTimeField(_("decided"))
    # The right figure when the claim's is wrong (e.g. "5576000" USD for a ×100 slip); the claim memory
    # carries it to every later article that repeats the claim. Blank: taken from the figure checks.
    correct_value = models.CharField(_("correct value"), max_length=64, blank=True)
    correct_unit = models.CharField(_("correct unit"), max_length=16, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_verdicts",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        permissions = [("publish_verdict", _("Can publish verdicts"))]
        indexes = [models.Index(fields=["rating"]), models.Index(fields=["decided_at"])]

    def __str__(self):
        return f"{self.claim_id}: {self.rating}"

    def is_published(self) -> bool:
        return self.published_at is not None


class DashboardSnapshot(models.Model):
    """The dashboard's counts, computed by a beat task so the page never scans a million claims."""

    computed_at = models.DateTimeField(_("computed"), auto_now_add=True, db_index=True)
    # {"claims_total", "articles_total", "by_status": {key: n}, ..., "articles": [...]}: see selectors.
    counts = models.JSONField(_("counts"), default=dict)
    seconds = models.FloatField(_("seconds to compute"), default=0.0)

    class Meta:
        verbose_name = _("dashboard snapshot")
        verbose_name_plural = _("dashboard snapshots")
        ordering = ["-computed_at"]

    def __str__(self):
        return f"{self.computed_at:%Y-%m-%d %H:%M:%S}"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ExportJob(models.Model):
    """A big export the admin handed to a worker; the file is offered when it is ready."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs", verbose_name=_("requested by")
    )
    fmt = models.CharField(_("format"), max_length=16)
    lang = models.CharField(_("language"), max_length=8, default="ar")
    # The claims to export, as ids (the admin's selection is frozen when the job is created).
    claim_ids = models.JSONField(_("claims"), default=list)
    status = models.CharField(
        _("status"), max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED, db_index=True
    )
    file = models.FileField(_("file"), upload_to="exports/", blank=True)
    records = models.PositiveIntegerField(_("records"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.fmt} #{self.pk}"

    def is_ready(self) -> bool:
        return self.status == ExportStatus.READY and bool(self.file)


class WebhookSubscription(models.Model):
    """An API client's URL that receives a signed POST when a verdict is published."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks", verbose_name=_("API client")
    )
    url = models.URLField(_("URL"), max_length=2000, validators=[HTTP_URL])
    secret = models.CharField(_("signing secret"), max_length=128)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self):
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscription")
    )
    event = models.CharField(_("event"), max_length=64)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_code = models.PositiveIntegerField(_("response code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    # When a task took the delivery to POST it: a `sending` row older than FACTCHECK_STUCK_SECONDS
    # was left by a worker that died, and may be taken again.
    sending_since = models.DateTimeField(_("sending since"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.event} → {self.subscription}"


class TableImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ReferenceTableImport(models.Model):
    """A statistics table (CSV/XLSX) imported row by row as reference statements, in a Celery task."""

    name = models.SlugField(_("name"), max_length=100, help_text=_("Prefix of the statements' keys."))
    upload = models.FileField(_("file"), upload_to="reference-tables/")
    # Column names for subject, metric, period, value, unit (and optional: statement, qualifier).
    mapping = models.JSONField(_("column mapping"), default=dict)
    source_title = models.CharField(_("source title"), max_length=500, blank=True)
    source_url = models.URLField(_("source URL"), max_length=2000, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TableImportStatus.choices, default=TableImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    report = models.TextField(_("report"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("table import")
        verbose_name_plural = _("table imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    def progress(self) -> int:
        """Percent of rows done (0-100)."""
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0
