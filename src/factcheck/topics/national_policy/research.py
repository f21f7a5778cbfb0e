"""C19: what the research the letter cites finds about the effect of national asylum policy."""
from dataclasses import dataclass

import pandas as pd

NO_EVIDENCE = "no scientific evidence|no evidence"
STRONG = "strong effect|substantial effect|large effect"


@dataclass(frozen=True)
class ResearchFinding:
    """The rule's outcome: `holds` (True, False, or None without findings), the quoted findings it
    rests on (`evidence`), the limitations and method notes a reader needs (`context`), and the
    source ids of those rows."""
    holds: object
    evidence: str
    context: tuple
    source_ids: tuple


def research_supports(research: pd.DataFrame, claim_id: str = "C19") -> ResearchFinding:
    """Whether the quoted research supports "no or hardly any impact" of national measures.

    Rule: supported (True) when at least one finding says there is no evidence of an effect and
    no finding reports more than a limited influence; 'limitation' and 'method' rows become the
    context a reader needs. `holds` is None without findings.
    """
    rows = research[research["claim_id"] == claim_id]
    findings = rows[rows["kind"] == "finding"]
    if findings.empty:
        return ResearchFinding(None, "no research findings recorded", (), ())
    no_evidence = findings["finding"].str.contains(NO_EVIDENCE, case=False)
    strong = findings["finding"].str.contains(STRONG, case=False)
    holds = bool(no_evidence.any() and not strong.any())
    evidence = "; ".join(f"\"{row.quote}\" ({row.source_id})" for row in findings[no_evidence].itertuples())
    context = tuple(row.finding for row in rows[rows["kind"].isin(["limitation", "method"])].itertuples())
    ids = tuple(dict.fromkeys(i for row in findings[no_evidence].itertuples() for i in row.source_id.split(";")))
    return ResearchFinding(holds, evidence, context, ids)


def research_sources(research: pd.DataFrame, claim_id: str = "C19") -> list:
    seen = []
    for ids in research.loc[research["claim_id"] == claim_id, "source_id"]:
        for item in ids.split(";"):
            if item not in seen:
                seen.append(item)
    return seen
