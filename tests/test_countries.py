"""factcheck.countries: Babel's territory names plus data/text/country-names.csv reproduce every country
name the project printed with its three hand-typed tables (issue 12 item 4), and the overrides table
holds only names that differ from Babel's."""
import csv

import pandas as pd
import pytest

from factcheck.core import countries
from factcheck.core.project import project
from factcheck.core.countries import country_name

# The tables the overrides replaced, as they were (hosting.py, recognition.py, solidarity.py at 044a847).
HOSTING_NL = {
    "ABW": "Aruba", "ARM": "Armenië", "AUT": "Oostenrijk", "BGD": "Bangladesh", "BRA": "Brazilië",
    "CAN": "Canada", "CHE": "Zwitserland", "CHL": "Chili", "CMR": "Kameroen", "COD": "DR Congo",
    "COL": "Colombia", "CUW": "Curaçao", "CYP": "Cyprus", "CZE": "Tsjechië", "DEU": "Duitsland",
    "ECU": "Ecuador", "ESP": "Spanje", "EST": "Estland", "ETH": "Ethiopië", "FRA": "Frankrijk",
    "GBR": "Verenigd Koninkrijk", "GUY": "Guyana", "IRL": "Ierland", "IRN": "Iran", "ISL": "IJsland",
    "JOR": "Jordanië", "KEN": "Kenia", "LBN": "Libanon", "LBY": "Libië", "LIE": "Liechtenstein",
    "LVA": "Letland", "MDA": "Moldavië", "MNE": "Montenegro", "MRT": "Mauritanië", "NER": "Niger",
    "NLD": "Nederland", "NOR": "Noorwegen", "PAK": "Pakistan", "PER": "Peru", "POL": "Polen",
    "PSE": "Palestina", "SDN": "Soedan", "SSD": "Zuid-Soedan", "SVK": "Slowakije", "SYR": "Syrië",
    "TCD": "Tsjaad", "TUR": "Turkije", "UGA": "Oeganda", "USA": "Verenigde Staten",
}
HOSTING_EN = {"IRN": "Iran", "GBR": "United Kingdom", "USA": "United States", "COD": "DR Congo",
              "MDA": "Moldova", "SYR": "Syria", "PSE": "State of Palestine", "TUR": "Türkiye"}
RECOGNITION_EN = {"AUT": "Austria", "BEL": "Belgium", "BGR": "Bulgaria", "HRV": "Croatia", "CYP": "Cyprus",
                  "CZE": "Czechia", "DNK": "Denmark", "EST": "Estonia", "FIN": "Finland", "FRA": "France",
                  "DEU": "Germany", "GRC": "Greece", "HUN": "Hungary", "IRL": "Ireland", "ITA": "Italy", "LVA": "Latvia",
                  "LTU": "Lithuania", "LUX": "Luxembourg", "MLT": "Malta", "NLD": "Netherlands", "POL": "Poland",
                  "PRT": "Portugal", "ROU": "Romania", "SVK": "Slovakia", "SVN": "Slovenia", "ESP": "Spain",
                  "SWE": "Sweden", "EU27": "EU-27", "EU27_EXCL_BGR": "EU-27 excluding Bulgaria"}
RECOGNITION_NL = {"AUT": "Oostenrijk", "BEL": "België", "BGR": "Bulgarije", "HRV": "Kroatië", "CYP": "Cyprus",
                  "CZE": "Tsjechië", "DNK": "Denemarken", "EST": "Estland", "FIN": "Finland", "FRA": "Frankrijk",
                  "DEU": "Duitsland", "GRC": "Griekenland", "HUN": "Hongarije", "IRL": "Ierland", "ITA": "Italië",
                  "LVA": "Letland", "LTU": "Litouwen", "LUX": "Luxemburg", "MLT": "Malta", "NLD": "Nederland",
                  "POL": "Polen", "PRT": "Portugal", "ROU": "Roemenië", "SVK": "Slowakije", "SVN": "Slovenië",
                  "ESP": "Spanje", "SWE": "Zweden", "EU27": "EU-27", "EU27_EXCL_BGR": "EU-27 zonder Bulgarije"}
