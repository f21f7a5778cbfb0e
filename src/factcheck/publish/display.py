"""A claim check as a notebook shows it: the verdict, the reading judged, the readings table, the
rule that fired, the checked value, the "why" paragraph and the conclusion in both languages, all
rendered from the `ClaimCheck`. The notebook cell's output is this text, so nbval guards every word:
when an input moves a verdict, the stored output no longer matches.
"""
from ..rules.claim import ClaimCheck
from ..rules.engine import num


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def readings_table(check: ClaimCheck) -> str:
    """The readings as a Markdown table (kind, label, range, published value, vintage, sources)."""
    if not check.readings:
        return ""
    lines = ["| kind | reading | low | high | published | vintage | sources |",
             "|---|---|---|---|---|---|---|"]
    for r in check.readings:
        published = "" if r.published is None else num(r.published)
        vintage = r.vintage + (f" ({r.vintage_date})" if r.vintage_date else "")
        lines.append("| " + " | ".join(_cell(v) for v in (r.kind, r.label, num(r.low), num(r.high), published,
                                                            vintage, ", ".join(r.source_ids))) + " |")
    return "\n".join(lines)


def render(check: ClaimCheck, lang: str = "en") -> str:
    """The check as Markdown, every sentence taken from the record."""
    rule = check.assessment.rule
    title = f"**{check.row_id} · {check.label[lang]}** (`{check.verdict}`)"
    out = [title]
    if check.words_nl:
        out.append(f"Words checked: *\u201c{check.words_nl}\u201d*")
    if check.reading[lang]:
        out.append(f"Reading judged: {check.reading[lang]}")
    if check.band is not None:
        out.append(f"Claim band: {num(check.band[0])} to {num(check.band[1])}")
    table = readings_table(check)
    if table:
        out.append(table)
    out.append(f"Rule: {rule.id} ({rule.name}). {rule.text}")
    out.append(f"Numbers: {check.assessment.detail}")
    for label, items in (("Checks", check.checks), ("Context", [c[lang] for c in check.context])):
        if items:
            out.append(f"{label}: " + "; ".join(items))
    if check.basis:
        out.append(f"Basis: {check.basis}")
    if check.value is not None:
        out.append(f"Checked value: {num(round(float(check.value), 6))}"
                   + (f" ({check.checked_from})" if check.checked_from else ""))
    later = check.since_then()
    if later:
        out.append("Since then: " + "; ".join(f"{r.label} ({r.vintage}, {r.vintage_date}): {r.shown()}"
                                              for r in later))
    if check.why[lang]:
        out.append(f"**Why.** {check.why[lang]}")
    out.append(f"**Conclusion.** {check.conclusion.en}")
    out.append(f"**Conclusie.** {check.conclusion.nl}")
    for part in check.parts:
        out.append(render(part, lang))
    return "\n\n".join(out)


class CheckView:
    """What `show` returns: Markdown in Jupyter, the same text as plain text (which nbval compares)."""

    def __init__(self, check: ClaimCheck, lang: str = "en"):
        self.check, self.text = check, render(check, lang)

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def show(check: ClaimCheck, lang: str = "en") -> CheckView:
    return CheckView(check, lang)
