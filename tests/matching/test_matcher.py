"""The matcher on real Arabic sentences, with quantities from the extraction engine."""

import json
from decimal import Decimal

import pytest

from bench.matching_speed import BruteForceMatcher
from claims.extraction import extract
from claims.matching import Matcher, MatchSettings, ReferenceStatement, statement_from_record


def check(matcher, text, figure, context=""):
    quantities = extract(text).quantities
    result = matcher.check_claim(text, quantities, context)
    index = next(i for i, q in enumerate(quantities) if figure in q.text or q.text in figure)
    return result, result.checks[index]


def test_it_flags_the_558_million_claim_as_a_100x_decimal_slip(library):
    result, found = check(library, "وتبلغ تكلفة تدريب نموذج DeepSeek الكبير 558 مليون دولار أمريكي فقط.", "558")
    assert (found.verdict, found.reference_key, found.error) == ("contradicted", "dsv3-training-cost", "scale")
    assert found.scale_factor == Decimal(100)
    assert found.ratio == Decimal("100.07")
    assert "100× too large" in found.explanation_en
    assert "DeepSeek-V3 Technical Report" in found.explanation_en
    assert "أكبر منه 100 مرة" in found.explanation_ar
    assert result.suggestion.verdict == "contradicted"


def test_it_supports_the_bloomberg_forecast(library):
    text = (
        "وفقا لتوقعات بلومبرج إنتليجنس، فإن سوق الذكاء الاصطناعي التوليدية سوف ينفجر"
        " من 40 مليار دولار إلى 1.3 تريليون دولار بحلول عام 2032."
    )
    result, found = check(library, text, "1.3 تريليون")
    assert (found.verdict, found.reference_key) == ("supported", "genai-market-2032")
    assert result.suggestion.verdict == "supported"


def test_it_leaves_a_figure_without_a_reference_unverified(library):
    result, found = check(library, "يبلغ عدد المهندسين في الصين حوالي 40 مليونًا.", "40")
    assert found.verdict == "unverified" and found.reference_key is None
    assert result.suggestion.verdict == "unverified"


def test_it_never_contradicts_a_claim_about_another_subject(library):
    _, found = check(library, "بلغت تكلفة تدريب نموذج Llama 3 نحو 5.576 مليون دولار.", "5.576")
    assert (found.verdict, found.error) == ("unverified", "subject")
    assert "dsv3-training-cost" in [key for key, _ in found.candidates]


def test_a_pronoun_speaks_of_the_one_subject_its_context_names(library):
    context = "أطلقت الشركة الصينية نموذج DeepSeek-V3 في ديسمبر."
    _, backed = check(library, "وبلغت تكلفة تدريبه 5.576 مليون دولار.", "5.576", context)
    _, slipped = check(library, "وبلغت تكلفة تدريبه 558 مليون دولار.", "558", context)
    assert backed.verdict == "supported"
    assert (slipped.verdict, slipped.error) == ("contradicted", "scale")


def test_it_needs_the_subject_in_the_sentence_to_contradict_when_the_context_names_several(library):
    context = "قارن الباحثون نموذج DeepSeek-V3 بنموذج GPT-4 من OpenAI."
    _, slipped = check(library, "وبلغت تكلفة تدريبه 558 مليون دولار.", "558", context)
    assert slipped.verdict == "unverified"


def test_it_calls_a_claim_with_a_right_and_a_wrong_figure_mixed(library):
    result = library.check_claim(
        text := "كلّف تدريب DeepSeek-V3 نحو 558 مليون دولار على 2048 شريحة H800.", extract(text).quantities
    )
    assert [c.verdict for c in result.checks] == ["contradicted", "supported"]
    assert result.suggestion.verdict == "mixed"


def test_it_does_not_call_a_value_wrong_when_the_reference_is_a_time_series(library):
    _, found = check(library, "بلغ عدد مستخدمي ChatGPT الأسبوعيين 500 مليون مستخدم.", "500")
    assert found.verdict == "unverified"


def test_it_names_a_wrong_year(library):
    _, found = check(library, "أطلقت DeepSeek نموذج DeepSeek-R1 في 20 يناير 2024.", "20 يناير")
    assert (found.verdict, found.error, found.reference_key) == ("contradicted", "year", "dsr1-release")


def test_it_names_a_currency_mix_up_and_never_converts(library):
    _, same_number = check(
        library, "تستهدف رؤية 2030 رفع الإيرادات الحكومية غير النفطية إلى تريليون دولار.", "تريليون"
    )
    _, other_number = check(library, "بلغت تكلفة تدريب DeepSeek-V3 نحو 21 مليون ريال.", "21")
    assert (same_number.verdict, same_number.error) == ("contradicted", "currency")
    assert (other_number.verdict, other_number.error) == ("unverified", "currency")


def test_it_finds_a_subject_behind_a_glued_preposition(library):
    _, found = check(library, "بلغت القيمة السوقية لآبل 3 تريليونات دولار في يونيو 2023.", "3 تريليونات")
    assert (found.verdict, found.reference_key) == ("supported", "apple-market-cap-3t")


