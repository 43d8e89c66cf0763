"""The editors' review desk in the admin: the claim queue, the claim page with its verdict form,
articles, and the dashboard. Thin doors over claims.services.verdicts and claims.selectors.

Article text is untrusted: every piece of it reaches HTML through format_html/escape.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, ForeignKeyRawIdWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, Count, Max, OuterRef, Q, Subquery, When
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from claims import display, exports
from claims.admin.checkworthiness import add_claim_view
from claims.exports.jobs import export_is_big, export_job_start
from claims.extraction.types import KINDS
from claims.forms import ArticleAddForm, AssignForm, ClaimVerdictForm, StatusForm
from claims.models import (
    Article,
    ArticleStatus,
    Claim,
    ClaimStatus,
    MachineVerdict,
    Rating,
    ReferenceStatement,
    Verdict,
)
from claims.pagination import EstimatedCountPaginator
from claims.selectors.dashboard import claim_counts_by, dashboard_counts
from claims.selectors.lookup import claims_lookup
from claims.selectors.queue import (
    CLOSED_STATUSES,
    NO_VERDICT,
    NOBODY,
    assigned_to,
    claims_matching_text,
    queue_ordering,
    recent_articles,
    recent_units,
    review_queue,
    with_editor_verdict,
    with_figure,
)
from claims.services.articles import article_ingest_incoming, article_is_waiting_for_broker, article_requeue
from claims.services.checkworthiness import claims_dismiss
from claims.services.verdicts import (
    StaleClaimError,
    claim_assign,
    claim_not_checkworthy,
    claim_rematch,
    claim_status_set,
    verdict_publish,
    verdict_publishable,
    verdict_set,
)

SAFE_URL_SCHEMES = ("http://", "https://")
# How many newly flagged claims the live status box lists.
LIVE_NEW_CLAIMS = 5


# --- Highlighting untrusted text -------------------------------------------------------------------


def _escaped_join(pieces) -> str:
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def _quantity_mark(text: str, quantity) -> str:
    check = display._check(quantity)
    verdict = check.verdict if check is not None else "unchecked"
    return format_html(
        '<mark class="fc-quantity fc-v-{}" title="{}">{}</mark>',
        verdict,
        display.figure_finding(quantity, check),
        text[quantity.start : quantity.end],
    )


def highlight_claims(text: str, claims, *, focus_id: int | None = None) -> str:
    """The article's text, escaped, with each claim (and each figure inside it) wrapped in <mark>.

    Claims overlapping an earlier one, or figures outside their claim, are left unmarked rather
    than producing broken markup.
    """
    pieces, position = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start < position or claim.end > len(text):
            continue
        pieces.append(text[position : claim.start])
        inner, inner_position = [], claim.start
        for quantity in sorted(claim.quantities.all(), key=lambda q: q.start):
            if quantity.start < inner_position or quantity.end > claim.end:
                continue
            inner.append(text[inner_position : quantity.start])
            inner.append(_quantity_mark(text, quantity))
            inner_position = quantity.end
        inner.append(text[inner_position : claim.end])
        is_focus = claim.pk == focus_id
        pieces.append(
            format_html(
                '<mark class="fc-claim{}" id="{}" data-claim="{}">{}</mark>',
                " fc-focus" if is_focus else "",
                "fc-focus-claim" if is_focus else f"fc-claim-{claim.pk}",
                claim.pk,
                _escaped_join(inner),
            )
        )
        position = claim.end
    pieces.append(text[position:])
    return _escaped_join(pieces)


def _safe_url(url: str | None) -> str:
    return url if url and url.lower().startswith(SAFE_URL_SCHEMES) else ""


# --- Review queue -----------------------------------------------------------------------------------


class EditorVerdictFilter(admin.SimpleListFilter):
    title = _("editor verdict")
    parameter_name = "rating"

    def lookups(self, request, model_admin):
        return [(NO_VERDICT, _("No verdict yet")), *Rating.choices]

    def queryset(self, request, queryset):
        if self.value() == NO_VERDICT or self.value() in Rating.values:
            return with_editor_verdict(queryset, self.value())
        return queryset


class CheckworthinessFilter(admin.SimpleListFilter):
    title = _("check-worthiness")
    parameter_name = "worthy"

    def lookups(self, request, model_admin):
        threshold = settings.FACTCHECK_MIN_CHECKWORTHINESS
        return [
            ("yes", _("In the queue (≥ %(t)s)") % {"t": threshold}),
            ("no", _("Below the threshold (< %(t)s)") % {"t": threshold}),
        ]

    def queryset(self, request, queryset):
        threshold = settings.FACTCHECK_MIN_CHECKWORTHINESS
        if self.value() == "yes":
            return queryset.filter(checkworthiness__gte=threshold)
        if self.value() == "no":
            return queryset.filter(checkworthiness__lt=threshold)
        return queryset


class CountedChoicesFilter(admin.SimpleListFilter):
    """A choice field's filter that says how many claims each choice holds: one GROUP BY query
    (Django's facets would recount every filter for every other one)."""

    field = ""
    options: list = []

    def lookups(self, request, model_admin):
        counts = claim_counts_by(self.field)
        return [(value, f"{label} ({display.digits(counts.get(value, 0))})") for value, label in self.options]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class StatusFilter(CountedChoicesFilter):
    title = _("status")
    parameter_name = "status__exact"
    field = "status"
    options = ClaimStatus.choices


class MachineSuggestionFilter(CountedChoicesFilter):
    title = _("suggested verdict")
    parameter_name = "suggested_verdict__exact"
    field = "suggested_verdict"
    options = MachineVerdict.choices


class MineFilter(admin.SimpleListFilter):
    """The editor's inbox: claims assigned to the person looking."""

    title = _("assigned")
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", _("My claims")), (NOBODY, _("Nobody yet"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return assigned_to(queryset, request.user)
        if self.value() == NOBODY:
            return assigned_to(queryset, NOBODY)
        return queryset


class FigureKindFilter(admin.SimpleListFilter):
    """The extraction's kinds (a fixed list, not a DISTINCT over every figure)."""

    title = _("figure kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind, str(display.KIND_LABELS.get(kind, kind))) for kind in KINDS]

    def queryset(self, request, queryset):
        if self.value() in KINDS:
            return with_figure(queryset, kind=self.value())
        return queryset


class FigureUnitFilter(admin.SimpleListFilter):
    """Units seen in recent figures (a bounded read), plus the one chosen."""

    title = _("figure unit")
    parameter_name = "unit"

    def lookups(self, request, model_admin):
        units = recent_units()
        if self.value() and self.value() not in units:
            units.append(self.value())
        return [(unit, str(display.UNIT_LABELS.get(unit, unit))) for unit in units]

    def queryset(self, request, queryset):
        if self.value():
            return with_figure(queryset, unit=self.value())
        return queryset


class RecentArticleFilter(admin.SimpleListFilter):
    """The newest articles (not all of them: a year's are a hundred thousand), plus the one chosen;
    any other article's claims are one click away on its page."""

    title = _("article (recent)")
    parameter_name = "article__id__exact"

    def lookups(self, request, model_admin):
        chosen = int(self.value()) if (self.value() or "").isdigit() else None
        return [(str(article.pk), Truncator(article.title).chars(60)) for article in recent_articles(include=chosen)]

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(article_id=int(self.value()))
        return queryset


MACHINE_COLOURS = {
    MachineVerdict.CONTRADICTED: "#b3261e",
    MachineVerdict.MIXED: "#a86400",
    MachineVerdict.MISLEADING_BOUND: "#8a4b00",
    MachineVerdict.SUPPORTED: "#1e7b34",
    MachineVerdict.UNVERIFIED: "#5f6368",
}


# Dashboard bars in the verdict colours; everything else in the admin's blue.
BAR_COLOURS = {
    **MACHINE_COLOURS,
    "wrong_figure": MACHINE_COLOURS[MachineVerdict.CONTRADICTED],
    "false": MACHINE_COLOURS[MachineVerdict.CONTRADICTED],
    "true": MACHINE_COLOURS[MachineVerdict.SUPPORTED],
}


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    form = ClaimVerdictForm
    list_display = (
        "figure_first",
        "machine_verdict",
        "article_link",
        "checkworthiness_shown",
        "editor_rating",
        "assignee_shown",
        "age",
    )
    list_display_links = ("figure_first",)
    list_filter = (
        MineFilter,
        StatusFilter,
        MachineSuggestionFilter,
        EditorVerdictFilter,
        FigureKindFilter,
        FigureUnitFilter,
        RecentArticleFilter,
        ("assignee", admin.RelatedFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
        CheckworthinessFilter,
    )
    # Counts per status and machine suggestion come from their own filters (one query each).
    show_facets = admin.ShowFacets.NEVER
    # The search box searches normalised text (see get_search_results); this only turns it on.
    search_fields = ("normalized_text",)
    search_help_text = _(
        "Words in any order, by stem; names through their aliases in either script; diacritics ignored."
    )
    list_per_page = 50
    # A million claims: no full COUNT(*) for "N total", an estimated or capped count for the pager.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    readonly_fields = (
        "article",
        "status",
        "assignee",
        "suggested_verdict",
        "checkworthiness",
        "priority",
        "version",
        "created_at",
        "updated_at",
    )
    actions = (
        "assign_to_me",
        "assign_to_someone",
        "change_status",
        "dismiss_not_checkworthy",
        "rematch",
        "publish_verdicts",
        "export_json",
        "export_csv",
        "export_xlsx",
        "export_claimreview",
    )
    change_form_template = "admin/claims/claim/change_form.html"
    change_list_template = "admin/claims/claim/change_list.html"

    # -- queryset, ordering, search

    def get_queryset(self, request):
        # Claims repeating one checked before are grouped by `memory_key`: each row says in how many
        # articles its claim appeared (a correlated count on the indexed key, for the page's rows only,
        # and only for a row that repeats one: the count of the empty key would read most of the table).
        repeats = (
            Claim.objects.filter(memory_key=OuterRef("memory_key"))
            .exclude(memory_key="")
            .order_by()
            .values("memory_key")
            .annotate(n=Count("article_id", distinct=True))
            .values("n")
        )
        return review_queue(user=request.user).annotate(
            repeat_articles=Case(When(~Q(memory_key=""), then=Subquery(repeats)), default=None)
        )

    def get_ordering(self, request):
        return list(queue_ordering(status=request.GET.get("status__exact")))

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        if term.startswith("#") and term[1:].isdigit():
            return queryset.filter(pk=int(term[1:])), False  # "#17": claim 17, not the figure 17
        if term.isdigit():
            return queryset.filter(pk=int(term)) | claims_matching_text(queryset, term), False
        return claims_matching_text(queryset, term), False

    def has_add_permission(self, request):
        return False  # claims come from the pipeline

    def has_publish_permission(self, request):
        return request.user.has_perm("claims.publish_verdict")

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": _("Review queue"),
            "fc_inbox_url": reverse("admin:claims_claim_changelist") + "?assigned=me",
            "fc_live_url": reverse("admin:claims_claim_live"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    # -- list columns

    @admin.display(description=_("what the machine found"))
    def figure_first(self, claim):
        quantity, check = display.worst_figure(claim)
        repeated = ""
        if claim.memory_key:
            # The articles repeating it, and (our own verdict) the article first checked.
            articles = (getattr(claim, "repeat_articles", 0) or 0) + claim.memory_key.startswith("verdict-")
            repeated = format_html(
                '<span class="fc-badge fc-badge-repeat" title="{}">{}</span>',
                _("This claim repeats one checked before"),
                ngettext("checked before · %(n)s article", "checked before · %(n)s articles", articles)
                % {"n": display.digits(str(articles))},
            )
        return format_html(
            '<span class="fc-finding fc-v-{}">{}</span>{}<span class="fc-claim-text">{}</span>',
            check.verdict if check is not None else "unchecked",
            display.figure_finding(quantity, check),
            repeated,
            Truncator(claim.text).chars(120),
        )

    @admin.display(description=_("article"), ordering="article__title")
    def article_link(self, claim):
        url = reverse("admin:claims_article_change", args=[claim.article_id])
        return format_html('<a href="{}" dir="auto">{}</a>', url, Truncator(claim.article.title).chars(40))

    @admin.display(description=_("machine"), ordering="queue_machine_rank")
    def machine_verdict(self, claim):
        if not claim.suggested_verdict:
            return format_html('<span class="fc-badge fc-badge-none">{}</span>', _("Not matched yet"))
        return format_html(
            '<span class="fc-badge fc-badge-{}">{}</span>',
            claim.suggested_verdict,
            claim.get_suggested_verdict_display(),
        )

    @admin.display(description=_("editor verdict"))
    def editor_rating(self, claim):
        verdict = getattr(claim, "verdict", None)
        return display.rating_label(verdict.rating) if verdict else "—"

    @admin.display(description=_("check-worthiness"), ordering="checkworthiness")
    def checkworthiness_shown(self, claim):
        return display.digits(f"{claim.checkworthiness:.2f}")

    @admin.display(description=_("assignee"), ordering="assignee__username")
    def assignee_shown(self, claim):
        return claim.assignee.get_username() if claim.assignee_id else "—"

    @admin.display(description=_("age"), ordering="created_at")
    def age(self, claim):
        return display.digits(timesince(claim.created_at, depth=1))

    # -- the claim page

    def get_fieldsets(self, request, obj=None):
        facts = (_("Claim"), {"fields": self.readonly_fields})
        if obj is not None and self.has_change_permission(request, obj):
            fields = ("rating", "note", "reference", "correct_value", "expected_version")
            verdict = (_("Editor verdict"), {"fields": fields})
            return [verdict, facts]
        return [facts]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"reference_widget": self._reference_widget(request)})

    def _reference_widget(self, request):
        field = Verdict._meta.get_field("reference")
        try:
            reference_admin = self.admin_site.get_model_admin(ReferenceStatement)
        except admin.sites.NotRegistered:
            return ForeignKeyRawIdWidget(field.remote_field, self.admin_site)
        if reference_admin.get_search_fields(request):
            return AutocompleteSelect(field, self.admin_site)
        return ForeignKeyRawIdWidget(field.remote_field, self.admin_site)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            verdict_set(
                claim=obj,
                rating=data["rating"],
                note=data["note"],
                reference=data["reference"],
                editor=request.user,
                expected_version=data["expected_version"],
                correct_value=data.get("correct_value") or "",
            )
        except StaleClaimError as error:
            # Another editor saved between this form's validation and now: nothing was written.
            request.fc_stale_error = error

    def save_related(self, request, form, formsets, change):
        pass  # the verdict is the only thing this form writes

    def log_change(self, request, obj, message):
        if getattr(request, "fc_stale_error", None) is None:
            super().log_change(request, obj, message)

    def response_change(self, request, obj):
        error = getattr(request, "fc_stale_error", None)
        if error is not None:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)
        if "_savenext" in request.POST:
            self.message_user(request, _("The verdict was saved."), messages.SUCCESS)
            following = self._next_open_claim(request, after=obj)
            if following is None:
                self.message_user(request, _("No open claim is left in the queue."), messages.INFO)
                return HttpResponseRedirect(reverse("admin:claims_claim_changelist"))
            return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[following]))
        return super().response_change(request, obj)

    def _open_queue(self, request):
        """The open claims' ids in queue order (the queue's index: `queue_closed` = 0 is its first key)."""
        return (
            review_queue(user=request.user)
            .filter(queue_closed=0)
            .prefetch_related(None)
            .select_related(None)
            .values_list("id", flat=True)
        )

    def _next_open_claim(self, request, *, after) -> int | None:
        return self._open_queue(request).exclude(pk=after.pk).first()

    def _neighbours(self, request, claim) -> tuple[int | None, int | None]:
        """The open claims just before and after this one in the queue, read where the queue's index
        holds this claim's keys (never the whole queue: a million ids at scale). Four one-row reads:
        the neighbour with the same machine rank (a range on the priority, the index's next key),
        else the last of the rank before / the first of the rank after."""
        queue = self._open_queue(request)
        if claim.status in CLOSED_STATUSES:
            return None, queue.first()
        # The claim comes from get_queryset (the queue), annotated with its rank.
        rank, priority, worth = claim.queue_machine_rank, claim.priority, claim.checkworthiness
        same_rank = queue.filter(queue_machine_rank=rank)
        later = same_rank.filter(priority__lte=priority).filter(
            Q(priority__lt=priority) | Q(checkworthiness__lt=worth) | Q(checkworthiness=worth, id__gt=claim.pk)
        )
        earlier = same_rank.filter(priority__gte=priority).filter(
            Q(priority__gt=priority) | Q(checkworthiness__gt=worth) | Q(checkworthiness=worth, id__lt=claim.pk)
        )
        following = later.first(), queue.filter(queue_machine_rank__gt=rank).first()
        previous = earlier.reverse().first(), queue.filter(queue_machine_rank__lt=rank).reverse().first()
        return previous[0] or previous[1], following[0] or following[1]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if claim is not None:
            extra_context.update(self._review_context(request, claim))
        return super().change_view(request, object_id, form_url, extra_context)

    def _review_context(self, request, claim):
        article_claims = list(
            Claim.objects.filter(article_id=claim.article_id).prefetch_related("quantities__match__reference__source")
        )
        this = next(c for c in article_claims if c.pk == claim.pk)
        verdict = Verdict.objects.filter(claim=claim).select_related("editor", "reference", "published_by").first()
        previous, following = self._neighbours(request, claim)
        figures = [self._figure(quantity) for quantity in this.quantities.all()]
        return {
            "title": _("Review a claim"),
            "fc_claim": claim,
            "fc_can_decide": self.has_change_permission(request, claim),
            "fc_suggested_rating": display.suggested_rating(claim.suggested_verdict),
            "fc_article_html": highlight_claims(claim.article.text, article_claims, focus_id=claim.pk),
            "fc_figures": figures,
            "fc_references": _distinct_references(figures),
            "fc_suggestion": claim.suggestion or {},
            "fc_checked_before": _checked_before(claim),
            "fc_verdict": verdict,
            "fc_verdict_history": Verdict.history.filter(claim_id=claim.pk)
            .select_related("history_user")
            .order_by("-history_date", "-history_id"),
            "fc_claim_history": claim.history.select_related("history_user", "assignee").order_by(
                "-history_date", "-history_id"
            ),
            "fc_can_publish": verdict_publishable(claim=claim, verdict=verdict, user=request.user),
            "fc_publish_url": reverse("admin:claims_claim_publish", args=[claim.pk]),
            "fc_previous_url": reverse("admin:claims_claim_change", args=[previous]) if previous else "",
            "fc_next_url": reverse("admin:claims_claim_change", args=[following]) if following else "",
            "fc_queue_url": reverse("admin:claims_claim_changelist"),
            "fc_not_checkworthy_url": reverse("admin:claims_claim_not_checkworthy", args=[claim.pk]),
            "fc_live_url": reverse("admin:claims_claim_live"),
        }

    @staticmethod
    def _figure(quantity):
        check = display._check(quantity)
        reference = check.reference if check is not None else None
        source = reference.source if reference is not None else None
        return {
            "quantity": quantity,
            "finding": display.figure_finding(quantity, check),
            "kind": display.kind_label(quantity.kind),
            "qualifier": display.qualifier_label(quantity.qualifier),
            "value": display.amount(quantity.value_text, quantity.unit),
            "reference_value": display.amount(check.reference_value, check.reference_unit) if check else "",
            "ratio": display.ratio_label(check.ratio) if check and check.verdict != MachineVerdict.SUPPORTED else "",
            "error": display.error_label(check.error) if check else "",
            "check": check,
            "reference": reference,
            "source": source,
            "source_url": _safe_url(source.url if source else None),
            # The matcher stores {"reference", "score"}; older rows may say "key".
            "candidates": [
                {"key": c.get("reference") or c.get("key"), "score": c.get("score")}
                for c in (check.candidates if check else [])
                if isinstance(c, dict)
            ],
        }

    # -- extra pages: publish, dashboard

    def get_urls(self):
        own = [
            path("dashboard/", self.admin_site.admin_view(self.dashboard_view), name="claims_claim_dashboard"),
            path("live/", self.admin_site.admin_view(self.live_view), name="claims_claim_live"),
            path(
                "<path:object_id>/not-checkworthy/",
                self.admin_site.admin_view(self.not_checkworthy_view),
                name="claims_claim_not_checkworthy",
            ),
            path(
                "<path:object_id>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="claims_claim_publish",
            ),
        ]
        return own + super().get_urls()

    def publish_view(self, request, object_id):
        return require_POST(self._publish)(request, object_id)

    def _publish(self, request, object_id):
        claim = get_object_or_404(Claim, pk=object_id)
        version = request.POST.get("expected_version")
        try:
            verdict_publish(claim=claim, publisher=request.user, expected_version=int(version) if version else None)
        except (PermissionDenied, ValidationError, StaleClaimError) as error:
            self.message_user(request, _message(error), messages.ERROR)
        else:
            self.message_user(request, _("The verdict was published."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    def not_checkworthy_view(self, request, object_id):
        """The `n` key: the editor says the claim is not worth checking (see claim_not_checkworthy)."""
        return require_POST(self._not_checkworthy)(request, object_id)

    def _not_checkworthy(self, request, object_id):
        claim = get_object_or_404(Claim, pk=object_id)
        if not self.has_change_permission(request, claim):
            raise PermissionDenied
        claim_not_checkworthy(claim=claim, by=request.user)
        self.message_user(request, _("Marked as not worth checking."), messages.SUCCESS)
        following = self._next_open_claim(request, after=claim)
        if following is None:
            return HttpResponseRedirect(reverse("admin:claims_claim_changelist"))
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[following]))

    def live_view(self, request):
        """What the live status box polls: articles still in the pipeline and the newest contradiction."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        busy = list(
            Article.objects.exclude(status__in=(ArticleStatus.READY, ArticleStatus.FAILED))
            .order_by("-ingested_at")
            .values("id", "title", "status")[:10]
        )
        flagged = Claim.objects.filter(
            suggested_verdict__in=(MachineVerdict.CONTRADICTED, MachineVerdict.MIXED)
        ).aggregate(newest=Max("id"), total=Count("id"))
        labels = dict(ArticleStatus.choices)
        since = request.GET.get("since", "")
        fresh = []
        if since.isdigit():
            # The contradictions found since the page loaded, newest first, as the queue words them.
            fresh = [
                {
                    "id": claim.pk,
                    "finding": display.figure_finding(*display.worst_figure(claim)),
                    "url": reverse("admin:claims_claim_change", args=[claim.pk]),
                }
                for claim in Claim.objects.filter(
                    id__gt=int(since), suggested_verdict__in=(MachineVerdict.CONTRADICTED, MachineVerdict.MIXED)
                )
                .prefetch_related("quantities__match")
                .order_by("-id")[:LIVE_NEW_CLAIMS]
            ]
        watched = request.GET.get("article", "")
        finished = None
        if watched.isdigit():
            status = Article.objects.filter(pk=int(watched)).values_list("status", flat=True).first()
            finished = status in (ArticleStatus.READY, ArticleStatus.FAILED, None)
        return JsonResponse(
            {
                "article_finished": finished,
                "articles": [
                    {"id": row["id"], "title": row["title"], "status": str(labels.get(row["status"], row["status"]))}
                    for row in busy
                ],
                "flagged_total": flagged["total"],
                "flagged_newest": flagged["newest"] or 0,
                "flagged_new": fresh,
                "text": {
                    "busy": str(_("Articles being processed")),
                    "idle": str(_("Every article is processed.")),
                    "new": str(_("New contradicted figures")),
                    "reload": str(_("reload the queue")),
                },
            }
        )

    def dashboard_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        counts = dashboard_counts()
        counts["error_kinds"] = [{**row, "label": display.error_label(row["key"])} for row in counts["error_kinds"]]
        counts["by_editor_verdict"] = [
            {**row, "label": display.rating_label(row["key"])} if row["key"] != NO_VERDICT else row
            for row in counts["by_editor_verdict"]
        ]
        charts = [
            (_("Claims by status"), "status__exact", counts["by_status"]),
            (_("Claims by machine suggestion"), "suggested_verdict__exact", counts["by_machine_verdict"]),
            (_("Claims by editor verdict"), "rating", counts["by_editor_verdict"]),
            (_("Figure errors found by the machine"), None, counts["error_kinds"]),
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Dashboard"),
            "opts": self.model._meta,
            "counts": counts,
            "charts": [{"title": title, "param": param, "bars": _bars(rows)} for title, param, rows in charts],
            "queue_url": reverse("admin:claims_claim_changelist"),
            "fc_live_url": reverse("admin:claims_claim_live"),
        }
        return TemplateResponse(request, "admin/claims/dashboard.html", context)

    # -- bulk actions

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        self._run(
            request,
            lambda: claim_assign(claims=queryset, assignee=request.user, by=request.user),
            _("%(n)d claims assigned to you."),
        )

    @admin.action(description=_("Assign to an editor…"), permissions=["change"])
    def assign_to_someone(self, request, queryset):
        return self._run_with_form(
            request,
            queryset,
            AssignForm,
            lambda data: claim_assign(claims=queryset, assignee=data["assignee"], by=request.user),
            _("%(n)d claims assigned."),
            action="assign_to_someone",
            title=_("Assign claims"),
        )

    @admin.action(description=_("Change status…"), permissions=["change"])
    def change_status(self, request, queryset):
        return self._run_with_form(
            request,
            queryset,
            StatusForm,
            lambda data: claim_status_set(claims=queryset, status=data["status"], by=request.user),
            _("%(n)d claims changed status."),
            action="change_status",
            title=_("Change the status of claims"),
        )

    @admin.action(description=_("Not check-worthy (dismiss)"), permissions=["change"])
    def dismiss_not_checkworthy(self, request, queryset):
        self._run(
            request,
            lambda: claims_dismiss(claims=queryset, by=request.user),
            _("%(n)d claims dismissed as not check-worthy."),
        )

    @admin.action(description=_("Re-run matching"), permissions=["change"])
    def rematch(self, request, queryset):
        self._run(
            request, lambda: claim_rematch(claims=queryset, by=request.user), _("%(n)d claims queued for matching.")
        )

    @admin.action(description=_("Publish their verdicts"), permissions=["publish"])
    def publish_verdicts(self, request, queryset):
        published, refused = 0, []
        for claim in queryset:
            try:
                verdict_publish(claim=claim, publisher=request.user)
                published += 1
            except (PermissionDenied, ValidationError, StaleClaimError) as error:
                refused.append(f"#{claim.pk}: {_message(error)}")
        if published:
            self.message_user(request, _("%(n)d verdicts published.") % {"n": published}, messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description=_("Export selected as JSON"), permissions=["view"])
    def export_json(self, request, queryset):
        return self._export(request, queryset, "json")

    @admin.action(description=_("Export selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv")

    @admin.action(description=_("Export selected as Excel (XLSX)"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, "xlsx")

    @admin.action(description=_("Export selected as ClaimReview (JSON-LD)"), permissions=["view"])
    def export_claimreview(self, request, queryset):
        return self._export(request, queryset, "claimreview")

    def _export(self, request, queryset, fmt: str):
        lang = "en" if get_language().startswith("en") else "ar"
        if not export_is_big(queryset):
            # ClaimReview URLs name the host the editor is using; a worker's export uses SITE_URL.
            return exports.export_response(queryset, fmt, lang=lang, site_url=request.build_absolute_uri("/"))
        job = export_job_start(queryset=queryset, fmt=fmt, lang=lang, user=request.user)
        self.message_user(
            request,
            _("The export is being written by a worker; download it from this page when it is ready."),
            messages.INFO,
        )
        return HttpResponseRedirect(reverse("admin:claims_exportjob_change", args=[job.pk]))

    def _run(self, request, write, success):
        try:
            changed = write()
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, _message(error), messages.ERROR)
        else:
            self.message_user(request, success % {"n": changed}, messages.SUCCESS)

    def _run_with_form(self, request, queryset, form_class, write, success, *, action, title):
        """An action that asks for one value first: its page until the form is applied and valid,
        then `write(cleaned_data)` as `_run` does."""
        form = form_class(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._run(request, lambda: write(form.cleaned_data), success)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            "claims": queryset,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "select_across": request.POST.get("select_across", "0"),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/claims/claim/action_form.html", context)


def _distinct_references(figures) -> list[dict]:
    """The references the claim's figures were checked against, each once, in figure order."""
    seen, references = set(), []
    for figure in figures:
        reference = figure["reference"]
        if reference is not None and reference.pk not in seen:
            seen.add(reference.pk)
            references.append(figure)
    return references


