"""The tables the notebook shows beside the verdicts: the Dutch share under every variant (group x data
year x pool), Eurostat next to the World Bank, reconciliations with aggregates and the press, and which
reading, if any, gives the letter's numbers. Notebook tables, not reader-facing prose (English only).
"""
import pandas as pd

from ...rules import claim_band
from ...sources import snapshots
from .data import CATEGORIES, EUROSTAT, EUROSTAT_GDP, EUROSTAT_POPULATION, NETHERLANDS, WORLDBANK, \
    eurostat_registered, figure
from .key import GROUPS, conversion_sensitivity, group_members, indicative_share, key_inputs, \
    price_per_relocation, share_of
from .settings import Inputs, Settings

POOL_IDS = ("council-2026", "legal-minimum")
AGGREGATE_COLUMN = {WORLDBANK: "world_bank_EUU", EUROSTAT: "eurostat_EU27_2020"}


def nl_people(inputs: Inputs, settings: Settings, pool_id: str) -> float:
    """The Dutch indicative share of one pool, in people (unrounded)."""
    return indicative_share(share_of(inputs.key(settings)), inputs.pool(pool_id))["people"]


def within(people: float, claim: pd.Series) -> bool:
    """The figure lies in the claim's band (`rules.claim_band`)."""
    low, high = claim_band(float(claim["claimed_value"]), claim["qualifier"])
    return low - 1e-9 <= people <= high + 1e-9


def sensitivity(inputs: Inputs, settings: Settings, pool_ids=POOL_IDS) -> pd.DataFrame:
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
        found = inputs.eurostat
        population_year, gdp_year = inputs.latest_years(EUROSTAT)
        text = (f"Eurostat extracts found: {EUROSTAT_POPULATION} = {found.population_source} (population on "
                f"1 January, complete to {population_year}), {EUROSTAT_GDP} = {found.gdp_source} (GDP in million "
                f"euro, complete to {gdp_year}).")
        if settings.key_source == EUROSTAT:
            return text + " The key and the verdicts rest on them; the World Bank key is shown next to it."
        return text + (" The settings choose key_source='worldbank': the key and the verdicts rest on the World "
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


def source_comparison(inputs: Inputs, settings: Settings, pool_ids=POOL_IDS) -> pd.DataFrame:
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


# --- reconciliation and the US-dollar stand-in -----------------------------------------------------

def aggregate_check(inputs: Inputs, population_year: int, gdp_year: int, source: str = WORLDBANK) -> pd.DataFrame:
    """Sum of the 27 Member States against the source's own EU aggregate (World Bank EUU,
    Eurostat EU27_2020); GDP in currency units (US$ or EUR)."""
    found = inputs.key_data(source)
    rows = []
    for name, frame, year in (("population", found.population, population_year), ("gdp", found.gdp, gdp_year)):
        members = frame[(frame["year"] == year) & frame["iso3"].isin(snapshots.EU27)]
        aggregate = frame[(frame["year"] == year) & (frame["iso3"] == "EUU")]["value"]
        total = float(members["value"].sum())
        published = float(aggregate.iloc[0]) if not aggregate.empty else float("nan")
        rows.append({"indicator": name, "year": year, "member_states": len(members),
                     "sum_of_members": round(total), AGGREGATE_COLUMN[source]: round(published),
                     "difference": round(total - published),
                     "difference_pct": round(100 * (total - published) / published, 4)})
    return pd.DataFrame(rows)


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


# --- display tables -------------------------------------------------------------------------------------

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
                             "nl_people": people, "within_band": within(people, claim)})
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
