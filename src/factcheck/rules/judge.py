"""The verdict engine under the written editorial standards (rules.standards). No I/O.

`judge` rates a number, `judge_absolute` an absolute word ("geen"), `judge_statement` a statement
and `combine` a sentence from its parts. Each returns an `Assessment` whose `rule` names the standard
it applies and whose `situation` is the precedent the case falls under (tests/test_consistency.py).
Readings published after the letter (`vintage_date` after LETTER_DATE) never decide (S3): `since_then`
rates them separately, so a check can say whether they would change the verdict.
"""
import math

from .bands import FACTOR
from .claim import LETTER_DATE
from .engine import Assessment, Reading, Rule, num
from .standards import SITUATIONS

RULES = {rule.id: rule for rule in (
    Rule("no-evidence", "No evidence in the project", "The evidence that would decide is not in the project: "
         "unverifiable; the notebook says what would decide (S5).", "S5"),
    Rule("within-band", "Within the claim's band", "The checked value, on the reading judged, is within the "
         "claim's band: accurate; accurate, needs context when a fact public on the letter's date would change "
         "what a reader concludes, or a rounded count's range reaches outside the band (S5, S9, S4).", "S5"),
    Rule("readings-split", "Two reasonable readings disagree", "Two readings a reader could about equally "
         "take give different verdicts: definition-dependent (S2).", "S2"),
    Rule("count-cannot-decide", "A rounded count cannot decide", "The rounded count as shown is outside the "
         "claim's band, but the claim is within the count's likely range (about 95%): unverifiable (S4).", "S4"),
    Rule("earlier-vintage", "Matches what was known earlier", "The claim matches an earlier vintage or period, "
         "not what was current on the letter's date: outdated (S3).", "S3"),
    Rule("different-comparison", "Holds only for another comparison", "The figure holds only for a comparison the "
         "claim does not make, and the framing leads to a wrong conclusion about the substance: misleading "
         "(S1).", "S1"),
    Rule("how-far-off", "How far off", "The claim is outside the band: within a factor 2 of the checked value "
         "overstated or understated, beyond inaccurate (S7).", "S7"),
    Rule("absolute-word", "An absolute word, read literally", "An absolute word (\"geen\") against a count "
         "above zero: overstated when the count is small on the letter's own yardstick, inaccurate otherwise "
         "(S7).", "S7"),
    Rule("no-cut-off", "No cut-off chosen after the fact", "A category or examples with no stated cut-off: "
         "rated against the letter only what holds for every reasonable cut-off (S6).", "S6"),
    Rule("statement", "A statement against the evidence", "The evidence supports the statement: accurate "
         "(needs context with a fact a reader needs); only in part: misleading; contradicts it: inaccurate "
         "(S5, S9, S1).", "S5"),
    Rule("combination", "A sentence from its parts", "The headline is the sentence's lowest verifiable part; "
         "unverifiable parts do not lower it unless the main part is unverifiable (S8).", "S8"),
)}

# S8's order, best first; verdicts on one step are equally good.
ORDER = (("accurate",), ("accurate-needs-context",), ("definition-dependent", "outdated"),
         ("overstated", "understated", "misleading"), ("inaccurate",))
RANK = {verdict: step for step, verdicts in enumerate(ORDER) for verdict in verdicts}


def is_later(reading: Reading, letter_date: str = LETTER_DATE) -> bool:
    return bool(reading.vintage_date) and reading.vintage_date > letter_date


def _shown(reading: Reading) -> str:
    text = f"{reading.label}: {num(reading.published) if reading.published is not None else reading.shown()}"
    if reading.published is not None and (reading.low, reading.high) != (reading.published, reading.published):
        text += f" (hard bound {reading.shown()})"
    if reading.likely:
        text += f" (likely range, about 95%: {num(reading.likely[0])} to {num(reading.likely[1])})"
    return text


def _value(reading: Reading, band) -> float:
    """The figure a claim outside the band is measured against: the shown value, else the nearer bound."""
    if reading.published is not None:
        return reading.published
    return reading.high if band[0] > reading.high else reading.low


