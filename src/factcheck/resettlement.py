"""Resettlement (claims C01-C05): UNHCR's projected global resettlement needs, the EU
pledging cycles, the Dutch resettlement quota and resettlement arrivals in the UNHCR data.

Published figures come from the sources-backed tables data/published/resettlement-*.csv
(every row names its source id); counts come from the committed UNHCR `solutions` extracts.
When `make refresh` has registered a Eurostat `migr_resettle` extract, `eurostat_arrivals`
picks it up (EU-27 and Dutch resettled persons per year) and the notebook shows it next to
the UNHCR series; without one it returns None and the UNHCR figures are used alone.
The functions are pure (frames in, frames or numbers out) so the tests can feed them small
hand-made tables with known answers. Ranges are (low, high) tuples: a published "2.5
million" stands for 2.45 to 2.55 million, "over 2.9 million" for 2.9 to 3.0 million
(`published_range`, the same rounding rule as the claims' own bands).
"""
import math
import re

import pandas as pd
from matplotlib.ticker import FuncFormatter

from .core import charts
from .sources import snapshots
from . import rules
from .core import registers, text
from .core.schema import Column, Schema

NOTEBOOK = "01-resettlement"
LETTER_DATE = "2026-02-02"
AT_LETTER = "unhcr-solutions-2025.06.0"      # newest UNHCR release public on the letter's date
LATEST = "unhcr-solutions-2025.12.1"         # newest release in the project
DATAFINDER = "unhcr-datafinder-solutions-2024-07-19"
EU27 = snapshots.EU27
EU_PLUS = EU27 + ("ISL", "LIE", "NOR", "CHE")
UK = "GBR"
SYRIA = "SYR"
EU_TURKEY_YEAR = 2016                         # EU-Turkey statement, March 2016
YEARS = tuple(range(2010, 2026))
SOURCE_LINE = {
    "en": "Source: UNHCR Refugee Population Statistics Database (solutions, {vintage}), CC BY 4.0",
    "nl": "Bron: UNHCR Refugee Population Statistics Database (solutions, {vintage}), CC BY 4.0",
}

# --------------------------------------------------------------------------- schemas

QUALIFIERS = ("", "over", "about", "almost")
PGRN_SCHEMA = Schema("resettlement-pgrn", (
    Column("need_year", "int", minimum=2000),
    Column("edition", "int", minimum=2000),
    Column("released", "date", required=False),
    Column("value", "number", minimum=0),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("wording"),
    Column("published_change_pct", "number", required=False),
    Column("published_change_wording", required=False),
    Column("source_id", "ids"),
    Column("note", required=False),
))
PLEDGE_STAGES = ("pledged", "proposed", "adopted", "target")
PLEDGE_MEASURES = ("total", "resettlement", "humanitarian-admission", "resettlement-per-year", "states",
                   "states-without-pledge", "state-share-pct", "drop-pct", "share-of-need-pct")
PLEDGE_SCHEMA = Schema("resettlement-eu-pledges", (
    Column("cycle", pattern=r"\d{4}(-\d{4})?"),
    Column("stage", "choice", choices=PLEDGE_STAGES),
    Column("measure", "choice", choices=PLEDGE_MEASURES),
    Column("member", required=False, pattern=r"[A-Z]{3}"),
    Column("value", "number", minimum=0),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("wording"),
    Column("source_id", "ids"),
    Column("note", required=False),
))
PERIOD_SCHEMA = Schema("resettlement-eu-plan-period", (
    Column("document"),
    Column("first_year", "int", required=False),
    Column("last_year", "int", required=False),
    Column("adopted_year", "int", required=False),
    Column("wording"),
    Column("source_id", "ids"),
))
QUOTA_KINDS = ("national-quota", "above-quota")
QUOTA_SCHEMA = Schema("resettlement-nl-quota", (
    Column("first_year", "int", minimum=1900),
    Column("last_year", "int", minimum=1900),
    Column("quota_per_year", "number", minimum=0),
    Column("kind", "choice", choices=QUOTA_KINDS),
    Column("wording"),
    Column("source_id", "ids"),
    Column("note", required=False),
))
ARRIVALS_SCHEMA = Schema("resettlement-arrivals-published", (
    Column("scope", pattern=r"EU27|EU\+|[A-Z]{3}(-[A-Z]{3})?"),
    Column("first_year", "int", minimum=1900),
    Column("last_year", "int", minimum=1900),
    Column("value", "number", minimum=0),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("wording"),
    Column("source_id", "ids"),
    Column("note", required=False),
))
PUBLISHED_SCHEMAS = (PGRN_SCHEMA, PLEDGE_SCHEMA, PERIOD_SCHEMA, QUOTA_SCHEMA, ARRIVALS_SCHEMA)


def load_pgrn(sources=None) -> pd.DataFrame:
    """UNHCR's projected global resettlement needs, one row per (need year, edition)."""
    frame = registers.load_published("resettlement-pgrn", PGRN_SCHEMA, sources)
    return frame.sort_values(["need_year", "edition"], kind="stable").reset_index(drop=True)


def load_pledges(sources=None) -> pd.DataFrame:
    """EU resettlement and humanitarian-admission pledges as published, one row per figure."""
    return registers.load_published("resettlement-eu-pledges", PLEDGE_SCHEMA, sources)


def load_plan_period(sources=None) -> pd.DataFrame:
    """What each source says about the period of the first Union Plan."""
    return registers.load_published("resettlement-eu-plan-period", PERIOD_SCHEMA, sources)


def load_quota(sources=None) -> pd.DataFrame:
    """The Dutch resettlement quota by period, as published (conflicting sources kept)."""
    frame = registers.load_published("resettlement-nl-quota", QUOTA_SCHEMA, sources)
    return frame.sort_values(["first_year", "kind", "quota_per_year"], kind="stable").reset_index(drop=True)


def load_published_arrivals(sources=None) -> pd.DataFrame:
    """Published resettlement-arrival totals that the UNHCR data are reconciled with."""
    return registers.load_published("resettlement-arrivals-published", ARRIVALS_SCHEMA, sources)


# --------------------------------------------------------------------------- claims

