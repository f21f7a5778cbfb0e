"""The three claim checks, one `ClaimCheck` each, judged under the written editorial standards
(`rules.standards`, applied by `rules.judge`): C11 (about 1,100 in 2025), C12 (about 1,600 a year) and C13
(the Commission found the Netherlands not under migratory pressure). Readings, context, the situation a
check is a case of, conclusion and "why" are computed here; every sentence is a template of texts.toml
filled with the computed values.

Two choices of standard are conditions in code, the same for C11 and C12 (S9: context is only a fact public
on the letter's date that the letter does not give its reader): the option to pay instead of relocating is
context only when the letter does not state it (`data.PAY_INSTEAD_WORDS`), and the smaller 2026 pool is
context for C12 only when no number in the same sentence gives its Dutch share. C11's year is a label slip
(S1) when no pool exists for the year the letter names and the share of the pool decided on the letter's
date matches the number.
"""
import pandas as pd

from ...core.countries import country_name
from ...core.text import EMPTY, Text, in_both, number_range
from ...rules import ABOUT, VOCABULARY, ClaimCheck, Reading, claim_band, judge
from ...rules.standards import BY_ID, SITUATIONS
from .compare import nl_people, within
from .data import CATEGORIES, CLAIM_SOURCES, CLASSIFICATION_ANNOUNCED, EUROSTAT, NETHERLANDS, NOTEBOOK, \
    PAY_INSTEAD_WORDS, POPULATION_SOURCE, SUPPORTED_CATEGORIES, UNDER_PRESSURE, WORLDBANK, figure, \
    figure_date
from .key import POPULATION_WEIGHT, price_per_relocation, share_of
from .settings import Inputs, Settings
from .wording import and_list, date, number, percent, t

FIGURES = ("solidarity-nl-share", "solidarity-key")
FIRST_CYCLE = "first-cycle-year"      # the figure that dates the first cycle (year and start date)
LABEL_SLIP = "label-slip"             # rules.standards.SITUATIONS: the year is a label, the number right (S1)
# Where a reader finds the checked value of C11 and C12: the sensitivity table of the notebook.
CLASSIFICATION_FILE = "data/published/solidarity-classification.csv"
CHECKED_FROM = (f"notebooks/{NOTEBOOK}.ipynb, section 'The Dutch share: sensitivity to the group and the data "
                "year' (compare.sensitivity), the settings row, column {relocations}_people")


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


def judge_numeric(claim: pd.Series, readings, context=()):
    """Apply the numeric standard (rules.judge.judge) to one claim row of the register."""
    return judge.judge(claim_band(float(claim["claimed_value"]), claim["qualifier"]), readings, context)


def letter_says_pay_instead(inputs: Inputs) -> bool:
    """The letter itself states that the share can be met financially (S9: then it is not context)."""
    return PAY_INSTEAD_WORDS in inputs.letter


def pay_instead(inputs: Inputs, pool: pd.Series) -> tuple:
    """(context, note) on the option to pay instead of relocating, the same for C11 and C12 (S9):
    context when the letter does not say it, else a note shown in the why-text."""
    price = number(price_per_relocation(pool))
    if letter_says_pay_instead(inputs):
        return [], [t("note.pay_instead", price=price, words=PAY_INSTEAD_WORDS)]
    return [t("context.pay_instead", price=price)], []


def cite(assessment, situations=(), also=()) -> Text:
    """The standards that decided (the situations', the rule's, then `also`), by id and name."""
    ids = [SITUATIONS[s].standard for s in situations] + [assessment.rule.standard] + list(also)
    ordered = [i for n, i in enumerate(ids) if i and i not in ids[:n]]
    cited = [t("standard.cite", id=i, name=BY_ID[i].name) for i in ordered]
    return and_list([c.en for c in cited], [c.nl for c in cited])


def verdict_sentence(assessment, situations=(), also=()) -> Text:
    verdict = VOCABULARY[assessment.verdict]
    return t("why.verdict", label=Text(verdict.label_en, verdict.label_nl), standards=cite(assessment, situations, also),
             rule=assessment.rule.name)


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


def on_date_settings(inputs: Inputs, settings: Settings, pool_id: str) -> Settings:
    """S3: the settings whose key data were public on the letter's date: `settings`, or the World Bank stand-in
    at its latest years when the settings' source (Eurostat, as refreshed) was published after the letter."""
    if settings.key_source == WORLDBANK:
        return settings
    if not judge.is_later(key_reading(inputs, settings, pool_id, "", "primary")):
        return settings
    return inputs.settings_for(settings, WORLDBANK)


