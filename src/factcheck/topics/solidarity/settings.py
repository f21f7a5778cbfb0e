"""The choices a fact-checker can change (`Settings`) and the loaded inputs they are applied to (`Inputs`).

Every assumption that moves a number sits in one `Settings` object: the key's data source, the data
years, the group of Member States over which the key is computed, and the pool each claim is read
against. `Inputs` holds the extracts and published tables so that variants are computed without
re-reading, and caches the keys the sensitivity grid asks for many times.
"""
from dataclasses import dataclass, field, replace

import pandas as pd

from ...core.project import project
from ...core.registers import load_sources
from ...sources import snapshots
from . import data
from .data import EUROSTAT, EUROSTAT_GDP, EUROSTAT_POPULATION, GDP_SOURCE, KEY_SOURCES, POPULATION_SOURCE, \
    WORLDBANK, KeyData
from .key import GROUPS, group_members, key_inputs, reference_key

LATEST = (2024, 2023)              # latest year in the World Bank extracts: population, GDP
DATA_YEARS = ((2024, 2023), (2023, 2023), (2022, 2022))
DEFENSIBLE_YEARS = ((2024, 2023), (2023, 2023))   # "latest available" data; 2022 is shown for stability
SOURCE_LABEL = {WORLDBANK: "World Bank", EUROSTAT: "Eurostat"}


def data_years(latest: tuple) -> tuple:
    """The data-year grid for a source whose latest complete years are `latest` = (P, G):
    (P, G) and (G, G) are the defensible pairs (latest, latest common); (G-1, G-1) is shown for
    stability. For the World Bank extracts this is DATA_YEARS."""
    population_year, gdp_year = latest
    return ((population_year, gdp_year), (gdp_year, gdp_year), (gdp_year - 1, gdp_year - 1))


@dataclass(frozen=True)
class Settings:
    """Every assumption the numbers and verdicts depend on, one line each:

    population_year  data year of the population (Art. 66: "the latest available"; `Inputs.latest_years`)
    gdp_year         data year of GDP (World Bank extract: to 2023; Eurostat: its latest complete year)
    group            the Member States the key is normalised over (`key.GROUPS`; "ammr-26" = EU-27 without Denmark)
    pools            the pool each claim is read against, by claim id (rows of data/published/solidarity-pools.csv)
    key_source       "eurostat" (1 January population, GDP in EUR: Art. 66's inputs) or "worldbank" (the stand-in)
    """
    population_year: int = LATEST[0]
    gdp_year: int = LATEST[1]
    group: str = "ammr-26"
    pools: dict = field(default_factory=lambda: {"C11": "council-2026", "C12": "legal-minimum"})
    key_source: str = WORLDBANK

    def __post_init__(self):
        if self.key_source not in KEY_SOURCES:
            raise ValueError(f"unknown key_source {self.key_source!r}; choose one of {KEY_SOURCES}")

    def label(self) -> str:
        when = "population 1 Jan" if self.key_source == EUROSTAT else "population"
        return f"{self.group}, {SOURCE_LABEL[self.key_source]} {when} {self.population_year}, GDP {self.gdp_year}"


def variants(settings: Settings, defensible_only: bool = False, years=DATA_YEARS) -> list:
    """The settings for every group x data-year combination (the sensitivity grid); `years` is
    the grid of `data_years` (the first two are the defensible ones)."""
    out = []
    for group, spec in GROUPS.items():
        for pair in years:
            if defensible_only and not (spec.defensible and pair in years[:2]):
                continue
            out.append(replace(settings, group=group, population_year=pair[0], gdp_year=pair[1]))
    return out


