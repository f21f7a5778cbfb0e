"""Tests for factcheck.topics.national_policy.hosting (claim C20): hand-made UNHCR and World Bank tables with
known ranks, checks on the committed extracts, and a counterfactual C20."""
import pandas as pd
import pytest

from factcheck.rules.judge import judge_examples
from factcheck.topics.national_policy import checks, hosting
from factcheck.sources import snapshots


def _population():
    rows = [  # year, origin, asylum, refugees, oip
        (2025, "SYR", "AAA", 100, 0), (2025, "AFG", "AAA", 50, None),
        (2025, "SYR", "BBB", 120, 0), (2025, "VEN", "CCC", 10, 200),
        (2025, "SDN", "DDD", 30, 0), (2024, "SYR", "AAA", 999, 0)]
    return pd.DataFrame([{"year": y, "coo_iso": o, "coo_name": o, "coa_iso": a, "coa_name": f"Country {a}",
                          "refugees": r, "asylum_seekers": 0, "oip": oip} for y, o, a, r, oip in rows]) \
        .astype({"refugees": "Int64", "oip": "Int64"})


def _unrwa():
    return pd.DataFrame([
        {"year": 2025, "coo_iso": "PSE", "coo_name": "Palestinian", "coa_iso": "DDD", "coa_name": "Country DDD", "total": 300},
        {"year": 2025, "coo_iso": "PSE", "coo_name": "Palestinian", "coa_iso": "UNK", "coa_name": "Unknown", "total": 40},
        {"year": 2025, "coo_iso": "PSE", "coo_name": "Palestinian", "coa_iso": "EEE", "coa_name": "Country EEE", "total": 5},
    ]).astype({"total": "Int64"})


def _wb():
    return pd.DataFrame([{"country_name": c, "iso3": c, "year": y, "value": v}
                         for c, v in (("AAA", 1000.0), ("BBB", 100.0), ("CCC", 10000.0), ("DDD", 2000.0))
                         for y in (2023, 2024)])


def test_host_counts_sum_origins_and_keep_unrwa_apart():
    counts = hosting.host_counts(_population(), _unrwa(), 2025)
    assert counts.loc["AAA", "refugees"] == 150 and counts.loc["AAA", "oip"] == 0
    assert counts.loc["CCC", "oip"] == 200
    assert counts.loc["DDD", "unrwa"] == 300 and counts.loc["EEE", "unrwa"] == 5
    assert "UNK" not in counts.index
    assert counts.loc["EEE", "name"] == "Country EEE"
    assert hosting.unassigned_unrwa(_unrwa(), 2025) == 40
    with pytest.raises(ValueError):
        hosting.host_counts(_population(), _unrwa(), 2019)


def test_population_year_falls_back_to_latest_available():
    assert hosting.population_year(2025, _wb()) == 2024
    assert hosting.population_year(2023, _wb()) == 2023
    with pytest.raises(ValueError):
        hosting.population_year(2000, _wb())


def test_host_table_ranks_by_definition_and_per_inhabitant():
    table = hosting.host_table(_population(), _unrwa(), _wb(), 2025)
    # refugees only: AAA 150, BBB 120, DDD 30, CCC 10
    assert table.loc["AAA", "rank_total:refugees"] == 1 and table.loc["CCC", "rank_total:refugees"] == 4
    # + oip: CCC 210 first
    assert table.loc["CCC", "rank_total:refugees+oip"] == 1
    # + UNRWA: DDD 330 first, EEE ranked by total but has no population
    assert table.loc["DDD", "rank_total:refugees+oip+unrwa"] == 1
    assert table.loc["EEE", "rank_total:refugees+oip+unrwa"] == 5
    assert pd.isna(table.loc["EEE", "rank_per_1000:refugees+oip+unrwa"])
    # per 1,000: BBB 1200, AAA 150, DDD 15, CCC 1
    assert table.loc["BBB", "rank_per_1000:refugees"] == 1
    assert table.loc["BBB", "per_1000:refugees"] == pytest.approx(1200)
    assert (table["population_year"] == 2024).all()
    # a country with zero under a definition gets no rank
    assert pd.isna(table.loc["EEE", "rank_total:refugees"])


def test_rank_desc_ties_share_the_best_rank():
    assert list(hosting.rank_desc(pd.Series([5.0, 9.0, 9.0, None]))) == [3, 1, 1, pd.NA]


def _ranks(best_total, best_pc, iso="KEN"):
    return pd.DataFrame([{"year": 2025, "coa_iso": iso, "name": iso, "definition": d, "total": 1,
                          "rank_total": t, "per_1000": 1.0, "rank_per_1000": p, "hosts_ranked": 170}
                         for d, t, p in zip(hosting.DEFINITIONS, best_total, best_pc)])


