"""One `check_cNN(...) -> ClaimCheck` per claim C14-C20 under the written editorial standards
(`rules.standards`): every part and single-part claim is judged by `rules.judge` (`judge`, `judge_statement`,
`judge_examples`), a sentence's headline by `judge.combine` (S8), and the conclusion, "why" paragraph and
context are rendered from texts.toml with the computed values. Nothing here types a verdict, a rule or a
figure into a sentence."""
import pandas as pd

from ...core import text
from ...core.countries import country_name
from ...core.text import Text, in_both
from ...rules import ClaimCheck, Reading, VOCABULARY, claim_band
from ...rules.judge import combine, judge, judge_examples, judge_statement
from ...rules.standards import BY_ID
from . import agreement, hosting, procedure, protection, research
from .charts import HOSTS_PER_CAPITA_CHART, HOSTS_TOTAL_CHART, PROCEDURE_CHART, TP_CHART
from .data import latest_date, table_sources, tx

C14_LEGAL_BASIS = "stb-2021-250"        # Staatsblad 2021, 250: the 2021 change of the procedure, cited in the row
SEARCHES = len(agreement.AGREEMENT_SEARCHES)


def _label(assessment) -> Text:
    verdict = VOCABULARY[assessment.verdict]
    return Text(verdict.label_en, verdict.label_nl)


def _rule(assessment) -> str:
    """The rule that fired, by name, with the standard it applies: "Within the claim's band, S5 The checked value"."""
    standard = BY_ID[assessment.rule.standard]
    return f"{assessment.rule.name}, {standard.id} {standard.name}"


def _by_verdict(prefix: str, verdict: str, groups: dict) -> Text:
    """The template `prefix.<group>` for the group the computed verdict falls in."""
    for group, verdicts in groups.items():
        if verdict in verdicts:
            return tx(f"{prefix}.{group}")
    raise KeyError(f"{prefix}: no template for verdict {verdict!r}")


# --- C14 ------------------------------------------------------------------------------------------

C14_WORDS = "de huidige procedure op papier korter dan twee weken duurt"


def check_c14(proc: pd.DataFrame, waiting: pd.DataFrame) -> ClaimCheck:
    """"Op papier korter dan twee weken": the general asylum procedure (AA) on paper in calendar days
    against the band of "less than 14 days" (0-13), the reading a reader of the letter most likely
    takes (S2); AA+ is a definition reading, the rest and preparation period before it and the 2010-2021
    rules are shown beside (`procedure.PAPER_READINGS`). Context (S9), each from a condition: the time on
    paper with the rest and preparation period is outside the band; the legal decision period that
    applies to cases sent on to the extended procedure is outside it."""
    durations = procedure.paper_durations(proc).set_index("key", drop=False)
    readings = procedure.c14_readings(durations)
    band = procedure.less_than_band(14)
    aa, aa_plus, with_rvt, old = (durations.loc[k] for k in ("aa", "aa-plus", "rvt+aa", "aa-2010"))
    decision = procedure.stage_row(proc, "decision-period", "standard")
    timeline = procedure.paper_vs_practice(proc, waiting, durations.reset_index(drop=True))
    values = dict(
        aa_days=int(aa["working_days"]), aa_calendar=procedure.days_text(aa),
        plus_days=int(aa_plus["working_days"]), plus_calendar=procedure.days_text(aa_plus),
        rvt=procedure.stage_days(proc, "rest-and-preparation", "since-2010"),
        low=int(with_rvt["calendar_days_low"]), high=int(with_rvt["calendar_days_high"]),
        old_days=int(old["working_days"]), old_calendar=procedure.days_text(old),
        months=int(decision["value"]), words=C14_WORDS,
        wait_1=Text(*(procedure.practice_wait_text(timeline, procedure.PRACTICE_BARS[0][0], lang) for lang in ("en", "nl"))),
        wait_2=Text(*(procedure.practice_wait_text(timeline, procedure.PRACTICE_BARS[1][0], lang) for lang in ("en", "nl"))))
    context = []
    if with_rvt["calendar_days_high"] > band[1]:
        context.append(tx("c14.context.rest").format(**values))
    if procedure.to_weeks(decision["value"], decision["unit"]) * 7 > band[1]:
        context.append(tx("c14.context.extended").format(**values))
    assessment = judge(band, readings, context=[c.en for c in context])
    values.update(verdict=_label(assessment), rule=_rule(assessment),
                  aa_vs=tx("c14.aa_vs.shorter" if aa["calendar_days_high"] <= band[1] else "c14.aa_vs.longer"),
                  context=Text.join(context, "; "))
    conclusion = _by_verdict("c14.conclusion", assessment.verdict, {
        "accurate": ("accurate",), "context": ("accurate-needs-context",),
        "definition": ("definition-dependent",),
        "longer": ("outdated", "overstated", "understated", "inaccurate", "misleading", "unverifiable")})
    why = tx("c14.why").format(**values)
    if context:
        why = Text.join([why, tx("c14.why_context").format(**values)])
    return ClaimCheck(
        "C14", assessment, conclusion.format(**values), why, reading=tx("c14.reading_judged"), band=band,
        readings=readings, context=tuple(context), words_nl=C14_WORDS,
        checked_value=float(aa["calendar_days_high"]),
        checked_from=tx("c14.checked_from").format(line=procedure.stage_line(proc, "general-procedure", "since-2021")).en,
        source_ids=table_sources(proc, waiting) + [C14_LEGAL_BASIS], figures=(PROCEDURE_CHART,))


