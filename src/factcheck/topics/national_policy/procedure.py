"""C14: the asylum procedure on paper (working days turned into calendar days) against the legal
decision periods and the IND's published waits (in weeks)."""
import pandas as pd

from ...core import text
from ...core.text import Text
from ...rules import Reading
from .data import tx

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


def _rows(procedure: pd.DataFrame, item: str, regime: str) -> pd.DataFrame:
    row = procedure[(procedure["item"] == item) & (procedure["regime"] == regime)]
    if len(row) != 1:
        raise KeyError(f"national-policy-procedure has {len(row)} rows for {item!r} / {regime!r}, expected 1")
    return row


def stage_row(procedure: pd.DataFrame, item: str, regime: str) -> pd.Series:
    """The published table's one row for a stage or period under one regime."""
    return _rows(procedure, item, regime).iloc[0]


def stage_line(procedure: pd.DataFrame, item: str, regime: str) -> int:
    """The line of that row in data/published/national-policy-procedure.csv (the header is line 1), for
    the checked value's `checked_from` (S5)."""
    return int(_rows(procedure, item, regime).index[0]) + 2


def stage_days(procedure: pd.DataFrame, item: str, regime: str) -> int:
    """The number of days the published table gives for one stage under one regime."""
    row = _rows(procedure, item, regime)
    if row.iloc[0]["unit"] != "days":
        raise ValueError(f"{item!r} / {regime!r} is not in days")
    return int(row.iloc[0]["value"])


def days_text(duration: pd.Series) -> str:
    """A `paper_durations` row's calendar days as shown: '8', or '16-18' over the possible start days."""
    low, high = int(duration["calendar_days_low"]), int(duration["calendar_days_high"])
    return str(low) if low == high else f"{low}-{high}"


def stage_sources(procedure: pd.DataFrame, *items) -> tuple:
    """The source ids of the named (item, regime) rows, in first-seen order."""
    seen = []
    for item, regime in items:
        rows = procedure[(procedure["item"] == item) & (procedure["regime"] == regime)]
        for ids in rows["source_id"]:
            seen += [i for i in str(ids).split(";") if i and i not in seen]
    return tuple(seen)


# (key, kind, stages): each reading of the procedure on paper, the stages it adds up. The primary
# reading (S2) is "de procedure" as a reader of the letter takes it: the general asylum procedure (AA), the
# procedure with a fixed length in law, set against "Het zijn de wachttijden die lang zijn". AA+ is the same
# procedure extended in advance (a definition reading). The rest and preparation period before it is not
# part of the AA: with it the durations are sensitivity readings ('comparison', shown beside, never decisive
# while the AA is within the band). The 2010-2021 rules are the earlier reading.
PAPER_READINGS = (
    ("aa", "primary", (("general-procedure", "since-2021"),)),
    ("aa-plus", "definition", (("general-procedure", "since-2021"), ("general-procedure-extension", "since-2021"))),
    ("rvt+aa", "comparison", (("rest-and-preparation", "since-2010"), ("general-procedure", "since-2021"))),
    ("rvt+aa-plus", "comparison", (("rest-and-preparation", "since-2010"), ("general-procedure", "since-2021"),
                                   ("general-procedure-extension", "since-2021"))),
    ("aa-2010", "earlier", (("general-procedure", "2010-2021"),)),
)
PAPER_BAR = "rvt+aa"        # the chart's "on paper" bar: rest and preparation + general procedure


def paper_durations(procedure: pd.DataFrame) -> pd.DataFrame:
    """The procedure on paper as readings: working days and calendar days (shortest-longest).

    Stages run back to back; weekends do not count for the general procedure's terms (WBV
    2015/5) and the rest and preparation period is given in working days (CMO Groningen).
    """
    since = procedure.loc[(procedure["item"] == "general-procedure") & (procedure["regime"] == "since-2021"),
                          "valid_from"].iloc[0]
    values = dict(rvt=stage_days(procedure, "rest-and-preparation", "since-2010"),
                  aa=stage_days(procedure, "general-procedure", "since-2021"),
                  extension=stage_days(procedure, "general-procedure-extension", "since-2021"),
                  aa_old=stage_days(procedure, "general-procedure", "2010-2021"),
                  since=text.in_both(text.date, since))
    rows = []
    for key, kind, stages in PAPER_READINGS:
        days = [stage_days(procedure, item, regime) for item, regime in stages]
        label = tx(f"c14.reading.{key}").format(**values)
        valid = [str(v) for item, regime in stages
                 for v in procedure.loc[(procedure["item"] == item) & (procedure["regime"] == regime), "valid_from"]
                 if isinstance(v, str) and v]
        rows.append((key, kind, label.en, label.nl, " + ".join(str(d) for d in days), sum(days),
                     ";".join(stage_sources(procedure, *stages)), max(valid) if valid else ""))
    table = pd.DataFrame(rows, columns=["key", "kind", "reading_en", "reading_nl", "formula", "working_days",
                                        "source_id", "valid_from"])
    spans = table["working_days"].map(working_days_span_range)
    table["calendar_days_low"] = [low for low, _ in spans]
    table["calendar_days_high"] = [high for _, high in spans]
    return table


