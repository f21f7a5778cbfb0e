"""Register texts that look like HTML stay text: in the report (its elements, attributes, links
and embedded JSON-LD), in the README's generated tables, and in a real browser."""
import csv
import io
import json
import re

import pytest

from conftest import run_cli

from factcheck.publish import claimreview, readme, report
from factcheck.core.project import project as the_project
from factcheck.publish.outputs import date_published
from factcheck.core.registers import load_claims, load_sources
from factcheck.publish.verdicts import assemble_verdicts

# "<!--<script>" puts the HTML parser of a <script> element in its "double escaped" state, where
# the real "</script>" no longer ends the element: the rest of the page becomes script text.
EVIL = '<script>alert(1)</script> <!--<script> <img src=x onerror=alert(1)> & \u2028'
BAD_URL = "javascript:alert(1)"
LETTER = "vwn-letter-2026-02-02"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def injected():
    """Claims, verdict table and sources with EVIL in a claim text, the letter's title (which the
    ClaimReview repeats), a conclusion and a unit, and a javascript: URL on another source."""
    claims, sources = load_claims(), load_sources()
    table = assemble_verdicts(write=False)
    claim_id = table.loc[table["status"] == "checked", "claim_id"].iloc[0]
    claims.loc[claims["claim_id"] == claim_id, "claim_en"] = f"claim {EVIL}"
    sources.loc[sources["source_id"] == LETTER, "title"] = f"letter {EVIL}"
    row = table["claim_id"] == claim_id
    table.loc[row, ["conclusion_en", "unit"]] = [f"conclusion {EVIL}", f"unit {EVIL}"]
    other = next(s for s in table.loc[row, "source_ids"].iloc[0].split(";") if s and s != LETTER)
    sources.loc[sources["source_id"] == other, "url"] = BAD_URL
    records = claimreview.records(claims, table, sources, date_published())
    return claims, table, sources, records, claim_id


@pytest.fixture(scope="module")
def html(injected):
    claims, table, sources, records, _ = injected
    return report.render(claims, table, sources, records)


def test_report_shows_register_html_as_text_only(html):
    assert html.count("<script") == 2 and html.count("</script>") == 2    # JSON-LD and the language switch
    for raw in ("<!--", "<img src=x", "alert(1)</script>", "onerror=alert(1)>"):
        assert raw not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;!--&lt;script&gt; &lt;img src=x onerror=alert(1)&gt; &amp;"
    for text in ("claim", "letter", "conclusion", "unit"):
        assert f"{text} {escaped}" in html


def test_report_links_only_http_urls(html):
    assert BAD_URL not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("https://", "http://", "#", "../figures/")) for h in hrefs), hrefs


def test_embedded_jsonld_parses_and_keeps_the_texts(html, injected):
    records = injected[3]
    scripts = JSONLD.findall(html)
    assert len(scripts) == 1
    assert not re.search("[<>&\u2028\u2029]", scripts[0])     # nothing the HTML parser acts on
    assert json.loads(scripts[0]) == records                  # the same strings once decoded
    assert records[0]["claimReviewed"] == f"claim {EVIL}"
    assert records[0]["itemReviewed"]["appearance"][0]["headline"] == f"letter {EVIL}"


def test_standalone_claimreview_file_is_plain_json(injected):
    records = injected[3]
    text = claimreview.dumps(records)
    assert json.loads(text) == records and f"claim {EVIL}" in text


def test_readme_verdict_table_has_no_html_from_the_registers(injected):
    table = injected[1].copy()
    table.loc[table["claim_id"] == injected[4], "conclusion_en"] = f"{EVIL} a | b\nc"
    text = readme.render((the_project().root / "README.md").read_text(encoding="utf-8"), readme.sections(table))
    section = re.search(r"<!-- begin:verdicts -->\n(.*?)<!-- end:verdicts -->", text, re.S).group(1)
    assert "<" not in section and ">" not in section                       # no HTML at all, only entities
    assert "&lt;!--&lt;script&gt; &lt;img src=x onerror=alert(1)&gt; &amp;" in section
    row = next(line for line in section.splitlines() if line.startswith(f"| {injected[4]} |"))
    assert r"a \| b c" in row and row.count(" | ") == 7                  # one row, eight cells
    assert text.count("<!--") == the_project().readme_file.read_text(encoding="utf-8").count("<!--")   # only the markers


def test_readme_gallery_escapes_chart_texts(tmp_path, monkeypatch):
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.en.png").write_bytes(b"")
    (folder / "evil.en.json").write_text(json.dumps({"alt": f'alt " {EVIL}', "title": f"title {EVIL}"}))
    monkeypatch.setattr(the_project(), "figures", tmp_path)
    gallery = readme.gallery_markdown()
    assert gallery.count("<img") == 1 and gallery.count("<a ") == 1 and "<script" not in gallery
    assert "<!--" not in gallery and 'alt="alt &quot; &lt;script&gt;' in gallery


def test_javascript_url_in_a_source_is_refused(project):
    register = project / "data" / "sources" / "national-policy.csv"
    text = register.read_text(encoding="utf-8")
    url = next(csv.DictReader(io.StringIO(text)))["url"]
    assert url.startswith("https://") and text.count(url) == 1, "test setup: national-policy.csv's first URL is not unique"
    register.write_text(text.replace(url, BAD_URL, 1), encoding="utf-8")
    result = run_cli(project, "validate")
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "national-policy.csv" in errors[0] and "column 'url'" in errors[0], result.stderr
    assert "is not an http(s) URL" in errors[0]


def test_report_with_register_html_is_not_blank_in_chromium(html, injected, tmp_path):
    from test_report import LAUNCH_ARGS, _chromium

    playwright = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    page_file = tmp_path / "report" / "index.html"
    page_file.parent.mkdir()
    page_file.write_text(html, encoding="utf-8")
    errors = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        assert page.locator("table#verdicts").is_visible() and page.locator("h1 .t-en").is_visible()
        assert page.locator("#verdicts tbody tr").count() == (injected[1]["part"].fillna("") == "").sum()   # one row per claim
        assert page.evaluate("document.scripts.length") == 2
        assert page.evaluate("document.querySelectorAll('img[src=x], [onerror]').length") == 0
        assert EVIL.split(" &")[0] in page.locator(f"section#{injected[4]} > p > span:not([lang])").inner_text()
        jsonld = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)")
        assert jsonld == injected[3]
        page.click("#lang-nl")                                    # the page's own script still runs
        assert page.evaluate("document.body.className") == "nl"
        browser.close()
    assert errors == []
