"""The topic's constants, the schemas of its published tables and their loaders, the source
dates a reading's vintage is dated by, and the letter's wording parsed (`percents_in`,
`count_before`). Ranges: `published_range` and the arithmetic on (low, high) tuples."""
import re

import pandas as pd

from ...core import registers
from ...core.schema import Column, Schema
from ...rules import claim_band
from ...sources import snapshots

NOTEBOOK = "01-resettlement"
LETTER_DATE = "2026-02-02"
AT_LETTER = "unhcr-solutions-2025.06.0"      # newest UNHCR release public on the letter's date
LATEST = "unhcr-solutions-2025.12.1"         # newest release in the project
DATAFINDER = "unhcr-datafinder-solutions-2024-07-19"
EU27 = snapshots.EU27
EU_PLUS = EU27 + ("ISL", "LIE", "NOR", "CHE")
UK = "GBR"
SYRIA = "SYR"
EU_TURKEY_YEAR = 2016                         # EU-Turkey statement, March 2016
YEARS = tuple(range(2010, 2026))
FIG_NEEDS = "resettlement-needs-vs-pledges"
FIG_EU = "resettlement-eu-arrivals-vs-pledges"
FIG_NL = "resettlement-nl-arrivals-vs-quota"

# --------------------------------------------------------------------------- schemas

QUALIFIERS = ("", "over", "about", "almost")
PGRN_SCHEMA = Schema("resettlement-pgrn", (
    Column("need_year", "int", minimum=2000),
    Column("edition", "int", minimum=2000),
    Column("released", "date", required=False),
    Column("value", "number", minimum=0),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("wording"),
    Column("published_change_pct", "number", required=False),
    Column("published_change_wording", required=False),
    Column("source_id", "ids"),
    Column("note", required=False),
))
PLEDGE_STAGES = ("pledged", "proposed", "adopted", "target")
PLEDGE_MEASURES = ("total", "resettlement", "humanitarian-admission", "resettlement-per-year", "states",
                   "states-without-pledge", "state-share-pct", "drop-pct", "share-of-need-pct")
PLEDGE_SCHEMA = Schema("resettlement-eu-pledges", (
    Column("cycle", pattern=r"\d{4}(-\d{4})?"),
    Column("stage", "choice", choices=PLEDGE_STAGES),
    Column("measure", "choice", choices=PLEDGE_MEASURES),
    Column("member", required=False, pattern=r"[A-Z]{3}"),
    Column("value", "number", minimum=0),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("wording"),
    Column("source_id", "ids"),
    Column("note", required=False),
))
PERIOD_SCHEMA = Schema("resettlement-eu-plan-period", (
    Column("document"),
    Column("first_year", "int", required=False),
    Column("last_year", "int", required=False),
    Column("adopted_year", "int", required=False),
    Column("wording"),
    Column("source_id", "ids"),
))
QUOTA_KINDS = ("national-quota", "above-quota")
QUOTA_SCHEMA = Schema("resettlement-nl-quota", (
    Column("first_year", "int", minimum=1900),
    Column("last_year", "int", minimum=1900),
    Column("quota_per_year", "number", minimum=0),
    Column("kind", "choice", choices=QUOTA_KINDS),
    Column("wording"),
    Column("source_id", "ids"),
    Column("note", required=False),
))
ARRIVALS_SCHEMA = Schema("resettlement-arrivals-published", (
    Column("scope", pattern=r"EU27|EU\+|[A-Z]{3}(-[A-Z]{3})?"),
    Column("first_year", "int", minimum=1900),
    Column("last_year", "int", minimum=1900),
    Column("value", "number", minimum=0),
    Column("qualifier", "choice", required=False, choices=QUALIFIERS),
    Column("wording"),
    Column("source_id", "ids"),
    Column("note", required=False),
))
PUBLISHED_SCHEMAS = (PGRN_SCHEMA, PLEDGE_SCHEMA, PERIOD_SCHEMA, QUOTA_SCHEMA, ARRIVALS_SCHEMA)


def load_pgrn(sources=None) -> pd.DataFrame:
    """UNHCR's projected global resettlement needs, one row per (need year, edition)."""
    frame = registers.load_published("resettlement-pgrn", PGRN_SCHEMA, sources)
    return frame.sort_values(["need_year", "edition"], kind="stable").reset_index(drop=True)


def load_pledges(sources=None) -> pd.DataFrame:
    """EU resettlement and humanitarian-admission pledges as published, one row per figure."""
    return registers.load_published("resettlement-eu-pledges", PLEDGE_SCHEMA, sources)


def load_plan_period(sources=None) -> pd.DataFrame:
    """What each source says about the period of the first Union Plan."""
    return registers.load_published("resettlement-eu-plan-period", PERIOD_SCHEMA, sources)