SOLIDARITY_NL = {
    "AUT": "Oostenrijk", "BEL": "België", "BGR": "Bulgarije", "HRV": "Kroatië", "CYP": "Cyprus", "CZE": "Tsjechië",
    "DNK": "Denemarken", "EST": "Estland", "FIN": "Finland", "FRA": "Frankrijk", "DEU": "Duitsland",
    "GRC": "Griekenland", "HUN": "Hongarije", "IRL": "Ierland", "ITA": "Italië", "LVA": "Letland",
    "LTU": "Litouwen", "LUX": "Luxemburg", "MLT": "Malta", "NLD": "Nederland", "POL": "Polen", "PRT": "Portugal",
    "ROU": "Roemenië", "SVK": "Slowakije", "SVN": "Slovenië", "ESP": "Spanje", "SWE": "Zweden"}
SOLIDARITY_EN = {"CZE": "Czechia", "SVK": "Slovakia"}


@pytest.mark.parametrize("table, lang", [(HOSTING_NL, "nl"), (HOSTING_EN, "en"), (RECOGNITION_EN, "en"),
                                         (RECOGNITION_NL, "nl"), (SOLIDARITY_NL, "nl"), (SOLIDARITY_EN, "en")])
def test_old_tables_reproduced(table, lang):
    assert {iso: country_name(iso, lang) for iso in table} == table


@pytest.mark.parametrize("chart", ["national-policy-hosts-total", "national-policy-hosts-per-capita"])
def test_hosting_chart_names(chart):
    """The C20 charts print UNHCR's name where the old tables had none (English) or the Dutch table's."""
    data = pd.read_csv(project().figures / chart / f"{chart}.csv", keep_default_na=False)
    for row in data.itertuples():
        assert country_name(row.coa_iso, "en", "?") == row.name_en
        assert country_name(row.coa_iso, "nl", "?") == row.name_nl


def test_solidarity_key_chart_names():
    data = pd.read_csv(project().figures / "solidarity-key" / "solidarity-key.csv", keep_default_na=False)
    for row in data.itertuples():
        assert country_name(row.iso3, "en", row.country) == SOLIDARITY_EN.get(row.iso3, row.country)
        assert country_name(row.iso3, "nl", row.country) == SOLIDARITY_NL[row.iso3]


def test_recognition_chart_series():
    data = pd.read_csv(project().figures / "recognition-turkiye-bulgaria-eu" / "recognition-turkiye-bulgaria-eu.csv",
                       keep_default_na=False)
    for row in data.drop_duplicates("coa_iso").itertuples():
        assert country_name(row.coa_iso, "en") == RECOGNITION_EN[row.coa_iso] == row.series


def test_overrides_are_only_overrides():
    """Each row differs from Babel in a language it names, or has no ISO code (the EU aggregates)."""
    with open(countries.overrides_file(), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = [r["iso3"] for r in rows]
    assert codes and len(codes) == len(set(codes))
    for row in rows:
        assert row["reason"], row
        for lang in ("en", "nl"):
            if row[lang] and row["iso2"]:
                assert countries._territories(lang)[row["iso2"]] != row[lang], (row["iso3"], lang)
        if row["iso2"]:
            assert countries.iso2(row["iso3"]) == row["iso2"]


def test_fallback_and_languages():
    assert country_name("UNK", "en", "Unknown") == "Unknown"
    assert country_name("UNK", "en") is None
    assert country_name("CUW", "nl") == "Curaçao" and country_name("CUW", "en") == "Curacao"
    assert country_name("TUR", "en") == "Türkiye" and country_name("TUR", "nl") == "Turkije"
    with pytest.raises(ValueError, match="unknown language"):
        country_name("AUT", "de")
