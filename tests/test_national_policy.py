"""Tests for factcheck.topics.national_policy (claims C14-C19; C20 in test_national_policy_hosting.py): small
hand-made tables with known answers, checks on the committed published tables, and a counterfactual C14."""
from datetime import date

import pandas as pd
import pytest

from factcheck.core import registers
from factcheck.topics.national_policy import agreement, checks, data, procedure, protection, research
from factcheck.rules import Reading, claim_band
from factcheck.rules.judge import judge


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
    rows = [("rest-and-preparation", "since-2010", rvt, "days", "2010-07-01"),
            ("general-procedure", "since-2021", aa, "days", "2021-06-25"),
            ("general-procedure-extension", "since-2021", extension, "days", "2021-06-25"),
            ("general-procedure", "2010-2021", aa_old, "days", "2010-07-01"), ("decision-period", "standard", 6, "months", ""),
            ("decision-period-extension", "2022-2025", 9, "months", "2022-09-27")]
    return pd.DataFrame([{"item": i, "regime": r, "value": float(v), "unit": u, "valid_from": f, "source_id": f"src-{i}"}
                         for i, r, v, u, f in rows])


def test_paper_durations_add_stages_and_convert():
    table = procedure.paper_durations(_procedure_table())
    by_key = table.set_index("key")
    assert by_key.loc["rvt+aa", "working_days"] == 12
    assert (by_key.loc["rvt+aa", "calendar_days_low"], by_key.loc["rvt+aa", "calendar_days_high"]) == (16, 18)
    assert (by_key.loc["aa", "calendar_days_low"], by_key.loc["aa", "calendar_days_high"]) == (8, 8)
    assert (by_key.loc["aa-plus", "calendar_days_low"], by_key.loc["aa-plus", "calendar_days_high"]) == (11, 13)
    assert by_key.loc["rvt+aa-plus", "working_days"] == 15
    assert by_key.loc["aa-2010", "working_days"] == 8
    assert list(table["key"]) == ["aa", "aa-plus", "rvt+aa", "rvt+aa-plus", "aa-2010"]
    assert list(table["kind"]) == ["primary", "definition", "comparison", "comparison", "earlier"]


def test_c14_rule_the_general_procedure_within_the_band_is_accurate_whatever_the_sensitivity():
    # S2: the rest and preparation period is a sensitivity reading, it does not split the verdict.
    readings = procedure.c14_readings(procedure.paper_durations(_procedure_table()))
    assert judge(procedure.less_than_band(14), readings).verdict == "accurate"


def test_c14_rule_an_aa_plus_over_two_weeks_would_split_the_verdict():
    # AA+ is the same procedure extended: a definition reading; 6 + 6 working days (16-18) would miss.
    readings = procedure.c14_readings(procedure.paper_durations(_procedure_table(extension=6)))
    assert judge(procedure.less_than_band(14), readings).verdict == "definition-dependent"


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
    assert protection.years_between("2022-03-04", "2027-03-04") == pytest.approx(5.0, abs=0.002)
    assert protection.years_between(date(2024, 1, 1), date(2024, 1, 1)) == 0


def test_tp_dates_take_the_latest_extension_as_end():
    dates = protection.tp_dates(TIMELINE)
    assert dates["end"] == date(2027, 3, 4)
    assert dates["activation"] == date(2022, 3, 4)
    with pytest.raises(ValueError):
        protection.tp_dates(TIMELINE[TIMELINE["event"] != "activation"])


def test_cohort_years_by_arrival_year():
    cohorts = protection.cohort_years(TIMELINE, years=(2021, 2022, 2023, 2027, 2028)).set_index("arrival_year")
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
    series = protection.stock_series(stock, TIMELINE)
    assert list(series["date"]) == ["2022-03-31", "2022-12-31", "2024-08-31"]
    assert list(series["share_of_latest"]) == [0.16, 0.8, 1.0]
    assert series["years_to_end"].iloc[0] == pytest.approx(4.93, abs=0.01)
    with pytest.raises(ValueError):
        protection.stock_series(stock, TIMELINE, geo="DE")


