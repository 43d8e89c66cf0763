"""An editor works the demo newsroom's queue by keyboard only, in a real browser: the queue, the
558-million claim in its article, adjust, accept the machine's suggestion, save-and-next.

Drives Debian's Chromium with Playwright against pytest-django's live server, on the demo data
(`load_demo --sync`). Screenshots of the queue, the split view and the dashboard at 1400x900 go to
test-artifacts/review-desk/ (linked from docs/review.md).
"""

import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from claims.models import Article, Claim, ReferenceSource, ReferenceStatement, Verdict

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "review-desk"
SCREEN = {"width": 1400, "height": 900}
FINDING = "558 مليون دولار ← 5.576 مليون دولار (×100، خطأ في المرتبة)"
RED, RED_MARK, GREEN_MARK = "rgb(179, 38, 30)", "rgb(249, 214, 211)", "rgb(212, 237, 218)"
# Keys named in the keyboard help, and the export formats' own names.
KEY_NAMES = {"j", "k", "a", "s", "n", "q", "o", "Enter"}
FORMAT_NAMES = {"CSV", "JSON", "JSON-LD", "XLSX", "Excel", "ClaimReview", "PDF"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@pytest.fixture
def demo_newsroom(role_groups, settings):
    settings.DEBUG = True  # load_demo refuses to create known passwords otherwise
    call_command("load_demo", "--sync", verbosity=0)
    return Claim.objects.get(quantities__text="558 مليون دولار", article__source="01_deepseek_v3_cost.txt")


def _names_and_codes() -> set[str]:
    """Latin words the pages may show: names and codes from the data (articles, references, users)."""
    texts = [text for pair in Article.objects.values_list("title", "text") for text in pair]
    texts += list(Article.objects.values_list("source", flat=True))
    for row in ReferenceStatement.objects.values_list("key", "text", "subject", "metric", "aliases"):
        texts += [str(value) for value in row]
    for row in ReferenceSource.objects.values_list("title", "publisher"):
        texts += list(row)
    texts += list(get_user_model().objects.values_list("username", flat=True))  # user names (the assignee filter)
    texts += ["English"]  # the language switcher names English in English
    words = {word.lower() for text in texts for word in LATIN_WORD.findall(text)}
    return words | {name.lower() for name in KEY_NAMES | FORMAT_NAMES}


def _english_on(page, allowed: set[str]) -> list[str]:
    text = page.evaluate("document.body.innerText")
    return sorted({word for word in LATIN_WORD.findall(text) if word.lower() not in allowed})


def _shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _colour(locator, prop="color"):
    return locator.evaluate(f"element => getComputedStyle(element).{prop}")


def test_an_editor_triages_the_558_claim_by_keyboard_only(browser, live_server, demo_newsroom):
    claim = demo_newsroom
    allowed = _names_and_codes()
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    context = browser.new_context(viewport=SCREEN, locale="ar")
    page = context.new_page()
    page.set_default_timeout(20_000)

    # Log in with the keyboard.
    page.goto(f"{live_server.url}/admin/login/?next=/admin/claims/claim/")
    page.keyboard.type("editor")
    page.keyboard.press("Tab")
    page.keyboard.type("factcheck-demo")
    page.keyboard.press("Enter")
    page.wait_for_selector("#result_list tr.fc-current")
    assert page.locator("h1").inner_text() == "قائمة المراجعة"
    fifteenth = page.locator("#result_list tbody tr").nth(14).bounding_box()
    assert fifteenth["y"] + fifteenth["height"] <= SCREEN["height"]  # 15+ rows on one screen

    # Down the queue with j to the 558 claim; its row says what is wrong, in red, with a badge.
    for _ in range(30):
        if "558 مليون دولار" in page.locator("#result_list tr.fc-current").inner_text():
            break
        page.keyboard.press("j")
    row = page.locator("#result_list tr.fc-current")
    finding = row.locator(".fc-finding")
    assert finding.inner_text() == FINDING
    assert _colour(finding) == RED
    badge = row.locator(".fc-badge")
    assert _colour(badge, "backgroundColor") in ("rgb(168, 100, 0)", RED)  # mixed (amber) or contradicted
    english = _english_on(page, allowed)
    assert english == [], " ".join(english)
    _shot(page, "queue")

    # Enter opens the split view: every figure coloured by its machine verdict, the suggestion pre-filled.
    page.keyboard.press("Enter")
    page.wait_for_selector("#fc-verdict-panel")
    assert page.url.endswith(f"/admin/claims/claim/{claim.pk}/change/")
    figure = page.locator("#fc-focus-claim mark.fc-quantity", has_text="558 مليون دولار")
    assert _colour(figure, "backgroundColor") == RED_MARK
    supported = page.locator(".fc-article mark.fc-quantity.fc-v-supported").first
    assert _colour(supported, "backgroundColor") == GREEN_MARK
    assert page.locator("#id_rating").input_value() == "wrong_figure"
    references = page.locator("#fc-references").inner_text()
    assert "5.576 مليون دولار" in references and "DeepSeek-V3 Technical Report" in references
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # to the histories at the bottom
    panel = page.locator("#fc-verdict-panel").bounding_box()
    assert 0 <= panel["y"] and panel["y"] + panel["height"] <= SCREEN["height"]  # the panel stays on screen
    page.evaluate("window.scrollTo(0, 0)")
    english = _english_on(page, allowed)
    assert english == [], " ".join(english)
    _shot(page, "split-view")

    # ? shows the keys; Escape closes them.
    page.keyboard.press("?")
    assert page.locator("#fc-keyboard-help").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#fc-keyboard-help").is_visible()

    # Adjust (3: misleading), then change one's mind: a accepts the machine's suggestion and moves on.
    page.keyboard.press("3")
    assert page.locator("#id_rating").input_value() == "misleading"
    page.keyboard.press("a")
    page.wait_for_url(lambda url: f"/claim/{claim.pk}/" not in url)
    page.wait_for_selector("#fc-verdict-panel")
    verdict = Verdict.objects.select_related("reference").get(claim=claim)
    assert verdict.rating == "wrong_figure" and verdict.editor.username == "editor"
    assert verdict.reference is not None and verdict.reference.key == claim.suggestion["reference"]
    assert "حُفظ الحكم" in page.locator(".messagelist").inner_text()

    # k goes back to the claim just decided (the previous open claim is the one before it now).
    page.goto(f"{live_server.url}/admin/claims/claim/dashboard/")
    english = _english_on(page, allowed)
    assert english == [], " ".join(english)
    _shot(page, "dashboard")
    context.close()
