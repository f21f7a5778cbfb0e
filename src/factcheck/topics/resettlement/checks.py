"""One `check_cNN(...) -> ClaimCheck` per claim (C01-C05). Each computes the readings, lets
`rules.assess` pick the verdict, and renders the conclusion and the "why" paragraph from
`texts.toml` with the computed values (the template chosen by the computed outcome). The
sub-checks and the basis of the rule text (`ClaimCheck.checks`, `.basis`) are written here in
English, as the rule engine writes its detail."""
from ... import rules
from ...core import text
from ...core.text import Text
from ...rules import ClaimCheck
from .arrivals import EUROSTAT_DATASET, EUROSTAT_METADATA, eurostat_source_id
from .data import (EU_TURKEY_YEAR, FIG_EU, FIG_NEEDS, FIG_NL, LATEST, LETTER_DATE, all_public, drop_pct,
                   first_public, period_years, sources_of, years_text)
from .pgrn import needs_for, pgrn_current_edition, pgrn_need, pgrn_released
from .pledges import (combined_pledge, plan_period, pledge_range, pledge_sources, pledges_for_years,
                      pledging_states, share_readings)
from .quota import annual_quota, arrivals_vs_quota, eurostat_above_quota, latest_quota, quota_summary
from .texts import (concat, general, joined, label_of, million, month, n, pct, say, span_text, texts,
                    verdict_sentence)

BASIS = {
    "C01": "UNHCR's published Projected Global Resettlement Needs figures; no arrivals series is used",
    "C02": "the published pledge figures (resettlement and humanitarian admission); no arrivals series is used",
    "C03": "the published pledge figures and plan period; no arrivals series is used",
    "C04": "the published pledge figures and UNHCR's published Projected Global Resettlement Needs; "
           "no arrivals series is used",
    "C05": "the published quota figures",
}
CHART_ARRIVALS = ("C02", "C03")        # the EU arrivals chart (UNHCR) is cited with these verdicts
CONTEXT_ARRIVALS = ("C05",)             # arrivals enter the verdict's context


def verdict_basis(claim_id: str, eurostat_id: str = None, unhcr_id: str = LATEST) -> str:
    """Which series a resettlement verdict rests on, for its rule text: published figures
    for needs, pledges and quota; arrivals (context only) from UNHCR, and from Eurostat too
    when an extract is registered."""
    basis = "rests on " + BASIS[claim_id]
    none = f"no Eurostat {EUROSTAT_DATASET} extract registered"
    if claim_id in CONTEXT_ARRIVALS:
        return basis + (f"; the arrivals in its context are UNHCR's ({unhcr_id})"
                        + (f" and Eurostat's ({eurostat_id})" if eurostat_id else f"; {none}"))
    if claim_id in CHART_ARRIVALS:
        basis += f" (the arrivals in the EU chart are UNHCR's, {unhcr_id})"
    return basis + (f"; Eurostat's arrivals ({eurostat_id}) are compared with UNHCR's, not used here"
                    if eurostat_id else f"; {none}")


def _inside(reading: rules.Reading, band) -> Text:
    return texts()["word.within" if reading.matches(band) else "word.outside"]


def _fits(assessment: rules.Assessment) -> bool:
    return assessment.verdict in ("accurate", "accurate-needs-context")


def _why(*sentences) -> Text:
    return joined(sentences, " ")


# --------------------------------------------------------------------------- C01