# --- rules ---------------------------------------------------------------------------------------

def test_cefr_steps():
    assert agreement.cefr_steps("A2", "B1") == 1
    assert agreement.cefr_steps("B1", "A2") == -1
    with pytest.raises(ValueError):
        agreement.cefr_steps("A2", "B3")


def test_rules_table_orders_current_before_planned_and_sources_skip_the_letter():
    rules = pd.DataFrame({"claim_id": ["C16"] * 3 + ["C17"], "rule": ["w", "w", "w", "n"],
                          "regime": ["letter-wants", "planned", "current", "current"],
                          "value": ["1", "3", "6", "5"], "unit": ["months"] * 3 + ["years"],
                          "checked_against": ["x"] * 4,
                          "source_id": ["vwn-letter-2026-02-02", "a;b", "a", "c"], "quote": ["q"] * 4})
    table = agreement.rules_table(rules, "C16")
    assert list(table["regime"]) == ["current", "planned", "letter-wants"]
    assert agreement.rule_value(rules, "w", "planned") == "3"
    assert agreement.rule_sources(rules, "C16") == ["a", "b"]
    with pytest.raises(KeyError):
        agreement.rule_value(rules, "w", "eu-maximum")


# --- research rule -------------------------------------------------------------------------------

def _research(findings):
    return pd.DataFrame([{"claim_id": "C19", "kind": k, "source_id": "s", "quote": "q", "finding": f}
                         for k, f in findings])


def test_research_supports_no_evidence_with_context():
    found = research.research_supports(_research([
        ("finding", "no scientific evidence that policy attracts"), ("limitation", "some limited influence")]))
    assert found.holds is True and "q" in found.evidence and found.context == ("some limited influence",)
    assert found.source_ids == ("s",)


def test_research_does_not_support_when_an_effect_is_found():
    assert research.research_supports(_research([
        ("finding", "no evidence in one study"), ("finding", "a substantial effect of reception conditions")])).holds is False
    assert research.research_supports(_research([("finding", "policy matters")])).holds is False


def test_research_without_findings_is_unverifiable():
    assert research.research_supports(_research([("method", "literature review")])).holds is None


# --- the committed published tables --------------------------------------------------------------

def test_published_procedure_gives_16_to_18_calendar_days_on_paper():
    durations = procedure.paper_durations(data.load_procedure()).set_index("key")
    assert (durations.loc["rvt+aa", "calendar_days_low"], durations.loc["rvt+aa", "calendar_days_high"]) == (16, 18)
    assert durations.loc["aa", "calendar_days_high"] == 8


def test_published_tp_timeline_ends_4_march_2027_and_stock_is_sorted():
    assert protection.tp_dates(data.load_tp_timeline())["end"] == date(2027, 3, 4)
    stock = data.load_tp_stock()
    assert stock["date"].is_monotonic_increasing and (stock["value"] > 0).all()


def test_published_rules_have_current_and_planned_values():
    rules = data.load_rules()
    assert agreement.rule_value(rules, "work-waiting-time", "planned") == "3"
    assert agreement.rule_value(rules, "naturalisation-term", "current") == "5"
    assert agreement.cefr_steps(agreement.rule_value(rules, "naturalisation-language", "current"),
                                agreement.rule_value(rules, "naturalisation-language", "planned")) == 1
    claim_value = claim_band(3)
    assert claim_value[0] <= float(agreement.rule_value(rules, "work-waiting-time", "planned")) <= claim_value[1]


