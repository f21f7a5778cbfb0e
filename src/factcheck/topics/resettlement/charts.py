"""The topic's three charts (needs against pledges, EU-27 arrivals against pledges, Dutch
arrivals against the quota): their data tables and their export in English and Dutch, drawn
with `core.charts`; every title, note, label and legend entry comes from `texts.toml`."""
import math

import pandas as pd
from matplotlib.ticker import FuncFormatter

from ...core import charts, text
from .data import EU_TURKEY_YEAR, FIG_EU, FIG_NEEDS, FIG_NL
from .texts import concat, n, say, texts


def _chart_texts(key: str, subtitle, source=None) -> dict:
    """{lang: ChartText} from `chart.<key>.*`, with the computed subtitle (and source line)."""
    parts = [texts()[f"chart.{key}.title"], subtitle, source or texts()[f"chart.{key}.source"],
             texts()[f"chart.{key}.note"], texts()[f"chart.{key}.alt"]]
    return {lang: charts.ChartText(*(p[lang] for p in parts)) for lang in ("en", "nl")}


def _unhcr_source(key: str, vintage: str):
    return concat(say("chart.source_unhcr", vintage=vintage), texts()[f"chart.{key}.source"])


def needs_vs_pledges_data(table: pd.DataFrame, pledges: dict) -> pd.DataFrame:
    """Chart data: annual need (published figure) and EU pledges per year (combined
    resettlement + humanitarian admission), with pledges as a share of need.

    pledges: {year: pledge per year}."""
    rows = []
    for row in table.itertuples(index=False):
        pledge = pledges.get(row.need_year, math.nan)
        rows.append({"year": row.need_year, "need": row.value, "need_edition": row.edition,
                     "eu_pledge_per_year": pledge,
                     "pledge_share_pct": round(100 * pledge / row.value, 2) if pledge == pledge else math.nan})
    for year in sorted(set(pledges) - set(table["need_year"])):
        rows.append({"year": year, "need": math.nan, "need_edition": math.nan, "eu_pledge_per_year": pledges[year],
                     "pledge_share_pct": math.nan})
    return pd.DataFrame(rows)


def export_needs_vs_pledges(data: pd.DataFrame) -> list:
    """Bars: UNHCR's projected annual need against the EU's annual pledges."""
    t = texts()

    def draw(ax, lang):
        years = data["year"].tolist()
        ax.bar([y - 0.2 for y in years], data["need"].fillna(0) / 1e6, width=0.4, color=charts.PALETTE["light"],
               label=t["chart.needs.need"][lang])
        ax.bar([y + 0.2 for y in years], data["eu_pledge_per_year"].fillna(0) / 1e6, width=0.4,
               color=charts.PALETTE["navy"], label=t["chart.needs.pledges"][lang])
        for row in data.itertuples(index=False):
            if row.eu_pledge_per_year == row.eu_pledge_per_year:
                share = "" if row.pledge_share_pct != row.pledge_share_pct else (
                    "\n" + text.percent(row.pledge_share_pct, lang, 1, group=False))
                ax.annotate(text.number(row.eu_pledge_per_year, lang) + share,
                            (row.year + 0.2, row.eu_pledge_per_year / 1e6), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                            color=charts.PALETTE["navy"])
        ax.set_xticks(years)
        ax.set_ylabel(t["chart.needs.axis"][lang])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: text.number(v, lang, 1, group=False)))
        ax.set_ylim(0, 3.3)
        ax.legend(loc="upper left")
    shares = data.dropna(subset=["pledge_share_pct"])
    last, first = shares.iloc[-1], shares.iloc[0]
    subtitle = say("chart.needs.subtitle", first=n(first.pledge_share_pct, 1), first_year=int(first.year),
                   last=n(last.pledge_share_pct, 1), last_year=int(last.year))
    return charts.export_chart(FIG_NEEDS, draw, _chart_texts("needs", subtitle), data,
                               claim_ids=["C01", "C02", "C03", "C04"])


