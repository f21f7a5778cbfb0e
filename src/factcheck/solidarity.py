"""The EU solidarity pool: the reference key of the Asylum and Migration Management
Regulation (AMMR, Regulation (EU) 2024/1351) and the Dutch indicative share (claims C11-C13).

Art. 66 and Annex I of the AMMR: each Member State's share is 50 % its share of the
population plus 50 % its share of total GDP, over "the overall number of MS", from the latest
Eurostat data. When the Eurostat extracts demo_pjan (population on 1 January) and nama_10_gdp
(GDP, current prices, million euro) are both registered (written by `make refresh`), the key
is computed from them (`eurostat_key_data`) and the World Bank key is shown next to it
(`source_comparison`); otherwise World Bank population (mid-year) and GDP (current US$) stand
in for them (see `conversion_sensitivity`).

Every assumption that moves a number sits in one `Settings` object: the key's data source, the
data years, the group of Member States over which the key is computed, and the pool each claim
is read against.
Published figures (pool sizes, the Commission's classification of Member States, who takes
part) come from the sources-backed tables data/published/solidarity-*.csv.
"""
from dataclasses import dataclass, field, replace

import pandas as pd

from .core import charts
from .sources import eurostat, snapshots
from .core import text
from .core.countries import country_name
from .core.errors import InputError
from .core.registers import load_published
from .core.schema import Column, Schema
from .rules import Reading, assess, assess_statement, claim_band

NOTEBOOK = "03-solidarity"
REGISTER_FILE = "data/sources/solidarity.csv"
LETTER = "vwn-letter-2026-02-02"
POPULATION_SOURCE = "worldbank-population"
GDP_SOURCE = "worldbank-gdp"
_KEY_SOURCES = [POPULATION_SOURCE, GDP_SOURCE, "eu-reg-2024-1351",
                "eu-reg-2024-1351-art12", "eu-reg-2024-1351-art66", "eu-reg-2024-1351-annex1",
                "eu-reg-2024-1351-art61", "drc-eu-pact-denmark", "ec-home-2024-07-31-ireland-opt-in"]
# The evidence each claim is checked against (the letter first, as in the claims register).
CLAIM_SOURCES = {
    "C11": [LETTER] + _KEY_SOURCES + ["council-pr-2025-12-08-solidarity-pool", "eu-council-dec-2025-2642"],
    "C12": [LETTER] + _KEY_SOURCES + ["council-pr-2025-12-08-solidarity-pool", "anp-2023-06-09-nl-share-estimate"],
    "C13": [LETTER, "eu-commission-dec-2025-2323", "bta-2025-11-11-commission-annual-report",
            "council-pr-2025-12-08-solidarity-pool", "anp-2025-11-11-nl-risicoland"],
}
NETHERLANDS = "NLD"


