import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from claims.models import ClaimStatus, MachineVerdict, Rating
from claims.selectors.queue import review_queue
from claims.services.verdicts import verdict_set
from tests.factories import ArticleFactory, ClaimFactory, QuantityFactory

QUEUE = reverse("admin:claims_claim_changelist")

SENTENCES = {
    "supported": "وأكدت الوزارة أن عدد المدارس الجديدة وصل إلى 120 مدرسة هذا العام",
    "contradicted": "وأضاف التقرير أن صادرات البلاد ارتفعت بنسبة 45 في المئة خلال الربع الأول",
    "unmatched": "ويقدّر خبراء أن المشروع سيوفر 3 آلاف وظيفة",
    "low": "وذكر أحد السكان أن الحي يضم 7 حدائق صغيرة",
}


@pytest.fixture
def queue_claims(db):
    article = ArticleFactory(text="مقدمة. " + ". ".join(SENTENCES.values()) + ".", title="أخبار الاقتصاد والتعليم")
    fields = {
        "supported": {"suggested_verdict": MachineVerdict.SUPPORTED, "checkworthiness": 0.95},
        "contradicted": {"suggested_verdict": MachineVerdict.CONTRADICTED, "checkworthiness": 0.6},
        "unmatched": {"checkworthiness": 0.8},
        "low": {"checkworthiness": 0.2},
    }
    claims = {
        name: ClaimFactory(
            article=article,
            text=SENTENCES[name],
            status=ClaimStatus.SUGGESTED if "suggested_verdict" in fields[name] else ClaimStatus.NEW,
            **fields[name],
        )
        for name in fields
    }
    QuantityFactory(claim=claims["supported"], text="120 مدرسة", kind="count", value_text="120", unit="")
    QuantityFactory(claim=claims["contradicted"], text="45 في المئة", kind="percent", value_text="45", unit="%")
    QuantityFactory(claim=claims["unmatched"], text="3 آلاف وظيفة", kind="count", value_text="3000", unit="")
    return claims


def _ids(response):
    return [claim.pk for claim in response.context["cl"].result_list]


def test_the_queue_puts_contradicted_claims_first_then_the_most_check_worthy(queue_claims):
    order = [c.pk for c in review_queue()]
    names = {c.pk: name for name, c in queue_claims.items()}
    assert [names[pk] for pk in order] == ["contradicted", "supported", "unmatched", "low"]


def test_decided_claims_sink_below_open_ones(queue_claims, editor):
    verdict_set(claim=queue_claims["contradicted"], rating=Rating.FALSE, editor=editor, expected_version=1)
    order = [c.pk for c in review_queue()]
    assert order[-1] == queue_claims["contradicted"].pk


def test_the_admin_queue_uses_the_priority_order(client, editor, queue_claims):
    client.force_login(editor)
    assert _ids(client.get(QUEUE))[:2] == [queue_claims["contradicted"].pk, queue_claims["supported"].pk]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"suggested_verdict__exact": "contradicted"}, {"contradicted"}),
        ({"status__exact": "new"}, {"unmatched", "low"}),
        ({"kind": "percent"}, {"contradicted"}),
        ({"kind": "count"}, {"supported", "unmatched"}),
        ({"unit": "%"}, {"contradicted"}),
        ({"rating": "none"}, {"supported", "contradicted", "unmatched", "low"}),
        ({"worthy": "no"}, {"low"}),
    ],
)
def test_the_queue_filters(client, editor, queue_claims, params, expected):
    client.force_login(editor)
    names = {c.pk: name for name, c in queue_claims.items()}
    assert {names[pk] for pk in _ids(client.get(QUEUE, params))} == expected


def test_the_queue_filters_by_editor_verdict_and_assignee(client, editor, other_editor, queue_claims):
    verdict_set(claim=queue_claims["supported"], rating=Rating.TRUE, editor=editor, expected_version=1)
    client.force_login(editor)
    assert _ids(client.get(QUEUE, {"rating": "true"})) == [queue_claims["supported"].pk]
    queue_claims["low"].assignee = other_editor
    queue_claims["low"].save()
    assert _ids(client.get(QUEUE, {"assignee__id__exact": other_editor.pk})) == [queue_claims["low"].pk]


@pytest.mark.parametrize(
    "query",
    [
        "صادرات البلاد",  # as written
        "صَادِرَاتُ البِلَادِ",  # with diacritics
        "الربـــع الأول",  # tatweel
        "الربع الاول",  # alef without hamza
        "وأضاف التقرير",
        "واضاف التقرير",
        "إرتفعت",  # hamza below where the text has a bare alef
    ],
)
def test_search_ignores_diacritics_hamza_and_alef_variants(client, editor, queue_claims, query):
    client.force_login(editor)
    assert _ids(client.get(QUEUE, {"q": query})) == [queue_claims["contradicted"].pk]


