"""Tests for factcheck.resettlement: hand-made tables with known answers, then a few checks
on the real extracts and published tables."""
import math

import pandas as pd
import pytest

from factcheck.topics.resettlement import arrivals, checks, data, pgrn, pledges, quota
from factcheck.sources import snapshots


# --------------------------------------------------------------------------- small frames

def pgrn_frame(rows):
    """rows: (need_year, edition, released, value, qualifier, published_change_pct)."""
    frame = pd.DataFrame(rows, columns=["need_year", "edition", "released", "value", "qualifier",
                                        "published_change_pct"])
    frame["value"] = frame["value"].astype("Float64")
    frame["published_change_pct"] = frame["published_change_pct"].astype("Float64")
    frame["wording"] = "w"
    frame["source_id"] = "s"
    return frame


PGRN = pgrn_frame([
    (2023, 2023, "2022-06-20", 2_000_000, "", None),
    (2024, 2024, "2023-06-26", 2_400_000, "over", 20),
    (2025, 2025, "2024-06-05", 2_900_000, "over", 20),
    (2025, 2026, "2025-06-24", 2_900_000, "", None),
    (2026, 2026, "2025-06-24", 2_500_000, "", None),
])


def pledge_frame(rows):
    """rows: (cycle, stage, measure, member, value, qualifier, wording, source_id)."""
    frame = pd.DataFrame(rows, columns=["cycle", "stage", "measure", "member", "value", "qualifier", "wording",
                                        "source_id"])
    frame["value"] = frame["value"].astype("Float64")
    return frame


PLEDGES = pledge_frame([
    ("2024-2025", "pledged", "resettlement", "", 31000, "", "w", "a"),
    ("2024-2025", "pledged", "humanitarian-admission", "", 30000, "", "w", "a"),
    ("2024-2025", "pledged", "resettlement", "", 30960, "", "w", "b"),
    ("2024-2025", "pledged", "humanitarian-admission", "", 30000, "", "w", "b"),
    ("2024-2025", "pledged", "resettlement", "", 31000, "about", "around 31,000", "c"),
    ("2024-2025", "pledged", "states", "", 14, "", "w", "d"),
    ("2024-2025", "pledged", "states-without-pledge", "", 13,
     "", "A, B, C, D, E, F, G, H, I, J, K, L and M made no pledges", "c"),
    ("2024-2025", "pledged", "resettlement", "DEU", 13000, "about", "w", "c"),
    ("2024-2025", "pledged", "state-share-pct", "DEU", 19, "", "w", "e"),
    ("2026-2027", "proposed", "total", "", 15230, "", "w", "b"),
    ("2026-2027", "proposed", "total", "", 15320, "", "w", "f"),
    ("2026-2027", "adopted", "total", "", 10430, "", "w", "f"),
    ("2026-2027", "adopted", "states-without-pledge", "", 18, "", "Eighteen states refused", "g"),
])

PERIODS = pd.DataFrame({"document": ["reg", "dg", "ngo"], "first_year": [None, 2026, 2026],
                        "last_year": [None, 2027, 2027], "adopted_year": [None, None, 2025],
                        "wording": ["w", "w", "w"], "source_id": ["x", "y", "z"]}).astype(
    {"first_year": "Int64", "last_year": "Int64", "adopted_year": "Int64"})


def solutions_frame(rows):
    """rows: (year, coo_iso, coa_iso, resettlement)."""
    frame = pd.DataFrame(rows, columns=["year", "coo_iso", "coa_iso", "resettlement"])
    frame["year"] = frame["year"].astype("Int64")
    frame["resettlement"] = frame["resettlement"].astype("Int64")
    return frame


SOLUTIONS = solutions_frame([
    (2014, "SYR", "NLD", 100), (2014, "ERI", "NLD", 50), (2014, "SYR", "DEU", 1000), (2014, "SYR", "GBR", 7),
    (2016, "SYR", "NLD", 600), (2016, "SYR", "DEU", 2000), (2016, "AFG", "NOR", 40),
])


# --------------------------------------------------------------------------- ranges and periods

@pytest.mark.parametrize("value, qualifier, expected", [
    (2_900_000, "over", (2_900_000, 3_000_000)), (2_500_000, "", (2_450_000, 2_550_000)),
    (14000, "almost", (12600, 14000)), (1_445_383, "", (1_445_382.5, 1_445_383.5))])