def since_sentence(since, assessment) -> Text:
    """What the data published after the letter would give (S3), and whether that changes the verdict."""
    if since is None or since.primary is None:
        return EMPTY
    verdict = VOCABULARY[since.verdict]
    key = "same" if since.verdict == assessment.verdict else "changes"
    return t(f"why.since.{key}", value=number(since.primary.low), vintage=since.primary.vintage,
             label=Text(verdict.label_en, verdict.label_nl))


def c11_pool(inputs: Inputs, settings: Settings, claim_year: int) -> pd.Series:
    """The pool C11 is read against (S2): the pool for the year the letter names when one exists, else the
    pool decided on the letter's date (settings.pools['C11']), the one the letter's figure is about."""
    own = pool_for_year(inputs, claim_year)
    return own if own is not None else inputs.pool(settings.pools["C11"])


def c11_readings(inputs: Inputs, settings: Settings, claim_year: int) -> list:
    """C11's readings: the Dutch share of `c11_pool` (primary) and of the other defensible key variants
    ('definition'). When a pool exists for the named year and settings.pools['C11'] is another year's,
    that one is a 'comparison' reading. No reading is a constructed figure no source contains (S5)."""
    pool = c11_pool(inputs, settings, claim_year)
    readings = [key_reading(inputs, settings, pool["pool_id"], f"Dutch share of the {pool['year']} pool of "
                            f"{pool['relocations']:,} ({settings.label()})", "primary")]
    readings += _definition_readings(inputs, settings, pool["pool_id"])
    other = inputs.pool(settings.pools["C11"])
    if other["pool_id"] != pool["pool_id"]:
        readings.append(key_reading(inputs, settings, other["pool_id"], f"Dutch share of the {other['year']} pool "
                                    f"of {other['relocations']:,} ({settings.label()})", "comparison"))
    return readings


def is_label_slip(inputs: Inputs, claim_year: int, pool: pd.Series, assessment) -> bool:
    """S1: no pool exists for the year the letter names, the pool read instead is another year's, and its
    Dutch share is within the claim's band (the engine's within-band rule fired)."""
    return (pool_for_year(inputs, claim_year) is None and pool["year"] != claim_year
            and assessment.rule.id == "within-band")


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


def told_in_sentence(value: float, claim: pd.Series, claims: pd.DataFrame = None):
    """The register row of another claim of the same sentence whose band holds `value` (the letter gives
    its reader that figure), else None."""
    if claims is None:
        return None
    same = claims[(claims["quote_nl"] == claim["quote_nl"]) & (claims["claim_id"] != claim.get("claim_id"))]
    for _, other in same.iterrows():
        if pd.notna(other["claimed_value"]) and within(value, other):
            return other
    return None


def c12_context(inputs: Inputs, settings: Settings, claim: pd.Series = None, claims: pd.DataFrame = None) -> tuple:
    """(context, notes) for C12 (`Text`s), derived from the published tables and the letter (S9): the smaller
    2026 pool is context unless the same sentence gives its Dutch share; paying instead as for C11."""
    context, notes = [], []
    pool = inputs.pool(settings.pools["C12"])
    floor = _decided_floor(inputs, settings)
    if floor is not None:
        first, decided = floor
        people = round(nl_people(inputs, settings, decided["pool_id"]))
        values = dict(pool=number(pool["relocations"]), first=str(first), decided=number(decided["relocations"]),
                      people=number(people))
        told = told_in_sentence(people, claim, claims) if claim is not None else None
        if told is None:
            context.append(t("c12.context.floor", **values))
        else:
            notes.append(t("c12.note.floor", said=told["claimed_text"], **values))
    more_context, more_notes = pay_instead(inputs, pool)
    return context + more_context, notes + more_notes


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


def _check(claim_id, assessment, conclusion, why, readings=(), context=(), band=None, figures=(), sources=(),
           **fields):
    return ClaimCheck(claim_id=claim_id, assessment=assessment, conclusion=conclusion, why=why,
                      band=band, readings=tuple(readings), context=tuple(context), source_ids=tuple(sources),
                      figures=tuple(figures), **fields)


def _words(claim) -> str:
    """The letter's exact words a check judges (the register's fragment), "" without a claim row."""
    return "" if claim is None else str(claim.get("fragment_nl", ""))


# --- C11 ------------------------------------------------------------------------------------------------

