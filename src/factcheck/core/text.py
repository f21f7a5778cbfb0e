"""Reader-facing text formatting in English and Dutch: numbers, percentages, ranges, millions, dates.

Built on Babel (CLDR locales "en" and "nl": 12,345.6 / 12.345,6). No project imports: this module only
turns values into strings, so every layer may use it.

Rounding: Babel rounds half-even on the Decimal it is given, and it turns a float into a Decimal through
its shortest repr (2.675 -> Decimal("2.675") -> "2.68"). The project's outputs were written with f-strings,
which round the exact binary value of the float (2.675 is 2.67499999... -> "2.67"). To keep every published
sentence and chart label unchanged, `_rounded` quantises the *exact* value (`Decimal(float)`) half-even to
the shown decimals before Babel sees it; Babel then only places the separators.
"""
from __future__ import annotations

import datetime as _dt
import math
import string
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

LANGS = ("en", "nl")
MISSING = "n/a"          # what a missing value (None, NaN) shows as, unless a caller asks otherwise


@dataclass(frozen=True)
class Text:
    """One sentence or paragraph in English and Dutch."""
    en: str
    nl: str

    def __getitem__(self, lang: str) -> str:
        return self.en if _locale(lang) == "en" else self.nl

    def format(self, **values) -> "Text":
        """Fill the {placeholders} of both languages. A value that is a `Text` gives each language
        its own wording (a number formatted the Dutch way); any other value is the same in both."""
        def fill(lang):
            own = {k: (v[lang] if isinstance(v, Text) else v) for k, v in values.items()}
            return self[lang].format(**own)
        return Text(fill("en"), fill("nl"))

    def placeholders(self, lang: str = None) -> set:
        """The {names} to fill, in one language or in both."""
        return {name for each in ((lang,) if lang else LANGS)
                for _, name, _, _ in string.Formatter().parse(self[each]) if name}

    @staticmethod
    def join(parts, sep: str = " ") -> "Text":
        parts = [p for p in parts if p is not None and (p.en or p.nl)]
        return Text(sep.join(p.en for p in parts), sep.join(p.nl for p in parts))


EMPTY = Text("", "")


def in_both(function, *args, **kwargs) -> Text:
    """`function(*args, lang, **kwargs)` in English and Dutch: in_both(text.number, 1540) -> Text."""
    return Text(function(*args, "en", **kwargs), function(*args, "nl", **kwargs))


def _locale(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang


def is_missing(value) -> bool:
    """None, "" and NaN (float or pandas NA-like floats) count as missing."""
    if value is None or (isinstance(value, str) and value == ""):
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def _rounded(value, decimals: int) -> Decimal:
    """The value rounded as an f-string `f"{value:.{decimals}f}"` rounds it (exact binary value, half-even),
    except that a negative value rounding to zero shows as 0, as `round()` gives it (solidarity's counts)."""
    exact = value if isinstance(value, Decimal) else Decimal(float(value))
    shown = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    return shown.copy_abs() if shown.is_zero() else shown      # never '-0' / '-0.0' (an f-string would write it)


def number(value, lang: str = "en", decimals: int = 0, *, trim: bool = False, group: bool = True,
           signed: bool = False, missing: str = MISSING) -> str:
    """12,345.6 (en) or 12.345,6 (nl), rounded to `decimals`.

    trim: drop trailing zeros of the decimals (1.50 -> "1.5", 2.00 -> "2"); group=False: no thousands
    separator (tick labels and small rates); signed: '+' before a positive number or zero ('+1.5', '+0.00')."""
    if is_missing(value):
        return missing
    digits = ("#" if trim else "0") * decimals
    pattern = ("#,##0" if group else "0") + ("." + digits if digits else "")
    shown = format_decimal(_rounded(value, decimals), format=pattern, locale=_locale(lang))
    return "+" + shown if signed and not shown.startswith("-") else shown


def percent(value, lang: str = "en", decimals: int = 1, **options) -> str:
    """'0.4%' / '0,4%': the number and a percent sign with no space, as the project prints it today.
    (Babel's `format_percent` would follow the locale pattern, which for nl is "0,4 %".)"""
    text = number(value, lang, decimals, **options)
    return text if is_missing(value) else text + "%"


def number_range(low, high, lang: str = "en", decimals: int = 0, *, sep: str = "-", unit: str = "",
                 group: bool = True, missing: str = MISSING) -> str:
    """'2,450,000-2,550,000' or, when both ends round to the same number, that number once; `unit` is
    appended ('%'). A missing end gives `missing`."""
    if is_missing(low) or is_missing(high):
        return missing
    a, b = (number(v, lang, decimals, group=group) for v in (low, high))
    return (a if _rounded(low, decimals) == _rounded(high, decimals) else f"{a}{sep}{b}") + unit


def general(value, lang: str = "en") -> str:
    """A number as Python's `f"{value:g}"` writes it (six significant digits, no trailing zeros, no
    thousands separator), with the language's decimal sign: 2.9 -> '2.9' / '2,9'."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):g}"
    if "e" in text or "inf" in text:       # exponent notation: not for readers, keep it as Python wrote it
        return text
    exact = Decimal(text)
    decimals = max(0, -exact.as_tuple().exponent)
    return number(exact, lang, decimals, group=False)


def million(value, lang: str = "en", *, over: bool = False) -> str:
    """'2.9 million' / 'ruim 2,9 miljoen' ('over' when the figure is a lower bound)."""
    shown = general(value / 1e6, lang)
    if lang == "nl":
        return ("ruim " if over else "") + shown + " miljoen"
    return ("over " if over else "") + shown + " million"


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):      # pandas Timestamp
        return value.date()
    return _dt.date.fromisoformat(str(value)[:10])


def date(value, lang: str = "en", *, day: bool = True, short: bool = False) -> str:
    """'4 March 2027' / '4 maart 2027'; with day=False 'March 2027' / 'maart 2027'; with short=True the
    abbreviated month ('Mar 2027' / 'mrt 2027', CLDR's abbreviations, which have no full stop)."""
    month = "MMM" if short else "MMMM"
    return format_date(_as_date(value), f"d {month} y" if day else f"{month} y", locale=_locale(lang))

