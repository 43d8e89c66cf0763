"""Quantities read the way an Arabic editor reads figures (sentences written for these tests)."""

from decimal import Decimal

import pytest

from claims.extraction import extract
from claims.extraction.lexicon import lexicon

LEX = lexicon()


def only(text, kind=None):
    quantities = [q for q in extract(text).quantities if kind is None or q.kind == kind]
    assert len(quantities) == 1, [q.text for q in extract(text).quantities]
    return quantities[0]


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit", "precision"),
    [
        ("بلغت تكلفة التدريب 558 مليون دولار أمريكي فقط", "558 مليون دولار أمريكي", "558000000", "USD", "1E+6"),
        ("يقدر حجم السوق بنحو 1.3 تريليون دولار", "1.3 تريليون دولار", "1300000000000", "USD", "1E+11"),
        ("جمعت الشركة ١٠٫٢ مليون يورو في جولتها الأولى", "١٠٫٢ مليون يورو", "10200000", "EUR", "1E+5"),
        ("وقعت الحكومة عقدا بقيمة 750 ألف ريال سعودي", "750 ألف ريال سعودي", "750000", "SAR", "1E+3"),
        ("ارتفعت الصادرات إلى 40 مليار درهم إماراتي", "40 مليار درهم إماراتي", "40000000000", "AED", "1E+9"),
        ("بلغت الميزانية 12 مليار جنيه مصري", "12 مليار جنيه مصري", "12000000000", "EGP", "1E+9"),
        ("سعر السهم 300 جنيه إسترليني", "300 جنيه إسترليني", "300", "GBP", "1"),
        ("استثمرت بكين 50 مليار يوان في الرقائق", "50 مليار يوان", "50000000000", "CNY", "1E+9"),
        ("جمعت الشركة الناشئة $5.58M من المستثمرين", "$5.58M", "5580000", "USD", "1E+4"),
        ("خصصت الحكومة مئة وخمسين ألف دولار للمشروع", "مئة وخمسين ألف دولار", "150000", "USD", None),
        ("بلغ الإنفاق 100,000 دولار", "100,000 دولار", "100000", "USD", "1"),
        ("أنفقت الشركة 2٬500٬000 يورو", "2٬500٬000 يورو", "2500000", "EUR", "1"),
    ],
)
def test_it_reads_scaled_money(sentence, figure, value, unit, precision):
    quantity = only(sentence, "money")
    assert quantity.text == figure
    assert quantity.value == Decimal(value)
    assert quantity.unit == unit
    if precision:
        assert quantity.precision == Decimal(precision)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("تراجعت المبيعات بنسبة 12% خلال الربع", "12"),
        ("نمت الإيرادات 7٫5٪ على أساس سنوي", "7.5"),
        ("ارتفع التضخم إلى 3 في المئة", "3"),
        ("ارتفع التضخم إلى 3 في المائة", "3"),
        ("تراجعت الحصة إلى عشرين بالمئة", "20"),
        ("انخفضت الأرباح خمسة وعشرين بالمائة", "25"),
    ],
)
def test_it_reads_percentages(sentence, value):
    quantity = only(sentence, "percent")
    assert (quantity.value, quantity.unit) == (Decimal(value), "%")


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "unit"),
    [
        ("أصبح النموذج أسرع 15 مرة من سابقه", "multiplier", "15", "times"),
        ("تضاعفت التكلفة 10 أضعاف", "multiplier", "10", "times"),
        ("ارتفع عدد المستخدمين ثلاث مرات", "multiplier", "3", "times"),
        ("تضاعف الإنتاج مرتين", "multiplier", "2", "times"),
        ("تولد الأجهزة نحو 80 زيتابايت من البيانات", "measure", "80", "ZB"),
        ("تستهلك المحطة 150 ميغاواط", "measure", "150", "MW"),
        ("خفض البنك الفائدة 50 نقطة أساس", "measure", "50", "bp"),
        ("استمر المشروع 10 سنوات", "duration", "10", "year"),
        ("يستغرق التوليد اثنتي عشرة ثانية", "duration", "12", "second"),
        ("توقف الإنتاج يومين", "duration", "2", "day"),
    ],
)
def test_it_reads_units(sentence, kind, value, unit):
    quantity = only(sentence, kind)
    assert (quantity.value, quantity.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ستة عشر", 16),
        ("اثنتي عشرة", 12),
        ("خمسة وعشرون", 25),
        ("مئة وخمسون", 150),
        ("ثلاث مئة وواحد وثلاثون", 331),
        ("ألفين ومائتين", 2200),
        ("مائتين وإثنين ألف", 202000),
        ("واحد وعشرون مليون", 21000000),
        ("ثلاثة آلاف", 3000),
        ("نصف", Decimal("0.5")),
        ("ربع مليار", 250000000),
        ("ثلاثة أرباع", Decimal("0.75")),
        ("واحد ونصف", Decimal("1.5")),
    ],
)
def test_it_reads_number_words(words, value):
    quantity = only(f"سجلت الشركة {words}")
    assert quantity.value == Decimal(value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("كانت التكلفة أقل من واحد على عشرين من تكلفة المنافس", "0.05"),
        ("تمثل الحصة عُشر السوق العالمي", "0.1"),
        ("استهلك النموذج ربع الطاقة", "0.25"),
        ("يحتاج النظام ثلث الذاكرة", "0.3333333333"),
    ],
)
def test_it_reads_fractions(sentence, value):
    quantity = only(sentence, "fraction")
    assert abs(quantity.value - Decimal(value)) < Decimal("1e-6")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("أطلقت الشركة نموذجها في 20 يناير 2025", "2025-01-20"),
        ("بدأ العمل في مارس 2023", "2023-03"),
        ("تأسست الشركة عام 2017", "2017"),
        ("يتوقع أن يتضاعف السوق بحلول عام 2032", "2032"),
        ("وقع الاتفاق في 3 آذار 2024", "2024-03-03"),
        ("صدر القرار في كانون الثاني 2024", "2024-01"),
        ("افتتح المصنع في 15 تموز 2021", "2021-07-15"),
        ("يبدأ المؤتمر في 4 أيلول", "--09-04"),
    ],
)
def test_it_reads_dates(sentence, value):
    assert only(sentence, "date").value == value


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("يعمل في القطاع حوالي 40 مليونًا من المهندسين", "approx"),
        ("يعمل في القطاع نحو 40 مليون مهندس", "approx"),
        ("يعمل في القطاع ما يقرب من 40 مليون مهندس", "approx"),
        ("سجل التطبيق أكثر من 100 مليون مستخدم", "more_than"),
        ("سجل التطبيق لأكثر من 100 مليون مستخدم", "more_than"),
        ("تبلغ الحصة أقل من 1% من السوق", "less_than"),
        ("ضخت الشركة ما لا يقل عن 3 مليارات دولار", "at_least"),
        ("ضخت الشركة 3 مليارات دولار على الأقل", "at_least"),
        ("قد تصل الإيرادات إلى 75 مليار دولار كحد أقصى", "at_most"),
    ],
)
def test_it_reads_hedges_as_qualifiers(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "أطلقت OpenAI نموذج GPT-4 العام الماضي",
        "يعتمد التدريب على GPT - 4 بشكل كامل",
        "استخدمت الشركة شرائح H100 وH800 وB200",
        "أصدرت DeepSeek-V3 ثم نموذج R1",
        "يعمل الجهاز بمعالج M4 الجديد",
        "نموذج LLaMA 3 مفتوح المصدر",
        "يعمل على Windows 11 فقط",
        "يعمل على ويندوز 11 فقط",
        "أطلقت شركة 360 الصينية محرك بحث",
        "كشفت Jiyue 01 عن سيارتها",
    ],
)
def test_it_ignores_digits_in_names(sentence):
    assert extract(sentence).quantities == []


