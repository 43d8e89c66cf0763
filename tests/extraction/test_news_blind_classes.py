"""Classes of errors found by the blind news audit (eval/news_blind.README.md, set blind2), each fixed as a
class and tested here on sentences written for these tests, and over the data lines that fix it."""

from decimal import Decimal

import pytest

from claims.extraction import extract
from claims.extraction.lexicon import lexicon, read_raw_rows, read_roles, read_words
from claims.extraction.normalize import normalize

RANGES_OF = read_roles("date_words.tsv")


def figures(text, kind=None):
    return [q for q in extract(text).quantities if kind is None or q.kind == kind]


def only(text, kind=None):
    found = figures(text, kind)
    assert len(found) == 1, [(q.text, q.kind, str(q.value), q.unit, q.qualifier) for q in extract(text).quantities]
    return found[0]


def described(text):
    return [(q.text, q.kind, str(q.value), q.unit, q.qualifier) for q in extract(text).quantities]


# --- numbers grouped in thousands with dots ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "unit"),
    [
        ("ضبطت الجمارك (2.318.5) كيلو جرام من المخدرات", "measure", "2318.5", "kg"),
        ("ضبطت الجمارك 3.250.75 كيلو جرام من المخدرات", "measure", "3250.75", "kg"),
        ("رصدت الوزارة 245.118.906 ريال للمشروعات", "money", "245118906", "SAR"),
        ("بلغت قيمة العقد 12.400.250.50 ريال", "money", "12400250.50", "SAR"),
        ("بلغ عدد الزوار 2.500.000 زائر", "count", "2500000", None),
        ("بلغت التكلفة (500) ريال للفرد", "money", "500", "SAR"),  # digits in brackets before their currency
        ("بلغ الوزن ( 40 ) كيلو جرام", "measure", "40", "kg"),
    ],
)
def test_dots_grouping_thousands_make_one_number(sentence, kind, value, unit):
    found = only(sentence)
    assert (found.kind, found.value, found.unit) == (kind, Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("خصصت الوزارة 245.118.906.40 مليون ريال للمدارس", "245118906.40"),  # the millions restated
        ("بلغت الموازنة 3.700.000.000 مليار ريال", "3700000000"),
        ("بلغت الموازنة 1.500.000 ألف ريال", "1500000000"),  # thousands, as budgets write them: multiplied
        ("بلغت الموازنة 1.250 مليون ريال", "1250000"),  # one dot: a decimal point, as before
        ("بلغت الموازنة 2.318.5 مليون ريال", "2318500000"),  # fewer than a million written: multiplied
    ],
)
def test_a_scale_after_digits_grouped_in_full_restates_them(sentence, value):
    assert only(sentence, "money").value == Decimal(value)


def test_three_digits_after_the_last_dot_are_read_as_a_thousands_group():
    # "1.433.500" could be 1433.5 written with trailing zeros; the integer grouping is the rule.
    assert only("بلغت المبيعات 1.433.500 ريال").value == Decimal("1433500")


@pytest.mark.parametrize(
    "sentence",
    [
        "سجل السباح زمنا قدره 1.54.75 في السباق",  # inner groups of two digits: not thousands (a race time)
        "الإصدار 2.13.1 من البرنامج متاح الآن",
        "يتبع الجهاز العنوان 192.168.1.1 في الشبكة",
    ],
)
def test_dotted_groups_that_are_not_thousands_are_never_read_as_one_number(sentence):
    values = {q.value for q in figures(sentence)}
    assert not any(value >= 1000 for value in values), described(sentence)


# --- ranges of percents with the unit on both ends -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("وتراوحت نسب النمو مابين 6.25% إلى 3.14%", "3.14", "6.25"),
        ("وتراوحت نسب النمو ما بين 2.81% إلى 0.45%", "0.45", "2.81"),
        ("وتتراوح الفائدة بين 4% و9%", "4", "9"),
        ("وتتراوح الفائدة بين 9% و4%", "4", "9"),
        ("وتتراوح الفائدة من 2% إلى 8% حسب المدة", "2", "8"),
        ("وتتراوح الفائدة بين 4 في المئة و9 في المئة", "4", "9"),
        ("وتتراوح الفائدة من 2 بالمئة إلى 8 بالمئة", "2", "8"),
    ],
)
def test_a_range_of_percents_with_the_unit_on_both_ends_is_one_range(sentence, low, high):
    found = only(sentence)
    assert (found.kind, found.unit, found.qualifier) == ("percent", "%", "range")
    assert (found.value, found.extras["low"], found.extras["high"]) == (Decimal(low), Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "sentence",
    [
        "وانخفضت البطالة من 9% إلى 4% خلال العقد",  # a fall after "من": a change, two figures
        "ونما القطاع 4% ثم 9% في العام التالي",
        "وبلغت حصة الأولى 4 في المئة و9 في المئة للثانية",  # two percents joined by و without "بين"
    ],
)
def test_two_percents_that_bound_nothing_stay_two_figures(sentence):
    found = figures(sentence, "percent")
    assert [q.qualifier for q in found] == ["exact", "exact"], described(sentence)


# --- hedges of exceeding ---------------------------------------------------------------------------

_EXCEEDING = [row[0] for row in read_raw_rows("hedges.tsv") if row[0].split()[-2:-1] != [] and any(
    verb in row[0] for verb in ("يربو", "تربو", "ينيف", "تنيف", "ينوف", "تنوف"))]


def test_the_verbs_of_exceeding_are_data_lines():
    assert len(_EXCEEDING) >= 12


@pytest.mark.parametrize("phrase", _EXCEEDING)
def test_every_verb_of_exceeding_before_the_figure_is_more_than(phrase):
    assert only(f"وتضم المحمية {phrase} 300 نوع من الطيور").qualifier == "more_than"
    assert only(f"وتضم المحمية و{phrase} 300 نوع من الطيور").qualifier == "more_than"


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [("يناهز", "approx"), ("ما يناهز", "approx"), ("قرابة", "approx"), ("زهاء", "approx"),
     ("يزيد على", "more_than"), ("ما يزيد على", "more_than")],
)
def test_the_hedges_of_the_same_family_already_in_the_data_keep_their_reading(phrase, qualifier):
    assert only(f"وبلغت المساحة {phrase} 40 ألف متر مربع").qualifier == qualifier


# --- product names in Arabic letters ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "يعمل الجهاز بمعالج سناب دراجون 835 الجديد",
        "ويعمل بمعالج سنابدراجون 625",
        "كشفت الشركة عن آي فون 7 في حفل كبير",
        "تراجعت مبيعات الآيفون 5 في الصين",
        "وصل جهاز آيباد 4 إلى الأسواق",
        "طرحت الشركة لوميا 950 الجديد",
        "تحديث ويندوز فون 10 متاح الآن",
        "أعلنت الشركة عن ساعة ووتش 3",
        "حلقت مقاتلات ميراج 2000 فوق العاصمة",
        "هبطت طائرة إيه 380 في المطار",
        "هاتف جالكسي إس 7 الجديد",
        "ويعمل بمعالج كور آي 5",
        "وصلت أجهزة بلاي ستيشن 4 إلى المتاجر",
    ],
)
def test_a_number_after_a_brand_written_in_arabic_letters_is_part_of_its_name(sentence):
    assert figures(sentence, "count") == [] and figures(sentence, "date") == [], described(sentence)


@pytest.mark.parametrize("word", sorted(read_words("brand_words.txt")))
def test_every_brand_word_of_the_data_takes_a_model_number(word):
    assert figures(f"أطلقت الشركة {word} 9 اليوم", "count") == [], described(f"أطلقت الشركة {word} 9 اليوم")


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("باعت الشركة من آيفون 6 ملايين وحدة", "count", 6000000),  # a scale after the digits: a figure
        ("بلغت مبيعات الآيفون 7 مليارات دولار", "money", 7000000000),
        ("باعت الشركة 40 مليون جهاز آيفون", "count", 40000000),
        ("اشترى المتجر 300 جهاز بلاي ستيشن", "count", 300),
    ],
)
def test_amounts_after_or_before_a_brand_stay_figures(sentence, kind, value):
    found = only(sentence, kind)
    assert found.value == value


