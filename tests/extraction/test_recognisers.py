"""One recogniser per dimension, each tested on its class of inputs (sentences written for these tests)
and over its data lines, so a newcomer's data line is tested the day it is added."""

from decimal import Decimal

import pytest

from claims.extraction import extract, normalize, not_figures
from claims.extraction.figures import UNIT_FAMILIES
from claims.extraction.lexicon import lexicon, read_rows, read_words

LEX = lexicon()
PREFIXES = ("", "و", "ف")


def figures(text, kind=None):
    return [q for q in extract(text).quantities if kind is None or q.kind == kind]


def only(text, kind=None):
    found = figures(text, kind)
    assert len(found) == 1, [(q.text, q.kind, str(q.value)) for q in extract(text).quantities]
    return found[0]


# --- ordinals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "rank"),
    [
        ("حلّ الفريق في المركز الحادي عشر هذا الموسم", "الحادي عشر", 11),
        ("تنطلق الدورة الثانية عشرة للمعرض غدًا", "الثانية عشرة", 12),
        ("احتفلت الجامعة بعيدها الخامس والعشرين", "الخامس والعشرين", 25),
        ("انعقدت القمة الحادية والثلاثون في الجزائر", "الحادية والثلاثون", 31),
        ("بدأ القرن العشرون بثورة صناعية", "العشرون", 20),
        ("صدر العدد المئة والخامس من المجلة", "المئة والخامس", 105),
        ("تعد الشركة ثالث أكبر مصدّر للنفط", "ثالث", 3),
        ("فاز العدّاء بالمركز الثاني", "الثاني", 2),
        ("اعتمد البرلمان القراءة الثالثة للقانون", "الثالثة", 3),
    ],
)
def test_ordinals_are_their_own_kind_with_the_rank_as_value(sentence, text, rank):
    quantity = only(sentence, "ordinal")
    assert (quantity.text, quantity.value) == (text, Decimal(rank))


@pytest.mark.parametrize(
    "sentence",
    [
        "أطلقت الشركة شبكة الجيل الخامس في ثلاث مدن",  # a generation of networks is a name
        "اجتمع قادة مجموعة العشرين في روما",
        "استقبل الملك محمد السادس الوفد",  # a regnal number
        "نشر الباحثون البحث الأولي عن اللقاح",  # the adjective الأوّلي, not الأولى
        "وقّع الطرفان العقد مع طرف ثالث",  # an idiom
        "ارتفعت انبعاثات ثاني أكسيد الكربون",
        "وصل الوفد إلى المدينة لأول مرة",
        "كان أول من وصل إلى القمة",  # "the first who": no rank of a thing
    ],
)
def test_ordinal_words_in_names_idioms_and_adjectives_are_not_figures(sentence):
    assert figures(sentence, "ordinal") == []


def test_a_ranking_outweighs_a_bare_ordinal_in_check_worthiness():
    ranked = extract("حلت المملكة في المرتبة الثالثة عالميا في إنتاج التمور").claims
    bare = extract("عقد المجلس جلسته الثالثة أمس").claims
    assert ranked and not bare


# --- numbers: dialects and spoken forms -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("عندنا حداشر لاعب في الفريق", 11),
        ("اشترى تمنتاشر كرسي للقاعة", 18),
        ("دفع متين تلاتة وستين جنيه", 263),
        ("حضر خمسمية خمسة و عشرين شخص", 525),
        ("باع تلتمية وخمسين نسخة", 350),
        ("سجل العداد اتنين مليون زائر", 2_000_000),
        ("بلغت النسبة واحد فاصلة خمسة وعشرون", Decimal("1.25")),
        ("قرأ الجهاز 3 فاصلة 7", Decimal("3.7")),
    ],
)
def test_dialect_numerals_and_a_spoken_decimal_point_are_read(sentence, value):
    assert only(sentence).value == Decimal(value)


def test_a_teen_after_tens_starts_a_new_number_so_the_range_has_both_ends():
    quantity = only("يتراوح عدد الطلاب بين عشرة و خمسة عشر طالبا")
    assert (quantity.qualifier, quantity.extras["low"], quantity.extras["high"]) == ("range", 10, 15)


