"""One `ClaimCheck` per claim (C06-C10): the readings, the verdict from the rules, and every sentence
(conclusion, why, context) rendered from texts.toml with the computed values filled in. Where a
sentence would be wrong under another outcome, the template is chosen by the computed outcome."""
import math

import pandas as pd

from ...core import text
from ...core.countries import country_name
from ...core.text import Text
from ...rules import VOCABULARY, ClaimCheck, assess, assess_statement, claim_band
from .compare import combine_years
from .data import AT_LETTER, DEFINITION_SOURCES, LATEST, MASKING_SOURCES, decisions_source_id, texts
from .ranges import cell_range
from .readings import Figure, bulgaria_figures, count_figure, primary_of, readings
from .rates import DEFINITIONS, PRIMARY
from .select import asylum

UNHCR_SOURCES = (decisions_source_id(LATEST), decisions_source_id(AT_LETTER))
GRANTED = ["dec_recognized", "dec_other"]


# --- helpers --------------------------------------------------------------------------------

def n(value, decimals: int = 0) -> Text:
    """A number in both languages (no thousands separator below 10,000: counts and rates here)."""
    return Text(text.number(value, "en", decimals), text.number(value, "nl", decimals))


def names(codes) -> Text:
    """'A, B and C' / 'A, B en C' from ISO3 codes."""
    both = {lang: [country_name(c, lang, c) for c in codes] for lang in ("en", "nl")}
    if len(codes) == 1:
        return Text(both["en"][0], both["nl"][0])
    return texts()["list.and"].format(first=Text(", ".join(both["en"][:-1]), ", ".join(both["nl"][:-1])),
                                      last=Text(both["en"][-1], both["nl"][-1]))


def position(reading, band) -> str:
    """Where a reading lies against the claim's band: inside, range_only, claim_above, claim_below."""
    if reading.matches(band):
        return "inside"
    if reading.overlaps(band):
        return "range_only"
    return "claim_above" if (band[0] + band[1]) / 2 > reading.high else "claim_below"


def verdict_label(assessment) -> Text:
    """The verdict's label in both languages, lower case, for use inside a sentence."""
    verdict = VOCABULARY[assessment.verdict]
    return Text(verdict.label_en.lower(), verdict.label_nl.lower())


def verdict_sentence(assessment) -> Text:
    verdict = VOCABULARY[assessment.verdict]
    return texts()["verdict_sentence"].format(verdict=Text(verdict.label_en, verdict.label_nl), rule_id=assessment.rule.id, rule_name=assessment.rule.name)


def band_of(claims: pd.DataFrame, claim_id: str) -> tuple:
    row = claims.loc[claim_id]
    return claim_band(row["claimed_value"], row["qualifier"])


def _sources(*groups) -> tuple:
    return tuple(s for group in groups for s in group)


# --- C06 and C07: Bulgaria, applicants from Türkiye -------------------------------------------

def _bulgaria(bg: pd.DataFrame, year: int, vintage: str, definition: str) -> pd.Series:
    return bg[(bg["year"] == year) & (bg["definition"] == definition) & (bg["vintage"] == vintage)].iloc[0]


def _unhcr_rates(figures) -> dict:
    return {f.definition: f.shown for f in figures if f.definition}


def _eurostat_values(eurostat, year: int) -> dict:
    r = eurostat[eurostat["year"] == year].iloc[0]
    return {"positive": n(int(r["positive"])), "decisions": n(int(r["positive"] + r["rejected"])),
            "rate": n(r["rate"], 1), "low": n(r["rate_low"], 1), "high": n(r["rate_high"], 1)}


