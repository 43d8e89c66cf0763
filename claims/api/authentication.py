"""Token authentication whose answer is cached: a busy API client's requests cost no query for it."""

import hashlib

from django.conf import settings
from rest_framework.authentication import TokenAuthentication

from claims.lib.cache import cache_through

CACHE_PREFIX = "factcheck:api-token:"


class CachedTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, with the token's user and that user's permissions kept in the
    default cache (Redis in production, shared by the web workers) for
    FACTCHECK_API_AUTH_CACHE_SECONDS. Without it, every request reads the token with its user and
    then the user's and their groups' permissions: three queries before the view runs.

    The price: a token deleted, or a user deactivated or given other roles, takes effect up to that
    many seconds later. 0 (the default) turns the cache off. A cache that is down is skipped."""

    def authenticate_credentials(self, key):
        def from_database():
            user, token = super(CachedTokenAuthentication, self).authenticate_credentials(key)
            user.get_all_permissions()  # fills the user's permission caches, pickled with it
            return user, token

        # The token itself never leaves the database: the cache key is its digest.
        cache_key = CACHE_PREFIX + hashlib.sha256(key.encode()).hexdigest()
        return cache_through(cache_key, settings.FACTCHECK_API_AUTH_CACHE_SECONDS, from_database, what="API token")