def sources_table(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources this notebook cites: the two extracts and the register file of this topic."""
    used = sorted({i for ids in CLAIM_SOURCES.values() for i in ids})
    mine = sources[(sources["register_file"] == REGISTER_FILE) | sources["source_id"].isin(used)]
    return mine[["source_id", "publisher", "title", "date_published", "kind"]].reset_index(drop=True)


# --- published tables ---------------------------------------------------------------------

POOLS_SCHEMA = Schema("solidarity-pools", (
    Column("pool_id", "id"), Column("label_en"), Column("label_nl"),
    Column("year", "int", required=False, minimum=2024),
    Column("relocations", "int", minimum=1), Column("eur", "int", minimum=1),
    Column("source_id", "ids"), Column("note", required=False)), unique=("pool_id",))
FIGURES_SCHEMA = Schema("solidarity-figures", (
    Column("figure_id", "id"), Column("value", "number"), Column("unit"), Column("source_id", "ids"),
    Column("note", required=False)), unique=("figure_id",))
PARTICIPATION_SCHEMA = Schema("solidarity-participation", (
    Column("iso3", pattern=r"[A-Z]{3}"), Column("country_en"),
    Column("in_solidarity_mechanism", "choice", choices=("yes", "no")), Column("source_id", "ids"),
    Column("note", required=False)), unique=("iso3",))
UNDER_PRESSURE = "under-migratory-pressure"
AT_RISK = "at-risk-of-migratory-pressure"
SIGNIFICANT = "significant-migratory-situation"
CATEGORIES = (UNDER_PRESSURE, AT_RISK, SIGNIFICANT)
CLASSIFICATION_SCHEMA = Schema("solidarity-classification", (
    Column("iso3", pattern=r"[A-Z]{3}"), Column("country_en"), Column("category", "choice", choices=CATEGORIES),
    Column("decision"), Column("period"), Column("source_id", "ids")))
PUBLISHED_SCHEMAS = (POOLS_SCHEMA, FIGURES_SCHEMA, PARTICIPATION_SCHEMA, CLASSIFICATION_SCHEMA)


def load_pools() -> pd.DataFrame:
    """Pool sizes (relocations, EUR) with their sources: the legal minimum and decided pools."""
    return load_published("solidarity-pools", POOLS_SCHEMA)


def load_figures() -> pd.DataFrame:
    """Other published figures (first cycle year, press estimates), indexed by figure_id."""
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


# --- groups of Member States ---------------------------------------------------------------

@dataclass(frozen=True)
class Group:
    """A set of Member States over which the key is normalised."""
    label_en: str
    label_nl: str
    drop_not_participating: bool    # leave out states outside the solidarity mechanism (Denmark)
    drop_under_pressure: bool       # leave out the states the Commission found under migratory pressure
    defensible: bool                # a reading of the AMMR's own text (used in the verdicts)
    basis: str


GROUPS = {
    "ammr-26": Group("EU-26: Member States in the solidarity mechanism (EU-27 without Denmark)",
                     "EU-26: lidstaten in het solidariteitsmechanisme (EU-27 zonder Denemarken)",
                     True, False, True, "Art. 12(2)/66: 'each Member State'; Denmark is not part of the solidarity "
                                        "mechanism; Ireland opted in"),
    "eu-27": Group("EU-27: all Member States", "EU-27: alle lidstaten", False, False, True,
                   "Annex I: 'n: the overall number of MS', read as all 27"),
    "contributors-23": Group("EU-23: EU-27 without the four states under migratory pressure",
                             "EU-23: EU-27 zonder de vier landen onder migratiedruk", False, True, False,
                             "press reading ('to the other 23'); not the legal formula: Art. 61 gives states "
                             "under pressure contributions of their own"),
    "contributors-22": Group("EU-22: without Denmark and the four states under migratory pressure",
                             "EU-22: zonder Denemarken en de vier landen onder migratiedruk", True, True, False,
                             "press reading applied to the states in the mechanism; not the legal formula"),
}


def group_members(group: str, participation: pd.DataFrame, classification: pd.DataFrame) -> tuple:
    """ISO3 codes of the Member States in `group`, in EU27 order."""
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}; choose one of {sorted(GROUPS)}")
    spec = GROUPS[group]
    out = set(participation.loc[participation["in_solidarity_mechanism"] == "no", "iso3"]) \
        if spec.drop_not_participating else set()
    if spec.drop_under_pressure:
        out |= set(classification.loc[classification["category"] == UNDER_PRESSURE, "iso3"])
    return tuple(iso for iso in snapshots.EU27 if iso not in out)


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


# --- the reference key -----------------------------------------------------------------------

def key_inputs(population: pd.DataFrame, gdp: pd.DataFrame, members, population_year: int,
               gdp_year: int, source_ids=(POPULATION_SOURCE, GDP_SOURCE)) -> pd.DataFrame:
    """Population and GDP of each member for the chosen years (long tables as in the World Bank
    extracts; `source_ids` name the extracts in error messages).

    Raises InputError naming the country when a value is missing, so a data year without
    data cannot silently drop a Member State from the denominator."""
    rows = []
    by_year = {name: frame[frame["year"] == year].drop_duplicates("iso3").set_index("iso3")
               for name, frame, year in (("population", population, population_year), ("gdp", gdp, gdp_year))}
    for iso in members:
        row = {"iso3": iso}
        for name, year, source in (("population", population_year, source_ids[0]),
                                   ("gdp", gdp_year, source_ids[1])):
            table = by_year[name]
            if iso not in table.index or pd.isna(table.at[iso, "value"]):
                raise InputError(source, f"no {name} for {iso} in {year}", column="value")
            row[name] = float(table.at[iso, "value"])
            row["country"] = table.at[iso, "country_name"]
        rows.append(row)
    return pd.DataFrame(rows, columns=["iso3", "country", "population", "gdp"])


def reference_key(inputs: pd.DataFrame) -> pd.DataFrame:
    """Annex I of the AMMR: share_i = 0.5 * pop_i / sum(pop) + 0.5 * gdp_i / sum(gdp).

    Returns the inputs with population_share, gdp_share and key (fractions summing to 1),
    sorted by key, largest first (ties by iso3)."""
    if inputs.empty:
        raise ValueError("no Member States to compute a key over")
    if (inputs[["population", "gdp"]] <= 0).any().any():
        raise ValueError("population and GDP must be positive")
    table = inputs.copy()
    table["population_share"] = table["population"] / table["population"].sum()
    table["gdp_share"] = table["gdp"] / table["gdp"].sum()
    table["key"] = 0.5 * table["population_share"] + 0.5 * table["gdp_share"]
    return table.sort_values(["key", "iso3"], ascending=[False, True], kind="stable").reset_index(drop=True)


def share_of(key: pd.DataFrame, iso3: str = NETHERLANDS) -> float:
    match = key.loc[key["iso3"] == iso3, "key"]
    if match.empty:
        raise ValueError(f"{iso3} is not in the group the key was computed over")
    return float(match.iloc[0])


def indicative_share(key_share: float, pool: pd.Series) -> dict:
    """A Member State's indicative contribution to one pool: people and euros."""
    return {"people": key_share * pool["relocations"], "eur": key_share * pool["eur"]}


def price_per_relocation(pool: pd.Series) -> float:
    """The financial equivalent of one relocation implied by a pool: EUR / relocations."""
    return pool["eur"] / pool["relocations"]


# --- the settings --------------------------------------------------------------------------------

LATEST = (2024, 2023)              # latest year in the World Bank extracts: population, GDP
DATA_YEARS = ((2024, 2023), (2023, 2023), (2022, 2022))
DEFENSIBLE_YEARS = ((2024, 2023), (2023, 2023))   # "latest available" data; 2022 is shown for stability
SOURCE_LABEL = {WORLDBANK: "World Bank", EUROSTAT: "Eurostat"}


def data_years(latest: tuple) -> tuple:
    """The data-year grid for a source whose latest complete years are `latest` = (P, G):
    (P, G) and (G, G) are the defensible 'latest available' choices, (G-1, G-1) is shown for
    stability. For the World Bank extracts this is DATA_YEARS."""
    population_year, gdp_year = latest
    return ((population_year, gdp_year), (gdp_year, gdp_year), (gdp_year - 1, gdp_year - 1))


@dataclass(frozen=True)
class Settings:
    """Every assumption the numbers and verdicts depend on.

    key_source: "eurostat" (population on 1 January and GDP in euros: the formal inputs of Art. 66,
        when both extracts are registered) or "worldbank" (mid-year population and GDP in US$, the
        stand-in); `Inputs.default_key_source()` picks Eurostat when it is there.
    population_year, gdp_year: data years (Art. 66: "the latest available" data; see
        `Inputs.latest_years`; the World Bank extracts end with population 2024 and GDP 2023).
    group: the Member States the key is normalised over (see GROUPS).
    pools: the pool each claim is read against, by claim id (see data/published/solidarity-pools.csv).
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


@dataclass(frozen=True)
class Inputs:
    """The loaded extracts and published tables, so that variants are computed without re-reading.
    `population` and `gdp` are the World Bank extracts; `eurostat` the Eurostat key data or None."""
    population: pd.DataFrame
    gdp: pd.DataFrame
    pools: pd.DataFrame
    figures: pd.DataFrame
    participation: pd.DataFrame
    classification: pd.DataFrame
    eurostat: KeyData = None
    # keys (and latest years) already computed: the sensitivity grid asks for them many times
    _keys: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, sources: pd.DataFrame = None) -> "Inputs":
        population = snapshots.load_extract(POPULATION_SOURCE)
        names = dict(zip(population["iso3"], population["country_name"]))
        return cls(population, snapshots.load_extract(GDP_SOURCE), load_pools(), load_figures(),
                   load_participation(), load_classification(), eurostat_key_data(names, sources))

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
            data = self.key_data(source)
            self._keys["years", source] = (latest_complete_year(data.population), latest_complete_year(data.gdp))
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
            data = self.key_data(settings.key_source)
            members = group_members(settings.group, self.participation, self.classification)
            self._keys[cache_key] = reference_key(key_inputs(data.population, data.gdp, members,
                                                             settings.population_year, settings.gdp_year,
                                                             data.source_ids))
        return self._keys[cache_key].copy()


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


def sensitivity(inputs: Inputs, settings: Settings, pool_ids=("council-2026", "legal-minimum")) -> pd.DataFrame:
    """The Dutch share under every group and data-year variant, for each pool (people, EUR million)."""
    rows = []
    for variant in inputs.variants(settings):
        key = inputs.key(variant)
        nl = key[key["iso3"] == NETHERLANDS].iloc[0]
        row = {"group": variant.group, "states": len(key), "population_year": variant.population_year,
               "gdp_year": variant.gdp_year, "defensible": inputs.is_defensible(variant),
               "settings": variant == settings,
               "nl_population_pct": round(100 * nl["population_share"], 2),
               "nl_gdp_pct": round(100 * nl["gdp_share"], 2), "nl_key_pct": round(100 * nl["key"], 3)}
        for pool_id in pool_ids:
            pool = inputs.pool(pool_id)
            share = indicative_share(nl["key"], pool)
            row[f"{pool['relocations']}_people"] = round(share["people"])
            row[f"{pool['relocations']}_eur_m"] = round(share["eur"] / 1e6, 1)
        rows.append(row)
    return pd.DataFrame(rows)


# --- Eurostat next to the World Bank ----------------------------------------------------------------

def eurostat_status(inputs: Inputs, settings: Settings, registered: dict = None) -> str:
    """Which Eurostat extracts were found and which source the key (and so the verdicts) rests on."""
    if inputs.eurostat is not None:
        data = inputs.eurostat
        population_year, gdp_year = inputs.latest_years(EUROSTAT)
        found = (f"Eurostat extracts found: {EUROSTAT_POPULATION} = {data.population_source} (population on "
                 f"1 January, complete to {population_year}), {EUROSTAT_GDP} = {data.gdp_source} (GDP in million "
                 f"euro, complete to {gdp_year}).")
        if settings.key_source == EUROSTAT:
            return found + " The key and the verdicts rest on them; the World Bank key is shown next to it."
        return found + (" The settings choose key_source='worldbank': the key and the verdicts rest on the World "
                        "Bank stand-in; the Eurostat key is shown next to it.")
    registered = eurostat_registered() if registered is None else registered
    have = {dataset: sid for dataset, sid in registered.items() if sid}
    if have:
        missing = [dataset for dataset in registered if dataset not in have]
        return (f"Eurostat extracts: only {', '.join(f'{d} = {i}' for d, i in have.items())} registered, "
                f"{' and '.join(missing)} missing: the key needs both, so the World Bank population and GDP "
                f"stand in.")
    return (f"Eurostat extracts: none registered ({EUROSTAT_POPULATION}, {EUROSTAT_GDP}): the World Bank "
            f"population and GDP stand in for them.")


def _nl_row(inputs: Inputs, settings: Settings, pool_ids) -> dict:
    key = inputs.key(settings)
    nl = key[key["iso3"] == NETHERLANDS].iloc[0]
    row = {"key_source": settings.key_source, "used_for_verdicts": False,
           "source_ids": ";".join(inputs.key_data(settings.key_source).source_ids),
           "population_year": settings.population_year, "gdp_year": settings.gdp_year, "states": len(key),
           "nl_population_pct": 100 * nl["population_share"], "nl_gdp_pct": 100 * nl["gdp_share"],
           "nl_key_pct": 100 * nl["key"]}
    for pool_id in pool_ids:
        pool = inputs.pool(pool_id)
        row[f"{pool['relocations']}_people"] = nl["key"] * pool["relocations"]
    return row


def source_comparison(inputs: Inputs, settings: Settings, pool_ids=("council-2026", "legal-minimum")) -> pd.DataFrame:
    """The Dutch key and share under each available source, same group: the settings' source at
    the settings' years, the other at its own latest years; with Eurostat present a last row
    'difference' = Eurostat minus World Bank (percentage points, people)."""
    rows = [_nl_row(inputs, settings, pool_ids)]
    rows[0]["used_for_verdicts"] = True
    other = WORLDBANK if settings.key_source == EUROSTAT else EUROSTAT
    if inputs.eurostat is not None:
        rows.append(_nl_row(inputs, inputs.settings_for(settings, other), pool_ids))
        euro, world = sorted(rows, key=lambda r: r["key_source"] != EUROSTAT)
        difference = {"key_source": "difference (eurostat - worldbank)", "used_for_verdicts": False,
                      "source_ids": "", "population_year": "", "gdp_year": "", "states": ""}
        for column in rows[0]:
            if column.startswith("nl_") or column.endswith("_people"):
                difference[column] = euro[column] - world[column]
        rows.append(difference)
    table = pd.DataFrame(rows)
    for column in table.columns:
        if column.startswith("nl_"):
            table[column] = table[column].astype(float).round(3) + 0.0      # + 0.0: no '-0.0'
        elif column.endswith("_people"):
            table[column] = table[column].astype(float).round(0).astype(int)
    return table


def key_side_by_side(inputs: Inputs, settings: Settings):
    """The Eurostat key and the World Bank key for every Member State of the group, in per cent,
    with the difference (percentage points) and any Eurostat flag of the year used; None
    without the Eurostat extracts. Largest Eurostat key first."""
    if inputs.eurostat is None:
        return None
    euro_settings, world_settings = inputs.settings_for(settings, EUROSTAT), inputs.settings_for(settings, WORLDBANK)
    euro, world = inputs.key(euro_settings), inputs.key(world_settings)
    table = euro[["iso3", "country", "key"]].merge(world[["iso3", "key"]], on="iso3", suffixes=("_eurostat", "_wb"))
    flags = []
    for iso in table["iso3"]:
        parts = []
        for name, frame, year in (("population", inputs.eurostat.population, euro_settings.population_year),
                                  ("GDP", inputs.eurostat.gdp, euro_settings.gdp_year)):
            flag = frame.loc[(frame["iso3"] == iso) & (frame["year"] == year), "flag"]
            if not flag.empty and flag.iloc[0]:
                parts.append(f"{name} {flag.iloc[0]}")
        flags.append("; ".join(parts))
    return pd.DataFrame({"iso3": table["iso3"], "country": table["country"],
                         "eurostat_key_pct": (100 * table["key_eurostat"]).round(3),
                         "worldbank_key_pct": (100 * table["key_wb"]).round(3),
                         "difference_pp": (100 * (table["key_eurostat"] - table["key_wb"])).round(3) + 0.0,
                         "eurostat_flags": flags})


def key_basis(inputs: Inputs, settings: Settings, pool_id: str) -> tuple:
    """One sentence (English, Dutch) for a verdict: which source the key rests on and, when both
    sources are there, what the other gives for the Dutch share of `pool_id`."""
    pool = inputs.pool(pool_id)
    data = inputs.key_data(settings.key_source)
    nl = share_of(inputs.key(settings))
    if settings.key_source == EUROSTAT:
        world = share_of(inputs.key(inputs.settings_for(settings, WORLDBANK)))
        people = round(nl * pool["relocations"]) - round(world * pool["relocations"])
        diff_en, diff_nl = (text.number(100 * (nl - world), lang, 2, signed=True) for lang in ("en", "nl"))
        return (f"The key rests on Eurostat data ({data.population_source}: population on 1 January "
                f"{settings.population_year}; {data.gdp_source}: GDP {settings.gdp_year} in euros); the World Bank "
                f"stand-in gives {text.percent(100 * world, 'en', 2)} ({diff_en} points, {people:+d} people in this pool).",
                f"De sleutel berust op gegevens van Eurostat ({data.population_source}: bevolking op 1 januari "
                f"{settings.population_year}; {data.gdp_source}: bbp {settings.gdp_year} in euro); de vervangende "
                f"Wereldbankcijfers geven {text.percent(100 * world, 'nl', 2)} ({diff_nl} procentpunt, {people:+d} "
                f"personen in deze pool).")
    if inputs.eurostat is None:
        return ("The key rests on World Bank data (population, GDP in US$) standing in for Eurostat's; no Eurostat "
                "extract is registered.",
                "De sleutel berust op gegevens van de Wereldbank (bevolking, bbp in US$) in plaats van die van "
                "Eurostat; er is geen Eurostat-extract geregistreerd.")
    euro = share_of(inputs.key(inputs.settings_for(settings, EUROSTAT)))
    return (f"The key rests on World Bank data (population, GDP in US$), as chosen in the settings; Eurostat "
            f"({';'.join(inputs.eurostat.source_ids)}) gives {text.percent(100 * euro, 'en', 2)}.",
            f"De sleutel berust op gegevens van de Wereldbank (bevolking, bbp in US$), zoals gekozen in de "
            f"instellingen; Eurostat ({';'.join(inputs.eurostat.source_ids)}) geeft {text.percent(100 * euro, 'nl', 2)}.")


def claim_sources(inputs: Inputs, claim_id: str) -> list:
    """CLAIM_SOURCES of a claim, with the Eurostat extracts after the letter when they are
    registered and the claim uses the key (C11, C12)."""
    ids = list(CLAIM_SOURCES[claim_id])
    if inputs.eurostat is not None and POPULATION_SOURCE in ids:
        ids[1:1] = inputs.eurostat.source_ids
    return ids


# --- reconciliation and the US-dollar stand-in -----------------------------------------------------

AGGREGATE_COLUMN = {WORLDBANK: "world_bank_EUU", EUROSTAT: "eurostat_EU27_2020"}


def aggregate_check(inputs: Inputs, population_year: int, gdp_year: int, source: str = WORLDBANK) -> pd.DataFrame:
    """Sum of the 27 Member States against the source's own EU aggregate (World Bank EUU,
    Eurostat EU27_2020); GDP in currency units (US$ or EUR)."""
    data = inputs.key_data(source)
    rows = []
    for name, frame, year in (("population", data.population, population_year), ("gdp", data.gdp, gdp_year)):
        members = frame[(frame["year"] == year) & frame["iso3"].isin(snapshots.EU27)]
        aggregate = frame[(frame["year"] == year) & (frame["iso3"] == "EUU")]["value"]
        total = float(members["value"].sum())
        published = float(aggregate.iloc[0]) if not aggregate.empty else float("nan")
        rows.append({"indicator": name, "year": year, "member_states": len(members),
                     "sum_of_members": round(total), AGGREGATE_COLUMN[source]: round(published),
                     "difference": round(total - published),
                     "difference_pct": round(100 * (total - published) / published, 4)})
    return pd.DataFrame(rows)


def conversion_sensitivity(key_inputs_frame: pd.DataFrame, iso3: str = NETHERLANDS, shift: float = 0.01) -> dict:
    """How far the key of `iso3` could move if converting GDP to US dollars instead of euros
    shifted every OTHER state's GDP by `shift` (up or down) relative to it.

    For euro-area states a single EUR/USD rate multiplies every GDP by the same factor, which
    leaves shares unchanged (`reference_key` is scale-free); only non-euro currencies can shift
    relative to the euro, and by less than this all-states bound."""
    base = share_of(reference_key(key_inputs_frame), iso3)
    out = {"base": base}
    for label, factor in (("others_up", 1 + shift), ("others_down", 1 - shift)):
        frame = key_inputs_frame.copy()
        frame.loc[frame["iso3"] != iso3, "gdp"] *= factor
        out[label] = share_of(reference_key(frame), iso3)
    return out


def conversion_table(inputs: Inputs, settings: Settings, shift: float = 0.01) -> pd.DataFrame:
    """`conversion_sensitivity` for the settings (World Bank data: with key_source 'eurostat', its
    latest years), as the Dutch key and people in each pool."""
    settings = inputs.settings_for(settings, WORLDBANK)
    members = group_members(settings.group, inputs.participation, inputs.classification)
    result = conversion_sensitivity(key_inputs(inputs.population, inputs.gdp, members, settings.population_year,
                                               settings.gdp_year), shift=shift)
    rows = []
    for case, share in result.items():
        row = {"case": case, "nl_key_pct": round(100 * share, 3)}
        for pool_id in inputs.pools["pool_id"]:
            pool = inputs.pool(pool_id)
            row[f"{pool['relocations']}_people"] = round(share * pool["relocations"])
        rows.append(row)
    return pd.DataFrame(rows)


# --- the claims --------------------------------------------------------------------------------------

def pool_for_year(inputs: Inputs, year: int):
    """The decided pool for a calendar year, or None when no pool covers it (before the first cycle)."""
    if year < figure(inputs.figures, "first-cycle-year"):
        return None
    match = inputs.pools[(inputs.pools["year"] == year).fillna(False).astype(bool)]
    return None if match.empty else inputs.pool(match.iloc[0]["pool_id"])


def nl_people(inputs: Inputs, settings: Settings, pool_id: str) -> float:
    return indicative_share(share_of(inputs.key(settings)), inputs.pool(pool_id))["people"]


def _definition_readings(inputs: Inputs, settings: Settings, pool_id: str) -> list:
    readings = []
    for variant in inputs.variants(settings, defensible_only=True):
        if variant == settings:
            continue
        value = round(nl_people(inputs, variant, pool_id))
        readings.append(Reading(f"key over {variant.label()}", value, value, "definition"))
    return readings


def c11_readings(inputs: Inputs, settings: Settings, claim_year: int) -> list:
    """C11 names a year. Rule of the year label: the primary reading is the Dutch share of the pool
    FOR THAT YEAR; a pool for another year is a 'comparison' reading (rule 6: misleading when it
    matches), or 'earlier' when that year lies before the named one (rule 4: outdated).
    Before the first cycle (12 June 2026) no pool exists, so the share for such a year is 0."""
    pool = pool_for_year(inputs, claim_year)
    readings = []
    if pool is None:
        first = int(figure(inputs.figures, "first-cycle-year"))
        why = f"none exists, the first cycle is {first}" if claim_year < first else "none has been decided"
        readings.append(Reading(f"Dutch share of a solidarity pool for {claim_year}: {why}", 0, 0, "primary"))
    else:
        value = round(nl_people(inputs, settings, pool["pool_id"]))
        readings.append(Reading(f"Dutch share of the {claim_year} pool ({settings.label()})", value, value, "primary"))
        readings += _definition_readings(inputs, settings, pool["pool_id"])
    other = inputs.pool(settings.pools["C11"])
    if other["year"] is not None and other["year"] != claim_year:
        value = round(nl_people(inputs, settings, other["pool_id"]))
        kind = "earlier" if other["year"] < claim_year else "comparison"
        readings.append(Reading(f"Dutch share of the {other['year']} pool of {other['relocations']:,} "
                                f"({settings.label()})", value, value, kind))
    return readings


def c12_readings(inputs: Inputs, settings: Settings) -> list:
    """C12: 'an average of about 1600 a year is foreseen': the Dutch share of the annual pool
    named in settings.pools['C12'] (the legal minimum), with the other defensible variants as
    'definition' readings."""
    pool_id = settings.pools["C12"]
    pool = inputs.pool(pool_id)
    value = round(nl_people(inputs, settings, pool_id))
    primary = Reading(f"Dutch share of the pool '{pool_id}' of {pool['relocations']:,} relocations "
                      f"({settings.label()})", value, value, "primary")
    return [primary] + _definition_readings(inputs, settings, pool_id)


def c12_context(inputs: Inputs, settings: Settings) -> list:
    """Context a reader needs with C12, each item derived from the published tables."""
    context = []
    pool = inputs.pool(settings.pools["C12"])
    first_year = int(figure(inputs.figures, "first-cycle-year"))
    decided = pool_for_year(inputs, first_year)
    if decided is not None and decided["relocations"] < pool["relocations"]:
        people = round(nl_people(inputs, settings, decided["pool_id"]))
        context.append(f"{pool['relocations']:,} is the legal floor of the Commission's proposal; for {first_year} "
                       f"the Council set {decided['relocations']:,} (Dutch share about {people:,})")
    price = price_per_relocation(pool)
    context.append(f"the share is indicative and can be met by paying EUR {price:,.0f} per relocation instead")
    return context


def categories_of(classification: pd.DataFrame, iso3: str = NETHERLANDS) -> list:
    """The Commission's categories for a Member State (empty when it is not classified)."""
    found = classification.loc[classification["iso3"] == iso3, "category"]
    return [c for c in CATEGORIES if c in set(found)]


