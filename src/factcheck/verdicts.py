"""The verdict vocabulary, the rules that pick a verdict, and the verdict table.

The rule is code, the numbers are data: a notebook computes readings (the figure the
claim is checked against, as a point or a range) and calls `assess`, which returns the
verdict and the sentence saying which rule fired. Nothing here knows about any claim.
"""
import math
from dataclasses import dataclass

import pandas as pd

from .core.project import project
from .core.errors import InputError
from .core.files import read_csv_strict, write_csv


@dataclass(frozen=True)
class Verdict:
    key: str
    label_en: str
    label_nl: str
    rule_en: str
    rating: int | None      # ClaimReview ratingValue, 1 (worst) to 5 (best)


VOCABULARY = {v.key: v for v in (
    Verdict("accurate", "Accurate", "Klopt",
            "The checked figure falls within the claim's own rounding band (see `claim_band`) "
            "under every official definition considered. A range (arrival cohorts, sources that "
            "disagree) counts when it overlaps the band; a count published rounded counts only when "
            "its published value is within the band.", 5),
    Verdict("accurate-needs-context", "Accurate, but needs context", "Klopt, maar mist context",
            "As accurate, but the check lists context without which a reader draws a wrong conclusion "
            "(for example masked small counts or a partial year).", 4),
    Verdict("outdated", "Outdated", "Verouderd",
            "The claim matches an earlier vintage of the data or an earlier period, not the figure "
            "that was current on the letter's date.", 3),
    Verdict("definition-dependent", "Definition-dependent", "Hangt af van de definitie",
            "The claim holds under one official definition and not under another.", 3),
    Verdict("overstated", "Overstated", "Overdreven",
            "The claim is above the checked figure's band, but by no more than a factor 2.", 2),
    Verdict("understated", "Understated", "Onderschat",
            "The claim is below the checked figure's band, but by no more than a factor 2.", 2),
    Verdict("misleading", "Misleading", "Misleidend",
            "The number is defensible, but only for a comparison the claim does not make "
            "(another period, denominator, or pledged versus delivered); or a statement that holds "
            "for only part of what it covers (some of its years or places).", 2),
    Verdict("inaccurate", "Inaccurate", "Onjuist",
            "The checked figure contradicts the claim: off by more than a factor 2, "
            "or a statement the evidence shows to be false.", 1),
    Verdict("unverifiable", "Unverifiable", "Niet te controleren",
            "The evidence needed is not available to the project, or the data cannot decide (only the "
            "rounding range of a published count reaches the claim); the notebook says what is missing.", None),
)}

ABOUT = 0.10     # "about"/"ongeveer": within 10 per cent either way
ALMOST = 0.10    # "almost"/"bijna": up to 10 per cent below, not above
FACTOR = 2.0     # beyond this factor a wrong number is inaccurate, not over/understated


def precision(value: float) -> float:
    """Place value of the last significant digit: 14 -> 1, 61000 -> 1000, 0.4 -> 0.1, 0 -> 1."""
    if value == 0:
        return 1.0
    for exponent in range(9, -7, -1):
        step = 10.0 ** exponent
        if abs(value) >= step and math.isclose(round(value / step) * step, value, rel_tol=1e-9, abs_tol=1e-12):
            return step
    return 10.0 ** -6


