"""Check-worthy sentences become claims; listing counts, rhetoric and page chrome do not."""

import pytest

from claims.extraction import extract
from claims.extraction.lexicon import lexicon


def claim_texts(text):
    return [claim.text for claim in extract(text).claims]


@pytest.mark.parametrize(
    "sentence",
    [
        "أعلنت شركة أرامكو أن أرباحها بلغت 121 مليار دولار في عام 2023.",
        "قال البنك المركزي إن التضخم تراجع إلى 3.2% في مارس 2024.",
        "وبحسب التقرير، سيصل حجم سوق الذكاء الاصطناعي إلى 1.3 تريليون دولار بحلول عام 2032.",
        "أصبح النموذج الجديد أسرع 15 مرة من سابقه.",
        "يبلغ عدد المهندسين في الصين حوالي 40 مليونًا.",
        "أطلقت الشركة نموذجها في 20 يناير 2025.",
        "ولا يستغرق توليد الصورة سوى اثنتي عشرة ثانية على الهاتف.",
    ],
)
def test_a_sentence_with_a_specific_figure_is_a_claim(sentence):
    assert claim_texts(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "هناك 3 عناصر رئيسية في مجال النماذج الكبيرة.",
        "قدم الخبير 5 اقتراحات للمطورين.",
        "هل يمكن أن تتجاوز التكلفة 10 مليارات دولار؟",
        "على سبيل المثال، لنفترض أن الشركة باعت 100 جهاز.",
        "إذا كانت التوقعات في مارس 2023 مجرد تفاؤل، فإن الواقع مختلف.",
        "تحدث المدير عن مستقبل الشركة بشكل عام.",
    ],
)
def test_listing_counts_rhetoric_and_plain_prose_are_not_claims(sentence):
    assert claim_texts(sentence) == []


def test_page_chrome_yields_no_claims():
    article = (
        "قالت الشركة إن إيراداتها بلغت 5 مليارات دولار في 2024.\n"
        "شركة ناشئة تجمع 200 مليون دولار في جولة تمويل جديدة...\n"
        "Vous n'êtes pas connecté\n"
        "شاهد النسخة الأصلية\n"
        "  • أعجبني\n"
        "تعليق\n"
        "0/400\n"
        "مستخدم · منذ 16 س\n"
        "أرباح بقيمة 300 مليون دولار هذا العام\n"
    )
    assert claim_texts(article) == ["قالت الشركة إن إيراداتها بلغت 5 مليارات دولار في 2024."]


def test_a_claim_lists_the_quantities_it_holds():
    extraction = extract("استثمرت الشركة 100 مليار دولار لبناء 10 مراكز بيانات.")
    (claim,) = extraction.claims
    assert [extraction.quantities[i].text for i in claim.quantity_indexes] == ["100 مليار دولار", "10 مراكز"]


def test_sentences_split_on_arabic_punctuation_but_not_inside_decimals():
    texts = claim_texts("بلغ النمو 1.3% هذا العام؛ وارتفعت الأرباح 2.5 مليار دولار! هل هذا كثير؟")
    assert texts == ["بلغ النمو 1.3% هذا العام؛", "وارتفعت الأرباح 2.5 مليار دولار!"]


def test_an_attributed_statement_by_a_named_actor_is_a_lower_priority_factual_claim():
    (claim,) = extract("أعلنت شركة Nvidia أنها ستطلق شريحة جديدة للمراكز.").claims
    assert claim.kind == "factual"
    assert claim.checkworthiness < 0.5


BODY = (
    "أعلنت شركة المراعي أن مبيعاتها ارتفعت 8% إلى 20 مليار ريال في عام 2024.\n"
    "وقالت الشركة إنها تخطط لاستثمار 4 مليارات ريال في مصانع جديدة خلال خمس سنوات.\n"
    "وأضاف الرئيس التنفيذي أن الصادرات تمثل ربع المبيعات، مقارنة بخمس في 2020.\n"
)


def test_a_worked_example_stays_out_of_the_queue_to_the_end_of_its_paragraph():
    example = (
        "ولتوضيح الأمر، لنفترض أن مصنعا صغيرا يبيع 500 عبوة يوميا. عندها سيربح المصنع 3 آلاف ريال "
        "في الأسبوع، أي نحو 12 ألف ريال شهريا.\n"
    )
    assert claim_texts(BODY + example + "وارتفع سهم الشركة 3% في تداولات الخميس.\n") == [
        *BODY.strip().split("\n"),
        "وارتفع سهم الشركة 3% في تداولات الخميس.",
    ]


@pytest.mark.parametrize(
    "byline",
    [
        "جدة – خاص | 12 مارس 2025",
        "الرياض – كتب: سامي العتيبي | الأربعاء 12 مارس 2025",
        "آخر تحديث: 12 مارس 2025 - 10:30 ص",
    ],
)
def test_a_byline_with_its_date_is_not_a_claim(byline):
    assert claim_texts(byline + "\n" + BODY) == BODY.strip().split("\n")


@pytest.mark.parametrize("tail_header", ["التعليقات (12)", "أضف تعليقك", "أخبار متعلقة", "0/400"])
def test_the_tail_starts_at_a_comment_or_related_section_header(tail_header):
    tail = f"{tail_header}\nقارئ · منذ 3 س\nالأرباح الحقيقية أقل من 15 مليار ريال بكثير\n"
    assert claim_texts(BODY + tail) == BODY.strip().split("\n")


def test_an_inline_read_also_teaser_does_not_cut_the_article():
    article = BODY + "اقرأ أيضا: المراعي توقع عقدا لتوريد الألبان إلى الأسواق الأفريقية\n" + BODY
    assert len(claim_texts(article)) == 6


def test_an_expected_figure_does_not_open_a_worked_example():
    """"من المفترض أن" is a forecast, not "لنفترض": the next sentence still counts."""
    forecast = (
        "ومن المفترض أن تبلغ إيرادات الشركة 5 مليارات دولار في 2026. "
        "وقالت الشركة إن أرباحها ارتفعت 10% في الربع الأول."
    )
    assert len(claim_texts(forecast)) == 2


@pytest.mark.parametrize("marker", sorted(lexicon().byline_markers))
def test_every_byline_marker_in_the_data_makes_a_short_dated_line_chrome(marker):
    assert claim_texts(f"{marker}: سامي العتيبي | 12 مارس 2025\n" + BODY) == BODY.strip().split("\n")