def test_paper_vs_practice_segments_are_contiguous():
    chart = procedure.paper_vs_practice(data.load_procedure(), data.load_waiting(),
                                       procedure.paper_durations(data.load_procedure()))
    for _, bar in chart.groupby("bar", sort=False):
        assert bar["start_weeks"].iloc[0] == 0
        assert list(bar["start_weeks"].iloc[1:]) == pytest.approx(list(bar["end_weeks"].iloc[:-1]), abs=0.01)
    assert chart.loc[chart["bar"] == "paper", "end_weeks"].max() == pytest.approx(16 / 7, abs=0.01)



def test_practice_waits_are_cumulative_for_both_dates():
    timeline = procedure.paper_vs_practice(data.load_procedure(), data.load_waiting(),
                                           procedure.paper_durations(data.load_procedure()))
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
    assert agreement.rule_quantity(rules, "w", "planned") == "3 months"
    assert agreement.rule_quantity(rules, "w", "current", "nl") == "6 maanden"
    assert agreement.rule_quantity(rules, "l", "planned") == "B1"
    assert agreement.plan_date(rules, sources, "C16") == "2025-10-01"
    assert agreement.plan_date(rules, sources, "C16", "current") == "2020-01-01"
    with pytest.raises(ValueError):
        agreement.plan_date(rules, sources, "C17")
    with pytest.raises(KeyError):
        agreement.rule_quantity(rules, "w", "eu-maximum")


def test_tp_title_says_ukrainians_only_for_the_ua_series():
    published = protection.tp_primary_stock(PUBLISHED_STOCK)
    assert protection.tp_title_subject(published).en.startswith("People with temporary protection")
    assert "alle nationaliteiten" in protection.tp_title_subject(published).nl
    ua = published.assign(citizen="UA")
    assert protection.tp_title_subject(ua).en.startswith("Ukrainians")
    assert protection.tp_title_subject(ua).nl.startswith("Oekraïners")

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
    assert protection.month_end("2024-02") == "2024-02-29"
    assert protection.month_end("2023-02") == "2023-02-28"
    assert protection.month_end("2022-12") == "2022-12-31"


def test_eurostat_tp_stock_uses_the_registered_extract_and_none_without(monkeypatch):
    from factcheck.sources import eurostat
    asked = []
    monkeypatch.setattr(eurostat, "latest", lambda dataset, sources=None: asked.append(dataset))
    assert protection.eurostat_tp_stock() is None
    assert asked == ["migr_asytpsm"]
    monkeypatch.setattr(eurostat, "latest",
                        lambda dataset, sources=None: _tp_raw() if dataset == "migr_asytpsm" else None)
    stock = protection.eurostat_tp_stock()
    assert stock.attrs["source_id"] == TP_SOURCE_ID and set(stock["source_id"]) == {TP_SOURCE_ID}
    assert set(stock["geo"]) == {"NL"}                             # Belgium dropped
    ua = stock[stock["citizen"] == "UA"].set_index("date")["value"]
    assert ua.to_dict() == {"2022-03-31": 25000, "2022-12-31": 100000, "2024-08-31": 116000}  # flag-only, sex F dropped
    total = stock[stock["citizen"] == "TOTAL"].set_index("date")
    assert total.loc["2024-02-29", "flag"] == "p" and total.loc["2024-02-29", "value"] == 121000


def test_primary_stock_is_eurostat_ua_when_present_else_published():
    eurostat_stock = protection.eurostat_tp_frame(_tp_raw())
    primary = protection.tp_primary_stock(PUBLISHED_STOCK, eurostat_stock)
    assert set(primary["citizen"]) == {"UA"} and set(primary["basis"]) == {protection.EUROSTAT_BASIS}
    assert list(primary["value"]) == [25000, 100000, 116000]
    # an extract without UA rows falls back to all citizenships
    only_total = eurostat_stock[eurostat_stock["citizen"] == "TOTAL"]
    assert set(protection.tp_primary_stock(PUBLISHED_STOCK, only_total)["citizen"]) == {"TOTAL"}
    published = protection.tp_primary_stock(PUBLISHED_STOCK, None)
    assert list(published["value"]) == list(PUBLISHED_STOCK["value"])
    assert set(published["basis"]) == {protection.PUBLISHED_BASIS}