def check_c01(pgrn, value: float, qualifier: str, claim_year: int, claimed_change: float,
              date: str = LETTER_DATE, eurostat_id: str = None) -> ClaimCheck:
    """C01, 'needs rise in 2025 by 20% to almost 3 million'.

    Period rule (as for C03 and C11): a claim's period is the period it names. Primary
    reading: the need FOR `claim_year`, from the newest edition current on `date` that states
    it. 'earlier': the same year's figure in older editions. 'comparison': the current
    edition's projection for a later year (another period); that projection is context.
    Sub-checks (`checks`): the change against the year before and 'the highest need in years'."""
    band = rules.claim_band(value, qualifier)
    needs = needs_for(pgrn, claim_year, claimed_change, date)
    readings = list(needs.readings)
    primary = readings[0] if needs.primary_edition is not None else None
    context = []
    out = needs.outlook
    if out is not None:
        direction = texts()["word.fall" if out.change_pct < 0 else "word.rise"]
        context.append(say("c01.context.outlook", date=date, edition=out.edition, direction=direction,
                           value=million(out.value), year=out.year, pct=pct(out.change_pct, signed=True),
                           base=million(primary.published), claim_year=claim_year,
                           range=Text(text.number_range(*out.change_range, "en", 1, sep=" to "),
                                      text.number_range(*out.change_range, "nl", 1, sep=" tot "))))
    assessment = rules.assess(band, readings, [c.en for c in context])

    change = needs.change
    checks = [f"{claimed_change:+g}%: {change.assessment.verdict} ({change.assessment.rule.id}; "
              + (f"{change.reading.label}: {change.reading.shown()}%" if change.reading else "no figure") + ")"
              + (f"; computed from the ranges of PGRN {change.before_edition} ({claim_year - 1}) and the "
                 f"primary reading: {text.number_range(*change.computed, 'en', 1, sep=' to ')}%"
                 if change.computed is not None else "")]
    if needs.highest is not None:
        first, last = needs.years_covered
        checks.append(f"'highest in years': the {claim_year} need "
                      f"({text.number_range(primary.low, primary.high, sep=' to ')}) is "
                      f"{'' if needs.highest else 'not certainly '}above every other year of {first}-{last} "
                      f"(next highest: {needs.next_highest[0]}, up to {needs.next_highest[1]:,.0f})")
    conclusion, why = _c01_texts(needs, assessment, band, claimed_change, primary)
    return ClaimCheck("C01", assessment, conclusion, why, reading=say("c01.reading", year=claim_year), band=band,
                      readings=readings, context=context, checks=checks, basis=verdict_basis("C01", eurostat_id),
                      source_ids=sources_of(pgrn), figures=(FIG_NEEDS,))


def _need(reading: rules.Reading) -> Text:
    """'2.9 million' / 'ruim 2,9 miljoen': 'over' when the range starts at the published value."""
    return million(reading.published, over=reading.low == reading.published < reading.high)


def _c01_texts(needs, assessment, band, claimed_change, primary) -> tuple:
    year = needs.claim_year
    if primary is None:
        return (texts()["c01.conclusion.none"],
                _why(say("c01.why.year", year=year), say("c01.why.none", year=year), verdict_sentence(assessment)))
    earlier = [r for r in needs.readings if r.kind == "earlier"]
    change = needs.change
    head = say("c01.conclusion.need", year=year, need=_need(primary), edition=needs.primary_edition)
    if earlier:
        head = concat(head, say("c01.conclusion.earlier", edition=earlier[0].vintage.split()[-1],
                                need=_need(earlier[0])))
    parts, change_shown = [], None
    if change.reading is not None:
        low, high = change.reading.low, change.reading.high
        digits = 0 if low == round(low) == high else 1
        sign = "+" if low > 0 else ""
        change_shown = Text(sign + text.number_range(low, high, "en", digits, sep=" to "),
                            sign + text.number_range(low, high, "nl", digits, sep=" tot "))
        key = "published" if change.edition is not None else "computed"
        parts.append(say(f"c01.conclusion.change.{key}", change=change_shown, before=year - 1, edition=change.edition))
    if needs.highest is not None:
        first, last = needs.years_covered
        parts.append(say("c01.conclusion.highest." + ("yes" if needs.highest else "no"), first=first, last=last))
    conclusion = head
    if parts:
        conclusion = concat(conclusion, Text("; ", "; "), joined(parts, texts()["word.and"]))
    out = needs.outlook
    direction = None
    if out is not None:
        direction = texts()["word.fall" if out.change_pct < 0 else "word.rise"]
        conclusion = concat(conclusion, say("c01.conclusion.outlook", edition=out.edition, direction=direction,
                                            value=million(out.value), year=out.year,
                                            pct=pct(out.change_pct, signed=True)))
    conclusion = concat(conclusion, Text(".", "."))

    key = "current" if needs.primary_edition == needs.current_edition else "older"
    sentences = [say("c01.why.year", year=year),
                 say(f"c01.why.primary.{key}", edition=needs.primary_edition, current=needs.current_edition,
                     released=month(primary.vintage_date), year=year, need=_need(primary),
                     inside=_inside(primary, band), band=span_text(*band))]
    sentences += [say("c01.why.earlier", edition=r.vintage.split()[-1], released=month(r.vintage_date),
                      need=_need(r)) for r in earlier]
    if change.reading is None:
        sentences.append(say("c01.why.change.none", before=year - 1))
    else:
        how = (say("c01.why.how.published", year=year, edition=change.edition) if change.edition is not None
               else say("c01.why.how.computed", year=year, before=year - 1))
        sentences.append(say("c01.why.change." + ("match" if _fits(change.assessment) else "miss"),
                             claimed=pct(claimed_change, 0, signed=True), how=how, change=change_shown))
    if needs.highest is not None:
        first, last = needs.years_covered
        sentences.append(say("c01.why.highest." + ("yes" if needs.highest else "no"), year=year, first=first,
                             last=last, next=needs.next_highest[0], high=n(needs.next_highest[1])))
    if out is not None:
        sentences.append(say("c01.why.outlook", direction=direction, value=million(out.value), later=out.year,
                             written=month(needs.date)))
    sentences.append(verdict_sentence(assessment))
    return conclusion, _why(*sentences)