def test_it_reads_a_range_with_a_shared_scale_and_currency():
    quantity = only("يتراوح الراتب بين 25 و40 ألف دولار")
    assert quantity.qualifier == "range"
    assert (quantity.extras["low"], quantity.extras["high"]) == (Decimal(25000), Decimal(40000))
    assert quantity.unit == "USD"


def test_it_keeps_both_ends_of_a_change_as_figures():
    figures = [q for q in extract("سينمو السوق من 40 مليار دولار إلى 1.3 تريليون دولار").quantities]
    assert [q.value for q in figures] == [Decimal(40_000_000_000), Decimal("1.3E12")]


def test_a_range_written_with_its_unit_once_is_one_range():
    (figure,) = extract("ارتفعت الحصة من 5 إلى 10 بالمئة").quantities
    assert (figure.kind, figure.qualifier, figure.extras["low"], figure.extras["high"]) == ("percent", "range", 5, 10)


def test_it_keeps_the_counted_noun():
    quantity = only("بنى المركز 100,000 شريحة من رقائق إنفيديا")
    assert quantity.extras["noun"] == "شريحة"


def test_it_reads_a_bare_scale_word_with_its_noun():
    quantity = only("يشغل النموذج مليار معلمة على الهاتف")
    assert quantity.value == Decimal(10**9)