def eu_arrivals_vs_pledges_data(table: pd.DataFrame, per_year: dict) -> pd.DataFrame:
    """Chart data: EU-27 arrivals per year with the pledges per year (years with a pledge
    but no arrivals yet are added with empty arrivals).

    per_year: {column name: {year: value}}."""
    years = sorted(set(table["year"].astype(int)) | {y for values in per_year.values() for y in values})
    arrivals_by_year = dict(zip(table["year"].astype(int), table["eu27"]))
    data = pd.DataFrame({"year": years,
                         "eu27": pd.array([arrivals_by_year.get(y, pd.NA) for y in years], dtype="Int64")})
    for column, values in per_year.items():
        data[column] = [values.get(y, math.nan) for y in years]
    return data


def export_eu_arrivals_vs_pledges(data: pd.DataFrame, vintage: str, focus_year: int = 2024) -> list:
    """Bars: EU-27 resettlement arrivals; markers: what was pledged per year."""
    t = texts()
    styles = {"pledge_combined_per_year": ("o", charts.PALETTE["navy"]),
              "pledge_resettlement_per_year": ("s", charts.PALETTE["red"]),
              "target_resettlement": ("D", charts.PALETTE["green"])}

    def draw(ax, lang):
        ax.bar(data["year"], data["eu27"].astype("float64").fillna(0), color=charts.PALETTE["light"],
               label=t["chart.eu.arrivals"][lang])
        for column, (marker, colour) in styles.items():
            if column in data:
                ax.plot(data["year"], data[column], marker=marker, linestyle="none", color=colour, markersize=6,
                        label=t[f"chart.eu.{column}"][lang])
        ax.set_xticks(data["year"][::2])
        ax.set_ylabel(t["chart.people_per_year"][lang])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: text.number(v, lang)))
        ax.legend(loc="upper left", fontsize=7.5)
    focus = data.set_index("year").loc[focus_year]
    subtitle = say("chart.eu.subtitle", year=focus_year, arrived=n(int(focus["eu27"])),
                   target=n(float(focus["target_resettlement"])))
    return charts.export_chart(FIG_EU, draw, _chart_texts("eu", subtitle, _unhcr_source("eu", vintage)), data,
                               claim_ids=["C02", "C03"])


def export_nl_arrivals_vs_quota(data: pd.DataFrame, vintage: str) -> list:
    """Stacked bars: Dutch arrivals (Syria / other origins) against the quota line."""
    t = texts()

    def draw(ax, lang):
        years = data["year"].astype(int)
        syria = data["syria"].astype("float64").fillna(0)
        other = data["other"].astype("float64").fillna(0)
        ax.bar(years, other, color=charts.PALETTE["light"], label=t["chart.quota.other"][lang])
        ax.bar(years, syria, bottom=other, color=charts.PALETTE["blue"], label=t["chart.quota.syria"][lang])
        ax.step(years, data["quota_low"], where="mid", color=charts.PALETTE["red"], linewidth=1.8,
                label=t["chart.quota.quota"][lang])
        high = data["quota_high"].where(data["quota_high"] != data["quota_low"])
        ax.step(years, high, where="mid", color=charts.PALETTE["red"], linewidth=1.2, linestyle="--",
                label=t["chart.quota.quota_nos"][lang])
        for year in years[data["total"].isna()]:
            ax.annotate(t["chart.quota.no_data"][lang], (year, 30), ha="center", va="bottom",
                        rotation=90, fontsize=7, color="#666666")
        ax.annotate(t["chart.quota.eu_turkey"][lang], (2016, 2300),
                    xytext=(2005.5, 2150), fontsize=7.5, color="#333333",
                    arrowprops={"arrowstyle": "->", "color": "#999999"})
        ax.set_ylabel(t["chart.people_per_year"][lang])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: text.number(v, lang)))
        ax.legend(loc="upper left", fontsize=7.5)
    recent = data[(data["year"] >= 1987) & (data["year"] < EU_TURKEY_YEAR) & data["total"].notna()]
    below = int((recent["total"] < recent["quota_low"]).sum())
    later = data[(data["year"] >= EU_TURKEY_YEAR) & data["total"].notna()]
    above = int((later["total"] > later["quota_high"]).sum())
    subtitle = say("chart.quota.subtitle", below=below, recent=len(recent), above=above, later=len(later))
    return charts.export_chart(FIG_NL, draw, _chart_texts("quota", subtitle, _unhcr_source("quota", vintage)), data,
                               claim_ids=["C05"])