# --------------------------------------------------------------------------- C02

def check_c02(pledges, value: float, qualifier: str, states: int, period: str, eurostat_id: str = None,
              dates: dict = None) -> ClaimCheck:
    """C02, '14 EU countries agreed to resettle only 61,000 people in 2024-2025'.

    Primary: resettlement + humanitarian admission, summed from the published parts.
    'definition': resettlement only (the word the claim uses). Sub-checks: states, period."""
    dates = dates or {}
    band = rules.claim_band(value, qualifier)
    combined = combined_pledge(pledges, period, "pledged")
    combined_ids = tuple(sorted(set(combined["source_id"])))
    resettlement_ids = pledge_sources(pledges, period, "pledged", "resettlement")
    readings = [
        rules.Reading(f"{period} pledges, resettlement + humanitarian admission (sum of published parts)",
                      float(combined["combined"].min()), float(combined["combined"].max()), "primary",
                      source_ids=combined_ids, vintage=f"{period} pledges",
                      vintage_date=first_public(combined_ids, dates)),
        rules.Reading(f"{period} pledges, resettlement only",
                      *pledge_range(pledges, period, "pledged", "resettlement"), "definition",
                      source_ids=resettlement_ids, vintage=f"{period} pledges",
                      vintage_date=first_public(resettlement_ids, dates)),
    ]
    counted = pledging_states(pledges, period, "pledged")
    agree = sorted(set(counted["states"]))
    checks = [f"states: {', '.join(str(s) for s in agree)} by {len(counted)} counts (claim {states})",
              f"period: the pledges cover {period} (claim {period})"]
    assessment = rules.assess(band, readings)
    primary, definition = readings
    values = {"states": "/".join(str(s) for s in agree), "combined": n(primary.high), "period": period,
              "resettlement": n(definition.high), "claimed": n(value)}
    key = ("definition-dependent" if assessment.verdict == "definition-dependent"
           else "accurate" if _fits(assessment) else "other")
    why = _why(say("c02.why.combined", period=period, combined=n(primary.high), inside=_inside(primary, band),
                   band=span_text(*band)),
               say("c02.why.resettlement", resettlement=n(definition.high), inside=_inside(definition, band)),
               say("c02.why.states." + ("agree" if agree == [states] else "differ"), states=values["states"],
                   counts=len(counted), period=period, claimed=states),
               verdict_sentence(assessment))
    return ClaimCheck("C02", assessment, say(f"c02.conclusion.{key}", **values), why,
                      reading=say("c02.reading", period=period), band=band, readings=readings, checks=checks,
                      basis=verdict_basis("C02", eurostat_id),
                      source_ids=sources_of(pledges[pledges["cycle"] == period]), figures=(FIG_NEEDS, FIG_EU))


