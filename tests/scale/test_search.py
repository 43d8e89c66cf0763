"""Search over the normalised text: substring everywhere, plus full-text forms on PostgreSQL."""

import pytest
from django.db import connection

from claims.models import Claim
from claims.selectors.queue import claims_matching_text, decided_claims_with_words
from tests.factories import ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")


@pytest.fixture
def claims(editor):
    texts = {
        "companies": "ارتفعت أرباح الشركات المدرجة بنسبة 12% في الربع الثالث",
        "users": "تجاوز عدد المستخدمين النشطين 40 مليون مستخدم شهريا",
        "exports": "بلغت صادرات المملكة غير النفطية 300 مليار ريال",
    }
    made = {
        name: ClaimFactory(text=text, article__source=f"{name}.txt", suggested=True) for name, text in texts.items()
    }
    VerdictFactory(claim=made["companies"], editor=editor)
    return made


def found(query):
    return set(claims_matching_text(Claim.objects.all(), query).values_list("pk", flat=True))


def test_a_substring_is_found_whatever_its_diacritics_and_hamza(claims):
    assert found("أَرْبَاح الشركات") == {claims["companies"].pk}
    assert found("المستخدمين") == {claims["users"].pk}
    assert found("صادرات المملكه") == {claims["exports"].pk}  # ta marbuta written as ha


def test_a_word_in_no_claim_finds_nothing(claims):
    assert found("الطاقة الشمسية") == set()


@on_postgres
def test_on_postgres_another_form_of_the_word_is_found_too(claims):
    # "للشركات" is not a substring of "الشركات"; the arabic stemmer gives both the stem "شرك".
    assert found("للشركات") == {claims["companies"].pk}


@on_postgres
def test_full_text_search_holds_inside_a_subquery(claims):
    inner = claims_matching_text(Claim.objects.all(), "للشركات").values("pk")

    assert set(Claim.objects.filter(pk__in=inner).values_list("pk", flat=True)) == {claims["companies"].pk}


def test_lookup_words_find_only_decided_claims(claims):
    assert decided_claims_with_words(["الشركات"], limit=10) == [claims["companies"].pk]
    assert decided_claims_with_words(["المستخدمين"], limit=10) == []
    assert decided_claims_with_words(["الشركات", "المدرجه"], every=True, limit=10) == [claims["companies"].pk]
    assert decided_claims_with_words(["الشركات", "النفطيه"], every=True, limit=10) == []
