"""Eurostat: the datasets the refresh downloads, a JSON-stat 2.0 parser, the on-disk
extract format and the loaders the notebooks use.

The Eurostat dissemination API ("API Statistics") answers
  https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/<dataset>?format=JSON&lang=EN&<filters>
with one JSON-stat 2.0 dataset. A filter is `<dimension>=<code>`, repeated for several codes
(`geo=NL&geo=BE`); `sinceTimePeriod=2015` keeps periods from 2015 on. Sources:
  https://wikis.ec.europa.eu/display/EUROSTATHELP/API+Statistics+-+data+query
  https://ec.europa.eu/eurostat/web/user-guides/data-browser/api-data-access/api-detailed-guidelines/api-statistics
  (fault codes: 400 "No results found"/"Syntax error"/"Semantic error", 404, 500)
The response (https://json-stat.org/full/, as Eurostat serves it) has `version` "2.0", `class`
"dataset", `label`, `source` "ESTAT", `updated`, `id` (dimension codes in storage order, `time`
last), `size` (categories per dimension), `dimension.<id>.category.index` (code -> position)
and `.label`, a sparse `value` object {"<flat index>": number}, an optional sparse `status`
object {"<flat index>": flag} and `extension.status.label` (flag -> meaning, e.g. "p" ->
"provisional"). The flat index is row-major: the last dimension varies fastest.

On disk (written by `factcheck refresh`, see refresh.py):
  data/snapshots/eurostat/<YYYY-MM-DD>/<dataset>.csv              tidy long table
  data/snapshots/eurostat/<YYYY-MM-DD>/<dataset>.provenance.json  provenance (as make_snapshots)
  data/sources/refresh-<YYYY-MM-DD>.csv                          register rows
The table uses Eurostat's own SDMX-CSV column names: one column per dimension code in the
response's order (freq, unit, ..., geo), then TIME_PERIOD, OBS_VALUE (the number as published;
empty when Eurostat sends only a flag, e.g. "c" confidential) and OBS_FLAG (status flag, e.g.
"p" provisional, "e" estimated; empty when none). Eurostat's SDMX-CSV columns DATAFLOW and
LAST UPDATE are not repeated per row: they are in the provenance (dataset, `updated`). Rows
are sorted by the dimension columns. `parse_jsonstat` returns the same columns, and
`latest(dataset)` reads the newest registered extract back (sha256 checked).
"""
import json
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.project import project
from ..core.errors import InputError
from ..core.files import read_csv_strict
from ..core.registers import load_sources, verify_extracts
from ..core.schema import finite_numbers

BASE_URL = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/"
PUBLISHER = "Eurostat"
LICENCE = "CC BY 4.0 (Commission Decision 2011/833/EU)"
EXTRACT_DIR = "eurostat"
TIME, VALUE, FLAG = "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"      # SDMX-CSV names

# Eurostat geo codes of the EU-27 (Eurostat writes Greece as EL), with ISO 3166 alpha-3 codes
# so that Eurostat figures join the UNHCR and World Bank tables (World Bank: EUU = EU-27).
GEO_ISO3 = {"AT": "AUT", "BE": "BEL", "BG": "BGR", "HR": "HRV", "CY": "CYP", "CZ": "CZE", "DK": "DNK",
            "EE": "EST", "FI": "FIN", "FR": "FRA", "DE": "DEU", "EL": "GRC", "HU": "HUN", "IE": "IRL",
            "IT": "ITA", "LV": "LVA", "LT": "LTU", "LU": "LUX", "MT": "MLT", "NL": "NLD", "PL": "POL",
            "PT": "PRT", "RO": "ROU", "SK": "SVK", "SI": "SVN", "ES": "ESP", "SE": "SWE",
            "EU27_2020": "EUU"}
EU27_GEO = tuple(code for code in GEO_ISO3 if code != "EU27_2020")
GEO = ("EU27_2020",) + EU27_GEO


@dataclass(frozen=True)
class Dataset:
    code: str                 # Eurostat dataset code
    title: str                # what it is, in words
    filters: tuple            # (dimension, code) pairs, repeated dimension = several codes
    dimensions: tuple         # dimensions the response must have (checked: format change)
    rows: str                 # which rows were kept, in words (provenance)


def _geo(codes=GEO):
    return tuple(("geo", code) for code in codes)


