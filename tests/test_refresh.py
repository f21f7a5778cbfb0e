"""The online refresh without internet: fixture responses in the publishers' real formats
(tests/fixtures/refresh) served by a local HTTP server on 127.0.0.1, with faults on demand:
slow (longer than the timeout), trickling (every read quick, the whole slow), HTTP 500 (once, or
always), 404, a truncated body, a body too large (announced or streamed), a missing key, and
paging ignored (the same page again, with or without its page number)."""
import hashlib
import json
import math
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from conftest import run_cli, tree_hashes

from factcheck.sources import eurostat, snapshots
from factcheck.topics.recognition import data as recognition_data
from factcheck.topics.recognition import rates as recognition_rates
from factcheck.pipeline import refresh
from factcheck.sources.http import MAX_RESPONSE_BYTES
from factcheck.core.errors import InputError

FIXTURES = Path(__file__).with_name("fixtures") / "refresh"
DATE = "2026-11-29"
TRICKLE_SECONDS = 4.0          # a trickling answer ends (cut short) after this, whatever the client does
STREAM_BYTES = 64 * 2 ** 20    # the most a streaming answer without Content-Length sends


# ---- the fake publishers ------------------------------------------------------------------------

def fixture_for(path: str, query: dict) -> Path:
    """Which fixture answers a request: /unhcr/<endpoint>/?... or /eurostat/<dataset>?..."""
    parts = [p for p in path.split("/") if p]
    if parts[0] == "unhcr":
        page = query.get("page", ["1"])[0]
        which = ("coa." if "coa" in query else "coo.") if parts[1] == "asylum-decisions" else ""
        return FIXTURES / "unhcr" / f"{parts[1]}.{which}p{page}.json"
    return FIXTURES / "eurostat" / f"{parts[1]}.json"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, status, body, length=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, body):
        """The whole body announced, then one byte every 20 ms (each read is quick)."""
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        stop = time.monotonic() + TRICKLE_SECONDS
        for byte in body:
            if time.monotonic() > stop:
                break
            self.wfile.write(bytes([byte]))
            time.sleep(0.02)
        self.close_connection = True

    def _stream(self):
        """No Content-Length, so the body lasts until the connection closes: up to STREAM_BYTES."""
        self.send_response(200)
        self.end_headers()
        self.close_connection = True
        chunk = b" " * 2 ** 16
        for _ in range(STREAM_BYTES // len(chunk)):
            self.wfile.write(chunk)
            with self.server.lock:
                self.server.sent += len(chunk)

    def do_GET(self):
        server = self.server
        split = urlsplit(self.path)
        with server.lock:
            server.requests.append(self.path)
            mode = next((m for key, m in server.faults.items() if key in self.path), None)
            seen = server.seen.get(split.path, 0)
            server.seen[split.path] = seen + 1
        query = parse_qs(split.query)
        asked = query.get("page", ["1"])[0]
        if mode in ("no-page", "repeat"):    # the publisher ignores the page parameter
            query["page"] = ["1"]
        fixture = fixture_for(split.path, query)
        if mode == "404" or not fixture.exists():
            return self._send(404, b"<html><body>404 Not Found</body></html>")
        body = fixture.read_bytes()
        if mode == "500" or (mode == "500-once" and seen == 0):
            return self._send(500, b'{"error":[{"status":500,"label":"Internal server error"}]}')
        if mode == "slow":
            time.sleep(server.delay)
        if mode == "trickle":
            return self._trickle(body)
        if mode == "stream":
            return self._stream()
        if mode == "huge":                   # announces more than the client's limit, sends less
            self.close_connection = True
            return self._send(200, body, length=MAX_RESPONSE_BYTES + 1)
        if mode in ("no-page", "repeat"):    # page 1 again: without 'page', or with the page asked for
            payload = json.loads(body)
            if mode == "no-page":
                payload.pop("page")
            else:
                payload["page"] = int(asked)
            body = json.dumps(payload).encode()
        if mode == "truncated":
            self.close_connection = True
            return self._send(200, body[: len(body) // 2], length=len(body))
        if mode == "schema":                 # the publisher renamed or dropped a key
            payload = json.loads(body)
            payload.pop("dimension" if "eurostat" in split.path else "maxPages")
            body = json.dumps(payload).encode()
        if mode == "schema-item":
            payload = json.loads(body)
            payload["items"][0].pop("dec_recognized")
            body = json.dumps(payload).encode()
        self._send(200, body)


class Publisher(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock, self.requests, self.seen, self.faults, self.delay = threading.Lock(), [], {}, {}, 1.5
        self.sent = 0

    def handle_error(self, request, client_address):  # the client gave up on a slow answer
        pass

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def publisher():
    server = Publisher()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def config_for(server, **kw):
    settings = dict(timeout=0.5, attempts=2, backoff=0.01, unhcr_api=f"{server.base}/unhcr/",
                    eurostat_api=f"{server.base}/eurostat/")
    settings.update(kw)
    return refresh.HttpConfig(**settings)


@pytest.fixture
def online(monkeypatch, publisher):
    """Environment for `factcheck refresh` in a subprocess, pointed at the fake publishers."""
    monkeypatch.setenv("FACTCHECK_UNHCR_API", f"{publisher.base}/unhcr/")
    monkeypatch.setenv("FACTCHECK_EUROSTAT_API", f"{publisher.base}/eurostat/")
    monkeypatch.setenv("FACTCHECK_HTTP_TIMEOUT", "0.5")
    monkeypatch.setenv("FACTCHECK_HTTP_DEADLINE", "1")
    monkeypatch.setenv("FACTCHECK_HTTP_ATTEMPTS", "2")
    monkeypatch.setenv("FACTCHECK_HTTP_BACKOFF", "0.01")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    return publisher


def quiet(*args):
    pass


# ---- JSON-stat ------------------------------------------------------------------------------

def test_jsonstat_flat_index_is_row_major_with_sparse_values_and_flags():
    payload = {"version": "2.0", "class": "dataset", "id": ["geo", "time"], "size": [2, 3],
               "dimension": {"geo": {"category": {"index": {"NL": 0, "BG": 1}}},
                             "time": {"category": {"index": ["2022", "2023", "2024"]}}},
               "value": {"0": 10, "4": 20.5, "5": 30}, "status": {"4": "p", "2": "c"}}
    frame = eurostat.parse_jsonstat(payload, "toy")
    assert list(frame.columns) == ["geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]
    cells = {(r.geo, r.TIME_PERIOD): (r.OBS_VALUE, r.OBS_FLAG) for r in frame.itertuples()}
    assert cells[("NL", "2022")] == (10.0, "")
    assert cells[("BG", "2023")] == (20.5, "p")          # 4 = 1 * 3 + 1
    assert cells[("BG", "2024")] == (30.0, "")
    value, flag = cells[("NL", "2024")]                   # a flag without a value (confidential)
    assert math.isnan(value) and flag == "c"
    assert len(frame) == 4 and list(frame["geo"]) == ["BG", "BG", "NL", "NL"]


def test_jsonstat_dense_value_array_and_single_category_without_index():
    payload = {"version": "2.0", "class": "dataset", "id": ["unit", "time"], "size": [1, 2],
               "dimension": {"unit": {"category": {"label": {"PER": "Person"}}},
                             "time": {"category": {"index": {"2023": 0, "2024": 1}}}},
               "value": [None, 7]}
    frame = eurostat.parse_jsonstat(payload, "toy")
    assert frame.to_dict("records") == [{"unit": "PER", "TIME_PERIOD": "2024", "OBS_VALUE": 7.0, "OBS_FLAG": ""}]


def test_jsonstat_fixture_migr_asydcfsta():
    frame = eurostat.parse_jsonstat((FIXTURES / "eurostat" / "migr_asydcfsta.json").read_bytes(), "migr_asydcfsta",
                                    require=eurostat.DATASETS["migr_asydcfsta"].dimensions)
    assert list(frame.columns) == ["freq", "unit", "citizen", "sex", "age", "decision", "geo", "TIME_PERIOD",
                                   "OBS_VALUE", "OBS_FLAG"]
    pick = frame.set_index(["citizen", "decision", "geo", "TIME_PERIOD"])
    assert pick.loc[("TR", "TOTAL_POS", "BG", "2024"), "OBS_VALUE"] == 150
    assert pick.loc[("TR", "TOTAL", "BG", "2024"), "OBS_VALUE"] == 985
    assert pick.loc[("TOTAL", "TOTAL", "EU27_2020", "2024"), "OBS_FLAG"] == "p"
    assert math.isnan(pick.loc[("TR", "TOTAL", "HU", "2024"), "OBS_VALUE"])
    assert pick.loc[("TR", "TOTAL", "HU", "2024"), "OBS_FLAG"] == "c"


@pytest.mark.parametrize("change, message", [
    (lambda p: p.pop("dimension"), "missing key 'dimension'"),
    (lambda p: p.pop("value"), "missing key 'value'"),
    (lambda p: (p["dimension"].pop("decision"), p["id"].remove("decision"), p["size"].pop(5)),
     "missing dimension 'decision'"),
    (lambda p: p["dimension"]["geo"].pop("category"), "missing key 'dimension.geo.category'"),
    (lambda p: p["size"].__setitem__(6, 9), "dimension 'geo' has size 9 but 5 categories"),
    (lambda p: p.__setitem__("version", "1.0"), "expected JSON-stat version 2.0"),
])
def test_jsonstat_format_change_names_dataset_and_key(change, message):
    payload = json.loads((FIXTURES / "eurostat" / "migr_asydcfsta.json").read_text())
    change(payload)
    with pytest.raises(eurostat.FormatError) as caught:
        eurostat.parse_jsonstat(payload, "migr_asydcfsta", require=eurostat.DATASETS["migr_asydcfsta"].dimensions)
    assert "migr_asydcfsta" in str(caught.value) and message in str(caught.value)


def test_recognition_rate_uses_eurostats_definition():
    """The project's one Eurostat recognition rate (topics.recognition.rates.eurostat_rates): positive
    decisions over positive + rejected (= TOTAL), first instance, persons, sex T, age TOTAL."""
    rows = []
    for decision, value in (("TOTAL", 985), ("TOTAL_POS", 150), ("GENCONV", 20), ("SUB_PROT", 130),
                            ("HUMSTAT", 0), ("REJECTED", 835)):
        rows.append({"freq": "A", "unit": "PER", "citizen": "TR", "sex": "T", "age": "TOTAL", "decision": decision,
                     "geo": "BG", "TIME_PERIOD": "2024", "OBS_VALUE": float(value), "OBS_FLAG": ""})
    rows.append({**rows[0], "geo": "HR", "OBS_VALUE": 0.0})
    rows.append({**rows[1], "sex": "M", "OBS_VALUE": 100.0})          # a breakdown, not the total: ignored
    decisions = recognition_data.eurostat_decisions(pd.DataFrame(rows))
    bg = recognition_rates.eurostat_rates(decisions, "TR", "BG").iloc[0]
    assert bg["rate"] == pytest.approx(100 * 150 / 985)
    assert bg["refugee_rate"] == pytest.approx(100 * 20 / 985)
    assert (bg["rate_low"], bg["rate_high"]) == pytest.approx((100 * 148 / 985, 100 * 152 / 985))
    assert recognition_rates.eurostat_rates(decisions, "TR", "HR").empty     # no decisions: no rate


def test_population_and_gdp_helpers_map_geo_to_iso3():
    pop = eurostat.parse_jsonstat((FIXTURES / "eurostat" / "demo_pjan.json").read_bytes(), "demo_pjan")
    table = eurostat.population_1jan(pop)
    assert set(table["iso3"]) == {"EUU", "GRC", "NLD"}
    assert table.set_index(["iso3", "year"]).loc[("NLD", 2025), "population"] == 18044027
    gdp = eurostat.gdp_meur(eurostat.parse_jsonstat((FIXTURES / "eurostat" / "nama_10_gdp.json").read_bytes(),
                                                    "nama_10_gdp"))
    assert gdp.set_index(["geo", "year"]).loc[("EL", 2024), "gdp_meur"] == pytest.approx(236551.9)
    assert [eurostat.format_value(v) for v in (18044027.0, 236551.9, float("nan"))] == ["18044027", "236551.9", ""]


def test_latest_is_none_without_a_registered_extract():
    sources = pd.DataFrame({"source_id": ["worldbank-gdp"], "extract_path": ["data/snapshots/worldbank/x.csv"]})
    assert eurostat.latest("migr_asydcfsta", sources) is None
    assert eurostat.latest_source_id("nama_10_gdp", sources) is None


# ---- HTTP: retries, timeouts, truncation, offline ------------------------------------------------

def test_http_500_is_retried_with_backoff_then_succeeds(publisher):
    publisher.faults = {"demo_pjan": "500-once"}
    waits = []
    url = f"{publisher.base}/eurostat/demo_pjan?format=JSON"
    body = refresh.fetch(url, config_for(publisher, attempts=3, backoff=0.25), sleep=waits.append)
    assert body == (FIXTURES / "eurostat" / "demo_pjan.json").read_bytes()
    assert waits == [0.25] and len(publisher.requests) == 2


def test_http_500_always_gives_up_naming_the_url(publisher):
    publisher.faults = {"demo_pjan": "500"}
    waits = []
    url = f"{publisher.base}/eurostat/demo_pjan?format=JSON"
    with pytest.raises(refresh.DownloadError) as caught:
        refresh.fetch(url, config_for(publisher, attempts=3, backoff=1.0), sleep=waits.append)
    assert str(caught.value).startswith(url) and "HTTP 500" in str(caught.value)
    assert "gave up after 3 attempt(s)" in str(caught.value)
    assert waits == [1.0, 2.0] and len(publisher.requests) == 3          # exponential backoff


def test_http_404_is_not_retried(publisher):
    publisher.faults = {"nama_10_gdp": "404"}
    with pytest.raises(refresh.DownloadError, match="HTTP 404"):
        refresh.fetch(f"{publisher.base}/eurostat/nama_10_gdp", config_for(publisher, attempts=4), sleep=quiet)
    assert len(publisher.requests) == 1


def test_timeout_is_retried_then_reported(publisher):
    publisher.faults, publisher.delay = {"demo_pjan": "slow"}, 3.0
    started = time.perf_counter()
    with pytest.raises(refresh.DownloadError, match=r"no response within 0\.3 s; gave up after 2"):
        refresh.fetch(f"{publisher.base}/eurostat/demo_pjan", config_for(publisher, timeout=0.3), sleep=quiet)
    assert time.perf_counter() - started < 2.5 and len(publisher.requests) == 2


def test_truncated_body_is_detected(publisher):
    publisher.faults = {"migr_resettle": "truncated"}
    with pytest.raises(refresh.DownloadError, match="truncated response"):
        refresh.fetch(f"{publisher.base}/eurostat/migr_resettle", config_for(publisher), sleep=quiet)


def test_trickling_server_hits_the_deadline_of_the_attempt(publisher):
    """The socket timeout (0.3 s) bounds each read; the deadline (0.6 s) bounds the attempt."""
    publisher.faults = {"demo_pjan": "trickle"}
    started = time.monotonic()
    with pytest.raises(refresh.DownloadError, match=r"no complete response within 0\.6 s \(\d+ bytes read\); "
                                                    r"gave up after 2 attempt\(s\)") as caught:
        refresh.fetch(f"{publisher.base}/eurostat/demo_pjan", config_for(publisher, timeout=0.3, deadline=0.6),
                      sleep=quiet)
    assert time.monotonic() - started < 2 * 0.6 + 1 and len(publisher.requests) == 2
    assert str(caught.value).startswith(f"{publisher.base}/eurostat/demo_pjan")


def test_overall_deadline_stops_the_retries(publisher):
    publisher.faults = {"demo_pjan": "500"}
    config = config_for(publisher, attempts=100, backoff=0.1, max_backoff=0.1, total=1.0,
                        until=time.monotonic() + 1.0)
    started = time.monotonic()
    with pytest.raises(refresh.DownloadError, match=r"HTTP 500.*; the refresh's deadline \(1 s for all downloads\) "
                                                    r"leaves no time for attempt \d+"):
        refresh.fetch(f"{publisher.base}/eurostat/demo_pjan", config, sleep=time.sleep)
    assert time.monotonic() - started < 2.0 and len(publisher.requests) < 20


@pytest.mark.parametrize("mode, message", [
    ("huge", f"the response announces {MAX_RESPONSE_BYTES + 1} bytes, more than the limit of 100000 bytes"),
    ("stream", "the response is larger than the limit of 100000 bytes"),
])
def test_body_above_the_size_limit_is_refused_before_it_is_read(publisher, mode, message):
    publisher.faults = {"demo_pjan": mode}
    started = time.monotonic()
    with pytest.raises(refresh.DownloadError, match=message):
        refresh.fetch(f"{publisher.base}/eurostat/demo_pjan", config_for(publisher, max_bytes=100_000), sleep=quiet)
    assert len(publisher.requests) == 1                      # not retried: a larger answer will not shrink
    assert time.monotonic() - started < 2.0 and publisher.sent < STREAM_BYTES // 4


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_offline_is_a_clear_error():
    url = f"http://127.0.0.1:{_closed_port()}/eurostat/demo_pjan"
    with pytest.raises(refresh.DownloadError, match="cannot connect"):
        refresh.fetch(url, refresh.HttpConfig(timeout=0.5, attempts=2, backoff=0.01), sleep=quiet)


# ---- UNHCR paging and selection -----------------------------------------------------------------

def test_unhcr_pages_are_walked_and_the_package_rows_selected(publisher):
    extracts = {name: (download, frame) for name, download, frame in
                refresh.download_unhcr(config_for(publisher), DATE, log=quiet, sleep=quiet)}
    decisions_download, decisions = extracts["decisions"]
    assert list(decisions.columns) == snapshots.DECISION_COLUMNS
    pairs = sorted(zip(decisions["year"], decisions["coo_iso"], decisions["coa_iso"]))
    # query 2 repeats TUR->BGR 2024 (dropped) and has a 2014 row (outside 2015-2025): 8 rows
    assert pairs == [(2023, "AFG", "BGR"), (2023, "SYR", "HRV"), (2023, "TUR", "BGR"), (2024, "AFG", "HUN"),
                     (2024, "TUR", "BGR"), (2024, "TUR", "DEU"), (2024, "TUR", "HRV"), (2024, "TUR", "NLD")]
    row = decisions[(decisions["coo_iso"] == "TUR") & (decisions["year"] == 2023)].iloc[0]
    assert row["dec_recognized"] == 0 and row["dec_total"] == 1425 and str(decisions["dec_total"].dtype) == "Int64"
    # three pages, in order; upstream sha256 = sha256 of the page bodies concatenated
    names = ["asylum-decisions.coa.p1.json", "asylum-decisions.coa.p2.json", "asylum-decisions.coo.p1.json"]
    raw = b"".join((FIXTURES / "unhcr" / n).read_bytes() for n in names)
    assert decisions_download.sha256 == hashlib.sha256(raw).hexdigest()
    first = parse_qs(urlsplit(decisions_download.urls[0]).query)
    assert first == {"coa": ["BGR,HRV,HUN"], "coo_all": ["true"], "yearFrom": ["2015"], "yearTo": ["2026"],
                     "cf_type": ["ISO"], "limit": [str(refresh.UNHCR_PAGE_SIZE)], "page": ["1"]}
    assert [parse_qs(urlsplit(u).query)["page"] for u in decisions_download.urls] == [["1"], ["2"], ["1"]]
    population = extracts["population"][1]
    assert list(population.columns) == snapshots.POPULATION_COLUMNS
    assert sorted(zip(population["coo_iso"], population["coa_iso"])) == [("AFG", "BGR"), ("SYR", "NLD"),
                                                                           ("TUR", "NLD")]
    assert population["oip"].isna().all()                      # "-" is no data
    solutions = extracts["solutions"][1]
    assert list(solutions["resettlement"]) == [215, 95, 2905]    # sorted by year, origin, asylum


def test_unhcr_format_change_is_named(publisher):
    publisher.faults = {"/unhcr/population/": "schema"}
    with pytest.raises(eurostat.FormatError, match="UNHCR population: response format changed: missing key 'maxPages'"):
        refresh.download_unhcr(config_for(publisher), DATE, log=quiet, sleep=quiet)
    publisher.faults = {"/unhcr/asylum-decisions/": "schema-item"}
    with pytest.raises(eurostat.FormatError, match="item 1 is missing key 'dec_recognized'"):
        refresh.download_unhcr(config_for(publisher), DATE, log=quiet, sleep=quiet)


@pytest.mark.parametrize("mode, message", [
    ("no-page", "UNHCR asylum-decisions: response format changed: missing key 'page'"),
    ("repeat", "UNHCR asylum-decisions: response format changed: page 2 has the same items as page 1"),
])
def test_unhcr_page_ignored_by_the_api_keeps_no_duplicate(publisher, mode, message):
    """The API answers page 1 again for page 2, without a page number or echoing the one asked."""
    publisher.faults = {"/unhcr/asylum-decisions/": mode}
    download = refresh.Download("decisions")
    with pytest.raises(eurostat.FormatError, match=message) as caught:
        refresh.unhcr_pages(config_for(publisher), "asylum-decisions", [("coa", "BGR,HRV,HUN"), ("coo_all", "true")],
                            download, log=quiet, sleep=quiet)
    assert str(caught.value).startswith(f"{publisher.base}/unhcr/asylum-decisions/")
    assert len(download.bodies) == (0 if mode == "no-page" else 1)


def test_select_rows_names_missing_upstream_columns():
    with pytest.raises(InputError, match="upstream columns are missing"):
        snapshots.select_rows(pd.DataFrame({"year": [2024]}), "solutions")


def test_vintages_order_package_releases_and_api_refreshes():
    sources = pd.DataFrame({
        "source_id": ["unhcr-decisions-api-2026-11-29", "unhcr-decisions-2025.12.1", "unhcr-decisions-2025.06.0",
                      "unhcr-datafinder-solutions-2024-07-19"],
        "extract_path": ["a", "b", "c", "d"], "date_published": ["", "2026-06-25", "2025-11-10", "2024-07-19"],
        "date_accessed": ["2026-11-29", "2026-11-29", "2026-11-29", "2026-11-29"],
        "vintage": ["api-2026-11-29", "2025.12.1", "2025.06.0", "2024-07-19"]})
    assert snapshots.vintages("decisions", sources) == ["2025.06.0", "2025.12.1", "api-2026-11-29"]
    assert snapshots.latest_vintage("decisions", sources) == "api-2026-11-29"
    assert snapshots.vintages("solutions", sources) == []


# ---- the verdict diff ----------------------------------------------------------------------------

def test_verdict_diff_lists_old_and_new_per_claim():
    old = pd.DataFrame({"claim_id": ["C01", "C02", "C03"], "checked_value": ["14", "", "80"],
                        "verdict": ["understated", "", "accurate"], "status": ["checked", "", "checked"]})
    new = pd.DataFrame({"claim_id": ["C02", "C01", "C03", "C04"], "checked_value": ["", "15.2", "80", "3"],
                        "verdict": ["", "accurate", "accurate", "outdated"]})
    diff = refresh.verdict_diff(old, new)
    assert list(diff["claim_id"]) == ["C01", "C02", "C03", "C04"]
    assert diff.iloc[0].to_dict() == {"claim_id": "C01", "checked_value_old": "14", "checked_value_new": "15.2",
                                      "verdict_old": "understated", "verdict_new": "accurate", "changed": True}
    assert list(diff["changed"]) == [True, False, False, True]      # C04 is new
    text = refresh.format_diff(diff)
    assert "2 claim(s) changed (*), of which 2 verdict(s); 2 unchanged." in text


# ---- the command, end to end, in a throw-away copy of the project ---------------------------------

def _topic_notebooks_removed(project: Path) -> Path:
    """Keep the overview only: the staged rebuild then takes seconds, and the test does not
    depend on topic notebooks being edited elsewhere. The build path is the same."""
    for notebook in (project / "notebooks").glob("[0-9][0-9]-*.ipynb"):
        if not notebook.name.startswith("00-"):
            notebook.unlink()
    return project


def test_refresh_end_to_end(project, online):
    _topic_notebooks_removed(project)
    result = run_cli(project, "refresh", "--date", DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "verdicts before and after" in result.stdout and "C01" in result.stdout
    assert "claim(s) changed" in result.stdout
    unhcr_dir = project / "data" / "snapshots" / "unhcr" / f"api-{DATE}"
    for name in ("decisions", "solutions", "population"):
        extract = unhcr_dir / f"{name}.csv"
        previous = project / "data" / "snapshots" / "unhcr" / "2025.12.1" / f"{name}.csv"
        assert extract.read_text().splitlines()[0] == previous.read_text().splitlines()[0]   # same columns
        sidecar = json.loads(extract.with_suffix(".provenance.json").read_text())
        assert sidecar["extract_sha256"] == hashlib.sha256(extract.read_bytes()).hexdigest()
        pages = sorted((project / sidecar["upstream_file"]).glob("*.json"))
        assert sidecar["upstream_sha256"] == hashlib.sha256(b"".join(p.read_bytes() for p in pages)).hexdigest()
        assert len(sidecar["request_urls"]) == len(pages)
    for code in eurostat.DATASETS:
        sidecar = json.loads((project / eurostat.extract_path(code, DATE)).with_suffix(".provenance.json").read_text())
        raw = (FIXTURES / "eurostat" / f"{code}.json").read_bytes()
        assert sidecar["upstream_sha256"] == hashlib.sha256(raw).hexdigest()
        assert sidecar["licence"] == "CC BY 4.0 (Commission Decision 2011/833/EU)"
    register = pd.read_csv(project / "data" / "sources" / f"refresh-{DATE}.csv", dtype=str, keep_default_na=False)
    assert len(register) == 8 and (register["date_accessed"] == DATE).all()
    assert set(register["licence"]) == {"CC BY 4.0", "CC BY 4.0 (Commission Decision 2011/833/EU)"}
    assert register.set_index("source_id").loc["eurostat-demo-pjan-2026-11-29", "date_published"] == "2026-11-20"
    # the registers validate (checksums, typed extracts) and the loaders find the new extracts
    code = ("from factcheck.pipeline import validate\n"
            "from factcheck.sources import eurostat, snapshots\n"
            "validate.validate_all()\n"
            "f = eurostat.first_instance_decisions()\n"
            "print(f.attrs['source_id'], len(f), snapshots.latest_vintage('decisions'),"
            " eurostat.latest('demo_pjan')['OBS_VALUE'].sum())")
    probe = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, FACTCHECK_ROOT=str(project)),
                           capture_output=True, text=True, timeout=120)
    assert probe.stdout.split() == ["eurostat-migr-asydcfsta-2026-11-29", "109", f"api-{DATE}", "956371781.0"], probe.stderr


@pytest.mark.parametrize("faults, expected", [
    ({"/unhcr/population/": "500"}, "HTTP 500"),
    ({"nama_10_gdp": "schema"}, "nama_10_gdp: response format changed: missing key 'dimension'"),
    ({"migr_asytpsm": "slow"}, "no response within 0.5 s"),
    ({"migr_asytpsm": "trickle"}, "no complete response within 1 s"),
    ({"/unhcr/population/": "huge"}, f"more than the limit of {MAX_RESPONSE_BYTES} bytes"),
    ({"/unhcr/solutions/": "no-page"}, "UNHCR solutions: response format changed: missing key 'page'"),
    ({"eurostat": "trickle", "deadline": "1.5"}, "the refresh's deadline (1.5 s for all downloads)"),
    ("offline", "cannot connect"),
])
def test_failed_download_changes_nothing(project, online, monkeypatch, faults, expected):
    if "deadline" in faults:          # one deadline for all downloads, shorter than an attempt's
        faults = dict(faults)
        monkeypatch.setenv("FACTCHECK_REFRESH_DEADLINE", faults.pop("deadline"))
        monkeypatch.setenv("FACTCHECK_HTTP_DEADLINE", "30")
    if faults == "offline":
        monkeypatch.setenv("FACTCHECK_UNHCR_API", f"http://127.0.0.1:{_closed_port()}/unhcr/")
    else:
        online.faults = faults
    before = tree_hashes(project)
    result = run_cli(project, "refresh", "--date", DATE)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and expected in errors[0] and "http://127.0.0.1:" in errors[0], result.stderr
    assert tree_hashes(project) == before
    assert not (project / "build" / "refresh").exists()


def test_failed_staged_build_changes_nothing(project, online):
    """Downloads succeed, the rebuild in the stage fails (here: a register that does not
    validate, which stops the build before any notebook runs): nothing may change."""
    claims = project / "data" / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    assert ",vwn-letter-2026-02-02" in text, "test setup: the letter's source id is not in data/claims.csv"
    claims.write_text(text.replace(",vwn-letter-2026-02-02", ",no-such-source", 1), encoding="utf-8")
    before = tree_hashes(project)
    result = run_cli(project, "refresh", "--date", DATE, "--only", "eurostat")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "ERROR: staged build: rebuilding with the new data failed, nothing was changed" in result.stderr
    assert "no-such-source" in result.stderr
    assert tree_hashes(project) == before
    assert not (project / "build" / "refresh").exists()


def test_bad_date_is_refused_before_anything_is_done():
    with pytest.raises(InputError, match="'2026-13-01' is not a date YYYY-MM-DD"):
        refresh.refresh("2026-13-01", config=refresh.HttpConfig(unhcr_api="http://127.0.0.1:9/",
                                                                eurostat_api="http://127.0.0.1:9/"))