def test_published_range(value, qualifier, expected):
    assert data.published_range(value, qualifier) == pytest.approx(expected)


def test_drop_share_and_change_are_ranges():
    assert data.drop_pct((61000, 61000), (10430, 10430)) == pytest.approx((82.9016, 82.9016), abs=1e-3)
    low, high = data.drop_pct((60960, 61000), (10430, 10430))
    assert low < high and low == pytest.approx(100 * (1 - 10430 / 60960))
    assert data.share_pct((10430, 10430), (2_450_000, 2_550_000)) == pytest.approx((0.40902, 0.42571), abs=1e-5)
    assert data.change_pct((2.4, 2.5), (2.9, 3.0)) == pytest.approx((16.0, 25.0))


def test_period_years_and_attribution():
    assert data.period_years("2024-2025") == (2024, 2025)
    assert data.period_years("2023") == (2023,)
    attributed = pledges.pledges_for_years([("2024-2025", (100, 120)), ("2026-2027", (20, 20))], [2025, 2026])
    assert attributed == pytest.approx((60, 70))
    assert pledges.pledges_for_years([("2024-2025", (100, 100))], [2026, 2027]) == (0, 0)


# --------------------------------------------------------------------------- needs

def test_pgrn_headline_prefers_the_edition_named_after_the_year():
    table = pgrn.pgrn_table(PGRN)
    assert table["need_year"].tolist() == [2023, 2024, 2025, 2026]
    assert table["edition"].tolist() == [2023, 2024, 2025, 2026]
    row = table.set_index("need_year").loc[2025]
    assert row["change_pct"] == pytest.approx(100 * (2.9 / 2.4 - 1))
    assert (row["change_low"], row["change_high"]) == pytest.approx((16.0, 25.0))
    assert math.isnan(table.iloc[0]["change_pct"])


def test_pgrn_current_edition_and_matching():
    assert pgrn.pgrn_current_edition(PGRN, "2026-02-02") == 2026
    assert pgrn.pgrn_current_edition(PGRN, "2025-01-01") == 2025
    undated = PGRN.assign(released=["", "", "", "", ""])
    with pytest.raises(KeyError):
        pgrn.pgrn_current_edition(undated, "2026-02-02")
    matching = pgrn.pgrn_matching(PGRN, (2.7e6, 3.0e6))
    assert list(zip(matching["need_year"], matching["edition"])) == [(2025, 2025), (2025, 2026)]


def test_pgrn_reading_carries_the_published_value():
    reading = pgrn.pgrn_reading(PGRN, 2025, 2026, "x")
    assert (reading.low, reading.high, reading.published) == pytest.approx((2.85e6, 2.95e6, 2.9e6))
    assert reading.kind == "primary"
    assert pgrn.pgrn_editions_stating(PGRN, 2025, 2026) == [2026, 2025]
    assert pgrn.pgrn_editions_stating(PGRN, 2025, 2025) == [2025]
    assert pgrn.pgrn_editions_stating(PGRN, 2022, 2026) == []
    with pytest.raises(KeyError):
        pgrn.pgrn_reading(PGRN, 2025, 2024, "x")


def test_check_c01_reads_the_named_year_in_the_current_edition():
    needs = pgrn.needs_for(PGRN, 2025, 20, date="2026-02-02")
    check = checks.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2026-02-02")
    assert check.verdict == "accurate-needs-context"
    assert check.assessment.rule.id == "rule 2" and check.rule_text.startswith("rule 2:")
    assert needs.current_edition == needs.primary_edition == 2026
    # the primary reading is the 2026 edition's restated 2025 figure, not its 2026 projection
    assert check.value == pytest.approx(2.9e6)
    assert check.primary.published == 2.9e6 and "need in 2025" in check.primary.label
    assert check.primary.vintage == "PGRN 2026" and check.primary.vintage_date == "2025-06-24"
    assert check.primary.source_ids == ("s",)
    kinds = {reading.kind: reading for reading in check.readings}
    assert kinds["earlier"].low == 2.9e6 and kinds["earlier"].high == pytest.approx(3.0e6)
    assert kinds["comparison"].published == 2.5e6
    # the 2026 fall is context, computed from the current edition's figures
    assert needs.outlook.year == 2026
    assert needs.outlook.change_pct == pytest.approx(100 * (2.5 / 2.9 - 1))
    assert needs.outlook.change_range == pytest.approx((100 * (2.45 / 2.95 - 1), 100 * (2.55 / 2.85 - 1)))
    assert len(check.context) == 1 and "fall to 2.5 million for 2026" in check.context[0].en
    assert "daling naar 2,5 miljoen voor 2026" in check.context[0].nl
    # sub-checks: the +20% (UNHCR's published change) and 'the highest in years'
    assert needs.change.assessment.verdict == "accurate"
    assert needs.change.computed == pytest.approx((100 * (2.85 / 2.5 - 1), 100 * (2.95 / 2.4 - 1)))
    assert needs.highest is True
    assert check.checks[0].startswith("+20%: accurate (rule 2;") and check.checks[1].startswith("'highest in years'")


