"""Recognition rates from UNHCR asylum decisions (claims C06-C10), with masked small counts as ranges.

Everything the notebook 02-recognition-rates computes lives here: loading the decision
extracts, choosing the decision level, the three rate definitions, the small-count range
rule, aggregation over countries, the "much higher" test for C08, the reconciliation with
published figures (AIDA, ECRE) and the pick-up of a Eurostat extract when one is present.

Counts in the UNHCR extracts are the values as published ("shown"). UNHCR perturbs small
counts (see `cell_range`), so every count derived from them is carried as a range
(`low`, `high`) next to the shown value, and every rate as a range computed from those.
"""
import math
from dataclasses import dataclass

import pandas as pd

from .sources import snapshots
from .core import text
from .core.countries import country_name
from .core.schema import Column, Schema

VINTAGES = ("2025.06.0", "2025.12.1")
LATEST = "2025.12.1"        # full-year 2025, published 2026-06-25 (after the letter)
AT_LETTER = "2025.06.0"     # the newest vintage public on 2 February 2026; its 2025 rows are partial
LETTER_DATE = "2026-02-02"
COUNTS = ("dec_recognized", "dec_other", "dec_rejected", "dec_closed")
LEVELS = {"FI": "first instance", "FA": "first instance and appeal combined", "AR": "administrative review",
          "JR": "judicial review", "RA": "repeat/reopened applications", "SP": "subsidiary protection",
          "TA": "temporary asylum", "IN": "US Citizenship and Immigration Services",
          "EO": "US Executive Office for Immigration Review"}
EU27 = snapshots.EU27


def decisions_source_id(vintage: str) -> str:
    return f"unhcr-decisions-{vintage}"


def load_decisions(vintage: str = LATEST) -> pd.DataFrame:
    """The committed UNHCR asylum-decisions extract of one vintage (sha256 checked on load).

    Rows: asylum countries BGR, HRV, HUN (all origins) and origin TUR (all asylum
    countries), 2015-2025; counts as published (persons or cases, see `dec_pc`)."""
    if vintage not in VINTAGES:
        raise ValueError(f"unknown vintage {vintage!r}; expected one of {VINTAGES}")
    frame = snapshots.load_extract(decisions_source_id(vintage))
    frame = frame.copy()
    frame["vintage"] = vintage
    return frame


# --------------------------------------------------------------------------------------
# Small counts
# --------------------------------------------------------------------------------------

MASKED_VALUES = (0, 5, 10)
ROUNDING_SD = 2.5   # upper bound of the standard deviation of one cell's rounding error


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
    if pd.isna(shown):
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


# --------------------------------------------------------------------------------------
# Rate definitions
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Definition:
    key: str
    label_en: str
    label_nl: str
    numerator: tuple          # count columns over the ...
    denominator: tuple        # ... count columns (the numerator's columns are among them)
    formula: str

    @property
    def rest(self) -> tuple:
        """Denominator columns that are not in the numerator."""
        return tuple(c for c in self.denominator if c not in self.numerator)


DEFINITIONS = {d.key: d for d in (
    Definition("total_protection", "total protection rate (refugee status + other protection) over substantive "
               "decisions", "beschermingspercentage (vluchtelingenstatus + andere bescherming) van inhoudelijke "
               "beslissingen", ("dec_recognized", "dec_other"), ("dec_recognized", "dec_other", "dec_rejected"),
               "(recognized + other) / (recognized + other + rejected)"),
    Definition("refugee_status", "refugee status only, over substantive decisions",
               "alleen vluchtelingenstatus, van inhoudelijke beslissingen",
               ("dec_recognized",), ("dec_recognized", "dec_other", "dec_rejected"),
               "recognized / (recognized + other + rejected)"),
    Definition("all_decisions", "positive decisions over all decisions, including otherwise closed",
               "positieve beslissingen van alle beslissingen, inclusief anderszins afgesloten",
               ("dec_recognized", "dec_other"), COUNTS,
               "(recognized + other) / (recognized + other + rejected + closed)"),
)}
PRIMARY = "total_protection"


def definitions_table() -> pd.DataFrame:
    """The three definitions with their formulas (UNHCR column names)."""
    return pd.DataFrame([{"definition": d.key, "meaning": d.label_en, "formula": d.formula}
                         for d in DEFINITIONS.values()])


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


def _cells(frame: pd.DataFrame, columns) -> list:
    return [int(v) for column in columns for v in frame[column].tolist()]


