"""C15: temporary protection for people fleeing Ukraine: the end date, the years each arrival
cohort will have stayed by then, and the Dutch stock (published figures, or a registered Eurostat
migr_asytpsm extract when one exists)."""
from datetime import date

import pandas as pd

from ...core.text import Text
from ...sources import eurostat
from .data import tx


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def years_between(start, end) -> float:
    """Years from `start` to `end` (days / 365.25)."""
    return (_as_date(end) - _as_date(start)).days / 365.25


def tp_dates(timeline: pd.DataFrame) -> dict:
    """First displacement date, activation date and the current end date (the latest extension)."""
    def only(event):
        dates = timeline.loc[timeline["event"] == event, "date"].tolist()
        if len(dates) != 1:
            raise ValueError(f"timeline needs exactly one {event!r} row, has {len(dates)}")
        return _as_date(dates[0])
    extensions = timeline.loc[timeline["event"] == "extended-until", "date"].map(_as_date)
    if extensions.empty:
        raise ValueError("timeline has no 'extended-until' row")
    return {"displacement_start": only("displacement-start"), "activation": only("activation"),
            "end": max(extensions)}


def end_sources(timeline: pd.DataFrame) -> tuple:
    """The source ids of the row that sets the current end date."""
    end = tp_dates(timeline)["end"].isoformat()
    rows = timeline[(timeline["event"] == "extended-until") & (timeline["date"].astype(str) == end)]
    return tuple(i for ids in rows["source_id"] for i in str(ids).split(";") if i)


def end_line(timeline: pd.DataFrame) -> int:
    """The line in data/published/national-policy-tp-timeline.csv (header = line 1) of the row that sets
    the current end date (the checked value's `checked_from`, S5)."""
    end = tp_dates(timeline)["end"].isoformat()
    rows = timeline[(timeline["event"] == "extended-until") & (timeline["date"].astype(str) == end)]
    return int(rows.index[0]) + 2


def cohort_years(timeline: pd.DataFrame, years=(2022, 2023, 2024, 2025, 2026)) -> pd.DataFrame:
    """Years in the Netherlands at the end date of temporary protection, by year of arrival.

    For each arrival year the earliest and the latest possible arrival (within that year, not
    before the first displacement date, not after the end date) give the longest and the
    shortest stay.
    """
    dates = tp_dates(timeline)
    rows = []
    for year in years:
        first = max(date(year, 1, 1), dates["displacement_start"])
        last = min(date(year, 12, 31), dates["end"])
        if first > last:
            continue
        rows.append({"arrival_year": year, "earliest_arrival": first.isoformat(), "latest_arrival": last.isoformat(),
                     "end_date": dates["end"].isoformat(),
                     "years_at_end_low": round(years_between(last, dates["end"]), 2),
                     "years_at_end_high": round(years_between(first, dates["end"]), 2)})
    return pd.DataFrame(rows)


def stock_series(stock: pd.DataFrame, timeline: pd.DataFrame, geo: str = "NL") -> pd.DataFrame:
    """The stock (published or from `tp_primary_stock`) with, per date, the years until the end
    date for someone who had arrived by then, and the stock as a share of the latest stock.

    A stock is net of departures: the share is an upper bound on how many of the latest stock
    had arrived by that date, not a count of them. Columns `basis` and `citizen` are kept when
    the input has them.
    """
    end = tp_dates(timeline)["end"]
    series = stock[stock["geo"] == geo].sort_values("date", kind="stable").reset_index(drop=True)
    if series.empty:
        raise ValueError(f"no stock rows for {geo!r}")
    latest = series.iloc[-1]
    series = series.assign(
        years_to_end=[round(years_between(d, end), 2) for d in series["date"]],
        share_of_latest=(series["value"] / latest["value"]).round(3),
        latest_date=latest["date"])
    extra = [column for column in ("basis", "citizen") if column in series.columns]
    return series[["date", "geo", "value", "years_to_end", "share_of_latest", "latest_date", "source_id"] + extra]


