"""The reference key of the Asylum and Migration Management Regulation (AMMR, Regulation (EU) 2024/1351):
Art. 66 and Annex I. Each Member State's share is 50 % its share of the population plus 50 % its share
of total GDP, over a group of Member States (`GROUPS`). Pure arithmetic on tables, no I/O.
"""
from dataclasses import dataclass

import pandas as pd

from ...core.errors import InputError
from ...sources import snapshots
from .data import GDP_SOURCE, NETHERLANDS, POPULATION_SOURCE, UNDER_PRESSURE

POPULATION_WEIGHT = 0.5     # Art. 66: population 50 %, GDP 50 %


@dataclass(frozen=True)
class Group:
    """A set of Member States over which the key is normalised (its labels are in texts.toml, group.<id>)."""
    drop_not_participating: bool    # leave out states outside the solidarity mechanism (Denmark)
    drop_under_pressure: bool       # leave out the states the Commission found under migratory pressure
    defensible: bool                # a reading of the AMMR's own text (used in the verdicts)
    basis: str


GROUPS = {
    "ammr-26": Group(True, False, True, "Art. 12(2)/66: 'each Member State'; Denmark is not part of the solidarity "
                                        "mechanism; Ireland opted in"),
    "eu-27": Group(False, False, True, "Annex I: 'n: the overall number of MS', read as all 27"),
    "contributors-23": Group(False, True, False, "press reading ('to the other 23'); not the legal formula: Art. 61 "
                                                 "gives states under pressure contributions of their own"),
    "contributors-22": Group(True, True, False, "press reading applied to the states in the mechanism; not the "
                                                "legal formula"),
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
    """Annex I of the AMMR: share_i = w * pop_i / sum(pop) + (1 - w) * gdp_i / sum(gdp), w = POPULATION_WEIGHT.

    Returns the inputs with population_share, gdp_share and key (fractions summing to 1),
    sorted by key, largest first (ties by iso3)."""
    if inputs.empty:
        raise ValueError("no Member States to compute a key over")
    if (inputs[["population", "gdp"]] <= 0).any().any():
        raise ValueError("population and GDP must be positive")
    table = inputs.copy()
    table["population_share"] = table["population"] / table["population"].sum()
    table["gdp_share"] = table["gdp"] / table["gdp"].sum()
    table["key"] = POPULATION_WEIGHT * table["population_share"] + (1 - POPULATION_WEIGHT) * table["gdp_share"]
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
