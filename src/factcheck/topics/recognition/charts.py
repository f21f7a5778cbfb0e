"""The topic's charts: the rate for applicants from Türkiye (Bulgaria against the EU) and the
decision outcomes per year in Hungary and Croatia. Every string comes from texts.toml."""
import pandas as pd

from ...core import charts, text
from ...core.countries import country_name
from ...core.text import Text
from .data import LATEST, texts

LANGS = ("en", "nl")


def and_list(items) -> Text:
    """'a, b and c' / 'a, b en c' from strings that are the same in both languages."""
    items = [str(i) for i in items]
    if len(items) == 1:
        return Text(items[0], items[0])
    return texts()["list.and"].format(first=", ".join(items[:-1]), last=items[-1])


def _source(vintage: str) -> Text:
    return texts()["chart.source"].format(vintage=vintage)


def turkiye_chart_data(rates: pd.DataFrame, series) -> pd.DataFrame:
    """The chart's data: one row per series and year."""
    data = rates[rates["coa_iso"].isin(list(series))][
        ["coa_iso", "year", "numerator", "rest", "rate", "rate_low", "rate_high", "levels"]].copy()
    data["series"] = [country_name(c, "en") for c in data["coa_iso"]]
    for column in ("rate", "rate_low", "rate_high"):
        data[column] = data[column].round(2)
    order = {code: i for i, code in enumerate(series)}
    data["order"] = data["coa_iso"].map(order)
    data = data.sort_values(["order", "year"], kind="stable").drop(columns="order")
    return data.rename(columns={"numerator": "positive", "rest": "rejected"}).reset_index(drop=True)


def export_turkiye_chart(rates: pd.DataFrame, destinations, claims: dict, vintage: str = LATEST,
                         name: str = "recognition-turkiye-bulgaria-eu") -> list:
    """Line chart: total protection rate for applicants from Türkiye, Bulgaria (with its range)
    against the EU-27 without Bulgaria and the main destinations; the letter's figures as marks."""
    T = texts()
    series = ["BGR", "EU27_EXCL_BGR"] + list(destinations)
    data = turkiye_chart_data(rates, series)
    colours = [charts.PALETTE[c] for c in ("green", "yellow", "light", "grey", "red")]
    labels = {lang: {code: country_name(code, lang, code) for code in series} for lang in LANGS}

    def draw(ax, lang):
        names = labels[lang]
        for i, code in enumerate(destinations):
            part = data[data["coa_iso"] == code]
            ax.plot(part["year"], part["rate"], color=colours[i % len(colours)], linewidth=1.2,
                    label=names.get(code, code))
        eu = data[data["coa_iso"] == "EU27_EXCL_BGR"]
        ax.fill_between(eu["year"], eu["rate_low"], eu["rate_high"], color=charts.PALETTE["navy"], alpha=0.2,
                        linewidth=0)
        ax.plot(eu["year"], eu["rate"], color=charts.PALETTE["navy"], linewidth=2.2, label=names["EU27_EXCL_BGR"])
        bg = data[data["coa_iso"] == "BGR"]
        decided = bg["positive"] + bg["rejected"] > 0        # no band where no substantive decision is shown
        ax.fill_between(bg["year"], bg["rate_low"].where(decided), bg["rate_high"].where(decided),
                        color=charts.PALETTE["blue"], alpha=0.18,
                        linewidth=0, label=T["chart.turkiye.bulgaria_range"][lang])
        ax.plot(bg["year"], bg["rate"], color=charts.PALETTE["blue"], linewidth=2.2, marker="o", markersize=4,
                label=T["chart.turkiye.bulgaria_shown"][lang])
        years, values = zip(*sorted(claims.items()))
        ax.scatter(years, values, marker="X", s=60, color=charts.PALETTE["red"], zorder=5,
                   label=T["chart.turkiye.letter"][lang])
        ax.set_ylim(0, 128)                                   # room above 100% for the legend
        ax.set_yticks(range(0, 101, 20))
        ax.set_xlim(2014.6, 2025.4)
        ax.set_xticks(range(2015, 2026))
        ax.set_ylabel(T["chart.turkiye.ylabel"][lang])
        ax.legend(loc="upper center", ncol=4, fontsize=7.2, bbox_to_anchor=(0.5, 1.02))

    eu = data[data["coa_iso"] == "EU27_EXCL_BGR"].set_index("year")["rate"]
    bg = data[data["coa_iso"] == "BGR"].set_index("year")
    eu24 = f"{eu[2024]:.0f}"
    subtitle = T["chart.turkiye.subtitle"].format(eu24=eu24, low=f"{bg.loc[2024, 'rate_low']:.0f}",
                                                  high=f"{bg.loc[2024, 'rate_high']:.0f}")
    destinations_text = Text(", ".join(labels["en"][c] for c in destinations),
                             ", ".join(labels["nl"][c] for c in destinations))
    alt = T["chart.turkiye.alt"].format(eu24=eu24, destinations=destinations_text)
    source = Text.join([_source(vintage), T["chart.letter_source"]], "")
    chart_texts = {lang: charts.ChartText(T["chart.turkiye.title"][lang], subtitle[lang], source[lang],
                                          T["chart.turkiye.note"][lang], alt[lang]) for lang in LANGS}
    return charts.export_chart(name, draw, chart_texts, data, claim_ids=["C06", "C07", "C08"])


