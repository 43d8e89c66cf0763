"""The shared cast of the tests: a viewer, an editor, a chief editor, their API clients; Celery run eagerly;
the 558-million claim the review desk and the verdict services are tested on.

Tests that need a real worker on a real Redis use the fixtures of tests/pipeline/conftest.py instead.
"""

import pytest
from django.core.cache import cache
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import roles
from claims.models import ClaimStatus, MachineVerdict
from factcheck.celery import app as celery_app
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    QuantityCheckFactory,
    QuantityFactory,
    ReferenceSourceFactory,
    ReferenceStatementFactory,
    UserFactory,
)


def set_celery_option(name: str, value):
    """Celery reads settings loaded with namespace="CELERY" under their prefixed name first."""
    celery_app.conf[f"CELERY_{name.upper()}"] = value
    celery_app.conf[name] = value


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The cast logs in a lot; PBKDF2's deliberate slowness would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached lookups must not leak from one test's database into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request in English (the language switch, Accept-Language) activates English in this thread;
    the next test starts in the default language again, whatever ran before it."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def eager_celery():
    previous = celery_app.conf.task_always_eager
    set_celery_option("task_always_eager", True)
    yield
    set_celery_option("task_always_eager", previous)


def _member(username: str, role: str):
    """A fixture giving the staff member `username` of `role`'s group."""

    @pytest.fixture
    def member(db):
        return UserFactory(username=username, role=role)

    return member


viewer = _member("viewer", roles.VIEWERS)
editor = _member("editor", roles.EDITORS)
other_editor = _member("other_editor", roles.EDITORS)
chief = _member("chief", roles.CHIEF_EDITORS)


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous_api():
    return client_for()


def _api_of(member: str):
    """A fixture giving an API client holding the token of the cast's `member` (above)."""

    @pytest.fixture
    def api(request):
        return client_for(request.getfixturevalue(member))

    return api


viewer_api = _api_of("viewer")
editor_api = _api_of("editor")
other_editor_api = _api_of("other_editor")
chief_api = _api_of("chief")


# --- the 558-million claim: contradicted by a $5.576M reference (a scale error), for the desk and the verdict services

TRAINING_COST_TEXT = (
    "قالت الشركة في بيانها الأخير إن تكلفة تدريب نموذجها اللغوي الجديد بلغت 558 مليون دولار، "
    "وهو رقم أثار نقاشاً واسعاً بين الباحثين."
)
TRAINING_COST_CLAIM = "إن تكلفة تدريب نموذجها اللغوي الجديد بلغت 558 مليون دولار"
FIGURE = "558 مليون دولار"


@pytest.fixture
def reference(db):
    return ReferenceStatementFactory(
        key="model-training-cost",
        source=ReferenceSourceFactory(),
        text="بلغت تكلفة تدريب النموذج الكاملة 5.576 مليون دولار بحسب التقرير التقني.",
        text_en="The full training run cost $5.576M according to the technical report.",
        subject="النموذج",
        metric="تكلفة التدريب",
        as_of="2024-12",
    )


@pytest.fixture
def contradicted_claim(db, reference):
    """The 558-million claim, contradicted by a $5.576M reference (a scale error)."""
    claim = ClaimFactory(
        article=ArticleFactory(text=TRAINING_COST_TEXT, title="كلفة تدريب النموذج"),
        text=TRAINING_COST_CLAIM,
        status=ClaimStatus.SUGGESTED,
        suggested_verdict=MachineVerdict.CONTRADICTED,
        checkworthiness=0.9,
        suggestion={"verdict": "contradicted", "reference": reference.key, "score": 0.81},
    )
    QuantityCheckFactory(
        quantity=QuantityFactory(claim=claim, text=FIGURE),
        reference=reference,
        explanation_ar="الرقم المذكور أكبر بنحو مئة مرة من رقم المرجع (5.576 مليون دولار).",
        explanation_en="The stated figure is about 100 times the reference figure ($5.576M).",
        candidates=[{"reference": "model-inference-cost", "score": 0.42}],
    )
    return claim
