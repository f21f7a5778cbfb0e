"""The topic's two charts, in English and Dutch: the reference key by Member State (solidarity-key)
and the Dutch share of each pool against the letter's numbers (solidarity-nl-share). Every title,
label, note and legend entry comes from texts.toml (chart.*)."""
import pandas as pd

from ...core import charts
from ...core.countries import country_name
from ...core.text import LANGS
from ...core.text import Text
from ...rules import ABOUT, claim_band
from .compare import nl_people
from .data import EUROSTAT, NETHERLANDS, POOL_AGREED
from .key import POPULATION_WEIGHT
from .settings import Inputs, Settings
from .wording import date, number, percent, t


def source_line(settings: Settings) -> Text:
    """The chart source line for the key's data source."""
    return t("chart.source.eurostat" if settings.key_source == EUROSTAT else "chart.source.worldbank")


def _chart_text(prefix: str, **values) -> dict:
    """charts.ChartText per language from texts.toml chart.<prefix>.{title,subtitle,source,note,alt}."""
    parts = {name: values.pop(name) if name in values else t(f"chart.{prefix}.{name}", **values)
             for name in ("title", "subtitle", "source", "note", "alt")}
    return {lang: charts.ChartText(*(parts[name][lang] for name in ("title", "subtitle", "source", "note", "alt")))
            for lang in LANGS}


def key_chart_data(key: pd.DataFrame) -> pd.DataFrame:
    """The key chart's data: one row per Member State, percentages rounded to 3 decimals."""
    data = key[["iso3", "country", "population_share", "gdp_share", "key"]].copy()
    for column in ("population_share", "gdp_share", "key"):
        data[column.replace("share", "pct") if column != "key" else "key_pct"] = (100 * data[column]).round(3)
    return data[["iso3", "country", "population_pct", "gdp_pct", "key_pct"]]


def export_key_chart(key: pd.DataFrame, settings: Settings, name: str = "solidarity-key") -> list:
    """Bars: the reference key by Member State, the Netherlands highlighted, in English and Dutch."""
    data = key_chart_data(key)
    nl = data[data["iso3"] == NETHERLANDS].iloc[0]
    rank = int(data.index[data["iso3"] == NETHERLANDS][0]) + 1
    states = len(data)
    ordered = data.iloc[::-1]
    labels = {lang: [country_name(r.iso3, lang, r.country) for r in ordered.itertuples()] for lang in LANGS}
    xlabel = t("chart.key.xlabel")
    share = percent(nl["key_pct"])

    def draw(ax, lang):
        colours = [charts.PALETTE["blue"] if iso == NETHERLANDS else charts.PALETTE["light"] for iso in ordered["iso3"]]
        ax.barh(labels[lang], ordered["key_pct"], color=colours, height=0.72)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.tick_params(axis="y", labelsize=6.3)
        ax.set_ylim(-0.6, len(ordered) - 0.4)
        position = list(ordered["iso3"]).index(NETHERLANDS)
        ax.text(nl["key_pct"] + 0.3, position, share[lang], va="center", fontsize=7.5,
                color=charts.PALETTE["navy"], fontweight="bold")
        ax.set_xlabel(xlabel[lang])

    texts = _chart_text("key", source=source_line(settings), key=share, population_weight=percent(100 * POPULATION_WEIGHT, 0),
                        gdp_weight=percent(100 * (1 - POPULATION_WEIGHT), 0), rank=str(rank), states=str(states),
                        population=percent(nl["population_pct"], 1), gdp=percent(nl["gdp_pct"], 1),
                        group=t(f"group.{settings.group}"), population_year=str(settings.population_year),
                        gdp_year=str(settings.gdp_year))
    return charts.export_chart(name, draw, texts, data, claim_ids=["C11", "C12"], left=0.16)


