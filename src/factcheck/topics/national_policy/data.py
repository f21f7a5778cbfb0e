"""The topic's published tables (data/published/national-policy-*.csv): schemas and loaders, and the
source ids and publication dates behind them (from the sources register)."""
from functools import cache
from pathlib import Path

import pandas as pd

from ...core.files import read_texts
from ...core.registers import load_published
from ...core.schema import Column, Schema

SLUG = "national-policy"
NOTEBOOK = "04-national-policy"
TEXTS_FILE = Path(__file__).with_name("texts.toml")


@cache
def texts() -> dict:
    """Every reader-facing sentence of the topic, {"c14.conclusion": Text(en, nl), ...} (texts.toml)."""
    return read_texts(TEXTS_FILE)


def tx(key: str):
    """One text of texts.toml (a `core.text.Text`)."""
    return texts()[key]


PROCEDURE_SCHEMA = Schema(f"{SLUG}-procedure", (
    Column("item"),
    Column("regime"),
    Column("value", "number", minimum=0),
    Column("unit", "choice", choices=("days", "months")),
    Column("day_type", "choice", choices=("working", "calendar")),
    Column("bound", "choice", choices=("at least", "at most", "exact")),
    Column("valid_from", "date", required=False),
    Column("valid_to", "date", required=False),
    Column("source_id", "ids"),
    Column("quote"),
))
WAITING_SCHEMA = Schema(f"{SLUG}-waiting", (
    Column("measure"),
    Column("as_of", "date"),
    Column("value", "number", minimum=0),
    Column("unit", "choice", choices=("weeks", "years", "people")),
    Column("qualifier", "choice", required=False, choices=("almost", "over", "about")),
    Column("source_id", "ids"),
    Column("quote"),
))
TIMELINE_SCHEMA = Schema(f"{SLUG}-tp-timeline", (
    Column("event", "choice", choices=("displacement-start", "activation", "extended-until")),
    Column("date", "date"),
    Column("source_id", "ids"),
    Column("quote"),
))
STOCK_SCHEMA = Schema(f"{SLUG}-tp-stock", (
    Column("date", "date"),
    Column("geo"),
    Column("value", "int", minimum=0),
    Column("source_id", "ids"),
    Column("note", required=False),
))
RULES_SCHEMA = Schema(f"{SLUG}-rules", (
    Column("claim_id", pattern=r"C\d{2}"),
    Column("rule"),
    Column("regime"),
    Column("value", required=False),
    Column("unit"),
    Column("checked_against"),
    Column("source_id", "ids"),
    Column("quote"),
))
AGREEMENT_SCHEMA = Schema(f"{SLUG}-agreement", (
    Column("item"), Column("value"), Column("source_id", "ids"), Column("quote"),
))
RESEARCH_SCHEMA = Schema(f"{SLUG}-research", (
    Column("claim_id", pattern=r"C\d{2}"),
    Column("kind", "choice", choices=("finding", "limitation", "method")),
    Column("source_id", "ids"),
    Column("quote"),
    Column("finding"),
))
PUBLISHED_SCHEMAS = (PROCEDURE_SCHEMA, WAITING_SCHEMA, TIMELINE_SCHEMA, STOCK_SCHEMA, RULES_SCHEMA,
                     AGREEMENT_SCHEMA, RESEARCH_SCHEMA)


def _load(schema: Schema) -> pd.DataFrame:
    frame = load_published(schema.name, schema)
    for column in schema.columns:
        if column.kind == "number":
            frame[column.name] = frame[column.name].astype("float64")
        elif column.kind == "int":
            frame[column.name] = frame[column.name].astype("int64")
    return frame


def load_procedure() -> pd.DataFrame:
    """The procedure's stages and legal periods on paper (national-policy-procedure.csv)."""
    return _load(PROCEDURE_SCHEMA)


def load_waiting() -> pd.DataFrame:
    """Published waiting times and waiting numbers (national-policy-waiting.csv)."""
    return _load(WAITING_SCHEMA)


def load_tp_timeline() -> pd.DataFrame:
    """Temporary protection: activation and extensions (national-policy-tp-timeline.csv)."""
    return _load(TIMELINE_SCHEMA)


def load_tp_stock() -> pd.DataFrame:
    """Dutch stock of temporary-protection holders, Eurostat (national-policy-tp-stock.csv)."""
    return _load(STOCK_SCHEMA).sort_values("date", kind="stable").reset_index(drop=True)


def load_rules() -> pd.DataFrame:
    """Current and planned rules, and what the letter wants (national-policy-rules.csv)."""
    return _load(RULES_SCHEMA)


def load_agreement() -> pd.DataFrame:
    """What could be found about the 2026 coalition agreement itself (national-policy-agreement.csv)."""
    return _load(AGREEMENT_SCHEMA)


def load_research() -> pd.DataFrame:
    """Quoted findings of the research the letter cites (national-policy-research.csv)."""
    return _load(RESEARCH_SCHEMA)


def split_ids(ids) -> list:
    return [item.strip() for item in str(ids).split(";") if item.strip()]


def table_sources(*frames) -> list:
    """The source ids in the `source_id` columns of the given tables, in first-seen order."""
    seen = []
    for frame in frames:
        for ids in frame["source_id"]:
            for item in split_ids(ids):
                if item not in seen:
                    seen.append(item)
    return seen


def latest_date(sources: pd.DataFrame, ids) -> str:
    """The latest `date_published` (ISO) among the given source ids in the sources register (a frame
    with `source_id` and `date_published` columns), "" when none is dated."""
    if sources is None:
        return ""
    dates = [d for d in sources.loc[sources["source_id"].isin(list(ids)), "date_published"]
             if isinstance(d, str) and d]
    return max(dates) if dates else ""