# The queries. Dimension lists are those of the datasets' data structures (the response names
# them in `id`; Eurostat adds `freq` first). Codes: unit PER = persons; sex T = total;
# age TOTAL; citizen TR = Türkiye, UA = Ukraine, TOTAL = all citizenships.
DATASETS = {d.code: d for d in (
    Dataset("migr_asydcfsta",
            "First instance decisions on applications by citizenship, age and sex - annual aggregated data",
            (("unit", "PER"), ("sex", "T"), ("age", "TOTAL"), ("citizen", "TR"), ("citizen", "TOTAL"))
            + _geo() + (("sinceTimePeriod", "2015"),),
            ("citizen", "sex", "age", "decision", "geo", "time", "unit"),
            "citizenship TR and TOTAL, sex T, age TOTAL, persons, every decision type, EU-27 and "
            "its members, 2015 onward"),
    Dataset("migr_resettle", "Resettled persons by age, sex and citizenship - annual data",
            (("unit", "PER"), ("sex", "T"), ("age", "TOTAL"), ("citizen", "TOTAL")) + _geo()
            + (("sinceTimePeriod", "2015"),),
            ("citizen", "sex", "age", "geo", "time", "unit"),
            "all citizenships, sex T, age TOTAL, persons, EU-27 and its members, 2015 onward"),
    Dataset("migr_asytpsm",
            "Beneficiaries of temporary protection at the end of the month by citizenship, age and sex - monthly data",
            (("unit", "PER"), ("sex", "T"), ("age", "TOTAL"), ("citizen", "UA"), ("citizen", "TOTAL"))
            + _geo() + (("sinceTimePeriod", "2022-03"),),
            ("citizen", "sex", "age", "geo", "time", "unit"),
            "citizenship UA and TOTAL, sex T, age TOTAL, persons, EU-27 and its members, March 2022 onward"),
    Dataset("demo_pjan", "Population on 1 January by age and sex",
            (("unit", "NR"), ("sex", "T"), ("age", "TOTAL")) + _geo() + (("sinceTimePeriod", "2015"),),
            ("age", "sex", "geo", "time", "unit"),
            "total population (age TOTAL, sex T) on 1 January, EU-27 and its members, 2015 onward"),
    Dataset("nama_10_gdp", "Gross domestic product (GDP) and main components (output, expenditure and income)",
            (("unit", "CP_MEUR"), ("na_item", "B1GQ")) + _geo() + (("sinceTimePeriod", "2015"),),
            ("unit", "na_item", "geo", "time"),
            "GDP at market prices (B1GQ), current prices, million euro, EU-27 and its members, 2015 onward"),
)}


class FormatError(InputError):
    """A publisher's response no longer has the shape this code reads."""

    def __init__(self, where, dataset, message):
        super().__init__(where, f"{dataset}: response format changed: {message}")


def source_id(dataset: str, date: str) -> str:
    """Register ids are lower case with '-' and '.': migr_asydcfsta -> eurostat-migr-asydcfsta-<date>."""
    return f"eurostat-{dataset.replace('_', '-').lower()}-{date}"


def extract_path(dataset: str, date: str) -> str:
    return f"data/snapshots/{EXTRACT_DIR}/{date}/{dataset}.csv"


def _need(mapping, key, dataset, where, path):
    if not isinstance(mapping, dict) or key not in mapping:
        raise FormatError(where, dataset, f"missing key '{path}{key}'")
    return mapping[key]


def _sparse(raw, total: int, dataset: str, where: str, name: str) -> dict:
    """JSON-stat `value`/`status`: an object {"index": x}, an array, or (status) one string."""
    if raw is None:
        return {}
    if isinstance(raw, str) and name == "status":
        return {i: raw for i in range(total)}
    if isinstance(raw, list):
        items = {i: v for i, v in enumerate(raw) if v is not None}
    elif isinstance(raw, dict):
        try:
            items = {int(k): v for k, v in raw.items() if v is not None}
        except ValueError as exc:
            raise FormatError(where, dataset, f"'{name}' has a key that is not an index ({exc})") from exc
    else:
        raise FormatError(where, dataset, f"'{name}' is neither an object nor an array")
    bad = [i for i in items if not 0 <= i < total]
    if bad:
        raise FormatError(where, dataset, f"'{name}' index {bad[0]} is outside the cube of {total} cells")
    return items