def claim_band(value: float, qualifier: str = "") -> tuple:
    """The range of true values for which the claim, as worded, is right.

    No qualifier: the claim's own rounding (14 -> 13.5 to 14.5; 0 -> 0 to 0.5).
    "about": 10% either way, or the rounding when wider. "almost": up to 10% below.
    "over"/"at least": from the value up to one step of its rounding above it.
    "none": exactly zero.
    """
    half = precision(value) / 2
    if qualifier == "none":
        return (0.0, 0.0)
    if qualifier == "about":
        spread = max(abs(value) * ABOUT, half)
        return (value - spread, value + spread)
    if qualifier == "almost":
        return (value * (1 - ALMOST), value)
    if qualifier in ("over", "at least"):
        return (value, value + 2 * half)
    return (max(value - half, 0.0) if value >= 0 else value - half, value + half)


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
class Assessment:
    verdict: str
    reason: str
    primary: Reading | None = None

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
        return Assessment("unverifiable", "rule 1: no primary reading could be computed")
    definitions = [r for r in readings if r.kind == "definition"]
    if primary.matches(band):
        misses = [r for r in definitions if not r.matches(band)]
        if not misses:
            key = "accurate-needs-context" if context else "accurate"
            extra = f"; context: {'; '.join(context)}" if context else ""
            return Assessment(key, f"rule 2: primary reading {primary.shown()} ({primary.label}) "
                                   f"{_meets(primary)} the {band_text}{extra}", primary)
        return Assessment("definition-dependent",
                          f"rule 3: primary reading {primary.shown()} ({primary.label}) {_meets(primary)} the "
                          f"{band_text}, but {misses[0].label} gives {misses[0].shown()}", primary)
    if primary.overlaps(band):
        return Assessment("unverifiable", f"rule 3b: only the rounding range {primary.shown()} of the primary "
                                          f"reading ({primary.label}, published {num(primary.published)}) reaches the "
                                          f"{band_text}; the published value does not, so the data cannot decide",
                          primary)
    for kind, key, number in (("earlier", "outdated", 4), ("definition", "definition-dependent", 5),
                              ("comparison", "misleading", 6)):
        match = next((r for r in readings if r.kind == kind and r.matches(band)), None)
        if match:
            return Assessment(key, f"rule {number}: primary reading {primary.shown()} ({primary.label}) is outside "
                                   f"the {band_text}; {match.label} gives {match.shown()}, which "
                                   f"{_meets(match)} it", primary)
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
    return Assessment(key, f"rule 7: the claim is {side} the primary reading {primary.shown()} "
                           f"({primary.label}) {by}", primary)


def assess_statement(holds, evidence: str, context=()) -> Assessment:
    """Verdict for a claim that is a statement, not a number.

    holds is None -> unverifiable; True -> accurate (accurate-needs-context with context);
    "partly" (true for some of the years or places it covers, false for others) -> misleading;
    False -> inaccurate. `evidence` says what the finding rests on.
    """
    if holds is None:
        return Assessment("unverifiable", f"statement rule: no evidence decides it; {evidence}")
    if holds == "partly":
        return Assessment("misleading", f"statement rule: the evidence supports it only in part; {evidence}")
    if holds:
        key = "accurate-needs-context" if context else "accurate"
        extra = f"; context: {'; '.join(context)}" if context else ""
        return Assessment(key, f"statement rule: the evidence supports it; {evidence}{extra}")
    return Assessment("inaccurate", f"statement rule: the evidence contradicts it; {evidence}")


VERDICT_COLUMNS = ["claim_id", "status", "claimed_value", "checked_value", "checked_low", "checked_high",
                   "unit", "verdict", "label_en", "label_nl", "rating", "rule", "conclusion_en",
                   "conclusion_nl", "source_ids", "notebook", "figures"]
PART_COLUMNS = ["claim_id", "checked_value", "checked_low", "checked_high", "verdict", "rule",
                "conclusion_en", "conclusion_nl", "source_ids", "figures"]


