"""Admin for the reference library: sources, statements (with history, import and export in the
§2 format), whole source documents split into statements, and the matcher's figure checks.

Thin doors: every write goes through `claims.services.references`, so the admin accepts and refuses
exactly what `import_references` does, and every change re-queues matching of the claims it affects.
"""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources, widgets
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from claims import display
from claims.lib.claimreview import ClaimReviewError
from claims.lib.records import FIELDS, LIST_SEPARATOR, RECORD_FIELDS, ReferenceRecordError
from claims.models import QuantityCheck, ReferenceDocument, ReferenceSource, ReferenceStatement
from claims.services.reference_sources import ReferenceSourceError, claimreview_import, claimreview_import_content
from claims.services.references import (
    claims_mark_for_rematch,
    reference_delete,
    reference_document_submit,
    reference_record_clean,
    reference_statement_apply,
    reference_statement_save,
)

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


# --- Import and export (interfaces §2 columns) ----------------------------------------------------------


class AliasesWidget(widgets.Widget):
    """Aliases as one cell: names separated by |."""

    def render(self, value, obj=None, **kwargs):
        return LIST_SEPARATOR.join(value or [])


# The columns that are not plain text in a spreadsheet cell.
COLUMN_WIDGETS = {"aliases": AliasesWidget, "published": lambda: widgets.DateWidget("%Y-%m-%d")}


class ReferenceStatementResource(resources.ModelResource):
    """The §2 record format (claims.lib.records.FIELDS: each column and the attribute it is stored in).
    Rows are checked and applied by the same service as the command."""

    # One declared field per §2 column, from the record's one definition.
    locals().update(
        {
            field.name: fields.Field(
                attribute=field.attribute,
                column_name=field.name,
                **({"widget": COLUMN_WIDGETS[field.name]()} if field.name in COLUMN_WIDGETS else {}),
            )
            for field in FIELDS
        }
    )

    class Meta:
        model = ReferenceStatement
        import_id_fields = ("key",)
        fields = RECORD_FIELDS
        export_order = RECORD_FIELDS
        clean_model_instances = False
        report_skipped = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.changed_statements = []

    def get_queryset(self):
        return super().get_queryset().select_related("source")

    def import_instance(self, instance, row, **kwargs):
        record = {name: value for name, value in row.items() if name}
        try:
            cleaned = reference_record_clean(record)
        except ReferenceRecordError as error:
            raise ValidationError(str(error)) from error
        instance._reference_changed = reference_statement_apply(statement=instance, cleaned=cleaned)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        return instance.pk is not None and not getattr(instance, "_reference_changed", True)

    def after_save_instance(self, instance, row, **kwargs):
        if not kwargs.get("dry_run"):
            self.changed_statements.append(instance)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run"):
            claims_mark_for_rematch(statements=self.changed_statements)


# --- Sources ------------------------------------------------------------------------------------------


@admin.register(ReferenceSource)
class ReferenceSourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "url", "published", "statement_count")
    search_fields = ("title", "publisher", "url")
    list_filter = ("publisher",)
    readonly_fields = ("created_at", "updated_at")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description=_("statements"), ordering="statement_count")
    def statement_count(self, source):
        return source.statement_count


# --- Statements ---------------------------------------------------------------------------------------


