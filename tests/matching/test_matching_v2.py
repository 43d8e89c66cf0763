"""Matching v2: the reworded claims of issue 10, in our own words, against references phrased as
their sources phrase them; claim verdicts that never hide a wrong, loose or unchecked figure."""

import pytest

from claims.extraction import extract
from claims.matching import Matcher, QuantityCheck, statement_from_record, suggest

LIBRARY = [
    {
        "key": "project-x-first",
        "statement": "أعلنت الشركة أن مشروع نوفا سيبدأ فورا بنشر 100 مليار دولار في مراكز البيانات.",
        "statement_en": "Project Nova will begin deploying $100 billion immediately.",
        "subject": "Project Nova",
        "aliases": ["مشروع نوفا", "نوفا"],
        "metric": "الاستثمار",
        "value": "100000000000",
        "unit": "USD",
    },
    {
        "key": "orion-params",
        "statement": "يحتوي نموذج أوريون على 175 مليار معامل.",
        "subject": "Orion",
        "aliases": ["أوريون"],
        "metric": "عدد المعلمات",
        "value": "175000000000",
    },
    {
        "key": "zenith-revenue",
        "statement": "سجلت زينيث إيرادات سنوية قدرها 130.5 مليار دولار في السنة المالية 2025.",
        "subject": "Zenith",
        "aliases": ["زينيث"],
        "metric": "الإيرادات السنوية",
        "value": "130500000000",
        "unit": "USD",
        "as_of": "2025",
    },
    {
        "key": "lumo-weekly",
        "statement": "يستخدم تطبيق لومو 400 مليون شخص كل أسبوع.",
        "subject": "Lumo",
        "aliases": ["لومو"],
        "metric": "المستخدمون الأسبوعيون",
        "value": "400000000",
        "as_of": "2025-02",
    },
    {
        "key": "lumo-launch",
        "statement": "أُطلق تطبيق لومو للجمهور في 14 مارس 2023.",
        "subject": "Lumo",
        "aliases": ["لومو"],
        "metric": "تاريخ الإطلاق",
        "value": "2023-03-14",
        "unit": "date",
    },
]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(statement_from_record(record) for record in LIBRARY)


def checked(matcher, text, context=""):
    quantities = extract(text).quantities
    result = matcher.check_claim(text, quantities, context)
    return {q.text: check for q, check in zip(quantities, result.checks, strict=True)}, result.suggestion


def only(checks, figure):
    return next(check for text, check in checks.items() if figure in text)


@pytest.mark.parametrize(
    "text",
    [
        "قال رئيس الشركة إن نوفا سيستثمر 100 مليار دولار فورا.",
        "ويضخ مشروع نوفا 100 مليار دولار على الفور.",
        "تستثمر نوفا 100 مليار دولار في مراكز بيانات جديدة.",
    ],
)
def test_a_verb_finds_the_reference_that_names_its_verbal_noun(matcher, text):
    checks, suggestion = checked(matcher, text)
    assert (only(checks, "100").verdict, only(checks, "100").reference_key) == ("supported", "project-x-first")
    assert suggestion.verdict == "supported"


@pytest.mark.parametrize(
    "text",
    [
        "يضم أوريون من المعلمات 175 مليار معلمة.",
        "يعمل نموذج أوريون بما يبلغ 175 مليار بارامتر.",
        "تصل معاملات أوريون إلى 175 مليار معامل.",
    ],
)
def test_synonyms_of_parameters_meet(matcher, text):
    checks, _ = checked(matcher, text)
    assert only(checks, "175").verdict == "supported"


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("وحققت عائداتها في السنة المالية 2025 نحو 1305 مليارات دولار.", "زينيث تعلن نتائجها السنوية"),
        ("وبلغت إيراداتها 1305 مليارات دولار.", "أعلنت زينيث نتائج سنتها المالية."),
        ("بلغت إيرادات زينيث نحو 1305 مليارات دولار.", ""),
    ],
)
def test_a_wrong_revenue_is_flagged_whether_the_company_is_named_or_a_pronoun(matcher, text, context):
    checks, suggestion = checked(matcher, text, context)
    found = only(checks, "1305")
    assert (found.verdict, found.error, found.reference_key) == ("contradicted", "scale", "zenith-revenue")
    assert suggestion.verdict == "contradicted"


def test_a_true_but_far_bound_is_misleading_even_beside_a_matching_date(matcher):
    checks, suggestion = checked(matcher, "وفي فبراير 2025 تجاوز لومو 40 مليون مستخدم أسبوعيا.")
    found = only(checks, "40 مليون")
    assert (found.verdict, found.error) == ("misleading_bound", "bound")
    assert "misleading" in found.explanation_en and "مضللة" in found.explanation_ar
    assert suggestion.verdict == "misleading_bound"
    assert suggestion.to_dict()["rating"] == "misleading"


