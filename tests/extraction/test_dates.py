"""Dates, Hijri dates, date periods and durations (sentences written for these tests)."""

from decimal import Decimal

import pytest

from claims.extraction import extract, normalize
from claims.extraction.dates import find_dates
from claims.extraction.lexicon import lexicon, read_rows

LEX = lexicon()
HIJRI_MONTHS = {row[0]: int(row[1]) for row in read_rows("hijri_months.tsv")}
DURATION_UNITS = {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in read_rows("duration_units.tsv")}
WEEKDAYS = [row[0] for row in read_rows("weekdays.txt")]
DATE_WORDS: dict[str, list[str]] = {}
for _role, _phrase in read_rows("date_words.tsv"):
    DATE_WORDS.setdefault(_role, []).append(_phrase)


def dates(text, kind="date"):
    return [q for q in extract(text).quantities if q.kind == kind]


def only(text, kind="date"):
    found = dates(text, kind)
    assert len(found) == 1, [(q.text, q.kind, q.value) for q in extract(text).quantities]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "figure", "value"),
    [
        ("وقّع الطرفان الاتفاق في 14 مارس 2019 بالعاصمة", "14 مارس 2019", "2019-03-14"),
        ("افتُتح المعرض يوم الخميس 3 نوفمبر 2022 وسط حضور كبير", "الخميس 3 نوفمبر 2022", "2022-11-03"),
        ("صدر القرار في السابع من أبريل الماضي", "السابع من أبريل", "--04-07"),
        ("تنتهي المهلة في الحادي والثلاثين من ديسمبر", "الحادي والثلاثين من ديسمبر", "--12-31"),
        ("يبدأ العمل بالنظام الجديد أول يوليو", "أول يوليو", "--07-01"),
        ("عُقدت الجولة الثانية في تموز 2020", "تموز 2020", "2020-07"),
        ("أُطلق القمر الصناعي في تشرين الأول 2018", "تشرين الأول 2018", "2018-10"),
        ("أعلنت الوزارة النتائج في 9 أغسطس", "9 أغسطس", "--08-09"),
        ("حُدد موعد الاكتتاب يوم 2024/05/06 للأفراد", "2024/05/06", "2024-05-06"),
        ("وصلت الشحنة في 17-11-2021 إلى الميناء", "17-11-2021", "2021-11-17"),
        ("سُجلت أعلى حرارة في 28/7 من هذا العام", "28/7", "--07-28"),
        ("تغلق البورصة أبوابها في 12/25 احتفالا", "12/25", "--12-25"),
        ("انطلقت المرحلة الأولى في 2019/4 وتواصلت", "2019/4", "2019-04"),
        ("بدأ التطبيق الفعلي في 6-2023 بعد تأخير", "6-2023", "2023-06"),
        ("أُسست الهيئة عام 1975 بمرسوم ملكي", "عام 1975", "1975"),
        ("واعتبارا من 1998 صار اسمه معروفا", "اعتبارا من 1998", "1998"),
        ("بلغت الصادرات ذروتها في ديسمبر 2014، ثم تراجعت", "ديسمبر 2014", "2014-12"),
        ("جرت الانتخابات في 5 أيار، 2018", "5 أيار، 2018", "2018-05-05"),
        ("وُلد الشاعر عام ألف وتسعمائة واثنين وأربعين في القاهرة", "عام ألف وتسعمائة واثنين وأربعين", "1942"),
        ("تغيّر كل شيء في العام ألفين وعشرين مع الجائحة", "العام ألفين وعشرين", "2020"),
        ("صدر النظام بتاريخ 1438/5/12هـ بعد دراسة", "1438/5/12هـ", "2017-02-09"),
        ("وقعت الحادثة في مايو ستة وعشرين", "مايو ستة وعشرين", "--05-26"),
        ("هبطت الأسعار إلى أدنى مستوى منذ نيسان (أبريل) 2009 في السوق", "نيسان (أبريل) 2009", "2009-04"),
        ("يسري العقد حتى ديسمبر كانون الأول 2026 كاملا", "ديسمبر كانون الأول 2026", "2026-12"),
        ("أُغلق المعبر منذ 14 أيار/مايو الماضي", "14 أيار/مايو", "--05-14"),
        ("تأسست الجمعية في الـ9 من فبراير من العام 2001 بجدة", "9 من فبراير من العام 2001", "2001-02-09"),
        ("صدر التعميم بتاريخ 3/ 9/2019 لكل الفروع", "3/ 9/2019", "2019-09-03"),
        ("يُعقد اللقاء يوم الأربعاء 19 /7 في القاعة", "19 /7", "--07-19"),
    ],
)
def test_it_reads_gregorian_dates(sentence, figure, value):
    quantity = only(sentence)
    assert (quantity.text, quantity.value, quantity.qualifier) == (figure, value, "exact")


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "hijri"),
    [
        ("صدر الأمر الملكي في 12 رجب 1437 هـ", "12 رجب 1437 هـ", "2016-04-19", "1437-07-12"),
        ("أعلن المجلس بدء القبول في 1 محرم 1440هـ", "1 محرم 1440هـ", "2018-09-11", "1440-01-01"),
        ("جدة 3 ذو الحجة 1438 هـ وصل الحجاج", "3 ذو الحجة 1438 هـ", "2017-08-25", "1438-12-03"),
        ("بناء على الخطاب المؤرخ 14/3/1439 قررت اللجنة", "14/3/1439", "2017-12-02", "1439-03-14"),
        ("صدر التعميم في 1439/4/2هـ لجميع الإدارات", "1439/4/2هـ", "2017-12-20", "1439-04-02"),
    ],
)
def test_it_reads_hijri_dates_as_gregorian_with_the_hijri_original(sentence, figure, value, hijri):
    quantity = only(sentence)
    assert (quantity.text, quantity.value, quantity.extras["hijri"]) == (figure, value, hijri)


