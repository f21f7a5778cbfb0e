"""The topic's inputs: the schemas and loaders of the published tables (data/published/solidarity-*.csv),
the sources each claim cites, and the Eurostat extracts of the reference key when they are registered.

Published figures (pool sizes, the Commission's classification of Member States, who takes part)
come from the sources-backed tables; population and GDP from the World Bank extracts or, when both
are registered (`make refresh`), from Eurostat's demo_pjan and nama_10_gdp.
"""
from dataclasses import dataclass

import pandas as pd

from ...core.errors import InputError
from ...core.registers import load_published
from ...core.schema import Column, Schema
from ...core.text import is_missing
from ...sources import eurostat, snapshots

NOTEBOOK = "03-solidarity"
REGISTER_FILE = "data/sources/solidarity.csv"
LETTER = "vwn-letter-2026-02-02"
POPULATION_SOURCE = "worldbank-population"
GDP_SOURCE = "worldbank-gdp"
NETHERLANDS = "NLD"
# The Commission's announcement of its classification (the Annual Asylum and Migration Report) as
# carried by BTA: its date is the date of Implementing Decision (EU) 2025/2323.
CLASSIFICATION_ANNOUNCED = "bta-2025-11-11-commission-annual-report"
POOL_AGREED = "council-pr-2025-12-08-solidarity-pool"     # the Council's agreement on the 2026 pool
_KEY_SOURCES = [POPULATION_SOURCE, GDP_SOURCE, "eu-reg-2024-1351",
                "eu-reg-2024-1351-art12", "eu-reg-2024-1351-art66", "eu-reg-2024-1351-annex1",
                "eu-reg-2024-1351-art61", "drc-eu-pact-denmark", "ec-home-2024-07-31-ireland-opt-in"]
# The evidence each claim is checked against (the letter first, as in the claims register).
CLAIM_SOURCES = {
    "C11": [LETTER] + _KEY_SOURCES + [POOL_AGREED, "eu-council-dec-2025-2642"],
    "C12": [LETTER] + _KEY_SOURCES + [POOL_AGREED, "anp-2023-06-09-nl-share-estimate"],
    "C13": [LETTER, "eu-commission-dec-2025-2323", CLASSIFICATION_ANNOUNCED, POOL_AGREED,
            "anp-2025-11-11-nl-risicoland"],
}