def test_a_bound_close_to_the_reference_still_supports(matcher):
    checks, suggestion = checked(matcher, "لدى لومو أكثر من 350 مليون مستخدم أسبوعيا.")
    assert only(checks, "350").verdict == "supported"
    assert suggestion.verdict == "supported"


@pytest.mark.parametrize(
    "text",
    [
        "في السنة المالية 2025 بلغت إيرادات زينيث مستوى قياسيا.",
        "بحلول 2025 تضاعفت إيرادات زينيث.",
        "شهد العام 2025 قفزة في إيرادات زينيث.",
    ],
)
def test_a_year_is_context_never_a_supported_figure(matcher, text):
    checks, suggestion = checked(matcher, text)
    assert all(check.verdict != "supported" for check in checks.values())
    assert suggestion.verdict == "unverified"


def test_a_date_beside_an_unchecked_figure_does_not_make_the_claim_supported(matcher):
    checks, suggestion = checked(matcher, "أُطلق لومو في 14 مارس 2023 ويعمل فيه 900 مهندس.")
    assert only(checks, "14 مارس").verdict == "supported"
    assert suggestion.verdict == "unverified"


def test_a_wrong_year_of_a_dated_event_is_flagged_however_the_event_is_worded(matcher):
    checks, suggestion = checked(matcher, "ظهر لومو للمرة الأولى في 14 مارس 2022.")
    found = only(checks, "14 مارس")
    assert (found.verdict, found.error) == ("contradicted", "year")
    assert suggestion.verdict == "contradicted"


def test_digits_of_a_name_the_claim_gives_are_no_figure():
    library = [{"key": "k", "statement": "s", "subject": "نوفا 3", "metric": "المستخدمون", "value": "5000000"}]
    matcher = Matcher(statement_from_record(record) for record in library)
    text = "يستخدم نوفا 3 نحو 5 ملايين مستخدم."
    checks, suggestion = checked(matcher, text)
    assert "part of the name" in only(checks, "3").explanation_en
    assert suggestion.verdict == "supported"


def check_of(verdict):
    return QuantityCheck(verdict, reference_key="k" if verdict != "unverified" else None, score=0.9)


@pytest.mark.parametrize(
    ("verdicts", "kinds", "expected"),
    [
        (["supported", "supported"], ["money", "count"], "supported"),
        (["supported", "unverified"], ["money", "count"], "unverified"),
        (["supported", "unverified"], ["date", "money"], "unverified"),
        (["unverified", "supported"], ["money", "date"], "unverified"),
        (["supported", "supported"], ["date", "money"], "supported"),
        (["supported"], ["date"], "supported"),
        (["supported", "misleading_bound"], ["money", "count"], "misleading_bound"),
        (["contradicted", "misleading_bound"], ["money", "count"], "contradicted"),
        (["contradicted", "supported"], ["money", "count"], "mixed"),
        (["contradicted", "supported"], ["date", "money"], "mixed"),
        (["contradicted", "unverified"], ["money", "count"], "contradicted"),
        (["unverified", "unverified"], ["money", "count"], "unverified"),
        (["supported", "unverified"], ["money", "name"], "supported"),
    ],
)
def test_a_claim_is_supported_only_when_every_key_figure_is(verdicts, kinds, expected):
    suggestion = suggest([check_of(verdict) for verdict in verdicts], kinds)
    assert suggestion.verdict == expected
    if expected == "supported":
        assert suggestion.to_dict()["rating"] == "true"


def test_names_are_never_stemmed_together():
    # A stemmer cuts both to "مورانكسف"; two companies stay two companies.
    library = [
        {"key": key, "statement": "s", "subject": name, "metric": "الإيرادات", "value": value, "unit": "USD"}
        for key, name, value in (("a", "مورانكسفين", "5000000"), ("b", "مورانكسفيك", "9000000"))
    ]
    matcher = Matcher(statement_from_record(record) for record in library)
    checks, _ = checked(matcher, "بلغت إيرادات مورانكسفين 9 ملايين دولار.")
    assert only(checks, "9 ملايين").verdict != "supported"
    checks, _ = checked(matcher, "بلغت إيرادات مورانكسفين 5 ملايين دولار.")
    assert (only(checks, "5 ملايين").verdict, only(checks, "5 ملايين").reference_key) == ("supported", "a")