def check_c06(claims: pd.DataFrame, bg: pd.DataFrame, eurostat=None, eurostat_id: str = "",
              eurostat_date: str = "", year: int = 2023, vintage: str = LATEST) -> ClaimCheck:
    """C06: Bulgaria's recognition rate for applicants from Türkiye was 0% in 2023."""
    T = texts()
    band = band_of(claims, "C06")
    figures = bulgaria_figures(bg, year, vintage, eurostat, eurostat_id, eurostat_date)
    with_eurostat = any(f.source_ids == (eurostat_id,) for f in figures) if eurostat_id else False
    tp = _bulgaria(bg, year, vintage, PRIMARY)
    counts = bg[(bg["year"] == year) & (bg["vintage"] == vintage)]
    recognized = _bulgaria(bg, year, vintage, "refugee_status")["numerator"]
    other = tp["numerator"] - recognized
    cell_high = cell_range(0)[1]
    context = [T["c06.context.masked"].format(recognized=n(recognized), other=n(other), cell_high=cell_high),
               T["context.fa"]] + ([T["context.no_eurostat"]] if eurostat is None else [])
    assessment = assess(band, readings(figures), [c.en for c in context])
    unhcr_primary = next(f for f in figures if f.definition == PRIMARY)
    unhcr_reading = unhcr_primary.reading()
    rates = _unhcr_rates(figures)
    eurostat_text = (T["c06.eurostat.present"].format(source=eurostat_id) if with_eurostat else T["c06.eurostat.none"])
    values = dict(year=str(year), rate=n(tp["rate"]), positive=n(tp["numerator"]),
                  substantive=n(tp["numerator"] + tp["rest"]), cell_high=cell_high, rounding=T["rounding"],
                  high=n(unhcr_reading.high))
    conclusion = T["c06.conclusion"].format(eurostat=eurostat_text, **values)
    all_row = counts[counts["definition"] == "all_decisions"].iloc[0]
    note = (T["primary_note.eurostat"].format(source=eurostat_id, **_eurostat_values(eurostat, year)) if with_eurostat
            else T["primary_note.unhcr"])
    why = T["c06.why"].format(
        all=n(all_row["numerator"] + all_row["rest"]), tp=n(rates[PRIMARY], 1), rs=n(rates["refugee_status"], 1),
        ad=n(rates["all_decisions"], 1), band=T[f"band.{_band_key(assessment.primary, band)}"].format(
            band_low=n(band[0], 1), band_high=n(band[1], 1)),
        primary_note=note, verdict_sentence=verdict_sentence(assessment), **values)
    return _bulgaria_check("C06", assessment, conclusion, why, year, band, figures, context, eurostat_id)


def _bulgaria_check(claim_id, assessment, conclusion, why, year, band, figures, context, eurostat_id) -> ClaimCheck:
    """The record for C06 or C07: Bulgaria's rate for applicants from Türkiye in one year."""
    primary = primary_of(figures)
    return ClaimCheck(claim_id, assessment, conclusion, why, reading=texts()["bulgaria.reading"].format(year=str(year)),
                      band=band, readings=readings(figures), context=context,
                      source_ids=_sources(UNHCR_SOURCES, DEFINITION_SOURCES, MASKING_SOURCES,
                                          ["aida-bg-2024-differential-treatment"], [eurostat_id] if eurostat_id else []),
                      figures=("recognition-turkiye-bulgaria-eu",), checked_value=primary.shown,
                      checked_from=", ".join(primary.source_ids))


def _band_key(reading, band) -> str:
    where = position(reading, band)
    return {"inside": "inside", "range_only": "range_only"}.get(where, "outside")