# --- fraction adjectives of frequency ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "أعلنت الشركة خسائر ربع سنوية غير متوقعة",
        "تنشر الهيئة تقارير ربع سنوية عن السوق",
        "أصدر البنك تقريره نصف السنوي",
        "تصدر المجلة نصف شهرية عن النادي",
        "تقدم الشركة بياناتها النصف سنوية",
        "تصرف المكافأة نصف سنويا",
        "ينظم لقاء نصف أسبوعي للأعضاء",
    ],
)
def test_a_fraction_in_an_adjective_of_frequency_is_no_figure(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "unit"),
    [
        ("ارتفعت الأرباح في نصف السنة الأول", "duration", "0.5", "year"),
        ("أمضى ربع السنة في التدريب", "duration", "0.25", "year"),
        ("نمت المبيعات ربع سنوية بنسبة 5%", "percent", "5", "%"),
    ],
)
def test_halves_of_a_period_and_figures_near_the_adjectives_stay_figures(sentence, kind, value, unit):
    found = figures(sentence, kind)
    assert [(q.value, q.unit) for q in found] == [(Decimal(value), unit)], described(sentence)


# --- service numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ويمكن التواصل مع مركز خدمة العملاء على الرقم 920 في أي وقت",
        "وللاستفسار الاتصال بالرقم 937.",
        "ودعت المشتركين إلى الاتصال على الرقم (199) للإبلاغ",
        "ويمكن الاتصال على الرقم المجاني 800 طوال اليوم",
        "وللتواصل على الرقم 911 أو 966501234911 من خارج المملكة",
        "ويمكن السؤال على الرقم 905 أو 966509876905",
    ],
)
def test_a_short_service_number_after_al_raqm_and_a_contact_cue_is_no_figure(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("بلغ الرقم 959 مليون ريال", "money", 959000000),  # a scale or currency after it: a figure
        ("سجل المؤشر الرقم 920 نقطة", "count", 920),
        ("حمل اللاعب الرقم 10 في الفريق", "count", 10),  # no contact cue: a figure, as the engine reads it
        ("وبلغ عدد الاتصالات على الرقم 937 نحو 5000 اتصال", "count", 5000),
    ],
)
def test_numbers_after_al_raqm_without_a_contact_or_with_a_unit_stay_figures(sentence, kind, value):
    assert Decimal(value) in [q.value for q in figures(sentence, kind)], described(sentence)


@pytest.mark.parametrize("word", sorted(read_words("contact_words.txt")))
def test_every_contact_word_makes_a_short_number_after_al_raqm_no_figure(word):
    sentence = f"للاستفسار {word} على الرقم 940 في أي وقت"
    assert figures(sentence, "count") == [], described(sentence)


# --- year ranges after a dual ----------------------------------------------------------------------


@pytest.mark.parametrize("word", sorted(RANGES_OF["period_years"]))
@pytest.mark.parametrize("between", sorted(RANGES_OF["period_between"]))
def test_every_years_word_after_between_makes_one_period(word, between):
    found = only(f"تولى المنصب {between} {word} 2006 و2011", "date")
    assert (found.qualifier, found.extras["low"], found.extras["high"]) == ("range", "2006", "2011")


def test_the_dual_alone_is_still_a_duration():
    found = only("استمرت الدراسة عامين كاملين")
    assert (found.kind, found.value, found.unit) == ("duration", 2, "year")


# --- periods across months and Hijri day ranges -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("يقام المعرض خلال الفترة من 27 يونيو الجاري وحتى الخامس من يوليو", "--06-27", "--07-05"),
        ("يقام المعرض في الفترة من 28 مارس المقبل إلى 3 أبريل", "--03-28", "--04-03"),
        ("استمر الإضراب من 30 يناير الماضي حتى 2 فبراير", "--01-30", "--02-02"),
        ("يقام المعرض من 27 يونيو وحتى 5 يوليو", "--06-27", "--07-05"),
    ],
)
def test_a_period_across_two_months_is_one_date_range(sentence, low, high):
    found = only(sentence)
    assert (found.kind, found.qualifier, found.value) == ("date", "range", low)
    assert (found.extras["low"], found.extras["high"]) == (low, high)


@pytest.mark.parametrize(
    "sentence",
    [
        "تقام المسابقة في الفترة من 5 - 7 ذي القعدة المقبل",
        "تقام المسابقة من 5 إلى 7 شوال",
        "تقام المسابقة بين 5 و7 رجب المقبل",
        "تقام المسابقة 5 - 7 محرم",
    ],
)
def test_a_hijri_day_range_without_a_year_is_reserved_like_a_hijri_day(sentence):
    # A Hijri day with no year has no Gregorian value: the engine reserves it ("16 رمضان"); so is its first day.
    assert figures(sentence) == [], described(sentence)


def test_a_hijri_day_range_with_its_year_is_a_gregorian_range():
    found = only("تقام المسابقة من 5 - 7 ذي القعدة 1436هـ")
    assert (found.kind, found.qualifier, found.extras["hijri"]) == ("date", "range", "1436-11-05/1436-11-07")


def test_a_count_before_a_hijri_day_stays_a_count():
    assert only("أقيمت 4 مباريات من 9 شوال", "count").value == 4


@pytest.mark.parametrize("phrase", sorted(read_roles("cues.tsv")["respectively"]))
def test_two_figures_said_respectively_are_no_range(phrase):
    sentence = f"وتراجع القطاعان ما بين 0.25% و0.07% {phrase}"
    assert [(q.value, q.qualifier) for q in figures(sentence, "percent")] == [
        (Decimal("0.25"), "exact"), (Decimal("0.07"), "exact")], described(sentence)


# --- set blind3: numbers that designate one thing ---------------------------------------------------

DESIGNATIONS = read_roles("designation_nouns.tsv")


@pytest.mark.parametrize(
    "sentence",
    [
        "صوت المجلس بالإجماع على القرار 2170 الذي يدين الجماعات المسلحة.",
        "طالب الوزير بتنفيذ القرار 1701 بشأن الحدود الجنوبية.",
        "طالبت الحكومة بتطبيق قرار مجلس الأمن رقم 2254 دون إبطاء.",
        "ما زال البحث جاريا عن الطائرة في الرحلة 447 فوق المحيط.",
        "أقلعت الطائرة في الرحلة 902 المتجهة إلى جدة.",
        "أعلنت «الفرقة 17 مشاة» انضمامها إلى الاتفاق.",
        "تقدمت الكتيبة 82 نحو الحدود.",
        "انسحب جنود من الفوج 12 من المدينة.",
        "قدم المراجع طلبه ورقم معاملة 58214 .",
        "نظرت المحكمة في القضية 45 بعد تأجيلها.",
        "وقعت الدولتان معاهدة ستارت 3 في العاصمة.",
        "أسقطت الطائرة في رحلتها رقم MH17 فوق الحقول.",
        "أسقطت الطائرة في رحلتها رقم 17 فوق الحقول.",
        "حضر اللواء الركن الاجتماع أمس.",  # a rank, no number at all
    ],
)
def test_a_number_after_a_noun_of_designation_is_an_identifier(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("أصدر المجلس 2170 قرارا منذ تأسيسه", 2170),  # before the noun: a count
        ("ألغت الشركة 447 رحلة بسبب العاصفة", 447),
        ("خسرت الكتيبة 40 جنديا في المعركة", 40),  # a counted noun after the number
        ("نقلت الرحلة 300 راكب إلى جدة", 300),
    ],
)
def test_a_count_near_a_noun_of_designation_stays_a_count(sentence, value):
    assert only(sentence, "count").value == value


def test_a_unit_after_a_noun_of_designation_keeps_the_figure():
    found = only("استغرقت الرحلة 12 ساعة متواصلة")
    assert (found.kind, found.value) == ("duration", 12)