def c13_assessment(classification: pd.DataFrame, iso3: str = NETHERLANDS):
    """C13 says the Commission indicated the Netherlands has not reached 'migratory pressure'.
    It holds when the Commission's decision does not list the Netherlands as under migratory
    pressure; the category it does list it in is context."""
    categories = categories_of(classification, iso3)
    under = sorted(classification.loc[classification["category"] == UNDER_PRESSURE, "country_en"])
    holds = UNDER_PRESSURE not in categories
    decision = classification["decision"].iloc[0]
    evidence = (f"{decision} lists {', '.join(under)} as under migratory pressure; the Netherlands is "
                f"{'listed as: ' + ', '.join(c.replace('-', ' ') for c in categories) if categories else 'not classified'}")
    context = [f"the Commission placed the Netherlands in the category '{c.replace('-', ' ')}'"
               for c in categories if c != UNDER_PRESSURE]
    return assess_statement(holds, evidence, context)


def assess_numeric(claim: pd.Series, readings, context=()):
    """Apply the project's numeric rule to one claim row of the register."""
    return assess(claim_band(float(claim["claimed_value"]), claim["qualifier"]), readings, context)


def press_reconciliation(inputs: Inputs, years=((2021, 2021), (2022, 2022))) -> pd.DataFrame:
    """The Dutch share of the legal minimum with the data that were latest in June 2023, against the
    press estimate of that month ('een kleine 1500', 'hooguit 30 miljoen euro')."""
    pool = inputs.pool("legal-minimum")
    people = figure(inputs.figures, "press-nl-share-2023-people")
    eur = figure(inputs.figures, "press-nl-share-2023-eur")
    rows = []
    for group in ("eu-27", "ammr-26"):
        for population_year, gdp_year in years:
            variant = Settings(population_year=population_year, gdp_year=gdp_year, group=group)
            share = indicative_share(share_of(inputs.key(variant)), pool)
            rows.append({"group": group, "population_year": population_year, "gdp_year": gdp_year,
                         "people": round(share["people"]), "press_people": people,
                         "difference_people": round(share["people"] - people),
                         "eur_m": round(share["eur"] / 1e6, 1), "press_eur_m": round(eur / 1e6, 1)})
    return pd.DataFrame(rows)


