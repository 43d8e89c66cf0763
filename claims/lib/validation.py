"""Guards for untrusted input, shared by every door (API, ingest, import_references, extract, lookup).

Each returns a clear reason instead of letting a hostile value reach code that would crash on it
or spend minutes on it:

- `json_loads`: JSON nested deeper than MAX_JSON_DEPTH (Python's parser recurses: "[" * 100000 is
  a RecursionError), NaN/Infinity, and text holding NUL or lone surrogates are refused;
- `text_problem`: NUL (PostgreSQL text cannot store it) and lone surrogates (not encodable as UTF-8:
  they break every write to a file, a terminal or the database);
- `parse_decimal`: a number is checked for length, finiteness and exponent *before* any arithmetic
  (`Decimal("1e999999999")` is instant, but scaling or printing it is not);
- `decimal_fits`: does a value fit the database's figure columns (40 digits, 20 after the point)?
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

MAX_JSON_DEPTH = 32
MAX_NUMBER_CHARS = 64  # the width of the value columns
MAX_EXPONENT = 30  # |adjusted exponent| of a figure we accept: 10^30 is far past any real figure
COLUMN_INTEGER_DIGITS = 20  # Quantity.value: max_digits=40, decimal_places=20

# Why Python's JSON parser stopped (JSONDecodeError.msg, a closed set of texts), in the reader's
# language; a text not listed (a newer Python's) is shown as the parser gives it.
JSON_ERROR_REASONS = {
    "Expecting value": pgettext_lazy("JSON parser", "Expecting value"),
    "Expecting ',' delimiter": pgettext_lazy("JSON parser", "Expecting ',' delimiter"),
    "Expecting ':' delimiter": pgettext_lazy("JSON parser", "Expecting ':' delimiter"),
    "Expecting property name enclosed in double quotes": pgettext_lazy(
        "JSON parser", "Expecting property name enclosed in double quotes"
    ),
    "Extra data": pgettext_lazy("JSON parser", "Extra data"),
    "Unterminated string starting at": pgettext_lazy("JSON parser", "Unterminated string starting at"),
    "Invalid control character at": pgettext_lazy("JSON parser", "Invalid control character at"),
    "Invalid \\escape": pgettext_lazy("JSON parser", "Invalid \\escape"),
    "Invalid \\uXXXX escape": pgettext_lazy("JSON parser", "Invalid \\uXXXX escape"),
    "Illegal trailing comma before end of object": pgettext_lazy(
        "JSON parser", "Illegal trailing comma before end of object"
    ),
    "Illegal trailing comma before end of array": pgettext_lazy(
        "JSON parser", "Illegal trailing comma before end of array"
    ),
}

_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class InputError(ValueError):
    """Input refused by a guard; the message says why, for the person who sent it."""


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text (NUL or a lone surrogate, with its position), or None."""
    match = _BAD_CHARACTER.search(value)
    if match is None:
        return None
    if match.group() == "\x00":
        return _("contains a NUL character (\\u0000) at character %(position)s") % {"position": match.start()}
    return _("contains invalid Unicode (a lone surrogate %(code)s) at character %(position)s") % {
        "code": f"\\u{ord(match.group()):04x}",
        "position": match.start(),
    }


def json_error_reason(error: json.JSONDecodeError) -> str:
    """Why malformed JSON was refused (the parser's reason, without its position), in the active language."""
    return str(JSON_ERROR_REASONS.get(error.msg, error.msg))


def check_text(value: str, name: str = "text") -> str:
    """`value` unchanged, or InputError naming the field and the bad character."""
    problem = text_problem(value)
    if problem:
        raise InputError(_("%(name)s %(problem)s") % {"name": name, "problem": problem})
    return value


def _refuse_constant(name: str):
    raise InputError(_("%(name)s is not a JSON number") % {"name": name})


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise InputError(_("a JSON number is out of range"))
    return number


# One decoder: json.loads(text, **hooks) would build a new one (and its scanner) per call.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)


