"""One `check_cNN(...) -> ClaimCheck` per claim C14-C20: the assessment from `rules`, and the
conclusion, "why" paragraph and context rendered from texts.toml with the computed values.
Nothing here types a verdict, a rule or a figure into a sentence."""
import pandas as pd

from ...core import text
from ...core.countries import country_name
from ...core.text import Text, in_both
from ...rules import ClaimCheck, Reading, VOCABULARY, assess, assess_statement, claim_band
from . import agreement, hosting, procedure, protection, research
from .charts import HOSTS_PER_CAPITA_CHART, HOSTS_TOTAL_CHART, PROCEDURE_CHART, TP_CHART
from .data import latest_date, table_sources, tx

C14_LEGAL_BASIS = "stb-2021-250"        # Staatsblad 2021, 250: the 2021 change of the procedure, cited in the row
SEARCHES = len(agreement.AGREEMENT_SEARCHES)


def _label(assessment) -> Text:
    verdict = VOCABULARY[assessment.verdict]
    return Text(verdict.label_en, verdict.label_nl)


def _by_verdict(prefix: str, verdict: str, groups: dict) -> Text:
    """The template `prefix.<group>` for the group the computed verdict falls in."""
    for group, verdicts in groups.items():
        if verdict in verdicts:
            return tx(f"{prefix}.{group}")
    raise KeyError(f"{prefix}: no template for verdict {verdict!r}")


# --- C14 ------------------------------------------------------------------------------------------

def check_c14(proc: pd.DataFrame, waiting: pd.DataFrame) -> ClaimCheck:
    """"Op papier korter dan twee weken": the procedure on paper in calendar days against the band
    of "less than 14 days" (0-13), with the general procedure alone and AA+ as other definitions and
    the 2010-2021 rules as the earlier reading."""
    durations = procedure.paper_durations(proc).set_index("key", drop=False)
    readings = procedure.c14_readings(durations)
    band = procedure.less_than_band(14)
    assessment = assess(band, readings)
    timeline = procedure.paper_vs_practice(proc, waiting, durations.reset_index(drop=True))
    aa, primary, old = durations.loc["aa"], durations.loc["rvt+aa"], durations.loc["rvt+aa-2010"]
    aa_short = aa["calendar_days_high"] <= band[1]
    values = dict(
        aa_days=int(aa["working_days"]), aa_calendar=int(aa["calendar_days_high"]),
        low=int(primary["calendar_days_low"]), high=int(primary["calendar_days_high"]),
        old_low=int(old["calendar_days_low"]), old_high=int(old["calendar_days_high"]),
        aa_vs=tx("c14.aa_vs.shorter" if aa_short else "c14.aa_vs.longer"),
        verdict=_label(assessment), rule=assessment.rule.id,
        wait_1=Text(*(procedure.practice_wait_text(timeline, procedure.PRACTICE_BARS[0][0], lang) for lang in ("en", "nl"))),
        wait_2=Text(*(procedure.practice_wait_text(timeline, procedure.PRACTICE_BARS[1][0], lang) for lang in ("en", "nl"))))
    conclusion = _by_verdict("c14.conclusion", assessment.verdict, {
        "accurate": ("accurate", "accurate-needs-context"),
        "definition": ("definition-dependent",),
        "longer": ("outdated", "overstated", "understated", "inaccurate", "misleading", "unverifiable")})
    return ClaimCheck(
        "C14", assessment, conclusion.format(**values), tx("c14.why").format(**values),
        reading=tx("c14.reading_judged"), band=band, readings=readings,
        source_ids=table_sources(proc, waiting) + [C14_LEGAL_BASIS], figures=(PROCEDURE_CHART,))


# --- C15 ------------------------------------------------------------------------------------------

