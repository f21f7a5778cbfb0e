"""What the overview notebook shows: the register with status and verdict, and counts."""
import pandas as pd

from ..core import charts
from ..core.registers import TOPICS, load_claims
from ..core.text import LANGS, Text
from ..rules import VOCABULARY
from .texts import group, texts
from .verdicts import assemble_verdicts, headlines


def register_with_verdicts() -> pd.DataFrame:
    """Each claim with its status and verdict, as data/verdicts.csv records them."""
    claims = load_claims()
    table = headlines(assemble_verdicts())
    merged = claims[["claim_id", "topic", "fragment_nl", "claim_en", "notebook"]].merge(
        table[["claim_id", "status", "verdict", "claimed_value", "checked_value", "unit"]], on="claim_id")
    return merged


def verdict_counts(register: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic and verdict; unchecked claims count as 'not-yet-checked'."""
    keyed = register.assign(verdict=register["verdict"].where(register["status"] == "checked", "not-yet-checked"))
    counts = keyed.pivot_table(index="topic", columns="verdict", values="claim_id", aggfunc="count", fill_value=0)
    order = [key for key in list(VOCABULARY) + ["not-yet-checked"] if key in counts.columns]
    topics = [topic for topic in TOPICS if topic in counts.index]
    return counts.loc[topics, order]


def _label(key: str) -> Text:
    """A verdict's name in the chart legend, in English and Dutch."""
    if key == "not-yet-checked":
        return texts()["not_checked"]
    verdict = VOCABULARY[key]
    return Text(verdict.label_en, verdict.label_nl)


COLOURS = {"accurate": "#00B398", "accurate-needs-context": "#8EBEFF", "outdated": "#E1CC0D",
           "definition-dependent": "#0072BC", "overstated": "#EF4A60", "understated": "#EF4A60",
           "misleading": "#18375F", "inaccurate": "#B0001E", "unverifiable": "#999999",
           "not-yet-checked": "#DDDDDD"}


def export_verdict_chart(counts: pd.DataFrame) -> list:
    """Stacked bars: claims per topic by verdict, in English and Dutch (wording in texts.toml)."""
    checked = int(counts.drop(columns=["not-yet-checked"], errors="ignore").to_numpy().sum())
    total = int(counts.to_numpy().sum())
    # Looked up here, not inside draw: the chart's fingerprint covers what draw closes over.
    wording, topics = group("chart"), group("topic")
    names = [topics[t] for t in counts.index]
    labels = {key: _label(key) for key in counts.columns}
    axis = wording["axis"]

    def draw(ax, lang):
        left = pd.Series(0, index=counts.index)
        for key in counts.columns:
            ax.barh([name[lang] for name in names], counts[key], left=left, color=COLOURS[key],
                    label=labels[key][lang])
            left = left + counts[key]
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_xlabel(axis[lang])
        ax.legend(loc="lower right", fontsize=7.5)

    note = wording["note_partial" if checked < total else "note"]
    subtitle = wording["subtitle"].format(checked=checked, total=total)
    alt = wording["alt"].format(checked=checked, total=total)
    texts_by_lang = {lang: charts.ChartText(wording["title"][lang], subtitle[lang], wording["source"][lang],
                                            note[lang], alt[lang]) for lang in LANGS}
    data = counts.reset_index()
    return charts.export_chart("verdict-counts", draw, texts_by_lang, data, claim_ids=[])
