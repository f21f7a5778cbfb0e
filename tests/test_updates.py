"""The README's Updates list cannot drift: the latest recorded move of each claim or part ends at the
verdict data/verdicts.csv gives it now, and every standard named is a written one."""
import importlib.util

import pandas as pd

from factcheck.core.files import read_csv_strict
from factcheck.core.project import project
from factcheck.rules.standards import BY_ID


def _tool():
    spec = importlib.util.spec_from_file_location("verdict_updates", project().root / "tools" / "verdict_updates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_latest_update_of_every_row_is_its_current_verdict():
    if not project().updates_file.exists():
        return
    updates = read_csv_strict(project().updates_file)
    current = read_csv_strict(project().verdicts_file)
    now = {(r.claim_id, r.part): r.verdict for r in current.itertuples()}
    for (claim_id, part), rows in updates.groupby(["claim_id", "part"], sort=False):
        latest = rows.sort_values("date", kind="stable").iloc[-1]
        assert now.get((claim_id, part)) == latest["after"], f"{claim_id}{part}: Updates says {latest['after']}"
        assert not latest["standard"] or latest["standard"] in BY_ID


def test_the_tool_lists_moved_and_new_rows_only():
    before = pd.DataFrame({"claim_id": ["C01", "C02"], "part": ["", ""], "verdict": ["accurate", "misleading"]})
    after = pd.DataFrame({"claim_id": ["C01", "C02", "C02"], "part": ["", "", "a"],
                          "verdict": ["accurate", "accurate-needs-context", "accurate"],
                          "standard": ["S5", "S1", "S5"], "rule_name": ["x", "y", "z"]})
    moved = _tool().moved(before, after, "2026-12-02", "note")
    assert list(zip(moved["claim_id"] + moved["part"], moved["before"], moved["after"])) == [
        ("C02", "misleading", "accurate-needs-context"), ("C02a", "", "accurate")]