# --- qualifiers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("يجب ألا يقل عمر المتقدم عن 18 عاما ولا تقل خبرته عن 5 سنوات", "at_least"),
        ("الأجر لا يقل عن 3000 ريال", "at_least"),
        ("ولا تقل الحصة عن 20 بالمئة", "at_least"),
        ("تبلغ الحمولة لا أقل من ثلاثين طنا", "at_least"),
        ("بلغت الزيادة لا أكثر من 4%", "at_most"),
        ("لا يتجاوز الدين 60 مليار دولار", "at_most"),
        ("وفوق 60 عاما تتضاعف المخاطر", "more_than"),
        ("سجل المؤشر أكبر من 4565 نقطة", "more_than"),
        ("يشترط أن يكون الدخل أصغر من أو يساوي 5000 درهم", "at_most"),
        ("يحصل كل من عمره 65 عاما فأكثر على الخدمة", "at_least"),
        ("تستقبل القاعة 200 شخص أو أقل", "at_most"),
        ("عدد الحالات >= 30 حالة", "at_least"),
        ("كانت الحرارة <-30 في القطب", "less_than"),
        ("يضم الحي حوالي 500 منزل أو أقل", "at_most"),
    ],
)
def test_negated_comparatives_signs_and_bounds_after_the_figure(sentence, qualifier):
    assert extract(sentence).quantities[-1].qualifier == qualifier


@pytest.mark.parametrize(("phrase", "qualifier"), sorted(LEX.hedges_before.items()))
@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_hedge_before_a_figure_in_the_data_sets_its_qualifier_even_with_a_prefix(phrase, qualifier, prefix):
    attached = prefix + phrase if phrase[0].isalpha() else phrase
    quantity = figures(f"قال التقرير {attached} 250 مليون دولار هذا العام", "money")[0]
    # "reach" ("يصل إلى") is the level reached unless a cap noun or a modal comes before it (none here)
    assert quantity.qualifier == ("exact" if qualifier == "reach" else qualifier)


@pytest.mark.parametrize(("phrase", "qualifier"), sorted(LEX.hedges_after.items()))
def test_every_hedge_after_a_figure_in_the_data_sets_its_qualifier(phrase, qualifier):
    quantity = figures(f"اشترت الوزارة 250 جهازا {phrase} هذا العام")[0]
    expected = "exact" if qualifier == "or_equal" else qualifier
    assert quantity.qualifier == expected


# --- ranges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "low", "high"),
    [
        ("تتراوح الأسعار من 10 الى 20 دولار للقطعة", "money", 10, 20),
        ("يتقاضى العامل 10-20 دولار يوميا", "money", 10, 20),
        ("يبلغ الإنتاج 1000 – 5000 طن سنويا", "measure", 1000, 5000),
        ("يتراوح عدد الزوار من ألف إلى ألف وخمسمائة زائر", "count", 1000, 1500),
        ("يكون العمر أكبر من 10 وأصغر من 20 سنة", "duration", 10, 20),
        ("على الأكثر 100 وعلى الأقل 20 متطوعا", "count", 20, 100),
        ("ارتفعت البطالة ما بين 5 و7 في المئة", "percent", 5, 7),
        ("يحتاج المشروع بين 25 و40 ألف دولار", "money", 25000, 40000),
        ("يبلغ الاشتراك 15$-25$ شهريا", "money", 15, 25),
    ],
)
def test_ranges_have_low_and_high_and_the_range_qualifier(sentence, kind, low, high):
    quantity = only(sentence)
    assert (quantity.kind, quantity.qualifier) == (kind, "range")
    assert (quantity.extras["low"], quantity.extras["high"]) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "sentence",
    [
        "نما السوق من 40 مليار دولار إلى 55 مليار دولار",  # a change: a unit on each side
        "أكثر من 40 وأقل من 10 بالمئة من الطلاب",  # two bounds that bound nothing
        "فاز الفريق 3-1 على ضيفه",  # a score, not a range
    ],
)
def test_changes_scores_and_disjoint_bounds_stay_two_figures(sentence):
    assert len(figures(sentence)) == 2


