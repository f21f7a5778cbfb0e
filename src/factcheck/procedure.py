"""Claims C14-C19: the asylum procedure on paper and in practice, temporary protection for
Ukrainians, the work and naturalisation rules, and research on the effect of national policy.

Every published figure comes from a sources-backed table in data/published/other-*.csv
(each row names its source_id); this module loads those tables, turns working days into
calendar days, dates into years, and rules into before/after tables. Nothing here knows a
verdict: the notebook passes the computed readings to `factcheck.verdicts`.
"""
from datetime import date

import pandas as pd

from .core import text
from .core.registers import load_published
from .core.schema import Column, Schema
from .rules import Reading

# --- Published tables -------------------------------------------------------------------------

PROCEDURE_SCHEMA = Schema("other-procedure", (
    Column("item"),
    Column("regime"),
    Column("value", "number", minimum=0),
    Column("unit", "choice", choices=("days", "months")),
    Column("day_type", "choice", choices=("working", "calendar")),
    Column("bound", "choice", choices=("at least", "at most", "exact")),
    Column("valid_from", "date", required=False),
    Column("valid_to", "date", required=False),
    Column("source_id", "ids"),
    Column("quote"),
))
WAITING_SCHEMA = Schema("other-waiting", (
    Column("measure"),
    Column("as_of", "date"),
    Column("value", "number", minimum=0),
    Column("unit", "choice", choices=("weeks", "years", "people")),
    Column("qualifier", "choice", required=False, choices=("almost", "over", "about")),
    Column("source_id", "ids"),
    Column("quote"),
))
TIMELINE_SCHEMA = Schema("other-tp-timeline", (
    Column("event", "choice", choices=("displacement-start", "activation", "extended-until")),
    Column("date", "date"),
    Column("source_id", "ids"),
    Column("quote"),
))
STOCK_SCHEMA = Schema("other-tp-stock", (
    Column("date", "date"),
    Column("geo"),
    Column("value", "int", minimum=0),
    Column("source_id", "ids"),
    Column("note", required=False),
))
RULES_SCHEMA = Schema("other-rules", (
    Column("claim_id", pattern=r"C\d{2}"),
    Column("rule"),
    Column("regime"),
    Column("value", required=False),
    Column("unit"),
    Column("checked_against"),
    Column("source_id", "ids"),
    Column("quote"),
))
AGREEMENT_SCHEMA = Schema("other-agreement", (
    Column("item"), Column("value"), Column("source_id", "ids"), Column("quote"),
))
RESEARCH_SCHEMA = Schema("other-research", (
    Column("claim_id", pattern=r"C\d{2}"),
    Column("kind", "choice", choices=("finding", "limitation", "method")),
    Column("source_id", "ids"),
    Column("quote"),
    Column("finding"),
))
PUBLISHED_SCHEMAS = (PROCEDURE_SCHEMA, WAITING_SCHEMA, TIMELINE_SCHEMA, STOCK_SCHEMA, RULES_SCHEMA,
                     AGREEMENT_SCHEMA, RESEARCH_SCHEMA)


def _load(name: str, schema: Schema) -> pd.DataFrame:
    frame = load_published(name, schema)
    for column in schema.columns:
        if column.kind == "number":
            frame[column.name] = frame[column.name].astype("float64")
        elif column.kind == "int":
            frame[column.name] = frame[column.name].astype("int64")
    return frame


def load_procedure() -> pd.DataFrame:
    """The procedure's stages and legal periods on paper (data/published/other-procedure.csv)."""
    return _load("other-procedure", PROCEDURE_SCHEMA)


def load_waiting() -> pd.DataFrame:
    """Published waiting times and waiting numbers (data/published/other-waiting.csv)."""
    return _load("other-waiting", WAITING_SCHEMA)


def load_tp_timeline() -> pd.DataFrame:
    """Temporary protection: activation and extensions (data/published/other-tp-timeline.csv)."""
    return _load("other-tp-timeline", TIMELINE_SCHEMA)


def load_tp_stock() -> pd.DataFrame:
    """Dutch stock of temporary-protection holders, Eurostat (data/published/other-tp-stock.csv)."""
    return _load("other-tp-stock", STOCK_SCHEMA).sort_values("date", kind="stable").reset_index(drop=True)


def load_rules() -> pd.DataFrame:
    """Current and planned rules, and what the letter wants (data/published/other-rules.csv)."""
    return _load("other-rules", RULES_SCHEMA)


def load_agreement() -> pd.DataFrame:
    """What could be found about the 2026 coalition agreement itself (data/published/other-agreement.csv)."""
    return _load("other-agreement", AGREEMENT_SCHEMA)


def load_research() -> pd.DataFrame:
    """Quoted findings of the research the letter cites (data/published/other-research.csv)."""
    return _load("other-research", RESEARCH_SCHEMA)


# --- C14: working days, calendar days ----------------------------------------------------------