def load_quota(sources=None) -> pd.DataFrame:
    """The Dutch resettlement quota by period, as published (conflicting sources kept)."""
    frame = registers.load_published("resettlement-nl-quota", QUOTA_SCHEMA, sources)
    return frame.sort_values(["first_year", "kind", "quota_per_year"], kind="stable").reset_index(drop=True)


def load_published_arrivals(sources=None) -> pd.DataFrame:
    """Published resettlement-arrival totals that the UNHCR data are reconciled with."""
    return registers.load_published("resettlement-arrivals-published", ARRIVALS_SCHEMA, sources)


def claim_card(claims: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """A claim's register entry as a two-column table (quote verbatim, paraphrase, value)."""
    row = claims.set_index("claim_id").loc[claim_id]
    fields = ["quote_nl", "fragment_nl", "claim_en", "section", "quantity", "claimed_text", "unit", "period",
              "qualifier"]
    return pd.DataFrame({"field": fields, "value": [str(row[f]) for f in fields]})


# --------------------------------------------------------------------------- sources and their dates

def ids_of(value) -> tuple:
    """'a;b' -> ('a', 'b')."""
    return tuple(item.strip() for item in str(value).split(";") if item.strip())


def sources_of(*frames) -> list:
    """The source ids named in the `source_id` column of the given tables, sorted, unique."""
    ids = set()
    for frame in frames:
        for value in frame["source_id"]:
            ids.update(ids_of(value))
    return sorted(ids)


def source_dates(sources: pd.DataFrame) -> dict:
    """{source id: date_published} for the registered sources that give one."""
    return {row.source_id: row.date_published for row in sources.itertuples(index=False) if row.date_published}


def first_public(ids, dates: dict) -> str:
    """When a figure became public: the earliest known date of the sources that publish it ("" if none)."""
    known = [dates[i] for i in ids if dates.get(i)]
    return min(known) if known else ""


def all_public(*when) -> str:
    """When every input of a computed figure was public: the latest of their dates ("" if one is unknown)."""
    return "" if not all(when) else max(when)


# --------------------------------------------------------------------------- the letter's wording
# (generic: these could move to core/letter)

def percents_in(text: str) -> list:
    """The percentages written in a Dutch or English text: 'met 20%' -> [20.0], '0.4%' -> [0.4]."""
    return [float(m.replace(",", ".")) for m in re.findall(r"(\d+(?:[.,]\d+)?)\s*%", text)]


def count_before(text: str, word: str) -> int:
    """The whole number written just before `word`: ('14 EU-landen', 'EU-landen') -> 14."""
    match = re.search(r"(\d+)\s+" + re.escape(word), text)
    if not match:
        raise ValueError(f"no number before {word!r} in {text!r}")
    return int(match.group(1))


def count_named(wording: str, suffix: str = " made no pledges") -> int:
    """Count the names in a list like 'A, B and C made no pledges'."""
    text = wording[:-len(suffix)] if suffix and wording.endswith(suffix) else wording
    names = [n.strip() for part in text.split(",") for n in part.split(" and ") if n.strip()]
    return len(names)


def years_text(years) -> str:
    """'2015-2017' for consecutive years, '2015, 2023, 2025' otherwise."""
    years = sorted(int(y) for y in years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


# --------------------------------------------------------------------------- ranges

def published_range(value: float, qualifier: str = "") -> tuple:
    """The range a published figure stands for: its own rounding ("2.5 million" -> 2.45 to
    2.55 million), "over" -> up to one rounding step above, "almost" -> up to 10% below."""
    return claim_band(float(value), qualifier or "")


def span(ranges) -> tuple:
    """The smallest range holding every (low, high) in `ranges`."""
    ranges = list(ranges)
    return (min(r[0] for r in ranges), max(r[1] for r in ranges))


def drop_pct(before: tuple, after: tuple) -> tuple:
    """Percentage fall from `before` to `after` as a range: 100 * (1 - after / before)."""
    return (100 * (1 - after[1] / before[0]), 100 * (1 - after[0] / before[1]))


def change_pct(before: tuple, after: tuple) -> tuple:
    """Percentage change from `before` to `after` as a range: 100 * (after / before - 1)."""
    return (100 * (after[0] / before[1] - 1), 100 * (after[1] / before[0] - 1))


def share_pct(part: tuple, whole: tuple) -> tuple:
    """`part` as a percentage of `whole`, as a range."""
    return (100 * part[0] / whole[1], 100 * part[1] / whole[0])


def scale(values: tuple, factor: float) -> tuple:
    return (values[0] * factor, values[1] * factor)


def period_years(period: str) -> tuple:
    """'2024-2025' -> (2024, 2025); '2024' -> (2024,)."""
    parts = [int(p) for p in str(period).split("-")]
    return tuple(range(parts[0], parts[-1] + 1))
