"""Big exports the review queue handed to a worker: their state, and the file once it is ready."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from claims.models import ExportJob


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ("__str__", "fmt", "status", "records", "created_at", "finished_at", "download")
    list_filter = ("status", "fmt")
    fields = ("fmt", "lang", "status", "records", "error", "created_at", "finished_at", "download")
    readonly_fields = fields
    show_full_result_count = False

    def get_queryset(self, request):
        jobs = super().get_queryset(request).defer("claim_ids")
        return jobs if request.user.is_superuser else jobs.filter(requested_by=request.user)

    def has_add_permission(self, request):
        return False  # started from the review queue's export actions

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff and request.user.has_perm("claims.view_claim")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and (request.user.is_superuser or obj.requested_by_id == request.user.pk)

    @admin.display(description=_("file"))
    def download(self, job):
        if not job.is_ready():
            return "—"
        url = reverse("admin:claims_exportjob_download", args=[job.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def get_urls(self):
        own = [
            path(
                "<int:job_id>/download/",
                self.admin_site.admin_view(self.download_view),
                name="claims_exportjob_download",
            )
        ]
        return own + super().get_urls()

    def download_view(self, request, job_id):
        job = get_object_or_404(ExportJob, pk=job_id)
        if not self.has_view_permission(request) or not (
            request.user.is_superuser or job.requested_by_id == request.user.pk
        ):
            raise PermissionDenied
        if not job.is_ready():
            raise Http404(_("This export is not ready."))
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1])
