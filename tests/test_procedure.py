"""Tests for factcheck.procedure (claims C14-C19): small hand-made tables with known answers,
plus checks on the committed published tables."""
from datetime import date

import pandas as pd
import pytest

from factcheck import procedure
from factcheck.rules import assess, claim_band


# --- working days -> calendar days ---------------------------------------------------------------

@pytest.mark.parametrize("n, start, expected", [
    (1, 0, 1),     # Monday only
    (5, 0, 5),     # Monday-Friday
    (6, 0, 8),     # Monday -> next Monday
    (6, 4, 8),     # Friday -> next Friday
    (12, 0, 16),   # Monday -> Tuesday of the third week
    (12, 4, 18),   # Friday -> Monday of the fourth week
    (1, 4, 1),
    (2, 4, 4),     # Friday + Monday
])
def test_working_days_span(n, start, expected):
    assert procedure.working_days_span(n, start) == expected


def test_working_days_span_range_covers_every_start_day():
    assert procedure.working_days_span_range(6) == (8, 8)
    assert procedure.working_days_span_range(12) == (16, 18)
    assert procedure.working_days_span_range(5) == (5, 7)


@pytest.mark.parametrize("n, start", [(0, 0), (3, 5), (3, -1)])
def test_working_days_span_rejects_bad_input(n, start):
    with pytest.raises(ValueError):
        procedure.working_days_span(n, start)


def test_less_than_band_is_whole_days_below_the_limit():
    assert procedure.less_than_band(14) == (0.0, 13.0)
    with pytest.raises(ValueError):
        procedure.less_than_band(0)


def _procedure_table(rvt=6, aa=6, extension=3, aa_old=8):
    rows = [("rest-and-preparation", "since-2010", rvt, "days"), ("general-procedure", "since-2021", aa, "days"),
            ("general-procedure-extension", "since-2021", extension, "days"),
            ("general-procedure", "2010-2021", aa_old, "days"), ("decision-period", "standard", 6, "months"),
            ("decision-period-extension", "2022-2025", 9, "months")]
    return pd.DataFrame([{"item": i, "regime": r, "value": float(v), "unit": u, "source_id": f"src-{i}"}
                         for i, r, v, u in rows])


def test_paper_durations_add_stages_and_convert():
    table = procedure.paper_durations(_procedure_table())
    by_key = table.set_index("key")
    assert by_key.loc["rvt+aa", "working_days"] == 12
    assert (by_key.loc["rvt+aa", "calendar_days_low"], by_key.loc["rvt+aa", "calendar_days_high"]) == (16, 18)
    assert (by_key.loc["aa", "calendar_days_low"], by_key.loc["aa", "calendar_days_high"]) == (8, 8)
    assert by_key.loc["rvt+aa-plus", "working_days"] == 15
    assert by_key.loc["rvt+aa-2010", "working_days"] == 14
    assert list(table["kind"]) == ["primary", "definition", "definition", "earlier"]


def test_c14_rule_a_shorter_procedure_would_be_accurate():
    # With a 2 + 6 working-day procedure (10-12 calendar days) and a 1-day AA+ the claim would hold.
    readings = procedure.c14_readings(procedure.paper_durations(_procedure_table(rvt=2, extension=1)))
    assert assess(procedure.less_than_band(14), readings).verdict == "accurate"


def test_c14_rule_primary_too_long_but_general_procedure_short_is_definition_dependent():
    readings = procedure.c14_readings(procedure.paper_durations(_procedure_table()))
    assert assess(procedure.less_than_band(14), readings).verdict == "definition-dependent"


def test_stage_days_fails_loudly_on_missing_or_duplicate_rows():
    table = _procedure_table()
    with pytest.raises(KeyError):
        procedure.stage_days(table, "no-such-stage", "since-2010")
    with pytest.raises(KeyError):
        procedure.stage_days(pd.concat([table, table]), "general-procedure", "since-2021")
    with pytest.raises(ValueError):
        procedure.stage_days(table, "decision-period", "standard")


@pytest.mark.parametrize("value, unit, weeks", [(14, "days", 2.0), (3, "weeks", 3.0), (6, "months", 26.089),
                                                (2, "years", 104.357)])
def test_to_weeks(value, unit, weeks):
    assert procedure.to_weeks(value, unit) == pytest.approx(weeks, abs=1e-3)


