"""Choosing rows of a UNHCR decisions extract: origin, asylum country, decision level (first
instance, or first instance and appeal combined where only that is reported), persons only."""
import pandas as pd

from .data import LEVELS


def first_instance(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows counting persons at first instance: per asylum country and year the FI rows, or
    the FA rows (first instance and appeal combined) where the country reports no FI rows.
    Rows counting cases (dec_pc C) are dropped so that persons and cases are never added."""
    persons = frame[frame["dec_pc"] == "P"]
    has_fi = set(map(tuple, persons.loc[persons["dec_level"] == "FI", ["coa_iso", "year"]].to_numpy().tolist()))
    pairs = list(zip(persons["coa_iso"], persons["year"]))
    keep = [(level == "FI") or (level == "FA" and pair not in has_fi)
            for level, pair in zip(persons["dec_level"], pairs)]
    return persons[keep]


def origin(frame: pd.DataFrame, coo_iso: str) -> pd.DataFrame:
    return frame[frame["coo_iso"] == coo_iso]


def asylum(frame: pd.DataFrame, coa_iso, levels=None) -> pd.DataFrame:
    codes = [coa_iso] if isinstance(coa_iso, str) else list(coa_iso)
    rows = frame[frame["coa_iso"].isin(codes)]
    if levels is not None:
        rows = rows[rows["dec_level"].isin(list(levels))]
    return rows


def levels_reported(frame: pd.DataFrame, coa_iso) -> pd.DataFrame:
    """Decision levels and units each country reports, with the years they cover."""
    rows = asylum(frame, coa_iso)
    table = (rows.groupby(["coa_iso", "dec_level", "dec_pc"])["year"]
             .agg(first_year="min", last_year="max", rows="size").reset_index())
    table["level_meaning"] = table["dec_level"].map(LEVELS).fillna("")
    return table