def stock_growth(series: pd.DataFrame, year_end: str = "2022-12-31") -> dict:
    """How the stock grew: its level at `year_end` (everyone then present arrived after
    24 February 2022, so this is the growth in 2022) and the most it rose above that level later."""
    at = series.loc[series["date"] == year_end, "value"]
    if len(at) != 1:
        raise ValueError(f"the stock series has {len(at)} rows for {year_end}, expected 1")
    after = series.loc[series["date"] > year_end, "value"]
    return {"date": year_end, "level": int(at.iloc[0]),
            "max_rise_after": int(max(after.max() - at.iloc[0], 0)) if not after.empty else 0,
            "max_after": int(after.max()) if not after.empty else None}


def chart_points(series: pd.DataFrame, max_points: int = 8) -> pd.DataFrame:
    """The dates drawn in the C15 chart: all of them when there are at most `max_points`
    (the published series); for a monthly series the first month, every December and the latest."""
    if len(series) <= max_points:
        return series.reset_index(drop=True)
    keep = (series.index == series.index[0]) | (series.index == series.index[-1]) | \
        series["date"].str[5:7].eq("12")
    return series[keep].reset_index(drop=True)


# --- the Eurostat extract (migr_asytpsm), picked up when one is registered -----------------------

TP_DATASET = "migr_asytpsm"
TP_TOTALS = {"freq": "M", "unit": "PER", "sex": "T", "age": "TOTAL"}
TP_CITIZEN = "UA"          # the claim is about Ukrainians; TOTAL (all citizenships) is used to reconcile
TP_EXPECTED = ("data/snapshots/eurostat/<YYYY-MM-DD>/migr_asytpsm.csv, registered as "
               "eurostat-migr-asytpsm-<date> (written by `make refresh`)")
PUBLISHED_BASIS = "published"
EUROSTAT_BASIS = "eurostat-extract"


def month_end(period: str) -> str:
    """Eurostat's monthly TIME_PERIOD as the last day of the month: '2024-02' -> '2024-02-29'."""
    stamp = pd.Period(str(period), freq="M")
    return stamp.to_timestamp(how="end").date().isoformat()


def eurostat_tp_frame(raw: pd.DataFrame, geo: str = "NL") -> pd.DataFrame:
    """An Eurostat migr_asytpsm extract (as `eurostat.latest` returns it) as a tidy stock table for
    one geo: date (end of month), geo, citizen, value (persons), flag, source_id. Totals over sex
    and age only; cells without a value (flag only) are dropped."""
    frame = raw
    for column, code in TP_TOTALS.items():
        if column in frame.columns:
            frame = frame[frame[column] == code]
    frame = frame[(frame["geo"] == geo) & frame["OBS_VALUE"].notna()]
    out = pd.DataFrame({"date": [month_end(p) for p in frame["TIME_PERIOD"]], "geo": frame["geo"].tolist(),
                        "citizen": frame["citizen"].tolist(), "value": frame["OBS_VALUE"].round().astype("int64").tolist(),
                        "flag": frame["OBS_FLAG"].tolist() if "OBS_FLAG" in frame.columns else [""] * len(frame)})
    out["source_id"] = raw.attrs.get("source_id", "")
    out = out.sort_values(["citizen", "date"], kind="stable").reset_index(drop=True)
    out.attrs["source_id"] = raw.attrs.get("source_id", "")
    return out


def eurostat_tp_stock(sources: pd.DataFrame = None, geo: str = "NL"):
    """The Dutch temporary-protection stock from the newest registered Eurostat migr_asytpsm
    extract (checksum verified by `eurostat.latest`), as `eurostat_tp_frame`; None without one."""
    raw = eurostat.latest(TP_DATASET, sources)
    if raw is None:
        return None
    return eurostat_tp_frame(raw, geo)


