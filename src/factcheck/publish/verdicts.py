"""The verdict table: each topic notebook's rows (data/verdicts/<notebook>.csv) and the assembled
data/verdicts.csv. Table I/O only; the verdicts themselves come from `rules`."""
import pandas as pd

from ..core.errors import InputError
from ..core.files import read_csv_strict, write_csv
from ..core.project import project
from ..core.registers import check_source_ids, load_claims, load_sources
from ..rules import VOCABULARY
from ..rules.claim import ClaimCheck


# One row per claim (part "") and per claim part ("a", "b", ...), rendered from the ClaimCheck records.
PART_COLUMNS = ["claim_id", "part", "words_nl", "reading_en", "reading_nl", "checked_value", "checked_low",
                "checked_high", "checked_source", "checked_from", "evidence_date", "verdict", "rule", "rule_name",
                "standard", "situations", "since_then", "conclusion_en", "conclusion_nl", "why_en", "why_nl",
                "source_ids", "figures"]
VERDICT_COLUMNS = (["claim_id", "part", "status", "claimed_value", "unit"] + PART_COLUMNS[2:PART_COLUMNS.index("verdict")]
                   + ["verdict", "label_en", "label_nl", "rating"] + PART_COLUMNS[PART_COLUMNS.index("verdict") + 1:]
                   + ["notebook"])


def write_checks(notebook: str, checks) -> pd.DataFrame:
    """Write a topic notebook's claim checks (`ClaimCheck`s, with their parts) as its verdict rows in
    data/verdicts/<notebook>.csv (atomically): the only way a verdict reaches the table."""
    checks = list(checks)
    for check in checks:
        if not isinstance(check, ClaimCheck):
            raise TypeError(f"{notebook}: expected ClaimCheck records, got {type(check).__name__}")
    frame = pd.DataFrame([row for check in checks for row in check.rows()], columns=PART_COLUMNS)
    write_csv(project().verdict_parts / f"{notebook}.csv", frame)
    return frame


def load_verdict_parts(claims: pd.DataFrame, sources: pd.DataFrame) -> dict:
    """The verdicts recorded by topic notebooks (data/verdicts/<notebook>.csv), checked:
    known verdict keys and claim ids, one verdict per claim, source ids in the register."""
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
            key = (row["claim_id"], row["part"])
            if key in parts:
                raise InputError(shown, f"claim '{row['claim_id']}{row['part']}' already has a verdict",
                                 row=row_number, column="claim_id")
            if row["part"] and (row["claim_id"], "") not in parts:
                raise InputError(shown, f"part '{row['part']}' of claim '{row['claim_id']}' comes before (or "
                                 "without) the claim's own row", row=row_number, column="part")
            check_source_ids(row["source_ids"], sources, shown, row_number, "source_ids")
            parts[key] = dict(row, notebook=file.stem)
    return parts


def headlines(table: pd.DataFrame) -> pd.DataFrame:
    """One row per claim (its headline verdict), without the part rows."""
    return table[table["part"].fillna("") == ""].reset_index(drop=True)


def assemble_verdicts(write: bool = True) -> pd.DataFrame:
    """The verdict table: every claim in the register, checked where a topic notebook
    exists and has recorded its verdict, 'not-yet-checked' otherwise."""
    claims = load_claims()
    parts = load_verdict_parts(claims, load_sources())
    rows = []
    for claim in claims.to_dict("records"):
        value = claim["claimed_value"]
        base = {"claim_id": claim["claim_id"], "claimed_value": "" if pd.isna(value) else format(value, ".12g"),
                "unit": claim["unit"], "notebook": claim["notebook"]}
        own = [part for key, part in parts.items() if key[0] == claim["claim_id"]]
        if not own:
            rows.append(dict(base, status="not-yet-checked", part="", source_ids=claim["source_ids"]))
        for part in own:
            verdict = VOCABULARY[part["verdict"]]
            rows.append(dict(base, status="checked", **{k: part[k] for k in PART_COLUMNS[1:]},
                             claimed_value=base["claimed_value"] if not part["part"] else "",
                             notebook=part["notebook"], label_en=verdict.label_en, label_nl=verdict.label_nl,
                             rating="" if verdict.rating is None else verdict.rating))
    table = pd.DataFrame([{column: row.get(column, "") for column in VERDICT_COLUMNS} for row in rows],
                         columns=VERDICT_COLUMNS)
    if write:
        write_csv(project().verdicts_file, table)
    return table