# --- money --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "value"),
    [
        ("بلغت الغرامة 42 KWD", "KWD", 42),
        ("سعر التذكرة 15 QAR فقط", "QAR", 15),
        ("دفع المشتري 42 ريالات قطرية", "QAR", 42),
        ("تبرع بمبلغ 5 دنانير أردنية", "JOD", 5),
        ("يكلف الخبز 3000 ليرة لبنانية", "LBP", 3000),
        ("كلّف التصليح 500 ج.م", "EGP", 500),
        ("اشترى كتابا بـ 20 أورو", "EUR", 20),
        ("بلغ الإيجار 4000 شيقل", "ILS", 4000),
        ("دفع 20 دولار و43 سنت ثمنا للوجبة", "USD", Decimal("20.43")),
    ],
)
def test_currencies_by_iso_code_adjective_and_sub_unit(sentence, code, value):
    quantity = only(sentence, "money")
    assert (quantity.unit, quantity.value) == (code, Decimal(value))


def test_a_bare_pound_in_a_london_story_is_sterling():
    text = "في لندن، ارتفعت أسعار الإيجارات بشدة. ويدفع الطالب 1500 جنيه شهريا."
    assert only(text, "money").unit == "GBP"


@pytest.mark.parametrize(("cue", "default", "region"), [(c, *r) for c, r in LEX.currency_regions.items()])
def test_every_nationality_adjective_or_place_after_a_bare_currency_decides_it(cue, default, region):
    bare = {"AED": "درهم", "KWD": "دينار", "SAR": "ريال", "EGP": "جنيه", "TRY": "ليرة", "KES": "شلن"}[default]
    quantity = only(f"بلغت قيمة الصفقة 5 ملايين {bare} {cue} هذا العام", "money")
    assert quantity.unit == region


# --- measures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit", "family", "value"),
    [
        ("تحتوي الحبة على 500 ملغ من الدواء", "mg", "mass", 500),
        ("يزن الطرد 3 أونصات", "oz", "mass", 3),
        ("أضف 2 كوب من الدقيق", "cup", "volume", 2),
        ("استهلك المصنع 40 غالون من الماء", "gal", "volume", 40),
        ("سجلت الحرارة 48 درجة مئوية في الظل", "°C", "temperature", 48),
        ("بلغت الحرارة 70 درجة فهرنهايت", "°F", "temperature", 70),
        ("انخفضت الحرارة إلى 3 درجات تحت الصفر", "°", "temperature", -3),
        ("زرعت الوزارة 200 هكتار من القمح", "ha", "area", 200),
        ("يولد السد 2100 ميغاواط", "MW", "energy_power", 2100),
        ("يتسع القرص لـ 512 غيغابايت", "GB", "data", 512),
        ("امتد الطريق 45 كيلومترا", "km", "length", 45),
    ],
)
def test_measures_have_a_unit_and_its_family(sentence, unit, family, value):
    quantity = only(sentence, "measure")
    assert (quantity.unit, quantity.extras["family"], quantity.value) == (unit, family, Decimal(value))


@pytest.mark.parametrize("unit", sorted({v[1] for v in LEX.units.values() if v[0] == "measure"}))
def test_every_measure_unit_in_the_data_has_a_family(unit):
    assert unit in UNIT_FAMILIES


# --- not a figure -------------------------------------------------------------------------------


@pytest.mark.parametrize("idiom", sorted(read_words("idioms.txt")))
def test_no_figure_is_read_inside_an_idiom_of_the_data(idiom):
    text = f"قال المتحدث {idiom} للجميع"
    start = normalize(text).index(idiom)
    assert not any(q.start < start + len(idiom) and start < q.end for q in extract(text).quantities)


@pytest.mark.parametrize(
    "sentence",
    [
        "ألف مبروك للفائزين في المسابقة",
        "وألّف الكاتب رواية عن المنفى",  # the verb "wrote", not a thousand
        "للاستفسار اتصلوا على الرقم 0504610646",  # a phone number
        "عقدت اللجنة جلسة واحدة فقط",  # واحدة describes the session
        "تنافست شركات Baidu و Alibaba و 360 على السوق",  # a company named with digits
        "يشارك المنتخب في بطولة خليجي 23",
        "انتشر فيروس كوفيد 19 بسرعة",
    ],
)
def test_idioms_verbs_phones_adjectives_and_names_are_not_figures(sentence):
    assert figures(sentence) == [], [(q.text, q.kind) for q in figures(sentence)]