def groups_table(inputs: Inputs) -> pd.DataFrame:
    """The groups of Member States considered, with their size and basis."""
    rows = []
    for name, spec in GROUPS.items():
        members = group_members(name, inputs.participation, inputs.classification)
        left_out = [iso for iso in snapshots.EU27 if iso not in members]
        rows.append({"group": name, "states": len(members), "left_out": ", ".join(left_out) or "-",
                     "used_in_verdicts": spec.defensible, "basis": spec.basis})
    return pd.DataFrame(rows)


def key_table(key: pd.DataFrame, key_source: str = WORLDBANK) -> pd.DataFrame:
    """The key for display: percentages to 3 decimals, population in millions, GDP in billions
    of the source's currency (US$ for the World Bank, EUR for Eurostat)."""
    currency = "usd" if key_source == WORLDBANK else "eur"
    return pd.DataFrame({"iso3": key["iso3"], "country": key["country"],
                         "population_m": (key["population"] / 1e6).round(2),
                         f"gdp_{currency}_bn": (key["gdp"] / 1e9).round(1),
                         "population_pct": (100 * key["population_share"]).round(3),
                         "gdp_pct": (100 * key["gdp_share"]).round(3), "key_pct": (100 * key["key"]).round(3)})


def pools_table(inputs: Inputs, settings: Settings) -> pd.DataFrame:
    """Each pool with the derived price per relocation and the Dutch indicative share."""
    nl = share_of(inputs.key(settings))
    rows = []
    for pool_id in inputs.pools["pool_id"]:
        pool = inputs.pool(pool_id)
        share = indicative_share(nl, pool)
        rows.append({"pool_id": pool_id, "year": pool["year"] or "every year", "relocations": pool["relocations"],
                     "eur_m": pool["eur"] / 1e6, "eur_per_relocation": price_per_relocation(pool),
                     "nl_people": round(share["people"]), "nl_eur_m": round(share["eur"] / 1e6, 1),
                     "source_id": pool["source_id"]})
    return pd.DataFrame(rows)