def check_c15(timeline: pd.DataFrame, primary_stock: pd.DataFrame, published_stock: pd.DataFrame,
              sources: pd.DataFrame = None) -> ClaimCheck:
    """"Al vijf jaar" when temporary protection ends: the stay of the 2022 arrivals on the current end
    date against the band of "five years" (4.5-5.5). The stock series (`primary_stock`, from
    `protection.tp_primary_stock`) is context: how much of today's group was there by end-2022."""
    dates = protection.tp_dates(timeline)
    cohorts = protection.cohort_years(timeline)
    c2022 = cohorts.set_index("arrival_year").loc[2022]
    stock = protection.stock_series(primary_stock, timeline)
    end_2022 = stock.loc[stock["date"] == "2022-12-31"].iloc[0]
    latest = stock.iloc[-1]
    basis = protection.tp_basis(primary_stock)
    low, high = float(c2022.years_at_end_low), float(c2022.years_at_end_high)
    both = in_both
    values = dict(
        activation=Text(dates["activation"].isoformat(), text.date(dates["activation"], "nl")),
        end_iso=Text(dates["end"].isoformat(), text.date(dates["end"], "nl")),
        end=both(text.date, dates["end"]), low=both(text.number, low, decimals=1),
        high=both(text.number, high, decimals=1), five=both(text.number, 5, decimals=1),
        end_2022=both(text.number, end_2022.value), latest=both(text.number, latest.value),
        latest_date=latest.date, latest_month=latest.date[:7],
        share=both(text.number, end_2022.share_of_latest * 100), basis=basis["text"])
    context = (tx("c15.context.full_years").format(**values), tx("c15.context.net_stock").format(**values),
               tx("c15.context.end_date").format(**values))
    end_ids = protection.end_sources(timeline)
    reading = Reading(tx("c15.reading").en, low, high, source_ids=end_ids,
                      vintage=tx("c15.vintage").format(end=dates["end"].isoformat()).en,
                      vintage_date=latest_date(sources, end_ids))
    assessment = assess(claim_band(5), [reading], context=[c.en for c in context])
    reach = "some" if low < 5 <= high else ("all" if low >= 5 else "none")
    values.update(reach=tx(f"c15.reach.{reach}"), verdict=_label(assessment), rule=assessment.rule.id)
    return ClaimCheck(
        "C15", assessment, tx("c15.conclusion").format(**values), tx("c15.why").format(**values),
        reading=tx("c15.reading_judged"), band=claim_band(5), readings=(reading,), context=context,
        source_ids=table_sources(timeline, primary_stock, published_stock), figures=(TP_CHART,))


# --- C16-C18 --------------------------------------------------------------------------------------

def _agreement_missing(agreement_table: pd.DataFrame, claim_id: str) -> None:
    if agreement.agreement_text_found(agreement_table, claim_id):
        raise ValueError(f"{claim_id}: the agreement's text is now registered; its check must read it")


def check_c16(rules: pd.DataFrame, agreement_table: pd.DataFrame, sources: pd.DataFrame) -> ClaimCheck:
    """What the coalition agreement says on when asylum seekers may work: its text was not found, so
    no evidence decides it; the previous government's plan is context."""
    _agreement_missing(agreement_table, "C16")
    plan = agreement.plan_date(rules, sources, "C16")
    quantity = {regime: Text(*(agreement.rule_quantity(rules, "work-waiting-time", regime, lang) for lang in ("en", "nl")))
                for regime in ("current", "planned", "eu-maximum")}
    values = dict(plan=in_both(text.date, plan, day=False), planned=quantity["planned"],
                  current=quantity["current"], eu_maximum=quantity["eu-maximum"], searches=SEARCHES)
    context = tx("c16.context").format(**values)
    assessment = assess_statement(None, tx("c16.evidence").format(**values).en + "; context: " + context.en)
    values.update(verdict=_label(assessment), rule=assessment.rule.id)
    return ClaimCheck("C16", assessment, tx("c16.conclusion").format(**values), tx("c16.why").format(**values),
                      reading=tx("c16.reading_judged"), context=(context,),
                      source_ids=agreement.rule_sources(rules, "C16"))


def check_c17(rules: pd.DataFrame, agreement_table: pd.DataFrame, sources: pd.DataFrame) -> ClaimCheck:
    """What the coalition agreement says on naturalisation (term, language level): not found; the
    previous government's plans are context."""
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
    context = tx("c17.context").format(**values)
    assessment = assess_statement(None, tx("c17.evidence").format(**values).en + "; context: " + context.en)
    values.update(verdict=_label(assessment), rule=assessment.rule.id)
    return ClaimCheck("C17", assessment, tx("c17.conclusion").format(**values), tx("c17.why").format(**values),
                      reading=tx("c17.reading_judged"), context=(context,),
                      source_ids=agreement.rule_sources(rules, "C17"))


def check_c18(rules: pd.DataFrame, agreement_table: pd.DataFrame) -> ClaimCheck:
    """What the coalition agreement says on guiding young unaccompanied asylum seekers until 21: not
    found; guidance until 21 exists as municipal practice (context)."""
    _agreement_missing(agreement_table, "C18")
    age = agreement.rule_value(rules, "amv-guidance-age", "current-practice")
    values = dict(searches=SEARCHES, age=age)
    context = tx("c18.context").format(**values)
    assessment = assess_statement(None, tx("c18.evidence").format(**values).en)
    values.update(verdict=_label(assessment), rule=assessment.rule.id)
    return ClaimCheck("C18", assessment, tx("c18.conclusion").format(**values), tx("c18.why").format(**values),
                      reading=tx("c18.reading_judged").format(age=age), context=(context,),
                      source_ids=agreement.rule_sources(rules, "C18"))