def test_to_weeks_rejects_people():
    with pytest.raises(ValueError):
        procedure.to_weeks(5, "people")


# --- temporary protection ------------------------------------------------------------------------

TIMELINE = pd.DataFrame({"event": ["displacement-start", "activation", "extended-until", "extended-until"],
                         "date": ["2022-02-24", "2022-03-04", "2026-03-04", "2027-03-04"],
                         "source_id": ["s"] * 4, "quote": ["q"] * 4})


def test_years_between():
    assert procedure.years_between("2022-03-04", "2027-03-04") == pytest.approx(5.0, abs=0.002)
    assert procedure.years_between(date(2024, 1, 1), date(2024, 1, 1)) == 0


def test_tp_dates_take_the_latest_extension_as_end():
    dates = procedure.tp_dates(TIMELINE)
    assert dates["end"] == date(2027, 3, 4)
    assert dates["activation"] == date(2022, 3, 4)
    with pytest.raises(ValueError):
        procedure.tp_dates(TIMELINE[TIMELINE["event"] != "activation"])


def test_cohort_years_by_arrival_year():
    cohorts = procedure.cohort_years(TIMELINE, years=(2021, 2022, 2023, 2027, 2028)).set_index("arrival_year")
    assert 2021 not in cohorts.index and 2028 not in cohorts.index       # before displacement / after the end
    assert cohorts.loc[2022, "earliest_arrival"] == "2022-02-24"
    assert cohorts.loc[2022, "years_at_end_high"] == pytest.approx(5.02, abs=0.01)
    assert cohorts.loc[2022, "years_at_end_low"] == pytest.approx(4.17, abs=0.01)
    assert cohorts.loc[2023, "years_at_end_high"] == pytest.approx(4.17, abs=0.01)
    assert cohorts.loc[2027, "latest_arrival"] == "2027-03-04"
    assert cohorts.loc[2027, "years_at_end_low"] == 0


def test_stock_series_years_and_shares():
    stock = pd.DataFrame({"date": ["2022-12-31", "2022-03-31", "2024-08-31", "2022-12-31"],
                          "geo": ["NL", "NL", "NL", "BE"], "value": [100, 20, 125, 7], "source_id": ["s"] * 4})
    series = procedure.stock_series(stock, TIMELINE)
    assert list(series["date"]) == ["2022-03-31", "2022-12-31", "2024-08-31"]
    assert list(series["share_of_latest"]) == [0.16, 0.8, 1.0]
    assert series["years_to_end"].iloc[0] == pytest.approx(4.93, abs=0.01)
    with pytest.raises(ValueError):
        procedure.stock_series(stock, TIMELINE, geo="DE")


# --- rules ---------------------------------------------------------------------------------------

def test_cefr_steps():
    assert procedure.cefr_steps("A2", "B1") == 1
    assert procedure.cefr_steps("B1", "A2") == -1
    with pytest.raises(ValueError):
        procedure.cefr_steps("A2", "B3")


def test_rules_table_orders_current_before_planned_and_sources_skip_the_letter():
    rules = pd.DataFrame({"claim_id": ["C16"] * 3 + ["C17"], "rule": ["w", "w", "w", "n"],
                          "regime": ["letter-wants", "planned", "current", "current"],
                          "value": ["1", "3", "6", "5"], "unit": ["months"] * 3 + ["years"],
                          "checked_against": ["x"] * 4,
                          "source_id": ["vwn-letter-2026-02-02", "a;b", "a", "c"], "quote": ["q"] * 4})
    table = procedure.rules_table(rules, "C16")
    assert list(table["regime"]) == ["current", "planned", "letter-wants"]
    assert procedure.rule_value(rules, "w", "planned") == "3"
    assert procedure.rule_sources(rules, "C16") == ["a", "b"]
    with pytest.raises(KeyError):
        procedure.rule_value(rules, "w", "eu-maximum")


# --- research rule -------------------------------------------------------------------------------

def _research(findings):
    return pd.DataFrame([{"claim_id": "C19", "kind": k, "source_id": "s", "quote": "q", "finding": f}
                         for k, f in findings])


def test_research_supports_no_evidence_with_context():
    holds, evidence, context = procedure.research_supports(_research([
        ("finding", "no scientific evidence that policy attracts"), ("limitation", "some limited influence")]))
    assert holds is True and "q" in evidence and context == ["some limited influence"]