def check_c07(claims: pd.DataFrame, bg: pd.DataFrame, eurostat=None, eurostat_id: str = "",
              eurostat_date: str = "", year: int = 2024, vintage: str = LATEST) -> ClaimCheck:
    """C07: Bulgaria's recognition rate for applicants from Türkiye was only 14% in 2024."""
    T = texts()
    band = band_of(claims, "C07")
    claimed = n(float(claims.loc["C07", "claimed_value"]))
    figures = bulgaria_figures(bg, year, vintage, eurostat, eurostat_id, eurostat_date)
    with_eurostat = bool(eurostat_id) and any(f.source_ids == (eurostat_id,) for f in figures)
    rates = _unhcr_rates(figures)
    shown = [T["c07.shown_item"].format(rate=n(v, 1), definition=T[f"definition_short.{k}"]) for k, v in rates.items()]
    context = [T["c07.context.masked"].format(shown=Text.join(shown, ", ")), T["context.fa"]] + (
        [T["context.no_eurostat"]] if eurostat is None else [])
    assessment = assess(band, readings(figures), [c.en for c in context])
    tp = _bulgaria(bg, year, vintage, PRIMARY)
    unhcr = next(f for f in figures if f.definition == PRIMARY).reading()
    others = Text.join([T["c07.other_item"].format(rate=n(v, 1), definition=T[f"definition.{k}"])
                        for k, v in rates.items() if k != PRIMARY], ", ")
    common = dict(year=str(year), claimed=claimed, rounding=T["rounding"], tp=n(rates[PRIMARY], 1),
                  rs=n(rates["refugee_status"], 1), ad=n(rates["all_decisions"], 1),
                  band=T[f"band.{_band_key(assessment.primary, band)}"].format(band_low=n(band[0], 1),
                                                                                band_high=n(band[1], 1)),
                  verdict_sentence=verdict_sentence(assessment))
    if with_eurostat:
        e = _eurostat_values(eurostat, year)
        relation = T[f"c07.relation.{position(assessment.primary, band)}"].format(claimed=claimed)
        conclusion = T["c07.conclusion.eurostat"].format(source=eurostat_id, relation=relation,
                                                         unhcr_rate=n(tp["rate"], 1),
                                                         others=others, **e, year=str(year))
        why = T["c07.why.eurostat"].format(source=eurostat_id, **e, **{k: v for k, v in common.items()
                                                                          if k not in ("rounding", "claimed")})
    else:
        conclusion = T["c07.conclusion.unverifiable"].format(
            positive=n(tp["numerator"]), substantive=n(tp["numerator"] + tp["rest"]), rate=n(tp["rate"], 1),
            others=others, low=n(unhcr.low, 1), high=n(unhcr.high, 1), eurostat=T["c07.eurostat.none"],
            **{k: common[k] for k in ("year", "claimed", "rounding")})
        exact = assess(band, readings(figures, use_ranges=False), [c.en for c in context])
        why = T["c07.why.unhcr"].format(
            exact_verdict=verdict_label(exact), positive=n(tp["numerator"]),
            positive_low=n(tp["numerator_low"]), positive_high=n(tp["numerator_high"]), low=n(unhcr.low, 1),
            high=n(unhcr.high, 1), **{k: v for k, v in common.items() if k != "rounding"})
    return _bulgaria_check("C07", assessment, conclusion, why, year, band, figures, context, eurostat_id)


# --- C08: "Elders is dit veel hoger" ---------------------------------------------------------