DAYS_PER_WEEK = 7.0
WEEKS_PER_YEAR = 365.25 / 7          # 52.18
WEEKS_PER_MONTH = WEEKS_PER_YEAR / 12  # 4.35


def working_days_span(n: int, start_weekday: int) -> int:
    """Calendar days from the first to the last of `n` consecutive working days, both counted.

    Working days are Monday to Friday (start_weekday 0 = Monday ... 4 = Friday); public holidays
    are ignored. Example: 6 working days from a Monday end on the next Monday: 8 calendar days.
    """
    if n < 1:
        raise ValueError(f"need at least one working day, got {n}")
    if start_weekday not in range(5):
        raise ValueError(f"a procedure starts on a working day (0-4), got {start_weekday}")
    day, counted, weekday = 0, 0, start_weekday
    while True:
        day += 1
        if weekday < 5:
            counted += 1
            if counted == n:
                return day
        weekday = (weekday + 1) % 7


def working_days_span_range(n: int) -> tuple:
    """(shortest, longest) calendar span of `n` working days over the five possible start days."""
    spans = [working_days_span(n, start) for start in range(5)]
    return (min(spans), max(spans))


def less_than_band(limit: int) -> tuple:
    """The band of a claim "shorter than `limit` days", in whole calendar days: 0 to limit - 1.

    `rules.claim_band` reads a number as "about this much" (14 -> 13.5 to 14.5); a claim that
    something takes *less than* two weeks is right for every duration of at most 13 days.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1 day, got {limit}")
    return (0.0, float(limit - 1))


def stage_days(procedure: pd.DataFrame, item: str, regime: str) -> int:
    """The number of days the published table gives for one stage under one regime."""
    row = procedure[(procedure["item"] == item) & (procedure["regime"] == regime)]
    if len(row) != 1:
        raise KeyError(f"other-procedure has {len(row)} rows for {item!r} / {regime!r}, expected 1")
    if row.iloc[0]["unit"] != "days":
        raise ValueError(f"{item!r} / {regime!r} is not in days")
    return int(row.iloc[0]["value"])


def paper_durations(procedure: pd.DataFrame) -> pd.DataFrame:
    """The procedure on paper as readings: working days and calendar days (shortest-longest).

    Stages run back to back; weekends do not count for the general procedure's terms (WBV
    2015/5) and the rest and preparation period is given in working days (CMO Groningen).
    """
    rvt = stage_days(procedure, "rest-and-preparation", "since-2010")
    aa = stage_days(procedure, "general-procedure", "since-2021")
    extension = stage_days(procedure, "general-procedure-extension", "since-2021")
    aa_old = stage_days(procedure, "general-procedure", "2010-2021")
    rows = [
        ("rvt+aa", "primary", "rest and preparation (at least 6 working days) + general procedure (6), since 25 June 2021",
         "rust- en voorbereidingstermijn (minimaal 6 werkdagen) + algemene asielprocedure (6), sinds 25 juni 2021",
         f"{rvt} + {aa}", rvt + aa),
        ("aa", "definition", "general procedure alone (6 working days), since 25 June 2021",
         "alleen de algemene asielprocedure (6 werkdagen), sinds 25 juni 2021", f"{aa}", aa),
        ("rvt+aa-plus", "definition", "rest and preparation + extended general procedure AA+ (6 + 3 working days)",
         "rust- en voorbereidingstermijn + verlengde algemene procedure AA+ (6 + 3 werkdagen)",
         f"{rvt} + {aa} + {extension}", rvt + aa + extension),
        ("rvt+aa-2010", "earlier", "rest and preparation + general procedure under the 2010-2021 rules (6 + 8 working days)",
         "rust- en voorbereidingstermijn + algemene asielprocedure volgens de regels van 2010-2021 (6 + 8 werkdagen)",
         f"{rvt} + {aa_old}", rvt + aa_old),
    ]
    table = pd.DataFrame(rows, columns=["key", "kind", "reading_en", "reading_nl", "formula", "working_days"])
    spans = table["working_days"].map(working_days_span_range)
    table["calendar_days_low"] = [low for low, _ in spans]
    table["calendar_days_high"] = [high for _, high in spans]
    return table


def c14_readings(durations: pd.DataFrame) -> list:
    """`rules.Reading`s (calendar days) from `paper_durations`."""
    return [Reading(row.reading_en, float(row.calendar_days_low), float(row.calendar_days_high), row.kind)
            for row in durations.itertuples(index=False)]


def to_weeks(value: float, unit: str) -> float:
    """A duration in weeks (days / 7; months and years by the mean Gregorian year)."""
    factors = {"days": 1 / DAYS_PER_WEEK, "weeks": 1.0, "months": WEEKS_PER_MONTH, "years": WEEKS_PER_YEAR}
    if unit not in factors:
        raise ValueError(f"cannot convert {unit!r} to weeks")
    return value * factors[unit]


def waiting_value(waiting: pd.DataFrame, measure: str, as_of: str) -> pd.Series:
    row = waiting[(waiting["measure"] == measure) & (waiting["as_of"] == as_of)]
    if len(row) != 1:
        raise KeyError(f"other-waiting has {len(row)} rows for {measure!r} on {as_of}, expected 1")
    return row.iloc[0]


# The published IND waits drawn in the C14 chart: bar key and the `as_of` date in other-waiting.csv.
PRACTICE_BARS = (("practice-2024", "2024-05-14"), ("practice-2026", "2026-01-26"))


def paper_vs_practice(procedure: pd.DataFrame, waiting: pd.DataFrame, durations: pd.DataFrame) -> pd.DataFrame:
    """Chart data: the procedure on paper, the legal decision periods and published waiting times,
    as segments in weeks (one row per segment; bars are the `bar` column, in drawing order)."""
    primary = durations[durations["kind"] == "primary"].iloc[0]
    rvt = stage_days(procedure, "rest-and-preparation", "since-2010")
    rvt_days = working_days_span(rvt, 0)                       # from a Monday
    total_days = working_days_span(int(primary["working_days"]), 0)

    def row(item, regime):
        return procedure[(procedure["item"] == item) & (procedure["regime"] == regime)].iloc[0]
    standard = row("decision-period", "standard")
    extension = row("decision-period-extension", "2022-2025")
    paper_days = f"{int(primary['calendar_days_low'])}-{int(primary['calendar_days_high'])}"
    rows = [
        ("paper", "rest and preparation", "rust en voorbereiding", 0.0, to_weeks(rvt_days, "days"),
         "", rvt, "working days", row("rest-and-preparation", "since-2010")["source_id"]),
        ("paper", "general procedure", "algemene asielprocedure", to_weeks(rvt_days, "days"),
         to_weeks(total_days - rvt_days, "days"), "", int(primary["working_days"]) - rvt, "working days",
         row("general-procedure", "since-2021")["source_id"]),
        ("legal", "decision period", "beslistermijn", 0.0, to_weeks(standard["value"], "months"), "",
         standard["value"], "months", standard["source_id"]),
        ("legal-extended", "decision period", "beslistermijn", 0.0, to_weeks(standard["value"], "months"), "",
         standard["value"], "months", standard["source_id"]),
        ("legal-extended", "extension 2022-2025", "verlenging 2022-2025",
         to_weeks(standard["value"], "months"), to_weeks(extension["value"], "months"), "",
         extension["value"], "months", extension["source_id"]),
    ]
    for bar, as_of in PRACTICE_BARS:
        first = waiting_value(waiting, "wait-first-interview", as_of)
        second = waiting_value(waiting, "wait-second-interview", as_of)
        first_weeks = to_weeks(first["value"], first["unit"])
        rows.append((bar, "wait for first interview", "wachten op eerste gesprek", 0.0, first_weeks,
                     first["qualifier"], first["value"], first["unit"], first["source_id"]))
        rows.append((bar, "then wait for second interview", "daarna wachten op tweede gesprek", first_weeks,
                     to_weeks(second["value"], second["unit"]), second["qualifier"], second["value"], second["unit"],
                     second["source_id"]))
    table = pd.DataFrame(rows, columns=["bar", "segment_en", "segment_nl", "start_weeks", "length_weeks",
                                        "qualifier", "value", "unit", "source_id"])
    table["end_weeks"] = table["start_weeks"] + table["length_weeks"]
    table["paper_calendar_days"] = paper_days
    return table.round({"start_weeks": 2, "length_weeks": 2, "end_weeks": 2})


def practice_waits(timeline: pd.DataFrame) -> pd.DataFrame:
    """Per published-wait bar of `paper_vs_practice`: the cumulative wait from the application to
    the second interview in weeks (wait for the first interview + the wait after it for the second),
    its qualifier ('almost' when any part is published as 'almost', so the sum is an upper bound)
    and the as-of date. Both bars are computed the same way."""
    rows = []
    for bar, as_of in PRACTICE_BARS:
        parts = timeline[timeline["bar"] == bar]
        if parts.empty:
            raise KeyError(f"the timeline has no bar {bar!r}")
        rows.append({"bar": bar, "as_of": as_of, "weeks_to_second_interview": round(float(parts["end_weeks"].max()), 1),
                     "qualifier": "almost" if (parts["qualifier"] == "almost").any() else ""})
    return pd.DataFrame(rows)


def practice_wait_text(timeline: pd.DataFrame, bar: str, lang: str) -> str:
    """'19 + 48 = 67 weeks (May 2024)'; with mixed units '17 weeks + almost 2 years, almost 121
    weeks in all (January 2026)': what is added, the cumulative weeks, the as-of month."""
    waits = practice_waits(timeline).set_index("bar")
    row = waits.loc[bar]
    rows = timeline[timeline["bar"] == bar]
    label = bar_label(rows, lang)
    when = text.date(row["as_of"], lang, day=False)
    if set(rows["unit"]) == {"weeks"}:
        return f"{label} ({when})"
    almost = {"en": "almost ", "nl": "bijna "}[lang] if row["qualifier"] == "almost" else ""
    total = text.number(row["weeks_to_second_interview"], lang)
    in_all = {"en": f"{almost}{total} weeks in all", "nl": f"samen {almost}{total} weken"}[lang]
    return f"{label}, {in_all} ({when})"


