"""Check-worthiness in the admin: the newsroom's models (read-only) and the "add a claim" page.

Thin doors over claims.services.checkworthiness; the review desk's own pages link here.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from claims.forms import ManualClaimForm
from claims.models import Article, CheckworthinessModel
from claims.services.checkworthiness import claim_add_manual


@admin.register(CheckworthinessModel)
class CheckworthinessModelAdmin(admin.ModelAdmin):
    list_display = (
        "version",
        "is_active",
        "training_size",
        "heldout_size",
        "heldout_auc",
        "previous_auc",
        "threshold",
        "created_at",
    )
    list_filter = ("is_active",)
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False  # models come from the retraining task

    def has_change_permission(self, request, obj=None):
        return False


def add_claim_view(model_admin, request, object_id):
    """Mark a passage of the article as a claim (the editor's "this is worth checking")."""
    if not request.user.has_perm("claims.change_claim"):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=object_id)
    form = ManualClaimForm(request.POST if request.method == "POST" else None, article_text=article.text)
    if form.is_bound and form.is_valid():
        try:
            claim, created = claim_add_manual(
                article=article, start=form.cleaned_data["start"], end=form.cleaned_data["end"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                message = _("The claim was added.")
            else:
                message = _("This passage was already a claim; it is marked worth checking.")
            model_admin.message_user(request, message, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Add a claim from the article"),
        "opts": Article._meta,
        "original": article,
        "form": form,
    }
    return TemplateResponse(request, "admin/claims/article/add_claim.html", context)
