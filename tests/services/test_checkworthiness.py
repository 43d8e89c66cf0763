"""Editors' decisions as labels, and the retraining that learns from them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.checkworthiness.model import Scorer
from claims.models import Article, CheckworthinessModel, Claim, ClaimOrigin, ClaimStatus, Rating
from claims.services import checkworthiness as service
from claims.services.articles import article_process
from claims.services.verdicts import verdict_set
from tests.factories import ArticleFactory

ARTICLE_TEXT = (
    "أعلنت وزارة الاقتصاد أن الصادرات غير النفطية بلغت 75 مليار ريال في الربع الأول.\n"
    "ويتداول كثيرون أن الدواء الجديد يشفي من السكري تماما.\n"
    "نتمنى للجميع عاما سعيدا.\n"
)
# Not a claim for the extractor (no figure, no named actor): an editor's call.
PASSAGE = "ويتداول كثيرون أن الدواء الجديد يشفي من السكري تماما."


@pytest.fixture
def article(db):
    return ArticleFactory(title="مقال", text=ARTICLE_TEXT, processed=True)


def test_pipeline_claims_carry_the_learned_score(article):
    claims = list(article.claims.all())
    assert claims
    expected = service.active_scorer().score([c.text for c in claims])
    assert [c.checkworthiness for c in claims] == pytest.approx(expected)


def test_dismissing_labels_and_closes_claims(article, editor):
    claims = list(article.claims.all())
    assert service.claims_dismiss(claims=claims, by=editor) == len(claims)
    for claim in Claim.objects.filter(article=article):
        assert claim.status == ClaimStatus.NOT_CHECKWORTHY
        assert claim.editor_label == 0 and claim.labelled_at is not None


def test_a_viewer_cannot_dismiss_and_nothing_changes(article, viewer):
    with pytest.raises(PermissionDenied):
        service.claims_dismiss(claims=list(article.claims.all()), by=viewer)
    assert not Claim.objects.filter(status=ClaimStatus.NOT_CHECKWORTHY).exists()


def test_a_decided_claim_cannot_be_dismissed(article, editor):
    claim = article.claims.first()
    verdict_set(claim=claim, rating=Rating.TRUE, editor=editor, expected_version=claim.version)
    claim.refresh_from_db()
    assert claim.editor_label == 1  # a verdict is a "worth checking" label
    with pytest.raises(ValidationError):
        service.claims_dismiss(claims=[claim], by=editor)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED


def test_an_editor_adds_a_claim_from_the_text(article, editor):
    start = ARTICLE_TEXT.index(PASSAGE)
    claim, created = service.claim_add_manual(article=article, start=start - 1, end=start + len(PASSAGE), by=editor)
    assert created and claim.text == PASSAGE  # the leading newline is trimmed
    assert claim.origin == ClaimOrigin.EDITOR and claim.editor_label == 1
    again, created_again = service.claim_add_manual(article=article, start=start, end=start + len(PASSAGE), by=editor)
    assert again.pk == claim.pk and not created_again
    # Processing the article again keeps what the editor added.
    Article.objects.filter(pk=article.pk).update(status="queued")
    article_process(article.id)
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_manual_claim_with_a_figure_gets_its_quantities(article, editor):
    sentence = "أعلنت وزارة الاقتصاد أن الصادرات غير النفطية بلغت 75 مليار ريال في الربع الأول."
    claim, _ = service.claim_add_manual(article=article, start=0, end=len(sentence), by=editor)
    quantity = claim.quantities.get(kind="money")
    assert ARTICLE_TEXT[quantity.start : quantity.end] == quantity.text


NEWLINE = ARTICLE_TEXT.index("\n")


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (5, 5), (0, 10_000), (NEWLINE, NEWLINE + 1)])
def test_a_bad_selection_is_refused(article, editor, start, end):
    before = Claim.objects.count()
    with pytest.raises(ValidationError):
        service.claim_add_manual(article=article, start=start, end=end, by=editor)
    assert Claim.objects.count() == before


# --- Retraining ---------------------------------------------------------------------------------

WORTHY = [
    "بلغ عدد سكان المدينة {n} ألف نسمة بحسب تعداد الهيئة.",
    "قالت الشركة إنها باعت {n} ألف سيارة في العام الماضي.",
    "ارتفعت أسعار الخبز بنسبة {n}% منذ يناير.",
]
NOT_WORTHY = [
    "اللهم اجعل يومنا رقم {n} من الصيام مباركا.",
    "أتمنى لكم يوما جميلا يا أصدقاء رقم {n}.",
    "هل سمعتم الأغنية الجديدة؟ شاهدتها {n} مرات.",
]


def labelled_claims(editor, count: int = 36, first: int = 10) -> list[Claim]:
    claims = []
    for i in range(count):
        template = (WORTHY if i % 2 == 0 else NOT_WORTHY)[i % 3]
        text = template.format(n=first + i)
        article = ArticleFactory(title=f"t{i}", source="t", text=text)
        claim, _ = service.claim_add_manual(article=article, start=0, end=len(text), by=editor)
        if i % 2:
            service.claims_dismiss(claims=[claim], by=editor)
        claims.append(claim)
    return claims


@pytest.fixture
def few_labels_needed(settings):
    settings.FACTCHECK_CHECKWORTHINESS_MIN_NEW_LABELS = 10


def test_no_retrain_before_enough_new_labels(db, editor, settings):
    settings.FACTCHECK_CHECKWORTHINESS_MIN_NEW_LABELS = 50
    labelled_claims(editor, 12)
    assert service.checkworthiness_retrain() is None
    assert not CheckworthinessModel.objects.exists()


def test_retraining_stores_a_model_rescoring_the_queue_and_is_idempotent(db, editor, few_labels_needed):
    labelled_claims(editor)
    open_claim = ArticleFactory(title="مقال", text=ARTICLE_TEXT, processed=True).claims.first()
    before = open_claim.checkworthiness
    row = service.checkworthiness_retrain()
    assert row is not None and row.version == 1 and row.is_active
    assert row.training_size == 36 and row.heldout_size > 0 and row.heldout_auc is not None
    assert bytes(row.data)
    open_claim.refresh_from_db()
    assert open_claim.checkworthiness == pytest.approx(service.active_scorer().score([open_claim.text])[0])
    assert open_claim.checkworthiness != before
    # The same labels again: the same model, nothing new stored.
    assert service.checkworthiness_retrain(force=True).pk == row.pk
    assert CheckworthinessModel.objects.count() == 1


class Inverted(Scorer):
    """A model that ranks everything backwards: it must never replace a better one."""

    def __init__(self, inner):
        super().__init__(inner.pipeline, inner.training_size)

    def score(self, texts):
        return [1.0 - s for s in super().score(texts)]


def test_a_worse_model_never_replaces_the_active_one(db, editor, few_labels_needed, monkeypatch):
    claims = labelled_claims(editor)
    first = service.checkworthiness_retrain()
    train_with_base = service._train_with_base
    monkeypatch.setattr(service, "_train_with_base", lambda texts, labels: Inverted(train_with_base(texts, labels)))
    assert labelled_claims(editor, 12, first=100)
    assert Claim.objects.exclude(pk__in=[c.pk for c in claims]).exists()
    second = service.checkworthiness_retrain(force=True)
    assert second.pk != first.pk and not second.is_active
    assert second.heldout_auc < second.previous_auc
    first.refresh_from_db()
    assert first.is_active


def test_a_failing_retrain_leaves_the_previous_model(db, editor, few_labels_needed, monkeypatch):
    labelled_claims(editor)
    first = service.checkworthiness_retrain()
    labelled_claims(editor, 12, first=100)

    def broken(texts, labels):
        raise MemoryError("out of memory while training")

    monkeypatch.setattr(service, "_train_with_base", broken)
    with pytest.raises(MemoryError):
        service.checkworthiness_retrain(force=True)
    assert list(CheckworthinessModel.objects.filter(is_active=True)) == [first]
    assert CheckworthinessModel.objects.count() == 1


def test_a_passage_the_engine_cannot_read_is_still_added(article, editor, monkeypatch):
    def engine_bug(text):
        raise KeyError("ق")

    monkeypatch.setattr("claims.checkworthiness.features.extract_quantities", engine_bug)
    start = ARTICLE_TEXT.index(PASSAGE)
    claim, created = service.claim_add_manual(article=article, start=start, end=start + len(PASSAGE), by=editor)
    assert created and claim.kind == "factual" and not claim.quantities.exists()
