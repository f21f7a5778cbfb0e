"""Small counts as ranges: what a published UNHCR (or Eurostat) count can stand for, the range of a
sum of such counts, and the range of a rate built from them. No pandas, no I/O.

(Generic: the masked-count rule of the verdict standards needs these too; they could move to
`rules/ranges.py`.)
"""
import math

MASKED_VALUES = (0, 5, 10)
ROUNDING_SD = 2.5   # upper bound of the standard deviation of one cell's rounding error


def _missing(value) -> bool:
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return value is None


def cell_range(shown) -> tuple:
    """The range of true counts that a published UNHCR asylum-decision count can stand for.

    In the extracts no count below 10 takes a value other than 0, 5 or 10 (in every year
    2015-2025), so counts below 10 are rounded to a multiple of 5. A third-party description
    of the UNHCR API (cyanheads-unhcr-mcp-design) states "counts below 10 are rounded to the
    nearest multiple of 5". Published national figures for the same cells (AIDA Hungary and
    Croatia 2023) show true 2 published as 5 and true 1 and 3 published as 0, which nearest
    rounding cannot produce, so we use the widest range consistent with rounding to a
    multiple of 5 (nearest or random): a shown 0 stands for 0-4, a shown 5 for 1-9, a shown
    10 for 6-10. Any other value is exact."""
    if _missing(shown):
        raise ValueError("a missing count has no range")
    value = int(shown)
    if value < 0:
        raise ValueError(f"a count cannot be negative: {value}")
    return {0: (0, 4), 5: (1, 9), 10: (6, 10)}.get(value, (value, value))


def is_masked(shown) -> bool:
    """Whether a published count may have been rounded (0, 5 or 10)."""
    return int(shown) in MASKED_VALUES


def sum_range(values) -> tuple:
    """Range of the true sum of several published counts.

    The range is the intersection of (a) the hard bounds, every masked cell at its extreme
    (`cell_range`), and (b) the shown sum plus or minus two standard deviations of the total
    rounding error, 2 x 2.5 x sqrt(k) for k masked cells (rounding to base 5 moves a value
    by at most 4, with a variance of at most 6). For one cell (b) adds nothing to (a); for
    many cells (b) keeps the range from assuming that every masked cell errs the same way.
    Bounds are whole persons: the lower bound rounded up, the upper bound rounded down."""
    values = [int(v) for v in values]
    if not values:
        return (0, 0)
    shown = sum(values)
    hard_low = sum(cell_range(v)[0] for v in values)
    hard_high = sum(cell_range(v)[1] for v in values)
    masked = sum(is_masked(v) for v in values)
    spread = 2 * ROUNDING_SD * math.sqrt(masked)
    low = max(hard_low, math.ceil(shown - spread - 1e-9))
    high = min(hard_high, math.floor(shown + spread + 1e-9))
    return (low, high)


def eurostat_cell_range(shown) -> tuple:
    """Eurostat asylum data are "rounded to the nearest 5" (metadata migr_asydec_esms):
    a shown value v stands for v-2 to v+2 (never below 0)."""
    value = int(shown)
    if value < 0:
        raise ValueError(f"a count cannot be negative: {value}")
    return (max(value - 2, 0), value + 2)


def rate(numerator: float, rest: float) -> float:
    """numerator / (numerator + rest) in per cent; NaN when there is no decision."""
    total = numerator + rest
    return math.nan if total <= 0 else 100.0 * numerator / total


def rate_range(numerator: tuple, rest: tuple) -> tuple:
    """Lowest and highest rate when the numerator and the rest of the denominator each lie in
    a range. The rate rises with the numerator and falls with the rest, so the extremes are
    (numerator low, rest high) and (numerator high, rest low)."""
    (n_low, n_high), (r_low, r_high) = numerator, rest
    if n_low + r_high > 0:
        low = rate(n_low, r_high)
    else:
        low = 100.0 if n_high > 0 else math.nan
    if n_high + r_low > 0:
        high = rate(n_high, r_low)
    else:
        high = 0.0 if r_high > 0 else math.nan
    return (low, high)