@pytest.mark.parametrize("noun", sorted(DESIGNATIONS["noun"]))
def test_every_noun_of_designation_makes_the_number_after_it_an_identifier(noun):
    sentence = f"أشار التقرير إلى {noun} 518 الذي صدر أمس."
    assert figures(sentence, "count") == [], described(sentence)


@pytest.mark.parametrize("word", sorted(DESIGNATIONS["after"]))
def test_every_word_after_an_identifier_keeps_it_one(word):
    sentence = f"تحركت الفرقة 14 {word} أمس."
    assert figures(sentence, "count") == [], described(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "عرفت المعاهدة باتفاق سالت - 2.",
        "أعلنت الشركة أن الكشف (حقل جنوب شرق -3) تحقق على عمق كبير",
        "سمي البئر باسم الحقل الشمالي -4 الجديد",
    ],
)
def test_a_hyphen_and_a_number_after_a_name_make_a_name(sentence):
    assert [q for q in figures(sentence) if q.value in (-2, -3, -4, 2, 3, 4)] == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("سجلت درجة الحرارة -3 أمس", -3),  # a temperature context keeps the minus sign
        ("انخفض المؤشر إلى -4 .", -4),
        ("بلغت القراءة السابقة -5 .", -5),
    ],
)
def test_a_hyphen_in_a_measure_context_stays_a_minus_sign(sentence, value):
    assert [q.value for q in figures(sentence)] == [value], described(sentence)


@pytest.mark.parametrize("word", sorted(read_roles("cues.tsv")["sign_context"]))
def test_every_sign_context_word_keeps_the_minus_sign(word):
    sentence = f"قال التقرير إن {word} الشهري -6 ."
    assert [q.value for q in figures(sentence) if q.value == -6], described(sentence)


# --- set blind3: the last number of a numbered list ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "أكثر المواقع زيارة: 1- يوتيوب 2- تويتر 3- جوجل 4.",
        "المواقع الأكثر زيارة: 6- العاب 7- أخبار محلية 8- رياضة 9.",
        "ومن أبرز الصحف: 3- الرياض 4- عكاظ 5- المدينة 6",
    ],
)
def test_the_numbers_of_a_numbered_list_are_no_figures(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("ارتفعت درجة الحرارة بين 9 - 10.", None),  # a range of two numbers, no list
        ("زار المعرض 4 وفود ثم 5 وفود.", [4, 5]),  # consecutive counts without list marks
    ],
)
def test_consecutive_numbers_outside_a_list_stay_figures(sentence, values):
    found = figures(sentence)
    assert found, described(sentence)
    if values is not None:
        assert [q.value for q in found] == values


# --- set blind3: a fraction word in a place name, an ordinal in a military rank -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "توافد الزوار على شاطئ نصف القمر في العيد.",
        "أنقذت فرق الإنقاذ سباحين بشاطئ نصف القمر.",
    ],
)
def test_a_fraction_word_in_a_place_name_is_no_fraction(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize("rank", sorted(w for w in read_words("ordinal_name_words.txt")
                                       if w in ("جندي", "الجندي", "عريف", "العريف", "رقيب", "الرقيب", "ملازم",
                                                "الملازم")))
def test_a_military_rank_with_awwal_is_no_ordinal(rank):
    sentence = f"نعى القائد الشهيد {rank} أول خالد بن سعد."
    assert figures(sentence, "ordinal") == [], described(sentence)


def test_an_ordinal_after_a_soldier_without_a_rank_word_is_still_read_elsewhere():
    assert only("حل الفريق في المركز الأول", "ordinal").value == 1


# --- set blind3: digits in brackets with spaces; decimals typed right to left around a bidi mark --------


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("أعلنت الحكومة عجزا يبلغ ( 7 , 2 ) مليار دينار", "7200000000", "KWD"),
        ("أعلنت الحكومة عجزا يبلغ ( 3 ,5 ) ملايين ريال", "3500000", "SAR"),
        ("أعلنت الحكومة عجزا يبلغ (8,4) ملايين دينار", "8400000", "KWD"),
        ("أعلنت الحكومة عجزا يبلغ ( 12 ) مليون ريال", "12000000", "SAR"),
    ],
)
def test_spaced_digits_in_brackets_before_a_scale_are_one_amount(sentence, value, unit):
    found = only(sentence)
    assert (found.kind, found.value, found.unit) == ("money", Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("ارتفع معدل البطالة إلى 6.\u200f4 في المائة", "4.6"),
        ("ارتفع معدل البطالة إلى 6.\u200e4 في المائة", "4.6"),
        ("توقع التقرير انكماشا قدره 0.\u200f3 في المائة", "3.0"),
        ("ارتفع معدل البطالة إلى 6.4 في المائة", "6.4"),  # no mark: read as written
    ],
)
def test_a_bidi_mark_after_a_decimal_point_reverses_the_parts(sentence, value):
    found = only(sentence, "percent")
    assert found.value == Decimal(value)
    # offsets into the original text: the span holds the mark the folded text dropped
    assert ("\u200f" in found.text or "\u200e" in found.text) == ("\u200f" in sentence or "\u200e" in sentence)


def test_a_range_of_decimals_typed_right_to_left():
    found = only("توقع البنك نموا بين 0.\u200f1 و5.\u200f1 في المائة هذا العام", "percent")
    assert (found.qualifier, found.extras["low"], found.extras["high"]) == ("range", Decimal("1.0"), Decimal("1.5"))


def test_an_amount_typed_right_to_left_keeps_its_scale():
    found = only("أبرمت الشركة صفقة بقيمة 5.\u200f12 مليار دولار")
    assert (found.kind, found.value, found.unit) == ("money", Decimal("12500000000"), "USD")


# --- set blind3 ------------------------------------------------------------------------------------
# A year after a preposition of time, followed by a function word, a definite word or و and a verb or a pronoun.


@pytest.mark.parametrize(
    "sentence",
    [
        "زاد الطلب بمقدار مليون برميل في 2018 مما سيرفع الأسعار",
        "تأسست الرابطة في 1998 حيث كانت تضم عشرة أندية",
        "افتتح المصنع في 2011 كما أعلنت الشركة عن فرع ثان",
        "أسست اللجنة في 2007 وأعضاؤها من الخبراء",
        "تعهدت الحكومة في 2019 الالتزام بالخطة",
        "بدأ البرنامج خلال 2014 وتضمن ثلاث مراحل",
        "توقف المشروع منذ 2003 وهو ينتظر التمويل",
        "ولدت الفكرة في 2009 وذلك بعد الأزمة",
        "نمت الصادرات في 2012 بنسبة 4 %",
    ],
)
def test_a_year_after_a_preposition_of_time_is_not_counted_by_the_word_after_it(sentence):
    year = next(word for word in sentence.split() if word.isdigit())
    assert [(q.kind, q.value) for q in figures(sentence) if year in q.text] == [("date", year)], described(sentence)


@pytest.mark.parametrize("word", sorted({"مما", "ممن", "حيث", "كما", "عندما", "بينما", "بنسبة", "بقيمة", "بسبب"}))
def test_the_clause_words_are_never_a_counted_noun(word):
    found = only(f"بلغ عدد المشاركين 1500 {word} أسعد المنظمين", "count")
    assert "noun" not in found.extras and found.value == 1500


@pytest.mark.parametrize(
    ("sentence", "value", "noun"),
    [
        ("شارك 2016 متسابقا في السباق", 2016, "متسابقا"),
        ("وزع المتطوعون 1995 سلة غذائية", 1995, "سلة"),
        ("أعلنت الشركة في 2000 وظيفة جديدة عن شروطها", 2000, "وظيفة"),  # a noun that begins with و
        ("سجلت في 2015 مخالفة مرورية", 2015, "مخالفة"),
        ("باعت الشركة 1800 وحدة سكنية", 1800, "وحدة"),  # "وحدة" folds like "وحده" (alone): still counted
    ],
)
def test_a_number_of_the_year_window_before_its_counted_noun_stays_a_count(sentence, value, noun):
    found = only(sentence, "count")
    assert (found.value, found.extras["noun"]) == (value, noun)


# A unit written once for two numbers joined by أو (two figures) or two unit words joined by و before a scale
# and a currency (an informal range).