def test_it_turns_a_supported_figure_unverified_when_the_threshold_is_raised(records):
    strict = Matcher([statement_from_record(r) for r in records], MatchSettings(min_support_score=1.01))
    _, found = check(strict, "يضم نموذج GPT-3 نحو 175 مليار معلمة مع سياق أطول.", "175")
    assert found.verdict == "unverified"


def test_its_check_serialises_as_the_interfaces_check_object(library):
    result, found = check(library, "وتبلغ تكلفة تدريب نموذج DeepSeek الكبير 558 مليون دولار أمريكي فقط.", "558")
    data = json.loads(json.dumps(found.to_dict()))
    assert data["verdict"] == "contradicted"
    assert data["reference"] == "dsv3-training-cost"
    assert (data["reference_value"], data["ratio"], data["scale_factor"]) == ("5576000", "100.07", "100")
    assert data["explanation"] and data["explanation_ar"]
    suggestion = result.suggestion.to_dict()
    assert set(suggestion) >= {"verdict", "reference", "score", "explanation", "explanation_ar"}


class TestBlocking:
    def test_it_offers_the_statement_named_in_the_claim_in_arabic_or_latin(self, library):
        for text in ("تكلفة تدريب ديب سيك بلغت 5.576 مليون دولار", "تكلفة تدريب DeepSeek بلغت 5.576 مليون دولار"):
            quantity = extract(text).quantities[0]
            keys = [c.statement.key for c in library.candidates(text, quantity)]
            assert "dsv3-training-cost" in keys

    @pytest.mark.parametrize(
        "left_out",
        [
            {"stargate-initial", "nvidia-fy2025-revenue", "gpt4-training-cost"},
            {"dsv3-parameters", "dsv3-release"},
        ],
        ids=["statements-about-unnamed-subjects", "statements-without-a-figure-of-the-same-family"],
    )
    def test_it_leaves_out(self, library, records, left_out):
        assert left_out <= {record["key"] for record in records}  # they are there to be left out
        text = "تكلفة تدريب DeepSeek بلغت 5.576 مليون دولار"
        keys = {c.statement.key for c in library.candidates(text, extract(text).quantities[0])}
        assert not keys & left_out

    def test_a_name_inside_a_longer_name_does_not_count_alone(self):
        v3, company = (
            ReferenceStatement.build(
                key=key,
                text="ت",
                value="5576000",
                unit="USD",
                subject=subject,
                metric="تكلفة التدريب",
                extract_figures=False,
            )
            for key, subject in (("v3", "DeepSeek-V3"), ("co", "DeepSeek"))
        )
        matcher = Matcher([v3, company])
        text = "تكلفة تدريب DeepSeek-V3 بلغت 5.576 مليون دولار"
        keys = [c.statement.key for c in matcher.candidates(text, extract(text).quantities[0])]
        assert keys == ["v3"]

    def test_the_brute_force_scan_finds_the_same_best_statement(self, records, library):
        brute_force = BruteForceMatcher(statement_from_record(record) for record in records)
        text = "وتبلغ تكلفة تدريب نموذج DeepSeek الكبير 558 مليون دولار أمريكي فقط."
        quantity = extract(text).quantities[0]
        found, indexed = brute_force.check_quantity(text, quantity), library.check_quantity(text, quantity)
        assert found.reference_key == "dsv3-training-cost"
        assert (found.verdict, found.reference_key) == (indexed.verdict, indexed.reference_key)


# Sentences of the tests above: their verdicts must not depend on how candidates are searched.
SEARCHED = [
    "وتبلغ تكلفة تدريب نموذج DeepSeek الكبير 558 مليون دولار أمريكي فقط.",
    "بلغت تكلفة تدريب نموذج Llama 3 نحو 5.576 مليون دولار.",
    "كلّف تدريب DeepSeek-V3 نحو 558 مليون دولار على 2048 شريحة H800.",
    "بلغ عدد مستخدمي ChatGPT الأسبوعيين 500 مليون مستخدم.",
    "أطلقت DeepSeek نموذج DeepSeek-R1 في 20 يناير 2024.",
    "بلغت القيمة السوقية لآبل 3 تريليونات دولار في يونيو 2023.",
]


def test_a_crowded_subject_is_searched_through_its_word_index_with_the_same_verdicts(records, library):
    everyone_crowded = Matcher(
        (statement_from_record(record) for record in records), MatchSettings(crowded_subject=0)
    )
    verdicts = set()
    for text in SEARCHED:
        quantities = extract(text).quantities
        plain = [(c.verdict, c.reference_key, c.error) for c in library.check_claim(text, quantities).checks]
        crowded = [(c.verdict, c.reference_key, c.error) for c in everyone_crowded.check_claim(text, quantities).checks]
        assert crowded == plain, text
        verdicts.update(verdict for verdict, _, _ in plain)
    assert {"supported", "contradicted", "unverified"} <= verdicts