def _checked_before(claim, limit: int = 3) -> list[dict]:
    """Earlier fact-checks of this claim for the side panel: first what the claim memory found when
    it was matched (our published verdicts and imported ClaimReview, with rating, date and link),
    then decided claims like it from the lookup."""
    rows = []
    for entry in claim.checked_before or []:
        earlier = entry.get("claim")
        rows.append(
            {
                "text": entry.get("publisher") or _("Our desk"),
                "url": reverse("admin:claims_claim_change", args=[earlier]) if earlier else entry.get("url"),
                "external_url": _safe_url(entry.get("url")),
                "rating": display.rating_label(entry["rating"]) if earlier else entry.get("rating"),
                "similarity": display.digits(f"{entry.get('similarity', 0):.2f}"),
                "date": entry.get("date"),
            }
        )
    listed = {entry.get("claim") for entry in claim.checked_before or []} | {claim.pk}
    hits = [hit for hit in claims_lookup(q=claim.text, limit=limit + 1) if hit.claim_id not in listed][:limit]
    # One query whether or not there are hits (an empty IN list would skip it): the page's query count
    # stays the same whatever the library holds.
    ids = [hit.claim_id for hit in hits] or [0]
    found = {other.pk: other for other in Claim.objects.select_related("verdict", "article").filter(pk__in=ids)}
    for hit in hits:
        other = found.get(hit.claim_id)
        if other is None:
            continue
        verdict = getattr(other, "verdict", None)
        rows.append(
            {
                "text": other.text,
                "similarity": display.digits(f"{hit.similarity:.2f}"),
                "rating": display.rating_label(verdict.rating) if verdict else "—",
                "url": reverse("admin:claims_claim_change", args=[other.pk]),
            }
        )
    return rows


