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

from ..core.project import project
from ..core.errors import InputError
from ..core.files import atomic_write_text, read_csv_strict, read_json, sha256, write_csv
from ..core.registers import load_sources, verify_extracts
from ..core.schema import finite_numbers

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
        raise InputError(project().rel(path), f"cannot read R data frame '{name}': {exc}") from exc


def _counts_as_int(frame: pd.DataFrame, columns) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        values = frame[column]
        if ((values.dropna() % 1) != 0).any():
            raise InputError(column, "count column holds fractions")
        frame[column] = values.astype("Int64")
    return frame


SORT_KEYS = ("year", "coo_iso", "coa_iso", "dec_level", "dec_pc", "procedure_type", "iso_code")


def _select(frame: pd.DataFrame, select: Callable, columns: list, counts: list) -> pd.DataFrame:
    """The rows `select` keeps, the columns named, counts as integers, in a stable order."""
    frame = _counts_as_int(select(frame)[columns], ["year"] + counts)
    return frame.sort_values([c for c in columns if c in SORT_KEYS], kind="stable").reset_index(drop=True)


def _unhcr(name: str, select: Callable, columns: list, counts: list) -> Callable:
    return lambda path: _select(_read_rda(path), select, columns, counts)


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
        raise InputError(project().rel(path), "Data Finder export changed format: missing columns",
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
        target = project().snapshots / spec.extract
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
            "kind": "dataset", "extract_path": project().rel(target), "upstream_file": spec.upstream,
            "vintage": spec.vintage, "upstream_sha256": spec.upstream_sha256,
            "extract_sha256": provenance["extract_sha256"], "note": spec.rows})
    write_csv(project().sources_dir / REGISTER_FILE, pd.DataFrame(rows))
    return rows


def load_extract(source_id: str) -> pd.DataFrame:
    """Read a committed extract after checking its sha256 against the sources register."""
    sources = load_sources()
    row = sources[sources["source_id"] == source_id]
    if row.empty or not row.iloc[0]["extract_path"]:
        raise InputError(project().rel(project().sources_dir), f"no snapshot extract with source id '{source_id}'")
    verify_extracts(row)
    return read_extract(project().root / row.iloc[0]["extract_path"])


# Counts that every row must have; `oip` (other people in need of international protection)
# is reported by few countries, so an empty cell there means "not reported".
OPTIONAL_COUNTS = {"oip"}
COUNTS = {"resettlement", "refugees", "asylum_seekers", "oip", "total"}


def read_extract(path: Path) -> pd.DataFrame:
    """An extract with typed columns; the header must match its provenance sidecar.

    Years and counts become nullable integers (counts never negative, never empty unless
    optional), `value` a float. A bad cell raises an InputError naming file, row and column.
    """
    shown = project().rel(path)
    frame = read_csv_strict(path)
    sidecar = path.with_suffix(".provenance.json")
    if sidecar.exists():
        provenance = read_json(sidecar)
        expected = provenance.get("columns") if isinstance(provenance, dict) else None
        if not isinstance(expected, list):
            raise InputError(project().rel(sidecar), "has no list of 'columns'")
        missing = [column for column in expected if column not in frame.columns]
        if missing:
            raise InputError(shown, f"column is missing or renamed (expected {', '.join(expected)})",
                             column=missing[0])
    for column in frame.columns:
        is_count = column in COUNTS or column.startswith("dec_") and column not in ("dec_level", "dec_pc")
        if column not in ("year", "value") and not is_count:
            continue
        text = frame[column]
        empty = text.str.strip() == ""
        numbers = finite_numbers(text)
        _first_bad(shown, column, numbers.isna() & ~empty, lambda r: f"'{text.iloc[r]}' is not a number")
        if column not in OPTIONAL_COUNTS:
            _first_bad(shown, column, empty, lambda r: "a value is required")
        if column == "value":
            frame[column] = numbers.astype("float64")
            continue
        _first_bad(shown, column, numbers < 0, lambda r: f"a count cannot be negative ({text.iloc[r]})")
        _first_bad(shown, column, (numbers % 1).fillna(0) != 0, lambda r: f"'{text.iloc[r]}' is not a whole number")
        frame[column] = numbers.astype("Int64")
    return frame


def _first_bad(shown: str, column: str, mask: pd.Series, message) -> None:
    if mask.any():
        position = int(mask.to_numpy().nonzero()[0][0])
        raise InputError(shown, message(position), row=position + 1, column=column)


def check_extracts(sources: pd.DataFrame) -> None:
    """Type-check every registered data extract (after its checksum was verified)."""
    for row in sources.itertuples(index=False):
        if row.kind == "dataset" and row.extract_path:
            read_extract(project().root / row.extract_path)


# ---- Added for the online refresh (issue #8): the same rows from the UNHCR API, and vintages ----

SOLUTION_COLUMNS = ["year", "coo_name", "coo_iso", "coa_name", "coa_iso", "resettlement"]
# extract name -> (row selection, columns, count columns): the same definitions as EXTRACTS above.
API_TABLES = {
    "decisions": (_decisions, DECISION_COLUMNS, DECISION_COUNTS),
    "solutions": (_resettlement, SOLUTION_COLUMNS, ["resettlement"]),
    "population": (_population, POPULATION_COLUMNS, POPULATION_COLUMNS[5:]),
}


def select_rows(frame: pd.DataFrame, table: str, shown: str = "UNHCR API") -> pd.DataFrame:
    """The rows and columns `make_snapshots` keeps for `table` (decisions, solutions,
    population), from a frame with the upstream column names and numeric counts (NaN = no
    data): the refresh uses it on UNHCR API rows so that an API vintage has the same shape."""
    select, columns, counts = API_TABLES[table]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(shown, "upstream columns are missing", column=", ".join(missing))
    return _select(frame, select, columns, counts)


def vintages(table: str, sources: pd.DataFrame = None) -> list:
    """Vintages registered for a UNHCR extract (e.g. 'decisions'), oldest first: the R package
    releases by publication date and API refreshes ('api-<date>') by the date accessed."""
    sources = load_sources() if sources is None else sources
    prefix = f"unhcr-{table}-"
    rows = sources[sources["source_id"].str.startswith(prefix) & (sources["extract_path"] != "")]
    rows = rows.assign(order=rows["date_published"].where(rows["date_published"] != "", rows["date_accessed"]))
    rows = rows.sort_values(["order", "vintage"], kind="stable")
    return list(rows["vintage"])


def latest_vintage(table: str, sources: pd.DataFrame = None) -> str:
    """The newest vintage of a UNHCR extract (see `vintages`)."""
    found = vintages(table, sources)
    if not found:
        raise InputError(project().rel(project().sources_dir), f"no UNHCR '{table}' extract is registered")
    return found[-1]