def test_a_thousand_without_the_shadda_of_the_verb_stays_a_figure():
    assert only("وألف شخص حضروا الافتتاح").value == 1000


def test_a_duration_of_one_is_still_a_figure():
    assert only("استمر الإغلاق شهر واحد").value == 1


def test_the_not_a_figure_api_is_usable_alone_on_folded_text():
    norm = normalize("أطلقت شركة 360 هاتفها GPT-4 ثم 5 أجهزة")
    assert not_figures.is_name_digits(norm, norm.index("360"), norm.index("360") + 3)
    assert not_figures.is_name_digits(norm, norm.index("4"), norm.index("4") + 1)
    assert not not_figures.is_name_digits(norm, norm.index("5"), norm.index("5") + 1)
    assert not_figures.is_identifier("0504610646") and not not_figures.is_identifier("2025")
    assert not_figures.is_marked_verb("وألّف") and not not_figures.is_marked_verb("وألف")


# --- data ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "phrase"), [(r[0], r[1]) for r in read_rows("cues.tsv")])
def test_every_cue_phrase_survives_normalize(role, phrase):
    assert normalize(phrase) in LEX.cues[role]
    assert normalize(normalize(phrase)) == normalize(phrase)


@pytest.mark.parametrize(("word", "rank", "form"), [tuple(r) for r in read_rows("ordinal_words.tsv")])
def test_every_ordinal_word_of_the_data_is_read_in_a_sentence(word, rank, form):
    if form in ("compound", "hundreds"):
        pytest.skip("read only with a following part, tested above")
    noun = "الدورة" if form == "feminine" else "الموسم"
    sentence = f"انطلق {noun} {word} اليوم" if form != "bare" else f"يعد المصنع {word} أكبر مصنع"
    quantity = only(sentence, "ordinal")
    assert quantity.value == Decimal(rank)


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "value"),
    [
        ("اشترى لتر ونصف من الحليب", "measure", "l", Decimal("1.5")),
        ("دفع دولار وربع ثمنا للقهوة", "money", "USD", Decimal("1.25")),
        ("يزن الطفل 3 كيلوغرامات وربع", "measure", "kg", Decimal("3.25")),
        ("جمعت الحملة 3 مليارات دولار ونصف", "money", "USD", Decimal("3500000000")),
    ],
)
def test_a_fraction_after_a_unit_is_a_fraction_of_that_unit(sentence, kind, unit, value):
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit, quantity.value) == (kind, unit, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("اشترى نص لتر من الزيت", Decimal("0.5")), ("شرب لتر ونص من الماء", Decimal("1.5")),
     ("باع الألبوم مليون ونص نسخة", Decimal(1_500_000))],
)
def test_the_egyptian_half_is_read_next_to_a_unit_or_a_scale(sentence, value):
    assert only(sentence).value == value


@pytest.mark.parametrize("sentence", ["نشرت الوزارة نص القرار كاملا", "وجاء بنص القانون أن الحق مكفول"])
def test_the_egyptian_half_alone_is_the_noun_text(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "value"),
    [
        ("بلغت قيمة المشاريع 415،6 مليار ريال", "money", "SAR", Decimal("415600000000")),
        ("سجل النمو 7ر3 بالمئة خلال الربع", "percent", "%", Decimal("3.7")),
        ("بلغ الفائض 5ر12 مليار دولار", "money", "USD", Decimal("12500000000")),
        ("يمتد الجسر بطول 850 م فوق الوادي", "measure", "m", Decimal(850)),
        ("وزن الطرد 2.5 كلغم", "measure", "kg", Decimal("2.5")),
        ("ارتفعت المبيعات إلى 90 مليون درهم من 75 مليون قبل عام", "money", "AED", Decimal(75_000_000)),
        ("أفرج عن نحو 1500 من الموقوفين", "count", None, Decimal(1500)),
    ],
)
def test_news_agency_decimals_metres_and_a_currency_lent_back(sentence, kind, unit, value):
    quantity = extract(sentence).quantities[-1]
    assert (quantity.kind, quantity.unit, quantity.value) == (kind, unit, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "3 – رفع كفاءة الإنفاق الحكومي",  # a list item number
        "اجتمعت دول 5 + 1 في جنيف",  # a group named by a formula
        "تلتزم البنوك بمعايير بازل 3",
        "للاشتراك أرسل بالرمز 4 إلى الخدمة",
        "أرسل بالرمز ( 7 ) للاشتراك",
    ],
)
def test_list_items_formulas_and_coded_names_are_not_figures(sentence):
    assert figures(sentence) == [], [(q.text, q.kind) for q in figures(sentence)]