def test_check_c01_before_the_new_edition_and_without_a_restatement():
    # before the 2026 edition came out: PGRN 2025's own figure, no later projection, no context
    early = checks.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2025-01-01")
    assert early.verdict == "accurate" and pgrn.needs_for(PGRN, 2025, 20, "2025-01-01").primary_edition == 2025
    assert early.context == () and pgrn.needs_for(PGRN, 2025, 20, "2025-01-01").outlook is None
    assert "2026" not in "; ".join(early.checks)     # nothing published later is used
    # a current edition that does not restate 2025: the primary falls back to PGRN 2025
    no_restatement = PGRN[~((PGRN["need_year"] == 2025) & (PGRN["edition"] == 2026))]
    needs = pgrn.needs_for(no_restatement, 2025, 20, "2026-02-02")
    assert needs.primary_edition == 2025 and needs.current_edition == 2026
    result = checks.check_c01(no_restatement, 3e6, "almost", 2025, 20, date="2026-02-02")
    assert result.primary.low == 2.9e6
    assert result.verdict == "accurate-needs-context"
    assert not any(reading.kind == "earlier" for reading in result.readings)
    assert "does not state 2025" in result.why.en and "noemt 2025 niet" in result.why.nl


def test_check_c01_can_fail():
    assert checks.check_c01(PGRN, 4e6, "almost", 2025, 20).verdict == "overstated"
    # only the rounding range of the published 2.9 million reaches a band of 2.945-2.955 million
    assert checks.check_c01(PGRN, 2.95e6, "", 2025, 20).verdict == "unverifiable"
    wrong_change = checks.check_c01(PGRN, 3e6, "almost", 2025, 50)
    assert "+50%: inaccurate" in wrong_change.rule_text
    assert "does not match" in wrong_change.why.en and "klopt niet" in wrong_change.why.nl
    # a claimed year that is not the highest
    higher_2026 = PGRN.assign(value=PGRN["value"].where(PGRN["need_year"] != 2026, 3_100_000))
    assert pgrn.needs_for(higher_2026, 2025, 20).highest is False
    # a year no edition states: no primary reading
    assert checks.check_c01(PGRN, 3e6, "almost", 2030, 20).verdict == "unverifiable"


def test_c01_conclusions_follow_the_computed_values():
    check = checks.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2026-02-02")
    en, nl = check.conclusion.en, check.conclusion.nl
    assert "need for 2025" in en and "was 2.9 million in PGRN 2026" in en and "(PGRN 2025: over 2.9 million)" in en
    assert "+20% on 2024 as published by UNHCR with PGRN 2025" in en and "the highest need of 2023-2026" in en
    assert "fall to 2.5 million for 2026 (-13.8%)" in en
    assert "was 2,9 miljoen in PGRN 2026" in nl and "ruim 2,9 miljoen" in nl and "daling naar 2,5 miljoen" in nl
    assert "(-13,8%)" in nl
    assert "Verdict (rule 2): *Accurate, but needs context*." in check.why.en
    assert "Oordeel (rule 2): *Klopt, maar mist context*." in check.why.nl
    early = checks.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2025-01-01").conclusion.en
    assert "was over 2.9 million in PGRN 2025" in early and "2.5 million" not in early and "2023-2025" in early
    higher_2026 = PGRN.assign(value=PGRN["value"].where(PGRN["need_year"] != 2026, 3_100_000))
    higher = checks.check_c01(higher_2026, 3e6, "almost", 2025, 20).conclusion
    assert "not certainly the highest" in higher.en and "rise to 3.1 million" in higher.en
    assert "stijging naar 3,1 miljoen" in higher.nl
    assert checks.check_c01(PGRN, 3e6, "almost", 2030, 20).conclusion.en.startswith("No PGRN figure")