@pytest.mark.parametrize(
    ("sentence", "figure", "low", "high", "hijri"),
    [
        ("اعتمد المجلس ميزانية العام المالي 1438هـ", "1438هـ", "2016-10-02", "2017-09-20", "1438"),
        ("خلال شهر شعبان 1436 ارتفعت الطلبات", "شهر شعبان 1436", "2015-05-19", "2015-06-17", "1436-08"),
        ("وُلد العالم سنة 1205 هجري في نجد", "سنة 1205 هجري", "1790", "1791", "1205"),
        ("تأسس النادي في العام 1420 بمبادرة أهلية", "العام 1420", "1999-04-17", "2000-04-05", "1420"),
    ],
)
def test_a_hijri_year_or_month_is_a_gregorian_period_never_a_count(sentence, figure, low, high, hijri):
    quantity = only(sentence)
    assert (quantity.text, quantity.qualifier, quantity.value) == (figure, "range", low)
    assert (quantity.extras["low"], quantity.extras["high"], quantity.extras["hijri"]) == (low, high, hijri)
    assert not dates(sentence, "count")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("سقطت القسطنطينية عام 1453 بيد العثمانيين", "1453"), ("افتُتح الجسر عام 1420م للمشاة", "1420")],
)
def test_a_year_outside_the_unmarked_hijri_range_or_marked_gregorian_stays_gregorian(sentence, value):
    quantity = only(sentence)
    assert (quantity.value, quantity.qualifier) == (value, "exact")


@pytest.mark.parametrize(
    ("sentence", "hijri", "gregorian"),
    [
        ("تأسست المدرسة في 3 صفر عام 1390- 1970 بالقرية", "1970-04-10", "1970"),
        ("افتُتح المتحف عام 1433هـ (2012م) رسميا", "2011-11-26", "2012"),
    ],
)
def test_the_gregorian_year_after_a_hijri_date_is_its_own_date_not_a_count(sentence, hijri, gregorian):
    found = dates(sentence)
    assert [q.value for q in found] == [hijri, gregorian]
    assert not dates(sentence, "count")


def test_a_hijri_day_and_month_without_a_year_is_neither_a_date_nor_a_count():
    assert extract("تبدأ الإجازة في 20 رمضان لجميع المدارس").quantities == []