@pytest.mark.parametrize(
    ("sentence", "values", "unit"),
    [
        ("بقي في منصبه لخمس أو ست سنوات", ["5", "6"], "year"),
        ("تستغرق الرحلة ثلاثة أو أربعة أيام", ["3", "4"], "day"),
        ("ينتظر المرضى 2 أو 3 أشهر", ["2", "3"], "month"),
        ("مرت سبعة أو ثمانية أسابيع على الحادث", ["7", "8"], "week"),
    ],
)
def test_a_unit_written_once_for_two_numbers_joined_by_or_is_each_ones(sentence, values, unit):
    found = figures(sentence, "duration")
    assert [str(q.value) for q in found] == values and {q.unit for q in found} == {unit}, described(sentence)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("يطلبون في المتر ثلاثة وأربعة آلاف ريال", "3000", "4000", "SAR"),
        ("تراوحت الكلفة خمسة وستة ملايين دولار", "5000000", "6000000", "USD"),
        ("يدفع الزائر سبعة وثمانية آلاف جنيه", "7000", "8000", "EGP"),
    ],
)
def test_two_unit_words_joined_by_and_before_a_scale_and_currency_are_a_range(sentence, low, high, unit):
    found = only(sentence, "money")
    assert (found.qualifier, str(found.extras["low"]), str(found.extras["high"]), found.unit) == (
        "range", low, high, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "ثلاثة وعشرون ألف ريال دفعها المشتري",  # one number, compounded
        "وصل ثلاثة وتسعة آلاف ريال",  # not near: no informal range
    ],
)
def test_numbers_that_compound_or_are_far_apart_make_no_informal_range(sentence):
    assert not [q for q in figures(sentence) if q.qualifier == "range"], described(sentence)


# A currency written on the first item of a list only.


@pytest.mark.parametrize(
    "sentence",
    [
        "الرسوم 1000 ريال للمرة الأولى و2000 للمرة الثانية و3000 للمرة الثالثة",
        "الغرامة ”500″ دينار للمخالفة الأولى و”700″ للمخالفة الثانية",
        "يدفع 300 درهم للطالب و500 للموظف",
    ],
)
def test_the_bare_items_of_a_list_take_the_currency_of_its_first_amount(sentence):
    amounts = figures(sentence, "money")
    assert len(amounts) >= 2 and len({q.unit for q in amounts}) == 1 and not figures(sentence, "count"), (
        described(sentence))


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("دفع 500 ريال للمرة الأولى و30 شخصا حضروا", "30"),  # a counted noun: no list of amounts
        ("بلغ الرسم 200 ريال. و300 للمرة الثانية", "300"),  # another sentence
        ("باع 50 ريالا للطن و6000 في المستودع", "6000"),  # another construction, and far in size
    ],
)
def test_a_number_outside_the_list_keeps_no_currency(sentence, count):
    assert [str(q.value) for q in figures(sentence, "count")] == [count], described(sentence)


# Units: data sizes in short form; centuries and decades in years.


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("يحتاج النظام إلى 8 جيجا من المساحة", "8", "GB"),
        ("تبلغ سعة الذاكرة 16 جيجا بايت", "16", "GB"),
        ("يأتي القرص بسعة 2 تيرا", "2", "TB"),
        ("حجم الملف 700 ميجا بايت", "700", "MB"),
        ("ذاكرة الهاتف 64 غيغا", "64", "GB"),
    ],
)
def test_short_forms_of_data_units(sentence, value, unit):
    found = only(sentence, "measure")
    assert (str(found.value), found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("بعد نصف قرن من الاستقلال", "50", "exact"),
        ("منذ أكثر من ربع قرن", "25", "more_than"),
        ("تعود المدينة إلى ثلاثة قرون", "300", "exact"),
        ("تمتد العلاقات لأكثر من قرنين", "200", "more_than"),
        ("على مدى خمسة عقود", "50", "exact"),
        ("قبل نحو 4 عقود من الزمن", "40", "approx"),
        ("قبل عقد من الزمن", None, None),  # a unit alone is no figure
    ],
)
def test_centuries_and_decades_are_durations_in_years(sentence, value, qualifier):
    found = figures(sentence, "duration")
    if value is None:
        assert found == [], described(sentence)
        return
    assert [(str(int(q.value)), q.unit, q.qualifier) for q in found] == [(value, "year", qualifier)]


@pytest.mark.parametrize(
    "sentence",
    ["وقعت الشركة 3 عقود جديدة مع الموردين", "حضر الحفل اللواء سعيد أبو قرنين"],
)
def test_contracts_and_names_are_no_decades_or_centuries(sentence):
    assert figures(sentence, "duration") == [], described(sentence)


# A hedge across a noun of level (level_nouns.txt) or an article written apart from the digits.


@pytest.mark.parametrize("noun", sorted(read_words("level_nouns.txt")))
def test_a_hedge_reaches_its_figure_across_a_level_noun(noun):
    sentence = f"أغلق المؤشر فوق {noun} 9000 نقطة"
    assert only(sentence, "count").qualifier == "more_than", described(sentence)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("لم يتجاوز التضخم عتبة 2.5 %", "at_most"),
        ("بلغت المبيعات ما يقارب مستويات الـ 120 ألف وحدة", "approx"),
        ("قارب المؤشر على مستوى 7000 نقطة", "approx"),
        ("عاش في المدينة قرابة الـ 30 عاما", "approx"),
        ("بلغ المؤشر مستوى 9000 نقطة", "exact"),  # no hedge: the level itself
        ("لا يتجاوز العجز في موازنة العام المقبل سقف 3 %", "at_most"),  # the hedge's subject between
        ("ظل السعر يقترب أكثر من مستوى 7000 ريال", "exact"),  # closer to the level, not above it
    ],
)
def test_hedges_across_level_nouns_and_spaced_articles(sentence, qualifier):
    found = [q for q in figures(sentence) if q.kind != "date"]
    assert len(found) == 1 and found[0].qualifier == qualifier, described(sentence)


# An ordinal day after a weekday and a cue of month_cues.tsv ("الأربعاء المقبل الخامس من شهر أغسطس").


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تقام المباراة يوم الأربعاء المقبل الخامس من شهر أغسطس", "--08-05"),
        ("وصل الوفد الخميس الماضي الثالث من مارس", "--03-03"),
        ("يبدأ المعرض السبت القادم السادس عشر من شهر مايو", "--05-16"),
    ],
)
def test_an_ordinal_day_after_a_weekday_and_its_cue_is_a_date(sentence, value):
    assert only(sentence, "date").value == value


def test_an_ordinal_after_another_definite_noun_still_ranks_it():
    assert [q.kind for q in figures("الأسبوع المقبل الثاني من مارس")] == ["ordinal"]


# A match score is two counts, not a range.


@pytest.mark.parametrize(
    "sentence",
    [
        "ثم خسر الفريق أمام الهلال 1-2، قبل أن يستعيد توازنه",
        "فاز النادي 2-4 على ضيفه",
        "انتهت المباراة بنتيجة 0-1 لصالح الضيوف",
    ],
)
def test_a_match_score_is_two_counts(sentence):
    assert not [q for q in figures(sentence) if q.qualifier == "range"], described(sentence)
    assert len(figures(sentence, "count")) == 2, described(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["يضم الفريق 2-3 لاعبين احتياطيين", "ارتفع الإنتاج 1-2 مليون برميل", "تستغرق الرحلة 2-3 أيام"],
)
def test_a_dash_with_a_noun_a_scale_or_a_unit_is_still_a_range(sentence):
    assert only(sentence).qualifier == "range", described(sentence)


# A definite teen after its noun is an adjective, like the definite unit word alone.


@pytest.mark.parametrize(
    "sentence",
    ["أغلقت قطاعات السوق الخمسة عشر على ارتفاع", "اجتمعت الدول الخمس عشرة", "وقعت الدول الأحد عشر",
     "خلال الأشهر الاثني عشر الماضية", "أغلقت قطاعات السوق الخمسة على ارتفاع"],
)
def test_a_definite_teen_after_its_noun_is_no_figure(sentence):
    assert figures(sentence) == [], described(sentence)


