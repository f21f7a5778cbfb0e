"""The three claim checks, one `ClaimCheck` each: C11 (about 1,100 in 2025), C12 (about 1,600 a year) and
C13 (the Commission found the Netherlands not under migratory pressure). Readings, context, conclusion and
"why" are computed here; every sentence is a template of texts.toml filled with the computed values.
"""
import pandas as pd

from ...core.countries import country_name
from ...core.text import EMPTY, Text, in_both, number_range
from ...rules import ABOUT, VOCABULARY, ClaimCheck, Reading, assess, assess_statement, claim_band
from .compare import nl_people, within
from .data import CATEGORIES, CLAIM_SOURCES, CLASSIFICATION_ANNOUNCED, EUROSTAT, NETHERLANDS, \
    POPULATION_SOURCE, UNDER_PRESSURE, WORLDBANK, figure, figure_date
from .key import POPULATION_WEIGHT, price_per_relocation, share_of
from .settings import Inputs, Settings
from .wording import and_list, date, number, percent, t

FIGURES = ("solidarity-nl-share", "solidarity-key")
FIRST_CYCLE = "first-cycle-year"      # the figure that dates the first cycle (year and start date)


def _ids(cell: str) -> tuple:
    return tuple(i.strip() for i in str(cell).split(";") if i.strip())


def _latest_date(inputs: Inputs, ids) -> str:
    """The latest publication date among the sources (the day all of them were public), "" if none has one."""
    known = [inputs.dates[i] for i in ids if i in inputs.dates]
    return max(known) if known else ""


def _band_text(band) -> Text:
    return in_both(number_range, band[0], band[1])


def claim_sources(inputs: Inputs, claim_id: str) -> list:
    """CLAIM_SOURCES of a claim, with the Eurostat extracts after the letter when they are
    registered and the claim uses the key (C11, C12)."""
    ids = list(CLAIM_SOURCES[claim_id])
    if inputs.eurostat is not None and POPULATION_SOURCE in ids:
        ids[1:1] = inputs.eurostat.source_ids
    return ids


def pool_for_year(inputs: Inputs, year: int):
    """The decided pool for a calendar year, or None when no pool covers it (before the first cycle)."""
    if year < figure(inputs.figures, FIRST_CYCLE):
        return None
    match = inputs.pools[(inputs.pools["year"] == year).fillna(False).astype(bool)]
    return None if match.empty else inputs.pool(match.iloc[0]["pool_id"])


def assess_numeric(claim: pd.Series, readings, context=()):
    """Apply the project's numeric rule to one claim row of the register."""
    return assess(claim_band(float(claim["claimed_value"]), claim["qualifier"]), readings, context)


# --- readings -----------------------------------------------------------------------------------------

def key_reading(inputs: Inputs, settings: Settings, pool_id: str, label: str, kind: str) -> Reading:
    """The Dutch share of one pool under `settings`, as a reading with its sources and vintage."""
    value = round(nl_people(inputs, settings, pool_id))
    ids = tuple(inputs.key_data(settings.key_source).source_ids) + _ids(inputs.pool(pool_id)["source_id"])
    vintage = f"population {settings.population_year}, GDP {settings.gdp_year}; pool {pool_id}"
    return Reading(label, value, value, kind, source_ids=ids, vintage=vintage,
                   vintage_date=_latest_date(inputs, ids))


def _definition_readings(inputs: Inputs, settings: Settings, pool_id: str) -> list:
    return [key_reading(inputs, variant, pool_id, f"key over {variant.label()}", "definition")
            for variant in inputs.variants(settings, defensible_only=True) if variant != settings]


