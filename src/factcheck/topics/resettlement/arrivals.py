"""Resettlement arrivals: per year from the committed UNHCR `solutions` extracts (EU-27, the EU as
then constituted, the UK, the Netherlands by origin), reconciled with published totals and
compared across vintages; and Eurostat's `migr_resettle` series, picked up when `make refresh`
has registered an extract (None otherwise), set next to the UNHCR figures."""
import math

import pandas as pd

from ...sources import eurostat as eurostat_source
from .data import EU27, EU_PLUS, LATEST, SYRIA, UK, YEARS, published_range, years_text


def eu_members(year: int) -> tuple:
    """EU membership as it was in `year` (UK until 31 January 2020, Croatia from July 2013)."""
    members = set(EU27)
    if year < 2013:
        members.discard("HRV")
    if year <= 2019:
        members.add(UK)
    return tuple(sorted(members))


def arrivals(solutions: pd.DataFrame, countries, years, origin: str = None) -> pd.Series:
    """Resettlement arrivals per year into `countries` (from `origin` if given). A year in
    which none of the countries has a row is missing (NA), not zero."""
    rows = solutions[solutions["coa_iso"].isin(list(countries)) & solutions["year"].isin(list(years))]
    if origin:
        rows = rows[rows["coo_iso"] == origin]
    total = rows.groupby("year")["resettlement"].sum()
    return pd.Series([total.get(y, pd.NA) for y in years], index=pd.Index(list(years), name="year"),
                     dtype="Int64")


def arrivals_table(solutions: pd.DataFrame, years=YEARS) -> pd.DataFrame:
    """EU-27 (fixed membership), the EU as then constituted, the UK, and the Netherlands."""
    as_then = [int(arrivals(solutions, eu_members(y), [y]).iloc[0]) for y in years]
    table = pd.DataFrame({
        "eu27": arrivals(solutions, EU27, years),
        "eu_as_then": pd.array(as_then, dtype="Int64"),
        "uk": arrivals(solutions, [UK], years),
        "nld": arrivals(solutions, ["NLD"], years),
    })
    table.index.name = "year"
    return table.reset_index()


def nl_arrivals_by_origin(solutions: pd.DataFrame, years) -> pd.DataFrame:
    """Dutch resettlement arrivals per year: from Syria (the EU-Turkey statement's group),
    from elsewhere, and in total (NA where the data have no Dutch rows)."""
    total = arrivals(solutions, ["NLD"], years)
    syria = arrivals(solutions, ["NLD"], years, origin=SYRIA)
    syria = syria.where(total.isna(), syria.fillna(0))
    return pd.DataFrame({"year": list(years), "syria": syria.array, "other": (total - syria).array,
                         "total": total.array})


def scope_countries(scope: str):
    """(countries, origin) for a published total's scope: 'EU27', 'EU+', 'NLD-SYR', 'DEU'."""
    if scope == "EU27":
        return EU27, None
    if scope == "EU+":
        return EU_PLUS, None
    if "-" in scope:
        coa, coo = scope.split("-")
        return (coa,), coo
    return (scope,), None


def reconcile(published: pd.DataFrame, solutions: pd.DataFrame) -> pd.DataFrame:
    """Every published arrival total next to the same total computed from the UNHCR data:
    difference = computed - published; `in_range` is whether the computed figure lies in
    the range the published wording stands for ("nearly 14,000" -> 12,600 to 14,000)."""
    rows = []
    for row in published.itertuples(index=False):
        countries, origin = scope_countries(row.scope)
        years = list(range(int(row.first_year), int(row.last_year) + 1))
        computed = arrivals(solutions, countries, years, origin)
        value = int(computed.sum()) if computed.notna().any() else pd.NA
        low, high = published_range(row.value, row.qualifier)
        rows.append({"scope": row.scope, "years": f"{row.first_year}" if row.first_year == row.last_year
                     else f"{row.first_year}-{row.last_year}",
                     "published": float(row.value), "wording": row.wording, "computed": value,
                     "difference": value - float(row.value), "difference_pct": 100 * (value / float(row.value) - 1),
                     "in_range": bool(low <= value <= high), "source_id": row.source_id})
    return pd.DataFrame(rows)


def compare_vintages(old: pd.DataFrame, new: pd.DataFrame, years=YEARS) -> pd.DataFrame:
    """EU-27 and Dutch arrivals per year in two vintages, and the difference new - old."""
    out = pd.DataFrame({"year": list(years)})
    for name, countries in (("eu27", EU27), ("nld", ("NLD",))):
        a = arrivals(old, countries, years).array
        b = arrivals(new, countries, years).array
        out[f"{name}_old"] = a
        out[f"{name}_new"] = b
        out[f"{name}_change"] = b - a
    return out


def row_changes(old: pd.DataFrame, new: pd.DataFrame, key=("year", "coo_iso", "coa_iso")) -> pd.DataFrame:
    """Rows added, removed and changed between two vintages, by year (years with changes only)."""
    key = list(key)
    merged = old[key + ["resettlement"]].merge(new[key + ["resettlement"]], on=key, how="outer",
                                                suffixes=("_old", "_new"), indicator=True)
    merged["status"] = merged["_merge"].astype(str).map({"left_only": "removed", "right_only": "added",
                                                         "both": "same"})
    changed = (merged["status"] == "same") & (merged["resettlement_old"] != merged["resettlement_new"])
    merged.loc[changed, "status"] = "changed"
    merged = merged[merged["status"] != "same"]
    if merged.empty:
        return pd.DataFrame(columns=["year", "added", "removed", "changed"])
    counts = merged.pivot_table(index="year", columns="status", values="coa_iso", aggfunc="count", fill_value=0)
    for column in ("added", "removed", "changed"):
        if column not in counts.columns:
            counts[column] = 0
    return counts[["added", "removed", "changed"]].reset_index().astype("int64")