# --------------------------------------------------------------------------- pledges

def test_count_named_and_pledging_states():
    assert data.count_named("Austria, Cyprus and Malta made no pledges") == 3
    assert data.count_named("A and B") == 2
    states = pledges.pledging_states(PLEDGES, "2024-2025", "pledged")
    assert states["states"].tolist() == [14, 14]
    later = pledges.pledging_states(PLEDGES, "2026-2027", "adopted")
    assert later["states"].tolist() == [27 - 18]


def test_pledge_range_prefers_exact_figures_and_combined_needs_both_parts():
    assert pledges.pledge_range(PLEDGES, "2024-2025", "pledged", "resettlement") == (30960, 31000)
    assert pledges.pledge_range(PLEDGES, "2024-2025", "pledged", "resettlement", exact_only=False) == \
        pytest.approx((27900, 34100))      # "around 31,000": within 10%
    assert pledges.pledge_range(PLEDGES, "2026-2027", "adopted", "resettlement") is None
    combined = pledges.combined_pledge(PLEDGES, "2024-2025")
    assert combined["source_id"].tolist() == ["a", "b"]
    assert combined["combined"].tolist() == [61000, 60960]


def test_disagreements_and_state_shares():
    found = pledges.disagreements(PLEDGES)
    assert set(zip(found["stage"], found["measure"])) == {("pledged", "resettlement"), ("proposed", "total")}
    shares = pledges.state_share_check(PLEDGES)
    row = shares.iloc[0]
    assert row["member"] == "DEU"
    assert (row["share_low"], row["share_high"]) == pytest.approx((100 * 13000 / 31000, 100 * 13000 / 30960))
    assert row["published_share"] == 19


def test_plan_period_applies_article_8():
    result = pledges.plan_period(PERIODS)
    assert result == {"stated": [(2026, 2027)], "by_article_8": [(2026, 2027)], "agree": True}
    wrong = PERIODS.assign(adopted_year=pd.array([None, None, 2026], dtype="Int64"))
    assert pledges.plan_period(wrong)["agree"] is False


def test_check_c02_definition_dependent_on_resettlement_only():
    check = checks.check_c02(PLEDGES, 61000, "only", 14, "2024-2025", dates={"a": "2023-12-16", "b": "2025-11-12"})
    assert check.verdict == "definition-dependent"
    assert (check.readings[0].low, check.readings[0].high) == (60960, 61000)
    assert check.readings[0].source_ids == ("a", "b") and check.readings[0].vintage_date == "2023-12-16"
    assert check.checks == ("states: 14 by 2 counts (claim 14)", "period: the pledges cover 2024-2025 (claim 2024-2025)")
    assert check.conclusion.en.startswith("14 EU states did pledge 61,000 places for 2024-2025")
    assert "ongeveer 31.000" in check.conclusion.nl


def test_c02_counterfactual_pledges_flip_the_verdict_and_every_sentence():
    """A pledges table in which the 2024-2025 parts add up to 45,000: the claim's 61,000 is then
    above every reading (overstated, not definition-dependent), and the conclusion and the
    why-text in both languages must change with it and name the new figure."""
    smaller = PLEDGES.copy()
    smaller.loc[smaller["measure"] == "humanitarian-admission", "value"] = 14000.0
    before = checks.check_c02(PLEDGES, 61000, "only", 14, "2024-2025")
    after = checks.check_c02(smaller, 61000, "only", 14, "2024-2025")
    assert (before.verdict, after.verdict) == ("definition-dependent", "overstated")
    for field in ("conclusion", "why"):
        old, new = getattr(before, field), getattr(after, field)
        assert old.en != new.en and old.nl != new.nl
        assert "45,000" in new.en and "45.000" in new.nl
    assert "Overstated" in after.why.en and "Overdreven" in after.why.nl
    assert "61,000" not in after.conclusion.en.replace("the letter's 61,000", "")


