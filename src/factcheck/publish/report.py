"""The static report: one self-contained HTML file (images inline, no network requests),
switchable between English and Dutch. Every text from the letter or a source is escaped."""
import base64
import json
from html import escape

import pandas as pd

from . import claimreview
from ..core.project import project
from .overview import COLOURS
from .readme import number
from ..rules import VOCABULARY

UI = {
    "title": ("Fact-check: the numbers in VluchtelingenWerk Nederland's letter of 2 February 2026",
              "Factcheck: de cijfers in de brief van VluchtelingenWerk Nederland van 2 februari 2026"),
    "intro": ("Each claim is quoted verbatim from the letter, checked against UNHCR and World Bank data and "
              "published sources, and given a verdict by a written rule. Everything here is generated from "
              "data/verdicts.csv by the project's code.",
              "Elke bewering is letterlijk geciteerd uit de brief, gecontroleerd met cijfers van UNHCR en de "
              "Wereldbank en gepubliceerde bronnen, en krijgt een oordeel volgens een vaste regel. Alles hier is "
              "gegenereerd uit data/verdicts.csv door de code van het project."),
    "table": ("Verdicts", "Oordelen"), "legend": ("Legend", "Legenda"), "claims": ("The claims", "De beweringen"),
    "claim": ("Claim", "Bewering"), "verdict": ("Verdict", "Oordeel"), "claimed": ("Claimed", "Bewering"),
    "checked": ("Checked", "Gecontroleerd"), "conclusion": ("Conclusion", "Conclusie"),
    "rule": ("How the verdict was reached", "Hoe het oordeel tot stand kwam"),
    "sources": ("Sources", "Bronnen"), "not_checked": ("not yet checked", "nog niet gecontroleerd"),
    "rating": ("rating (1-5)", "waardering (1-5)"), "meaning": ("rule", "regel"),
    "notebook": ("notebook", "notebook"), "paraphrase": ("In English", "In het Engels"),
}


def _both(key: str) -> str:
    en, nl = UI[key]
    return _pair(en, nl)


def _pair(en: str, nl: str) -> str:
    return (f'<span class="t-en" lang="en">{escape(str(en))}</span>'
            f'<span class="t-nl" lang="nl">{escape(str(nl))}</span>')


def _badge(key: str) -> str:
    if not key:
        return f'<span class="badge" style="background:{COLOURS["not-yet-checked"]}">{_both("not_checked")}</span>'
    verdict = VOCABULARY[key]
    dark = key in ("definition-dependent", "misleading", "inaccurate", "unverifiable", "overstated", "understated")
    return (f'<span class="badge{" dark" if dark else ""}" style="background:{COLOURS[key]}">'
            f'{_pair(verdict.label_en, verdict.label_nl)}</span>')


def _image(name: str) -> str:
    out = []
    for lang in ("en", "nl"):
        png = project().figures / name / f"{name}.{lang}.preview.png"
        meta = project().figures / name / f"{name}.{lang}.json"
        if not png.exists():
            continue
        alt = json.loads(meta.read_text(encoding="utf-8")).get("alt", name) if meta.exists() else name
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        out.append(f'<figure class="t-{lang}" lang="{lang}"><img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
                   f'<figcaption><a href="../figures/{escape(name)}/">{escape(name)}</a></figcaption></figure>')
    return "".join(out)


def _link(url: str, text: str) -> str:
    """`text` linked to `url` when that is an http(s) URL; otherwise the text alone, never a
    javascript:, data: or relative link from a register."""
    if str(url).strip().lower().startswith(("http://", "https://")):
        return f'<a href="{escape(str(url).strip())}">{escape(str(text))}</a>'
    return escape(str(text))


def _sources(ids: str, sources: pd.DataFrame) -> str:
    register = sources.set_index("source_id")
    items = []
    for source_id in [s for s in ids.split(";") if s]:
        row = register.loc[source_id]
        when = f", {escape(row['date_published'])}" if row["date_published"] else ""
        items.append(f'<li>{_link(row["url"], row["title"])} '
                     f'({escape(row["publisher"])}{when}) <code>{escape(source_id)}</code></li>')
    return "<ul>" + "".join(items) + "</ul>"


