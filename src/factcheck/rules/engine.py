"""The rules that pick a verdict. No I/O: a notebook computes readings (the figure the claim is
checked against, as a point or a range) and calls `assess`, which returns the verdict, the rule
that fired (a `Rule`, as data) and the numbers that made it fire. Nothing here knows about any claim.
"""
import math
from dataclasses import dataclass

from .bands import FACTOR

READING_KINDS = ("primary", "definition", "earlier", "comparison")


@dataclass(frozen=True)
class Reading:
    """One computed figure the claim can be read against, as a range (low == high for a point).

    kind: primary    - the reading the verdict rests on (the claim's own period, current data)
          definition - the same quantity under another official definition
          earlier    - an earlier vintage or period
          comparison - a defensible figure for a comparison the claim does not make
    """
    label: str
    low: float
    high: float
    kind: str = "primary"
    published: float | None = None   # the value as published, when low-high is its rounding range
    source_ids: tuple = ()           # the registered sources it comes from
    vintage: str = ""                # the release or edition ("2025.06.0", "PGRN 2026")
    vintage_date: str = ""           # when that vintage was published (ISO date), "" if not known
    likely: tuple | None = None      # a rounded count's likely range (about 95%), when low-high is its hard bound

    def __post_init__(self):
        if self.kind not in READING_KINDS:
            raise ValueError(f"reading kind {self.kind!r} is not one of {READING_KINDS}")
        if self.low > self.high:
            raise ValueError(f"reading {self.label!r}: low {self.low} is above high {self.high}")

    def overlaps(self, band) -> bool:
        return self.low <= band[1] + 1e-9 and self.high >= band[0] - 1e-9

    def matches(self, band) -> bool:
        """The reading supports the claim: its published value is within the band, or (without
        one) its range overlaps the band. Only the rounding range reaching the band is not enough."""
        if self.published is None:
            return self.overlaps(band)
        return band[0] - 1e-9 <= self.published <= band[1] + 1e-9

    def shown(self) -> str:
        return num(self.low) if self.low == self.high else f"{num(self.low)} to {num(self.high)}"


@dataclass(frozen=True)
class Rule:
    """A rule that picks a verdict. `id` is how the verdict table names it ("rule 3b")."""
    id: str
    name: str
    text: str
    standard: str = ""      # the editorial standard it applies (rules.standards), "" for the old rules


RULES = {rule.id: rule for rule in (
    Rule("rule 1", "no primary reading", "No primary reading could be computed: unverifiable."),
    Rule("rule 2", "primary matches", "The primary reading matches the band and so does every 'definition' "
         "reading: accurate (accurate-needs-context when there is context)."),
    Rule("rule 3", "a definition misses", "The primary reading matches the band, some 'definition' reading "
         "does not: definition-dependent."),
    Rule("rule 3b", "rounding range only", "Only the rounding range of the primary's published value reaches "
         "the band: unverifiable (the data cannot decide)."),
    Rule("rule 4", "an earlier reading matches", "An 'earlier' reading matches the band: outdated."),
    Rule("rule 5", "another definition matches", "A 'definition' reading matches the band: "
         "definition-dependent."),
    Rule("rule 6", "a comparison matches", "A 'comparison' reading matches the band: misleading."),
    Rule("rule 7", "outside the band", "The claim is above (below) the primary range: within a factor 2 "
         "overstated (understated), else inaccurate."),
    Rule("statement rule", "statement", "A statement: no evidence decides it -> unverifiable; the evidence "
         "supports it -> accurate (accurate-needs-context with context); only in part -> misleading; "
         "contradicts it -> inaccurate."),
)}


@dataclass(frozen=True)
class Assessment:
    """A verdict, the rule that fired and the numbers that made it fire (`detail`)."""
    verdict: str
    rule: Rule
    detail: str
    primary: Reading | None = None
    situation: str = ""     # the precedent it is a case of (rules.standards.SITUATIONS), set by `judge`

    @property
    def reason(self) -> str:
        """The rule and its numbers in one sentence, as the verdict table's `rule` column shows them."""
        return f"{self.rule.id}: {self.detail}"

    @property
    def checked_value(self):
        """The one figure the verdict rests on: the primary reading's midpoint."""
        if self.primary is None:
            return None
        return (self.primary.low + self.primary.high) / 2


def num(value: float) -> str:
    """A number in a rule's text: 2,900,000 rather than 2.9e+06; small numbers as they are."""
    return f"{value:,.0f}" if abs(value) >= 10000 and float(value).is_integer() else f"{value:g}"


