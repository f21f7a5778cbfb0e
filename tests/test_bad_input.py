"""Bad input stops the build with a message naming file, row and column, exits non-zero,
and leaves every previous output exactly as it was."""
import json

import pytest

from factcheck.publish.verdicts import PART_COLUMNS

from conftest import run_cli, tree_hashes


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails(project, command, *expected, traceback=False):
    before = tree_hashes(project)
    result = run_cli(project, command)
    assert result.returncode == 1, result.stdout + result.stderr
    for fragment in expected:
        assert fragment in result.stderr, (fragment, result.stderr)
    after = tree_hashes(project)
    assert {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)} == set()
    assert ("Traceback" in result.stderr) == traceback      # bad input: one line; a bug: its traceback
    return result


def test_malformed_register_row(project):
    claims = project / "data" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 2)[0]          # row 3 loses two fields
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fails(project, "build", "data/claims.csv", "row 3 (line 4)", "fields")


def test_missing_column(project):
    _edit(project / "data" / "claims.csv", "fragment_nl,", "fragment,")
    _fails(project, "build", "data/claims.csv", "column 'fragment_nl'", "missing")


def test_bad_value_names_row_and_column(project):
    _edit(project / "data" / "claims.csv", ",resettlement,", ",asylum-tourism,")
    _fails(project, "validate", "data/claims.csv", "row 1 (line 2)", "column 'topic'")


def test_duplicate_claim_id(project):
    _edit(project / "data" / "claims.csv", "C02,", "C01,")
    _fails(project, "build", "data/claims.csv", "row 2", "column 'claim_id'", "duplicate")


def test_unknown_source_id(project):
    _edit(project / "data" / "claims.csv", ",vwn-letter-2026-02-02;", ",no-such-source;")
    _fails(project, "build", "data/claims.csv", "row 1", "column 'source_ids'", "no-such-source")


def test_checksum_mismatch(project):
    extract = project / "data" / "snapshots" / "worldbank" / "SP.POP.TOTL.csv"
    extract.write_text(extract.read_text() + "Nowhere,NWH,2020,1\n")
    result = _fails(project, "build", "data/sources/snapshots.csv", "column 'extract_sha256'", "checksum mismatch")
    assert "SP.POP.TOTL.csv" in result.stderr


def test_missing_extract(project):
    (project / "data" / "snapshots" / "worldbank" / "NY.GDP.MKTP.CD.csv").unlink()
    _fails(project, "validate", "data/sources/snapshots.csv", "column 'extract_path'", "missing")


def test_quote_not_in_letter(project):
    _edit(project / "data" / "claims.csv", "Elders is dit veel hoger.,Elders is dit veel hoger.",
          "Elders is dit veel lager.,Elders is dit veel lager.")
    _fails(project, "build", "data/claims.csv", "row 8", "column 'quote_nl'", "not in the letter")


def test_unknown_verdict_key(project):
    parts = project / "data" / "verdicts"
    parts.mkdir(exist_ok=True)
    row = dict.fromkeys(PART_COLUMNS, "")
    row.update(claim_id="C19", verdict="sort-of-true", rule="r", source_ids="vwn-letter-2026-02-02")
    (parts / "00-overview.csv").write_text(",".join(PART_COLUMNS) + "\n" + ",".join(row.values()) + "\n")
    _fails(project, "build", "data/verdicts/00-overview.csv", "row 1", "column 'verdict'", "sort-of-true")


def test_failing_notebook_changes_nothing(project):
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "id": "boom", "metadata": {},
                           "outputs": [], "source": "raise RuntimeError('broken on purpose')"}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    # another notebook's outputs would change (a changed cell): none of them may leak out
    resettlement = project / "notebooks" / "01-resettlement.ipynb"
    resettlement.write_text(resettlement.read_text().replace("Resettlement", "Resettlement:", 1))
    (project / "notebooks" / "99-broken.ipynb").write_text(json.dumps(notebook))
    _fails(project, "build", "notebooks/99-broken.ipynb", "broken on purpose", "no output was changed",
           traceback=True)


def _corrupt_extract(project, relative, change):
    """Change an extract and record its new sha256, as a careless re-extraction would."""
    import hashlib

    path = project / "data" / "snapshots" / relative
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    _edit(project / "data" / "sources" / "snapshots.csv", old, new)


DECISIONS = "unhcr/2025.12.1/decisions.csv"


def _replace_line(number, transform):
    def change(text):
        lines = text.split("\n")
        lines[number] = transform(lines[number])
        return "\n".join(lines)
    return change


@pytest.mark.parametrize("change, expected", [
    (lambda text: text[: len(text) // 2], ["fields"]),                                          # truncated
    (_replace_line(0, lambda line: line.replace("dec_total", "total_decisions")), ["column 'dec_total'", "renamed"]),
    (_replace_line(3, lambda line: line.rsplit(",", 1)[0] + ",many"), ["row 3 (line 4)", "column 'dec_total'",
                                                                       "not a number"]),
    (_replace_line(3, lambda line: line.rsplit(",", 1)[0] + ",-5"), ["row 3", "column 'dec_total'", "negative"]),
    (_replace_line(3, lambda line: line.rsplit(",", 1)[0] + ","), ["row 3", "column 'dec_total'", "required"]),
    (_replace_line(3, lambda line: line.rsplit(",", 1)[0] + ",NaN"), ["row 3", "column 'dec_total'"]),
])
def test_malformed_extract(project, change, expected):
    _corrupt_extract(project, DECISIONS, change)
    _fails(project, "build", "data/snapshots/unhcr/2025.12.1/decisions.csv", *expected)


# --- the previous build's outputs never block a legitimate edit of the inputs ---------------------

def _passes(project, command):
    result = run_cli(project, command)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_renaming_a_source_id_everywhere_is_not_blocked_by_old_verdict_parts(project):
    old, new = "coa-hervestiging", "coa-resettlement-page"
    parts = project / "data" / "verdicts"
    assert any(old in part.read_text(encoding="utf-8") for part in parts.glob("*.csv"))
    inputs = [project / "data" / "claims.csv", *(project / "data" / "sources").glob("*.csv"),
              *(project / "data" / "published").glob("*.csv")]
    renamed = [file for file in inputs if old in file.read_text(encoding="utf-8")]
    assert renamed
    for file in renamed:
        file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _passes(project, "validate")


def test_removing_a_claim_is_not_blocked_by_old_verdict_parts(project):
    claims = project / "data" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("C19,")]
    assert len(kept) == len(lines) - 1
    claims.write_text("".join(kept), encoding="utf-8")
    _passes(project, "validate")