def json_loads(data: str | bytes, *, max_depth: int = MAX_JSON_DEPTH):
    """json.loads, refusing deep nesting, NaN/Infinity and strings with NUL or lone surrogates.

    Raises json.JSONDecodeError for malformed JSON (as json.loads does) and InputError for the rest."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        value = _DECODER.decode(text)
    except RecursionError:
        raise InputError(_("JSON nested too deeply (more than %(depth)s levels)") % {"depth": max_depth}) from None
    except ValueError as exc:
        # An integer of more than 4300 digits (Python's limit) is a ValueError, not a JSONDecodeError.
        if isinstance(exc, (json.JSONDecodeError, InputError)):
            raise
        raise InputError(_("bad JSON number: %(error)s") % {"error": exc}) from None
    # Strict JSON refuses raw control characters in strings, so NUL and surrogates can only come
    # from \u escapes; and a document with few brackets cannot be deep. Most records skip the walk.
    check_strings = "\\u" in text
    check_depth = text.count("[") + text.count("{") > max_depth
    if check_strings or check_depth:
        _check_tree(value, max_depth, check_strings=check_strings)
    return value


def _check_tree(root, max_depth: int, *, check_strings: bool = True) -> None:
    """Depth and strings of a parsed JSON value, without recursion."""
    stack = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            problem = check_strings and text_problem(value)
            if problem:
                raise InputError(_("a JSON string %(problem)s") % {"problem": problem})
        elif isinstance(value, (list, dict)):
            if depth > max_depth:
                raise InputError(_("JSON nested too deeply (more than %(depth)s levels)") % {"depth": max_depth})
            if isinstance(value, dict):
                for key, item in value.items():
                    stack.append((key, depth + 1))
                    stack.append((item, depth + 1))
            else:
                stack.extend((item, depth + 1) for item in value)


def check_url(url: str | None, name: str = "url") -> str | None:
    """`url` if it is an http:// or https:// address (the only schemes stored anywhere), None if empty."""
    if url is None or not url.strip():
        return None
    check_text(url, name)
    scheme, _sep, rest = url.strip().partition("://")
    if scheme.lower() not in ("http", "https") or not rest.strip("/"):
        raise InputError(
            _("%(name)s must be an http:// or https:// address, got %(url)s") % {"name": name, "url": repr(url[:80])}
        )
    return url.strip()


def parse_decimal(raw: str, *, name: str = "value") -> Decimal:
    """A plain decimal number ("5580000", "-1.25", "5.58e6"), checked before any arithmetic:
    at most MAX_NUMBER_CHARS characters, finite, |exponent| ≤ MAX_EXPONENT. InputError otherwise."""
    text = raw.strip()
    if len(text) > MAX_NUMBER_CHARS:
        raise InputError(
            _("%(name)s is too long for a number (more than %(limit)s characters)")
            % {"name": name, "limit": MAX_NUMBER_CHARS}
        )
    if not _PLAIN_NUMBER.fullmatch(text):
        raise InputError(_("%(name)s is not a number: %(raw)s") % {"name": name, "raw": repr(raw[:MAX_NUMBER_CHARS])})
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InputError(
            _("%(name)s is not a number: %(raw)s") % {"name": name, "raw": repr(raw[:MAX_NUMBER_CHARS])}
        ) from None
    return check_decimal(number, name=name)


def check_decimal(number: Decimal, *, name: str = "value") -> Decimal:
    """`number` if finite and within ±10^MAX_EXPONENT (and not below 10^-MAX_EXPONENT unless zero)."""
    if not number.is_finite():
        raise InputError(_("%(name)s must be a finite number") % {"name": name})
    if number and abs(number.adjusted()) > MAX_EXPONENT:
        raise InputError(
            _("%(name)s is out of range (between 1e-%(exponent)s and 1e%(exponent)s in size)")
            % {"name": name, "exponent": MAX_EXPONENT}
        )
    return number


def decimal_fits(number: Decimal | None) -> bool:
    """Does `number` fit the figure columns (Quantity.value, .precision, QuantityCheck.ratio)?"""
    if number is None:
        return True
    return number.is_finite() and (not number or number.adjusted() < COLUMN_INTEGER_DIGITS)