# --- C15: temporary protection ------------------------------------------------------------------

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


# --- C15: the Eurostat extract (migr_asytpsm), picked up when one is registered -----------------

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
    from .sources import eurostat

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
    """Which source the C15 stock (and the end-2022 share) rests on, as short texts in English and
    Dutch and as the chart's source line and note. `series` comes from `tp_primary_stock` or
    `stock_series`."""
    basis = series["basis"].iloc[0] if "basis" in series.columns else PUBLISHED_BASIS
    source_id = series["source_id"].iloc[0]
    if basis == EUROSTAT_BASIS:
        citizen = series["citizen"].iloc[0]
        who_en = "citizens of Ukraine" if citizen == "UA" else "all citizenships"
        who_nl = "Oekraïense nationaliteit" if citizen == "UA" else "alle nationaliteiten"
        return {
            "basis": basis, "source_id": source_id,
            "en": f"rests on the Eurostat extract {source_id} (migr_asytpsm, Netherlands, {who_en}), "
                  "with the published figures reconciled against it",
            "nl": f"berust op het Eurostat-extract {source_id} (migr_asytpsm, Nederland, {who_nl}), "
                  "met de gepubliceerde cijfers ertegen afgestemd",
            "chart_source_en": f"Source: Eurostat, migr_asytpsm (extract {source_id}); European Commission COM(2025) 650",
            "chart_source_nl": f"Bron: Eurostat, migr_asytpsm (extract {source_id}); Europese Commissie COM(2025) 650",
            "who_en": who_en, "who_nl": who_nl}
    return {
        "basis": PUBLISHED_BASIS, "source_id": source_id,
        "en": f"rests on Eurostat migr_asytpsm figures as reported in Statistics Explained ({source_id}, "
              "all citizenships); no Eurostat extract registered",
        "nl": f"berust op Eurostat-cijfers (migr_asytpsm) zoals vermeld in Statistics Explained ({source_id}, "
              "alle nationaliteiten); geen Eurostat-extract geregistreerd",
        "chart_source_en": "Source: Eurostat, migr_asytpsm, as reported in Statistics Explained 'Temporary protection "
                           "for persons fleeing Ukraine - monthly statistics' (data extracted 6 Jan 2026); European "
                           "Commission COM(2025) 650",
        "chart_source_nl": "Bron: Eurostat, migr_asytpsm, zoals vermeld in Statistics Explained 'Temporary protection "
                           "for persons fleeing Ukraine - monthly statistics' (data van 6 jan 2026); Europese Commissie "
                           "COM(2025) 650",
        "who_en": "all citizenships", "who_nl": "alle nationaliteiten"}


