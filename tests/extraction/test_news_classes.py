"""Classes of errors found by the news audit (eval/news_audit.README.md), each fixed as a class and tested
here on sentences written for these tests, and over the data lines that fix it."""

import re
from decimal import Decimal

import pytest

from claims.extraction import extract, normalize
from claims.extraction.figures import UNIT_FAMILIES, UNIT_SIZES
from claims.extraction.lexicon import lexicon, read_raw_rows, read_words

LEX = lexicon()


def figures(text, kind=None):
    return [q for q in extract(text).quantities if kind is None or q.kind == kind]


def only(text, kind=None):
    found = figures(text, kind)
    assert len(found) == 1, [(q.text, q.kind, str(q.value), q.unit) for q in extract(text).quantities]
    return found[0]


# --- names and codes with digits -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "تحطمت طائرة من طراز بوينج 737 قرب المطار",
        "عثر الغواصون على حطام البوينغ 777 في قاع البحر",
        "تسلم الأسطول طائرة إيرباص 320 الجديدة",
        "أسقطت الدفاعات طائرة سوخوي 24 فوق الحدود",
        "تنطلق فعاليات صيف أبها 12 في الأسبوع المقبل",
        'احتفلت المدينة بـ"عيد الربيع 14" وسط حضور كبير',
        "اختتمت أمس فعاليات مهرجان الساحل 9.",
        "ولمعرفة النتيجة ارسل رسالة فارغة إلى 80808 من جوالك",
        "وللاشتراك في الخدمة أرسل كلمة نعم عبر الواتساب إلى 505050",
        "يمكن للمواطنين الاتصال بالخط الساخن على 19999 .",
    ],
)
def test_models_event_editions_and_short_codes_are_not_figures(sentence):
    assert figures(sentence, "count") == [], [(q.text, str(q.value)) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("شارك في مهرجان الزيتون 36 مشاركا من دول عدة", 36),  # a counted noun after it: a count
        ("تضم البطولة 36 فريقا", 36),
        ("زار المعرض 500 شخص في يومه الأول", 500),
        ("وصل عدد الرسائل إلى 88591 رسالة", 88591),
        ("ارتفع عدد المتصلين بالهاتف إلى 4500 خلال أسبوع", 4500),  # a count word before the contact words
        ("اشترت الشركة 20 طائرة بوينج جديدة", 20),
    ],
)
def test_counts_near_event_contact_and_maker_words_stay_counts(sentence, value):
    assert only(sentence, "count").value == value


def test_a_year_after_an_event_name_stays_a_date():
    assert only("يستعد الفريق لبطولة القارة طوكيو 2021 بخمسة عشر لاعبا", "date").value == "2021"


@pytest.mark.parametrize("word", sorted(read_words("event_words.txt")))
def test_every_event_word_of_the_data_makes_a_bare_edition_number_no_figure(word):
    assert figures(f"اختتمت {word} الشرق 17 في الرياض", "count") == []
    assert only(f"استقطب {word} الشرق 17 زائرا", "count").value == 17


@pytest.mark.parametrize("word", sorted(read_words("contact_words.txt")))
def test_every_contact_word_of_the_data_leads_to_a_code_not_a_figure(word):
    assert figures(f"للمشاركة {word} إلى 70707 من جوالك", "count") == []


# --- compound units and compound measures ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit", "value", "low", "high"),
    [
        ("تهب الرياح بسرعة 20-40 كم/ساعة على السواحل", "km/h", 20, 20, 40),
        ("بلغت سرعة السيارة 180 كم في الساعة", "km/h", 180, None, None),
        ("تصل سرعة القطار إلى 300 كيلومتر في الساعة", "km/h", 300, None, None),
        ("حددت البلدية السرعة بـ 60 km/h داخل الأحياء", "km/h", 60, None, None),
        ("سجلت الرياح 25 عقدة قبالة الساحل", "kn", 25, None, None),
        ("بلغت سرعة الإعصار 90 ميلا في الساعة", "mph", 90, None, None),
    ],
)
def test_speeds_are_measures_in_a_speed_unit(sentence, unit, value, low, high):
    speed = only(sentence, "measure")
    assert (speed.unit, speed.value, speed.extras["family"]) == (unit, value, "speed")
    assert (speed.extras.get("low"), speed.extras.get("high")) == (low, high)


@pytest.mark.parametrize(
    ("phrase", "row"), sorted((k, v) for k, v in LEX.units.items() if UNIT_FAMILIES.get(v[1]) == "speed")
)
def test_every_speed_unit_of_the_data_is_read_as_speed(phrase, row):
    speed = only(f"سجل الرادار 75 {phrase} على الطريق", "measure")
    assert speed.unit == row[1]


def test_a_length_alone_is_still_a_length():
    assert only("سار الوفد 5 كم ثم توقف ساعة", "measure").unit == "km"


@pytest.mark.parametrize(
    ("sentence", "unit", "value"),
    [
        ("ضبط الجمارك كيسا يزن كيلو وخمسة جرامات من المخدرات", "kg", Decimal("1.005")),
        ("يزن الطرد 2 كيلوغرام و300 غرام", "kg", Decimal("2.3")),
        ("يبلغ طول الجدار 3 أمتار و20 سنتيمترا", "m", Decimal("3.2")),
        ("قطع العداء مسافة 5 كيلومترات و400 متر", "km", Decimal("5.4")),
        ("شرب المريض لترا و250 مليلترا من الماء", "l", Decimal("1.25")),
        ("حمل الشاحنة 4 أطنان و500 كيلوغرام", "t", Decimal("4.5")),
    ],
)
def test_a_larger_and_a_smaller_unit_of_one_family_are_one_measure(sentence, unit, value):
    measure = only(sentence)
    assert (measure.kind, measure.unit, measure.value) == ("measure", unit, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "اشترى 2 كيلوغرام من الأرز و300 غرام من السكر",  # two things weighed
        "يزن الأول 300 غرام والثاني 2 كيلوغرام",
        "يزن 300 غرام و2 كيلوغرام",  # the smaller first: not a compound
    ],
)
def test_two_measures_that_are_not_one_compound_stay_two(sentence):
    assert len(figures(sentence, "measure")) == 2


@pytest.mark.parametrize("row", [row for row in read_raw_rows("unit_families.tsv") if len(row) > 2])
def test_every_sized_unit_has_a_positive_size_and_a_family_with_a_base(row):
    assert Decimal(row[2]) > 0
    assert any(size == 1 for unit, size in UNIT_SIZES.items() if UNIT_FAMILIES[unit] == row[1])


# --- one currency written for two amounts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "values", "unit"),
    [
        ("خصصت الوزارة 5 ملايين و7 ملايين دولار للمشروعين", [5_000_000, 7_000_000], "USD"),
        ("خصصت الوزارة خمسة ملايين وسبعة ملايين دولار للمشروعين", [5_000_000, 7_000_000], "USD"),
        ("أنفق المستثمرون 3.4 مليار ريال على الأسهم واشتروا سندات بـ2.2 مليار", [3_400_000_000, 2_200_000_000], "SAR"),
        ("باع الأفراد بـ2.5 مليار ريال عبر 40.2 ألف صفقة واشتروا بـ1.9 مليار عبر 36 ألف صفقة",
         [2_500_000_000, 1_900_000_000], "SAR"),
    ],
)
def test_one_currency_written_for_two_amounts_of_one_scale(sentence, values, unit):
    money = figures(sentence, "money")
    assert [(q.value, q.unit) for q in money] == [(v, unit) for v in values]


@pytest.mark.parametrize(
    "sentence",
    [
        "بلغت الإيرادات 3 مليارات ريال فيما بلغ عدد المستخدمين 1.1 مليار",  # a count word before it
        "بلغت الإيرادات 3 مليارات ريال وتجاوز المستخدمون 1.1 مليار مستخدم",  # its counted noun
        "بلغت الإيرادات 3 مليارات ريال. وتجاوز سكان القارة 1.1 مليار",  # another sentence
    ],
)
def test_a_counted_or_separate_amount_takes_no_currency(sentence):
    assert [q.value for q in figures(sentence, "count")] == [1_100_000_000]


