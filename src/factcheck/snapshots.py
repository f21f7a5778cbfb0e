"""Snapshot extracts: the rows we need from the upstream files, values unchanged.

`make snapshots` reads ../shared/sources (or SOURCES=...), checks each upstream file's
sha256 against the list below, writes data/snapshots/<publisher>/<vintage>/<name>.csv with
a provenance sidecar, and writes the register file data/sources/snapshots.csv.
The only changes made to upstream data: columns selected and renamed to snake_case,
rows filtered as stated in `rows`, counts written as integers, "-" (no data) as empty.
"""
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from . import paths
from .errors import InputError
from .io import atomic_write_text, read_csv_strict, sha256, write_csv

UNHCR_REPO = "https://github.com/PopulationStatistics/refugees"
UNHCR_COMMITS = {"2025.06.0": "68f13991401e35d81752898040e6e0c33f4a20a5",
                 "2025.12.1": "0c16a6d0c2f37d8578f9b9e3d1e4459efe850398"}
UNHCR_DATES = {"2025.06.0": "2025-11-10", "2025.12.1": "2026-06-25"}
UNHCR_VINTAGES = tuple(UNHCR_COMMITS)
EU27 = ("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE")
# The date the upstream files were copied into ../shared/sources for this project.
ACCESSED = "2026-11-29"
CC_BY = "CC BY 4.0"


@dataclass(frozen=True)
class Extract:
    source_id: str
    upstream: str                 # path under the sources folder
    upstream_sha256: str
    extract: str                  # path under data/snapshots
    publisher: str
    title: str
    url: str                      # upstream file URL (commit-pinned where possible)
    vintage: str
    date_published: str
    licence: str
    rows: str                     # which rows and columns, in words
    make: Callable                # (upstream path) -> DataFrame


def _read_rda(path: Path) -> pd.DataFrame:
    import pyreadr  # only `make snapshots` needs it

    name = path.stem
    try:
        return pyreadr.read_r(str(path))[name]
    except Exception as exc:  # pyreadr raises its own error types
        raise InputError(paths.rel(path), f"cannot read R data frame '{name}': {exc}") from exc


def _counts_as_int(frame: pd.DataFrame, columns) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        values = frame[column]
        if ((values.dropna() % 1) != 0).any():
            raise InputError(column, "count column holds fractions")
        frame[column] = values.astype("Int64")
    return frame


def _unhcr(name: str, select: Callable, columns: list, counts: list) -> Callable:
    def make(path: Path) -> pd.DataFrame:
        frame = _read_rda(path)
        frame = select(frame)[columns]
        frame = _counts_as_int(frame, ["year"] + counts)
        return frame.sort_values([c for c in columns if c in ("year", "coa_iso", "coo_iso", "dec_level",
                                                                 "dec_pc", "procedure_type", "iso_code")],
                                 kind="stable").reset_index(drop=True)
    return make


DECISION_COLUMNS = ["year", "coo_name", "coo_iso", "coa_name", "coa_iso", "procedure_type", "dec_level",
                    "dec_pc", "dec_recognized", "dec_other", "dec_rejected", "dec_closed", "dec_total"]
DECISION_COUNTS = DECISION_COLUMNS[-5:]
POPULATION_COLUMNS = ["year", "coo_name", "coo_iso", "coa_name", "coa_iso", "refugees", "asylum_seekers", "oip"]


def _decisions(frame):
    keep = (frame["coa_iso"].isin(["BGR", "HRV", "HUN"]) | (frame["coo_iso"] == "TUR"))
    return frame[keep & frame["year"].between(2015, 2025)]


def _population(frame):
    recent = frame["year"] >= 2021
    some = frame[["refugees", "asylum_seekers", "oip"]].fillna(0).sum(axis=1) > 0
    return frame[recent & some]


def _resettlement(frame):
    return frame[frame["resettlement"].notna()]


def _datafinder_solutions(path: Path) -> pd.DataFrame:
    """Data Finder export: 15 lines of header, then a table; '-' means no data."""
    frame = pd.read_csv(path, skiprows=15, dtype=str, keep_default_na=False)
    expected = ["Year", "Country of origin (ISO)", "Country of asylum", "Country of asylum (ISO)",
                "Resettlement arrivals"]
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise InputError(paths.rel(path), "Data Finder export changed format: missing columns",
                         column=", ".join(missing))
    frame = frame[frame["Resettlement arrivals"] != "-"]
    frame = pd.DataFrame({
        "year": frame["Year"].astype(int), "coo_iso": frame["Country of origin (ISO)"],
        "coa_name": frame["Country of asylum"], "coa_iso": frame["Country of asylum (ISO)"],
        "resettlement": frame["Resettlement arrivals"].astype("Int64")})
    return frame.sort_values(["year", "coa_iso", "coo_iso"], kind="stable").reset_index(drop=True)


