"""factcheck.text: the Babel-based formatters give the same strings as the formatters they replaced.

`OLD` holds the replaced implementations as they were (issue 12 item 4), so a change in Babel, in the
rounding or in a pattern shows up here, not only as a changed chart or sentence."""
import math
import random
from datetime import date

import pytest

from factcheck.publish import readme
from factcheck.core import text

# ---------------------------------------------------------------------------------- the old formatters


def old_fmt_number(value, lang, decimals=0):            # procedure.fmt_number
    t = f"{value:,.{decimals}f}"
    return t if lang == "en" else t.replace(",", "_").replace(".", ",").replace("_", ".")


def old_fmt_int(value, lang):                           # solidarity.fmt_int
    t = f"{round(value):,}"
    return t if lang == "en" else t.replace(",", ".")


def old_fmt_dec(value, decimals, lang):                 # solidarity.fmt_dec
    t = f"{value:.{decimals}f}"
    return t if lang == "en" else t.replace(".", ",")


def old_readme_number(value):                           # readme.number
    if value in ("", None) or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def old_fmt_range(rng, digits=0, unit=""):              # resettlement.fmt_range
    low, high = (round(rng[0], digits), round(rng[1], digits))
    t = f"{low:,.{digits}f}" if low == high else f"{low:,.{digits}f} to {high:,.{digits}f}"
    return t + unit


def old_shown_range(low, high, digits=1):               # recognition.shown_range
    if any(math.isnan(v) for v in (low, high)):
        return "n/a"
    a, b = round(low, digits), round(high, digits)
    fmt = f"{{:.{digits}f}}"
    return fmt.format(a) if a == b else f"{fmt.format(a)}-{fmt.format(b)}"


def old_million(published, over, lang):                 # resettlement._million
    number = f"{published / 1e6:g}"
    if lang == "nl":
        return ("ruim " if over else "") + number.replace(".", ",") + " miljoen"
    return ("over " if over else "") + number + " million"


def old_decimals(value, lang, digits=1):                # resettlement._decimals (tick labels)
    return f"{value:.{digits}f}".replace(".", "," if lang == "nl" else ".")


def old_thousands(value, lang):                         # resettlement._thousands, resettlement._nl, notebook 01 en_n/nl_n
    return f"{value:,.0f}".replace(",", "." if lang == "nl" else ",")


def old_nb02_nl(x):                                     # notebook 02 `nl`
    return f"{x:.1f}".replace(".", ",")


MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"),
          "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                 "oktober", "november", "december")}
SHORT = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
         "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")}


def old_fmt_date(d, lang, day=True):                    # procedure.fmt_date
    month = MONTHS[lang][d.month - 1]
    return f"{d.day} {month} {d.year}" if day else f"{month} {d.year}"


def no_negative_zero(t):
    """The f-string formatters wrote '-0' / '-0.0' for small negative values (none of them in the outputs);
    text.number writes 0, as solidarity.fmt_int (round()) did."""
    return t[1:] if t.startswith("-") and set(t[1:]) <= set("0.,") else t


# ---------------------------------------------------------------------------------- the values

# Values the outputs format today (verdict table, chart labels, conclusions), and ties where Babel's own
# rounding (half-even on the float's repr) would differ from an f-string's (the exact binary value).
SEEN = [0, 0.4, 0.21, 1.5, 2.5, 5.141, 14.2, 13.96, 61000, 10430, 1079.6, 1100, 1600, 11827, 2_900_000,
        2_450_000, 2_550_000, 0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, 1079.5, 1080.5, 83.0, 82.95, 83.05,
        99.995, 999.5, 999_999.5, -0.4, -0.004, -12.5, -1234.5678, 4.35, 7.45, 0.0049, 17, 121, 67,
        3.5e6, 7.6e6, 1.23456789e6, 0.1 + 0.2]
RNG = random.Random(12)
VALUES = SEEN + [round(RNG.uniform(-1e6, 1e7), RNG.randint(0, 4)) for _ in range(300)] \
    + [RNG.randint(0, 2000) / 8 for _ in range(200)]          # many exact binary ties (x.125, x.375, ...)
LANGS = ("en", "nl")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
def test_number_matches_fmt_number(lang, decimals):
    for v in VALUES:
        assert text.number(v, lang, decimals) == no_negative_zero(old_fmt_number(v, lang, decimals)), v


