"""Generated parts of README.md, between <!-- begin:NAME --> and <!-- end:NAME --> markers."""
import json
import re
from functools import partial
from html import escape

import pandas as pd

from ..core import text
from ..core.project import project
from ..core.files import atomic_write_text, read_csv_strict
from ..rules import VOCABULARY
from ..rules.judge import RULES
from ..rules.standards import SITUATIONS, STANDARDS
from .texts import texts


def _markdown_table(frame: pd.DataFrame, html: bool = False) -> str:
    """A Markdown table. GitHub renders raw HTML in Markdown, so cell texts are HTML-escaped
    (`<`, `>`, `&`) unless `html` says the cells are HTML built here (the gallery, whose texts are
    escaped where it is built); `|` is escaped and line breaks are folded in every cell."""
    def cell(value):
        text = " ".join(str(value).splitlines())
        return (text if html else escape(text, quote=False)).replace("|", "\\|")
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def legend_markdown() -> str:
    return _markdown_table(pd.DataFrame([
        {"verdict": f"`{v.key}`", "English": v.label_en, "Nederlands": v.label_nl,
         "rating": "-" if v.rating is None else v.rating, "rule": v.rule_en} for v in VOCABULARY.values()]))


def standards_markdown() -> str:
    """The editorial standards, the rules that apply them and the precedents (rules/standards.py)."""
    lines = [f"**{s.id} {s.name}.** {s.text}\n" for s in STANDARDS]
    rules = _markdown_table(pd.DataFrame([{"rule": f"`{r.id}`", "name": r.name, "standard": r.standard, "text": r.text}
                                          for r in RULES.values()]))
    precedents = _markdown_table(pd.DataFrame([
        {"situation": f"`{s.id}`", "standard": s.standard, "when": s.text, "verdict": f"`{s.verdict}`"}
        for s in SITUATIONS.values()]))
    return ("\n".join(lines) + "\n**The rules** (`src/factcheck/rules/judge.py`), each applying a standard:\n\n" + rules
            + "\n\n**Precedents** (`tests/test_consistency.py` asserts that every claim and part in a situation "
              "gets its verdict):\n\n" + precedents)


# A figure in the verdict table (README and report): thousands separated, at most two decimals, blank
# when missing.
number = partial(text.number, lang="en", decimals=2, trim=True, missing="")


def verdicts_markdown(table: pd.DataFrame) -> str:
    """One row per claim and per claim part ("C03a"), with the rule by name and the standard it applies."""
    table = table.fillna({"part": "", "rule_name": "", "standard": ""})
    shown = table.assign(claim_id=table["claim_id"] + table["part"],
                         verdict=[f"{row.label_en} / {row.label_nl}" if row.status == "checked" else "not yet checked"
                                  for row in table.itertuples()],
                         rule=[f"{row.rule_name} ({row.standard})" if row.standard else "" for row in table.itertuples()],
                         claimed_value=table["claimed_value"].map(number),
                         checked_value=table["checked_value"].map(number))
    shown = shown[["claim_id", "claimed_value", "checked_value", "unit", "verdict", "rule", "conclusion_en", "notebook"]]
    return _markdown_table(shown)


def gallery_markdown() -> str:
    """Every chart's English PNG as a thumbnail linking to its folder (Dutch, SVG, PDF, CSV)."""
    cells = []
    for png in sorted(project().figures.glob("*/*.en.png")):
        name = png.parent.name
        meta = json.loads(png.with_name(f"{name}.en.json").read_text(encoding="utf-8"))
        folder = escape(name)
        cells.append(f'<a href="figures/{folder}/"><img src="figures/{folder}/{folder}.en.preview.png" width="300" '
                     f'alt="{escape(meta["alt"])}"></a><br>{escape(meta["title"])}')
    cells += [""] * (len(cells) % 2)
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    return _markdown_table(pd.DataFrame(rows, columns=["", ""]), html=True) if rows else "(no charts yet)"


def updates_markdown() -> str:
    """The verdicts that moved (data/updates.csv, written by tools/verdict_updates.py), newest first."""
    if not project().updates_file.exists():
        return "(none recorded in data/updates.csv yet; the earlier entries follow)"
    updates = read_csv_strict(project().updates_file)
    out = []
    for (date, note), rows in reversed(list(updates.groupby(["date", "note"], sort=True))):
        label = {k: v.label_en for k, v in VOCABULARY.items()}
        table = pd.DataFrame([{"claim": r.claim_id + r.part, "before": label.get(r.before, "(new part)"),
                               "after": label[r.after], "standard": r.standard, "rule": r.rule_name}
                              for r in rows.itertuples()])
        out.append(f"- **{date}.** {note}\n\n" + _markdown_table(table))
    return "\n\n".join(out)


def sections(table: pd.DataFrame) -> dict:
    return {"standards": standards_markdown(), "legend": legend_markdown(), "verdicts": verdicts_markdown(table),
            "gallery": gallery_markdown(), "updates": updates_markdown()}


def render(text: str, parts: dict) -> str:
    for name, body in parts.items():
        pattern = re.compile(rf"(<!-- begin:{name} -->\n).*?(<!-- end:{name} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README.md has no <!-- begin:{name} --> ... <!-- end:{name} --> markers")
        text = pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    return text


def update(table: pd.DataFrame) -> bool:
    """Rewrite the generated README sections; return True when something changed."""
    current = project().readme_file.read_text(encoding="utf-8")
    new = render(current, sections(table))
    if new != current:
        atomic_write_text(project().readme_file, new)
    return new != current