def test_an_indefinite_teen_is_still_a_count():
    assert only("شارك خمسة عشر لاعبا", "count").value == 15


@pytest.mark.parametrize("sentence", ["الأحد عشر", "فاز في الأحد عشر"])
def test_a_definite_teen_after_no_noun_is_still_read(sentence):
    assert [q.value for q in figures(sentence)] == [11], described(sentence)


def test_a_hedge_of_another_figure_in_the_subject_does_not_reach_the_level():
    found = figures("بلغ عدد أكثر من ثلاثة أشخاص مستوى 9000 نقطة", "count")
    assert [(q.value, q.qualifier) for q in found] == [(3, "more_than"), (9000, "exact")]


# --- blind4: ages after "سن" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("يسمح بالتسجيل للطلاب فوق سن 16 فقط", 16, "more_than"),
        ("يحظر تشغيل الأطفال دون سن الخامسة عشرة", 15, "less_than"),
        ("يلزم القانون الموظف بالتقاعد في سن 62", 62, "exact"),
        ("تصرف المنحة عند بلوغ سن 21", 21, "exact"),
        ("خصص البرنامج للمسنين ممن تجاوزوا سن الـ70", 70, "more_than"),
        ("لا يقبل اللاعبون تحت سن العاشرة", 10, "less_than"),
        ("تزوجت بسن 19 في قريتها", 19, "exact"),
    ],
)
def test_a_number_after_the_word_for_age_is_an_age_in_years(sentence, value, qualifier):
    found = only(sentence)
    assert (found.kind, found.value, found.unit, found.qualifier) == ("duration", value, "year", qualifier)


@pytest.mark.parametrize("phrase", sorted(read_roles("cues.tsv")["age_before"]))
def test_every_age_before_word_reads_an_age(phrase):
    assert only(f"يبدأ الضعف في {phrase} 40 لدى معظم الناس").unit == "year"


def test_a_counted_noun_after_the_number_is_no_age():
    assert only("سن البرلمان 12 قانونا جديدا").kind == "count"


# --- blind4: a century's rank in digits --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("تحديات القرن 21 أكبر مما نتصور", 21), ("عاش الشاعر في القرن الـ19", 19), ("منذ القرن الـ 18 الميلادي", 18),
     ("وفي القرن 20 تغير كل شيء", 20), ("مهارات للقرن 21", 21)],
)
def test_digits_after_the_word_for_century_are_its_rank(sentence, value):
    found = only(sentence)
    assert (found.kind, found.value) == ("ordinal", value)


def test_centuries_counted_are_still_a_duration():
    assert only("ظل القصر قائما 3 قرون").kind == "duration"


# --- blind4: a word number before a year's cue -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["وسجلنا إصابة واحدة عام 2012.", "وعقدت جلسة واحدة عام 2019، ثم توقفت", "وبقيت قضية واحدة سنة 2003."],
)
def test_a_year_cue_after_a_word_number_is_no_duration(sentence):
    assert [(q.kind, q.unit) for q in figures(sentence)] == [("date", None)], described(sentence)


def test_a_decimal_before_a_year_at_the_end_of_a_sentence_is_no_duration():
    assert "duration" not in [q.kind for q in figures("ارتفع المؤشر من 4.25 عام 2017.")]


# --- blind4: Celsius alone, magnetic units ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("سجلت الحرارة 49 مئوية في الظل", 49, "°C", "exact"),
        ("تجاوزت الحرارة 46 مئوية أمس", 46, "°C", "more_than"),
        ("يولد الجهاز مجالا قوته 7 تسلا", 7, "T", "exact"),
        ("تبلغ شدة المجال 300 جاوس", 300, "G", "exact"),
        ("قيس المجال بنحو 60 غاوس", 60, "G", "approx"),
    ],
)
def test_celsius_alone_and_magnetic_units_are_measures(sentence, value, unit, qualifier):
    found = only(sentence)
    assert (found.kind, found.value, found.unit, found.qualifier) == ("measure", value, unit, qualifier)


def test_magnetic_units_have_their_family():
    assert only("مجال قوته 2 تسلا").extras["family"] == "magnetic"


# --- blind4: digits in quotes before a scale word -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "kind"),
    [("سجلت الشرطة «40» ألف مخالفة", 40000, "count"), ('أنفقت الوزارة "12" مليار ريال', 12000000000, "money"),
     ("زار المعرض “3” ملايين شخص", 3000000, "count"), ("زار المعرض (3) ملايين شخص", 3000000, "count")],
)
def test_digits_in_quotes_multiply_the_scale_after_them(sentence, value, kind):
    found = only(sentence)
    assert (found.kind, found.value) == (kind, value)


# --- blind4: a year range typed with an underscore ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [("انطلق الموسم الرياضي 2019 _ 2020 متأخرا", "2019", "2020"), ("ميزانية 2021_2022 أقرت", "2021", "2022")],
)
def test_an_underscore_between_two_years_makes_a_period(sentence, low, high):
    found = only(sentence)
    assert (found.kind, found.qualifier, found.extras["low"][:4], found.extras["high"][:4]) == (
        "date", "range", low, high)


@pytest.mark.parametrize("dash", sorted(read_roles("date_words.tsv")["period_dash"] - {"/"}))
def test_every_period_dash_joins_two_years(dash):
    assert only(f"خلال الفترة 2011 {dash} 2013 تحديدا").qualifier == "range"


# --- blind4: a Hijri year beside its Gregorian year, without markers -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "hijri"),
    [('أقيم المهرجان بنسخته الخامسة "1440 - 2019"', "1440"), ("في موسم 2023 - 1444 الماضي", "1444"),
     ("تقويم 1445-2024 الجديد", "1445")],
)
def test_a_hijri_year_beside_the_gregorian_year_it_overlaps_is_a_date(sentence, hijri):
    dates = figures(sentence, "date")
    assert [q.extras.get("hijri") for q in dates if q.extras.get("hijri")] == [hijri], described(sentence)
    assert int(hijri) not in [q.value for q in figures(sentence, "count")], described(sentence)


@pytest.mark.parametrize("sentence", ["وصل عدد الزوار 1440 - 2030 زائرا", "بنسخته 1436-2019"])
def test_a_number_beside_a_year_it_does_not_overlap_is_no_hijri_year(sentence):
    assert not any(q.extras.get("hijri") for q in figures(sentence)), described(sentence)


# --- blind4 classes (fix9g) ------------------------------------------------------------------------------------
# Hyperbole: fixed phrases of idioms.txt that say "countless" with a number word; a real count keeps its noun.


@pytest.mark.parametrize(
    "sentence",
    ["غادر المدرب تاركا خلفه الف مليون سؤال", "قلت لك ألف مليون مرة لا تتأخر", "في رأسي ألف سؤال وسؤال",
     "قرأ حكايات ألف ليلة وليلة", "يحسب له المنافسون ألف حساب", "شكرته ألف مرة ومرة"],
)
def test_hyperbole_with_number_words_is_no_figure(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("شوهد المقطع مليون مرة", 1000000), ("طرح الطلاب ألف سؤال في المسابقة", 1000),
     ("أجاب الخبير عن ألف مليون سؤالا ورد", None)],
)
def test_real_counts_near_hyperbole_stay_counts(sentence, value):
    found = figures(sentence)
    if value is None:  # the idiom reaches no further than its phrase: a different noun is no hyperbole
        assert found, described(sentence)
    else:
        assert [q.value for q in found] == [value], described(sentence)


# The verb "to praise" (أثنى على) folds like the number word اثني; "اثنى عشر" stays twelve.


