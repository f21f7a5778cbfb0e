"""The topic's inputs: the UNHCR asylum-decision extracts (two vintages), the published figures
table (AIDA, ECRE), the text table, and the Eurostat migr_asydcfsta extract when one is registered."""
from pathlib import Path

import pandas as pd

from ...core.files import read_texts
from ...core.registers import load_published, load_sources
from ...core.schema import Column, Schema
from ...sources import eurostat, snapshots

VINTAGES = ("2025.06.0", "2025.12.1")
LATEST = "2025.12.1"        # full-year 2025, published 2026-06-25 (after the letter)
AT_LETTER = "2025.06.0"     # the newest vintage public on 2 February 2026; its 2025 rows are partial
COUNTS = ("dec_recognized", "dec_other", "dec_rejected", "dec_closed")
LEVELS = {"FI": "first instance", "FA": "first instance and appeal combined", "AR": "administrative review",
          "JR": "judicial review", "RA": "repeat/reopened applications", "SP": "subsidiary protection",
          "TA": "temporary asylum", "IN": "US Citizenship and Immigration Services",
          "EO": "US Executive Office for Immigration Review"}
EU27 = snapshots.EU27
MASKING_SOURCES = ("cyanheads-unhcr-mcp-design", "aida-hu-statistics-2023", "aida-hr-statistics-2023")
DEFINITION_SOURCES = ("unhcr-recognition-rate-definitions", "eurostat-glossary-recognition-rate",
                      "eurostat-migr-asydec-metadata")
TEXTS_FILE = Path(__file__).with_name("texts.toml")


def texts() -> dict:
    """The topic's sentences in English and Dutch (texts.toml), checked on load."""
    return read_texts(TEXTS_FILE)


def decisions_source_id(vintage: str) -> str:
    return f"unhcr-decisions-{vintage}"


def vintage_date(vintage: str) -> str:
    """When a UNHCR release was published (ISO date)."""
    return snapshots.UNHCR_DATES[vintage]


def load_decisions(vintage: str = LATEST) -> pd.DataFrame:
    """The committed UNHCR asylum-decisions extract of one vintage (sha256 checked on load).

    Rows: asylum countries BGR, HRV, HUN (all origins) and origin TUR (all asylum
    countries), 2015-2025; counts as published (persons or cases, see `dec_pc`)."""
    if vintage not in VINTAGES:
        raise ValueError(f"unknown vintage {vintage!r}; expected one of {VINTAGES}")
    frame = snapshots.load_extract(decisions_source_id(vintage))
    frame = frame.copy()
    frame["vintage"] = vintage
    return frame


# --- published figures (AIDA, ECRE) ---------------------------------------------------------

PUBLISHED_TABLE = "recognition-published"
MEASURES = {
    # measure -> (numerator columns, rest columns) for rates, or (columns, None) for counts;
    # None: no UNHCR counterpart.
    "refugee_status": (("dec_recognized",), None),
    "complementary_protection": (("dec_other",), None),
    "humanitarian_protection": None,
    "rejected": (("dec_rejected",), None),
    "granted_total": (("dec_recognized", "dec_other"), None),
    "substantive_decisions": (("dec_recognized", "dec_other", "dec_rejected"), None),
    "decisions_total": (COUNTS, None),
    "total_protection_rate": (("dec_recognized", "dec_other"), ("dec_rejected",)),
    "refugee_status_rate": (("dec_recognized",), ("dec_other", "dec_rejected")),
    "applicants": None,
}
PUBLISHED_SCHEMA = Schema(PUBLISHED_TABLE, (
    Column("figure_id", "id"),
    Column("source_id", "id"),
    Column("coa_iso", pattern=r"[A-Z]{3}"),
    Column("coo_iso", pattern=r"[A-Z]{3}|ALL"),
    Column("year", "int", minimum=2000),
    Column("measure", "choice", choices=tuple(MEASURES)),
    Column("value", "number", minimum=0),
    Column("unit", "choice", choices=("persons", "percent")),
    Column("level"),
    Column("quote"),
), unique=("figure_id",))
PUBLISHED_SCHEMAS = (PUBLISHED_SCHEMA,)


def load_published_figures() -> pd.DataFrame:
    """data/published/recognition-published.csv, validated (every row names its source)."""
    return load_published(PUBLISHED_TABLE, PUBLISHED_SCHEMA)


# --- Eurostat (not available offline; picked up when an extract is registered) ----------------

EUROSTAT_DATASET = "migr_asydcfsta"
EUROSTAT_TOTALS = {"sex": "T", "age": "TOTAL", "unit": "PER", "freq": "A"}
EUROSTAT_EXPECTED = ("data/snapshots/eurostat/<YYYY-MM-DD>/migr_asydcfsta.csv, registered as "
                     "eurostat-migr-asydcfsta-<date> (written by `make refresh`): Eurostat first-instance "
                     "decisions in SDMX-CSV long format with columns citizen (e.g. TR), geo (e.g. BG), decision "
                     "(TOTAL, TOTAL_POS, GENCONV, SUB_PROT, HUMSTAT, REJECTED), TIME_PERIOD, OBS_VALUE, OBS_FLAG")


def eurostat_extract(sources: pd.DataFrame = None):
    """The newest registered Eurostat migr_asydcfsta extract (checksum verified), or None."""
    return eurostat.first_instance_decisions(sources)


def source_date(source_id: str, sources: pd.DataFrame = None) -> str:
    """The date a registered source was published (`date_published`), "" if not given."""
    sources = load_sources() if sources is None else sources
    row = sources[sources["source_id"] == source_id]
    return "" if row.empty else str(row.iloc[0]["date_published"] or "")


def eurostat_decisions(raw: pd.DataFrame) -> pd.DataFrame:
    """An Eurostat migr_asydcfsta extract (as `eurostat.latest` returns it) as year, citizen,
    geo, decision, value (persons): totals over sex and age only; cells without a value
    (confidential or missing, see OBS_FLAG) are dropped."""
    frame = raw
    for column, total in EUROSTAT_TOTALS.items():
        if column in frame.columns:
            frame = frame[frame[column] == total]
    frame = frame[frame["OBS_VALUE"].notna()]
    return pd.DataFrame({"year": frame["TIME_PERIOD"].astype(int), "citizen": frame["citizen"],
                         "geo": frame["geo"], "decision": frame["decision"],
                         "value": frame["OBS_VALUE"].astype(int)}
                        ).sort_values(["geo", "citizen", "year", "decision"], kind="stable").reset_index(drop=True)
