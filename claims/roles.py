"""The three newsroom roles, as Django groups with model permissions.

Viewers read; editors decide verdicts and manage articles and references; chief editors also
publish (a second look before a verdict goes out) and manage webhooks.
"""

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
