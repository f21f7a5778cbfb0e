"""What the overview notebook shows: the register with status and verdict, and counts."""
import pandas as pd

from ..core import charts
from ..core.registers import TOPICS, load_claims
from ..rules import VOCABULARY
from .verdicts import assemble_verdicts, headlines

TOPIC_NL = {"resettlement": "hervestiging", "recognition": "erkenning", "solidarity": "solidariteit",
            "procedure": "procedure", "protection": "bescherming", "integration": "integratie",
            "research": "onderzoek", "context": "context"}
NOT_CHECKED = {"en": "not yet checked", "nl": "nog niet gecontroleerd"}


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


def _label(key: str, lang: str) -> str:
    if key == "not-yet-checked":
        return NOT_CHECKED[lang]
    verdict = VOCABULARY[key]
    return verdict.label_en if lang == "en" else verdict.label_nl


COLOURS = {"accurate": "#00B398", "accurate-needs-context": "#8EBEFF", "outdated": "#E1CC0D",
           "definition-dependent": "#0072BC", "overstated": "#EF4A60", "understated": "#EF4A60",
           "misleading": "#18375F", "inaccurate": "#B0001E", "unverifiable": "#999999",
           "not-yet-checked": "#DDDDDD"}


def export_verdict_chart(counts: pd.DataFrame) -> list:
    """Stacked bars: claims per topic by verdict, in English and Dutch."""
    checked = int(counts.drop(columns=["not-yet-checked"], errors="ignore").to_numpy().sum())
    total = int(counts.to_numpy().sum())

    def draw(ax, lang):
        left = pd.Series(0, index=counts.index)
        names = [t if lang == "en" else TOPIC_NL[t] for t in counts.index]
        for key in counts.columns:
            ax.barh(names, counts[key], left=left, color=COLOURS[key], label=_label(key, lang))
            left = left + counts[key]
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_xlabel("claims" if lang == "en" else "beweringen")
        ax.legend(loc="lower right", fontsize=7.5)

    texts = {
        "en": charts.ChartText(
            "Verdicts on the numbers in VluchtelingenWerk's letter of 2 February 2026",
            f"{checked} of {total} claims checked so far, by topic and verdict",
            "Source: factcheck project, data/verdicts.csv (verdicts from UNHCR, World Bank and published sources)",
            "Each verdict follows the written rule in the legend"
            + ("; light grey: not yet checked." if checked < total else "."),
            f"Horizontal stacked bar chart of {total} claims by topic, coloured by verdict; {checked} are checked."),
        "nl": charts.ChartText(
            "Oordelen over de cijfers in de brief van VluchtelingenWerk van 2 februari 2026",
            f"{checked} van de {total} beweringen tot nu toe gecontroleerd, per onderwerp en oordeel",
            "Bron: factcheckproject, data/verdicts.csv (oordelen op basis van UNHCR, Wereldbank en gepubliceerde bronnen)",
            "Elk oordeel volgt de geschreven regel in de legenda"
            + ("; lichtgrijs: nog niet gecontroleerd." if checked < total else "."),
            f"Horizontaal gestapeld staafdiagram van {total} beweringen per onderwerp, gekleurd naar oordeel; "
            f"{checked} zijn gecontroleerd."),
    }
    data = counts.reset_index()
    return charts.export_chart("verdict-counts", draw, texts, data, claim_ids=[])