class ReferenceStatementForm(forms.ModelForm):
    aliases = forms.CharField(
        label=_("aliases"),
        required=False,
        help_text=_("Other names of the subject in any script, separated by |"),
    )

    class Meta:
        model = ReferenceStatement
        fields = (
            "key",
            "text",
            "text_en",
            "language",
            "subject",
            "metric",
            "aliases",
            "value_text",
            "unit",
            "qualifier",
            "as_of",
            "source",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.aliases:
            self.initial["aliases"] = LIST_SEPARATOR.join(self.instance.aliases)

    def clean(self):
        data = super().clean()
        record = {
            "key": data.get("key"),
            "statement": data.get("text"),
            "statement_en": data.get("text_en"),
            "language": data.get("language"),
            "subject": data.get("subject"),
            "metric": data.get("metric"),
            "aliases": data.get("aliases"),
            "value": data.get("value_text"),
            "unit": data.get("unit"),
            "qualifier": data.get("qualifier"),
            "as_of": data.get("as_of"),
        }
        try:
            cleaned = reference_record_clean(record)
        except ReferenceRecordError as error:
            raise ValidationError(str(error)) from error
        data["aliases"] = cleaned["aliases"]
        return data


class AsOfYearFilter(admin.SimpleListFilter):
    title = _("as of (year)")
    parameter_name = "as_of_year"

    def lookups(self, request, model_admin):
        years = {value[:4] for value in ReferenceStatement.objects.exclude(as_of="").values_list("as_of", flat=True)}
        return [(year, year) for year in sorted(years, reverse=True)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(as_of__startswith=self.value())
        return queryset


@admin.register(ReferenceStatement)
class ReferenceStatementAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    resource_classes = [ReferenceStatementResource]
    form = ReferenceStatementForm
    list_display = (
        "key", "subject", "short_text", "kind", "value_text", "unit", "as_of", "origin", "source", "updated_at"
    )
    list_filter = ("origin", "kind", "unit", AsOfYearFilter, "source")
    change_list_template = "admin/claims/referencestatement/change_list.html"
    search_fields = ("key", "subject", "metric", "text", "text_en")
    list_select_related = ("source",)
    autocomplete_fields = ("source",)
    readonly_fields = ("kind", "document", "origin", "checked_claim", "created_at", "updated_at")
    history_list_display = ("text", "value_text", "unit")
    fieldsets = (
        (None, {"fields": ("key", "text", "text_en", "language")}),
        (_("What it is about"), {"fields": ("subject", "aliases", "metric")}),
        (_("Figure"), {"fields": ("value_text", "unit", "qualifier", "kind", "as_of")}),
        (
            _("Provenance"),
            {"fields": ("source", "document", "origin", "rating", "review_url", "page", "checked_claim", "created_at",
                        "updated_at")},
        ),
    )

    @admin.display(description=_("statement"))
    def short_text(self, statement):
        return statement.text[:120]

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            # Aliases are a JSON list: on SQLite non-ASCII names are stored \u-escaped.
            escaped = ReferenceStatement._meta.get_field("aliases").get_prep_value(term)[1:-1]
            results |= queryset.filter(Q(aliases__icontains=term) | Q(aliases__icontains=escaped))
        return results, may_have_duplicates

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_urls(self):
        extra = [
            path(
                "import-claimreview/",
                self.admin_site.admin_view(self.import_claimreview_view),
                name="claims_referencestatement_import_claimreview",
            )
        ]
        return extra + super().get_urls()

    def import_claimreview_view(self, request):
        """Import published fact-checks (ClaimReview JSON-LD) from a file or an http(s) address."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ClaimReviewImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = form.run()
            except (ClaimReviewError, ReferenceSourceError) as error:
                form.add_error(None, str(error))
            else:
                for row in report.skipped:
                    messages.warning(request, f"{row.where}: {row.reason}")
                messages.success(request, _("ClaimReview imported — %(summary)s") % {"summary": report.summary()})
                return redirect("admin:claims_referencestatement_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Import published fact-checks (ClaimReview)"),
        }
        return TemplateResponse(request, "admin/claims/referencestatement/import_claimreview.html", context)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def save_model(self, request, obj, form, change):
        reference_statement_save(statement=obj)

    def delete_model(self, request, obj):
        reference_delete(statements=[obj])

    def delete_queryset(self, request, queryset):
        reference_delete(statements=list(queryset))


class ClaimReviewImportForm(forms.Form):
    upload = forms.FileField(label=_("JSON-LD file"), required=False)
    url = forms.URLField(
        label=_("or its address"),
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("upload")) == bool(cleaned.get("url")):
            raise ValidationError(_("Give either a file or an address."))
        upload = cleaned.get("upload")
        if upload and upload.size > settings.FACTCHECK_MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is too large."))
        return cleaned

    def run(self):
        if self.cleaned_data.get("url"):
            return claimreview_import(location=self.cleaned_data["url"])
        return claimreview_import_content(content=self.cleaned_data["upload"].read())


# --- Documents ----------------------------------------------------------------------------------------


class ReferenceDocumentForm(forms.ModelForm):
    url = forms.URLField(label=_("URL"), required=False, max_length=2000, assume_scheme="https")

    class Meta:
        model = ReferenceDocument
        fields = ("source", "language", "text", "upload", "url")
        help_texts = {
            "text": _("Paste the document's text, or upload a .txt/.html file, or give its URL."),
        }

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and getattr(upload, "size", None) is not None:
            if Path(upload.name).suffix.lower() not in DOCUMENT_SUFFIXES:
                raise ValidationError(_("Upload a .txt or .html file."))
            if upload.size > settings.FACTCHECK_MAX_UPLOAD_BYTES:
                raise ValidationError(_("The file is too large."))
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("text", "").strip() or data.get("upload") or data.get("url")):
            raise ValidationError(_("Give the document's text, a file or a URL."))
        return data


class DocumentStatementInline(admin.TabularInline):
    model = ReferenceStatement
    fields = ("key", "subject", "text", "value_text", "unit")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("statements found in this document")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReferenceDocument)
class ReferenceDocumentAdmin(admin.ModelAdmin):
    form = ReferenceDocumentForm
    list_display = ("__str__", "source", "status", "statement_count", "created_at")
    list_filter = ("status", "language")
    search_fields = ("source__title", "url")
    list_select_related = ("source",)
    autocomplete_fields = ("source",)
    readonly_fields = ("status", "error", "created_at")
    inlines = (DocumentStatementInline,)
    actions = ("split_again",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description=_("statements"), ordering="statement_count")
    def statement_count(self, document):
        return document.statement_count

    def get_fields(self, request, obj=None):
        fields = ["source", "language", "text", "upload", "url"]
        return fields + ["status", "error", "created_at"] if obj else fields

    def save_model(self, request, obj, form, change):
        reference_document_submit(document=obj)

    @admin.action(description=_("Split the selected documents again"), permissions=["change"])
    def split_again(self, request, queryset):
        for document in queryset:
            reference_document_submit(document=document)
        count = len(queryset)
        self.message_user(
            request,
            ngettext("%(count)d document queued for splitting.", "%(count)d documents queued for splitting.", count)
            % {"count": count},
            messages.SUCCESS,
        )


# --- Figure checks (read-only: the matcher writes them) ------------------------------------------------


class ErrorKindFilter(admin.SimpleListFilter):
    title = _("error kind")
    parameter_name = "error"

    def lookups(self, request, model_admin):
        return [(key, label) for key, label in display.ERROR_LABELS.items()]

    def queryset(self, request, queryset):
        return queryset.filter(error=self.value()) if self.value() else queryset


@admin.register(QuantityCheck)
class QuantityCheckAdmin(admin.ModelAdmin):
    list_display = ("quantity", "verdict", "reference", "reference_figure", "factor", "error_shown", "score")
    list_filter = ("verdict", ErrorKindFilter)
    search_fields = ("quantity__text", "reference__key")
    list_select_related = ("quantity", "reference")

    @admin.display(description=_("reference value"))
    def reference_figure(self, check):
        return display.amount(check.reference_value, check.reference_unit)

    @admin.display(description=_("ratio"), ordering="ratio")
    def factor(self, check):
        return display.ratio_label(check.ratio) or "—"

    @admin.display(description=_("error kind"), ordering="error")
    def error_shown(self, check):
        return display.error_label(check.error) or "—"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