@pytest.mark.parametrize(
    "sentence",
    ["وأثنى على جهود المتطوعين في الحملة", "أثنى عليه المدرب بعد المباراة", "وأثنى عليهم الأمير في كلمته",
     "فأثنى علينا الضيف", "لقد أثنى على الفريق"],
)
def test_praise_verb_is_no_number(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["وأثنى الوزير على جهود المتطوعين", "أثنى رئيس النادي على اللاعبين", "وأثنت الهيئة على المبادرة",
     "ويثني المدرب على لاعبيه دائما"],
)
def test_praise_verb_with_its_subject_before_ala_is_no_number(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("ضم الفريق اثنى عشر لاعبا", 12), ("حضر اثني عشر وزيرا", 12), ("وصلت اثنتا عشرة سيارة", 12),
     ("حضر اثنا وعشرون لاعبا", 22), ("فاز اثنان من اللاعبين", 2)],
)
def test_forms_of_two_with_their_teen_or_tens_stay_numbers(sentence, value):
    assert [q.value for q in figures(sentence)] == [value], described(sentence)


@pytest.mark.parametrize("sentence", ["ضم الفريق اثنى عشر لاعبا", "حضر اثني عشر وزيرا"])
def test_twelve_spelled_like_the_verb_is_still_twelve(sentence):
    assert only(sentence).value == 12


# Names with digits: a number ending the quotes it shares with a name's words, an institution with a number of
# four digits or more, a display resolution with a resolution word.


@pytest.mark.parametrize(
    "sentence",
    ["عقد مؤتمر «جنيف 2» في الشتاء", "انطلقت المركبة «سويوز 7» إلى المدار", "اشترى بندقية «آي كي 47» قديمة",
     'تعمل السيارة بمحرك "توربو 4" الجديد', "تلقى العلاج في مستشفى 57357 من السرطان",
     "تبرع رجل الأعمال لمستشفى 57357.", "يعرض الفيلم بدقة 4K في القاعات", "تدعم الشاشة تقنية 8K وهي الأحدث",
     "وصلت جودة التصوير إلى 4K"],
)
def test_names_with_digits_are_no_figures(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [("قال «أكثر من 50 مشاركا»", 50, None), ("يضم مستشفى 1000 سرير", 1000, None),
     ("نقل المستشفى 3 من المصابين", 3, None), ("بلغت الأرباح 50K دولار", 50000, "USD"),
     ("حصل الحساب على 4K متابع", 4000, None), ("«بلغ عدد الزوار 30 ألفا»", 30000, None)],
)
def test_figures_near_those_names_stay_figures(sentence, value, unit):
    found = only(sentence)
    assert (found.value, found.unit) == (Decimal(value), unit), described(sentence)


# A number named "الرقم" and followed by what it is dialled for is a service number (cues.tsv service_purpose).


@pytest.mark.parametrize(
    "sentence",
    ["خصصت البلدية الرقم 940 لاستقبال البلاغات", "أطلقت الوزارة الرقم 19988 للاستفسار عن الخدمات",
     "حددت الهيئة الرقم 8001 للإبلاغ عن المخالفات", "يعمل الرقم 937 الموحد طوال اليوم"],
)
def test_a_service_number_with_its_purpose_is_no_figure(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("سجل العداء الرقم 10 في السباق", 10), ("خصصت البلدية 940 موظفا لاستقبال البلاغات", 940)],
)
def test_numbers_without_the_service_pattern_stay_figures(sentence, value):
    assert [q.value for q in figures(sentence)] == [value], described(sentence)


# A list item's number after its label noun (label_nouns.txt), in brackets or before a colon or a dash.


@pytest.mark.parametrize(
    "sentence",
    ["العادة (4) نم مبكرا كل ليلة", "الخطوة ( 3 ) افتح الملف", "النصيحة 2: اشرب الماء", "القاعدة 7 - لا تستعجل",
     "البند (12) يلزم الشركة بالتعويض", "السؤال رقم 5: ما عاصمة الأردن؟"],
)
def test_a_label_nouns_number_is_no_figure(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("اتبع 5 خطوات للنجاح", 5), ("تضم الخطة 3 قواعد", 3), ("أجاب عن السؤال 10 طلاب", 10),
     ("تستغرق الخطوة 2-3 أيام", None)],
)
def test_counts_near_label_nouns_stay_counts(sentence, value):
    found = figures(sentence)
    if value is None:
        assert [q.qualifier for q in found] == ["range"], described(sentence)
    else:
        assert [q.value for q in found] == [value], described(sentence)


@pytest.mark.parametrize("name", ["label_nouns.txt"])
def test_every_label_noun_numbers_an_item(name):
    for noun in read_words(name):
        assert figures(f"{noun} (3) افعل ذلك") == [], noun
        assert figures(f"{noun} 3: افعل ذلك") == [], noun


def test_a_year_closing_a_quoted_title_stays_a_date():
    found = only("صدر التقرير بعنوان «الاستقرار المالي 2015» هذا الأسبوع")
    assert (found.kind, str(found.value)) == ("date", "2015")


# --- issue 9: nautical miles, more currencies, a unit lent to the bare end of "من … إلى", tatweel dashes -------


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("أبحرت السفينة مسافة 450 ميلا بحريا قبل أن ترسو", "450", "nmi"),
        ("تقع الجزيرة على بعد 18 ميل بحري من الشاطئ", "18", "nmi"),
        ("تمتد المياه الإقليمية 12 أميال بحرية", "12", "nmi"),
        ("قطع العداء 26 ميلا في السباق", "26", "mi"),  # the mile alone stays the statute mile
        ("تبعد المدينة 90 ميل عن العاصمة", "90", "mi"),
    ],
)
def test_nautical_miles_are_their_own_unit_and_the_mile_alone_stays(sentence, value, unit):
    found = only(sentence)
    assert (found.kind, found.value, found.unit) == ("measure", Decimal(value), unit)
    assert found.extras.get("family") == "length"


def test_a_nautical_mile_has_its_size_in_metres():
    sizes = {row[0]: row[2] for row in read_raw_rows("unit_families.tsv") if len(row) > 2}
    assert Decimal(sizes["nmi"]) == 1852


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("بلغ متوسط الأجر 4200 رنجيت شهريا", "MYR"),
        ("اشترى الهاتف بـ 900 رينغيت", "MYR"),
        ("دفعت الشركة 12 مليون رنغيت غرامة", "MYR"),
        ("خسرت العملة حتى بلغ الدولار 280 روبية باكستانية", "PKR"),
        ("بلغت قيمة الصفقة 50 مليار روبية إندونيسية", "IDR"),
        ("يكلف الفندق 1500 بات تايلندي لليلة", "THB"),
        ("تبلغ الرسوم 25 ألف دونغ للفرد", "VND"),
        ("ارتفع سعر الخبز إلى 20 راند", "ZAR"),
        ("تبلغ التذكرة 300 بيزو مكسيكي", "MXN"),
        ("بلغ العجز 40 مليار بيزو أرجنتيني", "ARS"),
        ("دفع 200 كرونة سويدية", "SEK"),
        ("بلغت الغرامة 5000 كرونة نرويجية", "NOK"),
        ("بلغ الاستثمار 3 مليارات ريال برازيلي", "BRL"),
        ("يبلغ الراتب 90 ألف نيرة", "NGN"),
        ("ارتفع السعر إلى 600 جنيه سوداني", "SDG"),
        ("بلغت المنحة 400 ليرة تركية", "TRY"),
        ("كلف المشروع 800 مليون روبل", "RUB"),
        ("بلغت 120 ألف وون كوري", "KRW"),
    ],
)
def test_the_currencies_of_the_news_are_money_in_their_code(sentence, code):
    found = only(sentence, "money")
    assert found.unit == code


@pytest.mark.parametrize(
    "sentence",
    [
        "حضر الحفل 300 بيزو",  # several countries use the peso: a bare peso names no one currency
        "بلغ عدد 40 كرونة",
    ],
)
def test_a_bare_name_shared_by_several_currencies_is_no_money(sentence):
    assert not figures(sentence, "money"), described(sentence)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit", "kind"),
    [
        ("سيقل زمن الرحلة من 14 ساعة إلى 9 فقط", "14", "9", "hour", "duration"),
        ("تراجع زمن الانتظار من 6 ساعات إلى 2.", "6", "2", "hour", "duration"),
        ("انكمش الشاطئ من 70 مترا إلى 45 فقط", "70", "45", "m", "measure"),
        ("تقلصت المسافة من 12 كيلومترا إلى 8، بحسب الخطة", "12", "8", "km", "measure"),
    ],
)
def test_the_bare_end_of_a_fall_takes_the_unit_of_its_other_end(sentence, low, high, unit, kind):
    found = figures(sentence)
    assert [(f.kind, f.value, f.unit) for f in found] == [(kind, Decimal(low), unit), (kind, Decimal(high), unit)]


