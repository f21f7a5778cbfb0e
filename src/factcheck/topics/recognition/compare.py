"""Comparisons: the "much higher" test for C08 (per country, per definition, per Bulgarian
baseline), and the reconciliation of UNHCR's counts with published national figures (AIDA, ECRE),
which is the evidence for the small-count range rule."""
import math

import pandas as pd

from ...core import text
from .data import COUNTS, LATEST, MEASURES
from .ranges import cell_range, rate, rate_range, sum_range
from .rates import DEFINITIONS, cells, turkiye_rates
from .select import asylum, first_instance, origin


def much_higher(elsewhere: tuple, baseline: tuple, factor: float = 2.0, points: float = 20.0):
    """Whether a rate `elsewhere` is "much higher" than a `baseline` rate, both as (low, high)
    ranges in per cent: at least `factor` times the baseline, or at least `points` percentage
    points above it. True when that holds for every value in both ranges, False when it holds
    for none, None when it depends on where in the ranges the true values lie."""
    (e_low, e_high), (b_low, b_high) = elsewhere, baseline
    if any(math.isnan(v) for v in (e_low, e_high, b_low, b_high)):
        return None
    if e_low >= factor * b_high or e_low >= b_high + points:
        return True
    if e_high < factor * b_low and e_high < b_low + points:
        return False
    return None


def all_hold(results):
    """Combine per-year results: True if all True, False if any False, else None."""
    results = list(results)
    if any(r is False for r in results):
        return False
    if results and all(r is True for r in results):
        return True
    return None


def combine_years(results):
    """A statement's result over its years: True if it holds in every year, "partly" if in
    some, False if in none; None when any year cannot be decided."""
    results = list(results)
    if any(r is None for r in results):
        return None
    if all(results):
        return True
    return "partly" if any(results) else False


def much_higher_table(rates: pd.DataFrame, baselines: dict, years, factor: float = 2.0,
                      points: float = 20.0, min_decisions: int = 0) -> pd.DataFrame:
    """Apply `much_higher` per country (or aggregate) and year against a baseline range per year.

    `rates` comes from `turkiye_rates`; `baselines` maps year -> (low, high). Countries with
    fewer than `min_decisions` shown substantive decisions in a year get None for that year."""
    rows = []
    for code, group in rates[rates["year"].isin(list(years))].groupby("coa_iso", sort=True):
        row = {"coa_iso": code}
        results = []
        for year in years:
            match = group[group["year"] == year]
            if match.empty:
                result, shown = None, math.nan
            else:
                r = match.iloc[0]
                shown = r["rate"]
                decisions = r["numerator"] + r["rest"]
                result = (None if decisions < min_decisions
                          else much_higher((r["rate_low"], r["rate_high"]), baselines[year], factor, points))
            row[f"rate_{year}"] = shown
            row[f"holds_{year}"] = result
            results.append(result)
        row["holds_all_years"] = all_hold(results)
        rows.append(row)
    return pd.DataFrame(rows)


def much_higher_sensitivity(frame: pd.DataFrame, bulgaria: pd.DataFrame, letter: dict, years,
                            vintage: str = LATEST, factor: float = 2.0, points: float = 20.0) -> pd.DataFrame:
    """The C08 test for the EU-27 without Bulgaria under each definition, against three
    Bulgarian baselines: the letter's own figures (their rounding bands), UNHCR's shown rate
    and UNHCR's range. `bulgaria` comes from `bulgaria_turkiye`; `letter` maps year -> band."""
    rows = []
    for key in DEFINITIONS:
        eu = turkiye_rates(frame, key)
        eu = eu[eu["coa_iso"] == "EU27_EXCL_BGR"].set_index("year")
        bg = bulgaria[(bulgaria["definition"] == key) & (bulgaria["vintage"] == vintage)].set_index("year")
        baselines = {
            "letter's figures": {y: letter[y] for y in years},
            "UNHCR shown": {y: (bg.loc[y, "rate"], bg.loc[y, "rate"]) for y in years},
            "UNHCR range": {y: (bg.loc[y, "rate_low"], bg.loc[y, "rate_high"]) for y in years},
        }
        for name, base in baselines.items():
            row = {"definition": key, "Bulgarian baseline": name}
            results = []
            for y in years:
                elsewhere = (eu.loc[y, "rate_low"], eu.loc[y, "rate_high"])
                result = much_higher(elsewhere, base[y], factor, points)
                row[f"EU-27 excl. BG {y} %"] = round(float(eu.loc[y, "rate"]), 1)
                row[f"baseline {y} %"] = text.number_range(*base[y], "en", 1, group=False)
                row[f"holds {y}"] = result
                results.append(result)
            row["holds"] = all_hold(results)
            rows.append(row)
    return pd.DataFrame(rows)