@pytest.mark.parametrize("suffix", ["40B", "40bn", "1.3T"])
def test_it_reads_latin_scale_suffixes(suffix):
    assert only(f"قيمة الصفقة {suffix}").value > Decimal(10**9)


@pytest.mark.parametrize("sign", ["سالب", "ناقص"])
def test_it_reads_signed_numbers(sign):
    assert only(f"بلغت درجة الحرارة {sign} 5").value == -5


@pytest.mark.parametrize(("word", "iso"), list(lexicon().currencies.items()))
def test_it_reads_every_currency_in_the_data(word, iso):
    written = f"25 {word}" if any(ch.isalpha() for ch in word) and word != "us$" else f"{word}25"
    quantity = only(f"بلغت القيمة {written} هذا العام", "money")
    assert quantity.unit == iso


@pytest.mark.parametrize(("month", "number"), list(lexicon().months.items()))
def test_it_reads_every_month_name_in_the_data(month, number):
    assert only(f"صدر التقرير في 12 {month} 2024", "date").value == f"2024-{number:02d}-12"


@pytest.mark.parametrize(("phrase", "unit"), [(k, v) for k, v in lexicon().units.items() if v[2] is None])
def test_it_reads_every_unit_in_the_data(phrase, unit):
    # "مرة/مرات" is a multiplier only in a comparison ("أكبر بـ25 مرة"); alone it counts occurrences
    comparison = "أكبر ب" if phrase in lexicon().cues["occurrence_noun"] else ""
    # "عقود" is read only after a number word ("وقعت 3 عقود" are contracts)
    number = "خمسة" if phrase in lexicon().cues["word_number_unit"] else "25"
    quantity = only(f"سجلت المحطة {comparison}{number} {phrase} أمس")
    assert (quantity.kind, quantity.unit) == unit[:2]