def c11_readings(inputs: Inputs, settings: Settings, claim_year: int) -> list:
    """C11 names a year. Rule of the year label: the primary reading is the Dutch share of the pool
    FOR THAT YEAR; a pool for another year is a 'comparison' reading (misleading when it matches),
    or 'earlier' when that year lies before the named one (outdated when it matches).
    Before the first cycle no pool exists, so the share for such a year is 0."""
    pool = pool_for_year(inputs, claim_year)
    readings = []
    if pool is None:
        first = int(figure(inputs.figures, FIRST_CYCLE))
        why = f"none exists, the first cycle is {first}" if claim_year < first else "none has been decided"
        ids = _ids(inputs.figures.loc[FIRST_CYCLE, "source_id"])
        readings.append(Reading(f"Dutch share of a solidarity pool for {claim_year}: {why}", 0, 0, "primary",
                                source_ids=ids, vintage=f"first cycle {first}",
                                vintage_date=_latest_date(inputs, ids)))
    else:
        readings.append(key_reading(inputs, settings, pool["pool_id"],
                                    f"Dutch share of the {claim_year} pool ({settings.label()})", "primary"))
        readings += _definition_readings(inputs, settings, pool["pool_id"])
    other = inputs.pool(settings.pools["C11"])
    if other["year"] is not None and other["year"] != claim_year:
        kind = "earlier" if other["year"] < claim_year else "comparison"
        readings.append(key_reading(inputs, settings, other["pool_id"],
                                    f"Dutch share of the {other['year']} pool of {other['relocations']:,} "
                                    f"({settings.label()})", kind))
    return readings


def c12_readings(inputs: Inputs, settings: Settings) -> list:
    """C12: 'an average of about 1600 a year is foreseen': the Dutch share of the annual pool
    named in settings.pools['C12'] (the legal minimum), with the other defensible variants as
    'definition' readings."""
    pool_id = settings.pools["C12"]
    pool = inputs.pool(pool_id)
    primary = key_reading(inputs, settings, pool_id, f"Dutch share of the pool '{pool_id}' of "
                          f"{pool['relocations']:,} relocations ({settings.label()})", "primary")
    return [primary] + _definition_readings(inputs, settings, pool_id)


def _decided_floor(inputs: Inputs, settings: Settings):
    """(first cycle year, the decided pool of that year) when that pool is below the C12 pool, else None."""
    pool = inputs.pool(settings.pools["C12"])
    first = int(figure(inputs.figures, FIRST_CYCLE))
    decided = pool_for_year(inputs, first)
    if decided is not None and decided["relocations"] < pool["relocations"]:
        return first, decided
    return None


def c12_context(inputs: Inputs, settings: Settings) -> list:
    """Context a reader needs with C12 (`Text`s), each item derived from the published tables."""
    context = []
    pool = inputs.pool(settings.pools["C12"])
    floor = _decided_floor(inputs, settings)
    if floor is not None:
        first, decided = floor
        context.append(t("c12.context.floor", pool=number(pool["relocations"]), first=str(first),
                         decided=number(decided["relocations"]),
                         people=number(round(nl_people(inputs, settings, decided["pool_id"])))))
    context.append(t("c12.context.price", price=number(price_per_relocation(pool))))
    return context


# --- shared sentences -----------------------------------------------------------------------------------

def key_basis(inputs: Inputs, settings: Settings, pool_id: str) -> Text:
    """Which source the key rests on and, when both sources are there, what the other gives for the
    Dutch share of `pool_id`."""
    pool = inputs.pool(pool_id)
    found = inputs.key_data(settings.key_source)
    nl = share_of(inputs.key(settings))
    if settings.key_source == EUROSTAT:
        world = share_of(inputs.key(inputs.settings_for(settings, WORLDBANK)))
        people = round(nl * pool["relocations"]) - round(world * pool["relocations"])
        return t("basis.eurostat", population_source=found.population_source, gdp_source=found.gdp_source,
                 population_year=str(settings.population_year), gdp_year=str(settings.gdp_year),
                 world=percent(100 * world), difference=number(100 * (nl - world), 2, signed=True),
                 people=number(people, signed=True))
    if inputs.eurostat is None:
        return t("basis.worldbank")
    euro = share_of(inputs.key(inputs.settings_for(settings, EUROSTAT)))
    return t("basis.worldbank_chosen", eurostat_ids=";".join(inputs.eurostat.source_ids), euro=percent(100 * euro))


def verdict_sentence(assessment) -> Text:
    verdict = VOCABULARY[assessment.verdict]
    return t("why.verdict", label=Text(verdict.label_en, verdict.label_nl), rule=assessment.rule.id)


