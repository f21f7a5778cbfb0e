"""`factcheck refresh`: download current UNHCR and Eurostat data, snapshot it with provenance,
rebuild, and show which verdicts move. Online only; never part of `make` or `make test`.

All or nothing:
1. Download every response into a temporary folder and check it (HTTP status, complete
   body, JSON, the keys we read). Each attempt has a deadline, each response a size limit, and
   all downloads together one deadline (`HttpConfig`, in sources/http.py). Any failure stops here: one line naming
   the URL, exit 1.
2. Write the new extracts, provenance sidecars and the register file data/sources/refresh-<date>.csv
   into a staging copy of the project and run `python -m factcheck build --force` there
   (FACTCHECK_ROOT=<stage>): registers, checksums and every notebook must pass.
3. Only then copy the changed files back, each by an atomic rename (as the build does), keep
   the raw responses in build/refresh/<date>/ (not committed), and print per claim the old
   and new checked value and verdict (`verdict_diff`).

UNHCR Refugee Data Finder API (https://api.unhcr.org/population/v1/<endpoint>/): endpoints
asylum-decisions, solutions, population; parameters coo / coa (comma-separated codes),
coo_all=true / coa_all=true (one row per country instead of a sum), yearFrom and yearTo (sent
together: a lone bound is ignored), cf_type=ISO (codes are ISO 3166 alpha-3, not UNHCR's own
codes), limit and page. A response is one page {"page", "short-url", "maxPages", "total",
"items": [...]}; an item has year, coo_id, coo_name, coo, coo_iso, coa_id, coa_name, coa,
coa_iso and the counts, which are numbers, numeric strings or "-" (no data). Confirmed from
recorded API responses in github.com/cyanheads/unhcr-refugees-mcp-server (tests/fixtures/unhcr.ts,
src/services/unhcr/unhcr-api-service.ts, tests/live/upstream-behavior.test.ts) and
github.com/rvibek/mcp_unhcr (src/unhcr_mcp/api_client.py).

Eurostat: see sources/eurostat.py.

Provenance: the register row's `url` is the first request; the provenance sidecar lists every
request URL. `upstream_sha256` is the sha256 of the raw response bytes; for a UNHCR extract made
of several pages (and queries), of the pages' bytes concatenated in request order, which is the
order of `request_urls` and of the files build/refresh/<date>/unhcr/<extract>/NN.json.
"""
import dataclasses
import datetime
import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..sources import eurostat, snapshots
from ..sources.http import DownloadError, HttpConfig, fetch, one_line
from . import staging
from ..core.project import project
from ..core.errors import InputError
from ..core.files import atomic_write_bytes

UNHCR_PAGE_SIZE = 10_000                   # upstream sets no ceiling; ~3 MB a page
MAX_PAGES = 500                            # a larger maxPages means the API changed, not our data
REGISTER_COLUMNS = ["source_id", "publisher", "title", "url", "date_published", "date_accessed", "licence",
                    "kind", "extract_path", "upstream_file", "vintage", "upstream_sha256", "extract_sha256", "note"]


def _json(body: bytes, url: str, what: str):
    try:
        return json.loads(body)
    except ValueError as exc:
        raise eurostat.FormatError(url, what, f"the response is not JSON ({one_line(exc)})") from None


# ---- UNHCR Refugee Data Finder API -------------------------------------------------------------

@dataclass
class Download:
    """One extract's raw material: request URLs and their bodies, in request order."""
    name: str
    urls: list = field(default_factory=list)
    bodies: list = field(default_factory=list)

    @property
    def sha256(self) -> str:
        digest = hashlib.sha256()
        for body in self.bodies:
            digest.update(body)
        return digest.hexdigest()


# extract -> endpoint, first year asked, queries (extra parameters), asylum countries that a
# later query must not repeat. The queries fetch a superset; `snapshots.select_rows` keeps the
# same rows as the package extracts (e.g. decisions: asylum in BGR/HRV/HUN, or origin TUR).
UNHCR_EXTRACTS = {
    "decisions": ("asylum-decisions", 2015, ((("coa", "BGR,HRV,HUN"), ("coo_all", "true")),
                                             (("coo", "TUR"), ("coa_all", "true")))),
    "solutions": ("solutions", 1951, ((("coo_all", "true"), ("coa_all", "true")),)),
    "population": ("population", 2021, ((("coo_all", "true"), ("coa_all", "true")),)),
}
UNHCR_TITLES = {"decisions": "asylum decisions", "solutions": "solutions (resettlement arrivals)",
                "population": "population (refugees, asylum-seekers, other in need of protection)"}


