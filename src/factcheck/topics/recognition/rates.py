"""Rates and counts with their ranges: the three rate definitions, rates per group (UNHCR),
Eurostat's first-instance rate, Bulgaria's rates for applicants from Türkiye, the EU aggregates,
and decision outcomes per year."""
import math
from dataclasses import dataclass

import pandas as pd

from .data import COUNTS, EU27, eurostat_decisions, eurostat_extract, source_date
from .ranges import eurostat_cell_range, is_masked, rate, rate_range, sum_range
from .select import asylum, first_instance, origin


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


def cells(frame: pd.DataFrame, columns) -> list:
    """The shown counts of `columns` over the rows, as one list of ints."""
    return [int(v) for column in columns for v in frame[column].tolist()]


def summarise(frame: pd.DataFrame, definition: str = PRIMARY) -> dict:
    """One group of rows -> shown counts, their ranges and the rate (point and range)."""
    spec = DEFINITIONS[definition]
    num_cells, rest_cells = cells(frame, spec.numerator), cells(frame, spec.rest)
    n_range, r_range = sum_range(num_cells), sum_range(rest_cells)
    low, high = rate_range(n_range, r_range)
    return {"numerator": sum(num_cells), "numerator_low": n_range[0], "numerator_high": n_range[1],
            "rest": sum(rest_cells), "rest_low": r_range[0], "rest_high": r_range[1],
            "rate": rate(sum(num_cells), sum(rest_cells)), "rate_low": low, "rate_high": high,
            "masked_cells": sum(is_masked(v) for v in num_cells + rest_cells)}


def _groups(frame: pd.DataFrame, keys):
    for key, group in frame.groupby(list(keys), sort=True):
        yield dict(zip(keys, key if isinstance(key, tuple) else (key,))), group


def group_rates(frame: pd.DataFrame, keys, definition: str = PRIMARY) -> pd.DataFrame:
    """`summarise` per group, sorted by the keys; adds the definition and decision levels used."""
    rows = []
    for row, group in _groups(frame, list(keys)):
        row.update(summarise(group, definition))
        row["definition"] = definition
        row["levels"] = "+".join(sorted(set(group["dec_level"])))
        row["unit"] = "+".join(sorted(set(group["dec_pc"])))
        rows.append(row)
    return pd.DataFrame(rows)


def count_ranges(frame: pd.DataFrame, keys, columns=COUNTS) -> pd.DataFrame:
    """Shown sums and ranges of each count column per group (e.g. per year)."""
    rows = []
    for row, group in _groups(frame, list(keys)):
        for column in columns:
            shown = cells(group, [column])
            low, high = sum_range(shown)
            name = column.removeprefix("dec_")
            row.update({name: sum(shown), f"{name}_low": low, f"{name}_high": high})
        rows.append(row)
    return pd.DataFrame(rows)


def granted_ranges(frame: pd.DataFrame, keys) -> pd.DataFrame:
    """People granted a status (refugee status + other protection) per group, shown and range."""
    rows = []
    for row, group in _groups(frame, list(keys)):
        shown = cells(group, ["dec_recognized", "dec_other"])
        low, high = sum_range(shown)
        rows.append(dict(row, granted=sum(shown), granted_low=low, granted_high=high,
                         masked_cells=sum(is_masked(v) for v in shown),
                         levels="+".join(sorted(set(group["dec_level"])))))
    return pd.DataFrame(rows)


def outcomes_by_year(frame: pd.DataFrame, coa_iso: str, levels) -> pd.DataFrame:
    """Decision outcomes per year for one asylum country and decision level(s), persons:
    shown counts with ranges, plus people granted a status (refugee status + other)."""
    rows = asylum(frame, coa_iso, levels)
    rows = rows[rows["dec_pc"] == "P"]
    counts = count_ranges(rows, ["year"])
    granted = granted_ranges(rows, ["year"])[["year", "granted", "granted_low", "granted_high", "levels"]]
    return counts.merge(granted, on="year", how="left")


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


def main_destinations(frame: pd.DataFrame, years, n: int = 4, exclude=("BGR",)) -> list:
    """The n EU countries with the most substantive first-instance decisions on applicants from
    Türkiye in the given years (shown counts; ties broken by ISO code)."""
    rows = first_instance(asylum(origin(frame, "TUR"), EU27))
    rows = rows[rows["year"].isin(list(years)) & ~rows["coa_iso"].isin(list(exclude))]
    totals = rows.groupby("coa_iso")[["dec_recognized", "dec_other", "dec_rejected"]].sum().sum(axis=1)
    ranked = sorted(totals.items(), key=lambda item: (-int(item[1]), item[0]))
    return [code for code, _ in ranked[:n]]


def share_of_decisions(rates: pd.DataFrame, codes, year: int) -> float:
    """Share (per cent) of the EU-27's shown substantive decisions on applicants from Türkiye in
    `year` taken by the countries `codes` (from a `turkiye_rates` table)."""
    year_rows = rates[(rates["year"] == year) & rates["coa_iso"].isin(list(EU27))]
    decisions = year_rows["numerator"] + year_rows["rest"]
    total = float(decisions.sum())
    part = float(decisions[year_rows["coa_iso"].isin(list(codes))].sum())
    return math.nan if total == 0 else 100.0 * part / total


def eurostat_rates(frame: pd.DataFrame, citizen: str = "TR", geo: str = "BG") -> pd.DataFrame:
    """Eurostat recognition rate per year: TOTAL_POS / TOTAL, where TOTAL = TOTAL_POS + REJECTED
    (first instance, persons; `data.eurostat_decisions` gives `frame`). Ranges from the rounding
    to the nearest 5; the refugee-status rate GENCONV / TOTAL too when GENCONV is present.
    A year with no decision has a NaN rate."""
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


def eurostat_if_present(sources: pd.DataFrame = None, citizen: str = "TR", geo: str = "BG"):
    """(rates, source id, publication date) from the newest registered Eurostat migr_asydcfsta
    extract (checksum verified), or (None, "", "") when none is registered."""
    raw = eurostat_extract(sources)
    if raw is None:
        return None, "", ""
    source_id = raw.attrs["source_id"]
    return eurostat_rates(eurostat_decisions(raw), citizen, geo), source_id, source_date(source_id, sources)
