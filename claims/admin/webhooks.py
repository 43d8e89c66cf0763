"""Admin for webhooks (chief editors): API clients' subscriptions, and every delivery with its
attempts, last response and error; failed deliveries can be queued again."""

import json
import secrets

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from claims.lib.http import target_error
from claims.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from claims.services.webhooks import webhook_delivery_retry

RETRY_PERMISSION = "claims.change_webhooksubscription"


class WebhookSubscriptionForm(forms.ModelForm):
    """The signing secret is write-only: never rendered back (not even masked). Left blank on a new
    subscription, a random one is made and shown once after saving; left blank on an existing one,
    the current secret is kept."""

    secret = forms.CharField(
        label=_("signing secret"),
        required=False,
        max_length=128,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Shared with the client; it signs every delivery (X-Factcheck-Signature: sha256=…). "
            "Never shown again: leave blank to keep the current one (a new subscription gets a random one)."
        ),
    )

    class Meta:
        model = WebhookSubscription
        fields = ["owner", "url", "secret", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.generated_secret = None
        self.initial.pop("secret", None)

    def clean_url(self):
        url = self.cleaned_data["url"]
        error = target_error(url)  # checked again at every send
        if error:
            raise forms.ValidationError(error)
        return url

    def clean_secret(self):
        secret = self.cleaned_data.get("secret") or ""
        if secret:
            if len(secret) < 16:
                raise forms.ValidationError(_("Use at least 16 characters."))
            return secret
        if self.instance.pk:
            return self.instance.secret
        self.generated_secret = secrets.token_hex(32)
        return self.generated_secret


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    form = WebhookSubscriptionForm
    list_display = ["url", "owner", "is_active", "delivered", "failed", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "owner__username"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("owner")
            .annotate(
                delivered_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.DELIVERED)),
                failed_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
            )
        )

    def get_changeform_initial_data(self, request):
        return {"owner": request.user.pk}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if getattr(form, "generated_secret", None):
            # The only time the generated secret is shown: the chief copies it to the client now.
            self.message_user(
                request,
                _("Signing secret of this subscription (copy it now, it is never shown again): %(secret)s")
                % {"secret": form.generated_secret},
                messages.WARNING,
            )

    @admin.display(description=_("delivered"), ordering="delivered_count")
    def delivered(self, subscription):
        return subscription.delivered_count

    @admin.display(description=_("failed"), ordering="failed_count")
    def failed(self, subscription):
        return subscription.failed_count


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "event", "subscription", "status", "attempts", "response_code", "created_at", "delivered_at"]
    list_filter = ["status", "event"]
    search_fields = ["subscription__url", "last_error"]
    list_select_related = ["subscription"]
    readonly_fields = [
        "subscription",
        "event",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "created_at",
        "delivered_at",
        "payload_json",
    ]
    exclude = ["payload"]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm(RETRY_PERMISSION)

    @admin.display(description=_("payload"))
    def payload_json(self, delivery):
        # format_html escapes the JSON: claim text is untrusted.
        return format_html("<pre dir=\"auto\">{}</pre>", json.dumps(delivery.payload, ensure_ascii=False, indent=2))

    @admin.action(description=_("Retry the selected failed deliveries"), permissions=["retry"])
    def retry(self, request, queryset):
        queued = webhook_delivery_retry(deliveries=list(queryset))
        self.message_user(
            request,
            ngettext("%(count)d delivery queued again.", "%(count)d deliveries queued again.", queued)
            % {"count": queued},
            messages.SUCCESS if queued else messages.WARNING,
        )