def test_a_year_marker_after_a_year_is_not_metres():
    assert only("افتتح المتحف عام 2015م").kind == "date"


def test_the_level_reached_is_exact_and_up_to_is_a_bound():
    assert only("نما الناتج بنسبة 3% ليصل إلى 900 مليار دولار", "money").qualifier == "exact"
    assert only("قد يصل إلى 5 ملايين زائر").qualifier == "at_most"


def test_a_list_of_places_and_years_reads_years_not_counts():
    years = figures("شارك المنتخب في أولمبياد لندن 2012 وريو دي جانيرو 2016")
    assert [(q.kind, q.value) for q in years] == [("date", "2012"), ("date", "2016")]


def test_a_currency_is_lent_back_across_the_year_of_the_comparison():
    quantity = figures("بلغت الصادرات 40 مليار ريال في 2022 مقابل 35 مليارا في 2021")[2]
    assert (quantity.kind, quantity.unit, quantity.value) == ("money", "SAR", Decimal(35_000_000_000))


def test_a_number_alone_in_quotes_is_a_code():
    assert figures("وقّعت الوزارة العقد « 14 » مع المقاول") == []


@pytest.mark.parametrize("opening", ["(", "«", "\"", "، "])
def test_a_hedge_after_a_bracket_or_a_quote_still_qualifies_the_figure(opening):
    assert figures(f"دفع النادي {opening}حوالي 21 مليون ريال) للاعب", "money")[0].qualifier == "approx"


# A range word must be a word of its own: a hedge that merely ends with one ("حوالي" ends with "الي",
# "نحو" with "و") between two figures makes no range.
@pytest.mark.parametrize(
    "text, figures",
    [
        ("باع المتجر 30 حوالي 45 ألف نسخة خلال الأسبوع", ["30", "45 ألف نسخة"]),
        ("ارتفع عدد الفروع من 3 نحو 7 آلاف فرع", ["3", "7 آلاف فرع"]),
        ("سجل الفريق 2 حوالي 40 هدفا", ["2", "40 هدفا"]),
    ],
)
def test_a_hedge_ending_like_a_range_word_joins_no_range(text, figures):
    found = extract(text).quantities
    assert [q.text for q in found] == figures
    assert all(q.qualifier != "range" for q in found)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("من 10 إلى 20 دولار", "10", "20"),
        ("بين 25 و40 ألف دولار", "25000", "40000"),
        ("من عشرة لعشرين موظفا", "10", "20"),
    ],
)
def test_range_words_of_their_own_still_join(text, low, high):
    [found] = extract(text).quantities
    assert found.qualifier == "range" and (str(found.extras["low"]), str(found.extras["high"])) == (low, high)


@pytest.mark.parametrize(
    "text, figure, names, inside",
    [
        ("كلّف تدريب ديب سيك في 3 نحو 5.6 مليون دولار", "3", ["ديب سيك في 3"], True),
        ("أطلقت المملكة رؤية 2030 قبل سنوات", "2030", ["رؤية 2030"], True),
        ("كلّف تدريب ديب سيك في 3 نحو 5.6 مليون دولار", "5.6", ["ديب سيك في 3"], False),
        ("بلغت الإيرادات 30 مليار دولار", "30", [], False),
    ],
)
def test_digits_inside_a_known_name_are_no_figure(text, figure, names, inside):
    assert not_figures.is_inside_names(text, text.index(figure), names) is inside