# --------------------------------------------------------------------------- C03

def _pledge_reading(pledges, label, cycle, stage, kind, dates) -> rules.Reading:
    ids = pledge_sources(pledges, cycle, stage, "total")
    return rules.Reading(label, *pledge_range(pledges, cycle, stage, "total"), kind, source_ids=ids,
                         vintage=f"{cycle} {stage}", vintage_date=first_public(ids, dates))


def check_c03(pledges, periods, value: float, qualifier: str, claimed_drop: float, claim_period: str,
              previous: str = "2024-2025", eurostat_id: str = None, dates: dict = None) -> ClaimCheck:
    """C03, 'for 2025-2026 the pledges fell by 83% to only 10,430'.

    Period rule: a pledge figure is read against the years the claim names. Primary: the
    pledges attributable to those years (each cycle spread evenly over its two years);
    the adopted plan for its actual period is a 'comparison' reading (another period).
    Sub-checks: the drop (combined against combined, and the resettlement-only bound). The
    why-text also gives the sensitivity: the verdict if the period were a slip for the plan's."""
    dates = dates or {}
    band = rules.claim_band(value, qualifier)
    plan = plan_period(periods)
    plan_label = "-".join(str(y) for y in plan["stated"][0]) if plan["stated"] else "unknown"
    combined = combined_pledge(pledges, previous)
    before = (float(combined["combined"].min()), float(combined["combined"].max()))
    before_ids = tuple(sorted(set(combined["source_id"])))
    adopted = _pledge_reading(pledges, f"Union Plan {plan_label} as adopted (another period)", plan_label,
                              "adopted", "comparison", dates)
    proposed = _pledge_reading(pledges, f"Union Plan {plan_label} as proposed by the Commission (another period)",
                               plan_label, "proposed", "comparison", dates)
    own = pledges_for_years([(previous, before), (plan_label, (adopted.low, adopted.high))],
                            period_years(claim_period))
    readings = [rules.Reading(f"pledges attributable to {claim_period} (cycles spread evenly over their years)",
                              *own, "primary", source_ids=tuple(sorted(set(before_ids) | set(adopted.source_ids))),
                              vintage=f"{previous} pledges; {plan_label} adopted",
                              vintage_date=all_public(first_public(before_ids, dates), adopted.vintage_date)),
                adopted, proposed]
    drop = drop_pct(before, (adopted.low, adopted.high))
    res_drop_min = drop_pct(pledge_range(pledges, previous, "pledged", "resettlement"),
                            (adopted.low, adopted.high))[0]      # if all of the plan were resettlement
    drop_assessment = rules.assess(rules.claim_band(claimed_drop),
                                   [rules.Reading("combined against combined", *drop, "primary"),
                                    rules.Reading("resettlement only (no split published)", res_drop_min, 100.0,
                                                  "definition")])
    claim_years, plan_years = period_years(claim_period), period_years(plan_label)
    overlap = sorted(set(claim_years) & set(plan_years))
    checks = [f"period: the plan covers {plan_label} (sources agree: {plan['agree']}), the claim says {claim_period}; "
              f"{len(overlap)} of 2 years overlap",
              f"drop {claimed_drop:g}%: {text.number_range(*drop, 'en', 2, sep=' to ')}% computed, "
              f"{drop_assessment.verdict} ({drop_assessment.rule.id}); resettlement-only drop at least "
              f"{res_drop_min:.1f}%",
              f"{text.number(adopted.high, 'en')} includes humanitarian admission; no resettlement/humanitarian "
              "split was found"]
    assessment = rules.assess(band, readings)
    sensitivity = rules.assess(band, [rules.Reading(f"Union Plan {plan_label} as adopted", adopted.low, adopted.high)],
                               [f"the plan covers {plan_label}, not {claim_period}"])
    outside = sorted(set(claim_years) - set(plan_years))
    computed = Text(text.number_range(*drop, "en", 1, sep=" to "), text.number_range(*drop, "nl", 1, sep=" tot "))
    values = {"value": n(value), "drop": general(claimed_drop), "plan": plan_label, "computed": computed,
              "period": claim_period, "year": ", ".join(str(y) for y in outside), "before": n(before[1]),
              "previous": previous, "own": n(round((own[0] + own[1]) / 2, -3)), "adopted": n(adopted.high)}
    drop_fits = _fits(drop_assessment)
    if assessment.verdict == "misleading":
        key = "misleading" if drop_fits else "misleading-drop"
    else:
        key = "accurate" if _fits(assessment) else "other"
    proposed_shown = joined([n(proposed.low), n(proposed.high)] if proposed.low != proposed.high else [n(proposed.low)],
                            texts()["word.or"])
    sentences = [say("c03.why.plan", plan=plan_label, adopted=n(adopted.high), proposed=proposed_shown),
                 (say("c03.why.period.agree", plan=plan_label) if plan["agree"] else
                  say("c03.why.period.differ", stated="; ".join(f"{a}-{b}" for a, b in plan["stated"]))),
                 say("c03.why.drop." + ("match" if drop_fits else "miss"), before=n(before[1]), previous=previous,
                     computed=computed, drop=general(claimed_drop), res_drop=n(res_drop_min, 1))]
    if outside:
        sentences += [say("c03.why.years.other", period=claim_period, overlap=len(overlap), count=len(claim_years),
                          year=values["year"], previous=previous, own=values["own"],
                          inside=_inside(readings[0], band), band=span_text(*band)),
                      say("c03.why.sensitivity", period=claim_period, plan=plan_label,
                          label=label_of(sensitivity.verdict))]
    else:
        sentences.append(say("c03.why.years.same", period=claim_period))
    sentences.append(verdict_sentence(assessment))
    return ClaimCheck("C03", assessment, say(f"c03.conclusion.{key}", **values), _why(*sentences),
                      reading=say("c03.reading", period=claim_period), band=band, readings=readings, checks=checks,
                      basis=verdict_basis("C03", eurostat_id),
                      source_ids=sources_of(pledges[pledges["cycle"].isin([previous, plan_label])], periods),
                      figures=(FIG_NEEDS, FIG_EU))