def tp_pickup_text(eurostat_stock, primary: pd.DataFrame) -> str:
    """One line for the notebook: which Eurostat extract was found and which series C15 uses."""
    basis = tp_basis(primary)
    if eurostat_stock is None:
        return (f"Eurostat {TP_DATASET}: none registered (expected {TP_EXPECTED}); the C15 stock series "
                f"{basis['en']}")
    months = eurostat_stock.loc[eurostat_stock["citizen"] == primary["citizen"].iloc[0], "date"]
    return (f"Eurostat {TP_DATASET}: {eurostat_stock.attrs.get('source_id', '')} found, {len(months)} months "
            f"{months.min()[:7]} to {months.max()[:7]}; the C15 stock series {basis['en']}")


# --- C16-C18: rules before and after ------------------------------------------------------------

CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
REGIME_ORDER = ("current", "current-practice", "planned", "eu-maximum", "proposal-d66-2022",
                "proposal-kinderombudsman-2022", "letter-wants")


def cefr_steps(before: str, after: str) -> int:
    """How many CEFR levels `after` is above `before` (A2 -> B1 = 1)."""
    for level in (before, after):
        if level not in CEFR:
            raise ValueError(f"{level!r} is not a CEFR level ({', '.join(CEFR)})")
    return CEFR.index(after) - CEFR.index(before)


