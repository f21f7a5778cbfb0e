"""Notebooks show results, they do not restate them: no markdown cell names a verdict, a rule outcome
or a checked value. The results are cell outputs rendered from the ClaimCheck records (nbval compares
them), so when an input moves a verdict no sentence is left behind."""
import re

import pytest

from factcheck.core.files import read_csv_strict, read_notebook
from factcheck.core.project import project
from factcheck.core.registers import load_claims
from factcheck.core.text import number
from factcheck.rules import VOCABULARY
from factcheck.rules.judge import RULES

# Verdict keys and labels, and the rules that fire by id ("rule 6" of the first engine, "how-far-off";
# the one-word ids "statement" and "combination" are ordinary words).
VERDICT_WORDS = sorted({w for v in VOCABULARY.values() for w in (v.key, v.label_en.lower())} | {"needs context"}
                       | {f"rule {n}" for n in range(1, 8)} | {r for r in RULES if "-" in r}, key=len, reverse=True)
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in VERDICT_WORDS) + r")(?![\w-])", re.I)


def _notebooks():
    return sorted(project().notebooks.glob("*.ipynb"))


def _markdown(path):
    return [(i, "".join(c.source)) for i, c in enumerate(read_notebook(path).cells) if c.cell_type == "markdown"]


def verdict_words(text: str) -> list:
    return [m.group(0) for m in PATTERN.finditer(text)]


def checked_figures(stem: str) -> set:
    """The checked values this notebook recorded, as a reader would see them written: those of three
    or more digits, or with decimals (a two-digit whole number such as 20 is too common in method
    prose to tell), and not equal to a claim's own number (that is the claim quoted, not a result)."""
    part = project().verdict_parts / f"{stem}.csv"
    if not part.exists():
        return set()
    claimed = {float(v) for v in load_claims()["claimed_value"].dropna()}
    shown = set()
    for value in (float(v) for v in read_csv_strict(part)["checked_value"] if v):
        if value in claimed:
            continue
        if value.is_integer() and abs(value) >= 100:
            shown.add(number(value, "en"))
        elif not value.is_integer():
            shown |= {f for f in (number(value, "en", d, trim=True) for d in (1, 2)) if "." in f}
    return shown


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_no_markdown_cell_states_a_result(path):
    figures = checked_figures(path.stem)
    found = []
    for index, text in _markdown(path):
        found += [f"cell {index}: '{w}'" for w in verdict_words(text)]
        found += [f"cell {index}: checked value {f}" for f in figures if re.search(rf"(?<![\w.,]){re.escape(f)}(?![\w]|[.,]\d)", text)]
    assert not found, f"{path.name} restates results in markdown: " + "; ".join(found)


def test_the_scan_finds_a_restated_verdict():
    assert verdict_words("So the number is right: rule 6, *misleading*.") == ["rule 6", "misleading"]
    assert verdict_words("Accurate, but needs context") == ["Accurate, but needs context"]
    assert verdict_words("the accurately rounded count; definition of a rule") == []
