"""The solidarity-pool key and the C11-C13 readings: hand-made inputs with known answers,
then a few checks on the committed extracts and published tables."""
import io
from dataclasses import replace

import pandas as pd
import pytest

from factcheck.sources import eurostat, snapshots
from factcheck.core.registers import load_claims
from factcheck.topics.solidarity import checks, compare, data, key as refkey
from factcheck.topics.solidarity.settings import DATA_YEARS, DEFENSIBLE_YEARS, Inputs, Settings
from factcheck.core.errors import InputError
from factcheck.rules import claim_band
from factcheck.rules.standards import SITUATIONS


def frame(rows):
    return pd.DataFrame(rows, columns=["iso3", "country", "population", "gdp"])


# --- the reference key (Annex I) ------------------------------------------------------------------

def test_key_is_half_population_share_plus_half_gdp_share():
    key = refkey.reference_key(frame([("AAA", "A", 300.0, 100.0), ("BBB", "B", 100.0, 300.0)]))
    shares = dict(zip(key["iso3"], key["key"]))
    assert shares["AAA"] == pytest.approx(0.5 * 0.75 + 0.5 * 0.25)
    assert shares["BBB"] == pytest.approx(0.5)


def test_key_with_three_states_known_answer_and_sum_one():
    key = refkey.reference_key(frame([("AAA", "A", 50.0, 20.0), ("BBB", "B", 30.0, 30.0),
                                          ("CCC", "C", 20.0, 50.0)]))
    shares = dict(zip(key["iso3"], key["key"]))
    assert shares == pytest.approx({"AAA": 0.35, "BBB": 0.30, "CCC": 0.35})
    assert key["key"].sum() == pytest.approx(1.0)
    assert list(key["iso3"]) == ["AAA", "CCC", "BBB"]      # largest first, ties by code


def test_key_does_not_depend_on_the_currency_of_gdp():
    """A single exchange rate multiplies every GDP by one factor: the shares do not move."""
    base = frame([("AAA", "A", 50.0, 20.0), ("BBB", "B", 30.0, 33.0), ("CCC", "C", 20.0, 47.0)])
    in_other_currency = base.assign(gdp=base["gdp"] * 1.0813)
    assert refkey.reference_key(base)["key"].tolist() == \
        pytest.approx(refkey.reference_key(in_other_currency)["key"].tolist())


def test_key_rejects_empty_or_non_positive_inputs():
    with pytest.raises(ValueError):
        refkey.reference_key(frame([]))
    with pytest.raises(ValueError):
        refkey.reference_key(frame([("AAA", "A", 0.0, 10.0), ("BBB", "B", 5.0, 10.0)]))


def test_conversion_sensitivity_moves_the_share_the_right_way():
    inputs = frame([("NLD", "N", 10.0, 10.0), ("BBB", "B", 90.0, 90.0)])
    result = refkey.conversion_sensitivity(inputs, shift=0.10)
    assert result["base"] == pytest.approx(0.10)
    assert result["others_up"] < result["base"] < result["others_down"]
    assert result["others_up"] == pytest.approx(0.5 * 0.1 + 0.5 * 10 / (10 + 99))


def long(values, year):
    return pd.DataFrame([{"country_name": f"C-{iso}", "iso3": iso, "year": year, "value": v}
                         for iso, v in values.items()])


def test_key_inputs_names_the_country_without_data():
    population = long({"AAA": 1.0, "BBB": 2.0}, 2024)
    gdp = long({"AAA": 1.0}, 2023)
    with pytest.raises(InputError, match="no gdp for BBB in 2023"):
        refkey.key_inputs(population, gdp, ("AAA", "BBB"), 2024, 2023)
    with pytest.raises(InputError, match="no population for AAA in 2022"):
        refkey.key_inputs(population, gdp, ("AAA",), 2022, 2023)


# --- groups, pools and the claims on synthetic inputs ------------------------------------------------

UNDER = data.UNDER_PRESSURE


