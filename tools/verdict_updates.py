"""Record the verdicts that moved since a git revision in data/updates.csv (README "Updates").

    python tools/verdict_updates.py BASE_REV YYYY-MM-DD "what changed"

Compares data/verdicts.csv at BASE_REV with the working tree's and appends one row per claim or part
whose verdict changed or that is new: date, claim_id, part, before, after, the standard that decided
it now (the rule's `standard` column) and the note. The build renders the file into the README;
`tests/test_updates.py` fails when its latest entry for a row disagrees with data/verdicts.csv.
"""
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
UPDATES = ROOT / "data" / "updates.csv"
COLUMNS = ["date", "claim_id", "part", "before", "after", "standard", "rule_name", "note"]


def verdicts_at(rev: str) -> pd.DataFrame:
    text = subprocess.run(["git", "show", f"{rev}:data/verdicts.csv"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    if "part" not in table:
        table["part"] = ""
    return table


def moved(before: pd.DataFrame, after: pd.DataFrame, date: str, note: str) -> pd.DataFrame:
    old = {(r.claim_id, r.part): r.verdict for r in before.itertuples()}
    rows = [{"date": date, "claim_id": r.claim_id, "part": r.part, "before": old.get((r.claim_id, r.part), ""),
             "after": r.verdict, "standard": r.standard, "rule_name": r.rule_name, "note": note}
            for r in after.itertuples() if old.get((r.claim_id, r.part)) != r.verdict]
    return pd.DataFrame(rows, columns=COLUMNS)


def main(rev: str, date: str, note: str) -> None:
    after = pd.read_csv(ROOT / "data" / "verdicts.csv", dtype=str, keep_default_na=False)
    new = moved(verdicts_at(rev), after, date, note)
    old = pd.read_csv(UPDATES, dtype=str, keep_default_na=False) if UPDATES.exists() else pd.DataFrame(columns=COLUMNS)
    pd.concat([old, new]).to_csv(UPDATES, index=False, lineterminator="\n")
    print(f"{len(new)} verdict(s) moved since {rev}: recorded in {UPDATES.relative_to(ROOT)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