def _check(claim_id, assessment, conclusion, why, readings=(), context=(), band=None, figures=(), sources=()):
    return ClaimCheck(claim_id=claim_id, assessment=assessment, conclusion=conclusion, why=why,
                      reading=t(f"{claim_id.lower()}.reading"), band=band, readings=tuple(readings),
                      context=tuple(context), source_ids=tuple(sources), figures=tuple(figures))


# --- C11 ------------------------------------------------------------------------------------------------

def check_c11(inputs: Inputs, settings: Settings, claim: pd.Series) -> ClaimCheck:
    """C11 'ongeveer 1100 in 2025': the Dutch share of the pool for the year the claim names."""
    claim_year = int(claim["period"])
    band = claim_band(float(claim["claimed_value"]), claim["qualifier"])
    readings = c11_readings(inputs, settings, claim_year)
    assessment = assess(band, readings)
    pool = inputs.pool(settings.pools["C11"])
    nl = share_of(inputs.key(settings))
    people = round(nl * pool["relocations"])
    first = int(figure(inputs.figures, FIRST_CYCLE))
    first_start = date(figure_date(inputs.figures, FIRST_CYCLE))
    matches = within(people, claim)
    values = dict(pool_year=str(pool["year"]), relocations=number(pool["relocations"]), people=number(people),
                  pct=percent(100 * nl), said=claim["claimed_text"], claim_year=str(claim_year),
                  first_start=first_start, band=_band_text(band))
    year = t("c11.conclusion.other_year", **values) if claim_year < first else EMPTY
    conclusion = t("c11.conclusion.main", match=t(f"c11.conclusion.{'match' if matches else 'no_match'}", **values),
                   year=year, basis=key_basis(inputs, settings, pool["pool_id"]), **values)

    primary = assessment.primary
    if pool_for_year(inputs, claim_year) is None:
        opening = t("c11.why.no_pool" if claim_year < first else "c11.why.not_decided",
                    primary=number(primary.low), **values)
    else:
        where = "inside" if primary.matches(band) else "outside"
        opening = t("c11.why.pool", primary=number(primary.low), where=t(f"band.{where}", band=_band_text(band)),
                    **values)
    comparison = next((r for r in readings if r.kind in ("comparison", "earlier")), None)
    other = EMPTY
    if comparison is not None:
        key = "match" if comparison.matches(band) else "miss"
        other = t(f"c11.why.other.{key}", **values)
    why = Text.join([opening, other, verdict_sentence(assessment)])
    return _check("C11", assessment, conclusion, why, readings, band=band, figures=FIGURES,
                  sources=claim_sources(inputs, "C11"))


# --- C12 ------------------------------------------------------------------------------------------------