def classification(nl_category=data.AT_RISK):
    rows = [(iso, name, UNDER) for iso, name in (("CYP", "Cyprus"), ("GRC", "Greece"), ("ITA", "Italy"),
                                                 ("ESP", "Spain"))]
    if nl_category:
        rows.append(("NLD", "Netherlands", nl_category))
    table = pd.DataFrame(rows, columns=["iso3", "country_en", "category"])
    return table.assign(decision="Decision X", period="P", source_id="s")


DATES = {"council-pr-2025-12-08-solidarity-pool": "2025-12-08",
         "bta-2025-11-11-commission-annual-report": "2025-11-11"}
PARTICIPATION = pd.DataFrame([{"iso3": "DNK", "country_en": "Denmark", "in_solidarity_mechanism": "no",
                               "source_id": "s"}])


def test_group_members():
    members = {g: refkey.group_members(g, PARTICIPATION, classification()) for g in refkey.GROUPS}
    assert len(members["eu-27"]) == 27
    assert members["ammr-26"] == tuple(i for i in snapshots.EU27 if i != "DNK")
    assert set(snapshots.EU27) - set(members["contributors-23"]) == {"CYP", "GRC", "ITA", "ESP"}
    assert len(members["contributors-22"]) == 22
    with pytest.raises(ValueError):
        refkey.group_members("eu-28", PARTICIPATION, classification())


LETTER_PAYS = f"De partijen geven aan dat Nederland het solidariteitsmechanisme {data.PAY_INSTEAD_WORDS}."


def synthetic_inputs(nl_category=data.AT_RISK, letter=LETTER_PAYS):
    """Every Member State equal (population 10, GDP 10): over EU-26 each key is 1/26. `letter`: the
    letter's text (by default it says the share can be paid instead, as the real letter does)."""
    values = {iso: 10.0 for iso in snapshots.EU27}
    population = pd.concat([long(values, y) for y in (2024, 2023, 2022)], ignore_index=True)
    gdp = pd.concat([long(values, y) for y in (2023, 2022)], ignore_index=True)
    pools = pd.DataFrame([
        {"pool_id": "legal-minimum", "label_en": "min", "label_nl": "min", "year": pd.NA, "relocations": 26000,
         "eur": 520000000, "source_id": "s"},
        {"pool_id": "council-2026", "label_en": "2026", "label_nl": "2026", "year": 2026, "relocations": 28600,
         "eur": 572000000, "source_id": "s"}]).astype({"year": "Int64"})
    figures = pd.DataFrame([{"figure_id": "first-cycle-year", "value": 2026.0, "date": "2026-06-12",
                             "source_id": "council-pr-2025-12-08-solidarity-pool"}]).set_index(
        "figure_id")
    return Inputs(population, gdp, pools, figures, PARTICIPATION, classification(nl_category), dates=DATES,
                  letter=letter)


QUOTE = "(ongeveer 1100 in 2025 - voorzien is een gemiddeld aantal van ongeveer 1600 mensen per jaar)"


def claim(value, period, qualifier="about", claim_id="", quote=QUOTE):
    return pd.Series({"claimed_value": value, "qualifier": qualifier, "period": period,
                      "claimed_text": f"ongeveer {value}", "claim_id": claim_id, "quote_nl": quote,
                      "fragment_nl": f"ongeveer {value}"})


def test_indicative_share_and_price_per_relocation():
    pool = pd.Series({"relocations": 30000, "eur": 600000000})
    assert refkey.indicative_share(0.05, pool) == pytest.approx({"people": 1500, "eur": 30e6})
    assert refkey.price_per_relocation(pool) == 20000


def test_pool_for_year_none_before_the_first_cycle():
    inputs = synthetic_inputs()
    assert checks.pool_for_year(inputs, 2025) is None
    assert checks.pool_for_year(inputs, 2026)["pool_id"] == "council-2026"
    assert checks.pool_for_year(inputs, 2027) is None