@pytest.mark.parametrize("sentence", ["فاز الفريق 4 / صفر على ضيفه", "انتهت المباراة 2 - صفر"])
def test_a_score_against_zero_is_not_a_hijri_day(sentence):
    assert dates(sentence, "count")


@pytest.mark.parametrize(
    ("sentence", "figure", "low", "high"),
    [
        ("ارتفع الدين العام بين عامي 2011 و2016 بشكل حاد", "بين عامي 2011 و2016", "2011", "2016"),
        ("تغطي الدراسة الفترة من 1990 إلى 2005 كاملة", "من 1990 إلى 2005", "1990", "2005"),
        ("نُفذت الخطة الخمسية 2016-2020 بنجاح", "2016-2020", "2016", "2020"),
        ("تُقام الدورة من 8 حتى 15 فبراير المقبل", "من 8 حتى 15 فبراير", "--02-08", "--02-15"),
        ("أُغلقت الحدود بين 3 و9 أكتوبر 2020 مؤقتا", "بين 3 و9 أكتوبر 2020", "2020-10-03", "2020-10-09"),
        ("تستمر الفعاليات 10-14 مارس في الرياض", "10-14 مارس", "--03-10", "--03-14"),
        ("يُعرض الفيلم من 5 يناير إلى 20 فبراير", "من 5 يناير إلى 20 فبراير", "--01-05", "--02-20"),
        ("نافس الفريق في موسم 2017/18 على اللقب", "2017/18", "2017", "2018"),
        ("تمتد الخطة من أبريل 2021 حتى مارس 2022", "من أبريل 2021 حتى مارس 2022", "2021-04", "2022-03"),
        ("تراجعت المبيعات بين فبراير وأبريل 2023 بحدة", "بين فبراير وأبريل 2023", "2023-02", "2023-04"),
        ("ارتفع الإنتاج في الفترة من مايو إلى أغسطس", "من مايو إلى أغسطس", "--05", "--08"),
        ("تُسلَّم الشحنات خلال شهري مارس وأبريل المقبلين", "شهري مارس وأبريل", "--03", "--04"),
        ("يُقام المهرجان يومي 14 و15 نوفمبر", "يومي 14 و15 نوفمبر", "--11-14", "--11-15"),
        ("تضاعفت الأرباح خلال عامي 2018 و2019 تقريبا", "عامي 2018 و2019", "2018", "2019"),
        ("جاء ذلك في العام الدراسي 1437/1438هـ الماضي", "1437/1438هـ", "2015-10-14", "2017-09-20"),
        ("يستمر التسجيل من 5/3 إلى 20/4/2021 عبر المنصة", "من 5/3 إلى 20/4/2021", "2021-03-05", "2021-04-20"),
    ],
)
def test_it_reads_periods_with_both_bounds_never_as_one_date(sentence, figure, low, high):
    quantity = only(sentence)
    assert (quantity.text, quantity.qualifier) == (figure, "range")
    assert (quantity.value, quantity.extras["low"], quantity.extras["high"]) == (low, low, high)