def test_a_part_after_and_with_its_own_scale_is_a_new_number_but_a_smaller_scale_joins():
    assert only("بلغ عدد السكان مليون وسبعمائة ألف نسمة").value == 1_700_000
    assert [q.value for q in figures("سجلت 5 ملايين و7 ملايين زيارة")] == [5_000_000, 7_000_000]


# --- a family name spelled like a number word -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(row[0] for row in read_raw_rows("name_spellings.txt")))
def test_every_family_name_spelling_of_the_data_is_no_figure_after_a_first_name(name):
    assert figures(f"وقال خالد سمير {name} مدير المهرجان إن الإقبال كبير", "count") == []


@pytest.mark.parametrize(("sentence", "kind"), [("استقبل المعرض ألفي زائر", "count"), ("دفع ألفي ريال غرامة", "money")])
def test_the_number_with_its_hamza_stays_two_thousand(sentence, kind):
    assert only(sentence, kind).value == 2000


# --- prices per unit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit", "value", "per"),
    [
        ("بلغ سعر خام برنت 63 دولارا للبرميل أمس", "USD", 63, "bbl"),
        ("بيع حديد التسليح بسعر 2400 ريال/طن", "SAR", 2400, "t"),
        ("حددت الهيئة سعر 18 هللة لكل كيلوواط ساعة", "SAR", Decimal("0.18"), "kWh"),
        ("وصل سعر الأرض إلى 3000 ريال للمتر المربع في الحي", "SAR", 3000, "m2"),
        ("يباع الأرز بـ 7 ريالات للكيلوغرام", "SAR", 7, "kg"),
    ],
)
def test_a_price_per_unit_is_money_with_the_unit_it_is_per(sentence, unit, value, per):
    price = only(sentence, "money")
    assert (price.unit, price.value, price.extras["per"]) == (unit, value, per)


def test_money_given_to_someone_is_no_price_per_unit():
    assert "per" not in only("منحت الجمعية 500 ريال للأسرة الواحدة", "money").extras


# --- dates and durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "hijri"),
    [
        ("صدر التعميم بتاريخ 16/04/36 هـ", "2015-02-05", "1436-04-16"),
        ("صدر التعميم بتاريخ 3/9/21هـ", "2000-11-29", "1421-09-03"),
        ("وقع الطرفان الاتفاق في 5/3/15 بالرياض", "2015-03-05", None),
        ("افتتح المبنى في 5/3/98", "1998-03-05", None),
    ],
)
def test_a_numeric_date_with_a_two_digit_year_takes_the_century_of_its_calendar(sentence, value, hijri):
    date = only(sentence, "date")
    assert (date.value, date.extras.get("hijri")) == (value, hijri)


@pytest.mark.parametrize(
    ("sentence", "unit", "low", "high"),
    [
        ("يستمر العلاج عادة من يومين إلى ثلاثة أيام", "day", 2, 3),
        ("تستغرق الرحلة من ساعتين إلى خمس ساعات", "hour", 2, 5),
        ("يبقى المريض من ثلاثة أسابيع إلى ستة أسابيع في المستشفى", "week", 3, 6),
        ("تمتد الدراسة من سنتين إلى أربع سنوات", "year", 2, 4),
    ],
)
def test_a_span_of_time_with_its_unit_on_both_ends_is_one_range(sentence, unit, low, high):
    duration = only(sentence, "duration")
    assert (duration.unit, duration.qualifier, duration.extras["low"], duration.extras["high"]) == (
        unit, "range", low, high)


def test_a_shortened_wait_stays_two_durations():
    assert len(figures("خفضت الوزارة مدة الانتظار من خمس ساعات إلى ساعتين", "duration")) == 2


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("ولد الشاعر في ألف وتسعمائة وخمسة وأربعين", "1945"),
        ("تغيرت المدينة كثيرا منذ ألف وتسعمائة وثمانين", "1980"),
        ("قامت الثورة في ألف وسبعمائة وتسعة وثمانين", "1789"),
    ],
)
def test_a_year_written_in_words_after_in_or_a_year_cue_is_a_date(sentence, year):
    assert only(sentence, "date").value == year


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("شارك في ألف وتسعمائة وعشرين مشروعا", 1920),  # a counted noun
        ("بلغ عددهم ألفا وتسعمائة وعشرين", 1920),  # no "في" before it
        ("شارك في ألفين من المشاريع", 2000),  # a round number is no year without a cue
    ],
)
def test_a_number_in_words_with_a_noun_or_no_cue_stays_a_count(sentence, value):
    assert only(sentence, "count").value == value


# --- classes revealed by the second blind draw (fresh2) ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "يبدأ الحفل عند الـ8 من مساء الخميس",  # an hour of a part of the day
        "تبدأ الجلسة في الـ10 من صباح اليوم",
        "وصل الوفد مساء أمس الأول إلى الرياض",  # the day before yesterday
        "عاد اللاعبون أول من أمس من المعسكر",
        "شيع المصلون العريف أول خالد والرقيب أول سعيد",  # military ranks
        "تخرج الملازم أول فهد من الكلية",
        "صدر الإصدار «صفر» للنشرة الشهرية",  # a number word alone in quotes names an issue
        "وقد أشار المؤرخ إلى ذلك في كتابه الرحلة (12) هنا بوضوح.",  # a note's number
    ],
)
def test_clock_hours_day_names_ranks_issue_names_and_notes_are_not_figures(sentence):
    assert [q for q in figures(sentence) if q.kind != "date"] == [], [(q.text, q.kind) for q in figures(sentence)]


@pytest.mark.parametrize("sentence", ["قتل 6 من المسلحين", "ارتفع عدد المصابين إلى (7).", "حصل على المركز الأول"])
def test_counts_and_ranks_near_those_words_stay_figures(sentence):
    assert len(figures(sentence)) == 1


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "value"),
    [
        ("يدفع الراكب أكثر من 45 شلن للحافلة", "money", "KES", 45),
        ("دفع المسافر 5000 شلن أوغندي رسوما", "money", "UGX", 5000),
        ("يقع المخيم على مسافة 12 كلم شمال القرية", "measure", "km", 12),
        ("يمتد الخط الجديد 37 كيلو مترا", "measure", "km", 37),
        ("ضبطت البلدية 800 كيلو غراما من اللحوم الفاسدة", "measure", "kg", 800),
        ("يقضي الرحالة نصف السنة في السفر", "duration", "year", Decimal("0.5")),
        ("انتظر المراجعون ربع الساعة قبل الدخول", "duration", "hour", Decimal("0.25")),
        ("بلغ عدد الزوار (13) مليون زائر هذا العام", "count", None, 13_000_000),
        ("وكان العدد في الموسم الفائت نحو (8,4) ملايين زائر", "count", None, 8_400_000),
        ("ارتفع عائد الوحدة إلى 3.45 ريال من 3.12 عام 2016", "money", "SAR", Decimal("3.12")),
    ],
)
def test_units_currencies_bracketed_digits_and_compared_amounts(sentence, kind, unit, value):
    assert any((q.kind, q.unit, q.value) == (kind, unit, value) for q in figures(sentence)), [
        (q.text, q.kind, q.unit, str(q.value)) for q in figures(sentence)]


def test_the_year_after_a_compared_amount_is_a_date_not_a_duration_unit():
    found = figures("ارتفع عائد الوحدة إلى 3.45 ريال من 3.12 عام 2016")
    assert [q.kind for q in found] == ["money", "money", "date"]
    assert found[-1].value == "2016"


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("تخصص الحدائق بما لا يتجاوز (15%) من مساحة الحي", "at_most"),
        ("ارتفعت الأسعار أكثر من «20%» خلال العام", "more_than"),
    ],
)
def test_a_hedge_reaches_across_a_bracket_or_a_quote(sentence, qualifier):
    assert figures(sentence)[-1].qualifier == qualifier