def test_c11_year_without_a_pool_is_a_label_slip_then_accurate():
    """S1: no pool for 2025, the 2026 pool's Dutch share (28,600 / 26 = 1,100) matches: the number is judged
    on its substance, the year is context; with the right year label it is accurate."""
    inputs, settings = synthetic_inputs(), Settings()
    readings = checks.c11_readings(inputs, settings, 2025)
    assert (readings[0].kind, readings[0].low) == ("primary", 1100)
    assert {r.kind for r in readings[1:]} == {"definition"} and round(28600 / 27) in [r.low for r in readings]
    assert checks.judge_numeric(claim(1100, "2025"), readings).verdict == "accurate"     # the number alone
    check = checks.check_c11(inputs, settings, claim(1100, "2025"))
    assert (check.verdict, check.situation_ids) == ("accurate-needs-context", ("label-slip",))
    assert any("not 2025" in c.en and "niet voor 2025" in c.nl for c in check.context)
    # the same number with the right year label is accurate, and no label slip
    right_year = checks.check_c11(inputs, settings, claim(1100, "2026"))
    assert right_year.verdict == "accurate" and right_year.situation_ids == ("within-band",)
    assert right_year.value == 1100
    # a number matching neither is judged on its size (S7): 3,000 against 1,100 is beyond a factor 2
    assert checks.check_c11(inputs, settings, claim(3000, "2025")).verdict == "inaccurate"


def test_c11_group_setting_moves_the_verdict():
    """Over the 23 contributors the 2026 share is 28,600 / 23 = 1,243: outside 990-1,210, and 1,100 is
    below it within a factor 2 (S7)."""
    inputs = synthetic_inputs()
    settings = Settings(group="contributors-23")
    readings = checks.c11_readings(inputs, settings, 2025)
    assert readings[0].low == round(28600 / 23)
    check = checks.check_c11(inputs, settings, claim(1100, "2025"))
    assert check.verdict == "understated" and check.situation_ids == ("below-within-2",)


def test_c12_reads_the_legal_minimum_with_definition_variants():
    inputs, settings = synthetic_inputs(), Settings()
    readings = checks.c12_readings(inputs, settings)
    assert readings[0].kind == "primary" and readings[0].low == 1000          # 26,000 / 26
    definitions = {r.label: r.low for r in readings[1:]}
    assert all(r.kind == "definition" for r in readings[1:])
    assert round(26000 / 27) in definitions.values()                          # EU-27 variant
    assert checks.judge_numeric(claim(1000, "per year"), readings).verdict == "accurate"
    assert checks.judge_numeric(claim(1600, "per year"), readings).verdict == "overstated"
    context, notes = checks.c12_context(inputs, settings)
    assert context == []                                                      # the letter says it can pay
    assert any("EUR 20,000" in item.en and "EUR 20.000" in item.nl for item in notes)   # 520m / 26,000
    assert not any("Council set" in item.en for item in context + notes)     # 2026 pool is not smaller here


def test_which_readings_finds_the_pool_that_gives_each_number():
    inputs, settings = synthetic_inputs(), Settings()
    claims = pd.DataFrame([dict(claim(1100, "2025"), claim_id="C11"), dict(claim(1000, "per year"), claim_id="C12")])
    grid = compare.which_readings(inputs, settings, claims)
    assert len(grid) == 2 * 2 * len(refkey.GROUPS) * len(DATA_YEARS)
    summary = compare.matches_summary(grid).set_index(["claim_id", "pool_id"])
    # band 990-1,210: the 2026 pool gives 1,100 (EU-26) and 1,059 (EU-27); the minimum 1,000 and 963
    assert summary.loc[("C11", "council-2026"), "defensible_matching"] == "4 of 4"
    assert summary.loc[("C11", "legal-minimum"), "defensible_matching"] == "2 of 4"
    assert summary.loc[("C12", "legal-minimum"), "defensible_low"] == round(26000 / 27)


def test_c13_statement_rule():
    assert checks.c13_assessment(classification(data.AT_RISK)).verdict == "accurate"
    assert checks.c13_assessment(classification(None)).verdict == "accurate"
    assert checks.c13_assessment(classification(UNDER)).verdict == "inaccurate"


