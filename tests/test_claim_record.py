"""The claim-check record: the only producer of verdict rows and of the notebook's verdict text."""
import pytest

from factcheck.core.errors import InputError
from factcheck.core.files import read_texts
from factcheck.core.text import Text, in_both, number
from factcheck.publish import display
from factcheck.publish.verdicts import PART_COLUMNS
from factcheck.rules import ClaimCheck, Reading, assess, claim_band


def _check(value=14.0):
    band = claim_band(14)
    readings = [Reading("states pledging", value, value, source_ids=("ec-pledges",), vintage="2023-12",
                        vintage_date="2023-12-16"),
                Reading("states pledging, later count", 15, 15, "definition", vintage="2026", vintage_date="2026-06-01")]
    assessment = assess(band, readings)
    shown = in_both(number, value)
    return ClaimCheck("C02", assessment, conclusion=Text("{n} states.", "{n} landen.").format(n=shown),
                      why=Text("Counted: {n}.", "Geteld: {n}.").format(n=shown), band=band, readings=readings,
                      checks=("states: 14",), basis="published figures", source_ids=("ec-pledges",),
                      part="a", words_nl="14 EU-landen")


def test_row_has_the_verdict_table_columns_and_renders_the_rule_text():
    row = _check().row()
    assert list(row) == PART_COLUMNS
    assert (row["claim_id"], row["part"]) == ("C02", "a") and row["verdict"] == "definition-dependent"
    assert row["rule"].startswith("rule 3: ") and row["rule"].endswith("; checks: states: 14; basis: published figures")
    assert (row["conclusion_en"], row["conclusion_nl"]) == ("14 states.", "14 landen.")


def test_every_sentence_follows_the_input():
    before, after = _check(14.0), _check(19.0)
    assert (before.verdict, after.verdict) == ("definition-dependent", "understated")
    for field in ("conclusion", "why"):
        assert getattr(before, field).en != getattr(after, field).en
        assert getattr(before, field).nl != getattr(after, field).nl
    assert display.render(before) != display.render(after)


def test_display_shows_the_record():
    shown = display.render(_check())
    for piece in ("C02a", "Definition-dependent", "rule 3 (a definition misses)", "Counted: 14.", "14 landen.",
                  "| primary | states pledging | 14 | 14 |", "Since then: states pledging, later count"):
        assert piece in shown
    assert repr(display.show(_check())) == shown


def test_a_check_refuses_an_unknown_verdict():
    bad = _check().assessment.__class__("sort-of", _check().assessment.rule, "x")
    with pytest.raises(ValueError, match="sort-of"):
        ClaimCheck("C01", bad, Text("", ""), Text("", ""))


def test_text_tables(tmp_path):
    good = tmp_path / "texts.toml"
    good.write_text('[c01.conclusion]\nen = "About {n}."\nnl = "Ongeveer {n}."\n')
    texts = read_texts(good)
    assert texts["c01.conclusion"].format(n=in_both(number, 1540)) == Text("About 1,540.", "Ongeveer 1.540.")
    for body, message in (('[a]\nen = "x"\n', "has no nl wording"),
                          ('[a]\nen = "{n}"\nnl = "{m}"\n', "different placeholders"),
                          ('[a]\nen = "x\nnl = "y"\n', "invalid TOML")):
        good.write_text(body)
        with pytest.raises(InputError, match=message) as error:
            read_texts(good)
        assert "texts.toml" in str(error.value) and "line" in str(error.value)


def test_the_checked_value_is_the_primary_midpoint_unless_given():
    assessment = assess((0, 0.5), [Reading("masked", 0, 27)])
    check = ClaimCheck("C06", assessment, Text("", ""), Text("", ""))
    assert check.row()["checked_value"] == 13.5
    assert check.with_(checked_value=0).row()["checked_value"] == 0