# --- C19 ------------------------------------------------------------------------------------------

def check_c19(research_table: pd.DataFrame) -> ClaimCheck:
    """"Uit onderzoek blijkt ... niet of nauwelijks impact": `research.research_supports`."""
    found = research.research_supports(research_table)
    assessment = assess_statement(found.holds, found.evidence, list(found.context))
    rows = research_table[(research_table["claim_id"] == "C19")]
    context = tuple(Text(row.finding, row.quote) for row in rows[rows["kind"].isin(["limitation", "method"])].itertuples())
    outcome = {True: "supported", False: "contradicted", None: "no_findings"}[found.holds]
    values = dict(verdict=_label(assessment), rule=assessment.rule.id, limits=len(context))
    return ClaimCheck("C19", assessment, tx(f"c19.conclusion.{outcome}").format(**values),
                      tx(f"c19.why.{outcome}").format(**values), reading=tx("c19.reading_judged"), context=context,
                      source_ids=research.research_sources(research_table))


# --- C20 ------------------------------------------------------------------------------------------

C20_SOURCES = ("unhcr-population-2025.12.1", "unhcr-unrwa-2025.12.1", "worldbank-population",
               "unhcr-population-2025.06.0", "unhcr-unrwa-2025.06.0")


def _example(row, named: hosting.NamedStatus, lang_key: str) -> Text:
    """One named example in the conclusion: by number when every rank by number is in the top,
    else per inhabitant; outside the top with both rank ranges."""
    name = in_both(country_name, row.coa_iso, fallback=row.name)
    values = dict(name=name, total=row.rank_total_range, per=row.rank_per_1000_range, top=named.top)
    if row.status == "top":
        framing = "number" if int(str(row.rank_total_range).split("-")[-1]) <= named.top else "per_inhabitant"
        return tx(f"c20.{lang_key}.inside.{framing}").format(**values)
    large = int(str(row.rank_total_range).split("-")[-1]) <= 2 * named.top
    return tx(f"c20.{lang_key}.outside.{'large' if large else 'plain'}").format(**values)


def _inside_order(row, top):
    return (0 if int(str(row.rank_total_range).split("-")[-1]) <= top else 1)


def check_c20(hosts: dict, vintage: str = hosting.VINTAGES[-1], earlier: str = hosting.VINTAGES[0]) -> ClaimCheck:
    """"Landen die nu de meeste vluchtelingen opvangen" (Lebanon, Pakistan, Kenya): `hosting.check_named`
    on the latest release's ranks (`hosts`: {(vintage, year): host_table}); the release public on the
    letter's date (`earlier`) is compared in the why-text."""
    ranks = hosting.vintage_ranks(hosts)
    named = hosting.check_named(ranks[ranks["vintage"] == vintage])
    before = hosting.check_named(ranks[ranks["vintage"] == earlier])
    outside = named.rows("outside")
    context = tuple(tx("c20.context").format(name=in_both(country_name, r.coa_iso, fallback=r.name), top=named.top,
                                             total=r.rank_total_range, per=r.rank_per_1000_range) for r in outside)
    assessment = assess_statement(named.holds, named.evidence, [c.en for c in context])
    inside = sorted(named.rows("top"), key=lambda row: _inside_order(row, named.top))
    and_ = tx("word.and")
    years = sorted(ranks.loc[ranks["vintage"] == vintage, "year"].unique())
    values = dict(
        n_top=len(inside), n=len(named.status), top=named.top, years=f"{years[0]}-{years[-1]}", verdict=_label(assessment), rule=assessment.rule.id,
        same=tx("c20.why.same" if list(before.status["status"]) == list(named.status["status"]) else "c20.why.different"))
    # join the examples with "and" in each language
    for key, rows in (("inside", inside), ("outside", outside)):
        parts = [_example(r, named, "conclusion") for r in rows]
        values[key] = Text(*(f" {and_[lang]} ".join(p[lang] for p in parts) for lang in ("en", "nl")))
    outcome = {True: "all", "partly": "partly", False: "none"}[named.holds]
    return ClaimCheck("C20", assessment, tx(f"c20.conclusion.{outcome}").format(**values),
                      tx(f"c20.why.{outcome}").format(**values), reading=tx("c20.reading_judged").format(top=named.top), context=context,
                      source_ids=C20_SOURCES, figures=(HOSTS_TOTAL_CHART, HOSTS_PER_CAPITA_CHART))