def test_settings_defaults_are_defensible_and_sensitivity_marks_them_once():
    settings = Settings()
    assert refkey.GROUPS[settings.group].defensible
    assert (settings.population_year, settings.gdp_year) in DEFENSIBLE_YEARS
    table = compare.sensitivity(synthetic_inputs(), settings, pool_ids=("legal-minimum",))
    assert len(table) == len(refkey.GROUPS) * len(DATA_YEARS)
    assert set(table.loc[table["group"] == "ammr-26", "26000_people"]) == {1000}
    assert int(table["settings"].sum()) == 1


# --- the Eurostat pick-up (extracts in the on-disk format, loader monkeypatched) ---------------------

POP_ID, GDP_ID = "eurostat-demo-pjan-2026-03-01", "eurostat-nama-10-gdp-2026-03-01"
GEO = {iso: geo for geo, iso in eurostat.GEO_ISO3.items()}


def _extract(text, source_id):
    """As `eurostat.latest` returns an extract: text columns, OBS_VALUE float (NaN when empty)."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame["OBS_VALUE"] = pd.to_numeric(frame["OBS_VALUE"].replace("", None)).astype("float64")
    frame.attrs["source_id"] = source_id
    return frame


def eurostat_raw(nl_population=20, nl_gdp=20, blank=None):
    """demo_pjan (2024, 2025) and nama_10_gdp (2023, 2024, million euro) for the EU-27 members
    and the EU27_2020 aggregate: every state 10, the Netherlands `nl_population`/`nl_gdp`.
    `blank` = (dataset, geo, year): that cell is sent as a flag only (value empty, flag 'c')."""
    pop = ["freq,unit,age,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    gdp = ["freq,unit,na_item,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    for iso in snapshots.EU27 + ("EUU",):
        geo = GEO[iso]
        for year in (2024, 2025):
            value = 26 * 10 + nl_population if iso == "EUU" else nl_population if iso == "NLD" else 10
            cell = ("", "c") if blank == ("demo_pjan", geo, year) else (value, "e" if year == 2025 else "")
            pop.append(f"A,NR,TOTAL,T,{geo},{year},{cell[0]},{cell[1]}")
        for year in (2023, 2024):
            value = 26 * 10 + nl_gdp if iso == "EUU" else nl_gdp if iso == "NLD" else 10
            cell = ("", "c") if blank == ("nama_10_gdp", geo, year) else (value, "p" if year == 2024 else "")
            gdp.append(f"A,CP_MEUR,B1GQ,{geo},{year},{cell[0]},{cell[1]}")
    return {"demo_pjan": _extract("\n".join(pop) + "\n", POP_ID),
            "nama_10_gdp": _extract("\n".join(gdp) + "\n", GDP_ID)}


def patch_latest(monkeypatch, frames):
    calls = []

    def latest(dataset, sources=None):
        calls.append(dataset)
        return frames.get(dataset)
    monkeypatch.setattr(eurostat, "latest", latest)
    return calls


def test_eurostat_key_data_is_none_without_both_extracts(monkeypatch):
    calls = patch_latest(monkeypatch, {})
    assert data.eurostat_key_data() is None
    assert set(calls) == {"demo_pjan", "nama_10_gdp"}
    patch_latest(monkeypatch, {"demo_pjan": eurostat_raw()["demo_pjan"]})
    assert data.eurostat_key_data() is None               # GDP missing: no mixed key


def test_eurostat_key_data_reads_the_extracts(monkeypatch):
    patch_latest(monkeypatch, eurostat_raw())
    found = data.eurostat_key_data({"NLD": "Netherlands"})
    assert (found.source, found.currency, found.source_ids) == ("eurostat", "EUR", [POP_ID, GDP_ID])
    nl = found.gdp[(found.gdp["iso3"] == "NLD") & (found.gdp["year"] == 2024)].iloc[0]
    assert nl["value"] == 20e6 and nl["flag"] == "p" and nl["country_name"] == "Netherlands"
    assert "GRC" in set(found.population["iso3"]) and "EUU" in set(found.population["iso3"])   # EL, EU27_2020
    assert set(found.population["year"]) == {2024, 2025}


def eurostat_inputs(monkeypatch, **kwargs):
    patch_latest(monkeypatch, eurostat_raw(**kwargs))
    return replace(synthetic_inputs(), eurostat=data.eurostat_key_data())


def test_the_key_uses_eurostat_when_present(monkeypatch):
    inputs = eurostat_inputs(monkeypatch)
    assert inputs.default_key_source() == "eurostat"
    assert synthetic_inputs().default_key_source() == "worldbank"
    assert inputs.latest_years("eurostat") == (2025, 2024)
    settings = inputs.settings_for(Settings(), "eurostat")
    assert (settings.key_source, settings.population_year, settings.gdp_year) == ("eurostat", 2025, 2024)
    # EU-26: 25 states of 10 and the Netherlands 20 -> key 20/270; 27,000 x 20/270 = 2,000
    assert refkey.share_of(inputs.key(settings)) == pytest.approx(20 / 270)
    readings = checks.c12_readings(inputs, settings)
    assert readings[0].kind == "primary" and "Eurostat population 1 Jan 2025" in readings[0].label
    assert readings[0].low == round(26000 * 20 / 270)
    assert all("Eurostat" in r.label for r in readings[1:])          # variants stay on Eurostat
    # the World Bank stand-in (every state equal) is not a reading, only shown next to it
    assert round(26000 / 26) not in [r.low for r in readings]


def test_s3_eurostat_published_after_the_letter_is_since_then_only(monkeypatch):
    """S3: Eurostat extracts published after 2 February 2026 do not decide; the World Bank key, public on the
    letter's date, does, and the why-text says what the later data would give."""
    inputs = eurostat_inputs(monkeypatch)
    inputs = replace(inputs, dates={**inputs.dates, POP_ID: "2026-03-01", GDP_ID: "2026-03-01"})
    settings = inputs.settings_for(Settings(), "eurostat")
    check = checks.check_c12(inputs, settings, claim(1000, "per year"))
    assert check.primary.low == 1000 and "World Bank" in check.primary.label      # 26,000 / 26, on the date
    assert check.verdict == "accurate" and check.evidence_date <= "2026-02-02"
    assert check.since is not None and check.since.verdict == "understated"      # 26,000 x 20/270 = 1,926
    assert check.since.primary.low == round(26000 * 20 / 270)
    assert "Since then" in check.why.en and "Sindsdien" in check.why.nl and "Understated" in check.why.en