def which_readings(inputs: Inputs, settings: Settings, claims: pd.DataFrame, claim_ids=("C11", "C12")) -> pd.DataFrame:
    """For each numeric claim: every pool x group x data-year reading, its Dutch share, and whether it
    falls within the claim's band. Answers 'which reading, if any, gives this number'."""
    rows = []
    for claim_id in claim_ids:
        claim = claims[claims["claim_id"] == claim_id].iloc[0]
        for pool_id in inputs.pools["pool_id"]:
            pool = inputs.pool(pool_id)
            for variant in inputs.variants(settings):
                people = round(nl_people(inputs, variant, pool_id))
                rows.append({"claim_id": claim_id, "claimed": claim["claimed_text"], "pool_id": pool_id,
                             "pool_year": pool["year"] or "every year", "group": variant.group,
                             "population_year": variant.population_year, "gdp_year": variant.gdp_year,
                             "defensible": inputs.is_defensible(variant),
                             "nl_people": people, "within_band": _within(people, claim)})
    return pd.DataFrame(rows)


def matches_summary(table: pd.DataFrame) -> pd.DataFrame:
    """`which_readings` condensed: per claim and pool, how many defensible and other readings match,
    with the range of the Dutch share over the defensible readings."""
    rows = []
    for (claim_id, pool_id), part in table.groupby(["claim_id", "pool_id"], sort=True):
        defensible = part[part["defensible"]]
        rows.append({"claim_id": claim_id, "claimed": part["claimed"].iloc[0], "pool_id": pool_id,
                     "pool_year": part["pool_year"].iloc[0],
                     "defensible_low": int(defensible["nl_people"].min()),
                     "defensible_high": int(defensible["nl_people"].max()),
                     "defensible_matching": f"{int(defensible['within_band'].sum())} of {len(defensible)}",
                     "all_matching": f"{int(part['within_band'].sum())} of {len(part)}"})
    return pd.DataFrame(rows)


