"""UNHCR's Projected Global Resettlement Needs (PGRN): the need per year by edition, the
edition current on a date, a figure as a reading, and what C01 computes from them (`needs_for`):
the named year's need in every edition public by the letter's date, the current edition's
outlook for a later year, the change on the year before and whether the year is the highest."""
import math
from dataclasses import dataclass

import pandas as pd

from ... import rules
from .data import LETTER_DATE, change_pct, ids_of, published_range


def pgrn_headline(pgrn: pd.DataFrame) -> pd.DataFrame:
    """One row per need year: the edition named after that year, else the earliest edition
    that reports it (2021 is known here only as restated in the 2022 edition)."""
    rows = []
    for year, group in pgrn.groupby("need_year", sort=True):
        own = group[group["edition"] == year]
        rows.append((own if len(own) else group.sort_values("edition")).iloc[0])
    return pd.DataFrame(rows).reset_index(drop=True)


def pgrn_table(pgrn: pd.DataFrame) -> pd.DataFrame:
    """Needs by year with the range each figure stands for and the year-on-year change.

    change_pct uses the figures as published; change_low/high the ranges (a published
    "over 2.4 million" may be anything from 2.4 to 2.5 million)."""
    head = pgrn_headline(pgrn)
    out = []
    previous = None
    for row in head.itertuples(index=False):
        rng = published_range(row.value, row.qualifier)
        entry = {"need_year": int(row.need_year), "edition": int(row.edition), "wording": row.wording,
                 "value": float(row.value), "low": rng[0], "high": rng[1],
                 "change_pct": math.nan, "change_low": math.nan, "change_high": math.nan,
                 "published_change_pct": row.published_change_pct, "source_id": row.source_id}
        if previous is not None and previous["need_year"] == row.need_year - 1:
            entry["change_pct"] = 100 * (row.value / previous["value"] - 1)
            entry["change_low"], entry["change_high"] = change_pct((previous["low"], previous["high"]), rng)
        out.append(entry)
        previous = entry
    return pd.DataFrame(out)


def _row(pgrn: pd.DataFrame, need_year: int, edition: int) -> pd.Series:
    row = pgrn[(pgrn["need_year"] == need_year) & (pgrn["edition"] == edition)]
    if len(row) != 1:
        raise KeyError(f"no single PGRN figure for need year {need_year} in edition {edition}")
    return row.iloc[0]


def pgrn_need(pgrn: pd.DataFrame, need_year: int, edition: int) -> tuple:
    """The range of one edition's figure for one need year."""
    row = _row(pgrn, need_year, edition)
    return published_range(row["value"], row["qualifier"])


def pgrn_released(pgrn: pd.DataFrame, edition: int) -> str:
    """The release date of an edition ("" when no stored text gives it)."""
    dates = sorted({d for d in pgrn[pgrn["edition"] == edition]["released"] if d})
    return dates[0] if dates else ""


def pgrn_current_edition(pgrn: pd.DataFrame, date: str) -> int:
    """The newest edition released on or before `date` (editions without a known release
    date are not considered)."""
    dated = pgrn[(pgrn["released"] != "") & (pgrn["released"] <= date)]
    if dated.empty:
        raise KeyError(f"no PGRN edition released by {date}")
    return int(dated["edition"].max())


def pgrn_matching(pgrn: pd.DataFrame, band: tuple) -> pd.DataFrame:
    """The (need year, edition) figures whose range overlaps a claim's band."""
    rows = []
    for row in pgrn.itertuples(index=False):
        low, high = published_range(row.value, row.qualifier)
        if low <= band[1] and high >= band[0]:
            rows.append({"need_year": int(row.need_year), "edition": int(row.edition), "wording": row.wording,
                         "low": low, "high": high, "source_id": row.source_id})
    return pd.DataFrame(rows, columns=["need_year", "edition", "wording", "low", "high", "source_id"])


def pgrn_reading(pgrn: pd.DataFrame, need_year: int, edition: int, label: str,
                 kind: str = "primary") -> rules.Reading:
    """One edition's figure for one need year as a reading: the range its wording stands for,
    with the value as published (so only the published value, not its rounding, can match),
    its sources and the edition as its vintage."""
    row = _row(pgrn, need_year, edition)
    value = float(row["value"])
    return rules.Reading(label, *published_range(value, row["qualifier"]), kind, published=value,
                         source_ids=ids_of(row["source_id"]), vintage=f"PGRN {edition}",
                         vintage_date=row["released"] or "")