def sources_table(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources this notebook cites: the two extracts and the register file of this topic."""
    used = sorted({i for ids in CLAIM_SOURCES.values() for i in ids})
    mine = sources[(sources["register_file"] == REGISTER_FILE) | sources["source_id"].isin(used)]
    return mine[["source_id", "publisher", "title", "date_published", "kind"]].reset_index(drop=True)


def source_dates(sources: pd.DataFrame) -> dict:
    """{source_id: date_published (ISO)} for every registered source that has a publication date."""
    return {row.source_id: str(row.date_published)[:10] for row in sources.itertuples()
            if not is_missing(row.date_published)}


# --- published tables ---------------------------------------------------------------------

POOLS_SCHEMA = Schema("solidarity-pools", (
    Column("pool_id", "id"), Column("label_en"), Column("label_nl"),
    Column("year", "int", required=False, minimum=2024),
    Column("relocations", "int", minimum=1), Column("eur", "int", minimum=1),
    Column("source_id", "ids"), Column("note", required=False)), unique=("pool_id",))
FIGURES_SCHEMA = Schema("solidarity-figures", (
    Column("figure_id", "id"), Column("value", "number"), Column("unit"),
    Column("date", "date", required=False), Column("source_id", "ids"),
    Column("note", required=False)), unique=("figure_id",))
PARTICIPATION_SCHEMA = Schema("solidarity-participation", (
    Column("iso3", pattern=r"[A-Z]{3}"), Column("country_en"),
    Column("in_solidarity_mechanism", "choice", choices=("yes", "no")), Column("source_id", "ids"),
    Column("note", required=False)), unique=("iso3",))
UNDER_PRESSURE = "under-migratory-pressure"
AT_RISK = "at-risk-of-migratory-pressure"
SIGNIFICANT = "significant-migratory-situation"
CATEGORIES = (UNDER_PRESSURE, AT_RISK, SIGNIFICANT)
# The categories the registered sources tie to the pool's support: the 2026 pool supports the Member
# States under migratory pressure (Implementing Decision (EU) 2025/2642, recital 1), and they may have
# their own pledges deducted (AMMR Art. 61(1)). Any other category leaves the Netherlands a contributor.
SUPPORTED_CATEGORIES = (UNDER_PRESSURE,)
# The letter's own words that the solidarity share can be met by paying instead of relocating (the
# paragraph's first sentence): a reader of the letter has that fact (standard S9).
PAY_INSTEAD_WORDS = "alleen financieel invult"
CLASSIFICATION_SCHEMA = Schema("solidarity-classification", (
    Column("iso3", pattern=r"[A-Z]{3}"), Column("country_en"), Column("category", "choice", choices=CATEGORIES),
    Column("decision"), Column("period"), Column("source_id", "ids")))
PUBLISHED_SCHEMAS = (POOLS_SCHEMA, FIGURES_SCHEMA, PARTICIPATION_SCHEMA, CLASSIFICATION_SCHEMA)


def load_pools() -> pd.DataFrame:
    """Pool sizes (relocations, EUR) with their sources: the legal minimum and decided pools."""
    return load_published("solidarity-pools", POOLS_SCHEMA)


def load_figures() -> pd.DataFrame:
    """Other published figures (first cycle year and start date, press estimates), indexed by figure_id."""
    return load_published("solidarity-figures", FIGURES_SCHEMA).set_index("figure_id")


def load_participation() -> pd.DataFrame:
    """Member States whose participation in the solidarity mechanism is not the default (yes)."""
    return load_published("solidarity-participation", PARTICIPATION_SCHEMA)


def load_classification() -> pd.DataFrame:
    """The Commission's classification of Member States (Implementing Decision (EU) 2025/2323).
    A Member State can be in two categories (at risk and significant migratory situation)."""
    frame = load_published("solidarity-classification", CLASSIFICATION_SCHEMA)
    duplicated = frame.duplicated(["iso3", "category"])
    if duplicated.any():
        row = int(duplicated.to_numpy().nonzero()[0][0]) + 1
        raise InputError("data/published/solidarity-classification.csv", "a Member State is listed twice in one "
                         "category", row=row, column="iso3")
    return frame


def figure(figures: pd.DataFrame, figure_id: str) -> float:
    return float(figures.loc[figure_id, "value"])


def figure_date(figures: pd.DataFrame, figure_id: str) -> str:
    """The date a published figure states (ISO), e.g. the day the first cycle starts."""
    value = figures.loc[figure_id, "date"] if "date" in figures.columns else None
    if is_missing(value):
        raise InputError("data/published/solidarity-figures.csv", f"figure '{figure_id}' has no date",
                         column="date")
    return str(value)[:10]


# --- the key's data: Eurostat (the formal source) or the World Bank stand-in -----------------------

WORLDBANK, EUROSTAT = "worldbank", "eurostat"
KEY_SOURCES = (EUROSTAT, WORLDBANK)
EUROSTAT_POPULATION, EUROSTAT_GDP = "demo_pjan", "nama_10_gdp"


@dataclass(frozen=True)
class KeyData:
    """Population and GDP of every Member State from one source, in `key_inputs`' long format
    (country_name, iso3, year, value, flag), GDP in currency units (US$ or EUR, not millions)."""
    source: str                 # WORLDBANK or EUROSTAT
    population: pd.DataFrame
    gdp: pd.DataFrame
    population_source: str      # register source ids
    gdp_source: str
    currency: str               # "USD" or "EUR"

    @property
    def source_ids(self) -> list:
        return [self.population_source, self.gdp_source]


def _eurostat_long(table: pd.DataFrame, column: str, factor: float, names: dict) -> pd.DataFrame:
    """`eurostat.population_1jan`/`gdp_meur` output as country_name, iso3, year, value, flag;
    Member States and the EU-27 aggregate (EUU) only."""
    table = table[table["iso3"] != ""]
    shown = [names.get(iso, geo) for iso, geo in zip(table["iso3"], table["geo"])]
    return pd.DataFrame({"country_name": pd.Series(shown, index=table.index, dtype=str), "iso3": table["iso3"],
                         "year": table["year"].astype(int), "value": table[column] * factor,
                         "flag": table["flag"]}).reset_index(drop=True)


def eurostat_key_data(names: dict = None, sources: pd.DataFrame = None):
    """The Eurostat inputs of the reference key when BOTH extracts are registered, else None.

    Population on 1 January (demo_pjan, age TOTAL, sex T) and GDP at market prices in current
    prices (nama_10_gdp, B1GQ, CP_MEUR, converted from million euro to euro), read by
    `eurostat.latest` (sha256 checked). `names` maps ISO3 to the country names shown in tables.
    Values Eurostat sent only as a flag are NaN: `key_inputs` refuses them for the chosen year."""
    population = eurostat.latest(EUROSTAT_POPULATION, sources)
    gdp = eurostat.latest(EUROSTAT_GDP, sources)
    if population is None or gdp is None:
        return None
    names = names or {}
    return KeyData(EUROSTAT, _eurostat_long(eurostat.population_1jan(population), "population", 1.0, names),
                   _eurostat_long(eurostat.gdp_meur(gdp), "gdp_meur", 1e6, names),
                   population.attrs["source_id"], gdp.attrs["source_id"], "EUR")


def eurostat_registered(sources: pd.DataFrame = None) -> dict:
    """The newest registered source id of each Eurostat dataset the key needs (None when absent)."""
    return {dataset: eurostat.latest_source_id(dataset, sources) for dataset in (EUROSTAT_POPULATION, EUROSTAT_GDP)}


def latest_complete_year(frame: pd.DataFrame, members=snapshots.EU27) -> int:
    """The latest year in which every member has a value (Art. 66: 'the latest available' data)."""
    have = frame[frame["iso3"].isin(members) & frame["value"].notna()]
    counts = have.groupby("year")["iso3"].nunique()
    complete = counts[counts == len(set(members))]
    if complete.empty:
        raise ValueError("no year has a value for every Member State")
    return int(complete.index.max())