def test_a_bare_end_that_counts_something_else_keeps_no_unit():
    found = figures("ارتفع المبنى من 5 أمتار إلى 3 طوابق")
    assert [(f.kind, f.unit) for f in found] == [("measure", "m"), ("count", None)]


def test_a_bare_high_end_of_a_span_of_time_makes_a_range():
    found = only("يمتد الدوام من 4 ساعات إلى 7 في اليوم")
    assert (found.kind, found.unit, found.qualifier, found.value) == ("duration", "hour", "range", Decimal(4))


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("تراوحت الزيادة بين ( 2ـــــ 6% ) سنويا", "2"),
        ("يتوقع نموا 4 ــــــ 9% العام المقبل", "4"),
        ("يتوقع نموا ٣ ـــ ٧٪ العام المقبل", "3"),
    ],
)
def test_a_long_tatweel_between_two_numbers_is_a_range_dash(sentence, low):
    found = only(sentence)
    assert (found.kind, found.qualifier, found.value) == ("percent", "range", Decimal(low))


@pytest.mark.parametrize(("sentence", "value"), [("كتب الشاعر قصيدة جـــميلة من 40 بيتا", "40"),
                                                ("فاز الفريق بالمباراة الـ 36", "36")])
def test_a_tatweel_inside_a_word_or_after_an_article_is_still_dropped(sentence, value):
    found = only(sentence)
    assert (found.value, found.qualifier) == (Decimal(value), "exact")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("خصص المخطط 200.000 متر مربع للحدائق و40.000 متر مربع للطرق", "200000", "m2"),
        ("بلغ طول الخط 3.000 كيلومتر", "3000", "km"),
        ("استقبل المهرجان 85.000 زائر", "85000", None),
    ],
)
def test_one_dot_before_three_zeros_groups_thousands(sentence, value, unit):
    found = figures(sentence)[0]
    assert (found.value, found.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("بلغ سعر التذكرة 5.000 دينار كويتي", "5.000"),  # a dinar has 1000 fils: money keeps its decimals
        ("بلغ وزن الطرد 2.250 كيلوغرام", "2.250"),  # three decimals that are not zeros: a decimal point
        ("أغلق المؤشر عند 7.000", "7.000"),  # a bare number names nothing whole
        ("تبلغ مساحة المشروع 120.000 ألف متر مربع", "120000"),  # a scale after it: 120 thousand, as written
    ],
)
def test_one_dot_stays_a_decimal_point_for_money_fractions_bare_numbers_and_scales(sentence, value):
    assert figures(sentence)[0].value == Decimal(value)


# --- blind5, 1: the edition of a festival, then a participle of saying -------------------------------------------


_SAYING = ["مشيرا", "مضيفا", "موضحا", "مؤكدا", "لافتا", "منوها", "مبينا", "قائلا", "معتبرا", "مشددا"]


@pytest.mark.parametrize("participle", _SAYING)
def test_an_edition_before_a_participle_of_saying_is_no_figure(participle):
    sentence = f"وجاء الحفل ختاما لمهرجان صيف الباحة 14 {participle} إلى أن الزوار كثر"
    assert figures(sentence, "count") == [], described(sentence)


def test_every_participle_of_saying_is_in_the_data():
    assert {normalize(word) for word in _SAYING} <= lexicon().not_count_nouns


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("استقطب مهرجان صيف الباحة 14 زائرا من الخارج", 14),
        ("ارتفع عدد المصابين إلى 30 مشيرا إلى أن الحالات مستقرة", 30),
    ],
)
def test_counts_before_a_counted_noun_or_after_no_event_stay_counts(sentence, value):
    assert only(sentence, "count").value == value


# --- blind5, 2: years inside names: an event's year, a car's model year --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("توج المنتخب بلقب كأس العالم 1998 وقال مدربه إن الفوز مستحق", "1998"),
        ("شارك اللاعب في مونديال 2010 بالبرازيل", "2010"),
        ("حصد السباح ذهبيتين في أولمبياد 2012 ثم اعتزل", "2012"),
        ("ظهر في نهائيات كأس العالم 2022 الأحد الماضي", "2022"),
        ("أطلقت الشركة سيارة لاند كروزر 2016 رباعية الدفع", "2016"),
        ("عرض المعرض طراز كامري 2019 الجديد", "2019"),
    ],
)
def test_a_year_after_an_event_or_a_product_name_is_a_date(sentence, year):
    assert only(sentence, "date").value == year
    assert figures(sentence, "count") == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تشارك في كأس العالم 32 منتخبا", 32),
        ("شارك في بطولة العالم 2000 لاعب من مختلف الدول", 2000),
        ("باعت الشركة سيارة تويوتا 2000 ريال أقل من سعرها", None),
    ],
)
def test_a_counted_noun_or_a_unit_after_the_number_keeps_it_a_figure(sentence, value):
    assert figures(sentence, "date") == [], described(sentence)
    if value is not None:
        assert only(sentence, "count").value == value
    else:
        assert only(sentence, "money").unit == "SAR"


@pytest.mark.parametrize("noun", sorted(read_words("model_year_nouns.txt")))
def test_every_model_year_noun_of_the_data_makes_the_year_a_date(noun):
    assert only(f"قدمت الشركة {noun} فورد إكسبلورر 2017 متعددة الاستخدامات", "date").value == "2017"


# --- blind5, 3: the military title "الفريق أول" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "استقبل الفريق أول ركن خالد رئيس الأركان الوفد",
        "وصل رئيس الأركان الفريق أول سامي إلى العاصمة",
    ],
)
def test_an_indefinite_first_after_the_title_word_is_no_ordinal(sentence):
    assert figures(sentence, "ordinal") == [], described(sentence)


@pytest.mark.parametrize("word", sorted(read_words("ordinal_title_words.txt")))
def test_with_the_article_the_ordinal_ranks_the_noun(word):
    assert only(f"فاز {word} الأول بالمباراة النهائية", "ordinal").value == 1
    assert figures(f"عين {word} أول ركن سعيد قائدا", "ordinal") == []
    assert only(f"وقال {word} ثالث إن النتائج دقيقة", "ordinal").value == 3


# --- blind5, 4: a designation noun after ل (the article's alef dropped) -------------------------------------------


@pytest.mark.parametrize("noun", sorted(n for n in read_roles("designation_nouns.tsv")["noun"] if n.startswith("ال")))
def test_a_designation_noun_after_lam_names_its_number(noun):
    sentence = f"هاجم المسلحون مقرا ل{noun[1:]} 40 في المنطقة الشرقية"
    assert figures(sentence, "count") == [], described(sentence)


def test_a_counted_noun_after_the_number_keeps_it_a_count():
    assert only("انضم للكتيبة 20 جنديا من الاحتياط", "count").value == 20


# --- blind5, 5: version numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "يعمل الجهاز بنظام Android5.1.1 ويدعم الشبكات",
        "حدث البرنامج إلى الإصدار 10.3.2 الأسبوع الماضي",
        "أطلقت الشركة الإصدار 2.4 من تطبيقها",
        "يعمل الهاتف بنسخة iOS 9.3 حاليا",
        "جربنا version 3.6 من المتصفح",
    ],
)
def test_version_numbers_are_no_figures(sentence):
    assert extract(sentence).quantities == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("بلغ عدد السكان 1.234.567 نسمة", 1234567),
        ("بيعت 2.5 مليون نسخة من اللعبة", 2500000),
    ],
)
def test_thousands_groups_and_counted_copies_stay_counts(sentence, value):
    assert only(sentence, "count").value == value