def readings_table(readings, band) -> pd.DataFrame:
    """The readings of one claim, with whether each falls within the claim's band."""
    return pd.DataFrame([{"kind": r.kind, "reading": r.label, "low": r.low, "high": r.high,
                          "within_band": r.overlaps(band)} for r in readings])


def classification_table(classification: pd.DataFrame) -> pd.DataFrame:
    """One row per classified Member State with its categories, in the decision's order."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    table = (classification.assign(rank=classification["category"].map(order))
             .sort_values(["rank", "country_en"], kind="stable"))
    rows = []
    for iso3, part in table.groupby("iso3", sort=False):
        ids = sorted({i for cell in part["source_id"] for i in cell.split(";")})
        rows.append({"iso3": iso3, "country": part["country_en"].iloc[0],
                     "categories": "; ".join(part["category"]), "source_id": ";".join(ids)})
    return pd.DataFrame(rows)


# --- conclusions (generated from the computed figures) ------------------------------------------------

def _within(people: float, claim: pd.Series) -> bool:
    low, high = claim_band(float(claim["claimed_value"]), claim["qualifier"])
    return low - 1e-9 <= people <= high + 1e-9


def c11_conclusion(inputs: Inputs, settings: Settings, claim: pd.Series) -> tuple:
    """One sentence in English and Dutch, from the computed share and the claim's year."""
    claim_year = int(claim["period"])
    pool = inputs.pool(settings.pools["C11"])
    nl = share_of(inputs.key(settings))
    people = round(nl * pool["relocations"])
    first = int(figure(inputs.figures, "first-cycle-year"))
    band = _within(people, claim)
    said = claim["claimed_text"]
    match_en = f"matches the letter's '{said}'" if band else f"does not match the letter's '{said}'"
    match_nl = f"past bij '{said}' uit de brief" if band else f"past niet bij '{said}' uit de brief"
    year_en = (f"; but that pool is for {pool['year']}, not {claim_year}: no solidarity pool existed in "
               f"{claim_year}, the first cycle starts on 12 June {first}") if claim_year < first else ""
    year_nl = (f"; maar die pool is voor {pool['year']}, niet voor {claim_year}: in {claim_year} bestond er geen "
               f"solidariteitspool, de eerste cyclus begint op 12 juni {first}") if claim_year < first else ""
    basis_en, basis_nl = key_basis(inputs, settings, pool["pool_id"])
    en = (f"The Dutch indicative share of the {pool['year']} solidarity pool of {text.number(pool['relocations'], 'en')} "
          f"relocations is about {text.number(people, 'en')} ({text.percent(100 * nl, 'en', 2)}), which {match_en}{year_en}. "
          f"{basis_en}")
    nl_text = (f"Het indicatieve Nederlandse aandeel in de solidariteitspool {pool['year']} van "
               f"{text.number(pool['relocations'], 'nl')} herplaatsingen is ongeveer {text.number(people, 'nl')} "
               f"({text.percent(100 * nl, 'nl', 2)}), wat {match_nl}{year_nl}. {basis_nl}")
    return en, nl_text


def c12_conclusion(inputs: Inputs, settings: Settings, claim: pd.Series) -> tuple:
    """One sentence in English and Dutch, from the computed share of the annual pool."""
    pool = inputs.pool(settings.pools["C12"])
    nl = share_of(inputs.key(settings))
    people = round(nl * pool["relocations"])
    first = int(figure(inputs.figures, "first-cycle-year"))
    decided = pool_for_year(inputs, first)
    within = _within(people, claim)
    en = (f"With the reference key (50% population, 50% GDP) the Dutch share of the legal minimum of "
          f"{text.number(pool['relocations'], 'en')} relocations a year is about {text.number(people, 'en')} "
          f"({text.percent(100 * nl, 'en', 2)}), {'within' if within else 'not within'} 10% of {text.number(float(claim['claimed_value']), 'en')}")
    nl_text = (f"Met de verdeelsleutel (50% bevolking, 50% bbp) is het Nederlandse aandeel in het wettelijk minimum van "
               f"{text.number(pool['relocations'], 'nl')} herplaatsingen per jaar ongeveer {text.number(people, 'nl')} "
               f"({text.percent(100 * nl, 'nl', 2)}), {'binnen' if within else 'niet binnen'} 10% van {text.number(float(claim['claimed_value']), 'nl')}")
    if decided is not None and decided["relocations"] < pool["relocations"]:
        decided_people = round(nl * decided["relocations"])
        en += (f"; it is an indicative share of a floor: for {first} the Council set "
               f"{text.number(decided['relocations'], 'en')} (Dutch share about {text.number(decided_people, 'en')}), and "
               f"a relocation can be replaced by EUR {text.number(price_per_relocation(pool), 'en')}")
        nl_text += (f"; het is een indicatief aandeel in een minimum: voor {first} stelde de Raad "
                    f"{text.number(decided['relocations'], 'nl')} vast (Nederlands aandeel ongeveer "
                    f"{text.number(decided_people, 'nl')}), en een herplaatsing kan worden afgekocht voor "
                    f"EUR {text.number(price_per_relocation(pool), 'nl')}")
    basis_en, basis_nl = key_basis(inputs, settings, pool["pool_id"])
    return f"{en}. {basis_en}", f"{nl_text}. {basis_nl}"