def tp_primary_stock(published: pd.DataFrame, eurostat_stock=None, citizen: str = TP_CITIZEN) -> pd.DataFrame:
    """The stock series the C15 check rests on, with a `basis` and `citizen` column.

    With an Eurostat extract: its monthly series for `citizen` (UA: the claim is about
    Ukrainians; TOTAL when the extract has no UA rows). Without one: the published figures
    (Eurostat as reported, all citizenships)."""
    if eurostat_stock is None or eurostat_stock.empty:
        return published.assign(basis=PUBLISHED_BASIS, citizen="TOTAL")[
            ["date", "geo", "value", "source_id", "basis", "citizen"]].reset_index(drop=True)
    chosen = citizen if (eurostat_stock["citizen"] == citizen).any() else "TOTAL"
    rows = eurostat_stock[eurostat_stock["citizen"] == chosen]
    return rows.assign(basis=EUROSTAT_BASIS)[["date", "geo", "value", "source_id", "basis", "citizen"]] \
        .sort_values("date", kind="stable").reset_index(drop=True)


def reconcile_tp_stock(published: pd.DataFrame, eurostat_stock) -> pd.DataFrame:
    """The published Dutch stock (all citizenships) against the Eurostat extract on the same dates:
    difference = published - Eurostat TOTAL (same definition); Eurostat UA and its share of TOTAL
    show how much of the stock is Ukrainian. Eurostat columns are NaN for a missing month."""
    table = published[["date", "geo", "value", "source_id"]].rename(columns={"value": "published"})
    table = table.sort_values(["geo", "date"], kind="stable").reset_index(drop=True)
    for citizen, name in (("TOTAL", "eurostat_total"), ("UA", "eurostat_ua")):
        if eurostat_stock is None:
            table[name] = float("nan")
            continue
        rows = eurostat_stock.loc[eurostat_stock["citizen"] == citizen, ["date", "geo", "value"]]
        table = table.merge(rows.rename(columns={"value": name}), on=["date", "geo"], how="left")
        table[name] = table[name].astype("float64")
    table["difference"] = table["published"] - table["eurostat_total"]
    table["ua_share_pct"] = (100 * table["eurostat_ua"] / table["eurostat_total"]).round(1)
    return table[["date", "geo", "published", "eurostat_total", "difference", "eurostat_ua", "ua_share_pct",
                  "source_id"]]


def tp_basis(series: pd.DataFrame) -> dict:
    """Which source the C15 stock (and the end-2022 share) rests on, as `Text`s: `text` (a clause),
    `chart_source` (the chart's source line) and `who` (which citizenships). `series` comes from
    `tp_primary_stock` or `stock_series`."""
    basis = series["basis"].iloc[0] if "basis" in series.columns else PUBLISHED_BASIS
    source_id = series["source_id"].iloc[0]
    if basis == EUROSTAT_BASIS:
        citizen = series["citizen"].iloc[0]
        who = tx("c15.who.ua" if citizen == "UA" else "c15.who.total")
        return {"basis": basis, "source_id": source_id,
                "text": tx("c15.basis.eurostat").format(source_id=source_id, who=who),
                "chart_source": tx("chart.tp.sources.eurostat").format(source_id=source_id), "who": who}
    return {"basis": PUBLISHED_BASIS, "source_id": source_id,
            "text": tx("c15.basis.published").format(source_id=source_id),
            "chart_source": tx("chart.tp.sources.published"), "who": tx("c15.who.total")}


def tp_pickup_text(eurostat_stock, primary: pd.DataFrame) -> str:
    """One line for the notebook: which Eurostat extract was found and which series C15 uses."""
    basis = tp_basis(primary)["text"].en
    if eurostat_stock is None:
        return (f"Eurostat {TP_DATASET}: none registered (expected {TP_EXPECTED}); the C15 stock series "
                f"{basis}")
    months = eurostat_stock.loc[eurostat_stock["citizen"] == primary["citizen"].iloc[0], "date"]
    return (f"Eurostat {TP_DATASET}: {eurostat_stock.attrs.get('source_id', '')} found, {len(months)} months "
            f"{months.min()[:7]} to {months.max()[:7]}; the C15 stock series {basis}")


def tp_title_subject(series: pd.DataFrame) -> Text:
    """Who the C15 chart counts: Ukrainians only when the series is Eurostat's UA citizenship,
    otherwise everyone with temporary protection (all citizenships)."""
    ukrainians = "citizen" in series.columns and (series["citizen"] == TP_CITIZEN).all()
    return tx("chart.tp.subject.ua" if ukrainians else "chart.tp.subject.total")