def claim_card(claims: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """A claim's register entry as a two-column table (quote verbatim, paraphrase, value)."""
    row = claims.set_index("claim_id").loc[claim_id]
    fields = ["quote_nl", "fragment_nl", "claim_en", "section", "quantity", "claimed_text", "unit", "period",
              "qualifier"]
    return pd.DataFrame({"field": fields, "value": [str(row[f]) for f in fields]})


def percents_in(text: str) -> list:
    """The percentages written in a Dutch or English text: 'met 20%' -> [20.0], '0.4%' -> [0.4]."""
    return [float(m.replace(",", ".")) for m in re.findall(r"(\d+(?:[.,]\d+)?)\s*%", text)]


def count_before(text: str, word: str) -> int:
    """The whole number written just before `word`: ('14 EU-landen', 'EU-landen') -> 14."""
    match = re.search(r"(\d+)\s+" + re.escape(word), text)
    if not match:
        raise ValueError(f"no number before {word!r} in {text!r}")
    return int(match.group(1))


def sources_of(*frames) -> list:
    """The source ids named in the `source_id` column of the given tables, sorted, unique."""
    ids = set()
    for frame in frames:
        for value in frame["source_id"]:
            ids.update(item.strip() for item in str(value).split(";") if item.strip())
    return sorted(ids)


# --------------------------------------------------------------------------- ranges

def published_range(value: float, qualifier: str = "") -> tuple:
    """The range a published figure stands for: its own rounding ("2.5 million" -> 2.45 to
    2.55 million), "over" -> up to one rounding step above, "almost" -> up to 10% below."""
    return rules.claim_band(float(value), qualifier or "")


def span(ranges) -> tuple:
    """The smallest range holding every (low, high) in `ranges`."""
    ranges = list(ranges)
    return (min(r[0] for r in ranges), max(r[1] for r in ranges))


def drop_pct(before: tuple, after: tuple) -> tuple:
    """Percentage fall from `before` to `after` as a range: 100 * (1 - after / before)."""
    return (100 * (1 - after[1] / before[0]), 100 * (1 - after[0] / before[1]))


def change_pct(before: tuple, after: tuple) -> tuple:
    """Percentage change from `before` to `after` as a range: 100 * (after / before - 1)."""
    return (100 * (after[0] / before[1] - 1), 100 * (after[1] / before[0] - 1))


def share_pct(part: tuple, whole: tuple) -> tuple:
    """`part` as a percentage of `whole`, as a range."""
    return (100 * part[0] / whole[1], 100 * part[1] / whole[0])


def scale(values: tuple, factor: float) -> tuple:
    return (values[0] * factor, values[1] * factor)


def period_years(period: str) -> tuple:
    """'2024-2025' -> (2024, 2025); '2024' -> (2024,)."""
    parts = [int(p) for p in str(period).split("-")]
    return tuple(range(parts[0], parts[-1] + 1))


# --------------------------------------------------------------------------- needs (PGRN)

def pgrn_headline(pgrn: pd.DataFrame) -> pd.DataFrame:
    """One row per need year: the edition named after that year, else the earliest edition
    that reports it (2021 is known here only as restated in the 2022 edition)."""
    rows = []
    for year, group in pgrn.groupby("need_year", sort=True):
        own = group[group["edition"] == year]
        rows.append((own if len(own) else group.sort_values("edition")).iloc[0])
    return pd.DataFrame(rows).reset_index(drop=True)


def pgrn_table(pgrn: pd.DataFrame) -> pd.DataFrame:
    """Needs by year with the range each figure stands for and the year-on-year change.

    change_pct uses the figures as published; change_low/high the ranges (a published
    "over 2.4 million" may be anything from 2.4 to 2.5 million)."""
    head = pgrn_headline(pgrn)
    out = []
    previous = None
    for row in head.itertuples(index=False):
        rng = published_range(row.value, row.qualifier)
        entry = {"need_year": int(row.need_year), "edition": int(row.edition), "wording": row.wording,
                 "value": float(row.value), "low": rng[0], "high": rng[1],
                 "change_pct": math.nan, "change_low": math.nan, "change_high": math.nan,
                 "published_change_pct": row.published_change_pct, "source_id": row.source_id}
        if previous is not None and previous["need_year"] == row.need_year - 1:
            entry["change_pct"] = 100 * (row.value / previous["value"] - 1)
            entry["change_low"], entry["change_high"] = change_pct((previous["low"], previous["high"]), rng)
        out.append(entry)
        previous = entry
    return pd.DataFrame(out)


def pgrn_need(pgrn: pd.DataFrame, need_year: int, edition: int) -> tuple:
    """The range of one edition's figure for one need year."""
    row = pgrn[(pgrn["need_year"] == need_year) & (pgrn["edition"] == edition)]
    if len(row) != 1:
        raise KeyError(f"no single PGRN figure for need year {need_year} in edition {edition}")
    return published_range(row.iloc[0]["value"], row.iloc[0]["qualifier"])


def pgrn_current_edition(pgrn: pd.DataFrame, date: str) -> int:
    """The newest edition released on or before `date` (editions without a known release
    date are not considered)."""
    dated = pgrn[(pgrn["released"] != "") & (pgrn["released"] <= date)]
    if dated.empty:
        raise KeyError(f"no PGRN edition released by {date}")
    return int(dated["edition"].max())


def pgrn_matching(pgrn: pd.DataFrame, band: tuple) -> pd.DataFrame:
    """The (need year, edition) figures whose range overlaps a claim's band."""
    rows = []
    for row in pgrn.itertuples(index=False):
        low, high = published_range(row.value, row.qualifier)
        if low <= band[1] and high >= band[0]:
            rows.append({"need_year": int(row.need_year), "edition": int(row.edition), "wording": row.wording,
                         "low": low, "high": high, "source_id": row.source_id})
    return pd.DataFrame(rows, columns=["need_year", "edition", "wording", "low", "high", "source_id"])


# --------------------------------------------------------------------------- EU pledges

def pledge_rows(pledges: pd.DataFrame, cycle: str, stage: str, measure: str, member: str = "") -> pd.DataFrame:
    return pledges[(pledges["cycle"] == cycle) & (pledges["stage"] == stage) & (pledges["measure"] == measure)
                   & (pledges["member"] == member)]


def pledge_range(pledges: pd.DataFrame, cycle: str, stage: str, measure: str, member: str = "",
                 exact_only: bool = True) -> tuple:
    """The range over the sources' figures for one measure. With exact_only, figures worded
    "about"/"almost" are left out when an exact figure exists."""
    rows = pledge_rows(pledges, cycle, stage, measure, member)
    if rows.empty:
        return None
    if exact_only and (rows["qualifier"] == "").any():
        rows = rows[rows["qualifier"] == ""]
    return span(published_range(v, q) if q else (v, v) for v, q in zip(rows["value"], rows["qualifier"]))


def combined_pledge(pledges: pd.DataFrame, cycle: str, stage: str = "pledged") -> pd.DataFrame:
    """Resettlement + humanitarian admission, added up per source that gives both parts."""
    rows = []
    parts = pledges[(pledges["cycle"] == cycle) & (pledges["stage"] == stage) & (pledges["member"] == "")
                    & (pledges["qualifier"] == "")]
    for source, group in parts.groupby("source_id", sort=True):
        res = group[group["measure"] == "resettlement"]["value"]
        hum = group[group["measure"] == "humanitarian-admission"]["value"]
        if len(res) == 1 and len(hum) == 1:
            rows.append({"source_id": source, "resettlement": float(res.iloc[0]),
                         "humanitarian_admission": float(hum.iloc[0]),
                         "combined": float(res.iloc[0]) + float(hum.iloc[0])})
    return pd.DataFrame(rows, columns=["source_id", "resettlement", "humanitarian_admission", "combined"])


def count_named(wording: str, suffix: str = " made no pledges") -> int:
    """Count the names in a list like 'A, B and C made no pledges'."""
    text = wording[:-len(suffix)] if suffix and wording.endswith(suffix) else wording
    names = [n.strip() for part in text.split(",") for n in part.split(" and ") if n.strip()]
    return len(names)


def pledging_states(pledges: pd.DataFrame, cycle: str, stage: str) -> pd.DataFrame:
    """Number of pledging states: as published, and as 27 minus the states named (or
    counted) as not pledging."""
    rows = []
    for row in pledges[(pledges["cycle"] == cycle) & (pledges["stage"] == stage)].itertuples(index=False):
        if row.measure == "states":
            rows.append({"how": "published", "states": int(row.value), "source_id": row.source_id})
        elif row.measure == "states-without-pledge":
            listed = row.wording.endswith(" made no pledges")
            without = count_named(row.wording) if listed else int(row.value)
            how = "named as not pledging" if listed else "said not to pledge"
            rows.append({"how": f"27 - {without} {how}", "states": len(EU27) - without,
                         "source_id": row.source_id})
    return pd.DataFrame(rows, columns=["how", "states", "source_id"])


def cycles_table(pledges: pd.DataFrame) -> pd.DataFrame:
    """The pledging cycles side by side: states, total, resettlement and humanitarian
    admission (low-high where sources differ; empty where no source gives a figure)."""
    def shown(rng):
        if rng is None:
            return ""
        return f"{rng[0]:,.0f}" if rng[0] == rng[1] else f"{rng[0]:,.0f}-{rng[1]:,.0f}"
    out = []
    for cycle, stage in (("2024-2025", "pledged"), ("2026-2027", "proposed"), ("2026-2027", "adopted")):
        states = pledging_states(pledges, cycle, stage)["states"]
        total = pledge_range(pledges, cycle, stage, "total")
        combined = combined_pledge(pledges, cycle, stage)
        if total is None and len(combined):
            total = (combined["combined"].min(), combined["combined"].max())
        rows = pledges[(pledges["cycle"] == cycle) & (pledges["stage"] == stage) & (pledges["member"] == "")]
        out.append({"cycle": cycle, "stage": stage,
                    "states": shown((states.min(), states.max())) if len(states) else "",
                    "total": shown(total),
                    "resettlement": shown(pledge_range(pledges, cycle, stage, "resettlement")),
                    "humanitarian_admission": shown(pledge_range(pledges, cycle, stage, "humanitarian-admission")),
                    "sources": ";".join(sorted(set(";".join(rows["source_id"]).split(";"))))})
    return pd.DataFrame(out)


def disagreements(pledges: pd.DataFrame) -> pd.DataFrame:
    """Measures for which the sources publish different exact figures."""
    exact = pledges[pledges["qualifier"] == ""]
    rows = []
    for key, group in exact.groupby(["cycle", "stage", "measure", "member"], sort=True):
        values = sorted(set(group["value"].astype(float)))
        if len(values) > 1:
            rows.append({"cycle": key[0], "stage": key[1], "measure": key[2], "member": key[3],
                         "values": " / ".join(f"{v:,.0f}" for v in values),
                         "sources": " / ".join(f"{v:,.0f}: {s}" for v, s in
                                               sorted(zip(group["value"].astype(float), group["source_id"])))})
    return pd.DataFrame(rows, columns=["cycle", "stage", "measure", "member", "values", "sources"])


def state_share_check(pledges: pd.DataFrame, cycle: str = "2024-2025") -> pd.DataFrame:
    """Each named state's resettlement pledge as a share of the total resettlement pledge,
    next to the shares another source publishes (to spot swapped names)."""
    total = pledge_range(pledges, cycle, "pledged", "resettlement")
    states = pledges[(pledges["cycle"] == cycle) & (pledges["measure"] == "resettlement") & (pledges["member"] != "")]
    published = pledges[(pledges["cycle"] == cycle) & (pledges["measure"] == "state-share-pct")]
    rows = []
    for row in states.sort_values("value", ascending=False, kind="stable").itertuples(index=False):
        low, high = share_pct((row.value, row.value), total)
        match = published[published["member"] == row.member]["value"]
        rows.append({"member": row.member, "resettlement_pledge": float(row.value),
                     "share_low": low, "share_high": high,
                     "published_share": float(match.iloc[0]) if len(match) else math.nan})
    return pd.DataFrame(rows)


def plan_period(periods: pd.DataFrame) -> dict:
    """The first Union Plan's period: what the sources say, and Art. 8(1)'s rule applied to
    the adoption year (the plan runs in the two years after the year it is adopted)."""
    dated = periods[periods["first_year"].notna()]
    stated = sorted({(int(a), int(b)) for a, b in zip(dated["first_year"], dated["last_year"])})
    adopted = periods[periods["adopted_year"].notna()]["adopted_year"]
    by_rule = sorted({(int(y) + 1, int(y) + 2) for y in adopted})
    return {"stated": stated, "by_article_8": by_rule,
            "agree": len(stated) == 1 and (not by_rule or by_rule == stated)}


def pledges_for_years(cycles, years) -> tuple:
    """Pledges attributable to `years`, each cycle's pledge spread evenly over its years.

    cycles: iterable of (cycle period like '2024-2025', (low, high))."""
    years = set(years)
    low = high = 0.0
    for period, rng in cycles:
        span_years = period_years(period)
        share = len(years & set(span_years)) / len(span_years)
        low += rng[0] * share
        high += rng[1] * share
    return (low, high)


# --------------------------------------------------------------------------- share of need (C04)

def share_readings(pledge: tuple, pledge_years: int, needs: dict) -> pd.DataFrame:
    """Pledges as a share of global need under each reading.

    pledge: the pledge's range over `pledge_years` years; needs: {label: (low, high)} of
    annual needs. Bases: the whole pledge against one year's need, the annual pledge
    against one year's need, and the whole pledge against the need over as many years."""
    rows = []
    for label, need in needs.items():
        for basis, part, whole in (
                (f"{pledge_years}-year pledge / one year's need", pledge, need),
                ("pledge per year / one year's need", scale(pledge, 1 / pledge_years), need),
                (f"{pledge_years}-year pledge / {pledge_years} years' need", pledge, scale(need, pledge_years))):
            low, high = share_pct(part, whole)
            rows.append({"need": label, "basis": basis, "share_low": low, "share_high": high})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- arrivals (UNHCR)

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


# --------------------------------------------------------------------------- arrivals (Eurostat)

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
    from .sources.eurostat import FLAG, TIME, VALUE

    keep = raw
    for column, code in EUROSTAT_TOTALS.items():
        if column in keep.columns:
            keep = keep[keep[column] == code]
    keep = keep[keep["geo"].isin(list(EUROSTAT_GEOS))]
    twice = keep.duplicated(["geo", TIME])
    if twice.any():
        first = keep[twice].iloc[0]
        raise ValueError(f"{source_id}: more than one cell for geo {first['geo']} in {first[TIME]}")
    years = sorted({int(t) for t in keep[TIME]})
    out = pd.DataFrame({"year": years})
    for geo, name in EUROSTAT_GEOS.items():
        cells = keep[keep["geo"] == geo].set_index(keep[keep["geo"] == geo][TIME].astype(int))
        values = [cells[VALUE].get(y, math.nan) for y in years]
        out[name] = pd.array([pd.NA if pd.isna(v) else int(round(v)) for v in values], dtype="Int64")
        out[f"{name}_flag"] = [str(cells[FLAG].get(y, "")) for y in years]
    out["source_id"] = source_id
    return out


def eurostat_arrivals(sources: pd.DataFrame = None):
    """EU-27 and Dutch resettled persons per year from the newest registered Eurostat
    migr_resettle extract (sha256 checked by `eurostat.latest`), see
    `eurostat_arrivals_table`; None when the project has no such extract."""
    from .sources import eurostat

    raw = eurostat.latest(EUROSTAT_DATASET, sources)
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


BASIS = {
    "C01": "UNHCR's published Projected Global Resettlement Needs figures; no arrivals series is used",
    "C02": "the published pledge figures (resettlement and humanitarian admission); no arrivals series is used",
    "C03": "the published pledge figures and plan period; no arrivals series is used",
    "C04": "the published pledge figures and UNHCR's published Projected Global Resettlement Needs; "
           "no arrivals series is used",
    "C05": "the published quota figures",
}
CHART_ARRIVALS = ("C02", "C03")        # the EU arrivals chart (UNHCR) is cited with these verdicts
CONTEXT_ARRIVALS = ("C05",)             # arrivals enter the verdict's context


def verdict_basis(claim_id: str, eurostat_id: str = None, unhcr_id: str = LATEST) -> str:
    """Which series a resettlement verdict rests on, for its rule text: published figures
    for needs, pledges and quota; arrivals (context only) from UNHCR, and from Eurostat too
    when an extract is registered."""
    text = "rests on " + BASIS[claim_id]
    none = f"no Eurostat {EUROSTAT_DATASET} extract registered"
    if claim_id in CONTEXT_ARRIVALS:
        return text + (f"; the arrivals in its context are UNHCR's ({unhcr_id})"
                       + (f" and Eurostat's ({eurostat_id})" if eurostat_id else f"; {none}"))
    if claim_id in CHART_ARRIVALS:
        text += f" (the arrivals in the EU chart are UNHCR's, {unhcr_id})"
    return text + (f"; Eurostat's arrivals ({eurostat_id}) are compared with UNHCR's, not used here"
                   if eurostat_id else f"; {none}")


def years_text(years) -> str:
    """'2015-2017' for consecutive years, '2015, 2023, 2025' otherwise."""
    years = sorted(int(y) for y in years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


def with_basis(assessment: rules.Assessment, basis: str) -> rules.Assessment:
    """The same verdict with the basis sentence appended to its rule text."""
    return rules.Assessment(assessment.verdict, assessment.rule, f"{assessment.detail}; basis: {basis}",
                               assessment.primary)


# --------------------------------------------------------------------------- Dutch quota (C05)

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


# --------------------------------------------------------------------------- verdict helpers

def readings_frame(readings) -> pd.DataFrame:
    """The readings a verdict is assessed against, as a table (`published`: the value as
    published when low-high is its rounding range, else NaN)."""
    return pd.DataFrame([{"label": r.label, "kind": r.kind, "low": r.low, "high": r.high,
                          "published": math.nan if r.published is None else r.published} for r in readings])


def with_notes(assessment: rules.Assessment, notes) -> rules.Assessment:
    """The same verdict and primary reading, with the sub-checks appended to the rule text."""
    notes = [n for n in notes if n]
    if not notes:
        return assessment
    return rules.Assessment(assessment.verdict, assessment.rule, assessment.detail + "; checks: " + "; ".join(notes),
                               assessment.primary)


# --------------------------------------------------------------------------- charts

def _texts(en: tuple, nl: tuple) -> dict:
    return {"en": charts.ChartText(*en), "nl": charts.ChartText(*nl)}


def needs_vs_pledges_data(table: pd.DataFrame, pledges: dict) -> pd.DataFrame:
    """Chart data: annual need (published figure) and EU pledges per year (combined
    resettlement + humanitarian admission), with pledges as a share of need.

    pledges: {year: pledge per year}."""
    rows = []
    for row in table.itertuples(index=False):
        pledge = pledges.get(row.need_year, math.nan)
        rows.append({"year": row.need_year, "need": row.value, "need_edition": row.edition,
                     "eu_pledge_per_year": pledge,
                     "pledge_share_pct": round(100 * pledge / row.value, 2) if pledge == pledge else math.nan})
    for year in sorted(set(pledges) - set(table["need_year"])):
        rows.append({"year": year, "need": math.nan, "need_edition": math.nan, "eu_pledge_per_year": pledges[year],
                     "pledge_share_pct": math.nan})
    return pd.DataFrame(rows)


def export_needs_vs_pledges(data: pd.DataFrame) -> list:
    """Bars: UNHCR's projected annual need against the EU's annual pledges."""
    def draw(ax, lang):
        years = data["year"].tolist()
        ax.bar([y - 0.2 for y in years], data["need"].fillna(0) / 1e6, width=0.4, color=charts.PALETTE["light"],
               label="projected need (UNHCR PGRN)" if lang == "en" else "verwachte behoefte (UNHCR PGRN)")
        ax.bar([y + 0.2 for y in years], data["eu_pledge_per_year"].fillna(0) / 1e6, width=0.4,
               color=charts.PALETTE["navy"],
               label="EU pledges per year" if lang == "en" else "EU-toezeggingen per jaar")
        for row in data.itertuples(index=False):
            if row.eu_pledge_per_year == row.eu_pledge_per_year:
                share = "" if row.pledge_share_pct != row.pledge_share_pct else (
                    "\n" + text.percent(row.pledge_share_pct, lang, 1, group=False))
                ax.annotate(text.number(row.eu_pledge_per_year, lang) + share, (row.year + 0.2, row.eu_pledge_per_year / 1e6), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                            color=charts.PALETTE["navy"])
        ax.set_xticks(years)
        ax.set_ylabel("million people" if lang == "en" else "miljoen mensen")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: text.number(v, lang, 1, group=False)))
        ax.set_ylim(0, 3.3)
        ax.legend(loc="upper left")
    shares = data.dropna(subset=["pledge_share_pct"])
    last = shares.iloc[-1]
    first = shares.iloc[0]
    texts = _texts(
        ("Global resettlement needs dwarf the EU's pledges",
         f"EU pledges per year were {first.pledge_share_pct:.1f}% of UNHCR's projected need in {int(first.year)} "
         f"and {last.pledge_share_pct:.1f}% in {int(last.year)}",
         "Source: UNHCR Projected Global Resettlement Needs (as reported, see data/published/resettlement-pgrn.csv); "
         "EU pledges: European Commission, joint NGO statement of 8 Jan 2026",
         "Pledges: resettlement plus humanitarian admission, two-year pledge divided by two "
         "(2024-2025: 61,000; 2026-2027: 10,430). Need: PGRN figure for that year; no PGRN for 2027 yet.",
         "Bar chart by year, 2021-2027: UNHCR's projected resettlement need between 1.4 and 2.9 million "
         "people a year, and EU pledges of 30,500 a year in 2024-2025 and 5,215 a year in 2026-2027."),
        ("Wereldwijde hervestigingsbehoefte is vele malen groter dan de EU-toezeggingen",
         f"EU-toezeggingen per jaar waren {text.percent(first.pledge_share_pct, 'nl', 1)} van de verwachte behoefte "
         f"in {int(first.year)} en {text.percent(last.pledge_share_pct, 'nl', 1)} in {int(last.year)}",
         "Bron: UNHCR Projected Global Resettlement Needs (zoals gerapporteerd, zie data/published/resettlement-pgrn.csv); "
         "EU-toezeggingen: Europese Commissie, gezamenlijke ngo-verklaring van 8 jan. 2026",
         "Toezeggingen: hervestiging plus humanitaire toelating, tweejarige toezegging gedeeld door twee "
         "(2024-2025: 61.000; 2026-2027: 10.430). Behoefte: PGRN-cijfer voor dat jaar; nog geen PGRN voor 2027.",
         "Staafdiagram per jaar, 2021-2027: de door UNHCR verwachte hervestigingsbehoefte tussen 1,4 en 2,9 miljoen "
         "mensen per jaar, en EU-toezeggingen van 30.500 per jaar in 2024-2025 en 5.215 per jaar in 2026-2027."))
    return charts.export_chart("resettlement-needs-vs-pledges", draw, texts, data, claim_ids=["C01", "C02", "C03", "C04"])


def annual_pledges(pledges: pd.DataFrame, cycles=(("2024-2025", "pledged"), ("2026-2027", "adopted")),
                   measure: str = "total") -> dict:
    """{year: pledge per year}: each cycle's published figure (the upper end where sources
    differ) divided evenly over its years."""
    out = {}
    for cycle, stage in cycles:
        rng = pledge_range(pledges, cycle, stage, measure)
        if rng is None:
            continue
        years = period_years(cycle)
        for year in years:
            out[year] = rng[1] / len(years)
    return out


def annual_targets(pledges: pd.DataFrame, measure: str = "resettlement") -> dict:
    """{year: figure} for the single-year pledges and targets (cycles named by one year)."""
    rows = pledges[(pledges["measure"] == measure) & (pledges["member"] == "")
                   & ~pledges["cycle"].str.contains("-", regex=False)]
    return {int(row.cycle): float(row.value) for row in rows.sort_values("cycle").itertuples(index=False)}


def eu_arrivals_vs_pledges_data(table: pd.DataFrame, per_year: dict) -> pd.DataFrame:
    """Chart data: EU-27 arrivals per year with the pledges per year (years with a pledge
    but no arrivals yet are added with empty arrivals).

    per_year: {column name: {year: value}}."""
    years = sorted(set(table["year"].astype(int)) | {y for values in per_year.values() for y in values})
    arrivals_by_year = dict(zip(table["year"].astype(int), table["eu27"]))
    data = pd.DataFrame({"year": years,
                         "eu27": pd.array([arrivals_by_year.get(y, pd.NA) for y in years], dtype="Int64")})
    for column, values in per_year.items():
        data[column] = [values.get(y, math.nan) for y in years]
    return data


def export_eu_arrivals_vs_pledges(data: pd.DataFrame, vintage: str, focus_year: int = 2024) -> list:
    """Bars: EU-27 resettlement arrivals; markers: what was pledged per year."""
    styles = {"pledge_combined_per_year": ("o", charts.PALETTE["navy"], "pledged: resettlement + humanitarian admission",
                                           "toegezegd: hervestiging + humanitaire toelating"),
              "pledge_resettlement_per_year": ("s", charts.PALETTE["red"], "pledged: resettlement only",
                                               "toegezegd: alleen hervestiging"),
              "target_resettlement": ("D", charts.PALETTE["green"], "annual resettlement target/pledge",
                                      "jaardoel/-toezegging hervestiging")}

    def draw(ax, lang):
        ax.bar(data["year"], data["eu27"].astype("float64").fillna(0), color=charts.PALETTE["light"],
               label="resettlement arrivals (UNHCR)" if lang == "en" else "aangekomen hervestigde vluchtelingen (UNHCR)")
        for column, (marker, colour, en, nl) in styles.items():
            if column in data:
                ax.plot(data["year"], data[column], marker=marker, linestyle="none", color=colour, markersize=6,
                        label=en if lang == "en" else nl)
        ax.set_xticks(data["year"][::2])
        ax.set_ylabel("people per year" if lang == "en" else "mensen per jaar")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: text.number(v, lang)))
        ax.legend(loc="upper left", fontsize=7.5)
    focus = data.set_index("year").loc[focus_year]
    arrived, target = int(focus["eu27"]), float(focus["target_resettlement"])
    texts = _texts(
        ("Resettlement arrivals in the EU-27 against the pledges",
         f"Arrivals peaked in 2019; in {focus_year} {arrived:,} refugees arrived against a target of {target:,.0f}",
         SOURCE_LINE["en"].format(vintage=vintage) + "; pledges: European Commission, IRC, joint NGO statement",
         "EU-27 in its current membership for all years. Pledges per year = two-year pledge / 2. "
         "2025 as in UNHCR release 2025.12.1 (the release public on 2 Feb 2026 had only part of 2025).",
         "Bar chart of EU-27 resettlement arrivals per year 2010-2025, with markers for the pledges per year in "
         "2023-2027."),
        ("Hervestigde vluchtelingen in de EU-27 tegenover de toezeggingen",
         f"De aankomsten piekten in 2019; in {focus_year} kwamen {text.number(arrived, 'nl')} vluchtelingen aan, bij een doel van "
         f"{text.number(target, 'nl')}",
         SOURCE_LINE["nl"].format(vintage=vintage) + "; toezeggingen: Europese Commissie, IRC, gezamenlijke ngo-verklaring",
         "EU-27 in de huidige samenstelling voor alle jaren. Toezegging per jaar = tweejarige toezegging / 2. "
         "2025 volgens UNHCR-release 2025.12.1 (de release die op 2 feb. 2026 openbaar was, had een deel van 2025).",
         "Staafdiagram van het aantal aangekomen hervestigde vluchtelingen in de EU-27 per jaar 2010-2025, met "
         "markeringen voor de toezeggingen per jaar in 2023-2027."))
    return charts.export_chart("resettlement-eu-arrivals-vs-pledges", draw, texts, data, claim_ids=["C02", "C03"])


def export_nl_arrivals_vs_quota(data: pd.DataFrame, vintage: str) -> list:
    """Stacked bars: Dutch arrivals (Syria / other origins) against the quota line."""
    def draw(ax, lang):
        years = data["year"].astype(int)
        syria = data["syria"].astype("float64").fillna(0)
        other = data["other"].astype("float64").fillna(0)
        ax.bar(years, other, color=charts.PALETTE["light"],
               label="arrivals, other origins" if lang == "en" else "aankomsten, overige herkomst")
        ax.bar(years, syria, bottom=other, color=charts.PALETTE["blue"],
               label="arrivals from Syria" if lang == "en" else "aankomsten uit Syrië")
        ax.step(years, data["quota_low"], where="mid", color=charts.PALETTE["red"], linewidth=1.8,
                label="national quota" if lang == "en" else "nationaal quotum")
        high = data["quota_high"].where(data["quota_high"] != data["quota_low"])
        ax.step(years, high, where="mid", color=charts.PALETTE["red"], linewidth=1.2, linestyle="--",
                label="quota per NOS (2016-2019)" if lang == "en" else "quotum volgens NOS (2016-2019)")
        for year in years[data["total"].isna()]:
            ax.annotate("no data" if lang == "en" else "geen data", (year, 30), ha="center", va="bottom",
                        rotation=90, fontsize=7, color="#666666")
        ax.annotate("EU-Turkey statement" if lang == "en" else "EU-Turkije-verklaring", (2016, 2300),
                    xytext=(2005.5, 2150), fontsize=7.5, color="#333333",
                    arrowprops={"arrowstyle": "->", "color": "#999999"})
        ax.set_ylabel("people per year" if lang == "en" else "mensen per jaar")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: text.number(v, lang)))
        ax.legend(loc="upper left", fontsize=7.5)
    recent = data[(data["year"] >= 1987) & (data["year"] < EU_TURKEY_YEAR) & data["total"].notna()]
    below = int((recent["total"] < recent["quota_low"]).sum())
    later = data[(data["year"] >= EU_TURKEY_YEAR) & data["total"].notna()]
    above = int((later["total"] > later["quota_high"]).sum())
    texts = _texts(
        ("Resettlement arrivals in the Netherlands against the quota",
         f"The quota was 500 a year from 1987; arrivals stayed below it in {below} of {len(recent)} years with "
         f"data to 2015, and exceeded it in {above} of {len(later)} years from 2016, mostly with Syrian refugees",
         SOURCE_LINE["en"].format(vintage=vintage) + "; quota: Kamerbrief 1999, NOS, COA, Nieuwsuur",
         "Arrivals by year of arrival; the quota is a ceiling per year. EU-Turkey resettlement came on top of "
         "the quota. No Dutch rows in the UNHCR data for 2015. 2025 as in release 2025.12.1.",
         "Stacked bar chart of Dutch resettlement arrivals 1984-2025, split into Syria and other origins, "
         "with a step line for the quota: 250, then 500 from 1987, 500 or 750 in 2016-2019, 200 in 2025."),
        ("Hervestigde vluchtelingen in Nederland tegenover het quotum",
         f"Het quotum was vanaf 1987 500 per jaar; de aankomsten bleven daaronder in {below} van de {len(recent)} "
         f"jaren met gegevens tot 2015, en lagen erboven in {above} van de {len(later)} jaren vanaf 2016, vooral "
         f"door Syrische vluchtelingen",
         SOURCE_LINE["nl"].format(vintage=vintage) + "; quotum: Kamerbrief 1999, NOS, COA, Nieuwsuur",
         "Aankomsten naar jaar van aankomst; het quotum is een plafond per jaar. Hervestiging onder de "
         "EU-Turkije-verklaring kwam bovenop het quotum. Geen Nederlandse rijen in de UNHCR-data voor 2015. "
         "2025 volgens release 2025.12.1.",
         "Gestapeld staafdiagram van aankomsten van hervestigde vluchtelingen in Nederland 1984-2025, naar "
         "Syrië en overige herkomst, met een traplijn voor het quotum: 250, vanaf 1987 500, 500 of 750 in "
         "2016-2019, 200 in 2025."))
    return charts.export_chart("resettlement-nl-arrivals-vs-quota", draw, texts, data, claim_ids=["C05"])


# --------------------------------------------------------------------------- the five checks

def pgrn_reading(pgrn: pd.DataFrame, need_year: int, edition: int, label: str,
                 kind: str = "primary") -> rules.Reading:
    """One edition's figure for one need year as a reading: the range its wording stands for,
    with the value as published (so only the published value, not its rounding, can match)."""
    row = pgrn[(pgrn["need_year"] == need_year) & (pgrn["edition"] == edition)]
    if len(row) != 1:
        raise KeyError(f"no single PGRN figure for need year {need_year} in edition {edition}")
    value = float(row.iloc[0]["value"])
    return rules.Reading(label, *published_range(value, row.iloc[0]["qualifier"]), kind, published=value)


def pgrn_editions_stating(pgrn: pd.DataFrame, need_year: int, up_to: int) -> list:
    """The editions up to `up_to` that state a figure for `need_year`, newest first."""
    rows = pgrn[(pgrn["need_year"] == need_year) & (pgrn["edition"] <= up_to)]
    return sorted({int(e) for e in rows["edition"]}, reverse=True)


def check_c01(pgrn: pd.DataFrame, value: float, qualifier: str, claim_year: int, claimed_change: float,
              date: str = LETTER_DATE) -> dict:
    """C01, 'needs rise in 2025 by 20% to almost 3 million'.

    Period rule (as for C03 and C11): a claim's period is the period it names. Primary
    reading: the need FOR `claim_year`, from the newest edition current on `date` that states
    it (the current edition's restatement when it gives one, else the edition named after
    the year). 'earlier': the same year's figure in older editions. 'comparison': the current
    edition's projection for a later year (another period); that projection, when there is
    one, is context. Sub-checks (appended to the rule text): the change against the year
    before (UNHCR's published change when there is one, else the change computed from the
    figures' ranges) and 'the highest need in years' (the claimed year's lowest value is
    above every other year's highest)."""
    band = rules.claim_band(value, qualifier)
    current = pgrn_current_edition(pgrn, date)
    editions = pgrn_editions_stating(pgrn, claim_year, current)
    readings = []
    primary_edition = editions[0] if editions else None
    for edition in editions:
        if edition == primary_edition:
            when = f"current on {date}" if edition == current else f"newest stating {claim_year} on {date}"
            readings.append(pgrn_reading(pgrn, claim_year, edition, f"PGRN {edition} ({when}): need in {claim_year}"))
        else:
            readings.append(pgrn_reading(pgrn, claim_year, edition, f"PGRN {edition} (earlier edition): need in "
                                                                   f"{claim_year}", "earlier"))
    later = sorted(int(y) for y in pgrn[(pgrn["edition"] == current) & (pgrn["need_year"] > claim_year)]["need_year"])
    context, outlook = [], None
    if later and primary_edition is not None:
        year = later[-1]
        nxt = pgrn_reading(pgrn, year, current, f"PGRN {current}: need in {year} (another period)", "comparison")
        readings.append(nxt)
        base = readings[0]
        outlook = {"year": year, "edition": current, "value": nxt.published,
                   "change_pct": 100 * (nxt.published / base.published - 1),
                   "change_range": change_pct((base.low, base.high), (nxt.low, nxt.high))}
        direction = "fall" if outlook["change_pct"] < 0 else "rise"
        context.append(f"the edition current on {date} (PGRN {current}) projects a {direction} to "
                       f"{nxt.published / 1e6:g} million for {year} ({outlook['change_pct']:+.1f}% on "
                       f"{base.published / 1e6:g} million for {claim_year}; "
                       f"{text.number_range(*outlook['change_range'], 'en', 1, sep=' to ')}% "
                       f"from the rounding ranges)")

    # sub-check 1: the claimed change against the year before
    table = pgrn_table(pgrn[pgrn["edition"] <= current])     # only what was published by `date`
    change_band = rules.claim_band(claimed_change)
    stated = pgrn[(pgrn["need_year"] == claim_year) & pgrn["published_change_pct"].notna()
                  & (pgrn["edition"] <= current)].sort_values("edition")
    before = table[table["need_year"] == claim_year - 1]
    computed, change_edition = None, None
    if len(before) and primary_edition is not None:
        computed = change_pct((before.iloc[0]["low"], before.iloc[0]["high"]), (readings[0].low, readings[0].high))
    if len(stated):
        published = float(stated.iloc[-1]["published_change_pct"])
        change_edition = int(stated.iloc[-1]["edition"])
        change_reading = rules.Reading(f"change published with PGRN {change_edition}", published, published)
    elif computed is not None:
        change_reading = rules.Reading(f"change computed from the ranges of {claim_year - 1} and {claim_year}",
                                          *computed)
    else:
        change_reading = None
    change = rules.assess(change_band, [change_reading] if change_reading else [])
    notes = [f"{claimed_change:+g}%: {change.verdict} ({change.rule.id}; "
             + (f"{change_reading.label}: {change_reading.shown()}%" if change_reading else "no figure") + ")"
             + (f"; computed from the ranges of PGRN {int(before.iloc[0]['edition'])} ({claim_year - 1}) and the "
                f"primary reading: {text.number_range(*computed, 'en', 1, sep=' to ')}%" if computed is not None else "")]

    # sub-check 2: 'the highest need in years'
    others = table[table["need_year"] != claim_year]
    highest = None
    if primary_edition is not None and len(others):
        top = others.sort_values(["high", "need_year"], ascending=[False, False], kind="stable").iloc[0]
        highest = bool(readings[0].low > others["high"].max())
        notes.append(f"'highest in years': the {claim_year} need ({text.number_range(readings[0].low, readings[0].high, sep=' to ')}) "
                     f"is {'' if highest else 'not certainly '}above every other year of "
                     f"{int(table['need_year'].min())}-{int(table['need_year'].max())} (next highest: "
                     f"{int(top['need_year'])}, up to {top['high']:,.0f})")
    assessment = with_notes(rules.assess(band, readings, context), notes)
    return {"band": band, "readings": readings, "assessment": assessment, "current_edition": current,
            "primary_edition": primary_edition, "matching": pgrn_matching(pgrn, band), "context": context,
            "outlook": outlook, "change": change, "change_computed": computed,
            "change_edition": change_edition, "highest": highest,
            "years_covered": (int(table["need_year"].min()), int(table["need_year"].max())) if len(table) else None,
            "claim_year": claim_year, "notes": notes}


def _million(reading: rules.Reading, lang: str) -> str:
    """'2.9 million' / 'ruim 2,9 miljoen' for a PGRN reading: 'over' when the range starts at the
    published value and reaches above it."""
    return text.million(reading.published, lang, over=reading.low == reading.published < reading.high)


def c01_conclusions(result: dict) -> tuple:
    """The C01 conclusion in English and Dutch, written from the check's computed values:
    the primary reading (and the earlier edition's figure), the change sub-check, the
    'highest' sub-check and the current edition's outlook. Returns (en, nl)."""
    primary = result["assessment"].primary
    if primary is None:
        return ("No PGRN figure for the year the letter names was found.",
                "Er is geen PGRN-cijfer gevonden voor het jaar dat de brief noemt.")
    year = result["claim_year"]
    earlier = [r for r in result["readings"] if r.kind == "earlier"]
    change = result["change"].primary
    first, last = result["years_covered"]
    en = (f"UNHCR's projected need for {year}, the year the letter names, was {_million(primary, 'en')} in "
          f"PGRN {result['primary_edition']}, the edition current on the letter's date")
    nl = (f"De door UNHCR verwachte behoefte voor {year}, het jaar dat de brief noemt, was {_million(primary, 'nl')} "
          f"in PGRN {result['primary_edition']}, de editie die op de datum van de brief actueel was")
    if earlier:
        en += f" (PGRN {year}: {_million(earlier[0], 'en')})"
        nl += f" (PGRN {year}: {_million(earlier[0], 'nl')})"
    parts_en, parts_nl = [], []
    if change is not None:
        digits = 0 if change.low == round(change.low) == change.high else 1
        sign = "+" if change.low > 0 else ""
        shown, shown_nl = (sign + text.number_range(change.low, change.high, lang, digits, sep=" to ")
                           for lang in ("en", "nl"))
        edition = result["change_edition"]
        if edition is not None:
            parts_en.append(f"a change of {shown}% on {year - 1} as published by UNHCR with PGRN {edition}")
            parts_nl.append(f"een verandering van {shown_nl}% ten opzichte van {year - 1} volgens "
                            f"UNHCR (PGRN {edition})")
        else:
            parts_en.append(f"a change of {shown}% on {year - 1} computed from the rounded figures")
            parts_nl.append(f"een verandering van {shown_nl}% ten opzichte van {year - 1}, berekend "
                            f"uit de afgeronde cijfers")
    if result["highest"] is not None:
        parts_en.append(f"{'the highest' if result['highest'] else 'not certainly the highest'} need of {first}-{last}")
        parts_nl.append(f"{'de hoogste' if result['highest'] else 'niet zeker de hoogste'} behoefte van {first}-{last}")
    if parts_en:
        en += "; " + " and ".join(parts_en)
        nl += "; " + " en ".join(parts_nl)
    out = result["outlook"]
    if out is not None:
        word_en = "fall" if out["change_pct"] < 0 else "rise"
        word_nl = "daling" if out["change_pct"] < 0 else "stijging"
        pct_en, pct_nl = (text.percent(out["change_pct"], lang, 1, signed=True) for lang in ("en", "nl"))
        en += (f"; but PGRN {out['edition']} projects a {word_en} to {text.million(out['value'], 'en')} for "
               f"{out['year']} ({pct_en}), which the letter does not mention")
        nl += (f"; maar PGRN {out['edition']} raamt een {word_nl} naar "
               f"{text.million(out['value'], 'nl')} voor {out['year']} ({pct_nl}), "
               f"wat de brief niet vermeldt")
    return en + ".", nl + "."


def check_c02(pledges: pd.DataFrame, value: float, qualifier: str, states: int, period: str) -> dict:
    """C02, '14 EU countries agreed to resettle only 61,000 people in 2024-2025'.

    Primary: resettlement + humanitarian admission, summed from the published parts.
    'definition': resettlement only (the word the claim uses). Sub-checks: states, period."""
    band = rules.claim_band(value, qualifier)
    combined = combined_pledge(pledges, period, "pledged")
    readings = [
        rules.Reading(f"{period} pledges, resettlement + humanitarian admission (sum of published parts)",
                         float(combined["combined"].min()), float(combined["combined"].max()), "primary"),
        rules.Reading(f"{period} pledges, resettlement only",
                         *pledge_range(pledges, period, "pledged", "resettlement"), "definition"),
    ]
    counted = pledging_states(pledges, period, "pledged")
    agree = sorted(set(counted["states"]))
    notes = [f"states: {', '.join(str(s) for s in agree)} by {len(counted)} counts (claim {states})",
             f"period: the pledges cover {period} (claim {period})"]
    return {"band": band, "readings": readings, "combined": combined, "states": counted,
            "assessment": with_notes(rules.assess(band, readings), notes), "notes": notes}


def check_c03(pledges: pd.DataFrame, periods: pd.DataFrame, value: float, qualifier: str, claimed_drop: float,
              claim_period: str, previous: str = "2024-2025") -> dict:
    """C03, 'for 2025-2026 the pledges fell by 83% to only 10,430'.

    Period rule: a pledge figure is read against the years the claim names. Primary: the
    pledges attributable to those years (each cycle spread evenly over its two years);
    the adopted plan for its actual period is a 'comparison' reading (another period).
    Sub-checks: the drop (combined against combined, and the resettlement-only bound)."""
    band = rules.claim_band(value, qualifier)
    plan = plan_period(periods)
    plan_label = "-".join(str(y) for y in plan["stated"][0]) if plan["stated"] else "unknown"
    before = (float(combined_pledge(pledges, previous)["combined"].min()),
              float(combined_pledge(pledges, previous)["combined"].max()))
    adopted = pledge_range(pledges, plan_label, "adopted", "total")
    proposed = pledge_range(pledges, plan_label, "proposed", "total")
    own = pledges_for_years([(previous, before), (plan_label, adopted)], period_years(claim_period))
    readings = [
        rules.Reading(f"pledges attributable to {claim_period} (cycles spread evenly over their years)", *own,
                         "primary"),
        rules.Reading(f"Union Plan {plan_label} as adopted (another period)", *adopted, "comparison"),
        rules.Reading(f"Union Plan {plan_label} as proposed by the Commission (another period)", *proposed,
                         "comparison"),
    ]
    drop_band = rules.claim_band(claimed_drop)
    drop = drop_pct(before, adopted)
    res_before = pledge_range(pledges, previous, "pledged", "resettlement")
    res_drop_min = drop_pct(res_before, adopted)[0]      # if all of the plan were resettlement
    drop_assessment = rules.assess(drop_band, [rules.Reading("combined against combined", *drop, "primary"),
                                                  rules.Reading("resettlement only (no split published)",
                                                                   res_drop_min, 100.0, "definition")])
    overlap = sorted(set(period_years(claim_period)) & set(period_years(plan_label)))
    notes = [f"period: the plan covers {plan_label} (sources agree: {plan['agree']}), the claim says {claim_period}; "
             f"{len(overlap)} of 2 years overlap",
             f"drop {claimed_drop:g}%: {text.number_range(*drop, 'en', 2, sep=' to ')}% computed, {drop_assessment.verdict} "
             f"({drop_assessment.rule.id}); resettlement-only drop at least {res_drop_min:.1f}%",
             "10,430 includes humanitarian admission; no resettlement/humanitarian split was found"]
    sensitivity = rules.assess(band, [rules.Reading(f"Union Plan {plan_label} as adopted", *adopted)],
                                  [f"the plan covers {plan_label}, not {claim_period}"])
    return {"band": band, "readings": readings, "plan": plan, "drop": drop, "drop_assessment": drop_assessment,
            "assessment": with_notes(rules.assess(band, readings), notes), "sensitivity": sensitivity,
            "notes": notes}


def check_c04(pledges: pd.DataFrame, pgrn: pd.DataFrame, value: float, qualifier: str, plan: str = "2026-2027",
              date: str = LETTER_DATE) -> dict:
    """C04, '10,430 pledges are only 0.4% of global resettlement need'.

    Primary: the annual pledge against the annual need in the edition current on the
    letter's date (like for like). 'comparison': the two-year pledge against one year's
    need (a period the claim does not state). 'earlier': the annual share with the
    previous edition."""
    band = rules.claim_band(value, qualifier)
    current = pgrn_current_edition(pgrn, date)
    earlier = current - 1
    pledge = pledge_range(pledges, plan, "adopted", "total")
    years = len(period_years(plan))
    needs = {f"PGRN {current} (need {current})": pgrn_need(pgrn, current, current),
             f"PGRN {earlier} (need {earlier})": pgrn_need(pgrn, earlier, earlier)}
    table = share_readings(pledge, years, needs)
    cur, old = list(needs)

    def pick(need, basis_start):
        row = table[(table["need"] == need) & table["basis"].str.startswith(basis_start)].iloc[0]
        return row["share_low"], row["share_high"]
    readings = [
        rules.Reading(f"pledge per year / annual need, {cur}", *pick(cur, "pledge per year"), "primary"),
        rules.Reading(f"{years}-year pledge / {years} years' need, {cur}", *pick(cur, f"{years}-year pledge / {years}"),
                         "definition"),
        rules.Reading(f"pledge per year / annual need, {old}", *pick(old, "pledge per year"), "earlier"),
        rules.Reading(f"{years}-year pledge / one year's need, {cur}", *pick(cur, f"{years}-year pledge / one"),
                         "comparison"),
        rules.Reading(f"{years}-year pledge / one year's need, {old}", *pick(old, f"{years}-year pledge / one"),
                         "comparison"),
    ]
    notes = [f"only the {years}-year pledge set against a single year's need gives 0.4%",
             "the pledge includes humanitarian admission, so the resettlement-only share is lower still"]
    return {"band": band, "readings": readings, "table": table,
            "assessment": with_notes(rules.assess(band, readings), notes), "notes": notes}


def check_c05(annual: pd.DataFrame, nl: pd.DataFrame, value: float, first: int, last: int,
              eurostat: pd.DataFrame = None) -> dict:
    """C05, 'the long-standing Dutch quota of 500'.

    Primary: the median national quota per year over [first, last] (low, high where sources
    disagree). Context: the years it was not 500, and arrivals against the quota (UNHCR;
    with a Eurostat table from `eurostat_arrivals`, Eurostat's count for its years too)."""
    band = rules.claim_band(value)
    summary = quota_summary(annual, value, first, last)
    readings = [rules.Reading(f"median national quota per year {first}-{last}",
                                 summary["median_low"], summary["median_high"], "primary")]
    period = annual[(annual["year"] >= first) & (annual["year"] <= last)]
    other = period[(period["quota_low"] != value) & (period["quota_high"] != value)]
    versus = arrivals_vs_quota(period, nl)
    known = versus[versus["total"].notna()]
    above = int((known["above_quota_low"] > 0).sum())
    above_since = int(((known["above_quota_low"] > 0) & (known["year"] >= EU_TURKEY_YEAR)).sum())
    missing = [int(y) for y in versus[versus["total"].isna()]["year"]]
    context = [f"the quota was {value:g} in {summary['years_certain']} to {summary['years_possible']} of "
               f"{summary['years']} years {first}-{last}",
               f"disputed: {', '.join(str(y) for y in summary['disputed_years'])} (500 or 750 a year)",
               "not " + f"{value:g} in " + ", ".join(f"{int(r.year)} ({r.quota_low:g})"
                                                    for r in other.itertuples(index=False)),
               f"arrivals exceeded the highest quota figure in {above} of {len(known)} years with data, "
               f"{above_since} of them since the EU-Turkey statement of {EU_TURKEY_YEAR} (its resettlement of Syrians "
               f"from Turkey came on top of the quota)",
               f"no Dutch arrivals in the UNHCR data for {', '.join(str(y) for y in missing)}" if missing else ""]
    if eurostat is not None:
        euro = eurostat_above_quota(period, nl, eurostat, first, last)
        if euro["years"]:
            context.append(f"Eurostat ({euro['source_id']}) counts Dutch arrivals certainly above the highest quota "
                           f"figure in {euro['eurostat_above']} of the {len(euro['years'])} years with a Eurostat "
                           f"figure ({years_text(euro['years'])}; UNHCR: {euro['unhcr_above']} of "
                           f"{euro['unhcr_years']} of those years with data)")
    context = [c for c in context if c]
    return {"band": band, "readings": readings, "summary": summary, "context": context,
            "assessment": rules.assess(band, readings, context)}