# --- C15 ------------------------------------------------------------------------------------------

C15_WORDS = {"a": "verblijft immers een groot deel van de Oekraïners al vijf jaar in ons land",
             "b": "Na aflopen van de Richtlijn Tijdelijke Bescherming in 2027"}
C15_CLAIMED_YEARS, C15_CLAIMED_END_YEAR = 5, 2027      # the letter's "vijf jaar" and "in 2027"


def check_c15(timeline: pd.DataFrame, primary_stock: pd.DataFrame, published_stock: pd.DataFrame,
              sources: pd.DataFrame = None) -> ClaimCheck:
    """The sentence in two parts (S8): a, its main number, "een groot deel ... al vijf jaar": the stay of the
    2022 arrivals on the current end date against the band of "five years" (4.5-5.5), the stock series
    (`primary_stock`, from `protection.tp_primary_stock`) as context: how much of today's group was there by
    end-2022; b, "in 2027": the current end date of temporary protection, a statement."""
    dates = protection.tp_dates(timeline)
    cohorts = protection.cohort_years(timeline)
    c2022 = cohorts.set_index("arrival_year").loc[2022]
    stock = protection.stock_series(primary_stock, timeline)
    end_2022 = stock.loc[stock["date"] == "2022-12-31"].iloc[0]
    latest = stock.iloc[-1]
    basis = protection.tp_basis(primary_stock)
    low, high = float(c2022.years_at_end_low), float(c2022.years_at_end_high)
    both = in_both
    end_ids = protection.end_sources(timeline)
    values = dict(
        activation=Text(dates["activation"].isoformat(), text.date(dates["activation"], "nl")),
        end_iso=Text(dates["end"].isoformat(), text.date(dates["end"], "nl")),
        end=both(text.date, dates["end"]), low=both(text.number, low, decimals=1),
        high=both(text.number, high, decimals=1), five=both(text.number, 5, decimals=1),
        end_2022=both(text.number, end_2022.value), latest=both(text.number, latest.value),
        latest_date=latest.date, latest_month=latest.date[:7], claimed_year=C15_CLAIMED_END_YEAR,
        end_year=dates["end"].year, end_source=", ".join(end_ids),
        share=both(text.number, end_2022.share_of_latest * 100), basis=basis["text"])
    context = (tx("c15.context.full_years").format(**values), tx("c15.context.net_stock").format(**values))
    vintage_date = latest_date(sources, end_ids)
    reading = Reading(tx("c15.reading").en, low, high, source_ids=end_ids,
                      vintage=tx("c15.vintage").format(end=dates["end"].isoformat()).en, vintage_date=vintage_date)
    band = claim_band(C15_CLAIMED_YEARS)
    stay = judge(band, [reading], context=[c.en for c in context])
    end_holds = dates["end"].year == C15_CLAIMED_END_YEAR
    end = judge_statement(end_holds, tx("c15.b.evidence").format(**values).en)
    reach = "some" if low < 5 <= high else ("all" if low >= 5 else "none")
    values.update(reach=tx(f"c15.reach.{reach}"))
    sources_all = table_sources(timeline, primary_stock, published_stock)
    part_a = ClaimCheck(
        "C15", stay, tx("c15.a.conclusion").format(**values),
        tx("c15.a.why").format(verdict=_label(stay), rule=_rule(stay), **values),
        reading=tx("c15.reading_judged"), band=band, readings=(reading,), context=context, part="a",
        words_nl=C15_WORDS["a"], checked_value=high,
        checked_from=tx("c15.a.checked_from").en, source_ids=sources_all, figures=(TP_CHART,))
    part_b = ClaimCheck(
        "C15", end, tx("c15.b.conclusion." + ("holds" if end_holds else "differs")).format(**values),
        tx("c15.b.why").format(verdict=_label(end), rule=_rule(end), **values),
        reading=tx("c15.b.reading_judged"), part="b", words_nl=C15_WORDS["b"],
        checked_from=tx("c15.b.checked_from").format(line=protection.end_line(timeline)).en,
        source_ids=tuple(end_ids))
    headline = combine({"a": stay, "b": end}, main="a")
    values.update(verdict=_label(headline), rule=_rule(headline), verdict_a=_label(stay), verdict_b=_label(end))
    return ClaimCheck(
        "C15", headline, tx("c15.conclusion").format(**values), tx("c15.why").format(**values),
        reading=tx("c15.headline_reading"), parts=(part_a, part_b), checked_value=high,
        checked_from=tx("c15.a.checked_from").en,
        source_ids=sources_all, figures=(TP_CHART,))