@pytest.mark.parametrize(("phrase", "row"), sorted((k, v) for k, v in LEX.currencies.items() if "شلن" in k))
def test_every_shilling_of_the_data_is_money(phrase, row):
    assert only(f"دفع المسافر 300 {phrase} رسوما", "money").unit == row


# --- classes revealed by the third blind draw (fresh3) -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ستطرح الشركة السيارة جي500 في الأسواق الأوروبية",  # a model's letters glued to its digits
        "أسقطت الدفاعات طائرة إف-16 قرب الحدود",
        "هبطت طائرة نقل من طراز سي 130 في المطار",
        "نشر القرار رقم (ب/ 44) في الجريدة الرسمية",  # a code's letter before a slash
        "صدر المرسوم الملكي م/51 بالموافقة على الاتفاقية",
        "وقع الحادث قرب مخرج 14 على الطريق الدائري",  # a road exit
        "ولمزيد من المعلومات رقم الرسائل النصية (600700).",  # a short code right after the contact words
        "للاشتراك أرسل SMS إلى 81818 الاتصالات",  # the operator after a short code
        "أو أرسل رسالة فارغة على الرقم 707070 زين",
    ],
)
def test_model_letters_code_letters_exits_and_short_codes_are_not_figures(sentence):
    assert [q for q in figures(sentence) if q.kind != "date"] == [], [(q.text, q.kind) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("أرسلت الوزارة رسائل إلى 50000 مواطن", 50000),  # a counted noun after it
        ("ارتفع عدد الرسائل النصية إلى 600700 رسالة", 600700),
        ("بلغ عدد المخارج 14 مخرجا", 14),
    ],
)
def test_counts_near_contact_and_exit_words_stay_counts(sentence, value):
    assert only(sentence, "count").value == value


@pytest.mark.parametrize("letters", sorted(read_words("latin_letter_names.txt")))
def test_every_latin_letter_name_of_the_data_glued_or_spaced_before_digits_makes_a_name(letters):
    assert figures(f"كشفت الشركة عن السيارة {letters}300 الجديدة", "count") == []
    assert figures(f"كشفت الشركة عن السيارة {letters} 300 الجديدة", "count") == []


@pytest.mark.parametrize("operator", sorted(LEX.cues["contact_after"]))
def test_every_operator_of_the_data_after_a_long_number_makes_it_a_code(operator):
    assert figures(f"للتواصل 636250 {operator} أو البريد", "count") == []


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "value"),
    [
        ("صادرت الشرطة 2.7 كجم من الحشيش", "measure", "kg", Decimal("2.7")),
        ("يتداول السهم عند 17 ضعفا لأرباحه", "multiplier", "times", 17),
        ("بلغ متوسط السوق 22 ضعفا", "multiplier", "times", 22),
    ],
)
def test_a_kilogram_abbreviation_and_an_accusative_multiple(sentence, kind, unit, value):
    assert any((q.kind, q.unit, q.value) == (kind, unit, value) for q in figures(sentence)), [
        (q.text, q.kind, q.unit, str(q.value)) for q in figures(sentence)]


def test_the_dual_of_a_multiple_alone_is_still_two():
    assert only("ارتفع الإنتاج ضعفا ما كان عليه", "multiplier").value == 2


@pytest.mark.parametrize(
    "phrase", sorted(p for p, q in LEX.hedges_before.items() if q == "at_most" and p.split()[0] in ("لم", "لن"))
)
def test_every_past_or_future_negation_before_the_figure_is_a_bound(phrase):
    assert only(f"أكد المسؤول أن التكاليف {phrase} 300 ريال", "money").qualifier == "at_most"


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("أقرت الحكومة خطة تصل كلفتها إلى 40 مليار دولار", "at_most"),  # a subject between the verb and إلى
        ("وتصل مساحته إلى 500 متر مربع", "exact"),  # an area reached; no cap noun
        ("وتصل سعته إلى 500 متر مكعب", "at_most"),  # a capacity: up to
        ("ارتفع الدين ليصل حجمه إلى 322 مليار ريال", "exact"),  # the level reached
    ],
)
def test_a_reaching_verb_keeps_its_reading_across_its_subject(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


# --- classes revealed by the fourth blind draw (fresh4) ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "يستقبل المعرض زواره من الخامسة وحتى العاشرة من مساء الجمعة",  # hours of a part of the day
        "يبدأ العرض في الثامنة مساء",
        "تعاونت الشركة مع مزود الخدمة (كيهو360) في المشروع",  # a name's word glued to its digits
        "هذا معناه إحدى اثنتين: إما القبول أو الرفض",  # an idiom
    ],
)
def test_clock_hours_in_words_glued_names_and_one_of_two_are_not_figures(sentence):
    assert figures(sentence) == [], [(q.text, q.kind) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("أمضت القافلة الساعات الأولى من ليل الجمعة في الطريق", "ordinal"),  # a noun ranked, no hour
        ("اشترى المستثمر الأسهم بـ500 ريال", "money"),  # a prefix glued to the digits
        ("ارتفعت النسبة لـ29 في المائة", "percent"),
        ("صفر هو٠", "count"),
    ],
)
def test_ranks_and_prefixed_digits_stay_figures(sentence, kind):
    assert figures(sentence, kind)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("سجل سهم المصرف تداولات بقيمة 250 ألف دينار في بورصة البحرين", "BHD"),  # a cue later in its sentence
        ("دفع المشتري 500 دينار. ثم سافر إلى البحرين", "KWD"),  # a cue in the next sentence decides nothing
        ("في البحرين بلغت قيمة الصفقة 500 دينار", "BHD"),
    ],
)
def test_a_bare_currency_takes_a_country_cue_later_in_its_sentence_when_none_is_before(sentence, unit):
    assert only(sentence, "money").unit == unit


# --- classes revealed by the fifth blind draw (fresh5) -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ويأتي الهاتف «جالاكسي نوت 5» بشاشة أكبر",  # a model word between the brand and its number
        "طرحت الشركة جهاز «يوغا تابلت 2» الشهر الماضي",
        "طرحت الشركة هاتف آيفون 6 بلس",
        "ضبط المفتشون مخالفات للمادة 90 من النظام",  # a provision's number
        "وتنص الفقرة 3 على حق الاعتراض",
        "تمضي الشركة في تنفيذ استراتيجيتها 2025 بثبات",  # a strategy named by its year
        "تتميز سيارة «إف بي 7 جي» بمحرك جديد",  # letters after the digits
        "تطلق الشركة شبكة 5 جي العام المقبل",
        "وللنجاح شرطان: 1- الصبر على العمل",  # a list opened after a colon
    ],
)
def test_models_provisions_strategies_and_listed_items_are_not_figures(sentence):
    assert [q for q in figures(sentence) if q.kind != "date"] == [] and figures(sentence, "date") == [], [
        (q.text, q.kind) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("تقدم الشركة 5 خدمات جديدة", "count", 5),
        ("بلغت كمية المادة 90 طنا", "measure", 90),  # a unit after it: a figure
        ("حصل على 3 نقاط: 2 في الشوط الأول", "count", 2),  # no list mark after the number
    ],
)
def test_figures_near_model_provision_and_colon_words_stay_figures(sentence, kind, value):
    assert any(q.kind == kind and q.value == value for q in figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [("يمثل المشتركون نحو نسبة 35% من الأسر", "approx"), ("ارتفعت الصادرات بأكثر من نسبة 12%", "more_than")],
)
def test_a_hedge_before_the_word_that_leads_to_a_percent_qualifies_it(sentence, qualifier):
    assert only(sentence, "percent").qualifier == qualifier


def test_a_full_stop_typed_before_the_last_year_of_a_line_leaves_the_year():
    found = figures("انخفضت الوفيات إلى ستة ملايين من 12 مليونا في عام .1990")
    assert found[-1].kind == "date" and found[-1].value == "1990"
    assert only("بلغت النسبة .5 في المائة", "percent").value == Decimal("0.5")