def share_chart_data(inputs: Inputs, settings: Settings, claims: pd.DataFrame) -> pd.DataFrame:
    """For each claim: the claimed value and band, the Dutch share under the settings and its range
    over the defensible variants, for the pool the claim is read against."""
    rows = []
    for claim_id in ("C11", "C12"):
        claim = claims[claims["claim_id"] == claim_id].iloc[0]
        pool = inputs.pool(settings.pools[claim_id])
        band = claim_band(float(claim["claimed_value"]), claim["qualifier"])
        values = [nl_people(inputs, v, pool["pool_id"]) for v in inputs.variants(settings, defensible_only=True)]
        rows.append({"claim_id": claim_id, "claimed_text": claim["claimed_text"],
                     "claimed_value": float(claim["claimed_value"]), "band_low": band[0], "band_high": band[1],
                     "pool_id": pool["pool_id"], "pool_relocations": pool["relocations"],
                     "pool_year": "" if pool["year"] is None else pool["year"],
                     "nl_share": round(nl_people(inputs, settings, pool["pool_id"])),
                     "nl_low": round(min(values)), "nl_high": round(max(values))})
    return pd.DataFrame(rows)


def export_share_chart(data: pd.DataFrame, settings: Settings, inputs: Inputs, claims: pd.DataFrame,
                       name: str = "solidarity-nl-share") -> list:
    """The Dutch share of each pool against the letter's numbers and their 'about' bands."""
    about = percent(100 * ABOUT, 0)
    legend = {key: t(f"chart.share.legend.{key}", about=about) for key in ("band", "share", "claim")}
    xlabel = t("chart.share.xlabel")
    ticks = []
    for row in data.itertuples():
        pool = (t("chart.share.pool_year", year=str(row.pool_year)) if row.pool_year != ""
                else t("chart.share.pool_minimum"))
        ticks.append(t("chart.share.tick", claim_id=row.claim_id, pool=pool, relocations=number(row.pool_relocations)))

    def draw(ax, lang):
        positions = list(range(len(data)))[::-1]
        first = positions[0]
        for y, row in zip(positions, data.itertuples()):
            ax.fill_betweenx([y - 0.32, y + 0.32], row.band_low, row.band_high, color=charts.PALETTE["yellow"],
                             alpha=0.35, linewidth=0, label=legend["band"][lang] if y == first else None)
            ax.barh(y, row.nl_share, height=0.36, color=charts.PALETTE["blue"],
                    label=legend["share"][lang] if y == first else None)
            ax.errorbar(row.nl_share, y, xerr=[[row.nl_share - row.nl_low], [row.nl_high - row.nl_share]],
                        fmt="none", ecolor=charts.PALETTE["navy"], capsize=3, linewidth=1)
            ax.plot([row.claimed_value] * 2, [y - 0.32, y + 0.32], color=charts.PALETTE["red"], linewidth=2,
                    label=legend["claim"][lang] if y == first else None)
            ax.text(row.nl_share * 0.5, y, number(row.nl_share)[lang], va="center", ha="center", color="white",
                    fontsize=8, fontweight="bold")
        ax.set_yticks(positions, [tick[lang] for tick in ticks], fontsize=8)
        ax.set_xlim(0, max(data["band_high"].max(), data["nl_high"].max()) * 1.12)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_xlabel(xlabel[lang])
        ax.set_ylim(-0.55, len(data) - 0.1)
        ax.legend(loc="upper right", fontsize=7.5, ncol=3)

    c11, c12 = data.iloc[0], data.iloc[1]
    source = t("chart.share.source", key_source=source_line(settings),
               agreed=date(inputs.date(POOL_AGREED), short=True))
    texts = _chart_text("share", source=source, c11_share=number(c11["nl_share"]),
                        c11_pool=number(c11["pool_relocations"]), c11_year=str(c11["pool_year"]),
                        c11_period=str(claims.loc[claims["claim_id"] == "C11", "period"].iloc[0]), about=about,
                        c11_claimed=number(c11["claimed_value"], group=False),
                        c12_claimed=number(c12["claimed_value"], group=False),
                        c12_share=number(c12["nl_share"]), c12_pool=number(c12["pool_relocations"]),
                        group=t(f"group.{settings.group}"), population_year=str(settings.population_year),
                        gdp_year=str(settings.gdp_year))
    return charts.export_chart(name, draw, texts, data, claim_ids=["C11", "C12"], left=0.2)