def summarise(frame: pd.DataFrame, definition: str = PRIMARY) -> dict:
    """One group of rows -> shown counts, their ranges and the rate (point and range)."""
    spec = DEFINITIONS[definition]
    num_cells, rest_cells = _cells(frame, spec.numerator), _cells(frame, spec.rest)
    n_range, r_range = sum_range(num_cells), sum_range(rest_cells)
    low, high = rate_range(n_range, r_range)
    return {"numerator": sum(num_cells), "numerator_low": n_range[0], "numerator_high": n_range[1],
            "rest": sum(rest_cells), "rest_low": r_range[0], "rest_high": r_range[1],
            "rate": rate(sum(num_cells), sum(rest_cells)), "rate_low": low, "rate_high": high,
            "masked_cells": sum(is_masked(v) for v in num_cells + rest_cells)}


def group_rates(frame: pd.DataFrame, keys, definition: str = PRIMARY) -> pd.DataFrame:
    """`summarise` per group, sorted by the keys; adds the definition and decision levels used."""
    keys = list(keys)
    rows = []
    for key, group in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(keys, key))
        row.update(summarise(group, definition))
        row["definition"] = definition
        row["levels"] = "+".join(sorted(set(group["dec_level"])))
        row["unit"] = "+".join(sorted(set(group["dec_pc"])))
        rows.append(row)
    return pd.DataFrame(rows)


def count_ranges(frame: pd.DataFrame, keys, columns=COUNTS) -> pd.DataFrame:
    """Shown sums and ranges of each count column per group (e.g. per year)."""
    keys = list(keys)
    rows = []
    for key, group in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(keys, key))
        for column in columns:
            cells = _cells(group, [column])
            low, high = sum_range(cells)
            name = column.removeprefix("dec_")
            row.update({name: sum(cells), f"{name}_low": low, f"{name}_high": high})
        rows.append(row)
    return pd.DataFrame(rows)


def granted_ranges(frame: pd.DataFrame, keys) -> pd.DataFrame:
    """People granted a status (refugee status + other protection) per group, shown and range."""
    keys = list(keys)
    rows = []
    for key, group in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        cells = _cells(group, ["dec_recognized", "dec_other"])
        low, high = sum_range(cells)
        rows.append(dict(zip(keys, key), granted=sum(cells), granted_low=low, granted_high=high,
                         masked_cells=sum(is_masked(v) for v in cells),
                         levels="+".join(sorted(set(group["dec_level"])))))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Selecting rows
# --------------------------------------------------------------------------------------

