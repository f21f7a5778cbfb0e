"""The claim-check record: one `ClaimCheck` per checked claim (and per claim part). Every output
that states a result is rendered from it: the verdict table row (`row`), the README table, the
report, ClaimReview and the notebook's verdict cell (`publish.display`). Nothing restates it by hand.
No I/O here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..core.text import EMPTY, Text
from .engine import Assessment, Reading
from .vocabulary import VOCABULARY

LETTER_DATE = "2026-02-02"      # the letter's date: what was public then decides (issue 13, standard S3)


@dataclass(frozen=True)
class ClaimCheck:
    """Everything the project concludes about one claim (or one claim part).

    assessment  the verdict and the rule that fired, as data (`Assessment.rule` is a `Rule`)
    reading     the reading of the claim that is judged, in words
    band        the claim's band (`rules.claim_band`), None for a statement
    readings    every figure the claim was read against, with its kind, sources and vintage
    context     what a reader needs besides the verdict
    checks      sub-checks shown in the rule text ("checks: ..."), e.g. a period or a count of states
    basis       which data the verdict rests on ("basis: ..."), e.g. published figures, no arrivals series
    checked_value / checked_from
                the one figure the verdict rests on (default: the primary reading's midpoint) and where
                a reader finds it
    conclusion  one or two sentences for the verdict table, README, report and ClaimReview
    why         the paragraph that explains the verdict, shown in the notebook and the report
    part, words_nl, parts
                a claim part ("a", "b", ...; the exact letter words it checks) and a headline's parts
    """
    claim_id: str
    assessment: Assessment
    conclusion: Text
    why: Text
    reading: Text = EMPTY
    band: tuple | None = None
    readings: tuple = ()
    context: tuple = ()
    checks: tuple = ()
    basis: str = ""
    source_ids: tuple = ()
    figures: tuple = ()
    checked_value: float | None = None
    checked_from: str = ""
    part: str = ""
    words_nl: str = ""
    parts: tuple = field(default=())
    situations: tuple = ()          # the precedents it is a case of; default: the assessment's own
    since: Assessment | None = None  # the verdict later data would give (rules.judge.since_then), shown beside

    def __post_init__(self):
        if self.assessment.verdict not in VOCABULARY:
            raise ValueError(f"{self.claim_id}: unknown verdict key {self.assessment.verdict!r}")
        for name in ("readings", "context", "checks", "source_ids", "figures", "parts", "situations"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if any(not isinstance(r, Reading) for r in self.readings):
            raise TypeError(f"{self.claim_id}: readings must be rules.Reading")

    @property
    def row_id(self) -> str:
        """The verdict table's key: "C03" for a headline, "C03a" for a part."""
        return self.claim_id + self.part

    @property
    def verdict(self) -> str:
        return self.assessment.verdict

    @property
    def label(self) -> Text:
        verdict = VOCABULARY[self.verdict]
        return Text(verdict.label_en, verdict.label_nl)

    @property
    def primary(self) -> Reading | None:
        return self.assessment.primary

    @property
    def value(self) -> float | None:
        """The checked value: the figure given, else the primary reading's midpoint."""
        return self.checked_value if self.checked_value is not None else self.assessment.checked_value

    @property
    def rule_text(self) -> str:
        """The rule that fired with its numbers, then the sub-checks and the basis: the table's `rule`."""
        text = self.assessment.reason
        checks = [c for c in self.checks if c]
        if checks:
            text += "; checks: " + "; ".join(checks)
        if self.basis:
            text += "; basis: " + self.basis
        return text

    @property
    def situation_ids(self) -> tuple:
        return self.situations or ((self.assessment.situation,) if self.assessment.situation else ())

    @property
    def evidence_date(self) -> str:
        """When the evidence the verdict rests on was published (the primary reading's vintage date)."""
        return self.primary.vintage_date if self.primary is not None else ""

    def since_then(self, letter_date: str = LETTER_DATE) -> tuple:
        """Readings whose vintage was published after the letter: shown as "since then"."""
        return tuple(r for r in self.readings if r.vintage_date and r.vintage_date > letter_date)

    def with_(self, **changes) -> "ClaimCheck":
        return replace(self, **changes)

    def row(self) -> dict:
        """The verdict-table row (publish.verdicts.PART_COLUMNS): the only producer of one."""
        primary = self.primary
        value = self.value
        since = self.since
        rule = self.assessment.rule
        return {"claim_id": self.claim_id, "part": self.part, "words_nl": self.words_nl,
                "reading_en": self.reading.en, "reading_nl": self.reading.nl,
                "checked_value": "" if value is None else round(float(value), 6),
                "checked_low": "" if primary is None else primary.low,
                "checked_high": "" if primary is None else primary.high,
                "checked_source": "" if primary is None else ";".join(primary.source_ids),
                "checked_from": self.checked_from, "evidence_date": self.evidence_date,
                "verdict": self.verdict, "rule": self.rule_text, "rule_name": rule.name,
                "standard": rule.standard, "situations": ";".join(self.situation_ids),
                "since_then": "" if since is None else f"{since.verdict}: {since.detail}",
                "conclusion_en": self.conclusion.en, "conclusion_nl": self.conclusion.nl,
                "why_en": self.why.en, "why_nl": self.why.nl,
                "source_ids": ";".join(self.source_ids), "figures": ";".join(self.figures)}

    def rows(self) -> list:
        """The headline's row, then one per part."""
        return [self.row()] + [row for part in self.parts for row in part.rows()]