CATEGORY_NL = {UNDER_PRESSURE: "onder migratiedruk", AT_RISK: "risico op migratiedruk",
               SIGNIFICANT: "significante migratiesituatie"}
def c13_conclusion(classification: pd.DataFrame) -> tuple:
    """One sentence in English and Dutch on where the Commission placed the Netherlands."""
    under = classification.loc[classification["category"] == UNDER_PRESSURE, "iso3"]
    names_en = sorted(classification.loc[classification["category"] == UNDER_PRESSURE, "country_en"])
    names_nl = sorted(country_name(iso, "nl") for iso in under)
    categories = categories_of(classification)
    if UNDER_PRESSURE in categories:
        return ("The Commission's decision of 11 November 2025 lists the Netherlands as under migratory pressure.",
                "Het besluit van de Commissie van 11 november 2025 noemt Nederland als land onder migratiedruk.")
    where_en = ", ".join(c.replace("-", " ") for c in categories) or "none of its categories"
    where_nl = ", ".join(CATEGORY_NL[c] for c in categories) or "geen van de categorieën"
    en = (f"The Commission's decision of 11 November 2025 lists {', '.join(names_en[:-1])} and {names_en[-1]} as "
          f"under migratory pressure; the Netherlands is not among them but in the category '{where_en}'.")
    nl_text = (f"Het besluit van de Commissie van 11 november 2025 noemt {', '.join(names_nl[:-1])} en {names_nl[-1]} "
               f"als landen onder migratiedruk; Nederland hoort daar niet bij, maar valt in de categorie "
               f"'{where_nl}'.")
    return en, nl_text


# --- charts --------------------------------------------------------------------------------------------

SOURCE_EN = ("Source: World Bank WDI population (SP.POP.TOTL) and GDP in current US$ (NY.GDP.MKTP.CD), CC BY 4.0; "
             "key formula: Regulation (EU) 2024/1351, Art. 66 and Annex I")
SOURCE_NL = ("Bron: Wereldbank WDI bevolking (SP.POP.TOTL) en bbp in lopende US$ (NY.GDP.MKTP.CD), CC BY 4.0; "
             "formule: Verordening (EU) 2024/1351, art. 66 en bijlage I")
EUROSTAT_SOURCE_EN = ("Source: Eurostat demo_pjan (population on 1 January) and nama_10_gdp (GDP, current prices, "
                      "million euro), CC BY 4.0; key formula: Regulation (EU) 2024/1351, Art. 66 and Annex I")
EUROSTAT_SOURCE_NL = ("Bron: Eurostat demo_pjan (bevolking op 1 januari) en nama_10_gdp (bbp, lopende prijzen, "
                      "miljoen euro), CC BY 4.0; formule: Verordening (EU) 2024/1351, art. 66 en bijlage I")


def source_line(settings: Settings, lang: str) -> str:
    """The chart source line for the key's data source."""
    if settings.key_source == EUROSTAT:
        return EUROSTAT_SOURCE_EN if lang == "en" else EUROSTAT_SOURCE_NL
    return SOURCE_EN if lang == "en" else SOURCE_NL


def key_chart_data(key: pd.DataFrame) -> pd.DataFrame:
    """The key chart's data: one row per Member State, percentages rounded to 3 decimals."""
    data = key[["iso3", "country", "population_share", "gdp_share", "key"]].copy()
    for column in ("population_share", "gdp_share", "key"):
        data[column.replace("share", "pct") if column != "key" else "key_pct"] = (100 * data[column]).round(3)
    return data[["iso3", "country", "population_pct", "gdp_pct", "key_pct"]]


def export_key_chart(key: pd.DataFrame, settings: Settings, name: str = "solidarity-key") -> list:
    """Bars: the reference key by Member State, the Netherlands highlighted, in English and Dutch."""
    data = key_chart_data(key)
    nl = data[data["iso3"] == NETHERLANDS].iloc[0]
    rank = int(data.index[data["iso3"] == NETHERLANDS][0]) + 1
    group = GROUPS[settings.group]
    states = len(data)

    ordered = data.iloc[::-1]
    labels = {lang: [country_name(r.iso3, lang, r.country) for r in ordered.itertuples()] for lang in ("en", "nl")}

    def draw(ax, lang):
        names = labels[lang]
        colours = [charts.PALETTE["blue"] if iso == NETHERLANDS else charts.PALETTE["light"] for iso in ordered["iso3"]]
        ax.barh(names, ordered["key_pct"], color=colours, height=0.72)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.tick_params(axis="y", labelsize=6.3)
        ax.set_ylim(-0.6, len(ordered) - 0.4)
        position = list(ordered["iso3"]).index(NETHERLANDS)
        ax.text(nl["key_pct"] + 0.3, position, text.percent(nl['key_pct'], lang, 2), va="center", fontsize=7.5,
                color=charts.PALETTE["navy"], fontweight="bold")
        ax.set_xlabel("share of the solidarity pool (%)" if lang == "en" else "aandeel in de solidariteitspool (%)")

    def words(lang):
        return (text.number(nl["key_pct"], lang, 2), text.number(nl["population_pct"], lang, 1),
                text.number(nl["gdp_pct"], lang, 1))

    key_en, pop_en, gdp_en = words("en")
    key_nl, pop_nl, gdp_nl = words("nl")
    texts = {
        "en": charts.ChartText(
            "Each Member State's share of the EU solidarity pool",
            f"The Netherlands' reference key is {key_en}% (rank {rank} of {states}): {pop_en}% of the population, "
            f"{gdp_en}% of GDP",
            source_line(settings, "en"),
            f"Key = 50% population share + 50% GDP share, over {group.label_en}; population "
            f"{settings.population_year}, GDP {settings.gdp_year}.",
            f"Horizontal bar chart of the reference key for {states} EU Member States, largest first; "
            f"the Netherlands, highlighted, has {key_en}%."),
        "nl": charts.ChartText(
            "Aandeel van elke lidstaat in de EU-solidariteitspool",
            f"De verdeelsleutel van Nederland is {key_nl}% (plaats {rank} van {states}): {pop_nl}% van de bevolking, "
            f"{gdp_nl}% van het bbp",
            source_line(settings, "nl"),
            f"Sleutel = 50% aandeel bevolking + 50% aandeel bbp, over {group.label_nl}; bevolking "
            f"{settings.population_year}, bbp {settings.gdp_year}.",
            f"Horizontaal staafdiagram van de verdeelsleutel voor {states} EU-lidstaten, grootste eerst; "
            f"Nederland, gemarkeerd, heeft {key_nl}%."),
    }
    return charts.export_chart(name, draw, texts, data, claim_ids=["C11", "C12"], left=0.16)


