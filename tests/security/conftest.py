import pytest

from tests.lib.sources.conftest import site  # noqa: F401  (a real HTTP server on 127.0.0.1)


@pytest.fixture
def no_allowlist(settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = []
