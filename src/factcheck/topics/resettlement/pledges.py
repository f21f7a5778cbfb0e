"""The EU pledging cycles (C02-C04): figures per cycle, stage and measure as the sources publish
them, the combined pledge (resettlement + humanitarian admission), the pledging states, where
the sources disagree, the first Union Plan's period, pledges attributed to calendar years and
pledges as a share of need."""
import math

import pandas as pd

from .data import EU27, count_named, period_years, published_range, scale, share_pct, span


def pledge_rows(pledges: pd.DataFrame, cycle: str, stage: str, measure: str, member: str = "") -> pd.DataFrame:
    return pledges[(pledges["cycle"] == cycle) & (pledges["stage"] == stage) & (pledges["measure"] == measure)
                   & (pledges["member"] == member)]


def pledge_range(pledges: pd.DataFrame, cycle: str, stage: str, measure: str, member: str = "",
                 exact_only: bool = True) -> tuple:
    """The range over the sources' figures for one measure. With exact_only, figures worded
    "about"/"almost" are left out when an exact figure exists."""
    rows = _used_rows(pledges, cycle, stage, measure, member, exact_only)
    if rows.empty:
        return None
    return span(published_range(v, q) if q else (v, v) for v, q in zip(rows["value"], rows["qualifier"]))


def _used_rows(pledges, cycle, stage, measure, member="", exact_only=True) -> pd.DataFrame:
    rows = pledge_rows(pledges, cycle, stage, measure, member)
    if exact_only and (rows["qualifier"] == "").any():
        rows = rows[rows["qualifier"] == ""]
    return rows


def pledge_sources(pledges: pd.DataFrame, cycle: str, stage: str, measure: str, member: str = "") -> tuple:
    """The source ids of the figures `pledge_range` uses."""
    rows = _used_rows(pledges, cycle, stage, measure, member)
    return tuple(sorted({i.strip() for value in rows["source_id"] for i in str(value).split(";") if i.strip()}))


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