# --- classes revealed by the sixth blind draw (fresh6) -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "صعد مؤشر نيكي 225 في ختام التعاملات",  # an index named with a number
        "انتشرت قوات اللواء ١٢ مشاة على الحدود",  # a military unit
        "اختتمت البارحة الأولى فعاليات المهرجان",  # the night before last
        "كان شاعرا غزير الإنتاج وقد ألف فيها ديوانين",  # the verb ألّف without its shadda
    ],
)
def test_index_and_unit_names_and_unmarked_idioms_are_not_figures(sentence):
    assert figures(sentence) == [], [(q.text, q.kind) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "unit"),
    [
        ("وفي سنة 850 للميلاد بنيت القلعة", "date", "0850", None),  # a year of any century before an era word
        ("بنيت القلعة سنة 1250 ميلادية", "date", "1250", None),
        ("ستنتج المصادر خلال الأعوام الـ10 القادمة", "duration", 10, "year"),  # the unit written before الـ
        ("تضاعف الإنتاج خلال السنوات الـ5 الماضية", "duration", 5, "year"),
        ("يشارك اللاعب في البطولة في دورتها الـ24", "ordinal", 24, None),  # an edition's rank
        ("بيعت اللوحة بما يزيد على 900 فرنك", "money", 900, "CHF"),
    ],
)
def test_era_years_durations_and_editions_written_before_the_digits(sentence, kind, value, unit):
    assert any((q.kind, q.value, q.unit) == (kind, value, unit) for q in figures(sentence)), [
        (q.text, q.kind, str(q.value), q.unit) for q in figures(sentence)]


def test_the_plural_before_al_with_digits_stays_a_count_for_other_nouns():
    assert [(q.kind, q.value) for q in figures("ارتفعت سبعة من الأسهم الـ12 في القطاع")] == [
        ("count", 7), ("count", 12)]


@pytest.mark.parametrize(
    ("sentence", "qualifiers"),
    [
        ("أسفر الحادث عن خمسة قتلى وأكثر من أربعين جريحا", ["exact", "more_than"]),  # the next figure's hedge
        ("قتل ثمانية أشخاص وأقل من 20 جريحا", ["exact", "less_than"]),
        ("شارك 50 شخصا أو أكثر", ["at_least"]),  # the hedge after the figure
    ],
)
def test_a_hedge_after_a_figure_that_opens_the_next_one_is_the_next_ones(sentence, qualifiers):
    assert [q.qualifier for q in figures(sentence)] == qualifiers


# --- classes revealed by the seventh blind draw (fresh7) ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "أقلعت الطائرة صباحا (7.15 ت غ) متجهة إلى لندن",  # hours and minutes joined by a point before a day part
        "يبدأ العرض 9.30 مساء في المسرح",
        "ينطلق المؤتمر في يوم 27 من الشهر المقبل",  # a day of an unnamed month
        "اشترى التجار البضائع بأثمان مرتفعة",  # a plural fraction alone is prices, not eighths
    ],
)
def test_dotted_clock_times_days_of_an_unnamed_month_and_lone_plural_fractions_are_not_figures(sentence):
    assert figures(sentence) == [], [(q.text, q.kind) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "unit", "qualifier"),
    [
        ("احتفل الشاعر الذي بلغ الـ 85 من العمر بديوانه الأخير", "duration", 85, "year", "exact"),  # an age
        ("صفقة أسلحة تفوق قيمتها 12 مليار دولار", "money", 12_000_000_000, "USD", "more_than"),  # present tense
        ("أكل الضيوف ثلاثة أثمان الكعكة", "fraction", Decimal("0.375"), None, "exact"),  # with its number
        ("بلغ السعر 3.50 دولار", "money", Decimal("3.5"), "USD", "exact"),  # a dotted amount, no day part
    ],
)
def test_ages_present_hedging_verbs_and_figures_near_those_classes(sentence, kind, value, unit, qualifier):
    assert any((q.kind, q.value, q.unit, q.qualifier) == (kind, value, unit, qualifier) for q in figures(sentence)), [
        (q.text, q.kind, str(q.value), q.unit, q.qualifier) for q in figures(sentence)]


# --- classes revealed by the last draw (fresh8) ------------------------------------------------------


def test_a_four_digit_clock_time_after_the_hour_word_is_no_figure():
    assert figures("تراجع الذهب حتى الساعة 1130 بتوقيت جرينتش", "count") == []


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("فترة الحصار تجاوزت الـ6 أشهر", "more_than"),
        ("قتل أكثر من الـ15 جنديا", "more_than"),
        ("قتل الـ15 جنديا", "exact"),
    ],
)
def test_a_hedge_reaches_across_the_article_glued_to_the_digits(sentence, qualifier):
    assert figures(sentence)[0].qualifier == qualifier


# --- "مرة/مرات": occurrences are counts, only a comparison makes a ratio --------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("ورد اسم المدينة في الرواية أكثر من 30 مرة", 30, "more_than"),
        ("أعادت الصحيفة نشر الخبر 6 مرات خلال أسبوع", 6, "exact"),
        ("حصل النادي على الكأس سبع مرات سابقة", 7, "exact"),
        ("توج المنتخب باللقب القاري 4 مرات", 4, "exact"),
        ("زار الوزير المحافظة مرتين هذا العام", 2, "exact"),
        ("تم تأجيل الجلسة ثلاث مرات متتالية", 3, "exact"),
    ],
)
def test_times_counting_occurrences_is_a_count_of_the_noun(sentence, value, qualifier):
    figure = only(sentence)
    assert (figure.kind, figure.value, figure.unit, figure.qualifier) == ("count", value, None, qualifier)
    assert figure.extras["noun"] in {"مرة", "مرات", "مرتين"}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("المجرة الجديدة أكبر بـ3 مرات من مجرتنا", 3),
        ("الشريحة الجديدة أسرع 10 مرات من سابقتها", 10),
        ("يستهلك الجهاز طاقة 5 مرات أقل من المصابيح القديمة", 5),
        ("تضاعف عدد المشتركين 4 مرات منذ الإطلاق", 4),
        ("زادت صادرات القمح 3 مرات خلال عقد", 3),
        ("انخفضت تكلفة الألواح الشمسية بنحو 8 مرات", 8),
        ("يفوق الإنتاج المحلي خمس مرات حاجة السوق", 5),
        ("يتداول السهم عند مكرر ربحية يبلغ 14 مرة", 14),
        ("تراوحت مضاعفات القطاع حول 9.5 مرة", 9.5),  # a fractional number of times is a ratio
        ("أصبح المبنى أعلى مرتين من جاره", 2),
        ("ارتفعت قيمة العقار ثلاثة أضعاف", 3),  # أضعاف is always a ratio
        ("نما حجم البيانات 3x في عامين", 3),
    ],
)
def test_times_in_a_comparison_stays_a_multiplier(sentence, value):
    figure = only(sentence, "multiplier")
    assert (figure.value, figure.unit) == (Decimal(str(value)), "times")


@pytest.mark.parametrize("word", sorted(read_words("comparison_words.txt")))
def test_every_comparison_word_of_the_data_makes_times_a_ratio(word):
    assert only(f"كان الرقم {word} 6 مرات في التقرير", "multiplier").value == 6
    assert only(f"ذكر التقرير 6 مرات {word} من ذلك", "multiplier").value == 6


def test_a_comparison_in_another_clause_does_not_make_times_a_ratio():
    assert only("ارتفعت الأسعار، وزار الوفد المصنع 5 مرات").kind == "count"