def unhcr_url(config: HttpConfig, endpoint: str, params, page: int) -> str:
    query = list(params) + [("cf_type", "ISO"), ("limit", str(UNHCR_PAGE_SIZE)), ("page", str(page))]
    return f"{config.unhcr_api}{endpoint}/?{urllib.parse.urlencode(query, safe=',')}"


def unhcr_pages(config: HttpConfig, endpoint: str, params, download: Download, log=print, sleep=time.sleep) -> list:
    """Every page of one query; returns the items. Checks the page envelope on each page."""
    items, page, last, seen = [], 1, None, {}
    while True:
        url = unhcr_url(config, endpoint, params, page)
        body = fetch(url, config, sleep=sleep, log=log)
        payload = _json(body, url, f"UNHCR {endpoint}")
        what = f"UNHCR {endpoint}"
        if not isinstance(payload, dict):
            raise eurostat.FormatError(url, what, "the response is not a JSON object")
        # 'page' is required: without it a repeat of page 1 (an API that ignores the parameter)
        # cannot be told from page 2, and its rows would be kept twice; a missing key is a format
        # change like a missing 'maxPages'. A page with the same items as an earlier page is
        # refused too (an API that echoes 'page' but ignores it). Both stop the refresh.
        for key in ("items", "maxPages", "page"):
            if key not in payload:
                raise eurostat.FormatError(url, what, f"missing key '{key}'")
        if not isinstance(payload["items"], list):
            raise eurostat.FormatError(url, what, "'items' is not a list")
        try:
            max_pages = int(payload["maxPages"])
        except (TypeError, ValueError):
            raise eurostat.FormatError(url, what, f"'maxPages' is not a number: {payload['maxPages']!r}") from None
        if str(payload["page"]) != str(page):
            raise eurostat.FormatError(url, what, f"asked for page {page}, got page {payload['page']!r}")
        if last is not None and max_pages != last:
            raise eurostat.FormatError(url, what, f"'maxPages' changed from {last} to {max_pages} while paging")
        if max_pages > MAX_PAGES:
            raise eurostat.FormatError(url, what, f"'maxPages' is {max_pages}, more than {MAX_PAGES}")
        if page <= max_pages and not payload["items"]:
            raise eurostat.FormatError(url, what, f"page {page} of {max_pages} has no items")
        digest = hashlib.sha256(json.dumps(payload["items"], sort_keys=True).encode()).hexdigest()
        if digest in seen:
            raise eurostat.FormatError(url, what, f"page {page} has the same items as page {seen[digest]}")
        seen[digest] = page
        download.urls.append(url)
        download.bodies.append(body)
        items.extend(payload["items"])
        last = max_pages
        if page >= max_pages:
            return items
        page += 1


