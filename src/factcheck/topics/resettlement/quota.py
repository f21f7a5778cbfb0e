"""The Dutch resettlement quota (C05): the national quota per year (low and high where sources
disagree), its newest row, how long it was a given value, and arrivals against it (UNHCR, and
Eurostat when an extract is registered)."""
import math

import pandas as pd

from .arrivals import EUROSTAT_ROUNDING, eurostat_source_id


def annual_quota(quota: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The national quota per year: low and high where sources disagree, NA where no
    source covers the year; the source ids of the rows that cover it."""
    national = quota[quota["kind"] == "national-quota"]
    rows = []
    for year in range(first, last + 1):
        cover = national[(national["first_year"] <= year) & (national["last_year"] >= year)]
        if cover.empty:
            rows.append({"year": year, "quota_low": math.nan, "quota_high": math.nan, "source_id": ""})
            continue
        ids = sorted(set(";".join(cover["source_id"]).split(";")))
        rows.append({"year": year, "quota_low": float(cover["quota_per_year"].min()),
                     "quota_high": float(cover["quota_per_year"].max()), "source_id": ";".join(ids)})
    return pd.DataFrame(rows)


def latest_quota(quota: pd.DataFrame) -> dict:
    """The newest national-quota row (the one with the latest first year): its quota, the
    years the table assigns it, its wording, source ids and note. The years are the table's
    dating; the note says when a source gives no year."""
    national = quota[quota["kind"] == "national-quota"].sort_values(["first_year", "quota_per_year"], kind="stable")
    row = national.iloc[-1]
    return {"quota_per_year": float(row["quota_per_year"]), "first_year": int(row["first_year"]),
            "last_year": int(row["last_year"]), "wording": row["wording"], "source_id": row["source_id"],
            "note": row.get("note", "")}


def quota_summary(annual: pd.DataFrame, value: float, first: int, last: int) -> dict:
    """How long the quota was `value`: years in [first, last], years with a documented quota,
    years it certainly was (all sources agree) and possibly was, and the median quota as a
    range (a year no source documents counts as anything from 0 to unbounded)."""
    period = annual[(annual["year"] >= first) & (annual["year"] <= last)]
    certain = int(((period["quota_low"] == value) & (period["quota_high"] == value)).sum())
    possible = int(((period["quota_low"] <= value) & (period["quota_high"] >= value)).sum())
    return {"years": len(period), "years_documented": int(period["quota_low"].notna().sum()),
            "years_certain": certain, "years_possible": possible,
            "median_low": float(period["quota_low"].fillna(0).median()),
            "median_high": float(period["quota_high"].fillna(math.inf).median()),
            "disputed_years": [int(y) for y in period[period["quota_low"] != period["quota_high"]]["year"]]}


def arrivals_vs_quota(annual: pd.DataFrame, nl: pd.DataFrame) -> pd.DataFrame:
    """Dutch arrivals next to the quota, per year, with arrivals minus quota (low, high)."""
    table = annual.merge(nl, on="year", how="inner")
    table["above_quota_low"] = table["total"].astype("Float64") - table["quota_high"]
    table["above_quota_high"] = table["total"].astype("Float64") - table["quota_low"]
    return table


def eurostat_above_quota(annual: pd.DataFrame, nl: pd.DataFrame, eurostat_table: pd.DataFrame, first: int,
                         last: int) -> dict:
    """Years in [first, last] with a Eurostat figure for the Netherlands and a quota, and in
    how many of them arrivals were certainly above the highest quota figure: by Eurostat
    (its figure minus the rounding margin) and by UNHCR for the same years."""
    euro = eurostat_table[["year", "nld"]].rename(columns={"nld": "eurostat"})
    table = annual.merge(euro, on="year").merge(nl[["year", "total"]], on="year", how="left")
    table = table[(table["year"] >= first) & (table["year"] <= last) & table["eurostat"].notna()
                  & table["quota_high"].notna()]
    eurostat_above = int(((table["eurostat"].astype("float64") - EUROSTAT_ROUNDING) > table["quota_high"]).sum())
    unhcr = table[table["total"].notna()]
    unhcr_above = int((unhcr["total"].astype("float64") > unhcr["quota_high"]).sum())
    years = [int(y) for y in table["year"]]
    return {"years": years, "eurostat_above": eurostat_above, "unhcr_years": len(unhcr),
            "unhcr_above": unhcr_above, "source_id": eurostat_source_id(eurostat_table)}
