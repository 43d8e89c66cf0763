"""Admin for statistics tables imported as reference statements: upload with a column mapping,
a preview of the first rows and what they become, then the import in a Celery task with progress."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from claims.lib.tables import TableError
from claims.models import ReferenceTableImport, TableImportStatus
from claims.services.reference_sources import table_import_check, table_import_queue, table_preview

MAPPING_FIELDS = ("subject", "metric", "period", "value", "unit", "scale")


class TableImportForm(forms.ModelForm):
    subject = forms.CharField(label=_("subject column"), help_text=_("e.g. the country or company column"))
    metric = forms.CharField(label=_("metric column"), help_text=_("the indicator's name"))
    period = forms.CharField(label=_("period column"), help_text=_("2023, 2023-06, Q2 2023 …"))
    value = forms.CharField(label=_("value column"))
    unit = forms.CharField(
        label=_("unit"), required=False, help_text=_("a column name, or one unit for the whole table (USD, %)")
    )
    scale = forms.CharField(label=_("scale"), required=False, help_text=_("e.g. 1000000 when values are in millions"))

    class Meta:
        model = ReferenceTableImport
        fields = ("name", "upload", "source_title", "source_url", "publisher")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload and not self.errors:
            mapping = {name: cleaned[name] for name in MAPPING_FIELDS if cleaned.get(name)}
            content = upload.read()
            upload.seek(0)
            try:
                self.instance.rows_total = table_import_check(upload_name=upload.name, content=content, mapping=mapping)
            except TableError as error:
                raise ValidationError(str(error)) from error
            self.instance.mapping = mapping
        return cleaned


@admin.register(ReferenceTableImport)
class ReferenceTableImportAdmin(admin.ModelAdmin):
    form = TableImportForm
    list_display = ("name", "status", "progress_bar", "created_count", "updated_count", "skipped_count", "created_at")
    list_filter = ("status",)
    change_form_template = "admin/claims/referencetableimport/change_form.html"
    readonly_fields = (
        "name", "upload", "mapping", "source_title", "source_url", "publisher", "status", "progress_bar",
        "created_count", "updated_count", "skipped_count", "report", "preview", "created_at", "finished_at",
    )

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:  # a stored import is read-only: the form only carries the buttons
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj:
            return self.readonly_fields
        return ("name", "upload", *MAPPING_FIELDS, "source_title", "source_url", "publisher")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.status != TableImportStatus.RUNNING)

    @admin.display(description=_("progress"))
    def progress_bar(self, table_import):
        return format_html(
            '<progress max="100" value="{}"></progress> {} / {}',
            table_import.progress(),
            table_import.rows_done,
            table_import.rows_total,
        )

    @admin.display(description=_("preview (first rows and the statements they become)"))
    def preview(self, table_import):
        try:
            with table_import.upload.open("rb") as handle:
                shown = table_preview(
                    upload_name=table_import.upload.name, content=handle.read(), mapping=table_import.mapping
                )
        except (TableError, OSError) as error:
            return str(error)
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td></tr>",
            (
                (where, record["statement"] if isinstance(record, dict) else format_html("<em>{}</em>", record))
                for where, record in shown["records"]
            ),
        )
        total = _("%(n)s rows in all") % {"n": shown["total"]}
        return format_html("<table><tbody>{}</tbody></table><p>{}</p>", rows, total)

    def save_model(self, request, obj, form, change):
        obj.save()

    def response_add(self, request, obj, post_url_continue=None):
        messages.info(request, _("Check the preview, then start the import."))
        return HttpResponseRedirect(f"../{obj.pk}/change/")

    def response_change(self, request, obj):
        if "_start_import" in request.POST:
            table_import_queue(table_import=obj)
            messages.success(request, _("The import is queued; this page shows its progress."))
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "can_start_import": obj is not None and obj.status in (TableImportStatus.QUEUED, TableImportStatus.DONE,
                                                                   TableImportStatus.FAILED),
            "refresh": obj is not None and obj.status == TableImportStatus.RUNNING,
        }
        return super().change_view(request, object_id, form_url, extra_context)