def _assessment(verdict, rule, detail, primary=None, situation=None):
    situation = situation or next(s.id for s in SITUATIONS.values() if s.verdict == verdict)
    return Assessment(verdict, RULES[rule], detail, primary, situation)


def judge(band, readings, context=(), letter_date: str = LETTER_DATE) -> Assessment:
    """Rate a numeric claim against the readings public on the letter's date (the first that applies):

    no primary reading -> unverifiable (S5). The primary matches the band (its shown value within the
    band, or its range overlapping it when nothing is shown): a 'definition' reading (an about equally
    likely reading) that misses -> definition-dependent (S2); else accurate, or needs context when
    `context` lists anything or a rounded count's hard bound leaves the band (S4, S9). The claim within
    a rounded count's likely range -> unverifiable (S4). An 'earlier' reading matches -> outdated (S3);
    a 'comparison' reading matches -> misleading (S1). Otherwise S7 on the shown value: within a factor
    2 -> overstated / understated, beyond -> inaccurate.
    """
    band_text = f"claim band {num(band[0])} to {num(band[1])}"
    readings = [r for r in readings if not is_later(r, letter_date)]
    primary = next((r for r in readings if r.kind == "primary"), None)
    if primary is None:
        return _assessment("unverifiable", "no-evidence", "no reading public on the letter's date could be computed",
                           situation="evidence-missing")
    judged = _shown(primary)
    if primary.matches(band):
        misses = [r for r in readings if r.kind == "definition" and not r.matches(band)]
        if misses:
            return _assessment("definition-dependent", "readings-split", f"{judged} is within the {band_text}, "
                               f"but {_shown(misses[0])} is not", primary)
        context = list(context)
        reaches = primary.published is not None and not (band[0] - 1e-9 <= primary.low and primary.high <= band[1] + 1e-9)
        if reaches:
            context.append(f"the count's hard bound {primary.shown()} reaches outside the band")
        if not context:
            return _assessment("accurate", "within-band", f"{judged} is within the {band_text}", primary)
        return _assessment("accurate-needs-context", "within-band",
                           f"{judged} is within the {band_text}; context: {'; '.join(context)}", primary,
                           "count-in-band-range-reaches" if reaches and len(context) == 1 else "within-band-context")
    if primary.likely and primary.likely[0] - 1e-9 <= band[1] and band[0] <= primary.likely[1] + 1e-9:
        return _assessment("unverifiable", "count-cannot-decide", f"{judged}: the shown count is outside the "
                           f"{band_text}, but the claim is within the likely range, so the data cannot decide", primary)
    for kind, verdict, rule in (("earlier", "outdated", "earlier-vintage"),
                                ("comparison", "misleading", "different-comparison")):
        match = next((r for r in readings if r.kind == kind and r.matches(band)), None)
        if match:
            return _assessment(verdict, rule, f"{judged} is outside the {band_text}; {_shown(match)} is within it",
                               primary)
    claimed, value = (band[0] + band[1]) / 2, _value(primary, band)
    above = claimed > value
    low, high = (value, claimed) if above else (claimed, value)
    ratio = high / low if low > 0 else math.inf
    if ratio <= FACTOR:
        verdict, situation = ("overstated", "above-within-2") if above else ("understated", "below-within-2")
    else:
        verdict, situation = "inaccurate", "off-by-more-than-2"
    by = f"by a factor {ratio:.2g}" if math.isfinite(ratio) else "and one of them is zero"
    return _assessment(verdict, "how-far-off", f"the claim is {'above' if above else 'below'} {judged} {by}",
                       primary, situation)


def judge_absolute(count: Reading, small: float, yardstick: str, context=(), letter_date: str = LETTER_DATE):
    """An absolute word ("geen": none) against a count, read literally (S7, with S4 for a rounded count).

    Shown as zero -> the claim matches (needs context when the hard bound reaches above zero). Shown above
    zero but zero within the likely range -> unverifiable. Otherwise the count is above zero: overstated
    when it is smaller than `small`, the letter's own yardstick for a small number (named in
    `yardstick`), so the sentence's point holds; inaccurate otherwise."""
    if is_later(count, letter_date):
        raise ValueError(f"{count.label}: published after the letter; it cannot decide (S3)")
    shown = count.published if count.published is not None else count.low
    if shown <= 0:
        return judge((0.0, 0.0), [count], context, letter_date)
    judged = _shown(count)
    if count.likely is not None and count.likely[0] <= 0:
        return _assessment("unverifiable", "count-cannot-decide", f"{judged}: none is within the likely range",
                           count)
    if shown < small:
        return _assessment("overstated", "absolute-word", f"{judged} is above zero but smaller than {yardstick} "
                           f"({num(small)}), so the sentence's point holds", count, "absolute-small-count")
    return _assessment("inaccurate", "absolute-word", f"{judged} is above zero and not small next to {yardstick} "
                       f"({num(small)})", count, "off-by-more-than-2")