def _worldbank(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"Country Name": str, "Country Code": str, "Year": int, "Value": float})
    frame = frame[frame["Year"] >= 2010]
    frame.columns = ["country_name", "iso3", "year", "value"]
    return frame.sort_values(["iso3", "year"], kind="stable").reset_index(drop=True)


def _unhcr_extracts():
    sums = {
        "2025.06.0": {"asylum_decisions": "65f6d2dedd1a434ac9d9edb1f201d16e28e57b641321fa6565f053f22fbcb7cc",
                      "solutions": "cb8b5aa5eb551e99d38d679061ac8c8151d4671ee7816c569e4bebe2e2e35f20",
                      "population": "c83ae72798e4749dd3512af30d7114e296b9dc2a4d89645e0599f64904387fd2",
                      "unrwa": "3db9208eae1c4aa3064fbe67650f621ca2b79e61eefc0482defde6f4d8de2f37",
                      "countries": "9aca4290872308e0945211b69e8c71427b009a047d1bba5a5ba766fb354a9d61"},
        "2025.12.1": {"asylum_decisions": "9821a113e3bc93cac67d416077cdd33c81365e42bacee977115a4126830e6d03",
                      "solutions": "562a239f0a65ccffaae95a851cbe137242779b9fcacb81f94c7be2a604f206b3",
                      "population": "66eb6872a5f34c82705be97759051703bc0f404e3ecadc9c72a5f61424a22cf8",
                      "unrwa": "1897af0bfc679b577b30a7d2f85342eed021b9eb35e3505175f4e8d0a844dd85",
                      "countries": "62ff79f2af7f75760825ada70e19935b03aceab50c906019416f990856ebc539"},
    }
    tables = {
        "asylum_decisions": ("decisions", "asylum decisions",
                             "asylum countries BGR, HRV, HUN and origin TUR in every asylum country, 2015-2025; all columns",
                             _unhcr("asylum_decisions", _decisions, DECISION_COLUMNS, DECISION_COUNTS)),
        "solutions": ("solutions", "solutions (resettlement arrivals)",
                      "rows with a resettlement count; year, origin, country of arrival, resettlement",
                      _unhcr("solutions", _resettlement,
                             ["year", "coo_name", "coo_iso", "coa_name", "coa_iso", "resettlement"],
                             ["resettlement"])),
        "population": ("population", "population (refugees, asylum-seekers, other in need of protection)",
                       "2021 onward, rows with refugees, asylum-seekers or oip > 0; those columns",
                       _unhcr("population", _population, POPULATION_COLUMNS, POPULATION_COLUMNS[5:])),
        "unrwa": ("unrwa", "Palestine refugees under UNRWA's mandate", "all rows",
                  _unhcr("unrwa", lambda f: f, ["year", "coo_name", "coo_iso", "coa_name", "coa_iso", "total"],
                         ["total"])),
        "countries": ("countries", "country codes and regions", "all rows",
                      lambda path: _read_rda(path).sort_values("iso_code", kind="stable").reset_index(drop=True)),
    }
    for vintage, commit in UNHCR_COMMITS.items():
        for table, (short, title, rows, make) in tables.items():
            yield Extract(
                source_id=f"unhcr-{short}-{vintage}",
                upstream=f"unhcr-refugees/{vintage}/{table}.rda",
                upstream_sha256=sums[vintage][table],
                extract=f"unhcr/{vintage}/{short}.csv",
                publisher="UNHCR",
                title=f"Refugee Population Statistics Database: {title} (R package refugees {vintage})",
                url=f"{UNHCR_REPO}/raw/{commit}/data/{table}.rda",
                vintage=vintage, date_published=UNHCR_DATES[vintage], licence=CC_BY, rows=rows, make=make)