def test_research_does_not_support_when_an_effect_is_found():
    holds, _, _ = procedure.research_supports(_research([
        ("finding", "no evidence in one study"), ("finding", "a substantial effect of reception conditions")]))
    assert holds is False
    holds, _, _ = procedure.research_supports(_research([("finding", "policy matters")]))
    assert holds is False


def test_research_without_findings_is_unverifiable():
    holds, _, _ = procedure.research_supports(_research([("method", "literature review")]))
    assert holds is None


# --- the committed published tables --------------------------------------------------------------

def test_published_procedure_gives_16_to_18_calendar_days_on_paper():
    durations = procedure.paper_durations(procedure.load_procedure()).set_index("key")
    assert (durations.loc["rvt+aa", "calendar_days_low"], durations.loc["rvt+aa", "calendar_days_high"]) == (16, 18)
    assert durations.loc["aa", "calendar_days_high"] == 8


def test_published_tp_timeline_ends_4_march_2027_and_stock_is_sorted():
    assert procedure.tp_dates(procedure.load_tp_timeline())["end"] == date(2027, 3, 4)
    stock = procedure.load_tp_stock()
    assert stock["date"].is_monotonic_increasing and (stock["value"] > 0).all()


def test_published_rules_have_current_and_planned_values():
    rules = procedure.load_rules()
    assert procedure.rule_value(rules, "work-waiting-time", "planned") == "3"
    assert procedure.rule_value(rules, "naturalisation-term", "current") == "5"
    assert procedure.cefr_steps(procedure.rule_value(rules, "naturalisation-language", "current"),
                                procedure.rule_value(rules, "naturalisation-language", "planned")) == 1
    claim_value = claim_band(3)
    assert claim_value[0] <= float(procedure.rule_value(rules, "work-waiting-time", "planned")) <= claim_value[1]


def test_paper_vs_practice_segments_are_contiguous():
    data = procedure.paper_vs_practice(procedure.load_procedure(), procedure.load_waiting(),
                                       procedure.paper_durations(procedure.load_procedure()))
    for _, bar in data.groupby("bar", sort=False):
        assert bar["start_weeks"].iloc[0] == 0
        assert list(bar["start_weeks"].iloc[1:]) == pytest.approx(list(bar["end_weeks"].iloc[:-1]), abs=0.01)
    assert data.loc[data["bar"] == "paper", "end_weeks"].max() == pytest.approx(16 / 7, abs=0.01)



def test_practice_waits_are_cumulative_for_both_dates():
    timeline = procedure.paper_vs_practice(procedure.load_procedure(), procedure.load_waiting(),
                                           procedure.paper_durations(procedure.load_procedure()))
    waits = procedure.practice_waits(timeline).set_index("bar")
    assert waits.at["practice-2024", "weeks_to_second_interview"] == pytest.approx(19 + 48)
    assert waits.at["practice-2024", "qualifier"] == ""
    assert waits.at["practice-2026", "weeks_to_second_interview"] == pytest.approx(17 + 2 * 365.25 / 7, abs=0.05)
    assert waits.at["practice-2026", "qualifier"] == "almost"
    assert procedure.practice_wait_text(timeline, "practice-2024", "en") == "19 + 48 = 67 weeks (May 2024)"
    assert procedure.practice_wait_text(timeline, "practice-2026", "en") == \
        "17 weeks + almost 2 years, almost 121 weeks in all (January 2026)"
    assert procedure.practice_wait_text(timeline, "practice-2026", "nl") == \
        "17 weken + bijna 2 jaar, samen bijna 121 weken (januari 2026)"


def test_rule_quantity_and_plan_date():
    rules = pd.DataFrame({"claim_id": ["C16", "C16", "C17"], "rule": ["w", "w", "l"],
                          "regime": ["current", "planned", "planned"], "value": ["6", "3", "B1"],
                          "unit": ["months", "months", "CEFR level"], "checked_against": ["x"] * 3,
                          "source_id": ["a", "b;c", "d"], "quote": ["q"] * 3})
    sources = pd.DataFrame({"source_id": ["a", "b", "c", "d"],
                            "date_published": ["2020-01-01", "2025-11-03", "2025-10-01", ""]})
    assert procedure.rule_quantity(rules, "w", "planned") == "3 months"
    assert procedure.rule_quantity(rules, "w", "current", "nl") == "6 maanden"
    assert procedure.rule_quantity(rules, "l", "planned") == "B1"
    assert procedure.plan_date(rules, sources, "C16") == "2025-10-01"
    assert procedure.plan_date(rules, sources, "C16", "current") == "2020-01-01"
    with pytest.raises(ValueError):
        procedure.plan_date(rules, sources, "C17")
    with pytest.raises(KeyError):
        procedure.rule_quantity(rules, "w", "eu-maximum")