# --- reconciliation with published figures --------------------------------------------------

def reconcile(published: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Each published figure next to the figure computed from the UNHCR extract (first
    instance: FI, or FA where only that is reported; all origins or one origin), with the
    shown value, its range, the difference (published - shown) and whether the published
    figure lies in the range."""
    rows = []
    base = first_instance(frame)
    for fig in published.sort_values("figure_id", kind="stable").itertuples(index=False):
        subset = asylum(base, fig.coa_iso)
        subset = subset[subset["year"] == int(fig.year)]
        if fig.coo_iso != "ALL":
            subset = origin(subset, fig.coo_iso)
        spec = MEASURES[fig.measure]
        if fig.coo_iso != "ALL" and subset.empty:
            # UNHCR omits a row whose every count is shown as 0: read it as one row of zeros
            subset = pd.DataFrame([{**{c: 0 for c in COUNTS}, "dec_level": "none"}])
        row = {"figure_id": fig.figure_id, "source_id": fig.source_id, "country": fig.coa_iso,
               "origin": fig.coo_iso, "year": int(fig.year), "measure": fig.measure,
               "published": float(fig.value), "unit": fig.unit,
               "unhcr_level": "+".join(sorted(set(subset["dec_level"]))) or "-"}
        if spec is None:
            row.update(computed=math.nan, low=math.nan, high=math.nan, difference=math.nan, in_range=None,
                       note="no counterpart in the UNHCR decisions data")
        elif spec[1] is None:
            shown_cells = cells(subset, spec[0])
            low, high = sum_range(shown_cells)
            shown = float(sum(shown_cells))
            row.update(computed=shown, low=float(low), high=float(high), difference=float(fig.value) - shown,
                       in_range=bool(low <= float(fig.value) <= high), note="")
        else:
            num, rest = cells(subset, spec[0]), cells(subset, spec[1])
            low, high = rate_range(sum_range(num), sum_range(rest))
            shown = rate(sum(num), sum(rest))
            row.update(computed=shown, low=low, high=high, difference=float(fig.value) - shown,
                       in_range=bool(low - 0.5 <= float(fig.value) <= high + 0.5), note="")
        rows.append(row)
    return pd.DataFrame(rows)


def cell_check(published: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Published counts for single cells (one origin, one outcome) below 10 next to the UNHCR
    cell: the evidence for the range rule. A missing UNHCR row counts as shown 0 (UNHCR omits
    rows whose every count is shown as 0)."""
    rows = []
    base = first_instance(frame)
    for fig in published.sort_values("figure_id", kind="stable").itertuples(index=False):
        if fig.coo_iso == "ALL" or fig.unit != "persons" or float(fig.value) >= 10:
            continue
        spec = MEASURES[fig.measure]
        if spec is None or spec[1] is not None or len(spec[0]) != 1:
            continue
        subset = origin(asylum(base, fig.coa_iso), fig.coo_iso)
        subset = subset[subset["year"] == int(fig.year)]
        shown = int(subset[spec[0][0]].sum()) if not subset.empty else 0
        low, high = cell_range(shown)
        nearest = 5 * round(float(fig.value) / 5) if float(fig.value) < 10 else float(fig.value)
        rows.append({"country": fig.coa_iso, "origin": fig.coo_iso, "year": int(fig.year),
                     "outcome": fig.measure, "published": int(fig.value),
                     "unhcr_shown": shown, "unhcr_row": "yes" if not subset.empty else "no row",
                     "range_low": low, "range_high": high,
                     "in_range": bool(low <= float(fig.value) <= high),
                     "nearest_rounding_gives": int(nearest),
                     "nearest_matches": bool(int(nearest) == shown)})
    return pd.DataFrame(rows)


def value_frequencies(frames, limit: int = 25) -> pd.DataFrame:
    """How often each count value below `limit` occurs in the extracts (all count columns):
    the evidence that counts below 10 are rounded to a multiple of 5."""
    values = pd.concat([f[list(COUNTS)].stack() for f in frames], ignore_index=True).astype(int)
    counts = values[values < limit].value_counts().reindex(range(limit), fill_value=0)
    return pd.DataFrame({"value": list(range(limit)), "cells": counts.to_numpy()})