@pytest.mark.parametrize(
    "sentence",
    [
        "فاز الهلال على النصر 3-1 في المباراة",  # a score
        "أكل الطفل 1/2 التفاحة",  # a fraction
        "ارتفع المؤشر 2015.3 نقطة في ختام التداول",  # a decimal
        "بلغ معدل النمو 4.22 في المئة",  # a decimal
        "اتصل على الرقم 0504610646 للاستفسار",  # a phone number
        "مارس اللاعب الرياضة منذ صغره",  # مارس the verb
        "افتتح فرع جديد في مدينة 6 أكتوبر الصناعية",  # a city named after a date
        "صدر القانون رقم 12 لسنة 2019 بشأن الاستثمار",  # the year of a numbered act is part of its name
        "حصل الفريق على صفر نقاط",  # صفر the number, not the month
        "يُعقد المؤتمر في الأسبوع الثاني من مارس",  # the second week, not the second day
        "أنهى الفريق الشوط الأول متقدما 14- 9 على ضيفه",  # a spaced pair with no year is a score
        "يتقاضى العامل 10-20 دولار يوميا",  # a range of amounts
        "تُباع التذاكر اعتبارا من 2000 ريال للمقعد",  # an amount after a year cue
        "أصيب 15-20 شخصا في الحادث",
        "تراوحت الكثافة بين 2/1000 كغ في العينات",  # a ratio with a unit
    ],
)
def test_it_does_not_read_these_as_dates(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("اشترى القطعة بسعر 1950-2000 ريال للمتر", "1950"),  # a range of amounts, not a period of years
        ("تراجع الطلب في أغسطس منذ 2012 بشكل ملحوظ", "2012-08"),  # "منذ" does not join a month to a year
        ("وُقّع العقد في 5 مارس ثم عُدّل بعد 2020 مرة", "2020-03-05"),  # the year must follow its date
    ],
)
def test_it_does_not_join_these_into_one_date(sentence, wrong):
    assert wrong not in [q.value for q in dates(sentence) if q.qualifier == "range" or "-" in q.value]


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("استمر الحصار 40 يوما متواصلة", "40 يوما", "40", "day"),
        ("قضى في السجن سبع سنوات قبل الإفراج عنه", "سبع سنوات", "7", "year"),
        ("تستغرق الرحلة 2.5 ساعة تقريبا", "2.5 ساعة", "2.5", "hour"),
        ("توقف العمل خمسة وأربعين دقيقة", "خمسة وأربعين دقيقة", "45", "minute"),
        ("انتظر المسافرون ساعتين في المطار", "ساعتين", "2", "hour"),
        ("استمرت المفاوضات ثلاثة أسابيع", "ثلاثة أسابيع", "3", "week"),
        ("دامت العملية ساعة ونصف", "ساعة ونصف", "1.5", "hour"),
        ("نفدت التذاكر خلال نصف ساعة", "نصف ساعة", "0.5", "hour"),
        ("تأخر الإقلاع ربع ساعة", "ربع ساعة", "0.25", "hour"),
        ("يمتد العقد لمدة عامين ونصف", "عامين ونصف", "2.5", "year"),
        ("أُغلق الطريق لمدة أسبوع بسبب الأمطار", "أسبوع", "1", "week"),
        ("صمد الرقم القياسي 12 شهرا فقط", "12 شهرا", "12", "month"),
        ("سجل العداء زمنا قدره 9.58 ثانية", "9.58 ثانية", "9.58", "second"),
        ("بلغ العجز أعلى مستوى له في سبع سنوات ونصف السنة", "سبع سنوات ونصف السنة", "7.5", "year"),
        ("استمر الإغلاق ثلاث ساعات ونصف", "ثلاث ساعات ونصف", "3.5", "hour"),
        ("عُلّق نشاط النادي لمدة عام واحد بقرار الاتحاد", "عام واحد", "1", "year"),
        ("استغرق الاجتماع ساعة واحدة وربع", "ساعة واحدة وربع", "1.25", "hour"),
        ("ارتفعت المبيعات خلال الأشهر الستة الأولى من العام", "الأشهر الستة", "6", "month"),
        ("تعافى المصاب في الأيام الثلاثة الأخيرة", "الأيام الثلاثة", "3", "day"),
    ],
)
def test_it_reads_durations_with_their_unit(sentence, figure, value, unit):
    quantity = only(sentence, "duration")
    assert (quantity.text, quantity.value, quantity.unit) == (figure, Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("لم يُصرف الراتب منذ أكثر من شهرين", "more_than"),
        ("استمر الاعتصام نحو أسبوعين", "approx"),
        ("يجب أن تبقى العينة 48 ساعة على الأقل", "at_least"),
        ("تُمنح تأشيرة لمدة لا تتجاوز 10 أيام", "at_most"),
    ],
)
def test_a_hedge_qualifies_a_duration(sentence, qualifier):
    assert only(sentence, "duration").qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "سأراك الساعة 3 عصرا",  # a clock time
        "هذه هي المرة الثانية التي يفوز فيها",  # الثانية the ordinal
        "وصل في اليوم نفسه",
    ],
)
def test_it_does_not_read_these_as_durations(sentence):
    assert dates(sentence, "duration") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "تبدأ الاختبارات في الساعة 8 صباحا يوميا",
        "يُفتح الباب الساعة 4:30 عصرا",
        "انطلق الموكب الساعة التاسعة مساء",
        "أقلعت الطائرة عند 11:45 ليلا",
        "سُجّلت الرسالة عند 23:18:49 بتوقيت غرينتش",
        "تُفتح الأبواب من 9-10:30 مساء",
    ],
)
def test_a_time_of_day_is_not_a_figure(sentence):
    assert [q.kind for q in extract(sentence).quantities] == []