def test_tp_title_says_ukrainians_only_for_the_ua_series():
    published = procedure.tp_primary_stock(PUBLISHED_STOCK)
    assert procedure.tp_title_subject(published, "en").startswith("People with temporary protection")
    assert "alle nationaliteiten" in procedure.tp_title_subject(published, "nl")
    ua = published.assign(citizen="UA")
    assert procedure.tp_title_subject(ua, "en").startswith("Ukrainians")
    assert procedure.tp_title_subject(ua, "nl").startswith("Oekraïners")

# --- C15: Eurostat migr_asytpsm pick-up ------------------------------------------------------------

# In the on-disk format of a refresh extract (data/snapshots/eurostat/<date>/migr_asytpsm.csv);
# illustrative numbers, not Eurostat's figures.
TP_EUROSTAT_FIXTURE = """freq,unit,citizen,sex,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG
M,PER,TOTAL,T,TOTAL,NL,2022-03,25500,
M,PER,TOTAL,T,TOTAL,NL,2022-12,110000,
M,PER,TOTAL,T,TOTAL,NL,2024-02,121000,p
M,PER,TOTAL,T,TOTAL,NL,2024-08,118000,
M,PER,UA,T,TOTAL,NL,2022-03,25000,
M,PER,UA,T,TOTAL,NL,2022-12,100000,
M,PER,UA,T,TOTAL,NL,2024-02,,c
M,PER,UA,T,TOTAL,NL,2024-08,116000,
M,PER,UA,F,TOTAL,NL,2024-08,70000,
M,PER,UA,T,TOTAL,BE,2024-08,80000,
"""
TP_SOURCE_ID = "eurostat-migr-asytpsm-2026-03-01"


def _tp_raw(text=TP_EUROSTAT_FIXTURE):
    """The fixture as `eurostat.latest` returns an extract: text columns, OBS_VALUE float."""
    import io
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["OBS_VALUE"] = pd.to_numeric(frame["OBS_VALUE"].replace("", None)).astype("float64")
    frame.attrs["source_id"] = TP_SOURCE_ID
    return frame


PUBLISHED_STOCK = pd.DataFrame({"date": ["2022-03-31", "2022-12-31", "2024-03-31", "2024-08-31"],
                                "geo": ["NL"] * 4, "value": [25470, 109820, 121450, 117905],
                                "source_id": ["published-src"] * 4, "note": [""] * 4})


def test_month_end_handles_leap_years():
    assert procedure.month_end("2024-02") == "2024-02-29"
    assert procedure.month_end("2023-02") == "2023-02-28"
    assert procedure.month_end("2022-12") == "2022-12-31"


def test_eurostat_tp_stock_uses_the_registered_extract_and_none_without(monkeypatch):
    from factcheck.sources import eurostat
    asked = []
    monkeypatch.setattr(eurostat, "latest", lambda dataset, sources=None: asked.append(dataset))
    assert procedure.eurostat_tp_stock() is None
    assert asked == ["migr_asytpsm"]
    monkeypatch.setattr(eurostat, "latest",
                        lambda dataset, sources=None: _tp_raw() if dataset == "migr_asytpsm" else None)
    stock = procedure.eurostat_tp_stock()
    assert stock.attrs["source_id"] == TP_SOURCE_ID and set(stock["source_id"]) == {TP_SOURCE_ID}
    assert set(stock["geo"]) == {"NL"}                             # Belgium dropped
    ua = stock[stock["citizen"] == "UA"].set_index("date")["value"]
    assert ua.to_dict() == {"2022-03-31": 25000, "2022-12-31": 100000, "2024-08-31": 116000}  # flag-only, sex F dropped
    total = stock[stock["citizen"] == "TOTAL"].set_index("date")
    assert total.loc["2024-02-29", "flag"] == "p" and total.loc["2024-02-29", "value"] == 121000