def test_check_c03_period_rule():
    wrong_period = checks.check_c03(PLEDGES, PERIODS, 10430, "only", 83, "2025-2026")
    assert wrong_period.verdict == "misleading"
    assert "drop 83%: 82.89 to 82.90% computed, accurate (rule 2)" in wrong_period.checks[1]
    assert wrong_period.readings[0].low == pytest.approx(60960 / 2 + 10430 / 2)
    right_period = checks.check_c03(PLEDGES, PERIODS, 10430, "only", 83, "2026-2027")
    assert right_period.verdict == "accurate"
    assert "the period the letter names" in right_period.conclusion.en
    # the sensitivity (the period taken as a slip) is stated in the why-text
    assert "the same rules give: Accurate, but needs context" in wrong_period.why.en
    assert "geven dezelfde regels: Klopt, maar mist context" in wrong_period.why.nl


def test_share_readings_and_check_c04():
    table = pledges.share_readings((10430, 10430), 2, {"n": (2_450_000, 2_550_000)})
    assert table["basis"].tolist()[0].startswith("2-year pledge / one")
    assert table.iloc[1]["share_low"] == pytest.approx(100 * 5215 / 2_550_000)
    check = checks.check_c04(PLEDGES, PGRN, 0.4, "only", date="2026-02-02")
    assert check.verdict == "misleading"
    assert check.value == pytest.approx(0.2087, abs=1e-4)
    assert check.checks[0] == "only the 2-year pledge set against a single year's need gives 0.4%"
    assert "about 0.2% of UNHCR's projected need for 2026" in check.conclusion.en
    assert "ongeveer 0,2% van de door UNHCR verwachte behoefte voor 2026" in check.conclusion.nl
    assert len(checks.share_table(PLEDGES, PGRN, date="2026-02-02")) == 6
    # a claim of 0.2% fits the like-for-like reading: another verdict, other sentences
    fits = checks.check_c04(PLEDGES, PGRN, 0.2, "", date="2026-02-02")
    assert fits.verdict == "accurate" and "which fits the letter's 0.2%" in fits.conclusion.en


# --------------------------------------------------------------------------- arrivals

def test_eu_members_by_year():
    assert "GBR" in arrivals.eu_members(2019) and "GBR" not in arrivals.eu_members(2020)
    assert "HRV" not in arrivals.eu_members(2012) and "HRV" in arrivals.eu_members(2013)
    assert len(arrivals.eu_members(2015)) == 28 and len(arrivals.eu_members(2021)) == 27


def test_arrivals_missing_year_is_na_not_zero():
    nld = arrivals.arrivals(SOLUTIONS, ["NLD"], [2014, 2015, 2016])
    assert nld.iloc[0] == 150 and pd.isna(nld.iloc[1]) and nld.iloc[2] == 600
    assert arrivals.arrivals(SOLUTIONS, data.EU27, [2014]).iloc[0] == 1150
    assert arrivals.arrivals(SOLUTIONS, ["NLD"], [2014], origin="SYR").iloc[0] == 100
    table = arrivals.arrivals_table(SOLUTIONS, years=(2014, 2016))
    assert table.set_index("year").loc[2014, "eu_as_then"] == 1157


def test_nl_arrivals_by_origin():
    table = arrivals.nl_arrivals_by_origin(SOLUTIONS, [2014, 2015, 2016]).set_index("year")
    assert table.loc[2014, "syria"] == 100 and table.loc[2014, "other"] == 50
    assert pd.isna(table.loc[2015, "total"]) and pd.isna(table.loc[2015, "syria"])
    assert table.loc[2016, "other"] == 0


def test_reconcile_reports_difference_and_range():
    published = pd.DataFrame({"scope": ["EU27", "EU+", "NLD-SYR"], "first_year": [2014, 2016, 2014],
                              "last_year": [2014, 2016, 2016], "value": [1160.0, 2700.0, 700.0],
                              "qualifier": ["", "almost", ""], "wording": ["w"] * 3, "source_id": ["s"] * 3})
    table = arrivals.reconcile(published, SOLUTIONS)
    assert table["computed"].tolist() == [1150, 2640, 700]
    assert table["difference"].tolist() == [-10, -60, 0]
    assert table["in_range"].tolist() == [False, True, True]


def test_row_changes_and_vintage_comparison():
    new = solutions_frame([
        (2014, "SYR", "NLD", 100), (2014, "ERI", "NLD", 55), (2014, "SYR", "DEU", 1000), (2014, "SYR", "GBR", 7),
        (2016, "SYR", "NLD", 600), (2016, "SYR", "DEU", 2000), (2016, "IRQ", "DEU", 10)])
    changes = arrivals.row_changes(SOLUTIONS, new)
    assert changes.to_dict("records") == [{"year": 2014, "added": 0, "removed": 0, "changed": 1},
                                          {"year": 2016, "added": 1, "removed": 1, "changed": 0}]
    compared = arrivals.compare_vintages(SOLUTIONS, new, years=(2014, 2016)).set_index("year")
    assert compared.loc[2014, "nld_change"] == 5 and compared.loc[2016, "eu27_change"] == 10