def _api_frame(items, table: str, where: str) -> pd.DataFrame:
    """API items as the columns the package extracts use; counts as float with NaN for '-'."""
    _, columns, counts = snapshots.API_TABLES[table]
    numeric = set(["year"] + counts)
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise eurostat.FormatError(where, f"UNHCR {table}", f"item {number} is not an object")
        missing = [c for c in columns if c not in item]
        if missing:
            raise eurostat.FormatError(where, f"UNHCR {table}", f"item {number} is missing key '{missing[0]}'")
        row = {}
        for column in columns:
            value = item[column]
            if column in numeric:
                if value is None or (isinstance(value, str) and value.strip() in ("-", "")):
                    value = float("nan")
                else:
                    try:
                        value = float(value)
                    except (TypeError, ValueError):
                        raise eurostat.FormatError(where, f"UNHCR {table}", f"item {number} has '{column}' = "
                                                                             f"{value!r}, not a count") from None
            else:
                value = "" if value is None else str(value)
            row[column] = value
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def download_unhcr(config: HttpConfig, date: str, log=print, sleep=time.sleep) -> list:
    """Download and check the three UNHCR extracts; returns [(name, Download, frame)]."""
    year = int(date[:4])
    out = []
    started = time.perf_counter()
    for step, (name, (endpoint, first_year, queries)) in enumerate(UNHCR_EXTRACTS.items(), start=1):
        download = Download(name)
        frames, seen_coa = [], set()
        log(f"[refresh] UNHCR extract {step}/{len(UNHCR_EXTRACTS)} ({name}), "
            f"elapsed {time.perf_counter() - started:.1f}s")
        for extra in queries:
            params = list(extra) + [("yearFrom", str(first_year)), ("yearTo", str(year))]
            log(f"[refresh]   {endpoint} {urllib.parse.urlencode(extra, safe=',')}")
            items = unhcr_pages(config, endpoint, params, download, log=log, sleep=sleep)
            frame = _api_frame(items, name, download.urls[-1])
            frame = frame[~frame["coa_iso"].isin(seen_coa)]    # rows an earlier query already has
            frames.append(frame)
            seen_coa |= set(dict(extra).get("coa", "").split(",")) - {""}
        raw = pd.concat(frames, ignore_index=True)
        kept = snapshots.select_rows(raw, name, shown=download.urls[0])   # InputError names the URL
        if kept.empty:
            raise eurostat.FormatError(download.urls[0], f"UNHCR {name}", "the selection kept no rows")
        log(f"[refresh]   {len(download.bodies)} page(s), {len(raw)} rows, {len(kept)} kept")
        out.append((name, download, kept))
    return out


def download_eurostat(config: HttpConfig, log=print, sleep=time.sleep) -> list:
    """Download and parse every Eurostat dataset; returns [(code, Download, frame, payload)]."""
    out = []
    started = time.perf_counter()
    for step, (code, spec) in enumerate(eurostat.DATASETS.items(), start=1):
        query = [("format", "JSON"), ("lang", "EN")] + list(spec.filters)
        url = f"{config.eurostat_api}{code}?{urllib.parse.urlencode(query)}"
        log(f"[refresh] Eurostat dataset {step}/{len(eurostat.DATASETS)} ({code}), "
            f"elapsed {time.perf_counter() - started:.1f}s")
        body = fetch(url, config, sleep=sleep, log=log)
        payload = _json(body, url, code)
        frame = eurostat.parse_jsonstat(payload, code, where=url, require=spec.dimensions)
        if frame[eurostat.VALUE].notna().sum() == 0:
            raise eurostat.FormatError(url, code, "the response holds no values")
        log(f"[refresh]   {len(frame)} cells, updated {payload.get('updated', '?')}")
        out.append((code, Download(code, [url], [body]), frame, payload))
    return out


# ---- writing the snapshot files (into the stage) ------------------------------------------------

def _csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _raw_dir(date: str) -> str:
    return f"build/refresh/{date}"