def test_latest_year_skips_a_flag_only_cell(monkeypatch):
    inputs = eurostat_inputs(monkeypatch, blank=("demo_pjan", "MT", 2025))
    assert inputs.latest_years("eurostat") == (2024, 2024)
    with pytest.raises(InputError, match=f"{POP_ID}.*no population for MLT in 2025"):
        inputs.key(Settings(key_source="eurostat", population_year=2025, gdp_year=2024))


def test_eurostat_next_to_the_world_bank(monkeypatch):
    inputs = eurostat_inputs(monkeypatch)
    settings = inputs.settings_for(Settings(), "eurostat")
    table = compare.source_comparison(inputs, settings, pool_ids=("legal-minimum",)).set_index("key_source")
    assert list(table.index) == ["eurostat", "worldbank", "difference (eurostat - worldbank)"]
    assert table.loc["eurostat", "used_for_verdicts"] and not table.loc["worldbank", "used_for_verdicts"]
    assert table.loc["worldbank", "nl_key_pct"] == pytest.approx(100 / 26, abs=1e-3)
    assert table.loc["difference (eurostat - worldbank)", "26000_people"] == round(26000 * (20 / 270 - 1 / 26))
    side = compare.key_side_by_side(inputs, settings).set_index("iso3")
    assert side.loc["NLD", "difference_pp"] == pytest.approx(100 * (20 / 270 - 1 / 26), abs=1e-3)
    assert side.loc["NLD", "eurostat_flags"] == "population e; GDP p"
    assert compare.key_side_by_side(synthetic_inputs(), Settings()) is None
    assert len(compare.source_comparison(synthetic_inputs(), Settings())) == 1


