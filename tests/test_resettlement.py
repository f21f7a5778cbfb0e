"""Tests for factcheck.resettlement: hand-made tables with known answers, then a few checks
on the real extracts and published tables."""
import math

import pandas as pd
import pytest

from factcheck import resettlement as r
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
    assert r.published_range(value, qualifier) == pytest.approx(expected)


def test_drop_share_and_change_are_ranges():
    assert r.drop_pct((61000, 61000), (10430, 10430)) == pytest.approx((82.9016, 82.9016), abs=1e-3)
    low, high = r.drop_pct((60960, 61000), (10430, 10430))
    assert low < high and low == pytest.approx(100 * (1 - 10430 / 60960))
    assert r.share_pct((10430, 10430), (2_450_000, 2_550_000)) == pytest.approx((0.40902, 0.42571), abs=1e-5)
    assert r.change_pct((2.4, 2.5), (2.9, 3.0)) == pytest.approx((16.0, 25.0))


def test_period_years_and_attribution():
    assert r.period_years("2024-2025") == (2024, 2025)
    assert r.period_years("2023") == (2023,)
    attributed = r.pledges_for_years([("2024-2025", (100, 120)), ("2026-2027", (20, 20))], [2025, 2026])
    assert attributed == pytest.approx((60, 70))
    assert r.pledges_for_years([("2024-2025", (100, 100))], [2026, 2027]) == (0, 0)


# --------------------------------------------------------------------------- needs

def test_pgrn_headline_prefers_the_edition_named_after_the_year():
    table = r.pgrn_table(PGRN)
    assert table["need_year"].tolist() == [2023, 2024, 2025, 2026]
    assert table["edition"].tolist() == [2023, 2024, 2025, 2026]
    row = table.set_index("need_year").loc[2025]
    assert row["change_pct"] == pytest.approx(100 * (2.9 / 2.4 - 1))
    assert (row["change_low"], row["change_high"]) == pytest.approx((16.0, 25.0))
    assert math.isnan(table.iloc[0]["change_pct"])


def test_pgrn_current_edition_and_matching():
    assert r.pgrn_current_edition(PGRN, "2026-02-02") == 2026
    assert r.pgrn_current_edition(PGRN, "2025-01-01") == 2025
    undated = PGRN.assign(released=["", "", "", "", ""])
    with pytest.raises(KeyError):
        r.pgrn_current_edition(undated, "2026-02-02")
    matching = r.pgrn_matching(PGRN, (2.7e6, 3.0e6))
    assert list(zip(matching["need_year"], matching["edition"])) == [(2025, 2025), (2025, 2026)]


def test_pgrn_reading_carries_the_published_value():
    reading = r.pgrn_reading(PGRN, 2025, 2026, "x")
    assert (reading.low, reading.high, reading.published) == pytest.approx((2.85e6, 2.95e6, 2.9e6))
    assert reading.kind == "primary"
    assert r.pgrn_editions_stating(PGRN, 2025, 2026) == [2026, 2025]
    assert r.pgrn_editions_stating(PGRN, 2025, 2025) == [2025]
    assert r.pgrn_editions_stating(PGRN, 2022, 2026) == []
    with pytest.raises(KeyError):
        r.pgrn_reading(PGRN, 2025, 2024, "x")


def test_check_c01_reads_the_named_year_in_the_current_edition():
    result = r.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2026-02-02")
    assessment = result["assessment"]
    assert assessment.verdict == "accurate-needs-context"
    assert assessment.reason.startswith("rule 2:")
    assert result["current_edition"] == result["primary_edition"] == 2026
    # the primary reading is the 2026 edition's restated 2025 figure, not its 2026 projection
    assert assessment.checked_value == pytest.approx(2.9e6)
    assert assessment.primary.published == 2.9e6 and "need in 2025" in assessment.primary.label
    kinds = {reading.kind: reading for reading in result["readings"]}
    assert kinds["earlier"].low == 2.9e6 and kinds["earlier"].high == pytest.approx(3.0e6)
    assert kinds["comparison"].published == 2.5e6
    # the 2026 fall is context, computed from the current edition's figures
    assert result["outlook"]["year"] == 2026
    assert result["outlook"]["change_pct"] == pytest.approx(100 * (2.5 / 2.9 - 1))
    assert result["outlook"]["change_range"] == pytest.approx((100 * (2.45 / 2.95 - 1), 100 * (2.55 / 2.85 - 1)))
    assert len(result["context"]) == 1 and "fall to 2.5 million for 2026" in result["context"][0]
    # sub-checks: the +20% (UNHCR's published change) and 'the highest in years'
    assert result["change"].verdict == "accurate"
    assert result["change_computed"] == pytest.approx((100 * (2.85 / 2.5 - 1), 100 * (2.95 / 2.4 - 1)))
    assert result["highest"] is True