@pytest.mark.parametrize("lang", LANGS)
def test_number_matches_int_and_dec_formatters(lang):
    for v in VALUES:
        assert text.number(v, lang) == old_fmt_int(v, lang) == no_negative_zero(old_thousands(v, lang)), v
        for d in (1, 2):
            assert text.number(v, lang, d, group=False) == no_negative_zero(old_fmt_dec(v, d, lang)) == no_negative_zero(old_decimals(v, lang, d)), v
            assert text.percent(v, lang, d, group=False) == no_negative_zero(old_fmt_dec(v, d, lang)) + "%", v
        assert text.number(v, "nl", 1, group=False) == no_negative_zero(old_nb02_nl(v))


@pytest.mark.parametrize("lang", LANGS)
def test_signed(lang):
    """resettlement's outlook change ({:+.1f}) and solidarity's World Bank difference ({round(x, 2) + 0.0:+.2f})."""
    for v in VALUES:
        assert text.number(v, lang, 1, signed=True) == no_negative_zero_signed(old_fmt_number(v, lang, 1), v), v
        assert text.number(v, "en", 2, signed=True) == f"{round(v, 2) + 0.0:+,.2f}", v
    assert text.percent(-3.25, "nl", 1, signed=True) == "-3,2%" and text.number(0, "en", 2, signed=True) == "+0.00"


def no_negative_zero_signed(t, v):
    t = no_negative_zero(t)
    return t if t.startswith("-") else "+" + t


def test_readme_number():
    for v in VALUES + ["", None, float("nan"), "1.50", 12]:
        assert readme.number(v) == no_negative_zero(old_readme_number(v)), v


def test_ranges():
    ends = [v for v in VALUES if not -1 < v < 0]          # no '-0' ends (see no_negative_zero)
    pairs = list(zip(ends, ends[1:])) + [(v, v) for v in ends] + [(v, v + 0.04) for v in ends]
    for low, high in pairs:
        for d in (0, 1, 2):
            assert text.number_range(low, high, "en", d, sep=" to ") == no_negative_zero(old_fmt_range((low, high), d)), (low, high)
            assert text.number_range(low, high, "en", d, sep=" to ", unit="%") == \
                no_negative_zero(old_fmt_range((low, high), d, "%")[:-1]) + "%"
            if abs(low) < 1000 and abs(high) < 1000:
                assert text.number_range(low, high, "en", d, group=False) == no_negative_zero(old_shown_range(low, high, d))


def test_rank_ranges():
    """hosting.rank_span: '12-19', or '1' when both ends are the same."""
    for low in range(1, 40):
        for high in range(low, 200, 7):
            assert text.number_range(low, high, group=False) == (f"{low}" if low == high else f"{low}-{high}")


def test_million():
    for v in [2.9e6, 2.45e6, 3.0e6, 2.5e6, 1.23456789e6, 2_913_000, 1e6, 10e6]:
        for over in (False, True):
            for lang in LANGS:
                assert text.million(v, lang, over=over) == old_million(v, over, lang)
    assert text.million(2.9e6, "nl", over=True) == "ruim 2,9 miljoen"
    assert text.million(2.5e6, "en") == "2.5 million"


@pytest.mark.parametrize("lang", LANGS)
def test_dates(lang):
    for m in range(1, 13):
        d = date(2027, m, 4)
        assert text.date(d, lang) == old_fmt_date(d, lang)
        assert text.date(d.isoformat(), lang, day=False) == old_fmt_date(d, lang, day=False)
        assert text.date(d, lang, day=False, short=True) == f"{SHORT[lang][m - 1]} 2027"
    assert text.date("2027-03-04", "nl") == "4 maart 2027"
    assert text.date("2025-11-03", "nl", day=False) == "november 2025"


def test_dutch_separators():
    assert text.number(12345.6, "nl", 1) == "12.345,6"
    assert text.number(12345.6, "en", 1) == "12,345.6"
    assert text.number(1079.6, "nl") == "1.080"          # thousands separator from four digits on
    assert text.number(1234567.891, "nl", 2, group=False) == "1234567,89"
    assert text.percent(0.4, "nl") == "0,4%"              # no space before '%', as printed today
    assert text.number(2.675, "en", 2) == "2.67"         # the f-string rounding, not Babel's '2.68'
    assert text.number(-0.4, "en") == "0" and text.number(-0.04, "nl", 1) == "0,0"


def test_missing_values():
    for missing in (None, float("nan"), ""):
        assert text.number(missing, "en") == "n/a"
        assert text.percent(missing, "nl") == "n/a"
        assert text.number_range(missing, 3, "en") == "n/a"
        assert text.number(missing, "en", missing="") == ""
    assert text.number_range(float("nan"), float("nan"), "en", 1, group=False) == old_shown_range(
        float("nan"), float("nan"))


def test_unknown_language():
    with pytest.raises(ValueError, match="unknown language"):
        text.number(1, "de")