def outcomes_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    columns = ["year"] + [f"{n}{s}" for n in ("recognized", "other", "rejected", "closed", "granted")
                          for s in ("", "_low", "_high")] + ["levels"]
    return table[columns].reset_index(drop=True)


def export_outcomes_chart(table: pd.DataFrame, texts_by_lang: dict, name: str, claim_ids,
                          vintage: str = LATEST) -> list:
    """Grouped bars per year: refugee status, other protection, rejected (persons), with the
    range each shown count allows; symmetric-log scale so that small and large years both show.
    texts_by_lang: lang -> (title, subtitle, note, alt)."""
    T = texts()
    data = outcomes_chart_data(table)
    parts = (("recognized", "blue", "chart.outcomes.refugee"), ("other", "green", "chart.outcomes.other"),
             ("rejected", "red", "chart.outcomes.rejected"))

    def draw(ax, lang):
        width = 0.26
        for i, (column, colour, key) in enumerate(parts):
            x = data["year"] + (i - 1) * width
            shown = data[column]
            err = [shown - data[f"{column}_low"], data[f"{column}_high"] - shown]
            ax.bar(x, shown, width=width, color=charts.PALETTE[colour], label=T[key][lang])
            ax.errorbar(x, shown, yerr=err, fmt="none", ecolor="#333333", elinewidth=0.8, capsize=1.5)
        top = max(30.0, 4.0 * float(data[["recognized_high", "other_high", "rejected_high"]].max().max()))
        ax.set_yscale("symlog", linthresh=10)
        ticks = [t for t in (0, 5, 10, 100, 1000, 10000) if t <= top]
        ax.set_yticks(ticks)
        ax.set_yticklabels([text.number(t, lang) for t in ticks])
        ax.set_ylim(0, top)
        ax.set_xticks(list(data["year"]))
        ax.set_ylabel(T["chart.outcomes.ylabel"][lang])
        ax.legend(loc="upper right", ncol=3, fontsize=7.5)

    source = _source(vintage)
    chart_texts = {lang: charts.ChartText(title, subtitle, source[lang], note, alt)
                   for lang, (title, subtitle, note, alt) in texts_by_lang.items()}
    return charts.export_chart(name, draw, chart_texts, data, claim_ids=list(claim_ids))


def export_hungary_chart(hu: pd.DataFrame, since: int = 2023, name: str = "recognition-hungary-outcomes") -> list:
    """Hungary's outcomes (from `rates.outcomes_by_year`, FI and FA)."""
    T = texts()
    granted = hu.loc[(hu["year"] >= since) & (hu["recognized_low"] > 0), "year"].tolist()
    subtitle = T["chart.hungary.subtitle"].format(years=and_list(granted))
    by_lang = {lang: (T["chart.hungary.title"][lang], subtitle[lang], T["chart.hungary.note"][lang],
                      T["chart.hungary.alt"][lang]) for lang in LANGS}
    return export_outcomes_chart(hu, by_lang, name, ["C09"])


def export_croatia_chart(hr: pd.DataFrame, name: str = "recognition-croatia-outcomes") -> list:
    """Croatia's outcomes at first instance (from `rates.outcomes_by_year`, FI)."""
    T = texts()
    by_year = hr.set_index("year")
    peak = int(by_year["recognized"].max())
    peak_years = by_year.index[by_year["recognized"] == peak]
    subtitle = T["chart.croatia.subtitle"].format(g24=str(int(by_year.loc[2024, "granted"])),
                                                  g25=str(int(by_year.loc[2025, "granted"])))
    alt = T["chart.croatia.alt"].format(peak=str(peak), peak_when=and_list(peak_years),
                                        r25=str(int(by_year.loc[2025, "recognized"])))
    by_lang = {lang: (T["chart.croatia.title"][lang], subtitle[lang], T["chart.croatia.note"][lang], alt[lang])
               for lang in LANGS}
    return export_outcomes_chart(hr, by_lang, name, ["C10"])
