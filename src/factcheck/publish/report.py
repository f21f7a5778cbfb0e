"""The static report: one self-contained HTML file (images inline, no network requests),
switchable between English and Dutch, rendered from templates/report.html.j2.

The template autoescapes every value, so every text from the letter or a source stays text; the
JSON-LD in its <script> element goes through `script_json` instead (JSON's own escapes, see
claimreview.SCRIPT_ESCAPES). This module only gathers the values: the page is in the template,
its English and Dutch labels in texts.toml."""
import base64
import json
from functools import cache

import jinja2
import pandas as pd
from markupsafe import Markup

from . import claimreview
from ..core.project import project
from ..core.text import Text
from ..rules import RULES as OLD_RULES
from ..rules import VOCABULARY
from ..rules.judge import RULES as JUDGE_RULES
from .overview import COLOURS
from .readme import number
from .texts import group, texts

TEMPLATE = "report.html.j2"
# Verdict colours dark enough to need white badge text.
DARK = frozenset({"definition-dependent", "misleading", "inaccurate", "unverifiable", "overstated", "understated"})


@jinja2.pass_eval_context
def _entities(eval_ctx, value):
    """Autoescape as the report has always written it: MarkupSafe spells " and ' as &#34; and &#39;,
    the report (like html.escape) as &quot; and &#x27;. Jinja calls this on each {{ value }} before
    autoescaping it, so the value is escaped here, with that spelling, only when autoescape is on;
    values already marked safe (the macros' output, `script_json`) pass unchanged."""
    if not eval_ctx.autoescape or hasattr(value, "__html__"):
        return value
    escaped = str(Markup.escape(str(value)))
    return Markup(escaped.replace("&#34;", "&quot;").replace("&#39;", "&#x27;"))


def _script_json(items) -> Markup:
    """`items` as JSON safe inside a <script> element: <, >, &, U+2028, U+2029 as \\uXXXX escapes."""
    return Markup(claimreview.script_json(items))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("factcheck.publish", "templates"), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined, finalize=_entities)
    env.filters["script_json"] = _script_json
    env.filters["number"] = number
    return env


def _images(name: str) -> list:
    """The chart's English and Dutch previews, inline as data: URLs, with their alt texts."""
    out = []
    for lang in ("en", "nl"):
        png = project().figures / name / f"{name}.{lang}.preview.png"
        meta = project().figures / name / f"{name}.{lang}.json"
        if not png.exists():
            continue
        alt = json.loads(meta.read_text(encoding="utf-8")).get("alt", name) if meta.exists() else name
        out.append({"lang": lang, "name": name, "alt": alt,
                    "data": base64.b64encode(png.read_bytes()).decode("ascii")})
    return out


def _http_url(url) -> str | None:
    """The URL when it is http(s); None for a javascript:, data: or relative link from a register,
    which the report then shows as text, never as a link."""
    url = str(url).strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def _sources(ids: str, register: pd.DataFrame) -> list:
    return [{"id": source_id, "url": _http_url(row["url"]), "title": str(row["title"]),
             "publisher": row["publisher"], "date": row["date_published"]}
            for source_id in ids.split(";") if source_id for row in [register.loc[source_id]]]


def _rule(name: str):
    """The rule, by name, with its text (the verdict table names it; the engine holds the text)."""
    return next((r for r in list(JUDGE_RULES.values()) + list(OLD_RULES.values()) if r.name == name), None)


def render(claims: pd.DataFrame, table: pd.DataFrame, sources: pd.DataFrame, records: list) -> str:
    """`table` is the verdict table: a row per claim (part "") and per claim part."""
    table = table.fillna({"part": ""})
    parts = table[table["part"] != ""]
    rows = table[table["part"] == ""].merge(claims[["claim_id", "quote_nl", "fragment_nl", "claim_en"]], on="claim_id")
    register = sources.set_index("source_id")

    def details(r) -> dict:
        return dict(conclusion=Text(r.conclusion_en, r.conclusion_nl), why=Text(r.why_en, r.why_nl),
                    reading=Text(r.reading_en, r.reading_nl), rule_applied=_rule(r.rule_name))

    shown = [dict(r._asdict(), **details(r),
                  parts=[dict(p._asdict(), **details(p)) for p in parts[parts["claim_id"] == r.claim_id].itertuples()],
                  figures=[image for name in str(r.figures).split(";") if name for image in _images(name)],
                  sources=_sources(r.source_ids, register))
             for r in rows.itertuples(index=False)]
    return environment().get_template(TEMPLATE).render(
        ui=group("report"), not_checked=texts()["not_checked"], rows=shown, records=records,
        overview=_images("verdict-counts"), verdicts=VOCABULARY, colours=COLOURS, dark=DARK,
        labels={key: Text(v.label_en, v.label_nl) for key, v in VOCABULARY.items()})