def test_search_finds_nothing_for_an_absent_word(client, editor, queue_claims):
    client.force_login(editor)
    assert _ids(client.get(QUEUE, {"q": "البطالة"})) == []


def _act(client, action, claims, follow=False, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in claims], **extra}
    return client.post(QUEUE, data, follow=follow)


def test_assign_to_me(client, editor, queue_claims):
    client.force_login(editor)
    _act(client, "assign_to_me", [queue_claims["supported"], queue_claims["low"]])
    assert set(editor.assigned_claims.values_list("pk", flat=True)) == {
        queue_claims["supported"].pk,
        queue_claims["low"].pk,
    }


def test_assign_to_someone_asks_whom_then_assigns(client, editor, other_editor, viewer, queue_claims):
    client.force_login(editor)
    page = _act(client, "assign_to_someone", [queue_claims["unmatched"]])
    html = page.content.decode()
    assert page.status_code == 200 and "other_editor" in html
    assert ">other_editor</option>" in html and ">viewer</option>" not in html  # viewers cannot be assigned
    _act(client, "assign_to_someone", [queue_claims["unmatched"]], apply="1", assignee=other_editor.pk)
    queue_claims["unmatched"].refresh_from_db()
    assert queue_claims["unmatched"].assignee == other_editor


def test_change_status_moves_claims_and_refuses_a_forbidden_move(client, editor, queue_claims):
    client.force_login(editor)
    _act(client, "change_status", [queue_claims["unmatched"]], apply="1", status="in_review")
    queue_claims["unmatched"].refresh_from_db()
    assert queue_claims["unmatched"].status == ClaimStatus.IN_REVIEW
    verdict_set(claim=queue_claims["supported"], rating=Rating.TRUE, editor=editor, expected_version=1)
    response = _act(client, "change_status", [queue_claims["supported"]], apply="1", status="new", follow=True)
    queue_claims["supported"].refresh_from_db()
    assert queue_claims["supported"].status == ClaimStatus.DECIDED
    assert f"#{queue_claims['supported'].pk}" in response.content.decode()


def test_rerun_matching_matches_the_claims_again(
    client, editor, contradicted_claim, django_capture_on_commit_callbacks
):
    from claims.models import Claim, QuantityCheck

    QuantityCheck.objects.filter(quantity__claim=contradicted_claim).delete()
    Claim.objects.filter(pk=contradicted_claim.pk).update(needs_matching=False)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        _act(client, "rematch", [contradicted_claim])
    contradicted_claim.refresh_from_db()
    assert not contradicted_claim.needs_matching  # marked, then matched by the (eager) task
    assert QuantityCheck.objects.filter(quantity__claim=contradicted_claim).exists()


def test_a_viewer_gets_no_writing_actions(client, viewer, queue_claims):
    client.force_login(viewer)
    html = client.get(QUEUE).content.decode()
    for action in ("assign_to_me", "assign_to_someone", "change_status", "rematch", "publish_verdicts"):
        assert f'value="{action}"' not in html
    assert 'value="export_json"' in html
    _act(client, "assign_to_me", [queue_claims["low"]])
    queue_claims["low"].refresh_from_db()
    assert queue_claims["low"].assignee is None


def test_only_a_chief_gets_the_publish_action(client, editor, chief, queue_claims):
    client.force_login(editor)
    assert 'value="publish_verdicts"' not in client.get(QUEUE).content.decode()
    client.force_login(chief)
    assert 'value="publish_verdicts"' in client.get(QUEUE).content.decode()


def test_the_export_actions_hand_the_selection_to_the_exports(client, editor, queue_claims, monkeypatch):
    from django.http import HttpResponse

    import claims.exports

    def fake_export(queryset, fmt, **options):
        return HttpResponse(f"{fmt}:{sorted(queryset.values_list('pk', flat=True))}")

    monkeypatch.setattr(claims.exports, "export_response", fake_export, raising=False)
    client.force_login(editor)
    selected = [queue_claims["low"], queue_claims["supported"]]
    for fmt in ("json", "csv", "xlsx", "claimreview"):
        body = _act(client, f"export_{fmt}", selected).content.decode()
        assert body == f"{fmt}:{sorted(c.pk for c in selected)}"


def test_search_by_claim_number(client, editor, queue_claims):
    client.force_login(editor)
    wanted = queue_claims["low"].pk
    assert _ids(client.get(QUEUE, {"q": f"#{wanted}"})) == [wanted]