def check_c11(inputs: Inputs, settings: Settings, claim: pd.Series) -> ClaimCheck:
    """C11 'ongeveer 1100 in 2025': the Dutch share of the pool the letter's figure is about."""
    claim_year = int(claim["period"])
    band = claim_band(float(claim["claimed_value"]), claim["qualifier"])
    pool = c11_pool(inputs, settings, claim_year)
    on_date, later = on_date_settings(inputs, settings, pool["pool_id"]), []
    if on_date != settings:           # S3: the settings' data were published after the letter: "since then"
        later, settings = c11_readings(inputs, settings, claim_year), on_date
    readings = c11_readings(inputs, settings, claim_year) + later
    first = int(figure(inputs.figures, FIRST_CYCLE))
    nl = share_of(inputs.key(settings))
    people = round(nl * pool["relocations"])
    values = dict(pool_year=str(pool["year"]), relocations=number(pool["relocations"]), people=number(people),
                  pct=percent(100 * nl), said=claim["claimed_text"], claim_year=str(claim_year),
                  first_start=date(figure_date(inputs.figures, FIRST_CYCLE)), band=_band_text(band))
    own = pool_for_year(inputs, claim_year) is not None
    context = [] if own else [t("c11.context.year", **values)]
    more_context, notes = pay_instead(inputs, pool)
    context += more_context
    assessment = judge.judge(band, readings, [c.en for c in context])
    slip = is_label_slip(inputs, claim_year, pool, assessment)
    situations = (LABEL_SLIP,) if slip else ()
    matches = within(people, claim)

    year = EMPTY if own else t("c11.conclusion.other_year" if claim_year < first else "c11.conclusion.undecided",
                               **values)
    conclusion = t("c11.conclusion.main", match=t(f"conclusion.{'match' if matches else 'no_match'}", **values),
                   year=year, basis=key_basis(inputs, settings, pool["pool_id"]), **values)
    where = t(f"band.{'inside' if readings[0].matches(band) else 'outside'}", band=_band_text(band))
    opening = t("c11.why.pool" if own else "c11.why.first_pool", where=where, **values)
    year_why = EMPTY
    if not own:
        year_why = t("c11.why.slip" if slip else "c11.why.no_slip", **values)
    variants = _variants_sentence(readings, band)
    comparison = next((r for r in readings if r.kind == "comparison"), None)
    other = EMPTY
    if comparison is not None:
        other = t(f"c11.why.other.{'match' if comparison.matches(band) else 'miss'}", other=number(comparison.low),
                  **values)
    pay_why = t("why.context", items=Text.join(more_context, "; ")) if more_context else EMPTY
    since = judge.since_then(band, readings)
    why = Text.join([opening, variants, year_why, other, pay_why, *notes,
                     verdict_sentence(assessment, situations, ("S9",) if notes or more_context else ()),
                     since_sentence(since, assessment)])
    reading = t("c11.reading.own" if own else "c11.reading.first", **values)
    return _check("C11", assessment, conclusion, why, readings, context, band=band, figures=FIGURES,
                  sources=claim_sources(inputs, "C11"), reading=reading, words_nl=_words(claim),
                  situations=situations, checked_from=CHECKED_FROM.format(relocations=pool["relocations"]),
                  since=since)


def _variants_sentence(readings, band) -> Text:
    definitions = [r for r in readings if r.kind == "definition" and not judge.is_later(r)]
    if not definitions:
        return EMPTY
    misses = [r for r in definitions if not r.matches(band)]
    spread = in_both(number_range, min(r.low for r in definitions), max(r.high for r in definitions))
    return t("why.variants." + ("inside" if not misses else "outside"), count=str(len(definitions)),
             spread=spread, misses=str(len(misses)))


# --- C12 ------------------------------------------------------------------------------------------------

