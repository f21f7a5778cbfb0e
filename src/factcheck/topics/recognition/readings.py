"""From computed rates and counts to the verdict engine's readings.

A `Figure` is one computed figure a claim can be read against: its label, the value shown by the
published counts, the range the rounding allows, its kind, and where it comes from (source ids,
vintage and the vintage's publication date). `Figure.reading()` turns it into a `rules.Reading`.
"""
import math
from dataclasses import dataclass

import pandas as pd

from ...core import text
from ...rules import Reading, assess
from .data import decisions_source_id, vintage_date
from .ranges import sum_range
from .rates import DEFINITIONS, PRIMARY, cells


@dataclass(frozen=True)
class Figure:
    label: str
    shown: float               # the value the published counts give (NaN: nothing shown)
    low: float                 # the range the rounding allows
    high: float
    kind: str = "primary"
    source_ids: tuple = ()
    vintage: str = ""
    vintage_date: str = ""
    definition: str = ""       # the rate definition (DEFINITIONS key), "" for a count or Eurostat

    @property
    def missing(self) -> bool:
        return math.isnan(self.shown)

    def reading(self, use_ranges: bool = True, digits: int = 1):
        """The engine's reading, or None when nothing is shown.

        With use_ranges (the default) the reading is the range the rounding allows, with the
        shown value as its `published` value: `Reading.matches` then accepts it only when the
        published value is within the claim band, and `assess` treats a band reached by the
        rounding range alone as undecidable (rule 3b). With use_ranges=False it is the shown value
        only (to show what the ranges change). Ranges are rounded outwards to `digits` decimals
        (never narrowed); points and published values to the nearest. A figure without a shown
        value is left out in both modes: a range with nothing published cannot support a claim."""
        if self.missing:
            return None
        shown = round(self.shown, digits)
        where = {"source_ids": tuple(self.source_ids), "vintage": self.vintage, "vintage_date": self.vintage_date}
        if not use_ranges:
            return Reading(self.label, shown, shown, self.kind, **where)
        if math.isnan(self.low) or math.isnan(self.high):
            return None
        scale = 10 ** digits
        return Reading(self.label, math.floor(self.low * scale + 1e-9) / scale,
                       math.ceil(self.high * scale - 1e-9) / scale, self.kind, published=shown, **where)


def readings(figures, use_ranges: bool = True, digits: int = 1) -> list:
    return [r for r in (f.reading(use_ranges, digits) for f in figures) if r is not None]


def _unhcr(vintage: str) -> dict:
    return {"source_ids": (decisions_source_id(vintage),), "vintage": vintage, "vintage_date": vintage_date(vintage)}


def rate_figure(table: pd.DataFrame, year: int, definition: str, vintage: str, kind: str, label: str) -> Figure:
    """One rate from a `rates.bulgaria_turkiye`-like table."""
    r = table[(table["year"] == year) & (table["definition"] == definition) & (table["vintage"] == vintage)]
    if r.empty:
        return Figure(label, math.nan, math.nan, math.nan, kind, definition=definition, **_unhcr(vintage))
    r = r.iloc[0]
    return Figure(label, float(r["rate"]), float(r["rate_low"]), float(r["rate_high"]), kind,
                  definition=definition, **_unhcr(vintage))


def count_figure(frame: pd.DataFrame, year: int, columns, kind: str, label: str, vintage: str) -> Figure:
    """The sum of `columns` over the rows of a year, with its range."""
    rows = frame[frame["year"] == year]
    if rows.empty:
        return Figure(label, math.nan, math.nan, math.nan, kind, **_unhcr(vintage))
    shown = cells(rows, columns)
    low, high = sum_range(shown)
    return Figure(label, float(sum(shown)), float(low), float(high), kind, **_unhcr(vintage))


def eurostat_figure(table, year: int, label: str, source_id: str, published: str = ""):
    """Eurostat's first-instance rate for a year as a figure, or None without an extract or the year."""
    if table is None or table.empty or year not in set(table["year"]):
        return None
    r = table[table["year"] == year].iloc[0]
    return Figure(label, float(r["rate"]), float(r["rate_low"]), float(r["rate_high"]), "primary",
                  source_ids=(source_id,), vintage=source_id.rpartition("migr-asydcfsta-")[2],
                  vintage_date=published)


def bulgaria_figures(table: pd.DataFrame, year: int, vintage: str, eurostat=None, eurostat_id: str = "",
                     eurostat_date: str = "") -> list:
    """Figures for Bulgaria's rate for applicants from Türkiye in `year`: UNHCR's rate under each
    definition and, when a Eurostat extract is registered, Eurostat's first-instance rate. The
    letter's figures are most likely Eurostat's (rounded to 5, first instance), so Eurostat is the
    primary reading when it has the year; otherwise UNHCR's total-protection rate is."""
    extra = eurostat_figure(eurostat, year, f"Eurostat first instance {year}", eurostat_id, eurostat_date)
    figures = [rate_figure(table, year, key, vintage, "primary" if key == PRIMARY and extra is None else "definition",
                           f"UNHCR {vintage}, Bulgaria {year}, {key.replace('_', ' ')} (FA, persons)")
               for key in DEFINITIONS]
    return figures + ([extra] if extra is not None else [])


def primary_of(figures) -> Figure:
    return next(f for f in figures if f.kind == "primary")


def figures_table(figures) -> pd.DataFrame:
    return pd.DataFrame([{"reading": f.label, "kind": f.kind, "shown": "n/a" if f.missing else round(f.shown, 1),
                          "range": text.number_range(f.low, f.high, "en", 1, group=False),
                          "vintage": f.vintage, "sources": ", ".join(f.source_ids)} for f in figures])


def compare_verdicts(band, figures, context=()) -> pd.DataFrame:
    """The verdict with rounding ranges (each matched on its published value, rule 3b when
    only the range reaches the band) next to the verdict from shown (point) values only."""
    with_ranges = assess(band, readings(figures, True), context)
    points = assess(band, readings(figures, False), context)
    return pd.DataFrame([{"readings": "ranges + published value", "verdict": with_ranges.verdict,
                          "rule": with_ranges.reason},
                         {"readings": "shown values only", "verdict": points.verdict, "rule": points.reason}])