def test_check_c01_before_the_new_edition_and_without_a_restatement():
    # before the 2026 edition came out: PGRN 2025's own figure, no later projection, no context
    early = r.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2025-01-01")
    assert early["assessment"].verdict == "accurate" and early["primary_edition"] == 2025
    assert early["context"] == [] and early["outlook"] is None
    assert "2026" not in early["assessment"].reason.split("checks:")[1]     # nothing published later is used
    # a current edition that does not restate 2025: the primary falls back to PGRN 2025
    no_restatement = PGRN[~((PGRN["need_year"] == 2025) & (PGRN["edition"] == 2026))]
    result = r.check_c01(no_restatement, 3e6, "almost", 2025, 20, date="2026-02-02")
    assert result["primary_edition"] == 2025 and result["current_edition"] == 2026
    assert result["assessment"].primary.low == 2.9e6
    assert result["assessment"].verdict == "accurate-needs-context"
    assert not any(reading.kind == "earlier" for reading in result["readings"])


def test_check_c01_can_fail():
    assert r.check_c01(PGRN, 4e6, "almost", 2025, 20)["assessment"].verdict == "overstated"
    # only the rounding range of the published 2.9 million reaches a band of 2.945-2.955 million
    assert r.check_c01(PGRN, 2.95e6, "", 2025, 20)["assessment"].verdict == "unverifiable"
    wrong_change = r.check_c01(PGRN, 3e6, "almost", 2025, 50)
    assert wrong_change["change"].verdict == "inaccurate" and "+50%: inaccurate" in wrong_change["assessment"].reason
    # a claimed year that is not the highest
    higher_2026 = PGRN.assign(value=PGRN["value"].where(PGRN["need_year"] != 2026, 3_100_000))
    assert r.check_c01(higher_2026, 3e6, "almost", 2025, 20)["highest"] is False
    # a year no edition states: no primary reading
    assert r.check_c01(PGRN, 3e6, "almost", 2030, 20)["assessment"].verdict == "unverifiable"