# --------------------------------------------------------------------------- C04

def share_labels(pgrn, date: str = LETTER_DATE) -> dict:
    """{edition: label} for the edition current on `date` and the one before."""
    current = pgrn_current_edition(pgrn, date)
    return {e: f"PGRN {e} (need {e})" for e in (current, current - 1)}


def share_table(pledges, pgrn, plan: str = "2026-2027", date: str = LETTER_DATE):
    """The plan's adopted pledge as a share of the need in the current and the previous edition,
    on each basis (`pledges.share_readings`): the table C04's readings are taken from."""
    labels = share_labels(pgrn, date)
    return share_readings(pledge_range(pledges, plan, "adopted", "total"), len(period_years(plan)),
                          {label: pgrn_need(pgrn, e, e) for e, label in labels.items()})


def check_c04(pledges, pgrn, value: float, qualifier: str, plan: str = "2026-2027", date: str = LETTER_DATE,
              eurostat_id: str = None, dates: dict = None) -> ClaimCheck:
    """C04, '10,430 pledges are only 0.4% of global resettlement need'.

    Primary: the annual pledge against the annual need in the edition current on the
    letter's date (like for like). 'definition': the two-year pledge against two years' need.
    'earlier': the annual share with the previous edition. 'comparison': the two-year pledge
    against one year's need (a period the claim does not state)."""
    dates = dates or {}
    band = rules.claim_band(value, qualifier)
    current = pgrn_current_edition(pgrn, date)
    earlier = current - 1
    pledge = pledge_range(pledges, plan, "adopted", "total")
    pledge_ids = pledge_sources(pledges, plan, "adopted", "total")
    years = len(period_years(plan))
    labels = share_labels(pgrn, date)
    table = share_table(pledges, pgrn, plan, date)

    def reading(edition, basis_start, label, kind):
        row = table[(table["need"] == labels[edition]) & table["basis"].str.startswith(basis_start)].iloc[0]
        need_ids = tuple(sorted({i for v in pgrn[(pgrn["need_year"] == edition) & (pgrn["edition"] == edition)]
                                 ["source_id"] for i in v.split(";")}))
        return rules.Reading(f"{label}, {labels[edition]}", row["share_low"], row["share_high"], kind,
                             source_ids=tuple(sorted(set(pledge_ids) | set(need_ids))), vintage=f"PGRN {edition}",
                             vintage_date=all_public(first_public(pledge_ids, dates), pgrn_released(pgrn, edition)))
    readings = [reading(current, "pledge per year", "pledge per year / annual need", "primary"),
                reading(current, f"{years}-year pledge / {years}", f"{years}-year pledge / {years} years' need",
                        "definition"),
                reading(earlier, "pledge per year", "pledge per year / annual need", "earlier"),
                reading(current, f"{years}-year pledge / one", f"{years}-year pledge / one year's need", "comparison"),
                reading(earlier, f"{years}-year pledge / one", f"{years}-year pledge / one year's need", "comparison")]
    comparisons = {current: readings[3], earlier: readings[4]}
    matching = [e for e, r in comparisons.items() if r.matches(band)]
    only = (f"only the {years}-year pledge set against a single year's need gives {value:g}%" if matching
            else f"no reading gives {value:g}%")
    checks = [only, "the pledge includes humanitarian admission, so the resettlement-only share is lower still"]
    assessment = rules.assess(band, readings)
    primary = readings[0]
    values = {"claimed": pct(value), "pledge": n(pledge[1]), "pct": n(primary.low, 1), "year": current}
    key = "misleading" if assessment.verdict == "misleading" else "accurate" if _fits(assessment) else "other"
    need = pgrn_need(pgrn, current, current)
    sentences = [say("c04.why.primary", pledge=n(pledge[1]), years=years, per_year=n(pledge[1] / years),
                     share=n(primary.low, 2), year=current, edition=current, need=million((need[0] + need[1]) / 2),
                     inside=_inside(primary, band), band=span_text(*band, 2))]
    if matching:
        shares = joined([say("c04.why.share", edition=e, share=n(comparisons[e].low, 2)) for e in matching], "; ")
        sentences.append(say("c04.why.comparison", claimed=pct(value), years=years, shares=shares))
    sentences += [texts()["c04.why.humanitarian"], verdict_sentence(assessment)]
    return ClaimCheck("C04", assessment, say(f"c04.conclusion.{key}", **values), _why(*sentences),
                      reading=say("c04.reading", edition=current), band=band, readings=readings, checks=checks,
                      basis=verdict_basis("C04", eurostat_id),
                      source_ids=sources_of(pledges[pledges["cycle"] == plan], pgrn[pgrn["edition"] >= earlier]),
                      figures=(FIG_NEEDS,))