def test_verdict_text_and_sources_name_the_key_source(monkeypatch):
    inputs = eurostat_inputs(monkeypatch)
    settings = inputs.settings_for(Settings(), "eurostat")
    conclusion = checks.check_c12(inputs, settings, claim(1000, "per year")).conclusion
    en, nl_text = conclusion.en, conclusion.nl
    assert "rests on Eurostat data" in en and POP_ID in en and GDP_ID in en
    assert "berust op gegevens van Eurostat" in nl_text
    assert checks.claim_sources(inputs, "C12")[:3] == ["vwn-letter-2026-02-02", POP_ID, GDP_ID]
    assert checks.claim_sources(inputs, "C13") == data.CLAIM_SOURCES["C13"]
    assert "Eurostat extracts found" in compare.eurostat_status(inputs, settings)
    world = synthetic_inputs()
    conclusion = checks.check_c11(world, Settings(), claim(1100, "2025")).conclusion
    en, nl_text = conclusion.en, conclusion.nl
    assert "rests on World Bank data" in en and "no Eurostat extract is registered" in en
    assert "geen Eurostat-extract" in nl_text
    assert checks.claim_sources(world, "C12") == data.CLAIM_SOURCES["C12"]
    status = compare.eurostat_status(world, Settings(), {"demo_pjan": None, "nama_10_gdp": None})
    assert status.startswith("Eurostat extracts: none registered")
    status = compare.eurostat_status(world, Settings(), {"demo_pjan": POP_ID, "nama_10_gdp": None})
    assert "only demo_pjan" in status and "nama_10_gdp missing" in status


def test_key_source_is_checked():
    with pytest.raises(ValueError, match="key_source"):
        Settings(key_source="imf")
    with pytest.raises(ValueError, match="no Eurostat"):
        synthetic_inputs().key(Settings(key_source="eurostat"))


# --- the committed extracts and published tables --------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return Inputs.load()


def test_real_inputs_pick_up_registered_eurostat_extracts(monkeypatch):
    """Inputs.load uses the loader: with extracts the default key source becomes Eurostat,
    and the country names come from the World Bank extract."""
    patch_latest(monkeypatch, eurostat_raw())
    inputs = Inputs.load()
    assert inputs.default_key_source() == "eurostat"
    key = inputs.key(inputs.settings_for(Settings(), "eurostat"))
    assert key.loc[key["iso3"] == "NLD", "country"].iloc[0] == "Netherlands"
    assert refkey.share_of(key) == pytest.approx(20 / 270)


def test_published_tables_load_and_carry_the_legal_figures(real):
    minimum = real.pool("legal-minimum")
    assert (minimum["relocations"], minimum["eur"]) == (30000, 600000000)
    assert real.pool("council-2026")["relocations"] == 21000
    assert refkey.price_per_relocation(minimum) == data.figure(real.figures, "press-price-per-relocation")
    assert checks.categories_of(real.classification) == [data.AT_RISK]


def test_real_key_sums_to_one_and_dutch_key_is_about_five_percent(real):
    key = real.key(Settings())
    assert len(key) == 26 and "DNK" not in set(key["iso3"])
    assert key["key"].sum() == pytest.approx(1.0)
    assert 0.050 < refkey.share_of(key) < 0.053


def test_world_bank_members_add_up_to_its_eu_aggregate(real):
    check = compare.aggregate_check(real, 2024, 2023)
    assert (check["member_states"] == 27).all()
    assert (check["difference_pct"].abs() < 0.01).all()