def _snapshot_files(date: str, unhcr: list, euro: list) -> tuple:
    """{relative path: bytes} of extracts and sidecars, {relative path: bytes} of raw responses,
    and the register rows."""
    files, raw, rows = {}, {}, []
    vintage = f"api-{date}"
    for name, download, frame in unhcr:
        source_id = f"unhcr-{name}-{vintage}"
        target = f"data/snapshots/unhcr/{vintage}/{name}.csv"
        payload = _csv_bytes(frame)
        files[target] = payload
        upstream = f"{_raw_dir(date)}/unhcr/{name}/"
        for number, body in enumerate(download.bodies, start=1):
            raw[f"{upstream}{number:02d}.json"] = body
        kept = snapshots.BY_ID[f"unhcr-{name}-{snapshots.UNHCR_VINTAGES[-1]}"].rows
        title = (f"Refugee Population Statistics Database: {UNHCR_TITLES[name]} "
                 f"(Refugee Data Finder API, accessed {date})")
        provenance = {
            "source_id": source_id, "publisher": "UNHCR", "dataset": title, "vintage": vintage,
            "upstream_url": download.urls[0], "licence": snapshots.CC_BY, "upstream_file": upstream,
            "upstream_sha256": download.sha256, "extract_sha256": hashlib.sha256(payload).hexdigest(),
            "rows_kept": kept, "row_count": len(frame), "columns": list(frame.columns),
            "made_by": "factcheck.refresh", "date_accessed": date, "request_urls": download.urls,
            "page_sha256": [hashlib.sha256(b).hexdigest() for b in download.bodies],
            "upstream_sha256_method": "sha256 of the raw page bodies concatenated in request_urls order",
        }
        files[target[:-4] + ".provenance.json"] = (json.dumps(provenance, indent=2) + "\n").encode()
        rows.append({"source_id": source_id, "publisher": "UNHCR", "title": title, "url": download.urls[0],
                     "date_published": "", "date_accessed": date, "licence": snapshots.CC_BY, "kind": "dataset",
                     "extract_path": target, "upstream_file": upstream, "vintage": vintage,
                     "upstream_sha256": download.sha256, "extract_sha256": provenance["extract_sha256"],
                     "note": f"{kept}; {len(download.urls)} API page(s), all listed in the provenance sidecar"})
    for code, download, frame, payload_json in euro:
        spec = eurostat.DATASETS[code]
        source_id = eurostat.source_id(code, date)
        target = eurostat.extract_path(code, date)
        payload = _csv_bytes(eurostat.to_csv_frame(frame))
        files[target] = payload
        upstream = f"{_raw_dir(date)}/eurostat/{code}.json"
        raw[upstream] = download.bodies[0]
        updated = str(payload_json.get("updated", ""))
        published = updated[:10] if len(updated) >= 10 and updated[4] == "-" else ""
        title = f"{payload_json.get('label') or spec.title} ({code})"
        provenance = {
            "source_id": source_id, "publisher": eurostat.PUBLISHER, "dataset": title, "vintage": date,
            "upstream_url": download.urls[0], "licence": eurostat.LICENCE, "upstream_file": upstream,
            "upstream_sha256": download.sha256, "extract_sha256": hashlib.sha256(payload).hexdigest(),
            "rows_kept": spec.rows, "row_count": len(frame), "columns": list(frame.columns),
            "made_by": "factcheck.refresh", "date_accessed": date, "request_urls": download.urls,
            "updated": updated, "status_labels": eurostat.status_labels(payload_json),
        }
        files[target[:-4] + ".provenance.json"] = (json.dumps(provenance, indent=2) + "\n").encode()
        rows.append({"source_id": source_id, "publisher": eurostat.PUBLISHER, "title": title,
                     "url": download.urls[0], "date_published": published, "date_accessed": date,
                     "licence": eurostat.LICENCE, "kind": "dataset", "extract_path": target,
                     "upstream_file": upstream, "vintage": date, "upstream_sha256": download.sha256,
                     "extract_sha256": provenance["extract_sha256"],
                     "note": f"{spec.rows}; Eurostat 'updated' {updated or 'not given'}"})
    return files, raw, rows


def _register_bytes(date: str, rows: list, root: Path) -> tuple:
    """data/sources/refresh-<date>.csv: this run's rows replace same-id rows of an earlier run
    on the same date (e.g. --only unhcr, then --only eurostat)."""
    target = f"data/sources/refresh-{date}.csv"
    new = pd.DataFrame(rows, columns=REGISTER_COLUMNS)
    existing = root / target
    if existing.exists():
        old = pd.read_csv(existing, dtype=str, keep_default_na=False)
        new = pd.concat([old[~old["source_id"].isin(new["source_id"])], new], ignore_index=True)
    new = new.sort_values("source_id", kind="stable").reset_index(drop=True)
    return target, _csv_bytes(new)


# ---- verdicts before and after --------------------------------------------------------------