# --- ranges of measures and durations with the unit on both ends, and across units of one family -------


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "low", "high"),
    [
        ("يتراوح عمق المياه من نصف متر إلى متر ونصف", "measure", "m", "0.5", "1.5"),
        ("يبلغ طول السمكة من متر إلى متر ونصف", "measure", "m", "1", "1.5"),
        ("يبلغ وزن الصندوق من كيلو إلى كيلوين", "measure", "kg", "1", "2"),
        ("يبلغ ارتفاع الشتلة من متر إلى مترين", "measure", "m", "1", "2"),
        ("يحتاج الطفل من لتر إلى لترين يوميا", "measure", "l", "1", "2"),
        ("يتراوح سمك الجليد من ثلاثة أمتار إلى خمسة أمتار", "measure", "m", "3", "5"),
        ("تستغرق الرحلة من ساعة إلى ساعتين", "duration", "hour", "1", "2"),
        ("تستمر الحملة من يومين إلى ثلاثة أيام", "duration", "day", "2", "3"),
    ],
)
def test_a_measure_or_duration_range_with_its_unit_on_both_ends_is_one_range(sentence, kind, unit, low, high):
    figure = only(sentence)
    assert (figure.kind, figure.unit, figure.qualifier) == (kind, unit, "range")
    assert (figure.extras["low"], figure.extras["high"]) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    ("sentence", "kind", "unit", "low", "high"),
    [
        ("يستغرق إصدار التصريح من أسبوع إلى عشرة أيام", "duration", "day", "7", "10"),
        ("تدوم العملية من ساعة إلى 90 دقيقة", "duration", "minute", "60", "90"),
        ("يبقى المريض من أسبوعين إلى 20 يوما في المستشفى", "duration", "day", "14", "20"),
        ("يستمر العقد من عام إلى 18 شهرا", "duration", "month", "12", "18"),
        ("تزن الحقيبة من كيلوغرامين إلى 2500 غرام", "measure", "g", "2000", "2500"),
        ("يصل عمق الحفرة من متر إلى 150 سنتيمترا", "measure", "cm", "100", "150"),
    ],
)
def test_a_range_across_units_of_one_family_is_read_in_the_high_ends_unit(sentence, kind, unit, low, high):
    figure = only(sentence)
    assert (figure.kind, figure.unit, figure.qualifier) == (kind, unit, "range")
    assert (figure.extras["low"], figure.extras["high"]) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "sentence",
    [
        "يستغرق العلاج من شهر إلى 45 يوما",  # a month is no whole number of days
        "ارتفع منسوب النهر من متر إلى مترين",  # a change, not a range
        "زاد طول الجسر من ثلاثة كيلومترات إلى خمسة كيلومترات",
        "رفعت البلدية قدرة محطات التحلية في المدن الثلاث من 40 ألف متر مكعب إلى 90 ألف متر مكعب",  # digits: a change
    ],
)
def test_no_exact_conversion_or_a_change_keeps_two_figures(sentence):
    assert len(figures(sentence)) == 2
    assert all(q.qualifier != "range" for q in figures(sentence))


@pytest.mark.parametrize(
    "row", [row for row in read_raw_rows("unit_families.tsv") if len(row) > 2 and row[1] in ("time", "calendar")]
)
def test_every_duration_unit_with_a_size_is_converted_in_a_range(row):
    unit, size = row[0], Decimal(row[2])
    words = {k: v for k, v in LEX.units.items() if v[:2] == ("duration", unit) and v[2] is None and k.isalpha()}
    assert words, unit
    base = min(Decimal(r[2]) for r in read_raw_rows("unit_families.tsv") if len(r) > 2 and r[1] == row[1])
    if size == base:
        return
    smallest = next(r[0] for r in read_raw_rows("unit_families.tsv") if len(r) > 2 and r[1] == row[1]
                    and Decimal(r[2]) == base)
    high_word = {"second": "ثانية", "month": "شهرا"}[smallest]
    low_word = sorted(words)[0]
    figure = only(f"يستغرق الأمر من {low_word} إلى 9999999 {high_word}")
    assert figure.extras["low"] == size / base and figure.unit == smallest


# --- "يصل/تصل إلى": up to after a cap noun or a modal, otherwise the level reached -------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "يعاقب المخالف بغرامة تصل إلى 10 آلاف ريال",
        "ويواجه المتهم السجن مدة تصل إلى 7 سنوات",
        "أعلنت المتاجر خصومات تصل إلى 60% على الملابس",
        "يمنح البنك تمويلا يصل إلى مليوني ريال للمشروعات الصغيرة",
        "افتتح الملعب بسعة تصل إلى 45 ألف متفرج",
        "قد تصل درجات الحرارة إلى 48 درجة مئوية",
        "وقد تصل الخسائر إلى 3 مليارات دولار",
        "يمكن أن يصل عدد الزوار إلى مليون زائر",
        "تصل مدتها إلى 90 يوما قابلة للتجديد",  # the cap noun as the verb's subject, with its pronoun
        "أقرت الحكومة حزمة تصل قيمتها إلى 20 مليار دولار",
    ],
)
def test_reaching_after_a_cap_noun_or_a_modal_is_up_to(sentence):
    assert only(sentence).qualifier == "at_most"


@pytest.mark.parametrize(
    "sentence",
    [
        "ويصل طول النفق إلى 12 كيلومترا",
        "ويصل طوله إلى 12 كيلومترا عند اكتماله",
        "سجل المؤشر خسائر تصل قيمتها إلى 95 نقطة",
        "وقال إن عدد الطلاب يصل إلى 2400 طالب",
        "الذي كان يصل إلى 30 ريالا قبل الأزمة",
        "ومن المتوقع أن يصل الإنفاق إلى 40 مليار دولار",
        "حيث يصل إلى 35% من حصة السوق",
    ],
)
def test_reaching_without_a_cap_is_the_level_reached(sentence):
    assert only(sentence).qualifier == "exact"


@pytest.mark.parametrize("phrase", ["لا يصل إلى", "لا تصل إلى", "لم يصل إلى", "لم تصل إلى"])
def test_not_reaching_a_figure_is_below_it(phrase):
    assert only(f"قال إن المبلغ المدفوع {phrase} 5% من التكلفة").qualifier == "less_than"


@pytest.mark.parametrize("noun", sorted(read_words("cap_nouns.txt")))
def test_every_cap_noun_of_the_data_makes_reaching_up_to(noun):
    assert only(f"أعلنت الجهة {noun} تصل إلى 500 ريال").qualifier == "at_most"
    assert only(f"أعلنت الجهة أن {noun} يصل إلى 500 ريال").qualifier == "at_most"


@pytest.mark.parametrize("modal", sorted(LEX.cues["modal"]))
def test_every_modal_of_the_data_makes_reaching_up_to(modal):
    assert only(f"وقال إن المبلغ {modal} يصل إلى 500 ريال").qualifier == "at_most"


# --- a currency written once in the sentence, at another scale, for amounts after a money noun ---------


@pytest.mark.parametrize(
    ("sentence", "values", "unit"),
    [
        ("خفض المستثمرون صافي مشترياتهم ومبيعاتهم من 210.5 مليون إلى 95 مليونا، بعد أن ضخوا 2.4 مليار ريال",
         [210500000, 95000000, 2400000000], "SAR"),
        ("بلغت إيرادات المجموعة 640 مليونا، فيما بلغ صافي ربحها 1.7 مليار درهم", [640000000, 1700000000], "AED"),
        ("ارتفعت تكلفة المشروع إلى 900 ألف، وتجاوزت ميزانية البلدية 2 مليون دينار كويتي",
         [900000, 2000000], "KWD"),
        ("زاد رأس المال إلى 750 مليونا بعد أن جمعت الشركة 3 مليارات جنيه", [750000000, 3000000000], "EGP"),
    ],
)
def test_bare_amounts_after_a_money_noun_take_the_one_currency_of_their_sentence(sentence, values, unit):
    money_figures = figures(sentence, "money")
    assert [q.value for q in money_figures] == [Decimal(v) for v in values]
    assert {q.unit for q in money_figures} == {unit}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("بلغ عدد الزوار 3 ملايين، وأنفقوا 5 مليارات ريال", 3000000),  # a count word
        ("زار المعرض 2 مليون شخص، وبلغت المبيعات 300 مليون ريال", 2000000),  # a counted noun
        ("يعيش 1.5 مليون في المدينة التي تبلغ ميزانيتها 10 مليارات ريال", 1500000),  # no money noun before it
        ("بلغت المبيعات 40 مليونا، وصرفت 2 مليار دولار و3 مليارات يورو", 40000000),  # two currencies
        ("بلغت الأرباح 20 مليونا بنمو 15% عن العام الماضي بعد إنفاق مليار ريال", 20000000),  # a percent between
        ("بلغت الإيرادات 80 مليونا. وفي العام التالي استثمرت الشركة مليار ريال", 80000000),  # another sentence
    ],
)
def test_amounts_that_are_not_plausibly_money_stay_counts(sentence, value):
    assert [q.kind for q in figures(sentence) if q.value == value] == ["count"]


