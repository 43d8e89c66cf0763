"""How the review desk shows the machine's findings to a person: figures in words, error kinds,
units and ratings in the editor's language, digits the Arabic way when the setting asks.

Pure presentation over rows already loaded (the queue prefetches quantities and their checks), so
nothing here runs a query.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import get_language, gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from claims.models import MachineVerdict, Rating

ARABIC_INDIC_DIGITS = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")

# Worst first: the figure a queue row names is the first of these it finds.
VERDICT_SEVERITY = (
    MachineVerdict.CONTRADICTED,
    MachineVerdict.MIXED,
    MachineVerdict.MISLEADING_BOUND,
    MachineVerdict.UNVERIFIED,
    MachineVerdict.SUPPORTED,
)

ERROR_LABELS = {
    "scale": _("scale slip"),
    "rounding": _("rounding"),
    "unit": _("wrong unit"),
    "currency": _("wrong currency"),
    "year": _("wrong year"),
    "subject": _("another subject"),
    "bound": _("misleading or false bound"),
    "value": _("wrong value"),
}

KIND_LABELS = {
    "money": _("money"),
    "count": _("count"),
    "percent": _("percentage"),
    "measure": _("measure"),
    "date": _("date"),
    "duration": _("duration"),
    "ordinal": _("ordinal"),
    "range": _("range"),
    "number": _("number"),
    "fraction": _("fraction"),
    "multiplier": _("multiplier"),
}

QUALIFIER_LABELS = {
    "exact": _("exact"),
    "approx": _("approximately"),
    "APPROX": _("approximately"),
    "at_least": _("at least"),
    "at_most": _("at most"),
    "more_than": _("more than"),
    "less_than": _("less than"),
    "range": _("range"),
}

UNIT_LABELS = {
    "USD": _("dollars"),
    "EUR": _("euros"),
    "GBP": _("pounds sterling"),
    "SAR": _("Saudi riyals"),
    "AED": _("UAE dirhams"),
    "EGP": _("Egyptian pounds"),
    "QAR": _("Qatari riyals"),
    "KWD": _("Kuwaiti dinars"),
    "CNY": _("yuan"),
    "JPY": _("yen"),
    "%": "%",
    "times": _("times"),
    "hour": _("hours"),
    "day": _("days"),
    "month": _("months"),
    "year": _("years"),
    "user": _("users"),
    "AUD": _("Australian dollars"),
    "BHD": _("Bahraini dinars"),
    "BTC": _("bitcoin"),
    "CAD": _("Canadian dollars"),
    "CHF": _("Swiss francs"),
    "DZD": _("Algerian dinars"),
    "HKD": _("Hong Kong dollars"),
    "INR": _("Indian rupees"),
    "IQD": _("Iraqi dinars"),
    "IRR": _("Iranian rials"),
    "JOD": _("Jordanian dinars"),
    "KRW": _("Korean won"),
    "LBP": _("Lebanese pounds"),
    "LYD": _("Libyan dinars"),
    "MAD": _("Moroccan dirhams"),
    "OMR": _("Omani rials"),
    "RUB": _("roubles"),
    "SGD": _("Singapore dollars"),
    "SYP": _("Syrian pounds"),
    "TND": _("Tunisian dinars"),
    "TRY": _("Turkish lira"),
    "YER": _("Yemeni rials"),
    "EB": _("exabytes"),
    "GB": _("gigabytes"),
    "MB": _("megabytes"),
    "PB": _("petabytes"),
    "TB": _("terabytes"),
    "ZB": _("zettabytes"),
    "GHz": _("gigahertz"),
    "MHz": _("megahertz"),
    "GW": _("gigawatts"),
    "MW": _("megawatts"),
    "kW": _("kilowatts"),
    "kWh": _("kilowatt-hours"),
    "TWh": _("terawatt-hours"),
    "PFLOPS": _("petaflops"),
    "TFLOPS": _("teraflops"),
    "bbl": _("barrels"),
    "bp": _("basis points"),
    "cm": _("centimetres"),
    "g": _("grams"),
    "kg": _("kilograms"),
    "km": _("kilometres"),
    "km2": _("square kilometres"),
    "l": _("litres"),
    "m": _("metres"),
    "m2": _("square metres"),
    "mi": _("miles"),
    "minute": _("minutes"),
    "ml": _("millilitres"),
    "mm": _("millimetres"),
    "nm": _("nanometres"),
    "pp": _("percentage points"),
    "second": _("seconds"),
    "t": _("tonnes"),
    "week": _("weeks"),
    "°C": _("degrees Celsius"),
}

# (threshold, Arabic-style scale word): 5576000 → 5.576 million.
SCALES = (
    (Decimal(10) ** 12, pgettext_lazy("scale word", "trillion")),
    (Decimal(10) ** 9, pgettext_lazy("scale word", "billion")),
    (Decimal(10) ** 6, pgettext_lazy("scale word", "million")),
    (Decimal(10) ** 3, pgettext_lazy("scale word", "thousand")),
)


def digits(text: str) -> str:
    """`text` with Arabic-Indic digits when FACTCHECK_ARABIC_INDIC_DIGITS is on and the page is Arabic."""
    if getattr(settings, "FACTCHECK_ARABIC_INDIC_DIGITS", False) and (get_language() or "").startswith("ar"):
        return str(text).translate(ARABIC_INDIC_DIGITS)
    return str(text)


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount(value_text: str | None, unit: str | None = "") -> str:
    """A stored value for a reader: "5576000", "USD" → "5.576 مليون دولار" (or "5.576 million dollars")."""
    if not value_text:
        return "—"
    try:
        value = Decimal(value_text)
    except (InvalidOperation, ValueError):
        return digits(f"{value_text} {unit_label(unit)}".strip())
    words = ""
    for threshold, word in SCALES:
        if abs(value) >= threshold:
            value, words = value / threshold, str(word)
            break
    shown = _plain(value.quantize(Decimal("0.001")) if value != value.to_integral_value() else value)
    return digits(" ".join(part for part in (shown, words, unit_label(unit)) if part))


def unit_label(unit: str | None) -> str:
    if not unit:
        return ""
    return str(UNIT_LABELS.get(unit, unit))


def kind_label(kind: str | None) -> str:
    return str(KIND_LABELS.get(kind or "", kind or "—"))


def qualifier_label(qualifier: str | None) -> str:
    return str(QUALIFIER_LABELS.get(qualifier or "", qualifier or ""))


def error_label(error: str | None) -> str:
    return str(ERROR_LABELS.get(error or "", error or ""))


def ratio_label(ratio) -> str:
    """The claimed figure as a multiple of the reference: ×100 for a hundred times too large, ×0.01
    for a hundred times too small (a "÷" is easily misread as "+" in small bold type)."""
    if ratio in (None, ""):
        return ""
    ratio = Decimal(ratio)
    if ratio <= 0:
        return ""
    if ratio >= 10:
        shown = ratio.quantize(Decimal(1))
    elif ratio >= 1:
        shown = ratio.quantize(Decimal("0.1"))
    else:
        shown = ratio.quantize(Decimal(1).scaleb(ratio.adjusted() - 1))  # two significant digits
    return digits(f"×{_plain(shown)}")


def rating_label(rating: str | None) -> str:
    """The rating in the page's language."""
    if not rating:
        return "—"
    return str(dict(Rating.choices).get(rating, rating))