# --------------------------------------------------------------------------- Eurostat

EUROSTAT_DATASET = "migr_resettle"
EUROSTAT_TOTALS = {"freq": "A", "unit": "PER", "citizen": "TOTAL", "sex": "T", "age": "TOTAL"}
EUROSTAT_GEOS = {"EU27_2020": "eu27", "NL": "nld"}      # Eurostat geo code -> column, as in arrivals_table
EUROSTAT_ROUNDING = 2            # "Data are rounded to the nearest 5" (eurostat-migr-asydec-metadata): +-2
EUROSTAT_METADATA = "eurostat-migr-asydec-metadata"
EUROSTAT_EXPECTED = ("an extract would be data/snapshots/eurostat/<date>/migr_resettle.csv, registered as "
                     "eurostat-migr-resettle-<date> by `make refresh`, online only")


def eurostat_arrivals_table(raw: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """A Eurostat migr_resettle extract (as `eurostat.latest` returns it) as one row per
    year: `eu27` (geo EU27_2020) and `nld` (geo NL), resettled persons, all citizenships,
    sex T, age TOTAL; Int64 with NA where Eurostat sent only a flag or no cell; the flags in
    `eu27_flag`/`nld_flag`; `source_id` names the extract. Other geos are ignored.
    Raises ValueError when a (geo, year) appears twice after filtering."""
    time, value, flag = eurostat_source.TIME, eurostat_source.VALUE, eurostat_source.FLAG
    keep = raw
    for column, code in EUROSTAT_TOTALS.items():
        if column in keep.columns:
            keep = keep[keep[column] == code]
    keep = keep[keep["geo"].isin(list(EUROSTAT_GEOS))]
    twice = keep.duplicated(["geo", time])
    if twice.any():
        first = keep[twice].iloc[0]
        raise ValueError(f"{source_id}: more than one cell for geo {first['geo']} in {first[time]}")
    years = sorted({int(t) for t in keep[time]})
    out = pd.DataFrame({"year": years})
    for geo, name in EUROSTAT_GEOS.items():
        cells = keep[keep["geo"] == geo].set_index(keep[keep["geo"] == geo][time].astype(int))
        values = [cells[value].get(y, math.nan) for y in years]
        out[name] = pd.array([pd.NA if pd.isna(v) else int(round(v)) for v in values], dtype="Int64")
        out[f"{name}_flag"] = [str(cells[flag].get(y, "")) for y in years]
    out["source_id"] = source_id
    return out


def eurostat_arrivals(sources: pd.DataFrame = None):
    """EU-27 and Dutch resettled persons per year from the newest registered Eurostat
    migr_resettle extract (sha256 checked by `eurostat.latest`), see
    `eurostat_arrivals_table`; None when the project has no such extract."""
    raw = eurostat_source.latest(EUROSTAT_DATASET, sources)
    if raw is None:
        return None
    return eurostat_arrivals_table(raw, raw.attrs["source_id"])


def eurostat_source_id(table) -> str:
    """The extract's source id, or None without an extract."""
    return None if table is None else str(table["source_id"].iloc[0]) if len(table) else None


def eurostat_status(table) -> str:
    """One sentence saying which Eurostat extract was found and what is used."""
    if table is None:
        return (f"Eurostat {EUROSTAT_DATASET}: none registered: the UNHCR figures are used "
                f"({EUROSTAT_EXPECTED}).")
    return (f"Eurostat {EUROSTAT_DATASET}: {eurostat_source_id(table)}, years {years_text(table['year'])}: "
            f"shown next to the UNHCR figures (UNHCR {LATEST}).")


def compare_with_eurostat(unhcr: pd.DataFrame, eurostat_table) -> pd.DataFrame:
    """UNHCR arrivals (`arrivals_table`) next to Eurostat's resettled persons, per year, for
    the EU-27 and the Netherlands: difference = Eurostat - UNHCR, difference_pct relative
    to UNHCR, `within_rounding` when |difference| <= 2 (Eurostat rounds to the nearest 5).
    The years of the Eurostat series (the UNHCR table shows the rest); NA where a series has
    no figure; Eurostat's flags where it sent any. None without Eurostat."""
    if eurostat_table is None:
        return None
    years = sorted(set(eurostat_table["year"].astype(int)))
    out = pd.DataFrame({"year": years})
    ours = unhcr.assign(year=unhcr["year"].astype(int)).set_index("year")
    theirs = eurostat_table.set_index("year")
    for name in EUROSTAT_GEOS.values():
        a = pd.array([ours[name].get(y, pd.NA) for y in years], dtype="Int64")
        b = pd.array([theirs[name].get(y, pd.NA) for y in years], dtype="Int64")
        out[f"{name}_unhcr"] = a
        out[f"{name}_eurostat"] = b
        out[f"{name}_difference"] = b - a
        out[f"{name}_difference_pct"] = (100 * (b.astype("Float64") / a.astype("Float64") - 1)).round(1) + 0.0
        out[f"{name}_within_rounding"] = abs(b - a) <= EUROSTAT_ROUNDING
        flags = [theirs[f"{name}_flag"].get(y, "") for y in years]
        if any(flags):
            out[f"{name}_flag"] = flags
    return out
