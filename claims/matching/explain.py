"""Explanations in Arabic and English: full sentences that cite the source and both figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from babel.dates import get_month_names
from babel.numbers import get_currency_name

from claims.extraction.lexicon import read_raw_rows
from claims.extraction.types import decimal_to_str
from claims.matching.compare import Comparison
from claims.matching.references import ReferenceFigure, ReferenceStatement

# Month and currency names for display come from CLDR (Babel), not from tables written here.
MONTHS_EN = tuple(get_month_names("abbreviated", locale="en").values())
MONTHS_AR = tuple(get_month_names("wide", locale="ar").values())


def _short_currency_names() -> dict[str, str]:
    """The newsroom's short names (data/currency_names_ar.tsv), which win over CLDR's for their codes."""
    rows = read_raw_rows("currency_names_ar.tsv", directory=Path(__file__).parent / "data")
    return {code: name for code, name in rows}


SHORT_CURRENCY_NAMES_AR = _short_currency_names()


def currency_ar(code: str) -> str:
    """The Arabic name of an ISO 4217 code ("SAR" → "ريال سعودي"); an unknown code stays as written."""
    if code in SHORT_CURRENCY_NAMES_AR:
        return SHORT_CURRENCY_NAMES_AR[code]
    try:
        return get_currency_name(code, locale="ar")
    except (KeyError, ValueError):
        return code


CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
SCALES = (
    (Decimal("1e12"), "T", "trillion", "تريليون"),
    (Decimal("1e9"), "B", "billion", "مليار"),
    (Decimal("1e6"), "M", "million", "مليون"),
)
DURATIONS_AR = {
    "year": "سنة",
    "month": "شهر",
    "week": "أسبوع",
    "day": "يوم",
    "hour": "ساعة",
    "minute": "دقيقة",
    "second": "ثانية",
}


def _scaled(value: Decimal) -> tuple[str, tuple | None]:
    for step, *names in SCALES:
        if abs(value) >= step:
            return decimal_to_str(value / step), tuple(names)
    if value == value.to_integral_value():
        return f"{int(value):,}", None
    return decimal_to_str(value), None


def figure_en(kind: str, value, unit: str | None) -> str:
    if kind == "date":
        return str(value)
    number, names = _scaled(Decimal(value))
    if kind == "money":
        sign = CURRENCY_SIGNS.get(unit or "")
        amount = f"{number}{names[0]}" if names else number
        return f"{sign}{amount}" if sign else f"{amount} {unit or ''}".strip()
    text = f"{number} {names[1]}" if names else number
    if kind == "percent":
        return f"{text} percentage points" if (unit or "").lower() == "pp" else f"{text}%"
    if kind == "multiplier":
        return f"{text}×"
    if kind == "duration":
        return f"{text} {unit}(s)"
    return f"{text} {unit}" if unit else text


def figure_ar(kind: str, value, unit: str | None) -> str:
    if kind == "date":
        return str(value)
    number, names = _scaled(Decimal(value))
    text = f"{number} {names[2]}" if names else number
    if kind == "money":
        return f"{text} {currency_ar(unit or '')}".strip()
    if kind == "percent":
        return f"{text} نقطة مئوية" if (unit or "").lower() == "pp" else f"{text}%"
    if kind == "multiplier":
        return f"{text} أضعاف"
    if kind == "duration":
        return f"{text} {DURATIONS_AR.get(unit or '', unit or '')}"
    return f"{text} {unit}" if unit else text


def citation(statement: ReferenceStatement, language: str) -> str:
    """ "DeepSeek-V3 Technical Report (DeepSeek-AI, Dec 2024)"."""
    title = statement.source_title or statement.publisher or statement.key
    when = ""
    if statement.published and statement.published[:4].isdigit():
        year, month = statement.published[:4], statement.published[5:7]
        months = MONTHS_AR if language == "ar" else MONTHS_EN
        when = f"{months[int(month) - 1]} {year}" if month.isdigit() else year
    details = [part for part in (statement.publisher if statement.publisher != title else "", when) if part]
    separator = "، " if language == "ar" else ", "
    if language == "ar":
        return f"«{title}»" + (f" ({separator.join(details)})" if details else "")
    return title + (f" ({separator.join(details)})" if details else "")


def explain(claim, statement: ReferenceStatement, figure: ReferenceFigure, comparison: Comparison) -> tuple[str, str]:
    """(Arabic, English) sentences for a compared pair."""
    cite_ar, cite_en = citation(statement, "ar"), citation(statement, "en")
    ref_ar = figure_ar(figure.kind, figure.value, figure.unit)
    ref_en = figure_en(figure.kind, figure.value, figure.unit)
    claim_ar = claim.text or figure_ar(claim.kind, claim.value, claim.unit)
    claim_en = figure_en(claim.kind, claim.value, claim.unit)
    about_ar = f" ({statement.subject}، {statement.metric})" if statement.subject and statement.metric else ""
    about_en = f" for {statement.subject}" if statement.subject else ""
    head_ar = f"يذكر {cite_ar} الرقم {ref_ar}{about_ar}"
    head_en = f"{cite_en} gives {ref_en}{about_en}"
    error = comparison.error
    if comparison.supports and error == "rounding":
        return (
            f"{head_ar}؛ ورقم المقال ({claim_ar}) تقريب فضفاض له لكنه قريب منه.",
            f"{head_en}; the article's {claim_en} is a loose rounding of it, close enough to stand.",
        )
    if comparison.supports:
        return (
            f"{head_ar}؛ ورقم المقال ({claim_ar}) يتفق معه.",
            f"{head_en}; the article's {claim_en} agrees with it.",
        )
    if error == "scale":
        factor = comparison.scale_factor or Decimal(1)
        if factor > 1:
            times = decimal_to_str(factor)
            return (
                f"{head_ar}؛ أما رقم المقال ({claim_ar}) فأكبر منه {times} مرة (خطأ في موضع الفاصلة العشرية أو في "
                f"كلمة المقياس).",
                f"{head_en}; the article's {claim_en} is {times}× too large (a decimal slip).",
            )
        times = decimal_to_str(1 / factor)
        return (
            f"{head_ar}؛ أما رقم المقال ({claim_ar}) فأصغر منه {times} مرة (خطأ في موضع الفاصلة العشرية أو في "
            f"كلمة المقياس).",
            f"{head_en}; the article's {claim_en} is {times}× too small (a decimal slip).",
        )
    if error == "unit":
        return (
            f"{head_ar}؛ ورقم المقال ({claim_ar}) يكرر العدد نفسه بوحدة أخرى ({claim.unit} بدل {figure.unit}).",
            f"{head_en}; the article's {claim_en} repeats the number with the wrong unit "
            f"({claim.unit} instead of {figure.unit}).",
        )
    if error == "currency":
        return (
            f"{head_ar}؛ ورقم المقال ({claim_ar}) يذكر العدد نفسه بعملة أخرى ({claim.unit} بدل {figure.unit}).",
            f"{head_en}; the article's {claim_en} gives the same number in {claim.unit} instead of "
            f"{figure.unit} — a currency mix-up.",
        )
    if comparison.misleads:
        times = _times(comparison.ratio)
        return (
            f"{head_ar}؛ وعبارة المقال ({claim_ar}) صحيحة حرفيًا لكنها بعيدة عن الرقم الفعلي{times[0]}، فهي مضللة.",
            f"{head_en}; the article's bound ({claim_en}) is true but far from the actual figure{times[1]}: "
            f"misleading.",
        )
    if error == "bound":
        return (
            f"{head_ar}؛ أما عبارة المقال ({claim_ar}) فحدّ يقع في الجهة الخطأ من الرقم الفعلي.",
            f"{head_en}; the article's bound ({claim_en}) lies on the wrong side of the actual figure.",
        )
    if error == "year":
        return (
            f"{head_ar}؛ والتاريخ في المقال ({claim_ar}) يخطئ في السنة.",
            f"{head_en}; the article's date {claim_en} has the wrong year.",
        )
    ratio = comparison.ratio
    off = f" (نسبة {decimal_to_str(ratio)})" if ratio is not None else ""
    off_en = f" (ratio {decimal_to_str(ratio)})" if ratio is not None else ""
    return (
        f"{head_ar}؛ ورقم المقال ({claim_ar}) لا يتفق معه{off}.",
        f"{head_en}; the article's {claim_en} does not match it{off_en}.",
    )


def _times(ratio: Decimal | None) -> tuple[str, str]:
    """ " (10 times ...)" for a misleading bound, in both languages; empty when the ratio is unknown."""
    if not ratio:
        return "", ""
    factor = abs(ratio)
    if factor >= 1:
        times = decimal_to_str(factor.quantize(Decimal("0.1")).normalize())
        return f" (أكبر منه {times} مرة)", f" ({times}× above it)"
    times = decimal_to_str((1 / factor).quantize(Decimal("0.1")).normalize())
    return f" (أقل منه {times} مرة)", f" ({times}× below it)"


def explain_name(claim, name: str) -> tuple[str, str]:
    """(Arabic, English) for digits that belong to a name the claim gives."""
    return (
        f"الرقم ({claim.text}) جزء من الاسم «{name}» وليس رقما يُتحقق منه.",
        f"{claim.text!r} is part of the name {name!r}, not a figure to check.",
    )


def explain_unverified(claim, other: ReferenceStatement | None = None, error: str | None = None) -> tuple[str, str]:
    claim_ar = claim.text or figure_ar(claim.kind, claim.value, claim.unit)
    claim_en = figure_en(claim.kind, claim.value, claim.unit)
    if other is not None and error == "subject":
        return (
            f"لا يوجد مرجع عن موضوع هذا الادعاء يؤكد الرقم ({claim_ar}) أو ينفيه؛ الرقم نفسه يرد في "
            f"{citation(other, 'ar')} لكن عن {other.subject}، فلا يُعتمد عليه.",
            f"No reference about this claim's subject backs or refutes {claim_en}; the same figure appears in "
            f"{citation(other, 'en')} but about {other.subject}, so it is not used.",
        )
    if other is not None and error == "currency":
        return (
            f"أقرب مرجع ({citation(other, 'ar')}) يذكر الرقم بعملة أخرى، ولا نفترض سعر صرف؛ لم يُتحقق من ({claim_ar}).",
            f"The closest reference ({citation(other, 'en')}) gives the figure in another currency and no "
            f"exchange rate is assumed; {claim_en} stays unverified.",
        )
    return (
        f"لا يوجد مرجع قريب بما يكفي لتأكيد الرقم ({claim_ar}) أو نفيه.",
        f"No reference statement is close enough to back or refute {claim_en}.",
    )


def explain_date_context(quantity) -> tuple[str, str]:
    """A claim's date that dates another of its figures, or a period the library does not cover."""
    return (
        f"التاريخ «{quantity.text}» يؤرّخ رقماً آخر في الجملة أو فترة لا يغطيها المرجع: سياق لا دليل على خطأ.",
        f"The date “{quantity.text}” dates another figure of the sentence, or a period the reference does not "
        "cover: context, not evidence of an error.",
    )
