"""Rows for the tests, made with factory_boy: one factory a model, defaults that make a valid row.

Every default is a plain value a test may override by name (`ClaimFactory(text=..., status=...)`);
the Arabic defaults are sentences written for these tests. What a test asserts on, it passes itself.

- `ArticleFactory(extracted=True)` stores the claims the extraction engine finds in the text;
  `ArticleFactory(ready=True)` also sets the status READY, as the pipeline leaves an article;
  `ArticleFactory(processed=True)` runs the whole article service (extraction, scoring, matching).
- `ClaimFactory` makes the claim its own article's text unless given an `article`; its `start` is
  where its text stands in the article (a claim that is no span of its article needs its `start`).
  `ClaimFactory(suggested=True)` is a claim the matcher contradicted, waiting in the review queue.
- `ClaimFactory(figures=[(text, kind, value, unit), ...], reference=...)` stores the claim's figures,
  each checked against the reference when one is given (`figures_add` does the same for a stored claim).
- `VerdictFactory` decides (or, with `published_by`, publishes) a claim as the verdict services do:
  the claim's status follows and the checked-figure index is refreshed.
- `UserFactory(role=roles.EDITORS)` is a staff member of that role's group.
"""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory, Password

from claims import roles
from claims.extraction import extract, normalize
from claims.models import (
    Article,
    ArticleStatus,
    Claim,
    ClaimStatus,
    MachineVerdict,
    Quantity,
    QuantityCheck,
    Rating,
    ReferenceSource,
    ReferenceStatement,
    Verdict,
    WebhookSubscription,
)
from claims.services.articles import article_process, article_store_claims, content_hash
from claims.services.checked_figures import checked_figures_refresh

PASSWORD = "pass-for-tests-only"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    password = Password(PASSWORD)
    is_staff = True

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        """The role's group (roles.VIEWERS, EDITORS or CHIEF_EDITORS), created by the roles migration."""
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = "مقال تجريبي"
    source = "test.txt"
    text = "قال التقرير إن تكلفة التدريب بلغت 558 مليون دولار."
    content_hash = factory.LazyAttribute(lambda article: content_hash(article.text))

    @factory.post_generation
    def extracted(article, create, extracted, **kwargs):
        if extracted:
            article_store_claims(article=article, extraction=extract(article.text))

    @factory.post_generation
    def ready(article, create, extracted, **kwargs):
        """As the pipeline leaves an article: the claims the engine finds stored, the status READY."""
        if extracted:
            article_store_claims(article=article, extraction=extract(article.text))
            article.status = ArticleStatus.READY
            article.save(update_fields=["status"])

    @factory.post_generation
    def processed(article, create, extracted, **kwargs):
        if extracted:
            article_process(article.id)
            article.refresh_from_db()


def _suggestion(claim) -> dict:
    if not claim.suggested_verdict:
        return {}
    return {
        "verdict": claim.suggested_verdict,
        "reference": claim.reference.key if claim.reference else None,
        "score": 0.8,
        "explanation": "The figure differs from the reference",
        "explanation_ar": "القيمة المذكورة تختلف عن المرجع",
    }


def _span_start(article_text: str, claim_text: str) -> int:
    start = article_text.find(claim_text)
    assert start >= 0, "the claim must be a span of its article (or give its start)"
    return start


class ClaimFactory(DjangoModelFactory):
    class Meta:
        model = Claim

    class Params:
        suggested = factory.Trait(
            status=ClaimStatus.SUGGESTED, suggested_verdict=MachineVerdict.CONTRADICTED, checkworthiness=0.9
        )

    text = "وبلغت تكلفة تدريب النموذج 558 مليون دولار"
    article = factory.SubFactory(ArticleFactory, text=factory.SelfAttribute("..text"))
    start = factory.LazyAttribute(lambda claim: _span_start(claim.article.text, claim.text))
    end = factory.LazyAttribute(lambda claim: claim.start + len(claim.text))
    normalized_text = factory.LazyAttribute(lambda claim: normalize(claim.text))
    suggestion = factory.LazyAttribute(_suggestion)
    # Not fields: taken off in _create. The reference the suggestion names and the figures are checked
    # against; the figures as (text, kind, value, unit).
    reference = None
    figures = ()

    @classmethod
    def _create(cls, model_class, *args, reference=None, figures=(), **kwargs):
        claim = super()._create(model_class, *args, **kwargs)
        figures_add(claim, figures, reference=reference)
        return claim