def test_share_of_latest_follows_the_eurostat_series():
    primary = protection.tp_primary_stock(PUBLISHED_STOCK, protection.eurostat_tp_frame(_tp_raw()))
    series = protection.stock_series(primary, TIMELINE).set_index("date")
    assert series.loc["2022-12-31", "share_of_latest"] == pytest.approx(100000 / 116000, abs=0.001)
    assert series.loc["2022-12-31", "citizen"] == "UA"
    assert protection.stock_growth(series.reset_index()) == {"date": "2022-12-31", "level": 100000,
                                                           "max_rise_after": 16000, "max_after": 116000}


def test_reconcile_published_against_eurostat_total():
    table = protection.reconcile_tp_stock(PUBLISHED_STOCK, protection.eurostat_tp_frame(_tp_raw())).set_index("date")
    assert table.loc["2022-12-31", "difference"] == 109820 - 110000
    assert table.loc["2024-08-31", "difference"] == 117905 - 118000
    assert table.loc["2024-08-31", "ua_share_pct"] == pytest.approx(100 * 116000 / 118000, abs=0.05)
    assert pd.isna(table.loc["2024-03-31", "eurostat_total"])      # Eurostat has 2024-02, not 2024-03
    empty = protection.reconcile_tp_stock(PUBLISHED_STOCK, None)
    assert empty["eurostat_total"].isna().all() and empty["difference"].isna().all()
    assert list(empty["published"]) == list(PUBLISHED_STOCK["value"])


def test_tp_basis_names_the_source_the_share_rests_on():
    with_extract = protection.tp_basis(protection.tp_primary_stock(PUBLISHED_STOCK, protection.eurostat_tp_frame(_tp_raw())))
    assert TP_SOURCE_ID in with_extract["text"].en and "citizens of Ukraine" in with_extract["text"].en
    assert TP_SOURCE_ID in with_extract["text"].nl and TP_SOURCE_ID in with_extract["chart_source"].en
    without = protection.tp_basis(protection.tp_primary_stock(PUBLISHED_STOCK, None))
    assert "no Eurostat extract registered" in without["text"].en and "published-src" in without["text"].en
    assert "geen Eurostat-extract" in without["text"].nl
    assert "none registered" in protection.tp_pickup_text(None, protection.tp_primary_stock(PUBLISHED_STOCK, None))
    text = protection.tp_pickup_text(protection.eurostat_tp_frame(_tp_raw()),
                                    protection.tp_primary_stock(PUBLISHED_STOCK, protection.eurostat_tp_frame(_tp_raw())))
    assert f"{TP_SOURCE_ID} found, 3 months 2022-03 to 2024-08" in text


def test_chart_points_keep_a_short_series_and_thin_a_monthly_one():
    short = pd.DataFrame({"date": ["2022-03-31", "2022-12-31", "2024-08-31"]})
    assert list(protection.chart_points(short)["date"]) == list(short["date"])
    months = [protection.month_end(str(p)) for p in pd.period_range("2022-03", "2025-11", freq="M")]
    thinned = protection.chart_points(pd.DataFrame({"date": months}))
    assert list(thinned["date"]) == ["2022-03-31", "2022-12-31", "2023-12-31", "2024-12-31", "2025-11-30"]


# --- the claim records (checks.check_cNN) ------------------------------------------------------------

def _with_general_procedure(proc, days):
    """The published procedure table with the general procedure since 2021 set at `days` working days."""
    changed = proc.copy()
    row = (changed["item"] == "general-procedure") & (changed["regime"] == "since-2021")
    changed.loc[row, "value"] = float(days)
    return changed