@pytest.mark.parametrize(("month", "number"), list(LEX.months.items()))
def test_every_gregorian_month_in_the_data_makes_a_date(month, number):
    quantity = only(f"انتهى المشروع في 11 {month} 2021 رسميا")
    assert quantity.value == f"2021-{number:02d}-11"


@pytest.mark.parametrize(("month", "number"), list(HIJRI_MONTHS.items()))
def test_every_hijri_month_in_the_data_makes_a_hijri_date(month, number):
    quantity = only(f"انتهى المشروع في 11 {month} 1440 هـ رسميا")
    assert quantity.extras["hijri"] == f"1440-{number:02d}-11"
    assert quantity.value.startswith(("2018-", "2019-"))


@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_a_weekday_before_a_date_joins_its_span(weekday):
    quantity = only(f"عاد الوفد {weekday} 4 يونيو 2023 إلى البلاد")
    assert normalize(quantity.text).startswith(weekday)  # the data entry is folded; the span is the text as written
    assert quantity.value == "2023-06-04"


@pytest.mark.parametrize(("word", "row"), list(DURATION_UNITS.items()))
def test_every_duration_unit_in_the_data_makes_a_duration(word, row):
    unit, alone = row
    if word.startswith("ال"):
        sentence = f"انتظر الركاب 3 {word} كاملة"
        value = Decimal(3)
    elif alone:
        sentence = f"انتظر الركاب {word} كاملة"
        if alone == "1":
            sentence = f"انتظر الركاب لمدة {word} كاملة"
        value = Decimal(alone)
    else:
        sentence = f"انتظر الركاب 7 {word} كاملة"
        value = Decimal(7)
    quantity = only(sentence, "duration")
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("عاد في ١٥ شَوَّال ١٤٤٣ هـ إلى بلده", "date", "2022-05-16"),  # tashkeel and Arabic-Indic digits
        ("استمرت الرحلة ثَلَاثَةَ أَيَّامٍ", "duration", "3"),
        ("في ١٢ ﻳﻨﺎﻳﺮ ٢٠٢٠ تغير كل شيء", "date", "2020-01-12"),  # presentation forms
    ],
)
def test_dates_written_with_diacritics_or_presentation_forms_are_read(sentence, kind, value):
    quantity = only(sentence, kind)
    assert str(quantity.value) == value


def test_find_dates_spans_are_sorted_and_inside_the_text():
    norm = normalize("من 3 حتى 12 سبتمبر 2021 استمر الإضراب 10 أيام، وفي 1 شوال 1442 هـ عاد العمال")
    found = find_dates(norm)
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert all(0 <= f.start < f.end <= len(norm) for f in found)
    assert [f.kind for f in found] == ["date", "duration", "date"]


def test_anchor_words_found_by_a_caller_give_the_same_dates():
    import re

    from claims.extraction.dates import ANCHOR_WORDS
    from claims.extraction.lexicon import phrase_pattern

    norm = normalize("وفي 3 مارس 2020 استمر الاجتماع ساعتين، ثم الساعة 9 مساء أعلن أنه سيعود بعد أسبوعين")
    pattern = re.compile(rf"(?<!\w)(?:{phrase_pattern(ANCHOR_WORDS)})(?![^\W\d])")
    words = [(m.start(), m.end(), m.group()) for m in pattern.finditer(norm)]
    assert len(words) == 5
    assert find_dates(norm, words) == find_dates(norm)