# --------------------------------------------------------------------------- quota

QUOTA = pd.DataFrame({"first_year": [1984, 1987, 1999, 2016, 2016, 2020, 2025],
                      "last_year": [1986, 2015, 1999, 2019, 2019, 2024, 2025],
                      "quota_per_year": [250.0, 500, 300, 750, 500, 500, 200],
                      "kind": ["national-quota", "national-quota", "above-quota", "national-quota",
                               "national-quota", "national-quota", "national-quota"],
                      "wording": ["w"] * 7, "source_id": ["a", "b", "c", "d", "e", "f", "g"]})


def test_annual_quota_keeps_disagreement_and_ignores_above_quota_room():
    annual = quota.annual_quota(QUOTA, 1983, 2026).set_index("year")
    assert math.isnan(annual.loc[1983, "quota_low"]) and math.isnan(annual.loc[2026, "quota_low"])
    assert annual.loc[1999, "quota_low"] == annual.loc[1999, "quota_high"] == 500
    assert (annual.loc[2017, "quota_low"], annual.loc[2017, "quota_high"]) == (500, 750)
    assert annual.loc[2017, "source_id"] == "d;e"
    summary = quota.quota_summary(annual.reset_index(), 500, 1987, 2025)
    assert summary["years"] == 39 and summary["years_certain"] == 34 and summary["years_possible"] == 38
    assert summary["disputed_years"] == [2016, 2017, 2018, 2019]


def test_check_c05_needs_context():
    nl = pd.DataFrame({"year": list(range(1984, 2026)), "syria": 0, "other": 400, "total": 400})
    nl["total"] = nl["total"].astype("Int64")
    check = checks.check_c05(QUOTA, nl, 500, 1987, 2025)
    assert check.verdict == "accurate-needs-context"
    assert any("2025 (200)" in item.en for item in check.context)
    assert any("(500 or 750 a year)" in item.en for item in check.context)
    assert any("(500 of 750 per jaar)" in item.nl for item in check.context)
    assert "cut to 200" in check.conclusion.en and "verlaging naar 200" in check.conclusion.nl
    cut = quota.latest_quota(QUOTA)
    assert (cut["quota_per_year"], cut["first_year"], cut["source_id"]) == (200, 2025, "g")
    lower = QUOTA.assign(quota_per_year=[250.0, 250, 300, 750, 500, 500, 200])   # 500 only since 2016
    low = checks.check_c05(lower, nl, 500, 1987, 2025)
    assert low.verdict == "overstated" and "in only" in low.conclusion.en
    unknown = QUOTA[QUOTA["first_year"] >= 2016]     # no source before 2016: the median cannot be pinned down
    summary = quota.quota_summary(quota.annual_quota(unknown, 1987, 2025), 500, 1987, 2025)
    assert summary["years_documented"] == 10
    assert (summary["median_low"], summary["median_high"]) == (0, math.inf)


def test_rule_text_renders_checks_and_basis():
    check = checks.check_c02(PLEDGES, 61000, "only", 14, "2024-2025")
    assert check.rule_text == (check.assessment.reason + "; checks: " + "; ".join(check.checks)
                               + "; basis: " + checks.verdict_basis("C02"))


# --------------------------------------------------------------------------- the real data

def test_published_tables_load_with_their_schemas():
    assert len(data.load_pgrn()) >= 6
    table = data.load_pledges()
    assert set(table["stage"]) <= set(data.PLEDGE_STAGES)
    assert pledges.plan_period(data.load_plan_period())["stated"] == [(2026, 2027)]
    named = table[table["measure"] == "states-without-pledge"]
    for row in named.itertuples(index=False):
        if row.wording.endswith(" made no pledges"):
            assert data.count_named(row.wording) == row.value
    assert len(data.load_quota()) >= 5 and len(data.load_published_arrivals()) >= 5