def parse_jsonstat(payload, dataset: str, where: str = None, require=()) -> pd.DataFrame:
    """A JSON-stat 2.0 dataset (dict or bytes) as a tidy long table.

    Columns: one per dimension (codes, in `id` order), the JSON-stat `time` dimension as
    TIME_PERIOD (last), OBS_VALUE (float, NaN when only a flag was sent) and OBS_FLAG (status
    flag or ""). Cells with neither a value nor a flag are absent, as in the sparse response.
    `require` lists JSON-stat dimension ids that must exist.
    A missing key raises FormatError naming the dataset and the key.
    """
    where = where or f"Eurostat {dataset}"
    if isinstance(payload, (bytes, str)):
        try:
            payload = json.loads(payload)
        except ValueError as exc:
            raise FormatError(where, dataset, f"not JSON ({exc})") from exc
    if not isinstance(payload, dict):
        raise FormatError(where, dataset, "the response is not a JSON object")
    if "error" in payload and "dimension" not in payload:
        raise FormatError(where, dataset, f"error response: {json.dumps(payload['error'])[:200]}")
    version = _need(payload, "version", dataset, where, "")
    if str(version) != "2.0" or payload.get("class") != "dataset":
        raise FormatError(where, dataset, f"expected JSON-stat version 2.0 class dataset, got "
                                          f"version {version!r} class {payload.get('class')!r}")
    ids = _need(payload, "id", dataset, where, "")
    sizes = _need(payload, "size", dataset, where, "")
    dimensions = _need(payload, "dimension", dataset, where, "")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise FormatError(where, dataset, "'id' and 'size' are not lists of the same length")
    for name in require:
        if name not in ids:
            raise FormatError(where, dataset, f"missing dimension '{name}' (has {', '.join(map(str, ids))})")
    codes = []
    for dim, size in zip(ids, sizes):
        category = _need(_need(dimensions, dim, dataset, where, "dimension."), "category", dataset, where,
                         f"dimension.{dim}.")
        index = category.get("index")
        if index is None:                      # allowed by JSON-stat when a dimension has one category
            labels = _need(category, "label", dataset, where, f"dimension.{dim}.category.")
            index = {code: i for i, code in enumerate(labels)}
        elif isinstance(index, list):
            index = {code: i for i, code in enumerate(index)}
        elif not isinstance(index, dict):
            raise FormatError(where, dataset, f"'dimension.{dim}.category.index' is not an object or array")
        ordered = [None] * len(index)
        for code, position in index.items():
            if not isinstance(position, int) or not 0 <= position < len(index) or ordered[position]:
                raise FormatError(where, dataset, f"'dimension.{dim}.category.index' has a bad position "
                                                  f"{position!r} for '{code}'")
            ordered[position] = code
        if len(ordered) != size:
            raise FormatError(where, dataset, f"dimension '{dim}' has size {size} but {len(ordered)} categories")
        codes.append(ordered)
    total = int(np.prod(sizes)) if sizes else 0
    values = _sparse(_need(payload, "value", dataset, where, ""), total, dataset, where, "value")
    status = _sparse(payload.get("status"), total, dataset, where, "status")
    cells = np.array(sorted(set(values) | set(status)), dtype=np.int64)
    positions = np.unravel_index(cells, sizes) if len(cells) else [np.array([], dtype=np.int64)] * len(ids)
    columns = {dim: np.array(codes[i], dtype=object)[positions[i]] for i, dim in enumerate(ids)}
    numbers = []
    for cell in cells.tolist():
        number = values.get(cell)
        if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float))):
            raise FormatError(where, dataset, f"value at index {cell} is not a number: {number!r}")
        numbers.append(np.nan if number is None else float(number))
    order = [dim for dim in ids if dim != "time"] + (["time"] if "time" in ids else [])
    frame = pd.DataFrame({dim: columns[dim] for dim in order}).rename(columns={"time": TIME})
    order = [TIME if dim == "time" else dim for dim in order]
    frame = frame.astype({dim: str for dim in order})
    frame[VALUE] = pd.Series(numbers, dtype="float64")
    frame[FLAG] = [str(status.get(cell, "")) for cell in cells.tolist()]
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


def status_labels(payload: dict) -> dict:
    """Eurostat's meaning of each status flag (extension.status.label), for the provenance."""
    labels = ((payload.get("extension") or {}).get("status") or {}).get("label") or {}
    return {str(k): str(v) for k, v in sorted(labels.items())}


