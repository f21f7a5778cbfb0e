"""The verdict vocabulary: each verdict's key, labels in English and Dutch, rule for readers, rating."""
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Verdict:
    key: str
    label_en: str
    label_nl: str
    rule_en: str
    rating: int | None      # ClaimReview ratingValue, 1 (worst) to 5 (best)


VOCABULARY = {v.key: v for v in (
    Verdict("accurate", "Accurate", "Klopt",
            "The checked value, on the reading a reader would most likely take (S2), is within the claim's "
            "band (S5): its own rounding, \"ongeveer\" within 10%, \"bijna\" up to 10% below. A rounded "
            "count counts by its shown figure (S4).", 5),
    Verdict("accurate-needs-context", "Accurate, but needs context", "Klopt, maar mist context",
            "As accurate, but a fact public on the letter's date and absent from it would change what a "
            "reader concludes (S9): a figure now lower, another period or scope named by mistake (S1), a "
            "rounded count whose range reaches the other side (S4).", 4),
    Verdict("outdated", "Outdated", "Verouderd",
            "The claim matches an earlier vintage or period, not what was current on the letter's date (S3).", 3),
    Verdict("definition-dependent", "Definition-dependent", "Hangt af van de definitie",
            "Two readings a reader could about equally take lead to different verdicts (S2).", 3),
    Verdict("overstated", "Overstated", "Overdreven",
            "The claim is above the checked value, by no more than a factor 2; an absolute word (\"geen\") "
            "against a small count above zero (S7).", 2),
    Verdict("understated", "Understated", "Onderschat",
            "The claim is below the checked value, by no more than a factor 2 (S7).", 2),
    Verdict("misleading", "Misleading", "Misleidend",
            "The figure holds only for a comparison the claim does not make and the framing leads to a wrong "
            "conclusion about the substance (S1), or a statement holds for only part of what it covers.", 2),
    Verdict("inaccurate", "Inaccurate", "Onjuist",
            "Off by more than a factor 2 from the checked value, or a statement the evidence contradicts "
            "(S7).", 1),
    Verdict("unverifiable", "Unverifiable", "Niet te controleren",
            "The evidence that would decide is not in the project, or a rounded count cannot decide (S4, "
            "S5); the notebook says what would decide.", None),
)}


def legend() -> pd.DataFrame:
    return pd.DataFrame([{"key": v.key, "English": v.label_en, "Nederlands": v.label_nl,
                          "rating": "" if v.rating is None else v.rating, "rule": v.rule_en}
                         for v in VOCABULARY.values()])