def test_c14_counterfactual_longer_general_procedure_flips_every_sentence():
    """With a 12-working-day general procedure (16-18 calendar days alone) the reading judged is not under
    two weeks, while the 2010-2021 rules (8 working days) were: the verdict moves to outdated (S3), and the
    conclusion and why-text follow in both languages with the new figures. A sentence typed by hand would
    not change."""
    proc, waiting = data.load_procedure(), data.load_waiting()
    now = checks.check_c14(proc, waiting)
    then = checks.check_c14(_with_general_procedure(proc, 12), waiting)
    assert now.verdict == "accurate-needs-context"
    assert then.verdict == "outdated" and then.verdict != now.verdict
    for field in ("conclusion", "why"):
        for lang in ("en", "nl"):
            assert getattr(then, field)[lang] != getattr(now, field)[lang], (field, lang)
    assert "12 working days (16-18 calendar days), not less than two weeks" in then.conclusion.en
    assert "12 werkdagen (16-18 kalenderdagen), niet korter dan twee weken" in then.conclusion.nl
    assert "24-26" in then.conclusion.en and "24-26" in then.conclusion.nl
    assert "6 working days (8 calendar days), less than two weeks" in now.conclusion.en
    assert then.label.en in then.why.en and then.label.nl in then.why.nl
    assert then.primary.label.startswith("general procedure (AA, 12 working days)")


def test_s2_the_general_procedure_is_the_reading_judged():
    """Standard S2: the reading judged is the general procedure (8 calendar days); with the rest and
    preparation period (16-18 days) it is a sensitivity reading, shown and not decisive. Were it taken as a
    definition reading of equal weight (as before the standards), the verdict would split again."""
    check = checks.check_c14(data.load_procedure(), data.load_waiting())
    assert check.primary.label.startswith("general procedure (AA, 6 working days)") and check.value == 8
    with_rvt = next(r for r in check.readings if r.label.startswith("sensitivity: rest and preparation (at least"))
    assert (with_rvt.kind, with_rvt.low, with_rvt.high) == ("comparison", 16, 18)
    assert check.situation_ids == ("within-band-context",)
    assert "S2 The reasonable reading" in check.why.en and "S9 Needs context" in check.why.en
    as_definition = [r if r is not with_rvt else Reading(r.label, r.low, r.high, "definition") for r in check.readings]
    assert judge(check.band, as_definition).verdict == "definition-dependent"


def test_s9_c14_context_is_computed_from_conditions():
    """Standard S9: the context comes from conditions on the data: with a 1-day rest period (7-9 days with
    the AA) only the extended procedure's decision period remains, and without it the claim is accurate."""
    proc, waiting = data.load_procedure(), data.load_waiting()
    short = proc.copy()
    short.loc[short["item"] == "rest-and-preparation", "value"] = 1.0
    check = checks.check_c14(short, waiting)
    assert check.verdict == "accurate-needs-context" and len(check.context) == 1
    assert "extended procedure" in check.context[0].en
    no_period = short.copy()
    no_period.loc[no_period["item"] == "decision-period", "value"] = 0.4     # 0.4 months: 12 days
    check = checks.check_c14(no_period, waiting)
    assert check.verdict == "accurate" and not check.context
    assert "less than two weeks, as the letter says" in check.conclusion.en
    assert "korter dan twee weken, zoals de brief zegt" in check.conclusion.nl


def _published_checks():
    register = registers.load_sources()
    rules, agreement_table = data.load_rules(), data.load_agreement()
    timeline, stock = data.load_tp_timeline(), data.load_tp_stock()
    return [checks.check_c14(data.load_procedure(), data.load_waiting()),
            checks.check_c15(timeline, protection.tp_primary_stock(stock), stock, register),
            checks.check_c16(rules, agreement_table, register), checks.check_c17(rules, agreement_table, register),
            checks.check_c18(rules, agreement_table), checks.check_c19(data.load_research())]