def c14_readings(durations: pd.DataFrame) -> list:
    """`rules.Reading`s (calendar days) from `paper_durations`; the vintage is the rules in force from
    the latest `valid_from` of the stages added up."""
    return [Reading(row.reading_en, float(row.calendar_days_low), float(row.calendar_days_high), row.kind,
                    source_ids=tuple(row.source_id.split(";")),
                    vintage=tx("c14.vintage").en if row.valid_from else "",
                    vintage_date=row.valid_from)
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
        raise KeyError(f"national-policy-waiting has {len(row)} rows for {measure!r} on {as_of}, expected 1")
    return row.iloc[0]


# The published IND waits drawn in the C14 chart: bar key and the `as_of` date in national-policy-waiting.csv.
PRACTICE_BARS = (("practice-2024", "2024-05-14"), ("practice-2026", "2026-01-26"))


def _segment(key: str) -> Text:
    return tx(f"chart.procedure.segment.{key}")


def paper_vs_practice(procedure: pd.DataFrame, waiting: pd.DataFrame, durations: pd.DataFrame) -> pd.DataFrame:
    """Chart data: the procedure on paper, the legal decision periods and published waiting times,
    as segments in weeks (one row per segment; bars are the `bar` column, in drawing order)."""
    primary = durations[durations["key"] == PAPER_BAR].iloc[0]
    rvt = stage_days(procedure, "rest-and-preparation", "since-2010")
    rvt_days = working_days_span(rvt, 0)                       # from a Monday
    total_days = working_days_span(int(primary["working_days"]), 0)

    def row(item, regime):
        return procedure[(procedure["item"] == item) & (procedure["regime"] == regime)].iloc[0]
    standard = row("decision-period", "standard")
    extension = row("decision-period-extension", "2022-2025")
    paper_days = f"{int(primary['calendar_days_low'])}-{int(primary['calendar_days_high'])}"
    segments = [
        ("paper", "rest", 0.0, to_weeks(rvt_days, "days"), "", rvt, "working days",
         row("rest-and-preparation", "since-2010")["source_id"]),
        ("paper", "general", to_weeks(rvt_days, "days"), to_weeks(total_days - rvt_days, "days"), "",
         int(primary["working_days"]) - rvt, "working days", row("general-procedure", "since-2021")["source_id"]),
        ("legal", "decision", 0.0, to_weeks(standard["value"], "months"), "", standard["value"], "months",
         standard["source_id"]),
        ("legal-extended", "decision", 0.0, to_weeks(standard["value"], "months"), "", standard["value"], "months",
         standard["source_id"]),
        ("legal-extended", "extension", to_weeks(standard["value"], "months"), to_weeks(extension["value"], "months"),
         "", extension["value"], "months", extension["source_id"]),
    ]
    for bar, as_of in PRACTICE_BARS:
        first = waiting_value(waiting, "wait-first-interview", as_of)
        second = waiting_value(waiting, "wait-second-interview", as_of)
        first_weeks = to_weeks(first["value"], first["unit"])
        segments.append((bar, "first", 0.0, first_weeks, first["qualifier"], first["value"], first["unit"],
                         first["source_id"]))
        segments.append((bar, "second", first_weeks, to_weeks(second["value"], second["unit"]), second["qualifier"],
                         second["value"], second["unit"], second["source_id"]))
    rows = [(bar, _segment(key).en, _segment(key).nl, start, length, qualifier, value, unit, source)
            for bar, key, start, length, qualifier, value, unit, source in segments]
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


def unit_word(unit: str, lang: str) -> str:
    return tx(f"unit.{unit.replace(' ', '_')}")[lang]


def _almost(qualifier: str, lang: str) -> str:
    return tx("word.almost")[lang] if qualifier == "almost" else ""


def bar_label(rows: pd.DataFrame, lang: str) -> str:
    """The text at the end of a bar: '19 + 48 = 67 weeks', '17 weeks + almost 2 years', '16-18 days'."""
    if rows["bar"].iloc[0] == "paper":
        return tx("chart.procedure.paper_days").format(days=rows["paper_calendar_days"].iloc[0])[lang]
    parts = [_almost(q, lang) + text.number(v, lang) for v, q in zip(rows["value"], rows["qualifier"])]
    units = list(rows["unit"])
    if len(set(units)) == 1:
        total = text.number(rows["value"].sum(), lang)
        return (" + ".join(parts) + f" = {total} {unit_word(units[0], lang)}") if len(parts) > 1 \
            else f"{total} {unit_word(units[0], lang)}"
    return " + ".join(f"{p} {unit_word(u, lang)}" for p, u in zip(parts, units))


def practice_wait_text(timeline: pd.DataFrame, bar: str, lang: str) -> str:
    """'19 + 48 = 67 weeks (May 2024)'; with mixed units '17 weeks + almost 2 years, almost 121
    weeks in all (January 2026)': what is added, the cumulative weeks, the as-of month."""
    row = practice_waits(timeline).set_index("bar").loc[bar]
    rows = timeline[timeline["bar"] == bar]
    label = bar_label(rows, lang)
    when = text.date(row["as_of"], lang, day=False)
    if set(rows["unit"]) == {"weeks"}:
        return f"{label} ({when})"
    total = _almost(row["qualifier"], lang) + text.number(row["weeks_to_second_interview"], lang)
    return f"{label}, {tx('chart.procedure.in_all').format(total=total)[lang]} ({when})"


def practice_weeks_text(timeline: pd.DataFrame, lang: str) -> list:
    """Per published-wait bar: 'almost 121 weeks in January 2026' (the chart's alt text)."""
    return [tx("chart.procedure.weeks_in").format(total=_almost(row.qualifier, lang)
                                                  + text.number(row.weeks_to_second_interview, lang),
                                                  when=text.date(row.as_of, lang, day=False))[lang]
            for row in practice_waits(timeline).itertuples()]
