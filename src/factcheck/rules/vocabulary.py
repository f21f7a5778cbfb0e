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


def legend() -> pd.DataFrame:
    return pd.DataFrame([{"key": v.key, "English": v.label_en, "Nederlands": v.label_nl,
                          "rating": "" if v.rating is None else v.rating, "rule": v.rule_en}
                         for v in VOCABULARY.values()])