@pytest.mark.parametrize("noun", sorted(read_words("money_nouns.txt")))
def test_every_money_noun_of_the_data_lends_the_sentences_currency(noun):
    found = figures(f"قال التقرير إن {noun} بلغ 70 مليونا مقابل استثمارات بلغت 2 مليار ريال")
    assert [(q.kind, q.value, q.unit) for q in found][0] == ("money", 70000000, "SAR")
    assert [q.kind for q in figures("قال التقرير إن الزوار بلغوا 70 مليونا مع إنفاق 2 مليار ريال")][0] == "count"


# --- issue 9: ordinal days with a prefix letter, days named after their month, definite tens as cardinals,
# --- "الـN" after an event's name -------------------------------------------------------------------------

def _days(sentence):
    """The dates of the sentence that name a day ("--08-25", "2016-08-10")."""
    return [q.value for q in figures(sentence, "date") if re.search(r"-\d\d-\d\d\Z", q.value)]


_DAY_ORDINALS = [(row[0], int(row[1])) for row in read_raw_rows("ordinals.tsv") if not row[0].endswith(("ة", "ى"))]


def _prefixed(word):
    """The ordinal day `word` with every prefix a date takes: و ف ب, the article after ل ("للثالث"), و+ب, و+ل."""
    lam = "ل" + word[1:]  # ل before the article drops its alef
    return [word, "و" + word, "ف" + word, "ب" + word, "وب" + word, lam, "و" + lam, "ف" + lam]


@pytest.mark.parametrize(("word", "day"), _DAY_ORDINALS)
@pytest.mark.parametrize("of", ["من ", ""])
def test_an_ordinal_day_with_a_prefix_letter_is_the_day_of_its_date(word, day, of):
    for written in _prefixed(word):
        sentence = f"وقعت الاتفاقية يوم الخميس الموافق {written} {of}مارس 2014 في الرياض"
        dates = [q for q in figures(sentence) if q.kind == "date"]
        assert [q.value for q in dates] == [f"2014-03-{day:02d}"], (sentence, [(q.text, q.value) for q in dates])
        assert dates[0].text.startswith(written.lstrip("وفب")), dates[0].text


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("أغلق السهم يوم الثلاثاء الموافق للثالث من أغسطس 2015 على ارتفاع", "2015-08-03"),
        ("وتبدأ الإجازة بالحادي والعشرين من ديسمبر", "--12-21"),
        ("وصل الوفد الرسمي للخامس عشر من يناير 2016", "2016-01-15"),  # a prefix: no adjective of the noun
        ("وتقام الانتخابات في الخميس الثاني من مايو", "--05-02"),
    ],
)
def test_prefixed_and_weekday_ordinal_days_in_sentences(sentence, value):
    assert only(sentence, "date").value == value


@pytest.mark.parametrize("sentence", ["عند الانتقال من مدينة للثانية", "وانتقل من الفقرة الأولى للثالثة"])
def test_an_ordinal_after_lam_is_read_only_as_the_day_of_a_date(sentence):
    assert [q.text for q in figures(sentence) if q.text.startswith("لل")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "شارك الوفد الثالث من مصر في الاجتماع",  # no month after it
        "وصل الوفد الثالث من أغسطس الماضي",  # a definite noun ranked, no prefix: the third delegation
        "هذا هو الأسبوع الثاني من مارس",
    ],
)
def test_an_ordinal_that_ranks_the_noun_before_it_is_no_day(sentence):
    assert [q.kind for q in figures(sentence) if q.text.endswith(("الثالث", "الثاني"))] == ["ordinal"]
    assert not any(re.search(r"-\d\d-\d\d$", q.value) for q in figures(sentence, "date")), [
        (q.text, q.value) for q in figures(sentence, "date")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("ستشهد البلاد نهاية شهر أغسطس الجاري وبالتحديد في اليوم الخامس والعشرين انطلاق الانتخابات", "--08-25"),
        ("تقام البطولة في شهر أغسطس، في اليوم الخامس والعشرين منه", "--08-25"),
        ("تقام البطولة في أغسطس 2016، في اليوم العاشر منه", "2016-08-10"),
        ("يبدأ الموسم في مارس المقبل، وتحديدا اليوم الأول", "--03-01"),
        ("في شهر مايو ، وفي اليوم الحادي والثلاثين من الشهر", "--05-31"),
    ],
)
def test_an_ordinal_day_after_its_month_in_the_clause_is_a_date(sentence, value):
    assert _days(sentence) == [value], [(q.text, q.value) for q in figures(sentence)]
    assert figures(sentence, "ordinal") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "دخل العمال اليوم الخامس والعشرين من الإضراب",  # no month
        "في مارس دخل العمال اليوم الخامس والعشرين من الإضراب",  # of something else
        "في مارس 2015 بدأت الاحتجاجات التي استمرت طويلا حتى اليوم الثالث",  # too far from the month
        "في مارس. وفي اليوم الثالث وصلوا",  # another sentence
        "في شهر مايو ، وفي اليوم العاشر من يونيو",  # its own month
    ],
)
def test_a_day_ordinal_without_its_month_just_before_is_no_date_of_that_month(sentence):
    days = _days(sentence)
    assert days == (["--06-10"] if "يونيو" in sentence else []), [(q.text, q.value) for q in figures(sentence)]


_TENS = [(row[0], int(row[1])) for row in read_raw_rows("ordinal_words.tsv") if row[2] == "tens"]
_COMPARISONS = [("تتجاوز", "more_than"), ("فوق", "more_than"), ("دون", "less_than"), ("أكثر من", "more_than"),
                ("نحو", "approx"), ("تجاوز", "more_than")]


@pytest.mark.parametrize(("word", "value"), _TENS)
@pytest.mark.parametrize(("comparison", "qualifier"), _COMPARISONS)
def test_a_definite_tens_word_after_a_comparison_word_is_a_cardinal(word, value, comparison, qualifier):
    quantity = only(f"ويبلغ عدد أفراد هذه الفئة ({comparison} {word}) حسب الدراسة")
    assert (quantity.kind, quantity.value, quantity.qualifier) == ("count", value, qualifier)


@pytest.mark.parametrize(("word", "value"), _TENS)
@pytest.mark.parametrize("age", ["من العمر", "من عمره", "من عمرها"])
def test_a_definite_tens_word_before_an_age_word_is_an_age(word, value, age):
    quantity = only(f"توفي الشاعر وهو في {word} {age} بعد مرض")
    assert (quantity.kind, quantity.value, quantity.unit, quantity.qualifier) == ("duration", value, "year", "exact")


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("انطلقت الدورة العشرين للمهرجان أمس", "ordinal", 20),  # no comparison word: the rank
        ("احتفلت الجامعة بالذكرى الثلاثين لتأسيسها", "ordinal", 30),
        ("وهو لاعب تجاوز الأربعين من العمر", "duration", 40),
        ("وتوفيت وهي في الخامسة عشرة من عمرها", "duration", 15),  # any ordinal before an age word
        ("قبض على مواطن في العقد الثالث من عمره", "ordinal", 3),  # after a noun it ranks the noun: a decade
        ("وهو شاب في العقد الرابع من العمر", "ordinal", 4),
    ],
)
def test_definite_tens_without_a_comparison_stay_ordinals(sentence, kind, value):
    quantity = only(sentence)
    assert (quantity.kind, quantity.value) == (kind, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("شارك في مؤتمر الاتحاد البريدي العالمي الـ25 المنعقد في الدوحة", 25),
        ("أقيمت الدورة الـ24 للبطولة في جدة", 24),
        ("تحتفل المملكة بالذكرى الـ85 لتأسيسها", 85),
        ("افتتح المعرض الدولي للكتاب الـ30 أمس", 30),
        ("انطلقت القمة العربية الـ26 في القاهرة", 26),
        ("وفي ختام البطولة الآسيوية الـ17 للناشئين", 17),
        ("اختتم الصندوق اجتماعه في دورته الـ 36 أمس", 36),  # the article typed apart from the digits
        ("ودشن فعاليات الملتقى الصيفي الـ 13 وذلك بمقر المركز", 13),
    ],
)
def test_al_and_digits_after_an_event_or_edition_name_is_its_rank(sentence, value):
    quantity = only(sentence)
    assert (quantity.kind, quantity.value) == ("ordinal", value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("اجتمع وزراء خارجية الدول الـ28 في بروكسل", 28),  # no event word: the 28 states
        ("انضم اللاعبون الـ23 إلى المعسكر", 23),
        ("ونظم مهرجان الزهور الـ15 زائرا", 15),  # an indefinite counted noun after it
    ],
)
def test_al_and_digits_after_other_nouns_stay_counts(sentence, value):
    quantity = only(sentence)
    assert (quantity.kind, quantity.value) == ("count", value)


