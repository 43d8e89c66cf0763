"""Whole source documents split into reference statements."""

import pytest
from django.core.files.base import ContentFile

from claims.lib.documents import DATA_DIR, document_sentences, guess_subject
from claims.models import Claim, ReferenceDocument, ReferenceSource, ReferenceStatement
from claims.services.matching import claims_match
from claims.services.references import reference_document_submit
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TOURISM_REPORT = (
    "تقرير السياحة السنوي\n\n"
    "استقبلت مدينة البتراء 1.2 مليون زائر خلال عام 2023، بزيادة 35% عن العام السابق. "
    "وبلغت إيرادات القطاع السياحي في الأردن نحو 7.3 مليار دولار.\n"
    "ويعمل في القطاع عدد كبير من الأشخاص في مختلف المحافظات.\n"
    "وأطلقت شركة Royal Jordanian خطا جويا جديدا يربط عمّان بخمس مدن أوروبية."
)


@pytest.fixture
def source(db):
    return ReferenceSource.objects.create(title="Jordan Tourism Bulletin 2023", publisher="وزارة السياحة")


def split(document: ReferenceDocument, capture) -> ReferenceDocument:
    with capture(execute=True):
        reference_document_submit(document=document)
    document.refresh_from_db()
    return document


def test_a_pasted_arabic_document_becomes_one_statement_per_sentence_with_a_figure(
    source, django_capture_on_commit_callbacks
):
    document = split(ReferenceDocument(source=source, text=TOURISM_REPORT), django_capture_on_commit_callbacks)

    assert document.status == "ready", document.error
    statements = {s.key: s for s in document.statements.all()}
    assert set(statements) == {
        "jordan-tourism-bulletin-2023-1",
        "jordan-tourism-bulletin-2023-2",
        "jordan-tourism-bulletin-2023-3",
    }
    first, second, third = (statements[f"jordan-tourism-bulletin-2023-{n}"] for n in (1, 2, 3))
    assert first.text.startswith("استقبلت مدينة البتراء 1.2 مليون زائر")
    assert first.text.endswith("عن العام السابق.")
    assert second.text == "وبلغت إيرادات القطاع السياحي في الأردن نحو 7.3 مليار دولار."
    assert "خمس مدن" in third.text
    assert first.subject == "البتراء"
    assert third.subject == "Royal Jordanian"
    assert first.source == source
    assert first.language == "ar"


def test_splitting_again_keeps_the_keys_and_drops_sentences_that_are_gone(source, django_capture_on_commit_callbacks):
    document = split(ReferenceDocument(source=source, text=TOURISM_REPORT), django_capture_on_commit_callbacks)
    document.text = TOURISM_REPORT.replace("وبلغت إيرادات القطاع السياحي في الأردن نحو 7.3 مليار دولار.", "")

    document = split(document, django_capture_on_commit_callbacks)

    assert document.status == "ready"
    assert ReferenceStatement.objects.count() == 2
    kept = ReferenceStatement.objects.get(key="jordan-tourism-bulletin-2023-2")
    assert "خمس مدن" in kept.text  # the second key now holds the second remaining sentence


def test_two_documents_of_one_source_never_share_a_key(source, django_capture_on_commit_callbacks):
    split(ReferenceDocument(source=source, text=TOURISM_REPORT), django_capture_on_commit_callbacks)
    other = split(
        ReferenceDocument(source=source, text="وارتفع عدد الفنادق المصنفة إلى 600 فندق."),
        django_capture_on_commit_callbacks,
    )

    assert list(other.statements.values_list("key", flat=True)) == ["jordan-tourism-bulletin-2023-4"]
    assert ReferenceStatement.objects.count() == 4


def test_an_arabic_title_falls_back_to_a_key_made_of_the_source_id(django_capture_on_commit_callbacks):
    source = ReferenceSource.objects.create(title="النشرة الإحصائية 2023")

    document = split(
        ReferenceDocument(source=source, text="بلغ عدد الفنادق المصنفة 600 فندق."), django_capture_on_commit_callbacks
    )

    assert list(document.statements.values_list("key", flat=True)) == [f"source-{source.id}-1"]