def test_real_extracts_eu27_2024_and_vintages():
    old = snapshots.load_extract(data.AT_LETTER)
    new = snapshots.load_extract(data.LATEST)
    compared = arrivals.compare_vintages(old, new)
    assert compared.set_index("year").loc[2024, "eu27_new"] == 11827
    before = compared[compared["year"] < 2025]
    assert (before["eu27_change"] == 0).all()
    assert arrivals.row_changes(old, new)["year"].tolist() == [2025]
    nld = arrivals.arrivals(new, ["NLD"], [2015])
    assert pd.isna(nld.iloc[0])


def test_datafinder_matches_the_letter_vintage_for_its_years():
    finder = snapshots.load_extract(data.DATAFINDER)
    old = snapshots.load_extract(data.AT_LETTER)
    years = sorted(set(finder["year"].tolist()))
    assert arrivals.row_changes(old[old["year"].isin(years)], finder).empty


# --------------------------------------------------------------------------- Eurostat pick-up

# On-disk format of an extract (see factcheck.sources.eurostat): dimension columns as text, TIME_PERIOD,
# OBS_VALUE (empty when only a flag was sent), OBS_FLAG. Illustrative numbers, not Eurostat's.
EUROSTAT_RESETTLE = """freq,unit,citizen,sex,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG
A,PER,TOTAL,T,TOTAL,BG,2023,0,
A,PER,TOTAL,T,TOTAL,EU27_2020,2023,12480,
A,PER,TOTAL,T,TOTAL,EU27_2020,2024,11900,p
A,PER,TOTAL,M,TOTAL,EU27_2020,2024,6000,
A,PER,TOTAL,T,TOTAL,NL,2023,,c
A,PER,TOTAL,T,TOTAL,NL,2024,745,
A,PER,TOTAL,T,TOTAL,NL,2025,525,
"""
EUROSTAT_ID = "eurostat-migr-resettle-2026-03-01"


def _eurostat_raw(text=EUROSTAT_RESETTLE, source_id=EUROSTAT_ID):
    """The fixture as `eurostat.latest` returns an extract: text columns, OBS_VALUE float."""
    import io
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["OBS_VALUE"] = pd.to_numeric(frame["OBS_VALUE"].replace("", None)).astype("float64")
    frame.attrs["source_id"] = source_id
    return frame


def test_eurostat_arrivals_none_without_an_extract(monkeypatch):
    from factcheck.sources import eurostat
    asked = []
    monkeypatch.setattr(eurostat, "latest", lambda dataset, sources=None: asked.append(dataset))
    assert arrivals.eurostat_arrivals() is None
    assert asked == ["migr_resettle"]
    assert arrivals.compare_with_eurostat(pd.DataFrame({"year": [2024], "eu27": [1], "nld": [1]}), None) is None
    assert arrivals.eurostat_status(None).startswith("Eurostat migr_resettle: none registered")
    assert "the UNHCR figures are used" in arrivals.eurostat_status(None)


def test_eurostat_arrivals_uses_the_registered_extract(monkeypatch):
    from factcheck.sources import eurostat
    monkeypatch.setattr(eurostat, "latest",
                        lambda dataset, sources=None: _eurostat_raw() if dataset == "migr_resettle" else None)
    table = arrivals.eurostat_arrivals().set_index("year")
    assert list(table.index) == [2023, 2024, 2025]
    assert table.loc[2023, "eu27"] == 12480 and table.loc[2024, "eu27"] == 11900    # the sex M row is ignored
    assert pd.isna(table.loc[2023, "nld"]) and table.loc[2023, "nld_flag"] == "c"   # flag only: NA, not 0
    assert table.loc[2024, "eu27_flag"] == "p" and table.loc[2024, "nld"] == 745
    assert pd.isna(table.loc[2025, "eu27"])                                         # no cell: NA
    assert set(table["source_id"]) == {EUROSTAT_ID}
    assert arrivals.eurostat_source_id(table.reset_index()) == EUROSTAT_ID
    assert EUROSTAT_ID in arrivals.eurostat_status(table.reset_index())


def test_eurostat_arrivals_rejects_a_duplicated_cell():
    doubled = EUROSTAT_RESETTLE + "A,PER,TOTAL,T,TOTAL,NL,2024,750,\n"
    with pytest.raises(ValueError, match="geo NL in 2024"):
        arrivals.eurostat_arrivals_table(_eurostat_raw(doubled), EUROSTAT_ID)