def test_primary_stock_is_eurostat_ua_when_present_else_published():
    eurostat_stock = procedure.eurostat_tp_frame(_tp_raw())
    primary = procedure.tp_primary_stock(PUBLISHED_STOCK, eurostat_stock)
    assert set(primary["citizen"]) == {"UA"} and set(primary["basis"]) == {procedure.EUROSTAT_BASIS}
    assert list(primary["value"]) == [25000, 100000, 116000]
    # an extract without UA rows falls back to all citizenships
    only_total = eurostat_stock[eurostat_stock["citizen"] == "TOTAL"]
    assert set(procedure.tp_primary_stock(PUBLISHED_STOCK, only_total)["citizen"]) == {"TOTAL"}
    published = procedure.tp_primary_stock(PUBLISHED_STOCK, None)
    assert list(published["value"]) == list(PUBLISHED_STOCK["value"])
    assert set(published["basis"]) == {procedure.PUBLISHED_BASIS}


def test_share_of_latest_follows_the_eurostat_series():
    primary = procedure.tp_primary_stock(PUBLISHED_STOCK, procedure.eurostat_tp_frame(_tp_raw()))
    series = procedure.stock_series(primary, TIMELINE).set_index("date")
    assert series.loc["2022-12-31", "share_of_latest"] == pytest.approx(100000 / 116000, abs=0.001)
    assert series.loc["2022-12-31", "citizen"] == "UA"
    assert procedure.stock_growth(series.reset_index()) == {"date": "2022-12-31", "level": 100000,
                                                           "max_rise_after": 16000, "max_after": 116000}


def test_reconcile_published_against_eurostat_total():
    table = procedure.reconcile_tp_stock(PUBLISHED_STOCK, procedure.eurostat_tp_frame(_tp_raw())).set_index("date")
    assert table.loc["2022-12-31", "difference"] == 109820 - 110000
    assert table.loc["2024-08-31", "difference"] == 117905 - 118000
    assert table.loc["2024-08-31", "ua_share_pct"] == pytest.approx(100 * 116000 / 118000, abs=0.05)
    assert pd.isna(table.loc["2024-03-31", "eurostat_total"])      # Eurostat has 2024-02, not 2024-03
    empty = procedure.reconcile_tp_stock(PUBLISHED_STOCK, None)
    assert empty["eurostat_total"].isna().all() and empty["difference"].isna().all()
    assert list(empty["published"]) == list(PUBLISHED_STOCK["value"])


def test_tp_basis_names_the_source_the_share_rests_on():
    with_extract = procedure.tp_basis(procedure.tp_primary_stock(PUBLISHED_STOCK, procedure.eurostat_tp_frame(_tp_raw())))
    assert TP_SOURCE_ID in with_extract["en"] and "citizens of Ukraine" in with_extract["en"]
    assert TP_SOURCE_ID in with_extract["nl"] and TP_SOURCE_ID in with_extract["chart_source_en"]
    without = procedure.tp_basis(procedure.tp_primary_stock(PUBLISHED_STOCK, None))
    assert "no Eurostat extract registered" in without["en"] and "published-src" in without["en"]
    assert "geen Eurostat-extract" in without["nl"]
    assert "none registered" in procedure.tp_pickup_text(None, procedure.tp_primary_stock(PUBLISHED_STOCK, None))
    text = procedure.tp_pickup_text(procedure.eurostat_tp_frame(_tp_raw()),
                                    procedure.tp_primary_stock(PUBLISHED_STOCK, procedure.eurostat_tp_frame(_tp_raw())))
    assert f"{TP_SOURCE_ID} found, 3 months 2022-03 to 2024-08" in text


def test_chart_points_keep_a_short_series_and_thin_a_monthly_one():
    short = pd.DataFrame({"date": ["2022-03-31", "2022-12-31", "2024-08-31"]})
    assert list(procedure.chart_points(short)["date"]) == list(short["date"])
    months = [procedure.month_end(str(p)) for p in pd.period_range("2022-03", "2025-11", freq="M")]
    thinned = procedure.chart_points(pd.DataFrame({"date": months}))
    assert list(thinned["date"]) == ["2022-03-31", "2022-12-31", "2023-12-31", "2024-12-31", "2025-11-30"]