# --- C16-C18 --------------------------------------------------------------------------------------

C16_WORDS = "In plaats van na drie maanden"
C17_WORDS = {"a": "het verlengen van de naturalisatietermijn",
             "b": "het stellen van de vereiste voor B1 taalniveau om in aanmerking tot komen voor naturalisatie"}
C18_WORDS = "begeleiding van jonge alleenstaande asielzoekers tot 21ste jaar door te zetten"


def _agreement_missing(agreement_table: pd.DataFrame, claim_id: str) -> None:
    if agreement.agreement_text_found(agreement_table, claim_id):
        raise ValueError(f"{claim_id}: the agreement's text is now registered; its check must read it")


def _missing(evidence: Text) -> object:
    """No evidence in the project decides it (S5): the agreement's text is not registered."""
    return judge_statement(None, evidence.en)


def check_c16(rules: pd.DataFrame, agreement_table: pd.DataFrame, sources: pd.DataFrame) -> ClaimCheck:
    """What the coalition agreement says on when asylum seekers may work: its text was not found, so
    no evidence decides it (S5); the previous government's plan is context, not evidence about the agreement."""
    _agreement_missing(agreement_table, "C16")
    plan = agreement.plan_date(rules, sources, "C16")
    quantity = {regime: Text(*(agreement.rule_quantity(rules, "work-waiting-time", regime, lang) for lang in ("en", "nl")))
                for regime in ("current", "planned", "eu-maximum")}
    values = dict(plan=in_both(text.date, plan, day=False), planned=quantity["planned"],
                  current=quantity["current"], eu_maximum=quantity["eu-maximum"], searches=SEARCHES)
    context = tx("c16.context").format(**values)
    assessment = _missing(tx("c16.evidence").format(**values))
    values.update(verdict=_label(assessment), rule=_rule(assessment))
    return ClaimCheck("C16", assessment, tx("c16.conclusion").format(**values), tx("c16.why").format(**values),
                      reading=tx("c16.reading_judged"), context=(context,), words_nl=C16_WORDS,
                      source_ids=agreement.rule_sources(rules, "C16"))