def verdict_diff(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Per claim and claim part ("C03", "C03a") the old and new checked_value and verdict (as text),
    and whether either moved. A row present on one side only counts as moved."""
    def side(frame):
        frame = frame.fillna("").astype(str)
        part = frame["part"] if "part" in frame else ""
        return frame.assign(claim_id=frame.get("claim_id", "") + part).set_index("claim_id").reindex(
            columns=["checked_value", "verdict"])
    before, after = side(old), side(new)
    rows = sorted(set(before.index) | set(after.index))
    table = pd.DataFrame({
        "claim_id": rows,
        "checked_value_old": before["checked_value"].reindex(rows).fillna("").to_list(),
        "checked_value_new": after["checked_value"].reindex(rows).fillna("").to_list(),
        "verdict_old": before["verdict"].reindex(rows).fillna("").to_list(),
        "verdict_new": after["verdict"].reindex(rows).fillna("").to_list(),
    })
    missing = [r not in before.index or r not in after.index for r in rows]
    table["changed"] = ((table["checked_value_old"] != table["checked_value_new"])
                        | (table["verdict_old"] != table["verdict_new"]) | pd.Series(missing))
    return table


def format_diff(table: pd.DataFrame) -> str:
    shown = table.copy()
    shown.insert(0, " ", ["*" if moved else "" for moved in table["changed"]])
    shown = shown.drop(columns="changed").replace("", "-")
    moved = int(table["changed"].sum())
    verdicts = int((table["verdict_old"] != table["verdict_new"]).sum())
    return (shown.to_string(index=False) + "\n"
            + f"{moved} claim(s) changed (*), of which {verdicts} verdict(s); {len(table) - moved} unchanged.")


def _read_verdicts(path: Path) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=["claim_id", "checked_value", "verdict"])
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# ---- the command ------------------------------------------------------------------------------

def _check_date(date: str) -> str:
    try:
        return datetime.date.fromisoformat(date).isoformat()
    except (TypeError, ValueError):
        raise InputError("--date", f"'{date}' is not a date YYYY-MM-DD") from None


def _rebuild(stage: Path, log=print) -> str:
    env = dict(os.environ, FACTCHECK_ROOT=str(stage), FACTCHECK_SHARED=str(project().shared))
    log("[refresh] rebuilding every notebook in a staging copy with the new data")
    result = subprocess.run([sys.executable, "-m", "factcheck", "build", "--force"], env=env,
                            capture_output=True, text=True)
    lines = [line for line in (result.stdout + "\n" + result.stderr).splitlines() if line.strip()]
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")] or lines[-1:]
        raise InputError("staged build", "rebuilding with the new data failed, nothing was changed: "
                         + one_line(errors[0] if errors else f"exit code {result.returncode}", 400))
    summary = [line for line in lines if line.startswith("build:")]
    return summary[-1] if summary else ""


def refresh(date: str, only: str = None, config: HttpConfig = None, log=print, sleep=time.sleep) -> pd.DataFrame:
    """Download, snapshot, rebuild in a stage, copy back, print the verdict diff; return it.
    Raises InputError (DownloadError, FormatError) with nothing in the project changed."""
    date = _check_date(date)
    if only not in (None, "unhcr", "eurostat"):
        raise InputError("--only", f"'{only}' is not unhcr or eurostat")
    config = config or HttpConfig.from_env()
    if config.until is None:
        config = dataclasses.replace(config, until=time.monotonic() + config.total)
    unhcr = download_unhcr(config, date, log=log, sleep=sleep) if only in (None, "unhcr") else []
    euro = download_eurostat(config, log=log, sleep=sleep) if only in (None, "eurostat") else []
    files, raw, rows = _snapshot_files(date, unhcr, euro)
    target, register = _register_bytes(date, rows, project().root)
    files[target] = register
    with staging.lock(project().root):
        staging.recover(project().root, log=log)
        with staging.Stage(project().root, prefix="refresh-stage-") as stage:
            for relative, payload in files.items():
                atomic_write_bytes(stage.path / relative, payload)
            summary = _rebuild(stage.path, log=log)
            old = _read_verdicts(project().verdicts_file)
            new = _read_verdicts(stage.path / "data" / "verdicts.csv")
            changed = stage.publish(inputs_written={Path(relative).as_posix() for relative in files})
    for relative, payload in raw.items():
        atomic_write_bytes(project().root / relative, payload)
    diff = verdict_diff(old, new)
    if summary:
        log(f"[refresh] staged {summary}")
    log(f"[refresh] {len(files)} snapshot/register file(s) written, {len(changed)} file(s) changed in all; "
        f"raw responses in {_raw_dir(date)}/")
    for relative in sorted(files):
        log(f"  {relative}")
    log("[refresh] verdicts before and after (data/verdicts.csv):")
    log(format_diff(diff))
    return diff