def _supported(rule: str, detail: str, context, situation: str) -> Assessment:
    """The evidence supports the claim: accurate, or accurate-needs-context with context (S9)."""
    if context:
        return _assessment("accurate-needs-context", rule, f"{detail}; context: {'; '.join(context)}",
                           situation="statement-supported-context")
    return _assessment("accurate", rule, detail, situation=situation)


def judge_statement(holds, evidence: str, context=()) -> Assessment:
    """A statement: holds None -> unverifiable; True -> accurate (needs context with `context`);
    "partly" -> misleading; False -> inaccurate. `evidence` says what the finding rests on."""
    if holds is None:
        return _assessment("unverifiable", "no-evidence", f"no evidence in the project decides it; {evidence}",
                           situation="evidence-missing")
    if holds == "partly":
        return _assessment("misleading", "statement", f"the evidence supports it only in part; {evidence}",
                           situation="statement-partly")
    if holds:
        return _supported("statement", f"the evidence supports it; {evidence}", context, "statement-supported")
    return _assessment("inaccurate", "statement", f"the evidence contradicts it; {evidence}",
                       situation="off-by-more-than-2")


def judge_examples(all_admit: bool | None, evidence: str, context=()) -> Assessment:
    """Examples or a category without a stated cut-off (S6): rated against the letter only when the
    finding holds for every reasonable cut-off."""
    if all_admit is None:
        return judge_statement(None, evidence)
    if all_admit:
        return _supported("no-cut-off", f"every reasonable cut-off admits them; {evidence}", context,
                          "no-cut-off-all-admit")
    return _assessment("misleading", "no-cut-off", f"some reasonable cut-off excludes them; {evidence}",
                       situation="statement-partly")


def headline_verdict(parts: dict, main: str, context: bool = False) -> str:
    """S8 on verdict keys: the lowest verifiable part; unverifiable when the main part is; context on
    the sentence as a whole makes an accurate headline accurate-needs-context."""
    if parts[main] == "unverifiable":
        return "unverifiable"
    worst = max((v for v in parts.values() if v != "unverifiable"), key=RANK.__getitem__)
    return "accurate-needs-context" if worst == "accurate" and context else worst


def combine(parts, main: str, context=()) -> Assessment:
    """A sentence's headline from its parts (S8). `parts` maps a part letter to its Assessment; `main`
    names the part with the sentence's main number."""
    verdicts = {p: a.verdict for p, a in parts.items()}
    verdict = headline_verdict(verdicts, main, bool(context))
    listed = ", ".join(f"{p}: {v}" for p, v in verdicts.items())
    if verdict == "unverifiable":
        detail = f"parts {listed}; the main part ({main}) cannot be checked"
    else:
        rated = {p: RANK[v] for p, v in verdicts.items() if v != "unverifiable"}
        lowest = [p for p, rank in rated.items() if rank == max(rated.values())]
        detail = f"parts {listed}; the headline is the lowest verifiable part ({', '.join(lowest)})"
    if context:
        detail += f"; context: {'; '.join(context)}"
    return Assessment(verdict, RULES["combination"], detail, parts[main].primary, "")


def since_then(band, readings, letter_date: str = LETTER_DATE) -> Assessment | None:
    """What the readings published after the letter would give, rated as if they were the evidence;
    None when there are none. A check says so when it differs from the on-date verdict (S3)."""
    later = [r for r in readings if is_later(r, letter_date)]
    if not any(r.kind == "primary" for r in later):
        return None
    return judge(band, later, letter_date="9999-12-31")