def check_c08(claims: pd.DataFrame, tr: pd.DataFrame, by_country: pd.DataFrame, sensitivity: pd.DataFrame,
              share_of, years=(2023, 2024), eu27=()) -> ClaimCheck:
    """C08: elsewhere in the EU the rate is much higher. `tr` from `rates.turkiye_rates`, `by_country`
    from `compare.much_higher_table` against the letter's bands, `sensitivity` from
    `compare.much_higher_sensitivity`; `share_of(codes, year)` gives a share of the EU's decisions."""
    T = texts()
    eu = tr[tr["coa_iso"] == "EU27_EXCL_BGR"].set_index("year")
    row = sensitivity[(sensitivity["definition"] == PRIMARY)
                      & (sensitivity["Bulgarian baseline"] == "letter's figures")].iloc[0]
    results = {y: row[f"holds {y}"] for y in years}
    members = by_country["coa_iso"].isin(list(eu27))
    holds_in = by_country.loc[by_country["holds_all_years"].eq(True) & members, "coa_iso"].tolist()
    fails_in = by_country.loc[by_country["holds_all_years"].eq(False) & members, "coa_iso"].tolist()
    claim = {y: n(float(claims.loc[c, "claimed_value"])) for y, c in zip(years, ("C06", "C07"))}
    share_holds = share_of(holds_in, years[-1])
    evidence = T["c08.evidence"].format(
        eu23=n(eu.loc[years[0], "rate"], 1), eu24=n(eu.loc[years[1], "rate"], 1), claim23=claim[years[0]],
        claim24=claim[years[1]], holds_codes=", ".join(holds_in), fails_codes=", ".join(fails_in),
        share_holds=n(share_holds))
    holds = combine_years(results.values())
    assessment = assess_statement(holds, evidence.en)
    big = tr[tr["coa_iso"].isin(list(eu27)) & tr["year"].isin(list(years))].groupby("coa_iso")[
        ["numerator", "rest"]].sum().sum(axis=1)
    big = [code for code, _ in sorted(big.items(), key=lambda item: (-int(item[1]), item[0]))[:2]]
    values = dict(eu23=n(eu.loc[years[0], "rate"]), eu24=n(eu.loc[years[1], "rate"]), claim23=claim[years[0]],
                  claim24=claim[years[1]], verdict=verdict_label(assessment))
    if holds == "partly" and results[years[-1]] is False:
        conclusion = T["c08.conclusion.partly"].format(
            holds_names=names(holds_in), big1=names(big[:1]), big2=names(big[1:]),
            share_big=n(share_of(big, years[-1])), **{k: v for k, v in values.items() if k != "verdict"})
    else:
        conclusion = T["c08.conclusion.other"].format(**values)
    outcome = {True: "holds", False: "fails", None: "undecided"}
    per_year = [T[f"c08.year.{outcome[results[y]]}"].format(year=str(y), eu=n(eu.loc[y, "rate"], 1), claim=claim[y])
                for y in years]
    why = T["c08.why"].format(years=Text.join(per_year, "; "), holds_count=str(sum(r is True for r in results.values())),
                              holds_names=names(holds_in) if holds_in else Text("-", "-"),
                              share_holds=n(share_holds), fails_names=names(fails_in) if fails_in else Text("-", "-"),
                              verdict_sentence=verdict_sentence(assessment))
    reading = T["c08.reading"].format(first=str(years[0]), last=str(years[-1]))
    return ClaimCheck("C08", assessment, conclusion, why, reading=reading, source_ids=_sources(
        UNHCR_SOURCES, ["unhcr-recognition-rate-definitions"], MASKING_SOURCES),
        figures=("recognition-turkiye-bulgaria-eu",))


# --- C09: Hungary ---------------------------------------------------------------------------

def check_c09(claims: pd.DataFrame, frames: dict, hu: pd.DataFrame, published: pd.DataFrame,
              year: int = 2025, earlier: int = 2024) -> ClaimCheck:
    """C09: Hungary recognises no refugees. `frames`: vintage -> extract; `hu` from
    `rates.outcomes_by_year` (LATEST, FI and FA); `published`: the published figures table."""
    T = texts()
    band = band_of(claims, "C09")
    hun = {v: asylum(frames[v], "HUN", ["FI"]) for v in frames}
    figures = [
        count_figure(hun[LATEST], year, ["dec_recognized"], "primary",
                     T["c09.label.primary"].en.format(year=year, vintage=LATEST), LATEST),
        count_figure(hun[AT_LETTER], earlier, ["dec_recognized"], "earlier",
                     T["c09.label.earlier"].en.format(year=earlier, vintage=AT_LETTER), AT_LETTER)]
    part = count_figure(hun[AT_LETTER], year, ["dec_recognized"], "earlier", "", AT_LETTER)
    context = [T["c09.context.part_year"].format(vintage=AT_LETTER, year=str(year), shown=n(part.shown),
                                                 low=n(part.low), high=n(part.high))]
    assessment = assess(band, readings(figures), [c.en for c in context])
    points = assess(band, readings(figures, use_ranges=False), [c.en for c in context])
    primary = assessment.primary
    years = hu.loc[hu["recognized_low"] > 0, "year"]
    aida = published.set_index("figure_id").loc["hu-2023-refugee"]
    values = dict(n=n(figures[0].shown), year=str(year), low=n(primary.low), high=n(primary.high),
                  n_earlier=n(figures[1].shown), year_earlier=str(earlier), aida=n(aida["value"]),
                  aida_year=str(int(aida["year"])))
    extra = dict(first=str(years.min()), last=str(years.max()), part=n(part.shown), part_low=n(part.low),
                 part_high=n(part.high))
    key = "contradicted" if primary.low > 0 and figures[1].low > 0 else "other"
    conclusion = T[f"c09.conclusion.{key}"].format(**values, **(extra if key == "contradicted" else {}))
    other = int(hu.set_index("year").loc[year, "other"])
    same = (T["same.same"] if points.verdict == assessment.verdict
            else T["same.different"].format(points=verdict_label(points)))
    why = T["c09.why"].format(**values, **extra, other=n(other), side=T[f"side.{position(primary, band)}"],
                              same=same, verdict_sentence=verdict_sentence(assessment))
    return ClaimCheck("C09", assessment, conclusion, why, reading=T["c09.reading"].format(year=str(year)), band=band, readings=readings(figures), context=context,
                      source_ids=_sources(UNHCR_SOURCES, ["aida-hu-statistics-2023", "ecre-hu-aida-2023",
                                                          "aida-hu-overview-2023"], MASKING_SOURCES[:1]),
                      figures=("recognition-hungary-outcomes",), checked_value=figures[0].shown,
                      checked_from=", ".join(figures[0].source_ids))