def _meets(reading: Reading) -> str:
    if reading.published is not None:
        return f"(published {num(reading.published)}) is within"
    return "is within" if reading.low == reading.high else "overlaps"


def assess(band, readings, context=()) -> Assessment:
    """Pick a verdict for a numeric claim. The first rule that applies wins:

    1. no primary reading                                   -> unverifiable
    2. primary matches the band and so does every 'definition' reading
                                                            -> accurate (accurate-needs-context
                                                               when `context` lists anything)
    3. primary matches the band, some 'definition' reading does not -> definition-dependent
    3b. only the rounding range of the primary's published value reaches the band
                                                            -> unverifiable (the data cannot decide)
    4. an 'earlier' reading matches the band                -> outdated
    5. a 'definition' reading matches the band              -> definition-dependent
    6. a 'comparison' reading matches the band              -> misleading
    7. claim above the primary range: within a factor 2 -> overstated, else inaccurate;
       claim below it: within a factor 2 -> understated, else inaccurate.
    "Matches" is `Reading.matches`: a published value within the band, or a range overlapping it.
    """
    readings = list(readings)
    primary = next((r for r in readings if r.kind == "primary"), None)
    band_text = f"claim band {num(band[0])} to {num(band[1])}"
    if primary is None:
        return Assessment("unverifiable", RULES["rule 1"], "no primary reading could be computed")
    definitions = [r for r in readings if r.kind == "definition"]
    judged = f"primary reading {primary.shown()} ({primary.label})"
    if primary.matches(band):
        misses = [r for r in definitions if not r.matches(band)]
        if not misses:
            key = "accurate-needs-context" if context else "accurate"
            extra = f"; context: {'; '.join(context)}" if context else ""
            return Assessment(key, RULES["rule 2"], f"{judged} {_meets(primary)} the {band_text}{extra}", primary)
        return Assessment("definition-dependent", RULES["rule 3"],
                          f"{judged} {_meets(primary)} the {band_text}, but {misses[0].label} gives "
                          f"{misses[0].shown()}", primary)
    if primary.overlaps(band):
        return Assessment("unverifiable", RULES["rule 3b"],
                          f"only the rounding range {primary.shown()} of the primary reading ({primary.label}, "
                          f"published {num(primary.published)}) reaches the {band_text}; the published value "
                          "does not, so the data cannot decide", primary)
    for kind, key, rule in (("earlier", "outdated", "rule 4"), ("definition", "definition-dependent", "rule 5"),
                            ("comparison", "misleading", "rule 6")):
        match = next((r for r in readings if r.kind == kind and r.matches(band)), None)
        if match:
            return Assessment(key, RULES[rule], f"{judged} is outside the {band_text}; {match.label} gives "
                                                f"{match.shown()}, which {_meets(match)} it", primary)
    claimed = (band[0] + band[1]) / 2
    if claimed > primary.high:
        ratio = claimed / primary.high if primary.high > 0 else math.inf
        key = "overstated" if ratio <= FACTOR else "inaccurate"
        side = "above"
    else:
        ratio = primary.low / claimed if claimed > 0 else math.inf
        key = "understated" if ratio <= FACTOR else "inaccurate"
        side = "below"
    if math.isfinite(ratio):
        by = f"by a factor {ratio:.2g}"
    else:
        by = "and the claim is zero" if claimed == 0 else "and the primary reading is zero"
    return Assessment(key, RULES["rule 7"], f"the claim is {side} the {judged} {by}", primary)

def assess_statement(holds, evidence: str, context=()) -> Assessment:
    """Verdict for a claim that is a statement, not a number.

    holds is None -> unverifiable; True -> accurate (accurate-needs-context with context);
    "partly" (true for some of the years or places it covers, false for others) -> misleading;
    False -> inaccurate. `evidence` says what the finding rests on.
    """
    if holds is None:
        return Assessment("unverifiable", RULES["statement rule"], f"no evidence decides it; {evidence}")
    if holds == "partly":
        return Assessment("misleading", RULES["statement rule"],
                          f"the evidence supports it only in part; {evidence}")
    if holds:
        key = "accurate-needs-context" if context else "accurate"
        extra = f"; context: {'; '.join(context)}" if context else ""
        return Assessment(key, RULES["statement rule"], f"the evidence supports it; {evidence}{extra}")
    return Assessment("inaccurate", RULES["statement rule"], f"the evidence contradicts it; {evidence}")