@pytest.mark.parametrize(
    ("sentence", "figure", "value"),
    [
        ("أعلنت الهيئة النتائج في الثالث من مايو 2023، بعد مراجعة طويلة", "الثالث من مايو 2023", "2023-05-03"),
        ("يبدأ العمل بالقرار في الخامس عشر من سبتمبر", "الخامس عشر من سبتمبر", "--09-15"),
        ("افتتح المصنع في 14 من فبراير 2022", "14 من فبراير 2022", "2022-02-14"),
        ("ارتفع المؤشر بنهاية تشرين الثاني 2024.", "تشرين الثاني 2024", "2024-11"),
        ("سجل الميزان التجاري عجزا في شباط الماضي", "شباط", "--02"),
        ("لم تتغير الأسعار منذ جانفي، وفق الديوان", "جانفي", "--01"),
        ("ينطلق المعرض في 12 دجنبر 2025 بالدار البيضاء", "12 دجنبر 2025", "2025-12-12"),
    ],
)
def test_it_reads_dates_written_with_ordinal_days_prefixes_or_a_month_alone(sentence, figure, value):
    quantity = [q for q in extract(sentence).quantities if q.kind == "date"][-1]
    assert (quantity.text, quantity.value) == (figure, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "مارس اللاعب الرياضة منذ صغره",  # مارس the verb: no cue, no day, no year
        "افتتح فرع جديد في مدينة 6 أكتوبر الصناعية",  # a city named after a date
        "أغلقت الشرطة محور 26 يوليو أمام السيارات",
    ],
)
def test_it_does_not_read_a_month_word_without_a_date_around_it(sentence):
    assert [q.text for q in extract(sentence).quantities] == []


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "value", "unit"),
    [
        ("ضمت المسابقة ألفا متسابق من أنحاء العالم", "ألفا متسابق", "count", "2000", None),
        ("بلغ الرصيد 45 ألفًا و200 نقطة", "45 ألفًا و200 نقطة", "count", "45200", None),
        ("تعاقدت الوزارة مع ألفي معلم جديد", "ألفي معلم", "count", "2000", None),
        ("خصص الصندوق مائتي مليون ريال سعودي للمشروع", "مائتي مليون ريال سعودي", "money", "200000000", "SAR"),
        ("وصل عدد المشتركين إلى أربعة ملايين ونصف مشترك", "أربعة ملايين ونصف مشترك", "count", "4500000", None),
        ("باعت الشركة ثلاثة ملايين ونصف المليون سيارة", "ثلاثة ملايين ونصف المليون سيارة", "count", "3500000", None),
        ("اقترضت الحكومة مليارا ونصف المليار يورو", "مليارا ونصف المليار يورو", "money", "1500000000", "EUR"),
        ("استقطبت المنصة مليارين من الدولارات", "مليارين من الدولارات", "money", "2000000000", "USD"),
        ("ارتفع سعر الكيلوواط ساعة 3 سنتات", "3 سنتات", "money", "0.03", "USD"),
        ("تراجع سعر البرميل نحو دولارين", "دولارين", "money", "2", "USD"),
        ("تضاعفت الطلبات لتبلغ ضعفي مستواها", "ضعفي", "multiplier", "2", "times"),
        ("خسرت الشركة نقطتين مئويتين من حصتها", "نقطتين مئويتين", "measure", "2", "pp"),
        ("وافق ثلثا المساهمين على الصفقة", "ثلثا", "fraction", "0.6666666666666666666666666667", None),
        ("زادت الرسوم بنسبة %15 منذ العام الماضي", "%15", "percent", "15", "%"),
        ("بلغ سعر الجهاز AED 4,200 في المتاجر", "AED 4,200", "money", "4200", "AED"),
        ("أصبح المعالج أسرع 4x من سابقه", "4x", "multiplier", "4", "times"),
        ("نمت الصادرات مرة ونصف خلال عامين", "مرة ونصف", "multiplier", "1.5", "times"),
    ],
)
def test_it_reads_duals_in_construct_halves_of_scales_and_sub_units(sentence, figure, kind, value, unit):
    quantity = [q for q in extract(sentence).quantities if q.kind == kind][0]
    assert (quantity.text, quantity.value, quantity.unit) == (figure, Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("صدّر المغرب فوسفاتًا بقيمة 30 مليار درهم العام الماضي", "MAD"),
        ("أعلنت شركة في دبي أرباحًا قدرها 2 مليار درهم", "AED"),
        ("رفعت الحكومة الأردنية الدعم إلى 300 مليون دينار", "JOD"),
        ("أقرت الكويت ميزانية بقيمة 24 مليار دينار", "KWD"),
        ("أنفقت قطر 200 مليار ريال على البنية التحتية", "QAR"),
        ("أنفقت قطر 200 مليار ريال سعودي على البنية التحتية", "SAR"),  # a written country wins over the cue
    ],
)
def test_a_bare_currency_name_follows_the_country_named_before_it(sentence, unit):
    assert only(sentence, "money").unit == unit


def test_a_range_lends_its_scale_to_a_plain_first_number():
    quantity = only("توفر المشاريع ما بين 30 و35 ألف فرصة عمل", "count")
    assert (quantity.qualifier, quantity.value, quantity.extras["high"]) == ("range", Decimal(30000), Decimal(35000))