def test_an_uploaded_html_file_is_read_without_its_markup(source, django_capture_on_commit_callbacks):
    html = (
        "<html><head><title>نشرة</title><script>alert(1)</script></head><body><nav>الرئيسية</nav>"
        "<article><h1>نشرة السياحة</h1><p>استقبلت مدينة البتراء 1.2 مليون زائر خلال عام 2023 وفق الأرقام "
        "الرسمية الصادرة عن الوزارة في نهاية العام.</p><p>وبلغت إيرادات القطاع السياحي نحو 7.3 مليار دولار "
        "بحسب البيانات الرسمية المنشورة.</p></article></body></html>"
    )
    document = ReferenceDocument(source=source)
    document.upload.save("bulletin.html", ContentFile(html.encode("utf-8")), save=False)

    document = split(document, django_capture_on_commit_callbacks)

    assert document.status == "ready", document.error
    assert "<p>" not in document.text and "alert" not in document.text
    assert document.statements.count() == 2


def test_a_url_is_fetched_and_its_text_kept_on_the_document(source, monkeypatch, django_capture_on_commit_callbacks):
    import httpx

    from claims.lib import http

    page = (
        "<html><body><article><p>وبلغت إيرادات القطاع السياحي في الأردن نحو 7.3 مليار دولار خلال العام الماضي "
        "حسب التقرير الرسمي للوزارة.</p></article></body></html>"
    )
    fetched = []

    def fetch(url, **kwargs):
        fetched.append(url)
        headers = httpx.Headers({"content-type": "text/html; charset=utf-8"})
        return http.FetchResponse(url=url, status=200, reason="OK", headers=headers, content=page.encode())

    monkeypatch.setattr(http, "fetch", fetch)

    document = split(
        ReferenceDocument(source=source, url="https://example.org/bulletin"), django_capture_on_commit_callbacks
    )

    assert fetched == ["https://example.org/bulletin"]
    assert document.status == "ready", document.error
    assert "7.3 مليار دولار" in document.text
    assert document.statements.count() == 1


def test_a_failure_is_kept_on_the_document(source, monkeypatch, django_capture_on_commit_callbacks):
    from claims.lib import http

    def refuse(url, **kwargs):
        raise http.FetchError("network")

    monkeypatch.setattr(http, "fetch", refuse)

    document = split(
        ReferenceDocument(source=source, url="https://example.org/missing"), django_capture_on_commit_callbacks
    )

    assert document.status == "failed"
    assert "could not fetch https://example.org/missing" in document.error
    assert not document.statements.exists()


def test_claims_are_matched_against_the_statements_of_a_document(
    source, db, django_capture_on_commit_callbacks
):
    article = ArticleFactory(ready=True, text="وقالت الوزارة إن مدينة البتراء استقبلت 12 مليون زائر خلال عام 2023.")
    claims_match(claim_ids=article.claims.values_list("id", flat=True))

    split(ReferenceDocument(source=source, text=TOURISM_REPORT), django_capture_on_commit_callbacks)

    claim = Claim.objects.get(article=article)
    assert not claim.needs_matching  # flagged by the new statements, then matched again
    check = claim.quantities.get(kind="count").match
    assert check.reference.key == "jordan-tourism-bulletin-2023-1"
    assert check.verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("أعلنت شركة أرامكو السعودية أرباحا قياسية بلغت 121 مليار دولار.", "أرامكو السعودية"),
        ("وبلغت تكلفة تدريب نموذج DeepSeek-V3 نحو 5.6 مليون دولار.", "DeepSeek-V3"),
        ("قدرت منظمة الصحة العالمية عدد الإصابات بنحو 3 ملايين.", "الصحة العالمية"),
        ("وبلغت الإيرادات 40 مليار USD.", ""),
        ("ارتفعت الأسعار 5% في المتوسط.", ""),
    ],
)
def test_it_guesses_the_subject_from_proper_names(text, subject):
    assert guess_subject(text) == subject


def _name_words(name):
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("cue", _name_words("name_cues.txt"))
def test_every_name_cue_introduces_the_name_after_it_however_it_is_written(cue):
    # With a clitic and a tatweel, as a newsroom's copy may write it: the data is folded as the text is.
    assert guess_subject(f"وأعلنت و{cue[0]}ـ{cue[1:]} الريادة أرباحا قياسية.") == "الريادة"


@pytest.mark.parametrize("stop", _name_words("name_stops.txt"))
def test_no_name_is_guessed_from_a_stop_word_after_a_cue(stop):
    assert guess_subject(f"وأعلنت شركة {stop} الرياض أرباحا قياسية.") == ""


def test_sentences_are_split_at_full_stops_but_never_inside_a_decimal():
    text = "بلغ النمو 1.3% في الربع الأول. ثم تراجع؟ نعم\nسطر آخر"

    assert [text[s:e] for s, e in document_sentences(text)] == [
        "بلغ النمو 1.3% في الربع الأول.",
        "ثم تراجع؟",
        "نعم",
        "سطر آخر",
    ]