def test_check_tiers_span_of_reasonable_cut_offs():
    """S6: a cut-off span fixed before the ranks are read, from the top 10 to the top quarter of the hosts
    ranked (170 here: 42). An example is 'narrowest' inside the top 10 in every row, 'between' inside the
    widest only, 'outside' beyond it in some row; only 'outside' is a finding against the letter."""
    pak = _ranks([3, 5, 9], [60, 70, 80], "PAK")
    lbn = _ranks([30, 30, 30], [1, 2, 3], "LBN")
    ken = _ranks([12, 16, 19], [41, 51, 53], "KEN")
    tiers = hosting.check_tiers(pd.concat([pak, lbn, ken]), "v")
    assert tiers.widest == 42 and tiers.narrowest == 10 and tiers.hosts == 170
    assert list(tiers.status["tier"]) == ["narrowest", "narrowest", "between"]
    assert tiers.all_admit is True
    assert [(r.coa_iso, r.rank_total_range, r.rank_per_1000_range) for r in tiers.rows("between")] == [
        ("KEN", "12-19", "41-53")]
    assert "outside the widest: none" in tiers.evidence and "but not the top 10: KEN" in tiers.evidence
    # one row beyond the top quarter on both measures is enough to be outside
    far = _ranks([12, 16, 43], [41, 51, 60], "KEN")
    tiers = hosting.check_tiers(pd.concat([pak, far]), "v")
    assert tiers.all_admit is False and [r.coa_iso for r in tiers.rows("outside")] == ["KEN"]
    # a single rank is shown without a range
    single = hosting.check_tiers(_ranks([5, 5, 5], [1, 1, 1], "PAK"))
    assert single.status["rank_total_range"].iloc[0] == "5" and "PAK ranks 5 by number and 1 per inhabitant" in single.evidence


def test_s6_no_cut_off_is_chosen_after_the_fact():
    """The standard S6 test: an example outside UNHCR's top 10 but inside the widest reasonable tier is no
    finding against the letter (accurate); if the top 10 were applied as the cut-off (as before the
    standards), the same ranks would make the list misleading. Only outside the widest does it become so."""
    ranks = pd.concat([_ranks([3, 5, 9], [60, 70, 80], "PAK"), _ranks([12, 16, 19], [41, 51, 53], "KEN")])
    tiers = hosting.check_tiers(ranks)
    assert judge_examples(tiers.all_admit, tiers.evidence).verdict == "accurate"
    top10_only = hosting.check_tiers(ranks, widest_share=10 / 170)
    assert top10_only.widest == 10
    assert judge_examples(top10_only.all_admit, top10_only.evidence).verdict == "misleading"


def test_ranked_above_and_unrwa_by_host():
    table = hosting.host_table(_population(), _unrwa(), _wb(), 2025)
    # per 1,000, refugees only: BBB 1200, AAA 150, DDD 15, CCC 1
    assert hosting.ranked_above(table, "DDD", "per_1000", "refugees") == ["Country BBB", "Country AAA"]
    assert hosting.ranked_above(table, "BBB", "per_1000", "refugees") == []
    by_host = hosting.unrwa_by_host(_unrwa(), (2024, 2025))
    assert list(by_host.columns) == [2024, 2025]
    assert by_host.at["UNK", 2025] == 40 and by_host.at["DDD", 2024] == 0
    assert list(by_host.index) == ["DDD", "EEE", "UNK"]


def test_ranked_chart_data_appends_named_countries_below_the_cut():
    table = hosting.host_table(_population(), _unrwa(), _wb(), 2025)
    data = hosting.ranked_chart_data(table, "total", "refugees", n=2, named=("CCC",))
    assert list(data["coa_iso"]) == ["AAA", "BBB", "CCC"]
    assert list(data["shown_below_cut"]) == [False, False, True]
    with pytest.raises(ValueError):
        hosting.ranked_chart_data(table, "share")