@pytest.mark.parametrize(
    "text",
    [
        "واحد جمادى الثانية أيلول 2015",  # an ordinal inside a Hijri month name is not the day of the next month
        "3 مارس أبريل 2020 يومين ونصف الساعة 4 مساء",
        "من 2010-2012 إلى 2014/15 وبين عامي 1435 و1436هـ",
    ],
)
def test_find_dates_returns_spans_that_do_not_overlap(text):
    found = find_dates(normalize(text))
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("تستمر المناعة بين عام وعامين بحسب الدراسة", "1", "2", "year"),
        ("يستغرق الفحص ما بين ساعة وساعتين", "1", "2", "hour"),
        ("تتراوح مدة العلاج بين 3 و5 أسابيع", "3", "5", "week"),
    ],
)
def test_a_range_of_durations_has_both_bounds(sentence, low, high, unit):
    quantity = only(sentence, "duration")
    assert (quantity.qualifier, quantity.unit) == ("range", unit)
    assert (str(quantity.extras["low"]), str(quantity.extras["high"])) == (low, high)


@pytest.mark.parametrize("cue", sorted(LEX.month_cues_before))
def test_every_cue_before_a_month_alone_in_the_data_makes_it_a_date(cue):
    quantity = only(f"تراجعت الصادرات {cue} نوفمبر بحسب الهيئة")
    assert quantity.value == "--11"


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "period"),
    [
        ("نمت الأرباح في الربع الثالث من عام 2019 بقوة", "الربع الثالث من عام 2019", "2019", "2019-07/2019-09"),
        ("تراجعت المبيعات خلال النصف الأول 2021", "النصف الأول 2021", "2021", "2021-01/2021-06"),
        ("أعلنت الشركة نتائجها للربع الرابع من العام 2022", "للربع الرابع من العام 2022", "2022", "2022-10/2022-12"),
    ],
)
def test_a_quarter_or_half_of_a_year_is_its_year_with_its_months(sentence, figure, value, period):
    quantity = only(sentence)
    assert (quantity.text, quantity.value, quantity.qualifier) == (figure, value, "exact")
    assert quantity.extras["period"] == period


@pytest.mark.parametrize(
    ("sentence", "precision"), [("استمر 3.5 ساعة", "0.1"), ("استمر 12 يوما", "1"), ("استمر ساعة ونصف", "0.1")]
)
def test_a_duration_carries_the_step_of_its_last_written_digit(sentence, precision):
    assert only(sentence, "duration").precision == Decimal(precision)


@pytest.mark.parametrize("marker", DATE_WORDS["hijri_marker"])
def test_every_hijri_marker_in_the_data_makes_a_hijri_year(marker):
    quantity = only(f"تأسست الجمعية عام 1440 {marker} في جدة")
    assert (quantity.extras["hijri"], quantity.value) == ("1440", "2018-09-11")


@pytest.mark.parametrize("marker", DATE_WORDS["gregorian_marker"])
def test_every_gregorian_marker_in_the_data_keeps_a_year_gregorian(marker):
    quantity = only(f"تأسست الجمعية عام 1420 {marker} في جدة")
    assert (quantity.value, quantity.qualifier) == ("1420", "exact")


@pytest.mark.parametrize("word", DATE_WORDS["period_to"])
def test_every_to_word_in_the_data_joins_a_period_of_years(word):
    quantity = only(f"ارتفعت الصادرات في الفترة من 2011 {word} 2014 بانتظام")
    assert (quantity.qualifier, quantity.extras["low"], quantity.extras["high"]) == ("range", "2011", "2014")


@pytest.mark.parametrize("part", DATE_WORDS["day_part"])
def test_every_day_part_in_the_data_makes_a_time_of_day(part):
    assert extract(f"يبدأ الدوام 7 {part} كل يوم").quantities == []


@pytest.mark.parametrize("cue", DATE_WORDS["duration_cue"])
def test_every_duration_cue_in_the_data_makes_a_singular_unit_one(cue):
    quantity = only(f"أُغلق المتحف {cue} أسبوع للصيانة", "duration")
    assert (quantity.value, quantity.unit) == (Decimal(1), "week")


@pytest.mark.parametrize("cue", DATE_WORDS["numeric_date_cue"])
def test_every_numeric_date_cue_in_the_data_makes_a_point_pair_a_date(cue):
    quantity = only(f"وصل الوفد {cue} 4.22")
    assert quantity.value == "--04-22"
