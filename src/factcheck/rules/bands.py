"""The claim's band: the range of true values for which a claim, as worded, is right."""
import math

ABOUT = 0.10     # "about"/"ongeveer": within 10 per cent either way
ALMOST = 0.10    # "almost"/"bijna": up to 10 per cent below, not above
FACTOR = 2.0     # beyond this factor a wrong number is inaccurate, not over/understated


def precision(value: float) -> float:
    """Place value of the last significant digit: 14 -> 1, 61000 -> 1000, 0.4 -> 0.1, 0 -> 1."""
    if value == 0:
        return 1.0
    for exponent in range(9, -7, -1):
        step = 10.0 ** exponent
        if abs(value) >= step and math.isclose(round(value / step) * step, value, rel_tol=1e-9, abs_tol=1e-12):
            return step
    return 10.0 ** -6


def claim_band(value: float, qualifier: str = "") -> tuple:
    """The range of true values for which the claim, as worded, is right.

    No qualifier: the claim's own rounding (14 -> 13.5 to 14.5; 0 -> 0 to 0.5).
    "about": 10% either way, or the rounding when wider. "almost": up to 10% below.
    "over"/"at least": from the value up to one step of its rounding above it.
    "none": exactly zero.
    """
    half = precision(value) / 2
    if qualifier == "none":
        return (0.0, 0.0)
    if qualifier == "about":
        spread = max(abs(value) * ABOUT, half)
        return (value - spread, value + spread)
    if qualifier == "almost":
        return (value * (1 - ALMOST), value)
    if qualifier in ("over", "at least"):
        return (value, value + 2 * half)
    return (max(value - half, 0.0) if value >= 0 else value - half, value + half)