def share_chart_data(inputs: Inputs, settings: Settings, claims: pd.DataFrame) -> pd.DataFrame:
    """For each claim: the claimed value and band, the Dutch share under the settings and its range
    over the defensible variants, for the pool the claim is read against."""
    rows = []
    for claim_id in ("C11", "C12"):
        claim = claims[claims["claim_id"] == claim_id].iloc[0]
        pool = inputs.pool(settings.pools[claim_id])
        band = claim_band(float(claim["claimed_value"]), claim["qualifier"])
        values = [nl_people(inputs, v, pool["pool_id"]) for v in inputs.variants(settings, defensible_only=True)]
        rows.append({"claim_id": claim_id, "claimed_text": claim["claimed_text"],
                     "claimed_value": float(claim["claimed_value"]), "band_low": band[0], "band_high": band[1],
                     "pool_id": pool["pool_id"], "pool_relocations": pool["relocations"],
                     "pool_year": "" if pool["year"] is None else pool["year"],
                     "nl_share": round(nl_people(inputs, settings, pool["pool_id"])),
                     "nl_low": round(min(values)), "nl_high": round(max(values))})
    return pd.DataFrame(rows)


def export_share_chart(data: pd.DataFrame, settings: Settings, name: str = "solidarity-nl-share") -> list:
    """The Dutch share of each pool against the letter's numbers and their 'about' bands."""
    def label(row, lang):
        if lang == "en":
            pool = f"pool {row.pool_year}" if row.pool_year != "" else "legal minimum pool"
            return f"{row.claim_id}: {pool}\n({text.number(row.pool_relocations, lang)} relocations)"
        pool = f"pool {row.pool_year}" if row.pool_year != "" else "wettelijke minimumpool"
        return f"{row.claim_id}: {pool}\n({text.number(row.pool_relocations, lang)} herplaatsingen)"

    def draw(ax, lang):
        positions = list(range(len(data)))[::-1]
        first = positions[0]
        for y, row in zip(positions, data.itertuples()):
            ax.fill_betweenx([y - 0.32, y + 0.32], row.band_low, row.band_high, color=charts.PALETTE["yellow"],
                             alpha=0.35, linewidth=0,
                             label=("letter's figure ±10%" if lang == "en" else "cijfer brief ±10%") if y == first else None)
            ax.barh(y, row.nl_share, height=0.36, color=charts.PALETTE["blue"],
                    label=("Dutch share" if lang == "en" else "Nederlands aandeel") if y == first else None)
            ax.errorbar(row.nl_share, y, xerr=[[row.nl_share - row.nl_low], [row.nl_high - row.nl_share]],
                        fmt="none", ecolor=charts.PALETTE["navy"], capsize=3, linewidth=1)
            ax.plot([row.claimed_value] * 2, [y - 0.32, y + 0.32], color=charts.PALETTE["red"], linewidth=2,
                    label=("letter's figure" if lang == "en" else "cijfer brief") if y == first else None)
            ax.text(row.nl_share * 0.5, y, text.number(row.nl_share, lang), va="center", ha="center", color="white",
                    fontsize=8, fontweight="bold")
        ax.set_yticks(positions, [label(row, lang) for row in data.itertuples()], fontsize=8)
        ax.set_xlim(0, max(data["band_high"].max(), data["nl_high"].max()) * 1.12)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_xlabel("people" if lang == "en" else "personen")
        ax.set_ylim(-0.55, len(data) - 0.1)
        ax.legend(loc="upper right", fontsize=7.5, ncol=3)

    c11, c12 = data.iloc[0], data.iloc[1]
    group = GROUPS[settings.group]
    texts = {
        "en": charts.ChartText(
            "The Dutch share of the EU solidarity pool against the letter's numbers",
            f"About {text.number(c11['nl_share'], 'en')} of the {text.number(c11['pool_relocations'], 'en')} relocations of "
            f"the {c11['pool_year']} pool ('about 1100 in 2025'); about {text.number(c12['nl_share'], 'en')} of the "
            f"legal minimum of {text.number(c12['pool_relocations'], 'en')} ('about 1600 a year')",
            source_line(settings, "en") + "; pools: Regulation (EU) 2024/1351 Art. 12(2), Council of the EU 8 Dec 2025",
            f"Bars: key over {group.label_en}, population {settings.population_year}, GDP {settings.gdp_year}; "
            f"whiskers: range over the defensible variants; shaded: the letter's figure ±10%.",
            f"Horizontal bars comparing the Dutch indicative share ({text.number(c11['nl_share'], 'en')} and "
            f"{text.number(c12['nl_share'], 'en')} people) with the letter's 1100 and 1600, each with a ±10% band."),
        "nl": charts.ChartText(
            "Het Nederlandse aandeel in de EU-solidariteitspool naast de cijfers uit de brief",
            f"Ongeveer {text.number(c11['nl_share'], 'nl')} van de {text.number(c11['pool_relocations'], 'nl')} "
            f"herplaatsingen van de pool {c11['pool_year']} ('ongeveer 1100 in 2025'); ongeveer "
            f"{text.number(c12['nl_share'], 'nl')} van het wettelijk minimum van {text.number(c12['pool_relocations'], 'nl')} "
            f"('ongeveer 1600 per jaar')",
            source_line(settings, "nl") + "; pools: Verordening (EU) 2024/1351 art. 12(2), Raad van de EU 8 dec. 2025",
            f"Staven: sleutel over {group.label_nl}, bevolking {settings.population_year}, bbp {settings.gdp_year}; "
            f"lijntjes: bereik over de verdedigbare varianten; gearceerd: het cijfer uit de brief ±10%.",
            f"Horizontale staven die het Nederlandse indicatieve aandeel ({text.number(c11['nl_share'], 'nl')} en "
            f"{text.number(c12['nl_share'], 'nl')} personen) vergelijken met 1100 en 1600 uit de brief, elk met een "
            f"marge van 10%."),
    }
    return charts.export_chart(name, draw, texts, data, claim_ids=["C11", "C12"], left=0.2)
