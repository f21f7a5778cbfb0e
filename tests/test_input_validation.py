"""Issue 18, items 4, 5 and 7: the letter travels with the project, validation rejects values
that only look valid, and every bad input is one line naming file, true line and column."""
import errno
import json
import os
import pickle

import pandas as pd
import pytest

from conftest import run_cli, tree_hashes
from factcheck.core.errors import InputError, OutputError
from factcheck.core.files import atomic_write_bytes, read_csv_strict, read_notebook
from factcheck.core.schema import Column, Schema, validate
from test_bad_input import _edit

QUOTE = "Elders is dit veel hoger.,Elders is dit veel hoger."
FALSIFIED = "Elders is dit veel lager.,Elders is dit veel lager."


def _rejects(project, command, *expected, env=None):
    """The command exits 1 with one message holding every fragment, no traceback, and
    changes no file under data/, figures/, notebooks/, report/ nor README.md."""
    before = tree_hashes(project)
    result = run_cli(project, command, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for fragment in expected:
        assert fragment in result.stderr, (fragment, result.stderr)
    assert tree_hashes(project) == before
    return result


# --- item 4: the letter is a registered, committed source --------------------------------------

def test_falsified_quote_fails_without_shared(project, tmp_path):
    _edit(project / "data" / "claims.csv", QUOTE, FALSIFIED)
    _rejects(project, "validate", "data/claims.csv", "row 8", "column 'quote_nl'", "not in the letter",
             env={"FACTCHECK_SHARED": str(tmp_path / "no-such-shared")})


def test_altered_letter_is_a_checksum_mismatch(project):
    letter = project / "data" / "letter" / "vluchtelingenwerk-2026-02-02.txt"
    letter.write_bytes(letter.read_bytes().replace(b"hoger", b"lager", 1))
    _rejects(project, "validate", "data/sources/letter.csv", "row 1", "column 'extract_sha256'",
             "checksum mismatch")


def test_missing_letter_is_an_error(project):
    (project / "data" / "letter" / "vluchtelingenwerk-2026-02-02.txt").unlink()
    _rejects(project, "validate", "data/sources/letter.csv", "row 1", "column 'extract_path'", "missing")


# --- item 5: values that only look valid ------------------------------------------------------

SCHEMA = Schema("t", (Column("key", "id"), Column("code", pattern=r"C\d{2}"), Column("n", "number"),
                      Column("day", "date"), Column("url", "url")), unique=("code",))
GOOD = {"key": "a-1", "code": "C01", "n": "1.5", "day": "2026-02-28", "url": "https://example.org/x"}


@pytest.mark.parametrize("column, value, message", [
    ("n", "inf", "not a finite number"), ("n", "-inf", "not a finite number"),
    ("n", "Infinity", "not a finite number"), ("n", "NaN", "not a finite number"),
    ("day", "2026-13-45", "not a date"), ("day", "2026-02-30", "not a date"),
    ("url", "http://", "with a host"), ("url", "https://", "with a host"), ("url", "https:///x", "with a host"),
    ("url", "ftp://example.org/", "with a host"),
    ("key", "a-1 ", "leading or trailing spaces"), ("code", " C01", "leading or trailing spaces"),
])
def test_values_that_only_look_valid(column, value, message):
    frame = pd.DataFrame([dict(GOOD, **{column: value})], dtype=str)
    with pytest.raises(InputError) as caught:
        validate(frame, SCHEMA, "t.csv")
    assert caught.value.row == 1 and caught.value.column == column and message in caught.value.message


def test_ids_that_differ_only_by_spaces_are_duplicates(project):
    _edit(project / "data" / "claims.csv", "\nC06,", "\nC05 ,")
    result = _rejects(project, "validate", "data/claims.csv", "row 6 (line 7)", "column 'claim_id'",
                      "'C05 ' has leading or trailing spaces")
    assert "duplicate value 'C05' (first in row 5)" in result.stderr


def test_infinite_claimed_value(project):
    _edit(project / "data" / "claims.csv", ",3000000,", ",inf,")
    _rejects(project, "validate", "data/claims.csv", "row 1 (line 2)", "column 'claimed_value'", "finite")


@pytest.mark.parametrize("old, new, column", [
    (",2026-02-02,2026-11-29,", ",2026-02-30,2026-11-29,", "date_published"),
    (",https://www.vluchtelingenwerk.nl/nl/wat-wij-doen/brieven-van-vluchtelingenwerk-aan-de-tweede-kamer,",
     ",http://,", "url"),
])
def test_impossible_date_and_url_without_host(project, old, new, column):
    _edit(project / "data" / "sources" / "letter.csv", old, new)
    _rejects(project, "validate", "data/sources/letter.csv", "row 1 (line 2)", f"column '{column}'")


# --- item 7: one line with file, true line and column ------------------------------------------

def test_latin1_csv_names_line_and_column(project):
    claims = project / "data" / "claims.csv"
    raw = claims.read_bytes()
    at = raw.index(b"\nC02,") + 3                        # line 3, the "2" of "C02"
    claims.write_bytes(raw[:at] + b"\xe9" + raw[at + 1:])
    _rejects(project, "validate", "data/claims.csv", "line 3, column 3", "not UTF-8", "0xe9")


@pytest.mark.parametrize("change, line", [
    (lambda text: text.replace("\n", "\n\n", 1), 4),                                  # a blank line
    (lambda text: text.replace("\n", "\n\n\n", 1), 5),                                # two blank lines
    (lambda text: text.replace("UNHCR's projected global", "UNHCR's\nprojected global", 1), 4),  # 2-line field
])
def test_line_numbers_are_true_lines(project, change, line):
    """Row 2 gets a bad topic after a change above it; the message names the line it starts on."""
    claims = project / "data" / "claims.csv"
    text = change(claims.read_text(encoding="utf-8"))
    claims.write_text(text.replace("\nC02,resettlement,", "\nC02,asylum-tourism,", 1), encoding="utf-8")
    _rejects(project, "validate", "data/claims.csv", f"row 2 (line {line})", "column 'topic'")


def test_read_csv_strict_records_true_lines(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n\n1,"x\ny"\n\n2,z\n3\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_csv_strict(path)
    assert (caught.value.row, caught.value.line) == (3, 7)
    path.write_text('a,b\n\n1,"x\ny"\n\n2,z\n', encoding="utf-8")
    assert read_csv_strict(path).to_dict("records") == [{"a": "1", "b": "x\ny"}, {"a": "2", "b": "z"}]
    assert InputError(str(path), "bad", row=2, column="b").line == 6


def test_invalid_provenance_json(project):
    sidecar = project / "data" / "snapshots" / "unhcr" / "2025.12.1" / "decisions.provenance.json"
    text = sidecar.read_text(encoding="utf-8").replace('"publisher": "UNHCR",', '"publisher": "UNHCR"', 1)
    sidecar.write_text(text, encoding="utf-8")
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    _rejects(project, "validate", "data/snapshots/unhcr/2025.12.1/decisions.provenance.json",
             f"line {expected.value.lineno}, column {expected.value.colno}", "invalid JSON")


def test_corrupt_notebook(tmp_path):
    notebook = tmp_path / "01-broken.ipynb"
    notebook.write_text('{\n  "cells": [\n    {"cell_type": "code",,}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_notebook(notebook)
    assert (caught.value.line, caught.value.column) == (3, 26) and "invalid JSON" in str(caught.value)
    notebook.write_text('{"cells": 3, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    with pytest.raises(InputError, match="is not a valid notebook"):
        read_notebook(notebook)


def test_read_notebook_reads_what_nbformat_reads():
    import nbformat

    from factcheck.core.project import project as the_project

    for path in sorted(the_project().notebooks.glob("[0-9][0-9]-*.ipynb")):
        assert read_notebook(path) == nbformat.read(path, as_version=4)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_write_failure_names_the_file(tmp_path, monkeypatch, code):
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, payload):
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    target = tmp_path / "out" / "table.csv"
    with pytest.raises(OutputError) as caught:
        atomic_write_bytes(target, b"a,b\n")
    assert str(caught.value) == f"{target}: cannot write: {os.strerror(code)}"
    assert isinstance(caught.value, InputError)                 # the CLI's one `except` catches it
    assert list(target.parent.iterdir()) == []                  # no temporary file left behind


def test_errors_cross_process_boundaries():
    error = OutputError("figures/x.png", "cannot write: No space left on device", row=2, column="c", line=9)
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_published_table_type_error_at_validation(project):
    _edit(project / "data" / "published" / "resettlement-pgrn.csv", "\n2021,2022,2021-06-23,1445383,",
          "\n2021,2022,2021-06-23,many,")
    _rejects(project, "validate", "data/published/resettlement-pgrn.csv", "row 1 (line 2)", "column 'value'",
             "not a number")


def test_infinite_published_value(project):
    _edit(project / "data" / "published" / "resettlement-pgrn.csv", "\n2021,2022,2021-06-23,1445383,",
          "\n2021,2022,2021-06-23,inf,")
    _rejects(project, "build", "data/published/resettlement-pgrn.csv", "row 1", "column 'value'", "finite")