class ReferenceSourceFactory(DjangoModelFactory):
    class Meta:
        model = ReferenceSource
        django_get_or_create = ("title", "url")

    title = "التقرير التقني للنموذج"
    publisher = "مختبر الأبحاث"
    url = "https://example.org/report"


class ReferenceStatementFactory(DjangoModelFactory):
    class Meta:
        model = ReferenceStatement

    class Params:
        # The training cost of DeepSeek-V3 as its report gives it, named the way Arabic news names it.
        deepseek_cost = factory.Trait(
            key="dsv3-training-cost",
            text="بلغت تكلفة تدريب نموذج DeepSeek-V3 نحو 5.576 مليون دولار.",
            subject="DeepSeek-V3",
            metric="تكلفة التدريب",
            aliases=["DeepSeek", "ديب سيك"],
            as_of="2024-12",
        )

    key = factory.Sequence(lambda n: f"reference-{n}")
    text = "بلغت تكلفة تدريب النموذج 5.576 مليون دولار."
    kind = "money"
    value_text = "5576000"
    unit = "USD"


class QuantityFactory(DjangoModelFactory):
    """A figure of a claim; `start` is where its text stands in the claim, counted in the article."""

    class Meta:
        model = Quantity

    claim = factory.SubFactory(ClaimFactory)
    text = "558 مليون دولار"
    start = factory.LazyAttribute(lambda q: q.claim.start + max(q.claim.text.find(q.text), 0))
    end = factory.LazyAttribute(lambda q: q.start + len(q.text))
    kind = "money"
    value_text = "558000000"
    value = factory.LazyAttribute(lambda q: None if q.kind == "date" else Decimal(q.value_text))
    unit = "USD"


class QuantityCheckFactory(DjangoModelFactory):
    """The matcher's check of a figure: by default a scale error, 100 times the reference."""

    class Meta:
        model = QuantityCheck

    quantity = factory.SubFactory(QuantityFactory)
    verdict = MachineVerdict.CONTRADICTED
    reference = factory.SubFactory(ReferenceStatementFactory)
    reference_value = factory.SelfAttribute("reference.value_text")
    reference_unit = factory.SelfAttribute("reference.unit")
    ratio = Decimal("100.07")
    error = "scale"
    score = 0.81
    explanation_ar = "الرقم أكبر من المرجع مئة مرة"
    explanation_en = "The figure is 100 times the reference"


def figures_add(claim: Claim, figures, *, reference: ReferenceStatement | None = None) -> list[Quantity]:
    """figures = [(text, kind, value, unit), ...]; each checked against `reference` when given."""
    quantities = []
    for position, (text, kind, value, unit) in enumerate(figures):
        quantity = QuantityFactory(claim=claim, position=position, text=text, kind=kind, value_text=value,
                                   unit=unit or "")
        if reference is not None:
            QuantityCheckFactory(quantity=quantity, reference=reference,
                                 verdict=claim.suggested_verdict or MachineVerdict.UNVERIFIED)
        quantities.append(quantity)
    return quantities


class VerdictFactory(DjangoModelFactory):
    class Meta:
        model = Verdict
        skip_postgeneration_save = True

    claim = factory.SubFactory(ClaimFactory)
    rating = Rating.WRONG_FIGURE
    note = "خطأ في المقياس"
    editor = factory.SubFactory(UserFactory, username="editor", role=roles.EDITORS)
    decided_at = factory.LazyFunction(timezone.now)
    published_by = None
    published_at = factory.LazyAttribute(lambda v: v.decided_at if v.published_by else None)

    @factory.post_generation
    def claim_status(verdict, create, extracted, **kwargs):
        """As the verdict services do: the claim is decided (or published) and its figures indexed."""
        claim = verdict.claim
        claim.status = ClaimStatus.PUBLISHED if verdict.published_by else ClaimStatus.DECIDED
        claim.save(update_fields=["status"])
        checked_figures_refresh(claim_ids=[claim.pk])


class WebhookSubscriptionFactory(DjangoModelFactory):
    class Meta:
        model = WebhookSubscription

    owner = factory.SubFactory(UserFactory, username="chief", role=roles.CHIEF_EDITORS)
    url = "https://hooks.example.org/in"
    secret = "s3cret"

