"""Who may do what through the API: the newsroom roles' model permissions (claims.roles).

Viewers read; editors also ingest articles, record verdicts and add references; chief editors also
publish. A request without credentials is refused with 401 (the token scheme is announced in
WWW-Authenticate); an authenticated user lacking the permission gets 403.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

READ_CLAIMS = ("claims.view_claim",)
READ_ARTICLES = ("claims.view_article",)
READ_REFERENCES = ("claims.view_referencestatement",)
INGEST_ARTICLES = ("claims.add_article",)
DECIDE = ("claims.add_verdict", "claims.change_verdict")
PUBLISH = ("claims.publish_verdict",)
WRITE_REFERENCES = ("claims.add_referencestatement", "claims.change_referencestatement")
MANAGE_WEBHOOKS = (
    "claims.view_webhooksubscription",
    "claims.add_webhooksubscription",
    "claims.change_webhooksubscription",
    "claims.delete_webhooksubscription",
)


class RolePermission(BasePermission):
    """The view names the permissions each request needs through `required_permissions(request)`,
    or its `read_permissions` (safe methods) and `write_permissions` (anything else)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        if hasattr(view, "required_permissions"):
            needed = view.required_permissions(request)
        elif request.method in SAFE_METHODS:
            needed = view.read_permissions
        else:
            needed = view.write_permissions
        return user.has_perms(needed)