def _check(quantity):
    # The reverse one-to-one is cached by prefetch_related("quantities__match"); a miss means "not checked".
    try:
        return quantity.match
    except quantity._meta.get_field("match").related_model.DoesNotExist:
        return None


def worst_figure(claim):
    """(quantity, check) of the figure the queue should name first: contradicted before unverified
    before supported; (None, None) when the claim holds no figure."""
    quantities = list(claim.quantities.all())
    if not quantities:
        return None, None
    checked = [(quantity, _check(quantity)) for quantity in quantities]

    def severity(pair):
        check = pair[1]
        verdict = check.verdict if check is not None else MachineVerdict.UNVERIFIED
        return VERDICT_SEVERITY.index(verdict) if verdict in VERDICT_SEVERITY else len(VERDICT_SEVERITY)

    return min(checked, key=severity)


def figure_finding(quantity, check) -> str:
    """One line saying what is wrong (or right) with a figure:
    "558 مليون دولار ← 5.576 مليون دولار (×100، خطأ في المرتبة)"."""
    if quantity is None:
        return gettext("No figure")
    figure = digits(quantity.text)
    if check is None:
        missing = gettext("not matched yet")
        return f"{figure} — {missing}"
    if check.verdict == MachineVerdict.UNVERIFIED or not check.reference_value:
        missing = gettext("no reference found")
        return f"{figure} — {missing}"
    reference = amount(check.reference_value, check.reference_unit)
    factor = ratio_label(check.ratio) if check.error == "scale" else ""
    detail = [part for part in (factor, error_label(check.error)) if part]
    sign = "=" if check.verdict == MachineVerdict.SUPPORTED else "←"
    finding = f"{figure} {sign} {reference}"
    if detail:
        separator = pgettext("between the parts of a finding", ", ")
        finding += f" ({separator.join(detail)})"
    return finding


# What "accept the machine's suggestion" records: a wrong figure is a wrong figure whether the other
# figures of the claim hold (mixed) or not; with no reference (unverified) the machine suggests nothing.
SUGGESTED_RATINGS = {
    MachineVerdict.CONTRADICTED: Rating.WRONG_FIGURE,
    MachineVerdict.MIXED: Rating.WRONG_FIGURE,
    MachineVerdict.SUPPORTED: Rating.TRUE,
}


def suggested_rating(machine_verdict: str | None) -> str:
    return str(SUGGESTED_RATINGS.get(machine_verdict or "", ""))