def test_sensitivity_grid_on_real_data(real):
    table = compare.sensitivity(real, Settings())
    assert len(table) == len(refkey.GROUPS) * len(DATA_YEARS)
    defensible = table[table["defensible"]]
    assert len(defensible) == 4
    band = claim_band(1600, "about")
    assert defensible["30000_people"].between(*band).all()


# --- the claim checks: records, texts from the computation, a counterfactual ------------------------------

@pytest.fixture(scope="module")
def claims():
    return load_claims().set_index("claim_id", drop=False)


def test_checks_are_claim_records_with_sources_and_vintages(real, claims):
    check11 = checks.check_c11(real, Settings(), claims.loc["C11"])
    check12 = checks.check_c12(real, Settings(), claims.loc["C12"], claims)
    check13 = checks.check_c13(real, claims.loc["C13"])
    assert [c.verdict for c in (check11, check12, check13)] == ["accurate-needs-context", "accurate", "accurate"]
    assert [c.assessment.rule.id for c in (check11, check12, check13)] == ["within-band", "within-band", "statement"]
    assert [c.situation_ids for c in (check11, check12, check13)] == [("label-slip",), ("within-band",),
                                                                      ("statement-supported",)]
    for check in (check11, check12):
        assert all(r.source_ids and r.vintage and r.vintage_date for r in check.readings)
        assert check.why.en and check.why.nl and check.reading.nl
        assert check.evidence_date <= "2026-02-02" and check.since is None        # S3: nothing later registered
    for check in (check11, check12, check13):
        assert check.words_nl and check.words_nl in check.row()["words_nl"] and check.checked_from
    assert check11.readings[0].vintage_date == "2025-12-23"             # the Council's implementing decision
    assert "line 15 (NLD)" in check13.checked_from                        # solidarity-classification.csv
    # the typed dates of the conclusions come from the registers
    assert "12 June 2026" in check11.conclusion.en and "12 juni 2026" in check11.conclusion.nl
    assert "11 November 2025" in check13.conclusion.en and "11 november 2025" in check13.conclusion.nl
    assert "Griekenland" in check13.conclusion.nl and "Verdict: Accurate, under S5 The checked value" in check13.why.en


def test_why_texts_cite_standards_by_name_not_rule_numbers(real, claims):
    """The why-texts end with the standards that decided, by id and name, and the rule by name."""
    check11 = checks.check_c11(real, Settings(), claims.loc["C11"])
    check12 = checks.check_c12(real, Settings(), claims.loc["C12"], claims)
    check13 = checks.check_c13(real, claims.loc["C13"])
    assert "under S1 Substance before label, S5 The checked value and S9 Needs context" in check11.why.en
    assert "volgens S1 'Substance before label'" in check11.why.nl
    assert "(rule: Within the claim's band)" in check12.why.en and "(regel: Within the claim's band)" in check12.why.nl
    for check in (check11, check12, check13):
        for lang in ("en", "nl"):
            assert "(rule " not in check.why[lang] and "rule 6" not in check.why[lang]
            assert "statement rule" not in check.why[lang]


def test_s1_the_year_label_does_not_make_c11_misleading(real, claims):
    """S1 and S5: the right number for the pool next to the year named is rated on its substance, and the
    checked value is the computed share (1,080), never a share of 0 for a year without a pool."""
    check = checks.check_c11(real, Settings(), claims.loc["C11"])
    assert check.verdict == SITUATIONS["label-slip"].verdict != "misleading"
    assert check.value == 1080 and 0 not in [r.low for r in check.readings]
    assert check.row()["checked_value"] == 1080 and "03-solidarity.ipynb" in check.row()["checked_from"]
    assert check.conclusion.en.startswith("The letter's 'ongeveer 1100' matches the data")      # S8: right first