# --------------------------------------------------------------------------- C05

def check_c05(quota, nl, value: float, first: int, last: int, eurostat=None, dates: dict = None) -> ClaimCheck:
    """C05, 'the long-standing Dutch quota of 500'.

    Primary: the median national quota per year over [first, last] (low, high where sources
    disagree). Context: the years it was not 500, and arrivals against the quota (UNHCR;
    with a Eurostat table from `eurostat_arrivals`, Eurostat's count for its years too)."""
    dates = dates or {}
    band = rules.claim_band(value)
    annual = annual_quota(quota, first, last)
    summary = quota_summary(annual, value, first, last)
    national = quota[quota["kind"] == "national-quota"]
    quota_ids = tuple(sources_of(national))
    readings = [rules.Reading(f"median national quota per year {first}-{last}", summary["median_low"],
                              summary["median_high"], "primary", source_ids=quota_ids, vintage="published quota",
                              vintage_date=max((d for d in (dates.get(i, "") for i in quota_ids) if d), default=""))]
    period = annual[(annual["year"] >= first) & (annual["year"] <= last)]
    other = period[(period["quota_low"] != value) & (period["quota_high"] != value)]
    versus = arrivals_vs_quota(period, nl)
    known = versus[versus["total"].notna()]
    above = int((known["above_quota_low"] > 0).sum())
    below = int((known["total"].astype("float64") < known["quota_low"]).sum())
    above_since = int(((known["above_quota_low"] > 0) & (known["year"] >= EU_TURKEY_YEAR)).sum())
    missing = [int(y) for y in versus[versus["total"].isna()]["year"]]
    disputed = period[period["quota_low"] != period["quota_high"]]
    disputed_values = sorted(set(disputed["quota_low"]) | set(disputed["quota_high"]))
    sep_or = texts()["c05.context.or"]
    context = [say("c05.context.years", value=general(value), certain=summary["years_certain"],
                   possible=summary["years_possible"], years=summary["years"], first=first, last=last)]
    if summary["disputed_years"]:
        context.append(say("c05.context.disputed", years=", ".join(str(y) for y in summary["disputed_years"]),
                           values=joined([general(v) for v in disputed_values], sep_or)))
    if len(other):
        context.append(say("c05.context.other", value=general(value),
                           years=joined([concat(Text(f"{int(r.year)} (", f"{int(r.year)} ("), general(r.quota_low),
                                                Text(")", ")")) for r in other.itertuples(index=False)], ", ")))
    context.append(say("c05.context.arrivals", above=above, known=len(known), since=above_since,
                       eu_turkey=EU_TURKEY_YEAR))
    if missing:
        context.append(say("c05.context.missing", years=", ".join(str(y) for y in missing)))
    eurostat_id = eurostat_source_id(eurostat)
    if eurostat is not None:
        euro = eurostat_above_quota(period, nl, eurostat, first, last)
        if euro["years"]:
            context.append(say("c05.context.eurostat", source=euro["source_id"], above=euro["eurostat_above"],
                               count=len(euro["years"]), years=years_text(euro["years"]),
                               unhcr_above=euro["unhcr_above"], unhcr_years=euro["unhcr_years"]))
    assessment = rules.assess(band, readings, [c.en for c in context])

    cut = latest_quota(quota)
    primary = readings[0]
    median = Text(text.number_range(primary.low, primary.high, "en"), text.number_range(primary.low, primary.high, "nl"))
    values = {"value": general(value), "first": first, "last": last, "cut": general(cut["quota_per_year"]),
              "cut_year": cut["first_year"], "certain": summary["years_certain"],
              "possible": summary["years_possible"], "years": summary["years"], "median": median}
    is_cut = cut["quota_per_year"] < value
    key = ("cut" if is_cut else "steady") if _fits(assessment) else "other"
    sentences = [say("c05.why.years", disputed=", ".join(str(y) for y in summary["disputed_years"]) or "-",
                     inside=_inside(primary, band), band=span_text(*band), **values)]
    if is_cut:
        sentences.append(say("c05.why.cut", **values))
    sentences.append(say("c05.why.arrivals", above=above, below=below, known=len(known)))
    if cut["last_year"] < int(LETTER_DATE[:4]):
        sentences.append(say("c05.why.unknown", year=int(LETTER_DATE[:4])))
    sentences += [say("c05.why.basis", eurostat=texts()["c05.why.eurostat"] if eurostat_id else Text("", "")),
                  verdict_sentence(assessment)]
    source_ids = sources_of(national) + [LATEST] + ([eurostat_id, EUROSTAT_METADATA] if eurostat_id else [])
    return ClaimCheck("C05", assessment, say(f"c05.conclusion.{key}", **values), _why(*sentences),
                      reading=say("c05.reading", first=first, last=last), band=band, readings=readings,
                      context=context, basis=verdict_basis("C05", eurostat_id), source_ids=source_ids,
                      figures=(FIG_NL,))