def test_an_address_of_dotted_numbers_alone_keeps_its_numbers():
    assert [q.value for q in figures("العنوان هو 10.20.30.40", "count")] == [10, 20, 30, 40]


def test_an_issue_of_bonds_keeps_its_amount():
    assert only("أعلنت الحكومة إصدار 1.5 مليار دولار من السندات", "money").value == 1500000000


@pytest.mark.parametrize("word", sorted(lexicon().cues["version_word"]))
def test_every_version_word_of_the_data_makes_a_decimal_a_version(word):
    sentence = f"نزل {word} 4.2 من البرنامج"
    assert figures(sentence) == [], described(sentence)


# --- blind5, 6: "في الثانية" after a unit: per second, no ordinal -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "تصل سرعة الاتصال إلى 54 ميغابت في الثانية",
        "تضخ المضخة 300 لتر في الثانية",
        "ينقل الكابل 10 غيغابايت في الثانية",
    ],
)
def test_the_time_word_of_a_rate_is_no_ordinal(sentence):
    assert figures(sentence, "ordinal") == [], described(sentence)
    assert len(figures(sentence, "measure")) == 1


def test_the_second_after_no_unit_stays_an_ordinal():
    assert only("حل الفريق في المرتبة الثانية", "ordinal").value == 2


# --- blind5, 7: a hedge before "X أو Y" bounds both ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("لا يتسع المكان لأكثر من 8 أو 9 سيارات", "more_than"),
        ("استغرق البناء نحو 4 أو 5 سنوات", "approx"),
        ("حضر أقل من 20 أو 30 شخصا", "less_than"),
    ],
)
def test_a_hedge_before_x_or_y_is_carried_to_y(sentence, qualifier):
    found = [q for q in extract(sentence).quantities if q.kind != "date"]
    assert [q.qualifier for q in found] == [qualifier, qualifier], described(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "حضر 8 أو 9 أشخاص",
        "زاد العدد أكثر من 8 وبلغ 9 أشخاص",
    ],
)
def test_no_hedge_or_another_joiner_keeps_y_exact(sentence):
    assert figures(sentence)[-1].qualifier == "exact", described(sentence)


# --- blind6, 2: square feet, the plural of feet, megapixels --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit", "family"),
    [
        ("تبلغ مساحة المكتب 1200 قدم مربع", "ft2", "area"),
        ("شقة من 40 أقدام مربعة", "ft2", "area"),
        ("ارتفعت الأمواج 15 أقدام", "ft", "length"),
        ("خزان سعته 300 قدم مكعب", "ft3", "volume"),
        ("هاتف بكاميرا 48 ميجابيكسل", "MP", "resolution"),
        ("عدسة أمامية 16 ميغابيكسل", "MP", "resolution"),
        ("مستشعر 64 ميجا بيكسل", "MP", "resolution"),
    ],
)
def test_feet_and_megapixels_are_measures(sentence, unit, family):
    found = only(sentence, "measure")
    assert (found.unit, found.extras.get("family")) == (unit, family), described(sentence)


# --- blind6, 4: a clause particle after a designation's number -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "وقالت الفرقة 30 إن قواتها تقدمت",
        "وذكر اللواء 12 إن الهجوم صد",
        "أعلنت الكتيبة 101 أن جنودها انسحبوا",
    ],
)
def test_a_designation_number_before_a_clause_counts_nothing(sentence):
    assert [q for q in extract(sentence).quantities if q.kind != "date"] == [], described(sentence)


def test_a_count_before_the_designation_noun_stays():
    assert figures("قالت إن 30 فرقة تقدمت")[0].value == Decimal(30)


# --- blind6, 1: an estimate's floor or ceiling after the figure ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("قتل 500 شخص على أقل تقدير", "at_least"),
        ("سافر 40 ألف حاج كأقل تقدير", "at_least"),
        ("بلغت الخسائر 20 مليون دولار في أقل تقدير", "at_least"),
        ("تستغرق الرحلة 3 أيام كأقصى تقدير", "at_most"),
        ("يصل السعر 900 دينار على أقصى تقدير", "at_most"),
    ],
)
def test_an_estimate_after_the_figure_bounds_it(sentence, qualifier):
    assert figures(sentence)[0].qualifier == qualifier, described(sentence)


def test_no_estimate_keeps_the_figure_exact():
    assert figures("قتل 500 شخص في الهجوم")[0].qualifier == "exact"


# --- blind6, 1: approaching a figure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "عدد السكان يقترب من 40 مليون نسمة",
        "قيمة الصفقة تقترب من 3 مليارات دولار",
        "الحرارة اقتربت من 45 درجة مئوية",
        "وصل عدد الزوار حتى الآن اقترب من 100 ألف زائر",
    ],
)
def test_approaching_a_figure_is_approx(sentence):
    assert figures(sentence)[0].qualifier == "approx", described(sentence)


def test_approaching_closer_to_a_level_stays_exact():
    assert figures("المؤشر يقترب أكثر من مستوى 50 نقطة")[0].qualifier == "exact"


# --- money and measures after "بين" with the unit on both ends, or on the first end only --------------


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "low", "high"),
    [
        ("وتراوح سعر الوحدة بين 12.50 ريالا و19.00 خلال الأسبوع", "money", "SAR", "12.5", "19"),
        ("وتراوحت أسعار الغرف ما بين 300 ريال إلى ألف ريال", "money", "SAR", "300", "1000"),
        ("وتراوحت الإيجارات ما بين 200 ألف ريال إلى 500 ألف ريال", "money", "SAR", "200000", "500000"),
        ("وتراوح سعر البرميل بين 60 دولارا و75 دولارا", "money", "USD", "60", "75"),
        ("وتراوح طول الألواح بين 3 أمتار إلى 7 أمتار", "measure", "m", "3", "7"),
    ],
)
def test_money_or_a_measure_after_between_is_one_range(sentence, kind, unit, low, high):
    found = only(sentence)
    assert (found.kind, found.unit, found.qualifier) == (kind, unit, "range")
    assert (found.extras["low"], found.extras["high"]) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "sentence",
    [
        "وارتفعت الإيرادات من 40 مليار دولار إلى 55 مليار دولار",  # after "من": a change, two figures
        "وبلغت الحصتان بين 50 ريالا و80 ريالا على التوالي",  # one figure for each of two things
        "ودفع كل منهم بين 50 ريالا و3 أشخاص",  # the second end names its own noun
    ],
)
def test_money_that_bounds_nothing_stays_two_figures(sentence):
    assert len(figures(sentence)) == 2, described(sentence)


# --- a list item's number before a slash at a line's start ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "1 / ضرورة الاستفادة من الخبرات المحلية",
        "2/ تطوير المناهج الدراسية",
        "أولا:\n3 / توسيع شبكة النقل العام",
    ],
)
def test_a_number_before_a_slash_opening_a_line_numbers_a_list_item(sentence):
    assert figures(sentence) == [], described(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("12 / مايو شهد افتتاح المعرض", "date"),  # a day and its month
        ("بلغت الحصة 1 / 4 من السكان", "count"),  # not at a line's start
    ],
)
def test_a_slash_elsewhere_keeps_its_number(sentence, kind):
    assert figures(sentence, kind), described(sentence)


# --- a unit after the second of two numbers joined by و before "على التوالي" ----------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "values"),
    [
        ("فاز بعد خمسة وثمانية أعوام على التوالي", "duration", "year", ["5", "8"]),
        ("سجل 3 و7 كيلومترات على التوالي", "measure", "km", ["3", "7"]),
        ("بلغ الفارق 4 و9 أيام، على التوالي", "duration", "day", ["4", "9"]),
    ],
)
def test_two_numbers_with_a_unit_respectively_are_two_figures_of_that_unit(sentence, kind, unit, values):
    found = figures(sentence, kind)
    assert [(q.unit, str(q.value)) for q in found] == [(unit, value) for value in values], described(sentence)


def test_without_respectively_the_first_number_keeps_no_unit():
    assert [q.kind for q in figures("فاز بعد خمسة وثمانية أعوام")] == ["count", "duration"]