def test_eurostat_arrivals_reads_the_refresh_fixture_shape():
    """The JSON-stat response the refresh downloads, parsed and read back as here."""
    import json
    from factcheck.sources import eurostat
    from factcheck.core.project import project as the_project
    payload = json.loads((the_project().root / "tests/fixtures/refresh/eurostat/migr_resettle.json").read_text())
    frame = eurostat.parse_jsonstat(payload, "migr_resettle")
    table = arrivals.eurostat_arrivals_table(frame, "x").set_index("year")
    assert table.loc[2024, "eu27"] == 13160 and table.loc[2023, "nld"] == 455     # BG is ignored
    assert list(table.columns) == ["eu27", "eu27_flag", "nld", "nld_flag", "source_id"]


def test_compare_with_eurostat_differences():
    unhcr = pd.DataFrame({"year": [2023, 2024, 2025], "eu27": pd.array([12478, 11827, 9443], dtype="Int64"),
                          "nld": pd.array([826, 748, 528], dtype="Int64")})
    table = arrivals.compare_with_eurostat(unhcr, arrivals.eurostat_arrivals_table(_eurostat_raw(), EUROSTAT_ID)).set_index("year")
    assert table.loc[2023, "eu27_difference"] == 2 and bool(table.loc[2023, "eu27_within_rounding"])
    assert table.loc[2024, "eu27_difference"] == 73 and not bool(table.loc[2024, "eu27_within_rounding"])
    assert table.loc[2024, "eu27_difference_pct"] == pytest.approx(0.6)
    assert table.loc[2024, "nld_difference"] == -3 and not bool(table.loc[2024, "nld_within_rounding"])
    assert pd.isna(table.loc[2023, "nld_difference"]) and pd.isna(table.loc[2025, "eu27_eurostat"])
    assert list(table.index) == [2023, 2024, 2025]                     # the Eurostat years only
    assert table.loc[2025, "nld_difference_pct"] == pytest.approx(-0.6)
    assert table.loc[2023, "nld_flag"] == "c" and table.loc[2024, "eu27_flag"] == "p"


def test_check_c05_adds_eurostat_context_and_basis():
    nl = pd.DataFrame({"year": list(range(1984, 2026)), "syria": 0, "other": 400, "total": 400})
    nl["total"] = nl["total"].astype("Int64")
    euro = arrivals.eurostat_arrivals_table(_eurostat_raw(), EUROSTAT_ID)
    plain = checks.check_c05(QUOTA, nl, 500, 1987, 2025)
    result = checks.check_c05(QUOTA, nl, 500, 1987, 2025, eurostat=euro)
    assert result.verdict == plain.verdict == "accurate-needs-context"
    # 2024: 745 - 2 > 500; 2025: 523 > 200; 2023 has only a flag. UNHCR (400) is above 200 in 2025 only.
    line = [c.en for c in result.context if c.en.startswith("Eurostat")]
    assert line == [f"Eurostat ({EUROSTAT_ID}) counts Dutch arrivals certainly above the highest quota figure "
                    f"in 2 of the 2 years with a Eurostat figure (2024-2025; UNHCR: 1 of 2 of those years with data)"]
    assert not any(c.en.startswith("Eurostat") for c in plain.context)
    assert result.rule_text.endswith(f"; basis: rests on the published quota figures; the arrivals in its context "
                                     f"are UNHCR's ({data.LATEST}) and Eurostat's ({EUROSTAT_ID})")
    assert EUROSTAT_ID in result.source_ids and "and Eurostat's" in result.why.en


def test_years_text():
    assert data.years_text([2017, 2015, 2016]) == "2015-2017"
    assert data.years_text([2015, 2023, 2025]) == "2015, 2023, 2025"
    assert data.years_text([2024]) == "2024"


def test_verdict_basis_names_the_series():
    for claim in ("C01", "C02", "C03", "C04", "C05"):
        without = checks.verdict_basis(claim)
        assert "no Eurostat migr_resettle extract registered" in without
        assert EUROSTAT_ID in checks.verdict_basis(claim, EUROSTAT_ID)
        assert "no Eurostat" not in checks.verdict_basis(claim, EUROSTAT_ID)
    assert "published pledge figures" in checks.verdict_basis("C02") and "UNHCR's, " in checks.verdict_basis("C02")
    assert "Projected Global Resettlement Needs" in checks.verdict_basis("C04")
    assert "UNHCR" not in checks.verdict_basis("C04").replace("UNHCR's published", "")
    with pytest.raises(KeyError):
        checks.verdict_basis("C06")