def test_real_extracts_pakistan_top_ten_kenya_outside():
    population = snapshots.load_extract("unhcr-population-2025.12.1")
    unrwa = snapshots.load_extract("unhcr-unrwa-2025.12.1")
    wb = snapshots.load_extract("worldbank-population")
    table = hosting.host_table(population, unrwa, wb, 2025)
    assert table["population_year"].iloc[0] == 2024
    assert table.loc["PAK", "rank_total:refugees+oip+unrwa"] <= 10
    assert table.loc["LBN", "rank_per_1000:refugees+oip+unrwa"] <= 3
    assert table.loc["KEN", "rank_total:refugees+oip+unrwa"] > 10
    # UNRWA refugees are only in Jordan, Lebanon, Syria and the State of Palestine
    assert set(table.index[table["unrwa"] > 0]) == {"JOR", "LBN", "SYR", "PSE"}
    # per inhabitant, Lebanon comes after the State of Palestine and Jordan only when UNRWA refugees count
    assert hosting.ranked_above(table, "LBN", "per_1000", "refugees+oip+unrwa") == ["State of Palestine", "Jordan"]
    assert table.loc["LBN", "rank_per_1000:refugees"] == 1
    # 2025.12.1 books part of the 2025 UNRWA refugees to an unknown host
    by_host = hosting.unrwa_by_host(unrwa, (2024, 2025))
    assert by_host.at["UNK", 2025] == hosting.unassigned_unrwa(unrwa, 2025) > 0
    assert by_host.at["LBN", 2025] < by_host.at["LBN", 2024]


def test_real_extracts_c20_every_example_inside_the_widest_tier():
    population = snapshots.load_extract("unhcr-population-2025.06.0")
    unrwa = snapshots.load_extract("unhcr-unrwa-2025.06.0")
    wb = snapshots.load_extract("worldbank-population")
    ranks = pd.concat([hosting.named_ranks(hosting.host_table(population, unrwa, wb, year)) for year in (2024, 2025)])
    tiers = hosting.check_tiers(ranks, "2025.06.0")
    assert tiers.all_admit is True
    assert [(r.name, r.rank_total_range, r.rank_per_1000_range) for r in tiers.rows("between")] == [
        ("Kenya", "13-19", "41-53")]


def _hosts(scale_kenya=1.0):
    """{(vintage, year): host_table} from the committed extracts, Kenya's refugees multiplied by `scale_kenya`."""
    wb = snapshots.load_extract("worldbank-population")
    hosts = {}
    for vintage in hosting.VINTAGES:
        population = snapshots.load_extract(f"unhcr-population-{vintage}").copy()
        kenya = population["coa_iso"] == "KEN"
        population.loc[kenya, "refugees"] = (population.loc[kenya, "refugees"].astype("float64") * scale_kenya) \
            .round().astype("Int64")
        unrwa = snapshots.load_extract(f"unhcr-unrwa-{vintage}")
        for year in hosting.YEARS:
            hosts[(vintage, year)] = hosting.host_table(population, unrwa, wb, year)
    return hosts


def _register():
    from factcheck.core import registers
    return registers.load_sources()


def test_c20_counterfactual_kenya_far_down_flips_every_sentence():
    """With a hundredth of Kenya's refugees Kenya is outside even the widest reasonable tier (the top
    quarter) by number and per inhabitant: the list holds for only part of its examples, the verdict moves
    from accurate to misleading, and the conclusion and why-text follow in both languages, naming Kenya.
    A sentence typed by hand would not change."""
    now, then = checks.check_c20(_hosts(), _register()), checks.check_c20(_hosts(0.01), _register())
    assert now.verdict == "accurate" and then.verdict == "misleading"
    for field in ("conclusion", "why"):
        for lang in ("en", "nl"):
            assert getattr(then, field)[lang] != getattr(now, field)[lang], (field, lang)
    kenya = hosting.check_tiers(hosting.vintage_ranks(_hosts(0.01)).query("vintage == '2025.06.0'")).status \
        .set_index("coa_iso").loc["KEN"]
    assert kenya["tier"] == "outside"
    assert f"Kenya (rank {kenya['rank_total_range']} by number" in then.conclusion.en
    assert "But Kenya is outside even the widest" in then.conclusion.en
    assert "Maar Kenia valt zelfs buiten" in then.conclusion.nl
    assert then.label.en in then.why.en and then.label.nl in then.why.nl


def test_c20_rests_on_the_release_public_on_the_letters_date():
    """S3: the verdict rests on UNHCR 2025.06.0 (published 2025-11-10); 2025.12.1 (2026-06-25) is rated
    beside as 'since then' and does not decide."""
    check = checks.check_c20(_hosts(), _register())
    assert check.conclusion.en.startswith("All 3 examples host many refugees in 2024-2025: Lebanon (rank 10-15 by number")
    assert "Kenya (rank 13-19 by number, 41-53 per inhabitant)" in check.conclusion.en
    assert "Kenia (plaats 13-19 naar aantal, 41-53 per inwoner)" in check.conclusion.nl
    assert "UNHCR 2025.06.0" in check.assessment.detail
    assert check.since is not None and "UNHCR 2025.12.1" in check.since.detail
    assert {r.vintage_date for r in check.since_then()} == {"2026-06-25"}
    assert "Since then (UNHCR 2025.12.1, published after the letter; S3)" in check.why.en
    assert check.situation_ids == ("no-cut-off-all-admit",)
