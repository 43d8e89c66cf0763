"""The three newsroom roles, as Django groups with model permissions.

Viewers read; editors decide verdicts and manage articles and references; chief editors also
publish (a second look before a verdict goes out) and manage webhooks.
"""

from django.contrib.auth.management import create_permissions

VIEWERS = "viewers"
EDITORS = "editors"
CHIEF_EDITORS = "chief editors"

READABLE_MODELS = (
    "article",
    "claim",
    "quantity",
    "quantitycheck",
    "verdict",
    "referencesource",
    "referencestatement",
    "referencedocument",
    "checkworthinessmodel",
    "referencetableimport",
)
EDITOR_PERMISSIONS = (
    "add_article",
    "change_article",
    "change_claim",
    "add_verdict",
    "change_verdict",
    "add_referencesource",
    "change_referencesource",
    "add_referencestatement",
    "change_referencestatement",
    "add_referencedocument",
    "change_referencedocument",
    "add_referencetableimport",
    "change_referencetableimport",
)
CHIEF_EXTRA_PERMISSIONS = (
    "publish_verdict",
    "delete_claim",
    "delete_article",
    "delete_referencestatement",
    "view_webhooksubscription",
    "add_webhooksubscription",
    "change_webhooksubscription",
    "delete_webhooksubscription",
    "view_webhookdelivery",
)


# Chief editors issue API keys (docs/api.md): permissions of DRF's authtoken app, not of `claims`.
CHIEF_TOKEN_PERMISSIONS = ("view_tokenproxy", "add_tokenproxy", "delete_tokenproxy")


def role_permissions() -> dict[str, tuple[str, ...]]:
    """Codenames of the `claims` app's permissions, per role."""
    read = tuple(f"view_{model}" for model in READABLE_MODELS)
    return {
        VIEWERS: read,
        EDITORS: read + EDITOR_PERMISSIONS,
        CHIEF_EDITORS: read + EDITOR_PERMISSIONS + CHIEF_EXTRA_PERMISSIONS,
    }


def grant_permissions(apps) -> None:
    """Give every role the permissions listed here (chiefs also the API-key ones), creating them first.

    For the data migrations of models added after the roles were made: it only adds, so migrations
    that run in any order never take away what another one granted."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="claims", codename__in=codenames))
    chiefs, _ = Group.objects.get_or_create(name=CHIEF_EDITORS)
    chiefs.permissions.add(
        *Permission.objects.filter(content_type__app_label="authtoken", codename__in=CHIEF_TOKEN_PERMISSIONS)
    )