@pytest.mark.parametrize(
    ("amount", "value", "precision", "scale"),
    [
        # the precision of a compound is that of its last part read alone ("500 ألف" → 1E+3, as "750 ألف");
        # its scale is the first part's, the scale of the amount
        ("3 ملايين و500 ألف", "3500000", "1E+3", "1E+6"),
        ("مليار و200 مليون", "1200000000", "1E+6", "1E+9"),
        ("5 آلاف و300", "5300", "1", "1E+3"),
        ("2.5 مليار و300 مليون", "2800000000", "1E+6", "1E+9"),
        ("ثلاثة ملايين وخمسمائة ألف", "3500000", "1E+5", "1E+6"),  # words: the place of the last non-zero digit
        ("3 ملايين وخمسمائة ألف", "3500000", "1E+5", "1E+6"),
        ("مليون وألف", "1001000", "1E+3", "1E+6"),
        ("مليونين و500 ألف", "2500000", "1E+3", "1E+3"),  # a dual records no scale: the later part's
    ],
)
def test_a_compound_amount_has_the_precision_of_its_last_part_and_the_scale_of_its_first(
        amount, value, precision, scale):
    quantity = only(f"بلغت قيمة الصفقة {amount} ريال في العام الماضي", "money")
    assert quantity.value == Decimal(value)
    assert quantity.precision == Decimal(precision)
    assert quantity.extras["scale"] == Decimal(scale)


@pytest.mark.parametrize(
    ("amount", "precision"),
    [("500 ألف", "1E+3"), ("3 ملايين", "1E+6"), ("1.5 مليار", "1E+8"), ("ثلاثة ملايين ونصف", "1E+5")],
)
def test_a_single_scaled_amount_keeps_the_step_of_its_last_written_digit(amount, precision):
    assert only(f"بلغت قيمة الصفقة {amount} ريال", "money").precision == Decimal(precision)


_PLACES = sorted(read_words("place_names.txt"))


@pytest.mark.parametrize("place", ["القاهرة", "الجيزة", "حلوان", "الشيخ زايد", "المطرية", "الفيوم"])
@pytest.mark.parametrize(
    "frame",
    [
        "وقعت اشتباكات في {place} و6 أكتوبر مساء أمس",
        "انتشرت قوات الأمن في 6 أكتوبر و{place}",
        "يسكن في {place} أو 15 مايو منذ سنوات",
        "وتشمل المرحلة محافظتي {place} و10 رمضان",
    ],
)
def test_a_day_and_month_in_a_list_of_places_is_a_place(place, frame):
    sentence = frame.format(place=place)
    assert figures(sentence, "date") == [], [(q.text, q.value) for q in figures(sentence)]


def test_every_place_name_is_read_in_a_list():
    assert len(_PLACES) >= 20
    for place in _PLACES:
        sentence = f"وقعت اشتباكات في {place} و6 أكتوبر"
        assert figures(sentence, "date") == [], place


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("القاهرة، 6 أكتوبر (رويترز) - قال مسؤول إن", "--10-06"),  # a dateline: a comma is no list
        ("وصل الرئيس إلى القاهرة في 6 أكتوبر", "--10-06"),
        ("احتفلت مصر في 6 أكتوبر بذكرى الحرب", "--10-06"),
        ("زار القاهرة و6 أكتوبر 2015 كان موعد الزيارة", "2015-10-06"),  # a year: a date
        ("اجتمعوا في الرياض و6 أكتوبر موعد القمة", "--10-06"),  # a city not in place_names.txt
    ],
)
def test_a_day_and_month_beside_a_place_but_not_listed_with_it_stays_a_date(sentence, value):
    assert [q.value for q in figures(sentence, "date")] == [value]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("وتفاجأت السيدة التي تعدت التاسعة والتسعين من العمر بالرسالة", "more_than"),
        ("وقد تعدت خسائر الشركة 5 ملايين ريال", "more_than"),
        ("وتعدى عدد الزوار 300 ألف زائر", "more_than"),
        ("سجلت المدينة عددا يتعدى 30 حالة", "more_than"),
        ("بعدد لا يتعدى 30 طالبا", "at_most"),
        ("لم يتعد عدد الطلاب 30 طالبا", "at_most"),
    ],
)
def test_the_verb_taada_exceeded_is_a_hedge_like_tajawaza(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


# --- classes revealed by the blind audit (blind1) ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("تولى الرجل رئاسة النادي منذ عام 1998 وحتى 2006", "1998", "2006"),  # the lead inside the year's cue
        ("عمل مراسلا في القاهرة منذ 2009 حتى 2013", "2009", "2013"),
        ("ومنذ عام 2011 وحتى 2015 تضاعفت الصادرات", "2011", "2015"),
        ("من عام 2010 حتى 2015", "2010", "2015"),  # as before
    ],
)
def test_a_bare_year_after_until_closes_a_period_opened_by_since(sentence, low, high):
    period = only(sentence, "date")
    assert (period.qualifier, period.extras["low"], period.extras["high"]) == ("range", low, high)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("وقع اللاعب على تجديد عقده مع النادي وحتى 2019", "2019"),
        ("تستمر أعمال التطوير في الموقع حتى 2030", "2030"),
        ("تبقى الرسوم الحالية سارية حتى 2021.", "2021"),
        ("سيبقى المدرب مع الفريق لغاية 2018", "2018"),
        ("تمتد الاتفاقية إلى غاية 2025", "2025"),
        ("يبقى القرار نافذا حتى مارس 2022", "2022-03"),  # a month and its year: a date as before
    ],
)
def test_a_year_after_until_with_nothing_counted_is_a_date_not_an_at_most_count(sentence, year):
    date = only(sentence, "date")
    assert (date.value, date.qualifier) == (year, "exact")
    assert figures(sentence, "count") == []


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "unit"),
    [
        ("يتسع المسرح حتى 2000 شخص", "count", 2000, None),  # a counted noun after it: a count
        ("قد تصل الغرامة حتى 5000 ريال", "money", 5000, "SAR"),  # a currency after it: money
        ("استقبل المعرض حتى 1950 زائرا في يوم واحد", "count", 1950, None),
    ],
)
def test_a_four_digit_figure_after_until_with_a_noun_or_unit_stays_an_at_most_amount(sentence, kind, value, unit):
    found = only(sentence, kind)
    assert (found.value, found.unit, found.qualifier) == (value, unit, "at_most")
    assert figures(sentence, "date") == []


def test_until_between_two_figures_still_joins_them_as_a_range():
    found = only("تتراوح الأسعار في السوق من 1500 حتى 2500")
    assert (found.kind, found.qualifier, found.extras["low"], found.extras["high"]) == ("count", "range", 1500, 2500)