def verdict_row(claim_id: str, assessment: Assessment, conclusion_en: str, conclusion_nl: str,
                source_ids, figures=(), checked_value=None) -> dict:
    """One checked claim, as a topic notebook records it.

    checked_value defaults to the primary reading's midpoint; pass the figure itself when the
    range is lopsided (a masked count shown as 0 with range 0-4 rests on the 0, not on 2)."""
    if assessment.verdict not in VOCABULARY:
        raise ValueError(f"unknown verdict key {assessment.verdict!r}")
    primary = assessment.primary
    if checked_value is None and primary is not None:
        checked_value = assessment.checked_value
    return {"claim_id": claim_id,
            "checked_value": "" if checked_value is None else round(float(checked_value), 6),
            "checked_low": "" if primary is None else primary.low,
            "checked_high": "" if primary is None else primary.high,
            "verdict": assessment.verdict, "rule": assessment.reason,
            "conclusion_en": conclusion_en, "conclusion_nl": conclusion_nl,
            "source_ids": ";".join(source_ids), "figures": ";".join(figures)}


def write_verdicts(notebook: str, rows) -> pd.DataFrame:
    """Write a topic notebook's verdicts to data/verdicts/<notebook>.csv (atomically)."""
    frame = pd.DataFrame(list(rows), columns=PART_COLUMNS)
    write_csv(project().verdict_parts / f"{notebook}.csv", frame)
    return frame


def load_verdict_parts(claims: pd.DataFrame, sources: pd.DataFrame) -> dict:
    """The verdicts recorded by topic notebooks (data/verdicts/<notebook>.csv), checked:
    known verdict keys and claim ids, one verdict per claim, source ids in the register."""
    from .core.registers import check_source_ids

    parts = {}
    for file in sorted(project().verdict_parts.glob("*.csv")):
        if not (project().notebooks / f"{file.stem}.ipynb").exists():
            continue  # a notebook that no longer exists checks nothing
        shown = project().rel(file)
        part = read_csv_strict(file, required=PART_COLUMNS)
        for row_number, row in enumerate(part.to_dict("records"), start=1):
            if row["verdict"] not in VOCABULARY:
                raise InputError(shown, f"unknown verdict key '{row['verdict']}'", row=row_number, column="verdict")
            if row["claim_id"] not in set(claims["claim_id"]):
                raise InputError(shown, f"claim id '{row['claim_id']}' is not in the claims register",
                                 row=row_number, column="claim_id")
            if row["claim_id"] in parts:
                raise InputError(shown, f"claim '{row['claim_id']}' already has a verdict", row=row_number,
                                 column="claim_id")
            check_source_ids(row["source_ids"], sources, shown, row_number, "source_ids")
            parts[row["claim_id"]] = dict(row, notebook=file.stem)
    return parts


def assemble_verdicts(write: bool = True) -> pd.DataFrame:
    """The verdict table: every claim in the register, checked where a topic notebook
    exists and has recorded its verdict, 'not-yet-checked' otherwise."""
    from .core.registers import load_claims, load_sources

    claims = load_claims()
    parts = load_verdict_parts(claims, load_sources())
    rows = []
    for claim in claims.to_dict("records"):
        part = parts.get(claim["claim_id"])
        value = claim["claimed_value"]
        base = {"claim_id": claim["claim_id"], "claimed_value": "" if pd.isna(value) else format(value, ".12g"),
                "unit": claim["unit"], "notebook": claim["notebook"]}
        if part is None:
            rows.append(dict(base, status="not-yet-checked", source_ids=claim["source_ids"]))
            continue
        verdict = VOCABULARY[part["verdict"]]
        rows.append(dict(base, status="checked", **{k: part[k] for k in PART_COLUMNS[1:]},
                         notebook=part["notebook"], label_en=verdict.label_en, label_nl=verdict.label_nl,
                         rating="" if verdict.rating is None else verdict.rating))
    table = pd.DataFrame([{column: row.get(column, "") for column in VERDICT_COLUMNS} for row in rows],
                         columns=VERDICT_COLUMNS)
    if write:
        write_csv(project().verdicts_file, table)
    return table


def legend() -> pd.DataFrame:
    return pd.DataFrame([{"key": v.key, "English": v.label_en, "Nederlands": v.label_nl,
                          "rating": "" if v.rating is None else v.rating, "rule": v.rule_en}
                         for v in VOCABULARY.values()])