def first_instance(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows counting persons at first instance: per asylum country and year the FI rows, or
    the FA rows (first instance and appeal combined) where the country reports no FI rows.
    Rows counting cases (dec_pc C) are dropped so that persons and cases are never added."""
    persons = frame[frame["dec_pc"] == "P"]
    has_fi = set(map(tuple, persons.loc[persons["dec_level"] == "FI", ["coa_iso", "year"]].to_numpy().tolist()))
    pairs = list(zip(persons["coa_iso"], persons["year"]))
    keep = [(level == "FI") or (level == "FA" and pair not in has_fi)
            for level, pair in zip(persons["dec_level"], pairs)]
    return persons[keep]


def origin(frame: pd.DataFrame, coo_iso: str) -> pd.DataFrame:
    return frame[frame["coo_iso"] == coo_iso]


def asylum(frame: pd.DataFrame, coa_iso, levels=None) -> pd.DataFrame:
    codes = [coa_iso] if isinstance(coa_iso, str) else list(coa_iso)
    rows = frame[frame["coa_iso"].isin(codes)]
    if levels is not None:
        rows = rows[rows["dec_level"].isin(list(levels))]
    return rows


def levels_reported(frame: pd.DataFrame, coa_iso) -> pd.DataFrame:
    """Decision levels and units each country reports, with the years they cover."""
    rows = asylum(frame, coa_iso)
    table = (rows.groupby(["coa_iso", "dec_level", "dec_pc"])["year"]
             .agg(first_year="min", last_year="max", rows="size").reset_index())
    table["level_meaning"] = table["dec_level"].map(LEVELS).fillna("")
    return table


# --------------------------------------------------------------------------------------
# Türkiye: Bulgaria, other EU countries, EU-27
# --------------------------------------------------------------------------------------



def turkiye_rates(frame: pd.DataFrame, definition: str = PRIMARY) -> pd.DataFrame:
    """Rates for applicants from Türkiye per year: each EU country at first instance (FI, or
    FA where only that is reported), and the aggregates EU27 and EU27_EXCL_BGR (counts summed
    over the countries first, then the rate)."""
    rows = first_instance(asylum(origin(frame, "TUR"), EU27))
    per_country = group_rates(rows, ["year", "coa_iso"], definition)
    aggregates = []
    for name, subset in (("EU27", rows), ("EU27_EXCL_BGR", rows[rows["coa_iso"] != "BGR"])):
        table = group_rates(subset, ["year"], definition)
        table["coa_iso"] = name
        aggregates.append(table)
    result = pd.concat([per_country] + aggregates, ignore_index=True)
    return result.sort_values(["coa_iso", "year"], kind="stable").reset_index(drop=True)


def main_destinations(frame: pd.DataFrame, years, n: int = 4, exclude=("BGR",)) -> list:
    """The n EU countries with the most substantive first-instance decisions on applicants from
    Türkiye in the given years (shown counts; ties broken by ISO code)."""
    rows = first_instance(asylum(origin(frame, "TUR"), EU27))
    rows = rows[rows["year"].isin(list(years)) & ~rows["coa_iso"].isin(list(exclude))]
    totals = rows.groupby("coa_iso")[["dec_recognized", "dec_other", "dec_rejected"]].sum().sum(axis=1)
    ranked = sorted(totals.items(), key=lambda item: (-int(item[1]), item[0]))
    return [code for code, _ in ranked[:n]]


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


# --------------------------------------------------------------------------------------
# Eurostat (not available offline; picked up when an extract is present)
# --------------------------------------------------------------------------------------

EUROSTAT_DATASET = "migr_asydcfsta"
EUROSTAT_TOTALS = {"sex": "T", "age": "TOTAL", "unit": "PER", "freq": "A"}
EUROSTAT_EXPECTED = ("data/snapshots/eurostat/<YYYY-MM-DD>/migr_asydcfsta.csv, registered as "
                     "eurostat-migr-asydcfsta-<date> (written by `make refresh`): Eurostat first-instance "
                     "decisions in SDMX-CSV long format with columns citizen (e.g. TR), geo (e.g. BG), decision "
                     "(TOTAL, TOTAL_POS, GENCONV, SUB_PROT, HUMSTAT, REJECTED), TIME_PERIOD, OBS_VALUE, OBS_FLAG")


def eurostat_decisions(raw: pd.DataFrame) -> pd.DataFrame:
    """An Eurostat migr_asydcfsta extract (as `eurostat.latest` returns it) as year, citizen,
    geo, decision, value (persons): totals over sex and age only; cells without a value
    (confidential or missing, see OBS_FLAG) are dropped."""
    frame = raw
    for column, total in EUROSTAT_TOTALS.items():
        if column in frame.columns:
            frame = frame[frame[column] == total]
    frame = frame[frame["OBS_VALUE"].notna()]
    return pd.DataFrame({"year": frame["TIME_PERIOD"].astype(int), "citizen": frame["citizen"],
                         "geo": frame["geo"], "decision": frame["decision"],
                         "value": frame["OBS_VALUE"].astype(int)}
                        ).sort_values(["geo", "citizen", "year", "decision"], kind="stable").reset_index(drop=True)


def eurostat_rates(frame: pd.DataFrame, citizen: str = "TR", geo: str = "BG") -> pd.DataFrame:
    """Eurostat recognition rate per year: TOTAL_POS / TOTAL, where TOTAL = TOTAL_POS + REJECTED
    (first instance, persons). Ranges from the rounding to the nearest 5; the refugee-status
    rate GENCONV / TOTAL too when GENCONV is present."""
    rows = []
    subset = frame[(frame["citizen"] == citizen) & (frame["geo"] == geo)]
    for year, group in subset.groupby("year", sort=True):
        values = dict(zip(group["decision"], group["value"]))
        if "TOTAL_POS" not in values or ("REJECTED" not in values and "TOTAL" not in values):
            continue
        positive = values["TOTAL_POS"]
        rejected = values.get("REJECTED", values.get("TOTAL", 0) - positive)
        low, high = rate_range(eurostat_cell_range(positive), eurostat_cell_range(rejected))
        row = {"year": int(year), "positive": positive, "rejected": rejected,
               "rate": rate(positive, rejected), "rate_low": low, "rate_high": high}
        if "GENCONV" in values:
            refugee = values["GENCONV"]
            other = max(positive - refugee, 0)
            r_low, r_high = rate_range(eurostat_cell_range(refugee),
                                       (eurostat_cell_range(other)[0] + eurostat_cell_range(rejected)[0],
                                        eurostat_cell_range(other)[1] + eurostat_cell_range(rejected)[1]))
            row.update(refugee_rate=rate(refugee, other + rejected), refugee_rate_low=r_low,
                       refugee_rate_high=r_high)
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Published figures and reconciliation
# --------------------------------------------------------------------------------------

PUBLISHED_TABLE = "recognition-published"
MEASURES = {
    # measure -> (numerator columns, rest columns) for rates, or (columns, None) for counts;
    # None: no UNHCR counterpart.
    "refugee_status": (("dec_recognized",), None),
    "complementary_protection": (("dec_other",), None),
    "humanitarian_protection": None,
    "rejected": (("dec_rejected",), None),
    "granted_total": (("dec_recognized", "dec_other"), None),
    "substantive_decisions": (("dec_recognized", "dec_other", "dec_rejected"), None),
    "decisions_total": (COUNTS, None),
    "total_protection_rate": (("dec_recognized", "dec_other"), ("dec_rejected",)),
    "refugee_status_rate": (("dec_recognized",), ("dec_other", "dec_rejected")),
    "applicants": None,
}
PUBLISHED_SCHEMA = Schema(PUBLISHED_TABLE, (
    Column("figure_id", "id"),
    Column("source_id", "id"),
    Column("coa_iso", pattern=r"[A-Z]{3}"),
    Column("coo_iso", pattern=r"[A-Z]{3}|ALL"),
    Column("year", "int", minimum=2000),
    Column("measure", "choice", choices=tuple(MEASURES)),
    Column("value", "number", minimum=0),
    Column("unit", "choice", choices=("persons", "percent")),
    Column("level"),
    Column("quote"),
), unique=("figure_id",))
PUBLISHED_SCHEMAS = (PUBLISHED_SCHEMA,)


def load_published_figures() -> pd.DataFrame:
    """data/published/recognition-published.csv, validated (every row names its source)."""
    from .core.registers import load_published
    return load_published(PUBLISHED_TABLE, PUBLISHED_SCHEMA)


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
            cells = _cells(subset, spec[0])
            low, high = sum_range(cells)
            shown = float(sum(cells))
            row.update(computed=shown, low=float(low), high=float(high), difference=float(fig.value) - shown,
                       in_range=bool(low <= float(fig.value) <= high), note="")
        else:
            num, rest = _cells(subset, spec[0]), _cells(subset, spec[1])
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


# --------------------------------------------------------------------------------------
# Display helpers
# --------------------------------------------------------------------------------------

def display_rates(table: pd.DataFrame, keys, digits: int = 1) -> pd.DataFrame:
    """A rates table for the notebook: shown counts, rate and its range, rounded."""
    out = table[list(keys)].copy()
    out["positive / rest"] = [f"{int(n)} / {int(r)}" for n, r in zip(table["numerator"], table["rest"])]
    out["rate %"] = table["rate"].round(digits)
    out["range %"] = [text.number_range(lo, hi, "en", digits, group=False) for lo, hi in zip(table["rate_low"], table["rate_high"])]
    out["levels"] = table["levels"]
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Claims: tables and readings
# --------------------------------------------------------------------------------------

def bulgaria_turkiye(frames: dict, years=range(2015, 2026)) -> pd.DataFrame:
    """Bulgaria's rates for applicants from Türkiye per year, under every definition and for
    every vintage given (frames: vintage -> decisions extract). Persons; Bulgaria reports FI
    for 2015-2016 and FA (first instance and appeal combined) from 2017."""
    tables = []
    for vintage, frame in frames.items():
        rows = first_instance(asylum(origin(frame, "TUR"), "BGR"))
        for key in DEFINITIONS:
            table = group_rates(rows, ["year"], key)
            table["vintage"] = vintage
            tables.append(table)
    result = pd.concat(tables, ignore_index=True)
    result = result[result["year"].isin(list(years))]
    return result.sort_values(["vintage", "definition", "year"], kind="stable").reset_index(drop=True)


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
    from .rules import claim_band
    band = claim_band(claimed, qualifier)
    rows = []
    for r in table[table["year"] == year].itertuples(index=False):
        point_ok = (not math.isnan(r.rate)) and band[0] - 1e-9 <= r.rate <= band[1] + 1e-9
        range_ok = (not math.isnan(r.rate_low)) and r.rate_low <= band[1] + 1e-9 and r.rate_high >= band[0] - 1e-9
        rows.append({"vintage": r.vintage, "definition": r.definition, "level": r.levels,
                     "rate %": round(r.rate, 1), "range %": text.number_range(r.rate_low, r.rate_high, "en", 1, group=False),
                     "claim band": f"{band[0]:g}-{band[1]:g}", "shown rate in band": point_ok,
                     "range overlaps band": range_ok})
    return pd.DataFrame(rows)


def readings(items, use_ranges: bool = True, digits: int = 1) -> list:
    """Verdict readings from (label, point, low, high, kind) tuples.

    With use_ranges (the default) each reading is the range the rounding allows, with the
    shown value as its `published` value: `Reading.matches` then accepts the reading only when
    the published value is within the claim band, and `assess` treats a band reached by the
    rounding range alone as undecidable (rule 3b). With use_ranges=False each reading is its
    shown value only (to show what the ranges change). Ranges are rounded outwards to `digits`
    decimals (never narrowed); points and published values to the nearest, so both readings
    rest on the same shown value. Items without a shown value (no decisions shown, or no row)
    are left out in both modes: a range with nothing published cannot support a claim."""
    from .rules import Reading
    scale = 10 ** digits
    out = []
    for label, point, low, high, kind in items:
        if math.isnan(point):
            continue
        shown = round(point, digits)
        if use_ranges:
            if math.isnan(low) or math.isnan(high):
                continue
            out.append(Reading(label, math.floor(low * scale + 1e-9) / scale,
                               math.ceil(high * scale - 1e-9) / scale, kind, published=shown))
        else:
            out.append(Reading(label, shown, shown, kind))
    return out


def combine_years(results):
    """A statement's result over its years: True if it holds in every year, "partly" if in
    some, False if in none; None when any year cannot be decided."""
    results = list(results)
    if any(r is None for r in results):
        return None
    if all(results):
        return True
    return "partly" if any(results) else False


def rate_item(table: pd.DataFrame, year: int, definition: str, vintage: str, kind: str, label: str) -> tuple:
    """One (label, point, low, high, kind) item from a `bulgaria_turkiye`-like table."""
    r = table[(table["year"] == year) & (table["definition"] == definition) & (table["vintage"] == vintage)]
    if r.empty:
        return (label, math.nan, math.nan, math.nan, kind)
    r = r.iloc[0]
    return (label, float(r["rate"]), float(r["rate_low"]), float(r["rate_high"]), kind)


def count_item(frame: pd.DataFrame, year: int, columns, kind: str, label: str) -> tuple:
    """One (label, point, low, high, kind) item: the sum of `columns` over the rows of a year."""
    rows = frame[frame["year"] == year]
    if rows.empty:
        return (label, math.nan, math.nan, math.nan, kind)
    cells = _cells(rows, columns)
    low, high = sum_range(cells)
    return (label, float(sum(cells)), float(low), float(high), kind)


def items_table(items) -> pd.DataFrame:
    return pd.DataFrame([{"reading": label, "kind": kind,
                          "shown": "n/a" if math.isnan(point) else round(point, 1),
                          "range": text.number_range(low, high, "en", 1, group=False)} for label, point, low, high, kind in items])


def compare_verdicts(band, items, context=()) -> pd.DataFrame:
    """The verdict with rounding ranges (each matched on its published value, rule 3b when
    only the range reaches the band) next to the verdict from shown (point) values only."""
    from .rules import assess
    with_ranges = assess(band, readings(items, True), context)
    points = assess(band, readings(items, False), context)
    return pd.DataFrame([{"readings": "ranges + published value", "verdict": with_ranges.verdict,
                          "rule": with_ranges.reason},
                         {"readings": "shown values only", "verdict": points.verdict, "rule": points.reason}])


def outcomes_by_year(frame: pd.DataFrame, coa_iso: str, levels) -> pd.DataFrame:
    """Decision outcomes per year for one asylum country and decision level(s), persons:
    shown counts with ranges, plus people granted a status (refugee status + other)."""
    rows = asylum(frame, coa_iso, levels)
    rows = rows[rows["dec_pc"] == "P"]
    counts = count_ranges(rows, ["year"])
    granted = granted_ranges(rows, ["year"])[["year", "granted", "granted_low", "granted_high", "levels"]]
    return counts.merge(granted, on="year", how="left")


def display_outcomes(table: pd.DataFrame) -> pd.DataFrame:
    """Outcomes as 'shown (low-high)' text per column."""
    out = table[["year"]].copy()
    for name in ("recognized", "other", "rejected", "closed", "granted"):
        out[name] = [f"{int(v)}" + ("" if lo == hi else f" ({int(lo)}-{int(hi)})")
                     for v, lo, hi in zip(table[name], table[f"{name}_low"], table[f"{name}_high"])]
    out["levels"] = table["levels"]
    return out


# --------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------

SOURCE_EN = "Source: UNHCR Refugee Population Statistics Database, asylum decisions ({vintage}), CC BY 4.0"
SOURCE_NL = "Bron: UNHCR Refugee Population Statistics Database, asielbeslissingen ({vintage}), CC BY 4.0"
def country_names(codes, lang: str = "en") -> str:
    """'A, B and C' from ISO3 codes, in English or Dutch."""
    names = [country_name(c, lang, c) for c in codes]
    joiner = " and " if lang == "en" else " en "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]


def turkiye_chart_data(rates: pd.DataFrame, series) -> pd.DataFrame:
    """The chart's data: one row per series and year."""
    data = rates[rates["coa_iso"].isin(list(series))][
        ["coa_iso", "year", "numerator", "rest", "rate", "rate_low", "rate_high", "levels"]].copy()
    data["series"] = [country_name(c, "en") for c in data["coa_iso"]]
    for column in ("rate", "rate_low", "rate_high"):
        data[column] = data[column].round(2)
    order = {code: i for i, code in enumerate(series)}
    data["order"] = data["coa_iso"].map(order)
    data = data.sort_values(["order", "year"], kind="stable").drop(columns="order")
    return data.rename(columns={"numerator": "positive", "rest": "rejected"}).reset_index(drop=True)


def export_turkiye_chart(rates: pd.DataFrame, destinations, claims: dict, vintage: str = LATEST,
                         name: str = "recognition-turkiye-bulgaria-eu") -> list:
    """Line chart: total protection rate for applicants from Türkiye, Bulgaria (with its range)
    against the EU-27 without Bulgaria and the main destinations; the letter's figures as marks."""
    from .core import charts

    series = ["BGR", "EU27_EXCL_BGR"] + list(destinations)
    data = turkiye_chart_data(rates, series)
    colours = [charts.PALETTE[c] for c in ("green", "yellow", "light", "grey", "red")]
    labels = {lang: {code: country_name(code, lang, code) for code in series} for lang in ("en", "nl")}

    def draw(ax, lang):
        names = labels[lang]
        for i, code in enumerate(destinations):
            part = data[data["coa_iso"] == code]
            ax.plot(part["year"], part["rate"], color=colours[i % len(colours)], linewidth=1.2,
                    label=names.get(code, code))
        eu = data[data["coa_iso"] == "EU27_EXCL_BGR"]
        ax.fill_between(eu["year"], eu["rate_low"], eu["rate_high"], color=charts.PALETTE["navy"], alpha=0.2,
                        linewidth=0)
        ax.plot(eu["year"], eu["rate"], color=charts.PALETTE["navy"], linewidth=2.2, label=names["EU27_EXCL_BGR"])
        bg = data[data["coa_iso"] == "BGR"]
        decided = bg["positive"] + bg["rejected"] > 0        # no band where no substantive decision is shown
        ax.fill_between(bg["year"], bg["rate_low"].where(decided), bg["rate_high"].where(decided),
                        color=charts.PALETTE["blue"], alpha=0.18,
                        linewidth=0, label="Bulgaria: range" if lang == "en" else "Bulgarije: bandbreedte")
        ax.plot(bg["year"], bg["rate"], color=charts.PALETTE["blue"], linewidth=2.2, marker="o", markersize=4,
                label="Bulgaria: as published" if lang == "en" else "Bulgarije: zoals gepubliceerd")
        years, values = zip(*sorted(claims.items()))
        ax.scatter(years, values, marker="X", s=60, color=charts.PALETTE["red"], zorder=5,
                   label="letter (Bulgaria)" if lang == "en" else "brief (Bulgarije)")
        ax.set_ylim(0, 128)                                   # room above 100% for the legend
        ax.set_yticks(range(0, 101, 20))
        ax.set_xlim(2014.6, 2025.4)
        ax.set_xticks(range(2015, 2026))
        ax.set_ylabel("% of substantive decisions" if lang == "en" else "% van inhoudelijke beslissingen")
        ax.legend(loc="upper center", ncol=4, fontsize=7.2, bbox_to_anchor=(0.5, 1.02))

    eu = data[data["coa_iso"] == "EU27_EXCL_BGR"].set_index("year")["rate"]
    bg = data[data["coa_iso"] == "BGR"].set_index("year")
    texts = {
        "en": charts.ChartText(
            "Protection for applicants from Türkiye: Bulgaria and the EU",
            f"In 2024 the EU-wide rate without Bulgaria was {eu[2024]:.0f}%, not far above the letter's 14% "
            f"for Bulgaria; Bulgaria's own UNHCR figures allow {bg.loc[2024, 'rate_low']:.0f}-"
            f"{bg.loc[2024, 'rate_high']:.0f}%",
            SOURCE_EN.format(vintage=vintage) + "; letter: VluchtelingenWerk Nederland, 2 February 2026",
            "Rate = (refugee status + other protection) / (those + rejections), persons, first instance (Germany "
            "from 2021); Bulgaria and Austria report first instance and appeal combined. Shaded: range allowed by "
            "UNHCR's rounding of counts below 10; none where no decision is shown (Bulgaria 2015, 2021).",
            "Line chart 2015-2025 of the share of substantive decisions granting protection to applicants from "
            "Türkiye: Bulgaria (near zero, with a wide shaded range), the EU-27 without Bulgaria (falling from "
            f"about 51% in 2019 to {eu[2024]:.0f}% in 2024) and {', '.join(labels['en'][c] for c in destinations)}; "
            "red crosses mark the letter's 0% (2023) and 14% (2024)."),
        "nl": charts.ChartText(
            "Bescherming voor asielzoekers uit Turkije: Bulgarije en de EU",
            f"In 2024 was het EU-percentage zonder Bulgarije {eu[2024]:.0f}%, niet veel hoger dan de 14% die de "
            f"brief voor Bulgarije noemt; de UNHCR-cijfers voor Bulgarije laten {bg.loc[2024, 'rate_low']:.0f}-"
            f"{bg.loc[2024, 'rate_high']:.0f}% toe",
            SOURCE_NL.format(vintage=vintage) + "; brief: VluchtelingenWerk Nederland, 2 februari 2026",
            "Percentage = (vluchtelingenstatus + andere bescherming) / (die + afwijzingen), personen, eerste aanleg "
            "(Duitsland vanaf 2021); Bulgarije en Oostenrijk melden eerste aanleg en beroep samen. Gearceerd: "
            "bandbreedte door de afronding van aantallen onder 10 door UNHCR; geen waar geen beslissing is getoond "
            "(Bulgarije 2015, 2021).",
            "Lijndiagram 2015-2025 van het aandeel inhoudelijke beslissingen met bescherming voor asielzoekers uit "
            "Turkije: Bulgarije (bijna nul, met een brede gearceerde bandbreedte), de EU-27 zonder Bulgarije (van "
            f"ongeveer 51% in 2019 naar {eu[2024]:.0f}% in 2024) en "
            f"{', '.join(labels['nl'][c] for c in destinations)}; rode kruisjes tonen de 0% (2023) en 14% (2024) "
            "uit de brief."),
    }
    return charts.export_chart(name, draw, texts, data, claim_ids=["C06", "C07", "C08"])


def outcomes_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    columns = ["year"] + [f"{n}{s}" for n in ("recognized", "other", "rejected", "closed", "granted")
                          for s in ("", "_low", "_high")] + ["levels"]
    return table[columns].reset_index(drop=True)


def export_outcomes_chart(table: pd.DataFrame, country: str, texts_en: tuple, texts_nl: tuple, name: str,
                          claim_ids, vintage: str = LATEST) -> list:
    """Grouped bars per year: refugee status, other protection, rejected (persons), with the
    range each shown count allows; symmetric-log scale so that small and large years both show.
    texts_*: (title, subtitle, note, alt)."""
    from .core import charts

    data = outcomes_chart_data(table)
    parts = (("recognized", "blue", "refugee status", "vluchtelingenstatus"),
             ("other", "green", "other protection", "andere bescherming"),
             ("rejected", "red", "rejected", "afgewezen"))

    def draw(ax, lang):
        width = 0.26
        for i, (column, colour, en, nl) in enumerate(parts):
            x = data["year"] + (i - 1) * width
            shown = data[column]
            err = [shown - data[f"{column}_low"], data[f"{column}_high"] - shown]
            ax.bar(x, shown, width=width, color=charts.PALETTE[colour], label=en if lang == "en" else nl)
            ax.errorbar(x, shown, yerr=err, fmt="none", ecolor="#333333", elinewidth=0.8, capsize=1.5)
        top = max(30.0, 4.0 * float(data[["recognized_high", "other_high", "rejected_high"]].max().max()))
        ax.set_yscale("symlog", linthresh=10)
        ticks = [t for t in (0, 5, 10, 100, 1000, 10000) if t <= top]
        ax.set_yticks(ticks)
        ax.set_yticklabels([text.number(t, lang) for t in ticks])
        ax.set_ylim(0, top)
        ax.set_xticks(list(data["year"]))
        ax.set_ylabel("persons (log scale)" if lang == "en" else "personen (log-schaal)")
        ax.legend(loc="upper right", ncol=3, fontsize=7.5)

    texts = {"en": charts.ChartText(texts_en[0], texts_en[1], SOURCE_EN.format(vintage=vintage), texts_en[2],
                                    texts_en[3]),
             "nl": charts.ChartText(texts_nl[0], texts_nl[1], SOURCE_NL.format(vintage=vintage), texts_nl[2],
                                    texts_nl[3])}
    return charts.export_chart(name, draw, texts, data, claim_ids=list(claim_ids))


# --------------------------------------------------------------------------------------
# Notebook helpers for the Eurostat pick-up and the C08 sensitivity
# --------------------------------------------------------------------------------------

MASKING_SOURCES = ("cyanheads-unhcr-mcp-design", "aida-hu-statistics-2023", "aida-hr-statistics-2023")


def eurostat_if_present(sources: pd.DataFrame = None):
    """(rates for Türkiye in Bulgaria, source id) from the newest registered Eurostat
    migr_asydcfsta extract (checksum verified by `eurostat.latest`), or (None, None)."""
    from .sources import eurostat

    raw = eurostat.first_instance_decisions(sources)
    if raw is None:
        return None, None
    return eurostat_rates(eurostat_decisions(raw), "TR", "BG"), raw.attrs["source_id"]


def eurostat_items(table, year: int, label: str) -> list:
    """The Eurostat first-instance rate as a 'definition' reading item, or [] without an extract."""
    if table is None or table.empty or year not in set(table["year"]):
        return []
    r = table[table["year"] == year].iloc[0]
    return [(label, float(r["rate"]), float(r["rate_low"]), float(r["rate_high"]), "definition")]


def bulgaria_items(table: pd.DataFrame, year: int, vintage: str, eurostat: pd.DataFrame = None) -> list:
    """Readings for Bulgaria's rate for applicants from Türkiye in `year`: UNHCR's rate under each
    definition and, when a Eurostat extract is registered, Eurostat's first-instance rate. The
    letter's figures are most likely Eurostat's (rounded to 5, first instance), so Eurostat is the
    primary reading when it has the year; otherwise UNHCR's total-protection rate is."""
    from_eurostat = eurostat_items(eurostat, year, f"Eurostat first instance {year}")
    items = [rate_item(table, year, key, vintage, "primary" if key == PRIMARY and not from_eurostat else "definition",
                       f"UNHCR {vintage}, Bulgaria {year}, {key.replace('_', ' ')} (FA, persons)")
             for key in DEFINITIONS]
    return items + [(label, point, low, high, "primary") for label, point, low, high, _ in from_eurostat]


def primary_point(items) -> float:
    """The published value of the primary reading item."""
    return next(item[1] for item in items if item[4] == "primary")


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


def share_of_decisions(rates: pd.DataFrame, codes, year: int) -> float:
    """Share (per cent) of the EU-27's shown substantive decisions on applicants from Türkiye in
    `year` taken by the countries `codes` (from a `turkiye_rates` table)."""
    year_rows = rates[(rates["year"] == year) & rates["coa_iso"].isin(list(EU27))]
    decisions = year_rows["numerator"] + year_rows["rest"]
    total = float(decisions.sum())
    part = float(decisions[year_rows["coa_iso"].isin(list(codes))].sum())
    return math.nan if total == 0 else 100.0 * part / total