def test_s9_paying_instead_is_treated_alike_in_c11_and_c12(real, claims):
    """S9: the option to pay instead is context only when the letter does not say so, for C11 and C12 alike."""
    silent = replace(real, letter=real.letter.replace(data.PAY_INSTEAD_WORDS, "niet meedoet"))
    assert checks.letter_says_pay_instead(real) and not checks.letter_says_pay_instead(silent)
    for inputs, expected in ((real, False), (silent, True)):
        check11 = checks.check_c11(inputs, Settings(), claims.loc["C11"])
        check12 = checks.check_c12(inputs, Settings(), claims.loc["C12"], claims)
        for check in (check11, check12):
            assert any("paying EUR 20,000" in c.en for c in check.context) == expected, check.claim_id
            assert ("paying EUR 20,000" in check.why.en) and ("EUR 20.000" in check.why.nl)
    assert checks.check_c12(silent, Settings(), claims.loc["C12"], claims).verdict == "accurate-needs-context"


def test_s9_the_smaller_2026_pool_is_told_in_the_same_sentence(real, claims):
    """S9: C12's smaller 2026 pool is not context because C11's 'ongeveer 1100' in the same sentence gives its
    Dutch share; without that claim in the sentence it is context."""
    told = checks.check_c12(real, Settings(), claims.loc["C12"], claims)
    assert told.verdict == "accurate" and not told.context and "'ongeveer 1100'" in told.why.en
    alone = checks.check_c12(real, Settings(), claims.loc["C12"], claims.drop(index="C11"))
    assert alone.verdict == "accurate-needs-context"
    assert any("for 2026 the Council set 21,000" in c.en for c in alone.context)


def test_s9_the_at_risk_category_is_shown_not_context(real, claims, monkeypatch):
    """S9: 'at risk of migratory pressure' leaves the Netherlands a contributor: shown, not context. Were the
    category one the sources tie to the pool's support, it would be context."""
    check = checks.check_c13(real, claims.loc["C13"])
    assert check.verdict == "accurate" and not check.context
    assert "at risk of migratory pressure" in check.conclusion.en and "risico op migratiedruk" in check.conclusion.nl
    assert "'Accurate, but needs context'" in check.why.en                 # the alternative is shown
    monkeypatch.setattr(checks, "SUPPORTED_CATEGORIES", (data.UNDER_PRESSURE, data.AT_RISK))
    assert checks.check_c13(real, claims.loc["C13"]).verdict == "accurate-needs-context"


def test_c13_why_and_conclusion_follow_the_classification(real):
    moved = replace(real, classification=real.classification.assign(
        category=real.classification["category"].where(real.classification["iso3"] != "NLD", data.UNDER_PRESSURE)))
    check = checks.check_c13(moved)
    assert check.verdict == "inaccurate"
    assert "lists the Netherlands as under migratory pressure" in check.conclusion.en
    assert "Onjuist" in check.why.nl and "tegenspreekt" in check.why.nl


def test_counterfactual_pool_size_flips_c11_and_every_sentence_follows(real, claims):
    """With a 2026 pool of 30,000 instead of 21,000 the Dutch share (about 1,542) no longer gives the
    letter's 'ongeveer 1100': C11 is no longer a label slip but understated (S7, within a factor 2), and the
    conclusion and the why-text in both languages say so with the new figure."""
    base = checks.check_c11(real, Settings(), claims.loc["C11"])
    pools = real.pools.copy()
    pools.loc[pools["pool_id"] == "council-2026", "relocations"] = 30000
    other = checks.check_c11(replace(real, pools=pools, _keys={}), Settings(), claims.loc["C11"])
    assert base.verdict == "accurate-needs-context" and other.verdict == "understated"
    assert other.situation_ids == ("below-within-2",)
    for field in ("conclusion", "why"):
        for lang in ("en", "nl"):
            assert getattr(base, field)[lang] != getattr(other, field)[lang], (field, lang)
    people = round(refkey.share_of(real.key(Settings())) * 30000)
    assert people == 1542
    assert "1,542" in other.conclusion.en and "1,542" in other.why.en
    assert "1.542" in other.conclusion.nl and "1.542" in other.why.nl
    assert "does not match" in other.conclusion.en and "past niet" in other.conclusion.nl
    assert "Understated" in other.why.en and "Onderschat" in other.why.nl