def _message(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or str(_("You do not have permission to do this."))


def _bars(rows):
    """Rows of a bar chart with each bar's share of the longest, as SVG percentages (not localised:
    Arabic number formatting would break the attribute)."""
    longest = max((row["count"] for row in rows), default=0) or 1
    bars = []
    for row in rows:
        share = 100 * row["count"] / longest
        colour = BAR_COLOURS.get(row["key"], "#417690")
        bars.append({**row, "percent": f"{share:.1f}", "offset": f"{100 - share:.1f}", "colour": colour})
    return bars


# --- Articles -----------------------------------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "source", "status", "error_short", "attempts", "claims_count", "ingested_at")
    list_filter = ("status", ("ingested_at", admin.DateFieldListFilter))
    search_fields = ("title", "source", "url")
    actions = ("requeue",)
    change_form_template = "admin/claims/article/change_form.html"
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    def get_queryset(self, request):
        # Each listed article's claims counted through the claims' (article, start) index; never the text.
        claims_total = Subquery(
            Claim.objects.filter(article=OuterRef("pk")).order_by().values("article").annotate(n=Count("pk")).values("n")
        )
        return super().get_queryset(request).defer("text").annotate(claims_total=claims_total)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleAddForm
            kwargs["fields"] = ["title", "source", "url", "text", "upload"]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["title", "source", "text", "upload", "url"]})]
        return [(None, {"fields": self.get_readonly_fields(request, obj)})]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        # The stored text is what every offset points into: it is never edited.
        return (
            "title",
            "source_shown",
            "url_link",
            "language_shown",
            "status",
            "error",
            "attempts",
            "ingested_at",
            "published_at",
        )

    @admin.display(description=_("source"))
    def source_shown(self, article):
        return format_html('<bdi dir="ltr">{}</bdi>', article.source)

    @admin.display(description=_("language"))
    def language_shown(self, article):
        return dict(settings.LANGUAGES).get(article.language, article.language)

    @admin.display(description=_("URL"))
    def url_link(self, article):
        url = _safe_url(article.url)
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', url, url) if url else "—"

    @admin.display(description=_("error"))
    def error_short(self, article):
        return Truncator(article.error).chars(80) if article.error else ""

    @admin.display(description=_("claims"), ordering="claims_total")
    def claims_count(self, article):
        return article.claims_total or 0

    def save_model(self, request, obj, form, change):
        if change:
            return  # articles are read-only once stored
        article, created = article_ingest_incoming(incoming=form.cleaned_data["incoming"])
        obj.pk, obj.title = article.pk, article.title
        if created:
            # Runs after the article's own send (on commit, in order): tell the editor if it waits.
            transaction.on_commit(lambda: self._warn_if_waiting(request, article))
        request.fc_already_ingested = not created

    def _warn_if_waiting(self, request, article):
        if article_is_waiting_for_broker(article):
            self.message_user(
                request,
                _("The article is saved and queued, but the task queue is unavailable: it will be sent when it is "
                  "back."),
                messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        pass

    def response_add(self, request, obj, post_url_continue=None):
        # Straight to the article: its pipeline status, then its highlighted claims. One message only:
        # a duplicate paste is not "added successfully".
        if getattr(request, "fc_already_ingested", False):
            self.message_user(
                request, _("This text was already ingested; here is the existing article."), messages.WARNING
            )
        else:
            self.message_user(request, _("The article was added; its claims appear below as soon as it is processed."))
        return HttpResponseRedirect(reverse("admin:claims_article_change", args=[obj.pk]))

    def log_addition(self, request, obj, message):
        if not getattr(request, "fc_already_ingested", False):
            super().log_addition(request, obj, message)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "title": _("Article"),
            "show_save": False,
            "show_save_and_continue": False,
            "fc_live_url": reverse("admin:claims_claim_live"),
        }
        if article is not None:
            claims = list(article.claims.prefetch_related("quantities__match").select_related("verdict", "assignee"))
            extra_context.update({"fc_article_html": highlight_claims(article.text, claims), "fc_claims": claims})
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/add-claim/",
                self.admin_site.admin_view(lambda request, object_id: add_claim_view(self, request, object_id)),
                name="claims_article_add_claim",
            )
        ]
        return own + super().get_urls()

    @admin.action(description=_("Queue again (failed or stuck)"), permissions=["change"])
    def requeue(self, request, queryset):
        count = article_requeue(article_ids=list(queryset.values_list("id", flat=True)))
        self.message_user(request, _("%(n)d articles queued again.") % {"n": count}, messages.SUCCESS)
