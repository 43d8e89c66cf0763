from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = _("Fact-checking")

    def ready(self):
        from claims import checks  # noqa: F401  (registers system checks)