@pytest.mark.parametrize(
    "sentence",
    [
        "تأهل المنتخب إلى نصف نهائي البطولة العربية",
        "ودع الفريق البطولة من الدور نصف النهائي",
        "يلتقي الفائزان بنصف النهائي الأسبوع المقبل",
        "بلغ الفريقان نصف نهائيات الكأس",
        "خسر الفريق في ربع النهائي أمام منافسه",
        "والدور ربع النهائي يقام في جدة",
        "تأهل النادي إلى ثمن نهائي دوري الأبطال",
        "تأهل الفريق إلى دور الـ16 بعد فوزه على ضيفه",
        "وتأهل للدور الـ16 من البطولة",
        "خرج الفريق من دور الـ32 لكأس الملك",
        "وصل المنتخب إلى دور الـ8 لكأس آسيا",
        "بالدور الـ 16 من المسابقة",
        "تأهل الفريق إلى دور الستة عشر",
        "تأهل الفريق إلى دور الثمانية",
    ],
)
def test_competition_stages_named_by_a_fraction_or_a_number_are_not_figures(sentence):
    assert figures(sentence) == [], [(q.text, q.kind, str(q.value)) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("حصل الفريق على نصف النقاط في الدور الأول", "fraction", Decimal("0.5")),  # a half of something: a figure
        ("أنفق ربع الميزانية على التدريب", "fraction", Decimal("0.25")),
        ("تأهل 16 فريقا إلى الدور الثاني", "count", 16),
        ("سجل الفريق في نصف النهائي 12 هدفا", "count", 12),  # a figure after the stage's name
    ],
)
def test_fractions_and_counts_near_stage_names_stay_figures(sentence, kind, value):
    assert only(sentence, kind).value == value


@pytest.mark.parametrize("phrase", sorted(p for p in read_words("idioms.txt") if "نهاي" in p or "دور" in p))
def test_every_stage_idiom_of_the_data_reserves_its_number_word(phrase):
    assert figures(f"تأهل الفريق إلى {phrase} للمرة الثانية", "fraction") == []
    assert figures(f"تأهل الفريق إلى {phrase} للمرة الثانية", "count") == []


@pytest.mark.parametrize(
    ("sentence", "seconds", "qualifier"),
    [
        ("سجل السباح زمنا قدره 1.54.75 دقيقة", Decimal("114.75"), "exact"),  # minutes, seconds, hundredths
        ("فاز العداء بعد أن قطع المسافة في 3:41:08 دقيقة", Decimal("221.08"), "exact"),
        ("أنهى العداء سباق الماراثون في 2:03:45 ساعة", Decimal("7425"), "exact"),  # hours, minutes, seconds
        ("أنهى الدراج المرحلة في 4.12.30 ساعات", Decimal("15150"), "exact"),
        ("قطع المسافة في نحو 1:02:5 دقيقة", Decimal("62.5"), "approx"),
    ],
)
def test_a_time_in_parts_before_its_unit_is_one_duration_in_seconds(sentence, seconds, qualifier):
    found = only(sentence)
    assert (found.kind, found.value, found.unit, found.qualifier) == ("duration", seconds, "second", qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "سجل العداء 12.34.56 ثانية",  # a unit below the minute: the parts cannot be read
        "أنهى السباق في 2.03.75 ساعة",  # 75 cannot be seconds after hours
    ],
)
def test_a_time_in_parts_that_does_not_fit_its_unit_is_no_figure_and_its_last_part_is_not_read_alone(sentence):
    assert figures(sentence) == [], [(q.text, q.kind, str(q.value)) for q in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("استغرقت الرحلة 1.5 ساعة", Decimal("1.5"), "hour"),  # one separator: a decimal, as before
        ("قطع المسافة في 1.54 دقيقة", Decimal("1.54"), "minute"),
    ],
)
def test_a_time_with_one_separator_stays_a_count_of_its_written_unit(sentence, value, unit):
    found = only(sentence, "duration")
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("على ألا تقل حصة الشركات المحلية في المشروع عن 30%", "at_least"),  # subject and a preposition phrase
        ("ويشترط ألا يقل عمر المتقدم للوظيفة عن 21 عاما", "at_least"),
        ("لن تقل أرباح البنك في العام المقبل عن 5 مليارات ريال", "at_least"),
        ("تقل نسبة الإنفاق على البحث العلمي عن 1% من الناتج", "less_than"),  # no negation
        ("تقل درجات الحرارة في المناطق الشمالية عن 5 درجات", "less_than"),
        ("تزيد مساحة المشروع في شمال المدينة على 500 ألف متر مربع", "more_than"),
        ("يزيد عدد سكان المدينة عن مليوني نسمة", "more_than"),
        ("لا تزيد نسبة البطالة في المدن الكبرى عن 4%", "at_most"),
        ("لم تزد قيمة الصادرات خلال الربع عن 3 مليارات دولار", "at_most"),
        ("تتجاوز قيمة الصفقة 8 ملايين دولار", "more_than"),  # the present tense of a hedging verb
        ("لن يتجاوز سعر البرميل 90 دولارا", "at_most"),
    ],
)
def test_a_comparing_verb_reaches_its_figure_across_its_subject_and_its_preposition(sentence, qualifier):
    assert figures(sentence)[-1].qualifier == qualifier, [(q.text, q.qualifier) for q in figures(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "تقل نسبة البطالة في المدن الكبرى والصغيرة خلال هذا العام عن 5%",  # a subject of seven words: too far
        "تقل نسبة البطالة، في المدن، عن 5%",  # punctuation between the verb and the figure
        "تقل نسبة البطالة في 3 مدن عن 5%",  # another figure between
        "تزيد الحكومة من الضغط على 5 شركات",  # "تزيد من": increases, no comparison
        "تحدث الوزير في المؤتمر عن 5 مشاريع",  # no comparing verb
    ],
)
def test_a_comparing_verb_too_far_or_past_another_figure_leaves_the_figure_exact(sentence):
    assert figures(sentence)[-1].qualifier == "exact", [(q.text, q.qualifier) for q in figures(sentence)]


@pytest.mark.parametrize(
    "phrase", sorted(p for p, w in ((r[0], r[2]) for r in read_raw_rows("hedges.tsv")) if w == "governs"))
def test_every_governing_verb_of_the_data_reaches_across_a_subject_of_five_words(phrase):
    *verb, preposition = phrase.split()
    qualifier = LEX.hedge_governing_verbs[normalize(phrase)]
    sentence = f"{' '.join(verb)} قيمة الاستثمار في القطاع الصناعي {preposition} 40 مليون دولار"
    assert only(sentence, "money").qualifier == qualifier


# --- an amount written in digits and restated in words (one of them in brackets) is one figure -------------


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"),
    [
        ("قضت المحكمة بغرامة قدرها (300) ثلاثمائة ريال", "(300) ثلاثمائة ريال", "money", "300", "SAR"),
        ("وفرضت البلدية غرامة قدرها 700 (سبعمائة) ريال على كل محل", "700 (سبعمائة) ريال", "money", "700", "SAR"),
        ("وصرف الصندوق مكافأة (20.000) عشرين ألف ريال", "(20.000) عشرين ألف ريال", "money", "20000", "SAR"),
        ("وحكم عليه بالسجن مدة (4) أربع سنوات", "(4) أربع سنوات", "duration", "4", "year"),
        ("وشارك في الحملة 250 متطوعا (مائتان وخمسون)", "250 متطوعا (مائتان وخمسون)", "count", "250", None),
        ("وحددت اللائحة نسبة (10%) عشرة في المئة للغرامة", "(10%) عشرة في المئة", "percent", "10", "%"),
    ],
)
def test_an_amount_restated_in_words_is_one_figure(sentence, text, kind, value, unit):
    found = only(sentence)
    assert (found.text, found.kind, found.value, found.unit) == (text, kind, Decimal(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "ودفع 400 (خمسمائة) ريال بعد الخصم",  # two different amounts: no restatement
        "ودفع 12 ريالا أمس ثم خمسة عشر ريالا اليوم",  # no bracket: two figures
        "وبيع في عام 2014 (ثلاثة آلاف) جهاز",  # a year and a count
    ],
)
def test_different_amounts_side_by_side_stay_two_figures(sentence):
    assert len(figures(sentence)) == 2, [(q.text, q.kind, str(q.value)) for q in figures(sentence)]