def pgrn_editions_stating(pgrn: pd.DataFrame, need_year: int, up_to: int) -> list:
    """The editions up to `up_to` that state a figure for `need_year`, newest first."""
    rows = pgrn[(pgrn["need_year"] == need_year) & (pgrn["edition"] <= up_to)]
    return sorted({int(e) for e in rows["edition"]}, reverse=True)


# --------------------------------------------------------------------------- what C01 computes

@dataclass(frozen=True)
class Outlook:
    """The current edition's projection for a later year, against the claimed year's figure."""
    year: int
    edition: int
    value: float
    change_pct: float
    change_range: tuple


@dataclass(frozen=True)
class Change:
    """The claimed change against the year before: the reading it is judged on (UNHCR's
    published change, else the change computed from the ranges) and that judgement."""
    claimed: float
    reading: rules.Reading | None
    assessment: rules.Assessment
    edition: int | None          # the edition that published the change (None: computed)
    computed: tuple | None       # the change computed from the ranges
    before_edition: int | None   # the edition the year before comes from


@dataclass(frozen=True)
class Needs:
    """Everything C01 reads off the PGRN table, using only editions public on `date`."""
    claim_year: int
    date: str
    current_edition: int
    primary_edition: int | None
    readings: tuple
    outlook: Outlook | None
    change: Change
    highest: bool | None
    next_highest: tuple | None   # (need year, high end of its range)
    years_covered: tuple | None


def needs_for(pgrn: pd.DataFrame, claim_year: int, claimed_change: float, date: str = LETTER_DATE) -> Needs:
    """The need FOR `claim_year` from the newest edition current on `date` that states it
    (primary), the same year in older editions (earlier), the current edition's projection for
    the latest later year (comparison), the change on the year before (UNHCR's published change
    when there is one, else computed from the ranges) and whether the claimed year's lowest
    value is above every other year's highest."""
    current = pgrn_current_edition(pgrn, date)
    editions = pgrn_editions_stating(pgrn, claim_year, current)
    primary_edition = editions[0] if editions else None
    readings = []
    for edition in editions:
        if edition == primary_edition:
            when = f"current on {date}" if edition == current else f"newest stating {claim_year} on {date}"
            readings.append(pgrn_reading(pgrn, claim_year, edition, f"PGRN {edition} ({when}): need in {claim_year}"))
        else:
            readings.append(pgrn_reading(pgrn, claim_year, edition, f"PGRN {edition} (earlier edition): need in "
                                                                   f"{claim_year}", "earlier"))
    later = sorted(int(y) for y in pgrn[(pgrn["edition"] == current) & (pgrn["need_year"] > claim_year)]["need_year"])
    outlook = None
    if later and primary_edition is not None:
        year = later[-1]
        nxt = pgrn_reading(pgrn, year, current, f"PGRN {current}: need in {year} (another period)", "comparison")
        readings.append(nxt)
        base = readings[0]
        outlook = Outlook(year, current, nxt.published, 100 * (nxt.published / base.published - 1),
                          change_pct((base.low, base.high), (nxt.low, nxt.high)))

    table = pgrn_table(pgrn[pgrn["edition"] <= current])     # only what was published by `date`
    stated = pgrn[(pgrn["need_year"] == claim_year) & pgrn["published_change_pct"].notna()
                  & (pgrn["edition"] <= current)].sort_values("edition")
    before = table[table["need_year"] == claim_year - 1]
    computed, change_edition = None, None
    if len(before) and primary_edition is not None:
        computed = change_pct((before.iloc[0]["low"], before.iloc[0]["high"]), (readings[0].low, readings[0].high))
    if len(stated):
        published = float(stated.iloc[-1]["published_change_pct"])
        change_edition = int(stated.iloc[-1]["edition"])
        change_reading = rules.Reading(f"change published with PGRN {change_edition}", published, published)
    elif computed is not None:
        change_reading = rules.Reading(f"change computed from the ranges of {claim_year - 1} and {claim_year}",
                                       *computed)
    else:
        change_reading = None
    change = Change(claimed_change, change_reading,
                    rules.assess(rules.claim_band(claimed_change), [change_reading] if change_reading else []),
                    change_edition, computed, int(before.iloc[0]["edition"]) if len(before) else None)

    others = table[table["need_year"] != claim_year]
    highest, next_highest = None, None
    if primary_edition is not None and len(others):
        top = others.sort_values(["high", "need_year"], ascending=[False, False], kind="stable").iloc[0]
        highest = bool(readings[0].low > others["high"].max())
        next_highest = (int(top["need_year"]), float(top["high"]))
    covered = (int(table["need_year"].min()), int(table["need_year"].max())) if len(table) else None
    return Needs(claim_year, date, current, primary_edition, tuple(readings), outlook, change, highest,
                 next_highest, covered)
