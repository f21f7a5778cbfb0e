"""Tables the notebook displays: rates and outcomes as 'shown (low-high)' text, and which
definition gives a claimed rate."""
import math

import pandas as pd

from ...core import text
from ...rules import claim_band


def display_rates(table: pd.DataFrame, keys, digits: int = 1) -> pd.DataFrame:
    """A rates table for the notebook: shown counts, rate and its range, rounded."""
    out = table[list(keys)].copy()
    out["positive / rest"] = [f"{int(n)} / {int(r)}" for n, r in zip(table["numerator"], table["rest"])]
    out["rate %"] = table["rate"].round(digits)
    out["range %"] = [text.number_range(lo, hi, "en", digits, group=False)
                      for lo, hi in zip(table["rate_low"], table["rate_high"])]
    out["levels"] = table["levels"]
    return out.reset_index(drop=True)


def display_outcomes(table: pd.DataFrame) -> pd.DataFrame:
    """Outcomes as 'shown (low-high)' text per column."""
    out = table[["year"]].copy()
    for name in ("recognized", "other", "rejected", "closed", "granted"):
        out[name] = [f"{int(v)}" + ("" if lo == hi else f" ({int(lo)}-{int(hi)})")
                     for v, lo, hi in zip(table[name], table[f"{name}_low"], table[f"{name}_high"])]
    out["levels"] = table["levels"]
    return out


def pivot_rates(table: pd.DataFrame, index="year", columns="definition", digits: int = 1) -> pd.DataFrame:
    """Rates as 'point (low-high)' text, one column per definition (or other key)."""
    shown = [text.number(r, "en", digits, group=False) + f" ({text.number_range(lo, hi, 'en', digits, group=False)})"
             for r, lo, hi in zip(table["rate"], table["rate_low"], table["rate_high"])]
    frame = table.assign(text=shown)
    out = frame.pivot(index=index, columns=columns, values="text")
    return out.reset_index().rename_axis(columns=None)


def matches_claim(table: pd.DataFrame, year: int, claimed: float, qualifier: str = "") -> pd.DataFrame:
    """Which definition (and vintage) gives the claimed rate for a year: the claim's band
    against the shown rate and against the range."""
    band = claim_band(claimed, qualifier)
    rows = []
    for r in table[table["year"] == year].itertuples(index=False):
        point_ok = (not math.isnan(r.rate)) and band[0] - 1e-9 <= r.rate <= band[1] + 1e-9
        range_ok = (not math.isnan(r.rate_low)) and r.rate_low <= band[1] + 1e-9 and r.rate_high >= band[0] - 1e-9
        rows.append({"vintage": r.vintage, "definition": r.definition, "level": r.levels,
                     "rate %": round(r.rate, 1),
                     "range %": text.number_range(r.rate_low, r.rate_high, "en", 1, group=False),
                     "claim band": f"{band[0]:g}-{band[1]:g}", "shown rate in band": point_ok,
                     "range overlaps band": range_ok})
    return pd.DataFrame(rows)
