import pytest

from tests.api.conftest import (  # noqa: F401  (the API clients, shared)
    chief_api,
    eager_tasks,
    editor_api,
    fresh_throttles,
    viewer_api,
)
from tests.sources.conftest import site  # noqa: F401  (a real HTTP server on 127.0.0.1)


@pytest.fixture
def no_allowlist(settings):
    settings.FACTCHECK_HTTP_ALLOWLIST = []
