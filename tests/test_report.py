"""The report and ClaimReview records: current, valid, escaped, and working in a real browser."""
import os
import shutil
from pathlib import Path

import jinja2
import pandas as pd
import pytest

from factcheck.publish import claimreview, report, texts
from factcheck.core.project import project as the_project
from factcheck.publish.outputs import date_published
from factcheck.core.registers import load_claims, load_sources
from factcheck.publish.verdicts import assemble_verdicts, headlines

ARTIFACTS = the_project().root / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]


def _rendered():
    claims, sources = load_claims(), load_sources()
    table = assemble_verdicts(write=False)
    records = claimreview.records(claims, headlines(table), sources, date_published())
    return claims, table, sources, records


def test_committed_report_and_claimreview_are_current():
    claims, table, sources, records = _rendered()
    assert the_project().report_file.read_text(encoding="utf-8") == report.render(claims, table, sources, records), \
        "report/index.html is stale: run `make`"
    assert the_project().claimreview_file.read_text(encoding="utf-8") == claimreview.dumps(records)


def test_every_checked_claim_has_a_valid_claimreview():
    claims, table, sources, records = _rendered()
    checked = set(table.loc[table["status"] == "checked", "claim_id"])
    assert {item["url"].split("#")[1] for item in records} == checked
    for item in records:
        assert claimreview.problems(item) == [], item["url"]
        assert item["itemReviewed"]["author"]["name"] == "VluchtelingenWerk Nederland"
        assert item["itemReviewed"]["datePublished"] == "2026-02-02"


def test_claimreview_validation_catches_missing_fields():
    _, table, sources, _ = _rendered()
    claim = {"claim_id": "C99", "claim_en": "x", "quote_nl": "y"}
    row = {"verdict": "accurate", "conclusion_en": "z"}
    letter = {"url": "https://example.org", "title": "t"}
    good = claimreview.record(claim, row, letter, "2026-11-29")
    assert claimreview.problems(good) == []
    bad = dict(good, claimReviewed="", reviewRating={"ratingValue": 9, "bestRating": 5, "worstRating": 1})
    assert set(claimreview.problems(bad)) >= {"claimReviewed", "reviewRating.alternateName",
                                               "reviewRating.ratingValue out of scale"}


# The template autoescapes every value; quotes keep the entities the report always had (&quot; &#x27;).
@pytest.mark.parametrize("column, text, raw, shown", [
    ("quote_nl", '<script>alert("x")</script> & "quotes"', '<script>alert("x")</script>',
     "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;"),
    ("claim_en", "claim with <b>bold</b> & 'quote'", "<b>bold</b>",
     "<span>claim with &lt;b&gt;bold&lt;/b&gt; &amp; &#x27;quote&#x27;</span>"),
])
def test_report_escapes_text_from_letter_and_sources(column, text, raw, shown):
    claims, table, sources, records = _rendered()
    claims = claims.copy()
    claims.loc[0, column] = text
    html = report.render(claims, table, sources, records)
    assert raw not in html and shown in html


def test_template_refuses_a_missing_variable(monkeypatch):
    with pytest.raises(jinja2.UndefinedError):
        report.environment().from_string("<p>{{ nothing }}</p>").render()
    # a label missing from texts.toml stops the report rather than leaving a blank heading
    shown = texts.group("report")
    monkeypatch.setattr(report, "group", lambda prefix: {k: v for k, v in shown.items() if k != "sources"})
    with pytest.raises(jinja2.UndefinedError, match="sources"):
        report.render(*_rendered())


def _chromium():
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is required in CI (`make browser` installs it)")
    pytest.skip("no chromium on this machine: run `make browser` to install it")


def test_report_in_headless_chromium():
    playwright = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    errors, requests = [], []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(the_project().report_file.as_uri())
        assert errors == []
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        images = page.evaluate("Array.from(document.images).map(i => [i.complete, i.naturalWidth])")
        assert images and all(done and width > 0 for done, width in images)
        for claim_id in load_claims(check_letter=False)["claim_id"]:
            assert page.locator(f"section#{claim_id}").count() == 1
            assert page.locator(f"#row-{claim_id}").count() == 1
        assert page.locator("h1 .t-en").is_visible() and not page.locator("h1 .t-nl").is_visible()
        page.click("#lang-nl")
        assert page.evaluate("document.body.className") == "nl"
        assert page.locator("h1 .t-nl").is_visible() and not page.locator("h1 .t-en").is_visible()
        page.screenshot(path=str(ARTIFACTS / "report-nl.png"), full_page=False)
        page.click("#lang-en")
        assert page.locator("h1 .t-en").is_visible()
        page.screenshot(path=str(ARTIFACTS / "report-en.png"), full_page=False)
        browser.close()
    assert errors == []


def test_the_report_shows_why_reading_rule_and_parts():
    """What issue 13 asks readers to see, per claim and part: the reading judged, the checked value's
    source and evidence date, the rule by name with its text, the why, the parts and "since then"."""
    claims, table, sources, records = _rendered()
    first = table.index[table["status"] == "checked"][0]
    claim_id = table.loc[first, "claim_id"]
    table = table.copy()
    table.loc[first, ["reading_en", "reading_nl", "why_en", "why_nl", "rule_name", "evidence_date", "since_then"]] = [
        "READING-EN", "LEZING-NL", "WHY-EN", "WAAROM-NL", "Within the claim's band", "2025-06-24", "LATER-DATA"]
    part = table.loc[first].copy()
    part[["part", "words_nl", "conclusion_en"]] = ["a", "WOORDEN", "PART-CONCLUSION"]
    table = pd.concat([table.loc[:first], part.to_frame().T, table.loc[first + 1:]], ignore_index=True)
    html = report.render(claims, table, sources, records)
    for piece in ("READING-EN", "LEZING-NL", "WHY-EN", "WAAROM-NL", "Within the claim&#x27;s band", "(S5,",
                  "2025-06-24", "LATER-DATA", f'id="{claim_id}a"', "WOORDEN", "PART-CONCLUSION"):
        assert piece in html, piece
    assert html.count(f'<section class="claim" id="{claim_id}">') == 1     # a part is not a claim of its own
