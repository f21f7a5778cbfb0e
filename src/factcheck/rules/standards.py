"""The editorial standards, written before they are applied, and the precedents that hold them to
account. The README's "Editorial standards" section is rendered from this module; every `Rule` of
the engine names the standard it applies; `tests/test_consistency.py` asserts that every claim and
part in a situation of `SITUATIONS` gets that situation's verdict. No I/O.

Sources of the practice (registered in data/sources/method.csv): the IFCN Code of Principles (the
same standard of evidence for equivalent claims, whoever makes them), PolitiFact's questions before a
rating (is it literally true; is there another reasonable reading; what was known when it was said;
how were similar claims rated) and Full Fact's practice (judge the claim as a reasonable reader takes it).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Standard:
    id: str
    name: str
    text: str


STANDARDS = (
    Standard("S1", "Substance before label",
             "When a slip in a period, a name or a unit leaves what a reader concludes right (the size, the "
             "direction, the comparison), the claim is rated on its substance and the slip is stated as "
             "context. *Misleading* is kept for a framing that leads a reader to a wrong conclusion about the "
             "substance."),
    Standard("S2", "The reasonable reading",
             "Where a claim can be read in several ways, we rate the reading a reader of this letter would "
             "most likely take, and say it in words. Other readings are shown beside it as sensitivity. Only "
             "when two readings are about equally likely and lead to different verdicts is the verdict "
             "*definition-dependent*."),
    Standard("S3", "What was known on the letter's date",
             "The evidence public on 2 February 2026 decides. Data published later are shown as \"since "
             "then\"; where they would change the verdict we say so, but they do not become it."),
    Standard("S4", "Rounded and masked counts",
             "UNHCR publishes small counts rounded (or masked as under 5). One rule for every such count: the "
             "figure as shown is the checked value. If it lies within the claim's band, the claim matches "
             "the data, and when the count's range reaches values outside the band that is context. If it "
             "does not, but the claim lies within the likely range of the true count (a statistical range, "
             "about 95%, always named as such and never as a bound), the data cannot decide: "
             "*unverifiable*. Outside that range the claim is rated by S7 on the shown figure, and we give "
             "both the likely range and the hard bound (every rounded cell at its extreme)."),
    Standard("S5", "The checked value",
             "The figure we compare with is one a reader can find: published (source and row), or computed "
             "from a registered extract in a named notebook cell, for the quantity the claim is about on the "
             "reading rated. We never show a checked value that no source contains."),
    Standard("S6", "Categories without a cut-off",
             "When the letter uses a category without a number (\"de meeste\", \"landen als\", \"veel "
             "hoger\"), we do not choose a cut-off after seeing the data. We show the figures, and rate "
             "against the letter only what holds for every reasonable cut-off."),
    Standard("S7", "How far off",
             "A number outside the claim's band (and, for a rounded count, outside its likely range) is "
             "*overstated* or *understated* when the claim is within a factor 2 of the checked value, "
             "*inaccurate* beyond. An absolute word (\"geen\", \"alle\", \"niemand\") is read literally: "
             "contradicted by a count above zero (for a rounded count: shown above zero, with zero outside its "
             "likely range) it is *overstated* when that count is small on the letter's own yardstick (smaller than what the same passage calls small), "
             "*inaccurate* otherwise. Evaluations (\"slechts\", \"enorm\") are not rated."),
    Standard("S8", "Credit for every part",
             "Each checkable number or fact in a sentence is a claim part with its own verdict and row. A "
             "sentence's headline verdict is its lowest verifiable part (from best to worst: accurate; "
             "accurate, needs context; definition-dependent or outdated; overstated, understated or "
             "misleading; inaccurate). Unverifiable parts do not lower it, unless the part with the "
             "sentence's main number is unverifiable; context on the sentence as a whole makes an accurate "
             "headline *needs context*. Every conclusion says what is right first."),
    Standard("S9", "Needs context",
             "*Accurate, but needs context* is used only when a fact public on the letter's date, absent "
             "from the letter, would change what a reader concludes (that a figure is now lower, covers "
             "another period or scope, is not like-for-like with what its words suggest, or is a rounded "
             "count whose range reaches the other side). Notes on method (stand-in data, rounding inside "
             "the band) are shown, not counted."),
    Standard("S10", "Corrections",
             "A verdict that moves is listed under Updates in the README with the standard that moved it."),
)
BY_ID = {s.id: s for s in STANDARDS}


@dataclass(frozen=True)
class Situation:
    """A kind of case and the verdict every claim or part in it gets (a precedent)."""
    id: str
    standard: str
    text: str
    verdict: str


SITUATIONS = {s.id: s for s in (
    Situation("within-band", "S5", "the checked value is within the claim's band on the reading judged, "
              "and nothing public on the date changes the reader's conclusion", "accurate"),
    Situation("within-band-context", "S9", "the checked value is within the band, but a fact public on the "
              "date and absent from the letter would change the reader's conclusion", "accurate-needs-context"),
    Situation("label-slip", "S1", "the figure is right for a period, name or unit next to the one the letter "
              "names, and the size, direction and comparison a reader takes away are right",
              "accurate-needs-context"),
    Situation("wider-scope", "S2", "a published headline figure whose scope is wider than the word the letter "
              "uses, the point unchanged", "accurate-needs-context"),
    Situation("recomputed-stronger", "S5", "the claim repeats a published computation; another defensible "
              "method gives a figure that makes the claim's point stronger (shown as sensitivity)", "accurate"),
    Situation("readings-split", "S2", "two readings are about equally likely and lead to different verdicts",
              "definition-dependent"),
    Situation("count-in-band-range-reaches", "S4", "a rounded count as shown is within the band, but its range "
              "reaches values that would change the verdict", "accurate-needs-context"),
    Situation("count-cannot-decide", "S4", "a rounded count as shown is outside the band, but the claim is "
              "within the count's likely range", "unverifiable"),
    Situation("earlier-vintage", "S3", "the claim matches an earlier vintage or period, not what was current "
              "on the date", "outdated"),
    Situation("different-comparison", "S1", "the figure holds only for a comparison the claim does not make, and the "
              "framing leads the reader to a wrong conclusion about the substance", "misleading"),
    Situation("above-within-2", "S7", "the claim is above the checked value, within a factor 2", "overstated"),
    Situation("below-within-2", "S7", "the claim is below the checked value, within a factor 2", "understated"),
    Situation("off-by-more-than-2", "S7", "the claim is off by more than a factor 2", "inaccurate"),
    Situation("absolute-small-count", "S7", "an absolute word against a small count that is certainly above "
              "zero", "overstated"),
    Situation("no-cut-off-all-admit", "S6", "examples or a category with no stated cut-off, which every "
              "reasonable cut-off admits", "accurate"),
    Situation("statement-supported", "S5", "a statement the evidence supports, with nothing a reader needs "
              "besides", "accurate"),
    Situation("statement-supported-context", "S9", "a statement the evidence supports, with a fact a reader "
              "needs besides", "accurate-needs-context"),
    Situation("statement-partly", "S1", "a statement that holds for only part of what it covers",
              "misleading"),
    Situation("evidence-missing", "S5", "the evidence that would decide is not in the project (the why-text "
              "says what would)", "unverifiable"),
)}
