"""The engine under the editorial standards: each standard's rule on a small case, one per situation."""
import pytest

from factcheck.rules import Reading, claim_band
from factcheck.rules.judge import RULES, combine, judge, judge_absolute, judge_examples, judge_statement, since_then
from factcheck.rules.standards import BY_ID, SITUATIONS

LATER = "2026-06-12"


def _cases():
    band = claim_band(14)                                   # 13.5 to 14.5
    count = dict(published=25, likely=(4, 40))              # a rounded count: hard bound 0-62
    return {
        "within-band": judge(band, [Reading("a", 14, 14)]),
        "within-band-context": judge(band, [Reading("a", 14, 14)], context=["the 2026 figure is lower"]),
        "readings-split": judge(band, [Reading("a", 14, 14), Reading("b", 7, 7, "definition")]),
        "count-in-band-range-reaches": judge(band, [Reading("c", 10, 18, published=14)]),
        "count-cannot-decide": judge(claim_band(18), [Reading("c", 0, 62, **count)]),
        "earlier-vintage": judge(band, [Reading("a", 20, 20), Reading("old", 14, 14, "earlier")]),
        "different-comparison": judge(band, [Reading("a", 20, 20), Reading("x", 14, 14, "comparison")]),
        "above-within-2": judge(band, [Reading("a", 10, 10)]),
        "below-within-2": judge(band, [Reading("a", 20, 20)]),
        "off-by-more-than-2": judge(claim_band(80), [Reading("c", 0, 62, **count)]),
        "absolute-small-count": judge_absolute(Reading("n", 10, 20, published=15, likely=(12, 18)), 100, "the 100"),
        "no-cut-off-all-admit": judge_examples(True, "every example in the top quarter"),
        "statement-supported": judge_statement(True, "the study says so"),
        "statement-supported-context": judge_statement(True, "the study says so", ["one study only"]),
        "statement-partly": judge_statement("partly", "true for 2023, not 2024"),
        "evidence-missing": judge_statement(None, "the agreement's text is not in the project"),
    }


@pytest.mark.parametrize("situation", sorted(_cases()))
def test_each_case_gets_its_precedent(situation):
    assessment = _cases()[situation]
    assert assessment.situation == situation
    assert assessment.verdict == SITUATIONS[situation].verdict
    assert assessment.rule.standard in BY_ID and assessment.rule is RULES[assessment.rule.id]


def test_the_situations_labelled_by_the_topic_have_the_engine_verdict_they_refine():
    """label-slip, wider-scope and recomputed-stronger are cases the topic names; their verdict must be
    one the engine gives for a reading within the band."""
    assert {SITUATIONS[s].verdict for s in ("label-slip", "wider-scope", "recomputed-stronger")} <= {
        "accurate", "accurate-needs-context"}
    assert set(SITUATIONS) - set(_cases()) == {"label-slip", "wider-scope", "recomputed-stronger"}


def test_later_data_never_decide_but_are_rated_beside():
    band = claim_band(14)
    readings = [Reading("on the date", 14, 14, vintage_date="2025-06-12"),
                Reading("since then", 20, 20, vintage_date=LATER)]
    assert judge(band, readings).verdict == "accurate"
    assert since_then(band, readings).verdict == "understated"
    assert judge(band, readings[1:]).verdict == "unverifiable"        # nothing public on the date
    with pytest.raises(ValueError, match="published after the letter"):
        judge_absolute(Reading("n", 5, 5, vintage_date=LATER), 100, "x")


def test_a_statistical_range_is_named_as_one():
    detail = judge(claim_band(18), [Reading("c", 0, 62, published=25, likely=(4, 40))]).detail
    assert "likely range, about 95%: 4 to 40" in detail and "hard bound 0 to 62" in detail


def test_absolute_word():
    small = dict(small=100, yardstick="the letter's 100")
    assert judge_absolute(Reading("n", 0, 0, published=0), **small).verdict == "accurate"
    assert judge_absolute(Reading("n", 0, 4, published=0), **small).verdict == "accurate-needs-context"
    assert judge_absolute(Reading("n", 0, 9, published=5, likely=(0, 8)), **small).verdict == "unverifiable"
    assert judge_absolute(Reading("n", 150, 150), **small).verdict == "inaccurate"


def test_combination_takes_the_lowest_verifiable_part():
    a = judge_statement(True, "x")
    b = judge(claim_band(14), [Reading("b", 10, 10)])                  # overstated
    missing = judge_statement(None, "y")
    assert combine({"a": a, "b": b}, main="a").verdict == "overstated"
    assert combine({"a": a, "c": missing}, main="a").verdict == "accurate"
    assert combine({"a": a, "c": missing}, main="a", context=["z"]).verdict == "accurate-needs-context"
    assert combine({"a": missing, "b": a}, main="a").verdict == "unverifiable"
