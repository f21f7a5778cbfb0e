import pandas as pd
import pytest

from factcheck.publish import readme
from factcheck.publish.verdicts import assemble_verdicts

from factcheck.core.project import project as the_project
from factcheck.core.letter import letter_text, normalise, quote_in_letter
from factcheck.core.registers import load_claims, load_sources, verify_extracts
from factcheck.pipeline.validate import validate_all


def test_claims_register_has_the_twenty_claims():
    claims = load_claims(check_letter=False)
    assert list(claims["claim_id"]) == [f"C{i:02d}" for i in range(1, 21)]
    assert claims["quote_nl"].str.len().min() > 10


def test_every_quote_is_verbatim_in_the_letter():
    text = letter_text()
    claims = load_claims(check_letter=False)
    missing = [row.claim_id for row in claims.itertuples() if not quote_in_letter(row.quote_nl, text)]
    assert missing == []


def test_quote_check_rejects_an_altered_quote():
    text = normalise("Elders is dit veel hoger. Ook in [Hongarije](#) niet.")
    assert quote_in_letter("Ook in Hongarije niet.", text)
    assert not quote_in_letter("Elders is dit veel lager.", text)


def test_registers_validate_and_links_resolve():
    registers = validate_all()
    assert set(registers["sources"]["source_id"]) >= {"vwn-letter-2026-02-02"}


def test_snapshot_sources_carry_full_provenance():
    sources = load_sources()
    snapshots = sources[(sources["kind"] == "dataset") & (sources["extract_path"] != "")]
    assert len(snapshots) >= 13
    for column in ("publisher", "url", "licence", "vintage", "upstream_sha256", "extract_sha256", "upstream_file"):
        assert (snapshots[column] != "").all(), column
    assert {"2025.06.0", "2025.12.1"} <= set(snapshots["vintage"])
    verify_extracts(snapshots)


def test_published_tables_name_their_sources():
    for file in sorted(the_project().published.glob("*.csv")):
        frame = pd.read_csv(file, dtype=str, keep_default_na=False)
        assert "source_id" in frame.columns, file.name
        assert (frame["source_id"] != "").all(), file.name


def test_readme_generated_sections_are_current():
    text = the_project().readme_file.read_text(encoding="utf-8")
    assert readme.render(text, readme.sections(assemble_verdicts(write=False))) == text, \
        "README.md's generated sections are stale: run `make`"