def test_a_range_from_zero_keeps_zero_as_its_low_end():
    quantity = only("يتوقع البنك نموًا بين صفر و0.5% هذا العام", "percent")
    assert (quantity.qualifier, quantity.value, quantity.extras["high"]) == ("range", Decimal(0), Decimal("0.5"))


@pytest.mark.parametrize(
    "sentence",
    [
        "تعتمد الخطة على نموذج Mistral Large 2 123B المفتوح",
        "تنافس الشركة بشريحة Ascend 910C في السوق المحلية",
        "تندرج المبادرة ضمن رؤية 2030 للمملكة",
        "تتماشى المشاريع مع رؤية السعودية 2030 وأهدافها",
        "صدر القانون رقم 12 لسنة 2021 لتنظيم القطاع",
        "ارتفع مؤشر ناسداك 100 في التعاملات المبكرة",
        "طرحت الشركة معالج M3 ثلاث مرات أسرع",  # the figure is ثلاث مرات, not the 3 of M3
        "تعمل الخوادم بشرائح H100x الجديدة",
    ],
)
def test_it_ignores_numbers_that_belong_to_names_of_models_plans_and_acts(sentence):
    texts = [q.text for q in extract(sentence).quantities]
    assert not any(ch.isdigit() for text in texts for ch in text), texts


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("تجاوزت صادرات الشركة 12 مليار ريال", "more_than"),
        ("تخطى عدد المشتركين 9 ملايين", "more_than"),
        ("قاربت خسائر البورصة 4%", "approx"),
        ("لم تتجاوز الزيادة 2% في الربع الأول", "at_most"),
        ("تجاوزت الشركة أزمتها وحققت أرباحا بلغت 5 مليارات ريال", "exact"),  # the verb is not about the figure
    ],
)
def test_a_hedging_verb_reaches_across_its_subject(sentence, qualifier):
    assert extract(sentence).quantities[0].qualifier == qualifier


BARE_CURRENCY = {"AED": "درهم", "KWD": "دينار", "SAR": "ريال", "EGP": "جنيه", "TRY": "ليرة", "KES": "شلن"}


@pytest.mark.parametrize(("cue", "default", "region"), [(c, *r) for c, r in lexicon().currency_regions.items()])
def test_every_country_cue_in_the_data_sets_its_bare_currency(cue, default, region):
    sentence = f"وفي {cue} بلغت قيمة الصفقة 5 ملايين {BARE_CURRENCY[default]} هذا العام"
    assert only(sentence, "money").unit == region


@pytest.mark.parametrize(("phrase", "qualifier"), list(lexicon().hedge_verbs.items()))
def test_every_hedging_verb_in_the_data_reaches_across_a_subject(phrase, qualifier):
    assert only(f"{phrase} إيرادات الشركة 5 مليارات دولار", "money").qualifier == qualifier


@pytest.mark.parametrize("cue", sorted(lexicon().month_cues_before))
def test_every_cue_before_a_month_in_the_data_makes_it_a_date(cue):
    assert only(f"تراجعت الصادرات {cue} أيلول وفق البيانات", "date").value == "--09"


@pytest.mark.parametrize("cue", sorted(lexicon().month_cues_after))
def test_every_cue_after_a_month_in_the_data_makes_it_a_date(cue):
    assert only(f"تراجعت الصادرات في شهر أيلول {cue} وفق البيانات", "date").value == "--09"


@pytest.mark.parametrize("noun", sorted(lexicon().place_nouns))
def test_a_day_and_month_after_every_place_noun_in_the_data_is_a_name(noun):
    assert extract(f"افتتح المستثمرون مصنعا في {noun} 15 مايو أمس").quantities == []


@pytest.mark.parametrize("word", sorted(lexicon().plan_words))
def test_a_year_after_every_plan_word_in_the_data_is_a_name(word):
    assert extract(f"تندرج المبادرة ضمن {word} 2063 الطموحة").quantities == []