def test_published_checks_reproduce_the_verdicts_and_rows():
    found = _published_checks()
    rows = {row["claim_id"] + row["part"]: row for check in found for row in check.rows()}
    assert {k: r["verdict"] for k, r in rows.items()} == {
        "C14": "accurate-needs-context", "C15": "accurate-needs-context", "C15a": "accurate-needs-context",
        "C15b": "accurate", "C16": "unverifiable", "C17": "unverifiable", "C17a": "unverifiable",
        "C17b": "unverifiable", "C18": "unverifiable", "C19": "accurate-needs-context"}
    for key, row in rows.items():
        assert row["why_en"] and row["why_nl"] and row["conclusion_en"] and row["conclusion_nl"], key
        assert row["rule_name"] and row["standard"], key
        assert not row["evidence_date"] or row["evidence_date"] <= "2026-02-02", key
    for check in found:
        for each in (check,) + check.parts:
            assert each.label.en in each.why.en and each.label.nl in each.why.nl
            assert all(c.en and c.nl for c in each.context)
    c15 = found[1]
    a, b = c15.parts
    assert (a.part, b.part) == ("a", "b") and "vijf jaar" in a.words_nl and "2027" in b.words_nl
    assert a.readings[0].source_ids and a.readings[0].vintage.startswith("end date 2027-03-04")
    assert "4.2-5.0" in c15.conclusion.en and "4,2-5,0" in c15.conclusion.nl
    for unverifiable in (found[2], found[3], found[4]) + found[3].parts:
        assert "not a finding against the letter" in unverifiable.why.en or "not a finding" in unverifiable.conclusion.en
        assert "geen bevinding tegen de brief" in unverifiable.why.nl or "geen bevinding" in unverifiable.conclusion.nl


def test_s8_c15_headline_is_the_lowest_verifiable_part():
    """Standard S8: C15's headline combines its parts: a wrong end year (part b) pulls the headline down
    with it, below part a."""
    timeline, stock = data.load_tp_timeline(), data.load_tp_stock()
    later = pd.concat([timeline, pd.DataFrame([{"event": "extended-until", "date": "2028-03-04", "source_id": "s",
                                                "quote": "q"}])], ignore_index=True)
    check = checks.check_c15(later, protection.tp_primary_stock(stock), stock)
    a, b = check.parts
    assert a.verdict == "accurate-needs-context"        # 5.2-6.0 years still overlaps 4.5-5.5
    assert b.verdict == "inaccurate" and check.verdict == "inaccurate"
    assert "4 March 2028" in a.conclusion.en and "4 maart 2028" in a.conclusion.nl
    assert "all of them reach five full years" in a.conclusion.en
    assert "not in 2027 as the letter says" in b.conclusion.en and "niet in 2027 zoals de brief zegt" in b.conclusion.nl


def test_s5_unverifiable_rows_name_what_would_decide():
    """Standard S5 (evidence missing): C16-C18 are unverifiable because the agreement's text is not in the
    project; the why-text names the agreement's passage as what would decide."""
    found = _published_checks()
    for check in (found[2], found[3].parts[0], found[3].parts[1], found[4]):
        assert check.situation_ids == ("evidence-missing",)
        assert "would decide" in check.why.en
    assert found[3].verdict == "unverifiable" and [p.words_nl for p in found[3].parts] == list(checks.C17_WORDS.values())


def test_c16_refuses_to_stay_unverifiable_once_the_agreement_text_is_registered():
    rules = data.load_rules()
    agreement_table = pd.concat([data.load_agreement(), pd.DataFrame([{"item": "text:C16", "value": "x",
                                                                       "source_id": "s", "quote": "q"}])])
    with pytest.raises(ValueError, match="C16"):
        checks.check_c16(rules, agreement_table, registers.load_sources())


def test_c19_without_findings_says_so_in_both_languages():
    check = checks.check_c19(_research([("method", "literature review")]))
    assert check.verdict == "unverifiable"
    assert "No research findings" in check.conclusion.en and "geen onderzoeksbevindingen" in check.conclusion.nl