def check_c12(inputs: Inputs, settings: Settings, claim: pd.Series) -> ClaimCheck:
    """C12 'gemiddeld ongeveer 1600 per jaar': the Dutch share of the annual pool at its legal minimum."""
    band = claim_band(float(claim["claimed_value"]), claim["qualifier"])
    readings = c12_readings(inputs, settings)
    context = c12_context(inputs, settings)
    assessment = assess(band, readings, [c.en for c in context])
    pool = inputs.pool(settings.pools["C12"])
    nl = share_of(inputs.key(settings))
    people = round(nl * pool["relocations"])
    floor = _decided_floor(inputs, settings)
    values = dict(relocations=number(pool["relocations"]), people=number(people), pct=percent(100 * nl),
                  claimed=number(float(claim["claimed_value"])), said=claim["claimed_text"],
                  about=percent(100 * ABOUT, 0), population_weight=percent(100 * POPULATION_WEIGHT, 0),
                  gdp_weight=percent(100 * (1 - POPULATION_WEIGHT), 0), price=number(price_per_relocation(pool)),
                  band=_band_text(band))
    parts = [t("c12.conclusion.main", within=t(f"c12.within.{'yes' if within(people, claim) else 'no'}"), **values)]
    if floor is not None:
        first, decided = floor
        floor_values = dict(first=str(first), decided=number(decided["relocations"]),
                            decided_people=number(round(nl * decided["relocations"])))
        parts.append(t("c12.conclusion.floor", **floor_values, **values))
    conclusion = t("c12.conclusion.end", main=Text.join(parts, ""), basis=key_basis(inputs, settings, pool["pool_id"]))

    definitions = [r for r in readings if r.kind == "definition"]
    misses = [r for r in definitions if not r.matches(band)]
    variants = EMPTY
    if definitions:
        spread = in_both(number_range, min(r.low for r in definitions), max(r.high for r in definitions))
        variants = t("c12.why.variants." + ("inside" if not misses else "outside"), count=str(len(definitions)),
                     spread=spread, misses=str(len(misses)))
    where = "inside" if readings[0].matches(band) else "outside"
    group = t(f"group.{settings.group}")
    opening = t("c12.why.reading", group=group, source=t(f"source.{settings.key_source}"),
                population_year=str(settings.population_year), gdp_year=str(settings.gdp_year),
                where=t(f"band.{where}", band=_band_text(band)), **values)
    floor_why = EMPTY
    if floor is not None:
        floor_why = t("c12.why.floor", **floor_values, **values)
    why = Text.join([opening, variants, floor_why, t("c12.why.price", **values), verdict_sentence(assessment)])
    return _check("C12", assessment, conclusion, why, readings, context, band=band, figures=FIGURES,
                  sources=claim_sources(inputs, "C12"))


# --- C13 ------------------------------------------------------------------------------------------------

def categories_of(classification: pd.DataFrame, iso3: str = NETHERLANDS) -> list:
    """The Commission's categories for a Member State (empty when it is not classified)."""
    found = classification.loc[classification["iso3"] == iso3, "category"]
    return [c for c in CATEGORIES if c in set(found)]


def _category_list(categories) -> Text:
    return Text.join([t(f"category.{c}") for c in categories], ", ")


def c13_assessment(classification: pd.DataFrame, iso3: str = NETHERLANDS):
    """C13 says the Commission indicated the Netherlands has not reached 'migratory pressure'.
    It holds when the Commission's decision does not list the Netherlands as under migratory
    pressure; the category it does list it in is context."""
    categories = categories_of(classification, iso3)
    under = classification.loc[classification["category"] == UNDER_PRESSURE, "iso3"]
    names = ", ".join(sorted(country_name(i, "en") for i in under))
    holds = UNDER_PRESSURE not in categories
    decision = classification["decision"].iloc[0]
    where = ("listed as: " + _category_list(categories).en) if categories else "not classified"
    evidence = f"{decision} lists {names} as under migratory pressure; the Netherlands is {where}"
    return assess_statement(holds, evidence, [c.en for c in c13_context(classification, iso3)])


def c13_context(classification: pd.DataFrame, iso3: str = NETHERLANDS) -> list:
    return [t("c13.context.category", category=t(f"category.{c}"))
            for c in categories_of(classification, iso3) if c != UNDER_PRESSURE]


def check_c13(inputs: Inputs) -> ClaimCheck:
    """C13 'niet de grens van migratiedruk bereikt': where the Commission's decision places the Netherlands."""
    classification = inputs.classification
    assessment = c13_assessment(classification)
    categories = categories_of(classification)
    under = classification.loc[classification["category"] == UNDER_PRESSURE, "iso3"]
    values = dict(date=date(inputs.date(CLASSIFICATION_ANNOUNCED)),
                  names=and_list(sorted(country_name(i, "en") for i in under),
                                 sorted(country_name(i, "nl") for i in under)),
                  where=_category_list(categories))
    if UNDER_PRESSURE in categories:
        outcome = "under"
    else:
        outcome = "other" if categories else "none"
    conclusion = t(f"c13.conclusion.{outcome}", **values)
    why = Text.join([t("c13.why.lists", **values), t(f"c13.why.netherlands.{outcome}", **values),
                     verdict_sentence(assessment)])
    return _check("C13", assessment, conclusion, why, context=c13_context(classification),
                  sources=claim_sources(inputs, "C13"))