def format_value(value: float) -> str:
    """Numbers as written to the extract: whole numbers without '.0', others by repr (round-trips)."""
    if pd.isna(value):
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def to_csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The extract as text, so the CSV has exactly one spelling per number."""
    out = frame.copy()
    out[VALUE] = [format_value(v) for v in frame[VALUE]]
    return out


# ---- loaders used by the notebooks ---------------------------------------------------------

_EXTRACT = re.compile(r"data/snapshots/" + EXTRACT_DIR + r"/(\d{4}-\d{2}-\d{2})/([A-Za-z0-9_]+)\.csv")


def registered(dataset: str = None, sources: pd.DataFrame = None) -> pd.DataFrame:
    """Register rows of Eurostat extracts (all, or one dataset's), oldest first."""
    sources = load_sources() if sources is None else sources
    found = sources["extract_path"].str.fullmatch(_EXTRACT.pattern)
    rows = sources[found].copy()
    parts = rows["extract_path"].str.extract(_EXTRACT.pattern)
    rows["extract_date"], rows["dataset"] = parts[0], parts[1]
    if dataset is not None:
        rows = rows[rows["dataset"] == dataset]
    return rows.sort_values(["dataset", "extract_date"], kind="stable").reset_index(drop=True)


def latest_source_id(dataset: str, sources: pd.DataFrame = None):
    """Source id of the newest registered extract of `dataset`, or None when there is none."""
    rows = registered(dataset, sources)
    return None if rows.empty else rows.iloc[-1]["source_id"]


def latest(dataset: str, sources: pd.DataFrame = None):
    """The newest registered Eurostat extract of `dataset` as a DataFrame (sha256 checked
    against the register), or None when the project has none (refresh not run yet).
    Dimension columns and TIME_PERIOD are text, OBS_VALUE is float (NaN where Eurostat sent
    only a flag, see OBS_FLAG); `frame.attrs["source_id"]` names the register row to cite."""
    rows = registered(dataset, sources)
    if rows.empty:
        return None
    row = rows.iloc[[-1]]
    verify_extracts(row)
    path = project().root / row.iloc[0]["extract_path"]
    frame = read_csv_strict(path, required=[TIME, VALUE, FLAG])
    numbers = finite_numbers(frame[VALUE])
    bad = numbers.isna() & (frame[VALUE] != "")
    if bad.any():
        line = int(bad.to_numpy().nonzero()[0][0]) + 1
        raise InputError(project().rel(path), f"'{frame[VALUE].iloc[line - 1]}' is not a number", row=line,
                         column=VALUE)
    frame[VALUE] = numbers.astype("float64")
    frame.attrs["source_id"] = row.iloc[0]["source_id"]
    return frame


def with_iso3(frame: pd.DataFrame) -> pd.DataFrame:
    """Add `iso3` next to Eurostat's `geo` (EL -> GRC, EU27_2020 -> EUU); other geos get ""."""
    out = frame.copy()
    out.insert(list(out.columns).index("geo") + 1, "iso3", out["geo"].map(GEO_ISO3).fillna(""))
    return out


def first_instance_decisions(sources: pd.DataFrame = None):
    """The project's one pick-up of Eurostat migr_asydcfsta (first-instance decisions), or None."""
    return latest("migr_asydcfsta", sources)


def _annual(frame: pd.DataFrame, name: str, keep: dict) -> pd.DataFrame:
    for column, code in keep.items():
        if column in frame.columns:
            frame = frame[frame[column] == code]
    out = pd.DataFrame({"geo": frame["geo"], "year": frame[TIME].astype(int), name: frame[VALUE],
                        "flag": frame[FLAG]})
    return with_iso3(out).sort_values(["geo", "year"], kind="stable").reset_index(drop=True)


def population_1jan(demo_pjan: pd.DataFrame) -> pd.DataFrame:
    """Population on 1 January (Eurostat demo_pjan, age TOTAL, sex T): geo, iso3, year, population."""
    return _annual(demo_pjan, "population", {"age": "TOTAL", "sex": "T"})


def gdp_meur(nama_10_gdp: pd.DataFrame) -> pd.DataFrame:
    """GDP at market prices in million euro, current prices (nama_10_gdp B1GQ, CP_MEUR)."""
    return _annual(nama_10_gdp, "gdp_meur", {"na_item": "B1GQ", "unit": "CP_MEUR"})