def check_c12(inputs: Inputs, settings: Settings, claim: pd.Series, claims: pd.DataFrame = None) -> ClaimCheck:
    """C12 'gemiddeld ongeveer 1600 per jaar': the Dutch share of the annual pool at its legal minimum.
    `claims` (the register) lets the check see what the same sentence already tells the reader."""
    band = claim_band(float(claim["claimed_value"]), claim["qualifier"])
    on_date, later = on_date_settings(inputs, settings, settings.pools["C12"]), []
    if on_date != settings:           # S3: the settings' data were published after the letter: "since then"
        later, settings = c12_readings(inputs, settings), on_date
    readings = c12_readings(inputs, settings) + later
    context, notes = c12_context(inputs, settings, claim, claims)
    assessment = judge.judge(band, readings, [c.en for c in context])
    pool = inputs.pool(settings.pools["C12"])
    nl = share_of(inputs.key(settings))
    people = round(nl * pool["relocations"])
    values = dict(relocations=number(pool["relocations"]), people=number(people), pct=percent(100 * nl),
                  claimed=number(float(claim["claimed_value"])), said=claim["claimed_text"],
                  about=percent(100 * ABOUT, 0), population_weight=percent(100 * POPULATION_WEIGHT, 0),
                  gdp_weight=percent(100 * (1 - POPULATION_WEIGHT), 0), price=number(price_per_relocation(pool)),
                  band=_band_text(band))
    matches = within(people, claim)
    parts = [t("c12.conclusion.main", within=t(f"c12.within.{'yes' if matches else 'no'}"),
               match=t(f"conclusion.{'match' if matches else 'no_match'}", **values), **values)]
    if context:
        parts.append(t("c12.conclusion.context", items=Text.join(context, "; ")))
    conclusion = t("c12.conclusion.end", main=Text.join(parts, ""), basis=key_basis(inputs, settings, pool["pool_id"]))

    where = "inside" if readings[0].matches(band) else "outside"
    group = t(f"group.{settings.group}")
    opening = t("c12.why.reading", group=group, source=t(f"source.{settings.key_source}"),
                population_year=str(settings.population_year), gdp_year=str(settings.gdp_year),
                where=t(f"band.{where}", band=_band_text(band)), **values)
    context_why = t("why.context", items=Text.join(context, "; ")) if context else EMPTY
    since = judge.since_then(band, readings)
    why = Text.join([opening, _variants_sentence(readings, band), context_why, *notes,
                     verdict_sentence(assessment, also=("S9",)), since_sentence(since, assessment)])
    return _check("C12", assessment, conclusion, why, readings, context, band=band, figures=FIGURES,
                  sources=claim_sources(inputs, "C12"), reading=t("c12.reading", **values), words_nl=_words(claim),
                  checked_from=CHECKED_FROM.format(relocations=pool["relocations"]), since=since)


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
    pressure. Another category is context only when it ties the Netherlands to the pool's support
    (`c13_context`, S9); otherwise it is shown, not counted."""
    categories = categories_of(classification, iso3)
    under = classification.loc[classification["category"] == UNDER_PRESSURE, "iso3"]
    names = ", ".join(sorted(country_name(i, "en") for i in under))
    holds = UNDER_PRESSURE not in categories
    decision = classification["decision"].iloc[0]
    where = ("listed as: " + _category_list(categories).en) if categories else "not classified"
    evidence = f"{decision} lists {names} as under migratory pressure; the Netherlands is {where}"
    return judge.judge_statement(holds, evidence, [c.en for c in c13_context(classification, iso3)])


def c13_context(classification: pd.DataFrame, iso3: str = NETHERLANDS) -> list:
    """S9: a category of the Netherlands other than 'under migratory pressure' that the sources tie to the
    pool's support (SUPPORTED_CATEGORIES) would change the reader's conclusion that it is a contributor."""
    return [t("c13.context.category", category=t(f"category.{c}"))
            for c in categories_of(classification, iso3) if c != UNDER_PRESSURE and c in SUPPORTED_CATEGORIES]


def check_c13(inputs: Inputs, claim: pd.Series = None) -> ClaimCheck:
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
    context = c13_context(classification)
    note = EMPTY
    if outcome == "other":
        note = t("c13.why.context" if context else "c13.why.note", **values)
    why = Text.join([t("c13.why.lists", **values), t(f"c13.why.netherlands.{outcome}", **values), note,
                     verdict_sentence(assessment, also=("S9",) if outcome == "other" else ())])
    return _check("C13", assessment, conclusion, why, context=context, sources=claim_sources(inputs, "C13"),
                  reading=t("c13.reading"), words_nl=_words(claim), checked_from=classification_row(classification))


def classification_row(classification: pd.DataFrame, iso3: str = NETHERLANDS) -> str:
    """Where a reader finds the Netherlands' category: the published table's file line(s) (S5)."""
    lines = [str(int(i) + 2) for i in classification.index[classification["iso3"] == iso3]]
    if not lines:
        return f"{CLASSIFICATION_FILE} (no row for {iso3})"
    return f"{CLASSIFICATION_FILE}, line {', '.join(lines)} ({iso3})"