def rules_table(rules: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """One claim's rules as a before/after table: rule, regime, value, what it was checked against."""
    table = rules[rules["claim_id"] == claim_id].copy()
    order = {regime: i for i, regime in enumerate(REGIME_ORDER)}
    table["_order"] = table["regime"].map(lambda r: order.get(r, len(order)))
    table = table.sort_values(["rule", "_order"], kind="stable")
    return table[["rule", "regime", "value", "unit", "checked_against", "source_id"]].reset_index(drop=True)


def rule_value(rules: pd.DataFrame, rule: str, regime: str) -> str:
    row = rules[(rules["rule"] == rule) & (rules["regime"] == regime)]
    if len(row) != 1:
        raise KeyError(f"other-rules has {len(row)} rows for {rule!r} / {regime!r}, expected 1")
    return row.iloc[0]["value"]


def rule_quantity(rules: pd.DataFrame, rule: str, regime: str, lang: str = "en") -> str:
    """A rule's value with its unit, as text: '3 months' / '3 maanden', '10 years' / '10 jaar';
    a CEFR level is shown alone ('B1')."""
    row = rules[(rules["rule"] == rule) & (rules["regime"] == regime)]
    if len(row) != 1:
        raise KeyError(f"other-rules has {len(row)} rows for {rule!r} / {regime!r}, expected 1")
    value, unit = row.iloc[0]["value"], row.iloc[0]["unit"]
    if unit == "CEFR level":
        return str(value)
    return f"{value} {UNIT_WORDS[lang].get(unit, unit)}"


def rule_sources(rules: pd.DataFrame, claim_id: str) -> list:
    """The source ids behind one claim's rules, in first-seen order, without the letter."""
    seen = []
    for ids in rules.loc[rules["claim_id"] == claim_id, "source_id"]:
        for item in ids.split(";"):
            if item and item not in seen and item != "vwn-letter-2026-02-02":
                seen.append(item)
    return seen


def plan_date(rules: pd.DataFrame, sources: pd.DataFrame, claim_id: str, regime: str = "planned") -> str:
    """The earliest publication date (ISO) of the sources behind one claim's `regime` rows (by
    default the government's plans), from the sources register; sources without a date are skipped."""
    dates = []
    for ids in rules.loc[(rules["claim_id"] == claim_id) & (rules["regime"] == regime), "source_id"]:
        for item in ids.split(";"):
            found = sources.loc[sources["source_id"] == item, "date_published"]
            dates += [d for d in found if isinstance(d, str) and d]
    if not dates:
        raise ValueError(f"no dated source for {claim_id} / {regime}")
    return min(dates)


# What was searched for the coalition agreement's text on C16-C18 (search tool, 2026-11-29).
AGREEMENT_SEARCHES = (
    ("pages", "coalitieakkoord 2026 D66 CDA VVD asiel", "news on the agreement (title, date); no text on these points"),
    ("pages", "tewerkstellingsvergunning asielzoekers drie maanden coalitieakkoord",
     "government plan of 3 Nov 2025 (work after 3 months); not the agreement"),
    ("pages", "coalitieakkoord naturalisatietermijn tien jaar taaleis B1", "plans of the Schoof cabinet; not the 2026 agreement"),
    ("pages", "coalitieakkoord alleenstaande minderjarige asielzoekers 21 jaar begeleiding overlast", "nothing on the 2026 agreement"),
    ("pages", "begeleiding tot 21 jaar alleenstaande minderjarige vreemdelingen",
     "WODC 2021 advice, municipal practice (VNG), Kinderombudsman 2022; not the agreement"),
    ("pages", "jonge alleenstaande asielzoekers begeleiding tot 21 jaar overlast coalitie 2026", "nothing on the 2026 agreement"),
    ("pages", "coalition agreement unaccompanied minors guidance until age 21 nuisance asylum seekers Netherlands 2026",
     "a refugeehelp.nl summary of the agreement (11 Feb 2026) whose stored excerpt covers only EU plans"),
    ("pages", "\"Aan de slag\" bouwen aan een beter Nederland coalitieakkoord asiel migratie tweestatusstelsel naturalisatie",
     "Volkskrant on the asylum chapter (30 Jan 2026): Spreidingswet, tone; not these points"),
    ("pages", "regeerakkoord Aan de slag asielzoekers kansrijk werken tewerkstellingsvergunning afschaffen meedoenbalie",
     "nothing on the 2026 agreement"),
    ("code", "coalitieakkoord Aan de slag tekst hoofdstuk asiel en migratie integratie inburgering statushouders",
     "no copy of the agreement's text"),
    ("find_string", "Bouwen aan een beter Nederland", "two mentions of the title; no text of the asylum chapter"),
    ("find_string", "alleenstaande minderjarige", "no passage from the agreement"),
)


def agreement_searches() -> pd.DataFrame:
    return pd.DataFrame(AGREEMENT_SEARCHES, columns=["corpus", "query", "what_was_found"])


# --- C19: research ------------------------------------------------------------------------------

def research_supports(research: pd.DataFrame, claim_id: str = "C19"):
    """Whether the quoted research supports "no or hardly any impact" of national measures.

    Rule: supported (True) when at least one finding says there is no evidence of an effect and
    no finding reports more than a limited influence; 'limitation' and 'method' rows become the
    context a reader needs. Returns (holds, evidence, context); holds is None without findings.
    """
    rows = research[research["claim_id"] == claim_id]
    findings = rows[rows["kind"] == "finding"]
    if findings.empty:
        return None, "no research findings recorded", []
    no_evidence = findings["finding"].str.contains("no scientific evidence|no evidence", case=False)
    strong = findings["finding"].str.contains("strong effect|substantial effect|large effect", case=False)
    holds = bool(no_evidence.any() and not strong.any())
    evidence = "; ".join(f"\"{row.quote}\" ({row.source_id})" for row in findings[no_evidence].itertuples())
    context = [row.finding for row in rows[rows["kind"].isin(["limitation", "method"])].itertuples()]
    return holds, evidence, context


def research_sources(research: pd.DataFrame, claim_id: str = "C19") -> list:
    seen = []
    for ids in research.loc[research["claim_id"] == claim_id, "source_id"]:
        for item in ids.split(";"):
            if item not in seen:
                seen.append(item)
    return seen


def table_sources(*frames) -> list:
    """The source ids in the `source_id` columns of the given tables, in first-seen order."""
    seen = []
    for frame in frames:
        for ids in frame["source_id"]:
            for item in str(ids).split(";"):
                item = item.strip()
                if item and item not in seen:
                    seen.append(item)
    return seen


# --- Charts -------------------------------------------------------------------------------------

BAR_LABELS = {
    "paper": ("On paper: rest + general procedure", "Op papier: rust + algemene procedure"),
    "legal": ("Legal decision period", "Wettelijke beslistermijn"),
    "legal-extended": ("Decision period, extended 2022-2025", "Beslistermijn, verlengd 2022-2025"),
    "practice-2024": ("IND waiting times, May 2024", "Wachttijden IND, mei 2024"),
    "practice-2026": ("IND waiting times, Jan 2026", "Wachttijden IND, jan 2026"),
}
SEGMENT_COLOURS = {"rest and preparation": "#8EBEFF", "general procedure": "#0072BC", "decision period": "#999999",
                   "extension 2022-2025": "#CCCCCC",
                   "wait for first interview": "#EF4A60", "then wait for second interview": "#18375F"}


UNIT_WORDS = {"en": {"working days": "working days", "days": "days", "weeks": "weeks", "months": "months",
                      "years": "years"},
              "nl": {"working days": "werkdagen", "days": "dagen", "weeks": "weken", "months": "maanden",
                     "years": "jaar"}}


def bar_label(rows: pd.DataFrame, lang: str) -> str:
    """The text at the end of a bar: '19 + 48 = 67 weeks', '17 weeks + almost 2 years', '16-18 days'."""
    words = UNIT_WORDS[lang]
    if rows["bar"].iloc[0] == "paper":
        return f"{rows['paper_calendar_days'].iloc[0]} {'calendar days' if lang == 'en' else 'kalenderdagen'}"
    almost = "almost " if lang == "en" else "bijna "
    parts = [(almost if q == "almost" else "") + text.number(v, lang) for v, q in zip(rows["value"], rows["qualifier"])]
    units = list(rows["unit"])
    if len(set(units)) == 1:
        total = text.number(rows["value"].sum(), lang)
        return (" + ".join(parts) + f" = {total} {words[units[0]]}") if len(parts) > 1 else f"{total} {words[units[0]]}"
    return " + ".join(f"{p} {words[u]}" for p, u in zip(parts, units))


def export_procedure_chart(data: pd.DataFrame, durations: pd.DataFrame, name: str = "other-procedure-timeline") -> list:
    """Horizontal timeline, in weeks: the procedure on paper against the legal decision periods and
    the published waiting times (C14)."""
    from .core import charts

    primary = durations[durations["kind"] == "primary"].iloc[0]
    paper_days = (int(primary["calendar_days_low"]), int(primary["calendar_days_high"]))
    bars = list(dict.fromkeys(data["bar"]))

    def draw(ax, lang):
        seen = set()
        for y, bar in enumerate(bars):
            rows = data[data["bar"] == bar]
            for row in rows.itertuples(index=False):
                label = row.segment_en if lang == "en" else row.segment_nl
                ax.barh(y, row.length_weeks, left=row.start_weeks, height=0.6,
                        color=SEGMENT_COLOURS[row.segment_en], hatch="//" if row.qualifier == "almost" else None,
                        edgecolor="white", linewidth=0.5, label=None if label in seen else label)
                seen.add(label)
            ax.text(rows["end_weeks"].max() + 1.5, y, bar_label(rows, lang), va="center", fontsize=8, color="#333333")
        ax.axvline(2, color="#EF4A60", linestyle="--", linewidth=1)
        ax.text(2.8, -0.5, "2 weeks" if lang == "en" else "2 weken", color="#EF4A60", fontsize=8, va="bottom")
        ax.set_yticks(range(len(bars)))
        ax.set_yticklabels([BAR_LABELS[b][0 if lang == "en" else 1] for b in bars])
        ax.set_ylim(len(bars) - 0.5, -0.8)
        ax.set_xlim(0, data["end_weeks"].max() * 1.35)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_xlabel("weeks" if lang == "en" else "weken")
        ax.legend(loc="upper right", fontsize=7, ncol=2)

    waits = {lang: [practice_wait_text(data, bar, lang) for bar, _ in PRACTICE_BARS] for lang in ("en", "nl")}
    weeks = practice_waits(data)
    alt_weeks = {lang: [("almost " if lang == "en" else "bijna ") * (row.qualifier == "almost")
                        + text.number(row.weeks_to_second_interview, lang) + (" weeks" if lang == "en" else " weken")
                        + " in " + text.date(row.as_of, lang, day=False)
                        for row in weeks.itertuples()] for lang in ("en", "nl")}
    standard = data[(data["bar"] == "legal")]["end_weeks"].max()
    extended = data[(data["bar"] == "legal-extended")]["end_weeks"].max()
    paper_weeks = data[data["bar"] == "paper"]["end_weeks"].max()
    texts = {
        "en": charts.ChartText(
            "The Dutch asylum procedure: under three weeks on paper, more than a year in practice",
            f"On paper the rest period and general procedure take {paper_days[0]}-{paper_days[1]} calendar days; "
            f"the IND's published waits from the application to the second interview: "
            f"{waits['en'][0]} and {waits['en'][1]}",
            "Source: IND, Asiel: laatste ontwikkelingen (14 May 2024); ANP, 26 Jan 2026, citing IND; IND and "
            "Stichting Migratierecht on the 2021 procedure; CMO Groningen; WBV 2015/5",
            "On paper: at least 6 working days' rest and preparation, then the 6-working-day general procedure, "
            "back to back, weekends excluded, drawn from a Monday. Waits: to the first interview, then from the first "
            "to the second. Months and years at 52.18 weeks a year; hatched: 'almost two years' drawn as two years.",
            f"Horizontal bar chart in weeks. The procedure on paper is about {text.number(paper_weeks, 'en', 1)} weeks; "
            f"the legal decision period {text.number(standard, 'en')} weeks, extended to {text.number(extended, 'en')} "
            f"weeks for 2022-2025 applications; published IND waits from the application to the second interview "
            f"{alt_weeks['en'][0]} and {alt_weeks['en'][1]}."),
        "nl": charts.ChartText(
            "De asielprocedure in Nederland duurt op papier minder dan drie weken, in de praktijk ruim een jaar",
            f"Op papier duren rust- en voorbereidingstermijn en algemene procedure {paper_days[0]}-{paper_days[1]} "
            f"kalenderdagen; de gepubliceerde IND-wachttijden van de aanvraag tot het tweede gesprek: "
            f"{waits['nl'][0]} en {waits['nl'][1]}",
            "Bron: IND, Asiel: laatste ontwikkelingen (14 mei 2024); ANP, 26 jan 2026, op basis van IND-cijfers; "
            "IND en Stichting Migratierecht over de procedure van 2021; CMO Groningen; WBV 2015/5",
            "Op papier: minimaal 6 werkdagen rust en voorbereiding, daarna de algemene procedure van 6 werkdagen, "
            "aansluitend, zonder weekenddagen, getekend vanaf een maandag. Wachttijden: tot het eerste gesprek, daarna "
            "van het eerste tot het tweede. Maanden en jaren met 52,18 weken per jaar; gearceerd: 'bijna twee jaar' "
            "getekend als twee jaar.",
            f"Horizontaal staafdiagram in weken. De procedure op papier duurt ongeveer {text.number(paper_weeks, 'nl', 1)} "
            f"weken; de wettelijke beslistermijn {text.number(standard, 'nl')} weken, verlengd tot "
            f"{text.number(extended, 'nl')} weken voor aanvragen uit 2022-2025; de gepubliceerde IND-wachttijd van de "
            f"aanvraag tot het tweede gesprek {alt_weeks['nl'][0]} en {alt_weeks['nl'][1]}."),
    }
    return charts.export_chart(name, draw, texts, data, claim_ids=["C14"], left=0.27)


def tp_title_subject(series: pd.DataFrame, lang: str) -> str:
    """Who the C15 chart counts: Ukrainians only when the series is Eurostat's UA citizenship,
    otherwise everyone with temporary protection (all citizenships)."""
    ukrainians = "citizen" in series.columns and (series["citizen"] == TP_CITIZEN).all()
    if ukrainians:
        return {"en": "Ukrainians with temporary protection in the Netherlands",
                "nl": "Oekraïners met tijdelijke bescherming in Nederland"}[lang]
    return {"en": "People with temporary protection in the Netherlands (all citizenships)",
            "nl": "Mensen met tijdelijke bescherming in Nederland (alle nationaliteiten)"}[lang]


def export_tp_chart(series: pd.DataFrame, cohorts: pd.DataFrame, timeline: pd.DataFrame,
                    name: str = "other-tp-stock") -> list:
    """Bars of the Dutch temporary-protection stock at each date of `chart_points(series)`, each
    labelled with the years until the end date for someone who had arrived by then (C15). The
    source line and note follow `tp_basis(series)` (published figures or the Eurostat extract)."""
    import matplotlib.ticker as ticker

    from .core import charts

    basis = tp_basis(series)
    series = chart_points(series)
    dates = tp_dates(timeline)
    c2022 = cohorts[cohorts["arrival_year"] == 2022].iloc[0]
    end_2022 = series[series["date"] == "2022-12-31"].iloc[0]
    latest = series.iloc[-1]

    def month_label(d, lang):
        return text.date(_as_date(d), lang, day=False, short=True)

    def years_word(lang):
        return "yrs to end" if lang == "en" else "jaar tot einde"

    def draw(ax, lang):
        xs = list(range(len(series)))
        top = float(series["value"].max())
        ax.bar(xs, series["value"], color=charts.PALETTE["blue"], width=0.6)
        for x, row in zip(xs, series.itertuples(index=False)):
            ax.text(x, row.value + top * 0.02,
                    f"{text.number(row.value, lang)}\n{text.number(row.years_to_end, lang, 1)} {years_word(lang)}",
                    ha="center", va="bottom", fontsize=8, color="#333333")
        ax.set_xticks(xs)
        ax.set_xticklabels([month_label(d, lang) for d in series["date"]])
        ax.set_ylim(0, top * 1.3)
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: text.number(v, lang)))
        ax.set_ylabel("people with temporary protection" if lang == "en" else "mensen met tijdelijke bescherming")

    def subtitle(lang):
        low, high = text.number(c2022["years_at_end_low"], lang, 1), text.number(c2022["years_at_end_high"], lang, 1)
        share = text.number(end_2022["share_of_latest"] * 100, lang)
        if lang == "en":
            return (f"Temporary protection now ends on {text.date(dates['end'], lang)}; whoever arrived "
                    f"in 2022 will by then have been here {low}-{high} years. The end-2022 number "
                    f"({text.number(end_2022['value'], lang)}) is {share}% of the number in "
                    f"{month_label(latest['date'], lang)}")
        return (f"De tijdelijke bescherming loopt nu tot {text.date(dates['end'], lang)}; wie in 2022 kwam, "
                f"is dan {low}-{high} jaar hier. Het aantal eind 2022 ({text.number(end_2022['value'], lang)}) is "
                f"{share}% van het aantal in {month_label(latest['date'], lang)}")

    def rounded(lang):
        return text.number(round(float(end_2022["value"]), -4), lang)

    # "little change since" only when the end-2022 stock is within 10% of the latest one
    little_change = abs(float(end_2022["share_of_latest"]) - 1) <= 0.10

    def title(lang):
        if lang == "en":
            since = "little change since" if little_change else \
                f"{text.number(round(float(latest['value']), -4), lang)} in {month_label(latest['date'], lang)}"
            return f"{tp_title_subject(series, 'en')}: {rounded('en')} by end-2022, {since}"
        since = "daarna weinig verandering" if little_change else \
            f"in {month_label(latest['date'], lang)} {text.number(round(float(latest['value']), -4), lang)}"
        return f"{tp_title_subject(series, 'nl')}: eind 2022 al {rounded('nl')}, {since}"

    def alt(lang):
        values = ", ".join(text.number(v, lang) for v in series["value"])
        years = ", ".join(text.number(v, lang, 1) for v in series["years_to_end"])
        if lang == "en":
            return (f"Bar chart of the number of people with temporary protection in the Netherlands on "
                    f"{len(series)} dates from {month_label(series['date'].iloc[0], lang)} to "
                    f"{month_label(latest['date'], lang)}: {values}; labelled with {years} years until the end date.")
        return (f"Staafdiagram van het aantal mensen met tijdelijke bescherming in Nederland op {len(series)} data van "
                f"{month_label(series['date'].iloc[0], lang)} tot {month_label(latest['date'], lang)}: {values}; "
                f"met {years} jaar tot de einddatum.")

    texts = {
        "en": charts.ChartText(
            title("en"),
            subtitle("en"),
            basis["chart_source_en"],
            f"People with temporary protection in the Netherlands at the end of the month, {basis['who_en']}. A stock "
            "is net of departures: it does not say how many of the people present later arrived in 2022. Years "
            "counted from the date shown to the end date.", alt("en")),
        "nl": charts.ChartText(
            title("nl"),
            subtitle("nl"),
            basis["chart_source_nl"],
            f"Mensen met tijdelijke bescherming in Nederland aan het eind van de maand, {basis['who_nl']}. Een "
            "aantal is netto na vertrek: het zegt niet hoeveel van de mensen die er later zijn in 2022 kwamen. "
            "Jaren geteld van de getoonde datum tot de einddatum.", alt("nl")),
    }
    return charts.export_chart(name, draw, texts, series, claim_ids=["C15"])