def check_c17(rules: pd.DataFrame, agreement_table: pd.DataFrame, sources: pd.DataFrame) -> ClaimCheck:
    """What the coalition agreement says on naturalisation, in two parts (S8): a, a longer naturalisation
    term; b, language level B1 as a requirement. Neither text was found (S5); the previous government's
    plans are context."""
    _agreement_missing(agreement_table, "C17")
    plan = agreement.plan_date(rules, sources, "C17")

    def quantity(rule, regime):
        return Text(*(agreement.rule_quantity(rules, rule, regime, lang) for lang in ("en", "nl")))
    values = dict(plan=in_both(text.date, plan, day=False),
                  term_now=int(agreement.rule_value(rules, "naturalisation-term", "current")),
                  term_plan=int(agreement.rule_value(rules, "naturalisation-term", "planned")),
                  term_now_q=quantity("naturalisation-term", "current"),
                  term_plan_q=quantity("naturalisation-term", "planned"),
                  level_now=agreement.rule_value(rules, "naturalisation-language", "current"),
                  level_plan=agreement.rule_value(rules, "naturalisation-language", "planned"), searches=SEARCHES)
    parts = {}
    for part in ("a", "b"):
        context = tx(f"c17.{part}.context").format(**values)
        assessment = _missing(tx(f"c17.{part}.evidence").format(**values))
        parts[part] = ClaimCheck(
            "C17", assessment, tx(f"c17.{part}.conclusion").format(**values),
            tx(f"c17.{part}.why").format(verdict=_label(assessment), rule=_rule(assessment), **values),
            reading=tx(f"c17.{part}.reading_judged").format(**values), context=(context,), part=part, words_nl=C17_WORDS[part],
            source_ids=agreement.rule_sources(rules, "C17"))
    headline = combine({p: c.assessment for p, c in parts.items()}, main="a")
    values.update(verdict=_label(headline), rule=_rule(headline))
    return ClaimCheck("C17", headline, tx("c17.conclusion").format(**values), tx("c17.why").format(**values),
                      reading=tx("c17.reading_judged"), context=(tx("c17.context").format(**values),),
                      parts=tuple(parts.values()), source_ids=agreement.rule_sources(rules, "C17"))


def check_c18(rules: pd.DataFrame, agreement_table: pd.DataFrame) -> ClaimCheck:
    """What the coalition agreement says on guiding young unaccompanied asylum seekers until 21: not
    found (S5); guidance until 21 exists as municipal practice (context)."""
    _agreement_missing(agreement_table, "C18")
    age = agreement.rule_value(rules, "amv-guidance-age", "current-practice")
    values = dict(searches=SEARCHES, age=age)
    context = tx("c18.context").format(**values)
    assessment = _missing(tx("c18.evidence").format(**values))
    values.update(verdict=_label(assessment), rule=_rule(assessment))
    return ClaimCheck("C18", assessment, tx("c18.conclusion").format(**values), tx("c18.why").format(**values),
                      reading=tx("c18.reading_judged").format(age=age), context=(context,), words_nl=C18_WORDS,
                      source_ids=agreement.rule_sources(rules, "C18"))


# --- C19 ------------------------------------------------------------------------------------------

C19_WORDS = "Uit onderzoek blijkt dat nationale maatregelen niet of nauwelijks impact hebben op het aantal asielaanvragen"


def check_c19(research_table: pd.DataFrame) -> ClaimCheck:
    """"Uit onderzoek blijkt ... niet of nauwelijks impact": `research.research_supports`, judged as a
    statement (S5); the study's limits (what it did and did not measure) are the context a reader needs (S9)."""
    found = research.research_supports(research_table)
    assessment = judge_statement(found.holds, found.evidence, list(found.context))
    rows = research_table[(research_table["claim_id"] == "C19")]
    context = tuple(Text(row.finding, row.quote) for row in rows[rows["kind"].isin(["limitation", "method"])].itertuples())
    outcome = {True: "supported", False: "contradicted", None: "no_findings"}[found.holds]
    values = dict(verdict=_label(assessment), rule=_rule(assessment), limits=len(context))
    return ClaimCheck("C19", assessment, tx(f"c19.conclusion.{outcome}").format(**values),
                      tx(f"c19.why.{outcome}").format(**values), reading=tx("c19.reading_judged"), context=context,
                      words_nl=C19_WORDS, source_ids=research.research_sources(research_table))


# --- C20 ------------------------------------------------------------------------------------------

C20_WORDS = "landen die nu de meeste vluchtelingen opvangen ... landen als Libanon, Pakistan of Kenia"
C20_SOURCES = ("unhcr-population-2025.06.0", "unhcr-unrwa-2025.06.0", "worldbank-population",
               "unhcr-population-2025.12.1", "unhcr-unrwa-2025.12.1")