@dataclass(frozen=True)
class Inputs:
    """The loaded extracts and published tables, so that variants are computed without re-reading.
    `population` and `gdp` are the World Bank extracts; `eurostat` the Eurostat key data or None;
    `dates` the registered sources' publication dates ({source_id: ISO date}); `letter` the letter's text
    (what the letter itself tells its reader is not context it lacks: standard S9)."""
    population: pd.DataFrame
    gdp: pd.DataFrame
    pools: pd.DataFrame
    figures: pd.DataFrame
    participation: pd.DataFrame
    classification: pd.DataFrame
    eurostat: KeyData = None
    dates: dict = field(default_factory=dict, compare=False, repr=False)
    letter: str = field(default="", compare=False, repr=False)
    # keys (and latest years) already computed: the sensitivity grid asks for them many times
    _keys: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, sources: pd.DataFrame = None) -> "Inputs":
        register = load_sources() if sources is None else sources
        population = snapshots.load_extract(POPULATION_SOURCE)
        names = dict(zip(population["iso3"], population["country_name"]))
        return cls(population, snapshots.load_extract(GDP_SOURCE), data.load_pools(), data.load_figures(),
                   data.load_participation(), data.load_classification(), data.eurostat_key_data(names, sources),
                   data.source_dates(register), project().letter_file.read_text(encoding="utf-8"))

    def date(self, source_id: str) -> str:
        """The publication date (ISO) of a registered source; a ValueError when it has none."""
        if source_id not in self.dates:
            raise ValueError(f"source {source_id!r} has no date_published in the sources register")
        return self.dates[source_id]

    def default_key_source(self) -> str:
        """"eurostat" when both Eurostat extracts are registered, else "worldbank"."""
        return EUROSTAT if self.eurostat is not None else WORLDBANK

    def key_data(self, source: str) -> KeyData:
        if source == EUROSTAT:
            if self.eurostat is None:
                raise ValueError(f"no Eurostat {EUROSTAT_POPULATION} and {EUROSTAT_GDP} extracts are registered; "
                                 f"use key_source='{WORLDBANK}' (or run `make refresh` online)")
            return self.eurostat
        if source != WORLDBANK:
            raise ValueError(f"unknown key_source {source!r}; choose one of {KEY_SOURCES}")
        return KeyData(WORLDBANK, self.population, self.gdp, POPULATION_SOURCE, GDP_SOURCE, "USD")

    def latest_years(self, source: str) -> tuple:
        """(population year, GDP year): the latest years with data for all 27 Member States."""
        if ("years", source) not in self._keys:
            found = self.key_data(source)
            self._keys["years", source] = (data.latest_complete_year(found.population),
                                           data.latest_complete_year(found.gdp))
        return self._keys["years", source]

    def settings_for(self, settings: Settings, source: str) -> Settings:
        """`settings` with another key source: its latest years (the same settings if already that source)."""
        if settings.key_source == source:
            return settings
        population_year, gdp_year = self.latest_years(source)
        return replace(settings, key_source=source, population_year=population_year, gdp_year=gdp_year)

    def variants(self, settings: Settings, defensible_only: bool = False) -> list:
        """`variants` over the data-year grid of the settings' key source."""
        return variants(settings, defensible_only, data_years(self.latest_years(settings.key_source)))

    def is_defensible(self, settings: Settings) -> bool:
        """A legal group with the latest (or latest common) data year of its key source."""
        years = data_years(self.latest_years(settings.key_source))[:2]
        return GROUPS[settings.group].defensible and (settings.population_year, settings.gdp_year) in years

    def pool(self, pool_id: str) -> pd.Series:
        match = self.pools[self.pools["pool_id"] == pool_id]
        if match.empty:
            raise ValueError(f"unknown pool {pool_id!r}; have {list(self.pools['pool_id'])}")
        row = match.iloc[0]
        return pd.Series({"pool_id": row["pool_id"], "label_en": row["label_en"], "label_nl": row["label_nl"],
                          "year": None if pd.isna(row["year"]) else int(row["year"]),
                          "relocations": int(row["relocations"]), "eur": int(row["eur"]),
                          "source_id": row["source_id"]})

    def key(self, settings: Settings) -> pd.DataFrame:
        cache_key = repr(settings)   # Settings holds a dict, so it is not hashable itself
        if cache_key not in self._keys:
            found = self.key_data(settings.key_source)
            members = group_members(settings.group, self.participation, self.classification)
            self._keys[cache_key] = reference_key(key_inputs(found.population, found.gdp, members,
                                                             settings.population_year, settings.gdp_year,
                                                             found.source_ids))
        return self._keys[cache_key].copy()
