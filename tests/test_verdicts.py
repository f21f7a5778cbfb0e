import re

import pandas as pd
import pytest

from factcheck.rules.judge import RULES as JUDGE_RULES

from factcheck.core.project import project as the_project
from factcheck.rules import RULES, VOCABULARY, Reading, assess, assess_statement, claim_band, precision
from factcheck.publish.verdicts import VERDICT_COLUMNS, assemble_verdicts


def test_vocabulary_is_complete_and_bilingual():
    assert list(VOCABULARY) == ["accurate", "accurate-needs-context", "outdated", "definition-dependent",
                                "overstated", "understated", "misleading", "inaccurate", "unverifiable"]
    for verdict in VOCABULARY.values():
        assert verdict.label_en and verdict.label_nl and verdict.rule_en
        assert verdict.rating is None if verdict.key == "unverifiable" else 1 <= verdict.rating <= 5


@pytest.mark.parametrize("value, expected", [(14, 1), (61000, 1000), (10430, 10), (0.4, 0.1), (0, 1), (3e6, 1e6)])
def test_precision(value, expected):
    assert precision(value) == pytest.approx(expected)


@pytest.mark.parametrize("value, qualifier, band", [
    (14, "", (13.5, 14.5)), (0, "", (0, 0.5)), (1100, "about", (990, 1210)),
    (3e6, "almost", (2.7e6, 3e6)), (0, "none", (0, 0)), (61000, "only", (60500, 61500))])
def test_claim_band(value, qualifier, band):
    assert claim_band(value, qualifier) == pytest.approx(band)


BAND = (13.5, 14.5)


@pytest.mark.parametrize("readings, context, expected", [
    ([], (), "unverifiable"),
    ([Reading("p", 14.2, 14.2)], (), "accurate"),
    ([Reading("p", 14.2, 14.2)], ("masked counts",), "accurate-needs-context"),
    ([Reading("p", 14, 14), Reading("eurostat", 10, 10, "definition")], (), "definition-dependent"),
    ([Reading("p", 20, 20), Reading("2023", 14, 14, "earlier")], (), "outdated"),
    ([Reading("p", 20, 20), Reading("eurostat", 14, 14, "definition")], (), "definition-dependent"),
    ([Reading("p", 20, 20), Reading("per year", 14, 14, "comparison")], (), "misleading"),
    ([Reading("p", 10, 12)], (), "overstated"),
    ([Reading("p", 20, 25)], (), "understated"),
    ([Reading("p", 5, 6)], (), "inaccurate"),
    ([Reading("p", 40, 40)], (), "inaccurate"),
    ([Reading("p", 5, 15)], (), "accurate"),   # a range that covers the band: cannot refute
    ([Reading("p", 4.3, 35.3, published=14.2)], (), "accurate"),
    ([Reading("p", 4.3, 35.3, published=18.5)], (), "unverifiable"),   # only the rounding range reaches it
    ([Reading("p", 20, 25), Reading("2024", 10, 30, "earlier", published=20)], (), "understated"),
    ([Reading("p", 20, 25), Reading("2024", 10, 30, "earlier", published=14)], (), "outdated"),
])
def test_assess_rules(readings, context, expected):
    result = assess(BAND, readings, context)
    assert result.verdict == expected
    assert result.reason.startswith("rule")


def test_reading_rejects_inverted_range():
    with pytest.raises(ValueError):
        Reading("bad", 5, 4)


def test_statement_rule():
    assert assess_statement(None, "no source").verdict == "unverifiable"
    assert assess_statement(True, "x").verdict == "accurate"
    assert assess_statement(True, "x", ["y"]).verdict == "accurate-needs-context"
    assert assess_statement(False, "x").verdict == "inaccurate"
    assert assess_statement("partly", "x").verdict == "misleading"


def test_verdict_table_is_generated_and_complete():
    table = assemble_verdicts(write=False)
    assert list(table.columns) == VERDICT_COLUMNS
    assert list(table.loc[table["part"] == "", "claim_id"]) == [f"C{i:02d}" for i in range(1, 21)]
    parts = table[table["part"] != ""]
    assert not parts.duplicated(["claim_id", "part"]).any()
    committed = pd.read_csv(the_project().verdicts_file, dtype=str, keep_default_na=False)
    assert committed.equals(table.astype(str)), "data/verdicts.csv is stale: run `make`"
    checked = table[table["status"] == "checked"]
    assert checked["verdict"].isin(list(VOCABULARY)).all()
    assert (table.loc[table["status"] == "not-yet-checked", "verdict"] == "").all()
    for row in checked.itertuples():
        if row.verdict != "unverifiable":
            assert row.checked_value != "" or row.claimed_value == "", row.claim_id


def test_rule_7_says_which_side_is_zero():
    assert assess((0, 0), [Reading("p", 1, 19)]).reason.endswith("and the claim is zero")
    assert assess((990, 1210), [Reading("p", 0, 0)]).reason.endswith("and the primary reading is zero")


def test_the_rule_is_a_field_and_the_sentence_is_rendered_from_it():
    band = claim_band(14)
    cases = [assess(band, []), assess(band, [Reading("p", 14, 14)]), assess(band, [Reading("p", 20, 20)]),
             assess(band, [Reading("p", 20, 20), Reading("e", 14, 14, kind="earlier")]),
             assess(band, [Reading("p", 4, 35, published=18.5)]), assess_statement(True, "it holds")]
    assert [a.rule.id for a in cases] == ["rule 1", "rule 2", "rule 7", "rule 4", "rule 3b", "statement rule"]
    for assessment in cases:
        assert RULES[assessment.rule.id] is assessment.rule and assessment.rule.name and assessment.rule.text
        assert assessment.reason == f"{assessment.rule.id}: {assessment.detail}"


def test_every_rule_in_the_verdict_table_is_a_registered_rule():
    committed = pd.read_csv(the_project().verdicts_file, dtype=str, keep_default_na=False)
    checked = committed[committed["status"] == "checked"]
    known = set(RULES) | set(JUDGE_RULES)
    assert all(any(text.startswith(rule_id + ": ") for rule_id in known) for text in checked["rule"])
    assert set(checked["rule_name"]) <= {r.name for r in list(RULES.values()) + list(JUDGE_RULES.values())}


def test_no_caller_parses_the_rule_out_of_the_sentence():
    root = the_project().root
    files = sorted((root / "src").rglob("*.py")) + sorted((root / "notebooks").glob("*.ipynb"))
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"reason\.split\(|reason\.startswith\(.rule|reason\[:", text), file
