import json

import pytest

from claims.representations import ClaimSerializer, claim_queryset
from tests.factories import ArticleFactory, ClaimFactory, ReferenceStatementFactory, VerdictFactory

pytestmark = pytest.mark.django_db

CLAIM_TEXT = "وبلغت تكلفة تدريب النموذج 558 مليون دولار في عام 2024"


def test_it_serialises_a_claim_exactly_as_the_export_format(editor):
    reference = ReferenceStatementFactory(key="dsv3-training-cost")
    article = ArticleFactory(title="تقرير", source="001.txt")
    claim = ClaimFactory(
        article=article,
        text=CLAIM_TEXT,
        start=4,
        suggested=True,
        figures=[("558 مليون دولار", "money", "558000000", "USD"), ("2024", "date", "2024", None)],
        reference=reference,
    )
    VerdictFactory(claim=claim, editor=editor, reference=reference)

    data = json.loads(json.dumps(ClaimSerializer(claim_queryset().get(pk=claim.pk)).data))

    assert list(data)[:10] == [
        "id", "article", "start", "end", "text", "status", "checkworthiness", "quantities", "suggestion", "verdict"
    ]
    assert data["article"] == {"id": article.id, "title": "تقرير", "source": "001.txt", "url": None}
    assert data["start"] == 4 and data["end"] == 4 + len(CLAIM_TEXT)
    money = data["quantities"][0]
    assert money["value"] == "558000000" and money["unit"] == "USD" and money["kind"] == "money"
    assert money["check"]["reference"] == "dsv3-training-cost"
    assert money["check"]["reference_value"] == "5576000"
    assert money["check"]["ratio"] == "100.07"
    assert money["check"]["error"] == "scale"
    assert money["check"]["score"] == 0.81
    assert money["check"]["explanation"] == "The figure is 100 times the reference"
    assert money["check"]["explanation_ar"] == "الرقم أكبر من المرجع مئة مرة"
    assert data["quantities"][1]["unit"] is None
    assert data["suggestion"]["verdict"] == "contradicted"
    assert data["suggestion"]["reference"] == "dsv3-training-cost"
    verdict = data["verdict"]
    assert verdict["rating"] == "wrong_figure"
    assert verdict["label_ar"] == "خطأ في الرقم" and verdict["label_en"] == "Wrong figure"
    assert verdict["reference"] == "dsv3-training-cost" and verdict["editor"] == "editor"


def test_it_shows_null_for_an_unchecked_figure_and_an_undecided_claim():
    figures = [("558 مليون دولار", "money", "558000000", "USD")]
    claim = ClaimFactory(text=CLAIM_TEXT, suggested=True, suggested_verdict="", figures=figures)

    data = ClaimSerializer(claim_queryset().get(pk=claim.pk)).data

    assert data["quantities"][0]["check"] is None
    assert data["suggestion"] is None
    assert data["verdict"] is None


def test_it_serialises_many_claims_in_a_fixed_number_of_queries(editor, django_assert_max_num_queries):
    reference = ReferenceStatementFactory()
    for index in range(12):
        article = ArticleFactory(text=f"نص رقم {index}")
        claim = ClaimFactory(article=article, text=CLAIM_TEXT, start=0, suggested=True, reference=reference,
                             figures=[("558 مليون دولار", "money", "558000000", "USD")])
        if index % 2:
            VerdictFactory(claim=claim, editor=editor, reference=reference)

    with django_assert_max_num_queries(2):
        data = ClaimSerializer(claim_queryset(), many=True).data

    assert len(data) == 12
    assert sum(1 for claim in data if claim["verdict"]) == 6