def _release(vintage: str) -> tuple:
    return (f"unhcr-population-{vintage}", f"unhcr-unrwa-{vintage}", "worldbank-population")


def _example(row) -> Text:
    """One named example with its ranks on both measures."""
    name = in_both(country_name, row.coa_iso, fallback=row.name)
    return tx("c20.example").format(name=name, total=row.rank_total_range, per=row.rank_per_1000_range)


def _tier_readings(tiers: hosting.Tiers, vintage_date: str) -> list:
    """Each example's best rank (by number or per inhabitant) over years and definitions, as readings for
    the readings table (shown; the verdict is `judge_examples` on the tiers)."""
    return [Reading(tx("c20.reading").format(name=row.name, vintage=tiers.vintage).en, float(row.best_rank_low),
                    float(row.worst_best_rank), source_ids=_release(tiers.vintage), vintage=tiers.vintage,
                    vintage_date=vintage_date) for row in tiers.rows()]


def _join(rows, and_: Text, names_only: bool = False) -> Text:
    """'A, B and C' in each language, each example with its ranks (or by name only)."""
    parts = [in_both(country_name, r.coa_iso, fallback=r.name) if names_only else _example(r) for r in rows]

    def joined(lang):
        items = [p[lang] for p in parts]
        return ", ".join(items[:-1]) + f" {and_[lang]} " + items[-1] if len(items) > 1 else "".join(items)
    return Text(joined("en"), joined("nl"))


def check_c20(hosts: dict, sources: pd.DataFrame = None, vintage: str = hosting.VINTAGES[0],
              later: str = hosting.VINTAGES[-1]) -> ClaimCheck:
    """"Landen die nu de meeste vluchtelingen opvangen ... landen als Libanon, Pakistan of Kenia" under S6: the
    letter states no cut-off, so the examples are rated against it only for what holds for every reasonable
    cut-off (`hosting.check_tiers`). The release public on the letter's date (`vintage`) decides (S3); the
    later release (`later`) is rated beside as "since then". `hosts`: {(vintage, year): host_table}."""
    ranks = hosting.vintage_ranks(hosts)
    tiers = hosting.check_tiers(ranks[ranks["vintage"] == vintage], vintage)
    after = hosting.check_tiers(ranks[ranks["vintage"] == later], later)
    assessment = judge_examples(tiers.all_admit, tiers.evidence)
    since = judge_examples(after.all_admit, after.evidence)
    dates = {v: latest_date(sources, _release(v)[:2]) for v in (vintage, later)}
    and_ = tx("word.and")
    years = sorted(ranks.loc[ranks["vintage"] == vintage, "year"].unique())
    same = [r.tier for r in tiers.rows()] == [r.tier for r in after.rows()]
    values = dict(
        n=len(tiers.status), narrowest=tiers.narrowest, widest=tiers.widest, hosts=tiers.hosts, vintage=vintage,
        later=later, years=f"{years[0]}-{years[-1]}", verdict=_label(assessment), rule=_rule(assessment),
        since_verdict=_label(since), examples=_join(tiers.rows(), and_),
        later_examples=_join(after.rows(), and_),
        narrow=_join(tiers.rows("narrowest"), and_, True), between=_join(tiers.rows("between"), and_, True),
        outside=_join(tiers.rows("outside"), and_, True))
    values.update(since=tx("c20.since.same" if same and since.verdict == assessment.verdict
                           else "c20.since.different").format(**values))
    outcome = "all" if tiers.all_admit else "outside"
    narrow_note = tx("c20.narrow_note").format(**values) if tiers.rows("between") else Text("", "")
    values.update(narrow_note=narrow_note)
    readings = _tier_readings(tiers, dates[vintage]) + _tier_readings(after, dates[later])
    return ClaimCheck("C20", assessment, tx(f"c20.conclusion.{outcome}").format(**values),
                      tx(f"c20.why.{outcome}").format(**values), reading=tx("c20.reading_judged").format(**values),
                      readings=readings, words_nl=C20_WORDS, since=since,
                      source_ids=C20_SOURCES, figures=(HOSTS_TOTAL_CHART, HOSTS_PER_CAPITA_CHART))