EXTRACTS = tuple(_unhcr_extracts()) + (
    Extract("unhcr-datafinder-solutions-2024-07-19", "unhcr-datafinder/2024-07-19/solutions.csv",
            "077ac786e375207adb7525a2ff6a48e533967bf984bc3a99cfccecd5f087746d",
            "unhcr-datafinder/2024-07-19/solutions.csv", "UNHCR",
            "Refugee Data Finder export: Solutions (resettlement arrivals)",
            "https://github.com/enadol/skmigration/raw/231c5517f9644e55686dc5ab38fd8fbce344c8f2/solutions.csv",
            "2024-07-19", "2024-07-19", CC_BY,
            "rows with a resettlement count; year, origin ISO, country of arrival, resettlement",
            _datafinder_solutions),
    Extract("worldbank-population", "worldbank/SP.POP.TOTL.csv",
            "7d2dd6a17f5ed7916de1f89a9c116791e64d207f2e2f6ce47c57e1ab46f0088a",
            "worldbank/SP.POP.TOTL.csv", "World Bank",
            "World Development Indicators: Population, total (SP.POP.TOTL), mid-year",
            "https://github.com/datasets/population/raw/425fc447a53a26c767a15a7de60c4cc2478a0595/data/population.csv",
            "to 2024", "", "CC BY 4.0 (World Bank); ODC-PDDL-1.0 (datasets/population)",
            "2010 onward, all countries and aggregates", _worldbank),
    Extract("worldbank-gdp", "worldbank/NY.GDP.MKTP.CD.csv",
            "f0a8408195646dbb1a9d7fc4424e2d302ee5380d0ec8834793f12ca25cbd7e2c",
            "worldbank/NY.GDP.MKTP.CD.csv", "World Bank",
            "World Development Indicators: GDP, current US$ (NY.GDP.MKTP.CD)",
            "https://github.com/datasets/gdp/raw/822019c80142c162e4ca4eb1a63699ae36075078/data/gdp.csv",
            "to 2023", "2024-10-21", "CC BY 4.0 (World Bank); ODC-PDDL-1.0 (datasets/gdp)",
            "2010 onward, all countries and aggregates", _worldbank),
)
BY_ID = {extract.source_id: extract for extract in EXTRACTS}
REGISTER_FILE = "snapshots.csv"


def make_snapshots(sources_dir: Path) -> list:
    """Build every extract in memory first; write only when all upstream files checked out."""
    sources_dir = Path(sources_dir)
    built = []
    for spec in EXTRACTS:
        upstream = sources_dir / spec.upstream
        if not upstream.exists():
            raise InputError(str(upstream), "upstream snapshot file is missing")
        actual = sha256(upstream)
        if actual != spec.upstream_sha256:
            raise InputError(str(upstream), f"checksum mismatch: file has {actual}, expected {spec.upstream_sha256}")
        frame = spec.make(upstream)
        if frame.empty:
            raise InputError(str(upstream), f"extract {spec.source_id} selected no rows")
        built.append((spec, frame))
    rows = []
    for spec, frame in built:
        target = paths.SNAPSHOTS / spec.extract
        write_csv(target, frame)
        provenance = {
            "source_id": spec.source_id, "publisher": spec.publisher, "dataset": spec.title,
            "vintage": spec.vintage, "upstream_url": spec.url, "licence": spec.licence,
            "upstream_file": spec.upstream, "upstream_sha256": spec.upstream_sha256,
            "extract_sha256": sha256(target), "rows_kept": spec.rows, "row_count": len(frame),
            "columns": list(frame.columns), "made_by": "factcheck.snapshots.make_snapshots",
        }
        atomic_write_text(target.with_suffix(".provenance.json"), json.dumps(provenance, indent=2) + "\n")
        rows.append({
            "source_id": spec.source_id, "publisher": spec.publisher, "title": spec.title, "url": spec.url,
            "date_published": spec.date_published, "date_accessed": ACCESSED, "licence": spec.licence,
            "kind": "dataset", "extract_path": paths.rel(target), "upstream_file": spec.upstream,
            "vintage": spec.vintage, "upstream_sha256": spec.upstream_sha256,
            "extract_sha256": provenance["extract_sha256"], "note": spec.rows})
    write_csv(paths.SOURCES_DIR / REGISTER_FILE, pd.DataFrame(rows))
    return rows


def load_extract(source_id: str) -> pd.DataFrame:
    """Read a committed extract after checking its sha256 against the sources register."""
    from .registers import load_sources, verify_extracts

    sources = load_sources()
    row = sources[sources["source_id"] == source_id]
    if row.empty or not row.iloc[0]["extract_path"]:
        raise InputError(paths.rel(paths.SOURCES_DIR), f"no snapshot extract with source id '{source_id}'")
    verify_extracts(row)
    path = paths.ROOT / row.iloc[0]["extract_path"]
    frame = read_csv_strict(path)
    return _typed(frame, paths.rel(path))


def _typed(frame: pd.DataFrame, shown: str) -> pd.DataFrame:
    """Counts and years as nullable integers, values as floats; a bad cell names its row."""
    integer = {"year"} | {c for c in frame.columns if c.startswith("dec_")} | {
        "resettlement", "refugees", "asylum_seekers", "oip", "total"}
    for column in frame.columns:
        if column not in integer and column != "value":
            continue
        numbers = pd.to_numeric(frame[column].replace("", None), errors="coerce")
        bad = numbers.isna() & (frame[column] != "")
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0]) + 1
            raise InputError(shown, f"'{frame[column].iloc[row - 1]}' is not a number", row=row, column=column)
        if column in integer:
            negative = numbers < 0
            if negative.any():
                row = int(negative.to_numpy().nonzero()[0][0]) + 1
                raise InputError(shown, "a count cannot be negative", row=row, column=column)
            frame[column] = numbers.astype("Int64")
        else:
            frame[column] = numbers.astype("float64")
    return frame