# --- C10: Croatia ---------------------------------------------------------------------------

def c10_figures(frames: dict, year: int = 2025, earlier: int = 2024) -> list:
    """People granted a status in Croatia: 2025 (FI primary, FI + JR), 2024 in both vintages."""
    T = texts()

    def figure(vintage, levels, y, kind):
        note = T["c10.label_at_letter"].en if (vintage == AT_LETTER and y == earlier) else ""
        label = T["c10.label"].en.format(year=y, vintage=vintage, note=note, levels=" + ".join(levels))
        return count_figure(asylum(frames[vintage], "HRV", levels), y, GRANTED, kind, label, vintage)

    return [figure(LATEST, ["FI"], year, "primary"), figure(LATEST, ["FI", "JR"], year, "definition"),
            figure(LATEST, ["FI"], earlier, "earlier"), figure(LATEST, ["FI", "JR"], earlier, "earlier"),
            figure(AT_LETTER, ["FI"], earlier, "earlier")]


def check_c10(claims: pd.DataFrame, frames: dict, year: int = 2025, earlier: int = 2024) -> ClaimCheck:
    """C10: only 80 people were granted a status in Croatia last year."""
    T = texts()
    band = band_of(claims, "C10")
    claimed = float(claims.loc["C10", "claimed_value"])
    figures = c10_figures(frames, year, earlier)
    context = [T["c10.context.no_2025"].format(year=str(year))]
    assessment = assess(band, readings(figures), [c.en for c in context])
    now, fi, jr = figures[0], figures[2], figures[3]
    values = dict(claimed=n(claimed), year=str(year), year_earlier=str(earlier), n=n(now.shown), low=n(now.low),
                  high=n(now.high), fi=n(fi.shown), fi_low=n(fi.low), fi_high=n(fi.high), jr=n(jr.shown),
                  jr_low=n(jr.low), jr_high=n(jr.high))
    key = "above" if assessment.verdict in ("overstated", "inaccurate") else "other"
    conclusion = T[f"c10.conclusion.{key}"].format(**values)
    earlier_readings = [f.reading() for f in (fi, jr)]
    earlier_side = ("inside" if any(r.matches(band) for r in earlier_readings)
                    else "range_only" if any(r.overlaps(band) for r in earlier_readings) else "outside")
    ratio = (lambda a, b: Text("-", "-") if b <= 0 else n(a / b, 1))
    why = T["c10.why"].format(**values, side=T[f"side.{position(assessment.primary, band)}"],
                              factor_high=ratio(claimed, now.high), factor_shown=ratio(claimed, now.shown),
                              earlier_side=T[f"earlier_side.{earlier_side}"].format(
                                  **{k: values[k] for k in ("fi_low", "fi_high", "jr_low", "jr_high")}),
                              verdict_sentence=verdict_sentence(assessment))
    return ClaimCheck("C10", assessment, conclusion, why, reading=T["c10.reading"].format(year=str(year)), band=band, readings=readings(figures), context=context,
                      source_ids=_sources(UNHCR_SOURCES, ["aida-hr-statistics-2023", "aida-hr-statistics-2022"],
                                          MASKING_SOURCES[:1]),
                      figures=("recognition-croatia-outcomes",), checked_value=now.shown,
                      checked_from=", ".join(now.source_ids))