def test_c01_conclusions_follow_the_computed_values():
    en, nl = r.c01_conclusions(r.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2026-02-02"))
    assert "need for 2025" in en and "was 2.9 million in PGRN 2026" in en and "(PGRN 2025: over 2.9 million)" in en
    assert "+20% on 2024 as published by UNHCR with PGRN 2025" in en and "the highest need of 2023-2026" in en
    assert "fall to 2.5 million for 2026 (-13.8%)" in en
    assert "was 2,9 miljoen in PGRN 2026" in nl and "ruim 2,9 miljoen" in nl and "daling naar 2,5 miljoen" in nl
    assert "(-13,8%)" in nl
    en, nl = r.c01_conclusions(r.check_c01(PGRN, 3e6, "almost", 2025, 20, date="2025-01-01"))
    assert "was over 2.9 million in PGRN 2025" in en and "2.5 million" not in en and "2023-2025" in en
    higher_2026 = PGRN.assign(value=PGRN["value"].where(PGRN["need_year"] != 2026, 3_100_000))
    en, nl = r.c01_conclusions(r.check_c01(higher_2026, 3e6, "almost", 2025, 20))
    assert "not certainly the highest" in en and "rise to 3.1 million" in en and "stijging naar 3,1 miljoen" in nl
    en, _ = r.c01_conclusions(r.check_c01(PGRN, 3e6, "almost", 2030, 20))
    assert en.startswith("No PGRN figure")


# --------------------------------------------------------------------------- pledges

def test_count_named_and_pledging_states():
    assert r.count_named("Austria, Cyprus and Malta made no pledges") == 3
    assert r.count_named("A and B") == 2
    states = r.pledging_states(PLEDGES, "2024-2025", "pledged")
    assert states["states"].tolist() == [14, 14]
    later = r.pledging_states(PLEDGES, "2026-2027", "adopted")
    assert later["states"].tolist() == [27 - 18]


def test_pledge_range_prefers_exact_figures_and_combined_needs_both_parts():
    assert r.pledge_range(PLEDGES, "2024-2025", "pledged", "resettlement") == (30960, 31000)
    assert r.pledge_range(PLEDGES, "2024-2025", "pledged", "resettlement", exact_only=False) == \
        pytest.approx((27900, 34100))      # "around 31,000": within 10%
    assert r.pledge_range(PLEDGES, "2026-2027", "adopted", "resettlement") is None
    combined = r.combined_pledge(PLEDGES, "2024-2025")
    assert combined["source_id"].tolist() == ["a", "b"]
    assert combined["combined"].tolist() == [61000, 60960]


def test_disagreements_and_state_shares():
    found = r.disagreements(PLEDGES)
    assert set(zip(found["stage"], found["measure"])) == {("pledged", "resettlement"), ("proposed", "total")}
    shares = r.state_share_check(PLEDGES)
    row = shares.iloc[0]
    assert row["member"] == "DEU"
    assert (row["share_low"], row["share_high"]) == pytest.approx((100 * 13000 / 31000, 100 * 13000 / 30960))
    assert row["published_share"] == 19


def test_plan_period_applies_article_8():
    result = r.plan_period(PERIODS)
    assert result == {"stated": [(2026, 2027)], "by_article_8": [(2026, 2027)], "agree": True}
    wrong = PERIODS.assign(adopted_year=pd.array([None, None, 2026], dtype="Int64"))
    assert r.plan_period(wrong)["agree"] is False


def test_check_c02_definition_dependent_on_resettlement_only():
    result = r.check_c02(PLEDGES, 61000, "only", 14, "2024-2025")
    assert result["assessment"].verdict == "definition-dependent"
    assert (result["readings"][0].low, result["readings"][0].high) == (60960, 61000)


def test_check_c03_period_rule():
    wrong_period = r.check_c03(PLEDGES, PERIODS, 10430, "only", 83, "2025-2026")
    assert wrong_period["assessment"].verdict == "misleading"
    assert wrong_period["drop_assessment"].verdict == "accurate"
    assert wrong_period["readings"][0].low == pytest.approx(60960 / 2 + 10430 / 2)
    right_period = r.check_c03(PLEDGES, PERIODS, 10430, "only", 83, "2026-2027")
    assert right_period["assessment"].verdict == "accurate"
    assert wrong_period["sensitivity"].verdict == "accurate-needs-context"


def test_share_readings_and_check_c04():
    table = r.share_readings((10430, 10430), 2, {"n": (2_450_000, 2_550_000)})
    assert table["basis"].tolist()[0].startswith("2-year pledge / one")
    assert table.iloc[1]["share_low"] == pytest.approx(100 * 5215 / 2_550_000)
    result = r.check_c04(PLEDGES, PGRN, 0.4, "only", date="2026-02-02")
    assert result["assessment"].verdict == "misleading"
    assert result["assessment"].checked_value == pytest.approx(0.2087, abs=1e-4)


# --------------------------------------------------------------------------- arrivals

def test_eu_members_by_year():
    assert "GBR" in r.eu_members(2019) and "GBR" not in r.eu_members(2020)
    assert "HRV" not in r.eu_members(2012) and "HRV" in r.eu_members(2013)
    assert len(r.eu_members(2015)) == 28 and len(r.eu_members(2021)) == 27


def test_arrivals_missing_year_is_na_not_zero():
    nld = r.arrivals(SOLUTIONS, ["NLD"], [2014, 2015, 2016])
    assert nld.iloc[0] == 150 and pd.isna(nld.iloc[1]) and nld.iloc[2] == 600
    assert r.arrivals(SOLUTIONS, r.EU27, [2014]).iloc[0] == 1150
    assert r.arrivals(SOLUTIONS, ["NLD"], [2014], origin="SYR").iloc[0] == 100
    table = r.arrivals_table(SOLUTIONS, years=(2014, 2016))
    assert table.set_index("year").loc[2014, "eu_as_then"] == 1157


def test_nl_arrivals_by_origin():
    table = r.nl_arrivals_by_origin(SOLUTIONS, [2014, 2015, 2016]).set_index("year")
    assert table.loc[2014, "syria"] == 100 and table.loc[2014, "other"] == 50
    assert pd.isna(table.loc[2015, "total"]) and pd.isna(table.loc[2015, "syria"])
    assert table.loc[2016, "other"] == 0


def test_reconcile_reports_difference_and_range():
    published = pd.DataFrame({"scope": ["EU27", "EU+", "NLD-SYR"], "first_year": [2014, 2016, 2014],
                              "last_year": [2014, 2016, 2016], "value": [1160.0, 2700.0, 700.0],
                              "qualifier": ["", "almost", ""], "wording": ["w"] * 3, "source_id": ["s"] * 3})
    table = r.reconcile(published, SOLUTIONS)
    assert table["computed"].tolist() == [1150, 2640, 700]
    assert table["difference"].tolist() == [-10, -60, 0]
    assert table["in_range"].tolist() == [False, True, True]


def test_row_changes_and_vintage_comparison():
    new = solutions_frame([
        (2014, "SYR", "NLD", 100), (2014, "ERI", "NLD", 55), (2014, "SYR", "DEU", 1000), (2014, "SYR", "GBR", 7),
        (2016, "SYR", "NLD", 600), (2016, "SYR", "DEU", 2000), (2016, "IRQ", "DEU", 10)])
    changes = r.row_changes(SOLUTIONS, new)
    assert changes.to_dict("records") == [{"year": 2014, "added": 0, "removed": 0, "changed": 1},
                                          {"year": 2016, "added": 1, "removed": 1, "changed": 0}]
    compared = r.compare_vintages(SOLUTIONS, new, years=(2014, 2016)).set_index("year")
    assert compared.loc[2014, "nld_change"] == 5 and compared.loc[2016, "eu27_change"] == 10


# --------------------------------------------------------------------------- quota

QUOTA = pd.DataFrame({"first_year": [1984, 1987, 1999, 2016, 2016, 2020, 2025],
                      "last_year": [1986, 2015, 1999, 2019, 2019, 2024, 2025],
                      "quota_per_year": [250.0, 500, 300, 750, 500, 500, 200],
                      "kind": ["national-quota", "national-quota", "above-quota", "national-quota",
                               "national-quota", "national-quota", "national-quota"],
                      "wording": ["w"] * 7, "source_id": ["a", "b", "c", "d", "e", "f", "g"]})


def test_annual_quota_keeps_disagreement_and_ignores_above_quota_room():
    annual = r.annual_quota(QUOTA, 1983, 2026).set_index("year")
    assert math.isnan(annual.loc[1983, "quota_low"]) and math.isnan(annual.loc[2026, "quota_low"])
    assert annual.loc[1999, "quota_low"] == annual.loc[1999, "quota_high"] == 500
    assert (annual.loc[2017, "quota_low"], annual.loc[2017, "quota_high"]) == (500, 750)
    assert annual.loc[2017, "source_id"] == "d;e"
    summary = r.quota_summary(annual.reset_index(), 500, 1987, 2025)
    assert summary["years"] == 39 and summary["years_certain"] == 34 and summary["years_possible"] == 38
    assert summary["disputed_years"] == [2016, 2017, 2018, 2019]


def test_check_c05_needs_context():
    annual = r.annual_quota(QUOTA, 1984, 2025)
    nl = pd.DataFrame({"year": list(range(1984, 2026)), "syria": 0, "other": 400, "total": 400})
    nl["total"] = nl["total"].astype("Int64")
    result = r.check_c05(annual, nl, 500, 1987, 2025)
    assert result["assessment"].verdict == "accurate-needs-context"
    assert any("2025 (200)" in item for item in result["context"])
    cut = r.latest_quota(QUOTA)
    assert (cut["quota_per_year"], cut["first_year"], cut["source_id"]) == (200, 2025, "g")
    lower = QUOTA.assign(quota_per_year=[250.0, 250, 300, 750, 500, 500, 200])   # 500 only since 2016
    assert r.check_c05(r.annual_quota(lower, 1984, 2025), nl, 500, 1987, 2025)["assessment"].verdict == "overstated"
    unknown = QUOTA[QUOTA["first_year"] >= 2016]     # no source before 2016: the median cannot be pinned down
    summary = r.quota_summary(r.annual_quota(unknown, 1987, 2025), 500, 1987, 2025)
    assert summary["years_documented"] == 10
    assert (summary["median_low"], summary["median_high"]) == (0, math.inf)


def test_with_notes_keeps_the_verdict():
    from factcheck.rules import Reading, assess
    base = assess((13.5, 14.5), [Reading("p", 14, 14)])
    noted = r.with_notes(base, ["one", ""])
    assert noted.verdict == base.verdict and noted.primary == base.primary
    assert noted.reason.endswith("; checks: one")
    assert r.with_notes(base, []) is base


# --------------------------------------------------------------------------- the real data

def test_published_tables_load_with_their_schemas():
    assert len(r.load_pgrn()) >= 6
    pledges = r.load_pledges()
    assert set(pledges["stage"]) <= set(r.PLEDGE_STAGES)
    assert r.plan_period(r.load_plan_period())["stated"] == [(2026, 2027)]
    named = pledges[pledges["measure"] == "states-without-pledge"]
    for row in named.itertuples(index=False):
        if row.wording.endswith(" made no pledges"):
            assert r.count_named(row.wording) == row.value
    assert len(r.load_quota()) >= 5 and len(r.load_published_arrivals()) >= 5


def test_real_extracts_eu27_2024_and_vintages():
    old = snapshots.load_extract(r.AT_LETTER)
    new = snapshots.load_extract(r.LATEST)
    compared = r.compare_vintages(old, new)
    assert compared.set_index("year").loc[2024, "eu27_new"] == 11827
    before = compared[compared["year"] < 2025]
    assert (before["eu27_change"] == 0).all()
    assert r.row_changes(old, new)["year"].tolist() == [2025]
    nld = r.arrivals(new, ["NLD"], [2015])
    assert pd.isna(nld.iloc[0])


def test_datafinder_matches_the_letter_vintage_for_its_years():
    finder = snapshots.load_extract(r.DATAFINDER)
    old = snapshots.load_extract(r.AT_LETTER)
    years = sorted(set(finder["year"].tolist()))
    assert r.row_changes(old[old["year"].isin(years)], finder).empty


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
    assert r.eurostat_arrivals() is None
    assert asked == ["migr_resettle"]
    assert r.compare_with_eurostat(pd.DataFrame({"year": [2024], "eu27": [1], "nld": [1]}), None) is None
    assert r.eurostat_status(None).startswith("Eurostat migr_resettle: none registered")
    assert "the UNHCR figures are used" in r.eurostat_status(None)


def test_eurostat_arrivals_uses_the_registered_extract(monkeypatch):
    from factcheck.sources import eurostat
    monkeypatch.setattr(eurostat, "latest",
                        lambda dataset, sources=None: _eurostat_raw() if dataset == "migr_resettle" else None)
    table = r.eurostat_arrivals().set_index("year")
    assert list(table.index) == [2023, 2024, 2025]
    assert table.loc[2023, "eu27"] == 12480 and table.loc[2024, "eu27"] == 11900    # the sex M row is ignored
    assert pd.isna(table.loc[2023, "nld"]) and table.loc[2023, "nld_flag"] == "c"   # flag only: NA, not 0
    assert table.loc[2024, "eu27_flag"] == "p" and table.loc[2024, "nld"] == 745
    assert pd.isna(table.loc[2025, "eu27"])                                         # no cell: NA
    assert set(table["source_id"]) == {EUROSTAT_ID}
    assert r.eurostat_source_id(table.reset_index()) == EUROSTAT_ID
    assert EUROSTAT_ID in r.eurostat_status(table.reset_index())


def test_eurostat_arrivals_rejects_a_duplicated_cell():
    doubled = EUROSTAT_RESETTLE + "A,PER,TOTAL,T,TOTAL,NL,2024,750,\n"
    with pytest.raises(ValueError, match="geo NL in 2024"):
        r.eurostat_arrivals_table(_eurostat_raw(doubled), EUROSTAT_ID)


def test_eurostat_arrivals_reads_the_refresh_fixture_shape():
    """The JSON-stat response the refresh downloads, parsed and read back as here."""
    import json
    from factcheck.sources import eurostat
    from factcheck.core.project import project as the_project
    payload = json.loads((the_project().root / "tests/fixtures/refresh/eurostat/migr_resettle.json").read_text())
    frame = eurostat.parse_jsonstat(payload, "migr_resettle")
    table = r.eurostat_arrivals_table(frame, "x").set_index("year")
    assert table.loc[2024, "eu27"] == 13160 and table.loc[2023, "nld"] == 455     # BG is ignored
    assert list(table.columns) == ["eu27", "eu27_flag", "nld", "nld_flag", "source_id"]


def test_compare_with_eurostat_differences():
    unhcr = pd.DataFrame({"year": [2023, 2024, 2025], "eu27": pd.array([12478, 11827, 9443], dtype="Int64"),
                          "nld": pd.array([826, 748, 528], dtype="Int64")})
    table = r.compare_with_eurostat(unhcr, r.eurostat_arrivals_table(_eurostat_raw(), EUROSTAT_ID)).set_index("year")
    assert table.loc[2023, "eu27_difference"] == 2 and bool(table.loc[2023, "eu27_within_rounding"])
    assert table.loc[2024, "eu27_difference"] == 73 and not bool(table.loc[2024, "eu27_within_rounding"])
    assert table.loc[2024, "eu27_difference_pct"] == pytest.approx(0.6)
    assert table.loc[2024, "nld_difference"] == -3 and not bool(table.loc[2024, "nld_within_rounding"])
    assert pd.isna(table.loc[2023, "nld_difference"]) and pd.isna(table.loc[2025, "eu27_eurostat"])
    assert list(table.index) == [2023, 2024, 2025]                     # the Eurostat years only
    assert table.loc[2025, "nld_difference_pct"] == pytest.approx(-0.6)
    assert table.loc[2023, "nld_flag"] == "c" and table.loc[2024, "eu27_flag"] == "p"


def test_check_c05_adds_eurostat_context_and_basis():
    annual = r.annual_quota(QUOTA, 1984, 2025)
    nl = pd.DataFrame({"year": list(range(1984, 2026)), "syria": 0, "other": 400, "total": 400})
    nl["total"] = nl["total"].astype("Int64")
    euro = r.eurostat_arrivals_table(_eurostat_raw(), EUROSTAT_ID)
    plain = r.check_c05(annual, nl, 500, 1987, 2025)
    result = r.check_c05(annual, nl, 500, 1987, 2025, eurostat=euro)
    assert result["assessment"].verdict == plain["assessment"].verdict == "accurate-needs-context"
    # 2024: 745 - 2 > 500; 2025: 523 > 200; 2023 has only a flag. UNHCR (400) is above 200 in 2025 only.
    line = [c for c in result["context"] if c.startswith("Eurostat")]
    assert line == [f"Eurostat ({EUROSTAT_ID}) counts Dutch arrivals certainly above the highest quota figure "
                    f"in 2 of the 2 years with a Eurostat figure (2024-2025; UNHCR: 1 of 2 of those years with data)"]
    assert not any(c.startswith("Eurostat") for c in plain["context"])
    based = r.with_basis(result["assessment"], r.verdict_basis("C05", EUROSTAT_ID))
    assert based.verdict == result["assessment"].verdict and based.primary == result["assessment"].primary
    assert based.reason.endswith(f"; basis: rests on the published quota figures; the arrivals in its context "
                                 f"are UNHCR's ({r.LATEST}) and Eurostat's ({EUROSTAT_ID})")


def test_years_text():
    assert r.years_text([2017, 2015, 2016]) == "2015-2017"
    assert r.years_text([2015, 2023, 2025]) == "2015, 2023, 2025"
    assert r.years_text([2024]) == "2024"


def test_verdict_basis_names_the_series():
    for claim in ("C01", "C02", "C03", "C04", "C05"):
        without = r.verdict_basis(claim)
        assert "no Eurostat migr_resettle extract registered" in without
        assert EUROSTAT_ID in r.verdict_basis(claim, EUROSTAT_ID)
        assert "no Eurostat" not in r.verdict_basis(claim, EUROSTAT_ID)
    assert "published pledge figures" in r.verdict_basis("C02") and "UNHCR's, " in r.verdict_basis("C02")
    assert "Projected Global Resettlement Needs" in r.verdict_basis("C04")
    assert "UNHCR" not in r.verdict_basis("C04").replace("UNHCR's published", "")
    with pytest.raises(KeyError):
        r.verdict_basis("C06")