CSS = """
body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:980px;margin:0 auto;padding:1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem} h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
body.en .t-nl,body.nl .t-en{display:none}
nav button{font:inherit;padding:.3rem .8rem;border:1px solid #0072BC;background:#fff;color:#0072BC;cursor:pointer}
body.en #lang-en,body.nl #lang-nl{background:#0072BC;color:#fff}
table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{border-bottom:1px solid #eee;padding:.3rem;text-align:left;vertical-align:top}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.8rem;font-size:.85rem;color:#111;white-space:nowrap}
.badge.dark{color:#fff}
blockquote{border-left:4px solid #0072BC;margin:.5rem 0;padding:.2rem .8rem;background:#f5f9fc}
figure{margin:1rem 0} figure img{max-width:100%;height:auto;border:1px solid #eee}
section.claim{border-top:2px solid #0072BC;margin-top:2rem}
code{font-size:.8rem;color:#555} .rule{font-size:.85rem;color:#444;background:#fafafa;padding:.4rem}
"""
SCRIPT = """
function setLang(l){document.body.className=l;document.documentElement.lang=l;}
document.getElementById('lang-en').addEventListener('click',function(){setLang('en')});
document.getElementById('lang-nl').addEventListener('click',function(){setLang('nl')});
if(location.hash==='#nl'){setLang('nl')}
"""


def render(claims: pd.DataFrame, table: pd.DataFrame, sources: pd.DataFrame, records: list) -> str:
    rows = table.merge(claims[["claim_id", "quote_nl", "fragment_nl", "claim_en"]], on="claim_id")
    summary = "".join(
        f'<tr id="row-{escape(r.claim_id)}"><td><a href="#{escape(r.claim_id)}">{escape(r.claim_id)}</a></td>'
        f'<td lang="nl">{escape(r.fragment_nl)}</td><td>{_badge(r.verdict)}</td>'
        f'<td>{escape(number(r.claimed_value))} {escape(r.unit)}</td><td>{escape(number(r.checked_value))}</td>'
        f'<td>{_pair(r.conclusion_en, r.conclusion_nl)}</td></tr>' for r in rows.itertuples())
    legend = "".join(f"<tr><td>{_badge(v.key)}</td><td>{'-' if v.rating is None else v.rating}</td>"
                     f"<td>{escape(v.rule_en)}</td></tr>" for v in VOCABULARY.values())
    sections = []
    for r in rows.itertuples():
        figures = "".join(_image(name) for name in str(r.figures).split(";") if name)
        checked = (f"<p>{_both('claimed')}: {escape(number(r.claimed_value))} {escape(r.unit)} &middot; "
                   f"{_both('checked')}: {escape(number(r.checked_value))}"
                   + (f" ({escape(number(r.checked_low))} – {escape(number(r.checked_high))})"
                      if str(r.checked_low) not in ("", str(r.checked_high)) else "") + "</p>") \
            if r.status == "checked" else ""
        sections.append(
            f'<section class="claim" id="{escape(r.claim_id)}"><h3>{escape(r.claim_id)} {_badge(r.verdict)}</h3>'
            f'<blockquote lang="nl">{escape(r.quote_nl)}</blockquote>'
            f'<p><em>{_both("paraphrase")}:</em> <span>{escape(r.claim_en)}</span></p>{checked}'
            + (f'<p><strong>{_both("conclusion")}:</strong> {_pair(r.conclusion_en, r.conclusion_nl)}</p>'
               f'<details><summary>{_both("rule")}</summary><p class="rule">{escape(r.rule)}</p>'
               f'<p><code>notebooks/{escape(r.notebook)}.ipynb</code></p></details>' if r.status == "checked" else "")
            + figures + f'<h4>{_both("sources")}</h4>{_sources(r.source_ids, sources)}</section>')
    jsonld = claimreview.script_json(records)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(UI['title'][0])}</title><style>{CSS}</style>
<script type="application/ld+json">{jsonld}</script></head>
<body class="en"><nav><button id="lang-en" type="button">English</button> <button id="lang-nl" type="button">Nederlands</button></nav>
<h1>{_both('title')}</h1><p>{_both('intro')}</p>
{_image('verdict-counts')}
<h2>{_both('table')}</h2>
<table id="verdicts"><thead><tr><th>id</th><th>{_both('claim')}</th><th>{_both('verdict')}</th><th>{_both('claimed')}</th><th>{_both('checked')}</th><th>{_both('conclusion')}</th></tr></thead>
<tbody>{summary}</tbody></table>
<h2>{_both('legend')}</h2><table id="legend"><tbody>{legend}</tbody></table>
<h2>{_both('claims')}</h2>{''.join(sections)}
<footer><p>Code MIT, data CC BY 4.0 (UNHCR, World Bank); see DATA-LICENCE.md.</p></footer>
<script>{SCRIPT}</script></body></html>
"""
