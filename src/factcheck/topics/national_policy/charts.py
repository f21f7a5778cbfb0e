"""The topic's charts: the C14 procedure timeline, the C15 temporary-protection stock and the two
C20 host-country rankings. Every title, label and note comes from texts.toml."""
import matplotlib.ticker as ticker
import pandas as pd

from ...core import charts, text
from ...core.text import LANGS
from .data import SLUG, tx
from .procedure import PAPER_BAR, PRACTICE_BARS, bar_label, practice_wait_text, practice_weeks_text
from .protection import _as_date, chart_points, tp_basis, tp_dates, tp_title_subject

PROCEDURE_CHART = f"{SLUG}-procedure-timeline"
TP_CHART = f"{SLUG}-tp-stock"
HOSTS_TOTAL_CHART = f"{SLUG}-hosts-total"
HOSTS_PER_CAPITA_CHART = f"{SLUG}-hosts-per-capita"

SEGMENT_COLOURS = {"rest and preparation": "#8EBEFF", "general procedure": "#0072BC", "decision period": "#999999",
                   "extension 2022-2025": "#CCCCCC",
                   "wait for first interview": "#EF4A60", "then wait for second interview": "#18375F"}


def _chart_text(key: str, lang: str, **values) -> charts.ChartText:
    """The ChartText of chart `key` in one language: its title, subtitle, source, note and alt
    templates in texts.toml filled with `values` (a `Text` value gives each language its wording)."""
    parts = [tx(f"chart.{key}.{part}").format(**values)[lang] for part in ("title", "subtitle", "source", "note", "alt")]
    return charts.ChartText(*parts)


def export_procedure_chart(data: pd.DataFrame, durations: pd.DataFrame, name: str = PROCEDURE_CHART) -> list:
    """Horizontal timeline, in weeks: the procedure on paper against the legal decision periods and
    the published waiting times (C14)."""
    primary = durations[durations["key"] == PAPER_BAR].iloc[0]
    paper_days = (int(primary["calendar_days_low"]), int(primary["calendar_days_high"]))
    bars = list(dict.fromkeys(data["bar"]))

    def draw(ax, lang):
        seen = set()
        for y, bar in enumerate(bars):
            rows = data[data["bar"] == bar]
            for row in rows.itertuples(index=False):
                label = getattr(row, f"segment_{lang}")
                ax.barh(y, row.length_weeks, left=row.start_weeks, height=0.6,
                        color=SEGMENT_COLOURS[row.segment_en], hatch="//" if row.qualifier == "almost" else None,
                        edgecolor="white", linewidth=0.5, label=None if label in seen else label)
                seen.add(label)
            ax.text(rows["end_weeks"].max() + 1.5, y, bar_label(rows, lang), va="center", fontsize=8, color="#333333")
        ax.axvline(2, color="#EF4A60", linestyle="--", linewidth=1)
        ax.text(2.8, -0.5, tx("chart.procedure.two_weeks")[lang], color="#EF4A60", fontsize=8, va="bottom")
        ax.set_yticks(range(len(bars)))
        ax.set_yticklabels([tx(f"chart.procedure.bar.{b}")[lang] for b in bars])
        ax.set_ylim(len(bars) - 0.5, -0.8)
        ax.set_xlim(0, data["end_weeks"].max() * 1.35)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.set_xlabel(tx("chart.procedure.xlabel")[lang])
        ax.legend(loc="upper right", fontsize=7, ncol=2)

    def both(function):
        return text.Text(*(function(lang) for lang in LANGS))
    waits = [both(lambda lang, bar=bar: practice_wait_text(data, bar, lang)) for bar, _ in PRACTICE_BARS]
    weeks = [text.Text(en, nl) for en, nl in zip(practice_weeks_text(data, "en"), practice_weeks_text(data, "nl"))]
    aa = int(durations.loc[durations["key"] == "aa", "working_days"].iloc[0])
    values = dict(low=paper_days[0], high=paper_days[1], rvt=int(primary["working_days"]) - aa, aa=aa, wait_1=waits[0], wait_2=waits[1],
                  weeks_1=weeks[0], weeks_2=weeks[1],
                  paper_weeks=text.in_both(text.number, data[data["bar"] == "paper"]["end_weeks"].max(), decimals=1),
                  standard=text.in_both(text.number, data[(data["bar"] == "legal")]["end_weeks"].max()),
                  extended=text.in_both(text.number, data[(data["bar"] == "legal-extended")]["end_weeks"].max()))
    texts = {lang: _chart_text("procedure", lang, **values) for lang in LANGS}
    return charts.export_chart(name, draw, texts, data, claim_ids=["C14"], left=0.27)


def export_tp_chart(series: pd.DataFrame, cohorts: pd.DataFrame, timeline: pd.DataFrame, name: str = TP_CHART) -> list:
    """Bars of the Dutch temporary-protection stock at each date of `chart_points(series)`, each
    labelled with the years until the end date for someone who had arrived by then (C15). The
    source line and note follow `tp_basis(series)` (published figures or the Eurostat extract)."""
    basis = tp_basis(series)
    series = chart_points(series)
    dates = tp_dates(timeline)
    c2022 = cohorts[cohorts["arrival_year"] == 2022].iloc[0]
    end_2022 = series[series["date"] == "2022-12-31"].iloc[0]
    latest = series.iloc[-1]

    def month_label(d, lang):
        return text.date(_as_date(d), lang, day=False, short=True)

    def draw(ax, lang):
        xs = list(range(len(series)))
        top = float(series["value"].max())
        ax.bar(xs, series["value"], color=charts.PALETTE["blue"], width=0.6)
        for x, row in zip(xs, series.itertuples(index=False)):
            ax.text(x, row.value + top * 0.02,
                    f"{text.number(row.value, lang)}\n{text.number(row.years_to_end, lang, 1)} "
                    f"{tx('chart.tp.years_to_end')[lang]}",
                    ha="center", va="bottom", fontsize=8, color="#333333")
        ax.set_xticks(xs)
        ax.set_xticklabels([month_label(d, lang) for d in series["date"]])
        ax.set_ylim(0, top * 1.3)
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: text.number(v, lang)))
        ax.set_ylabel(tx("chart.tp.ylabel")[lang])

    def both(function, *args, **kwargs):
        return text.in_both(function, *args, **kwargs)

    # "little change since" only when the end-2022 stock is within 10% of the latest one
    little_change = abs(float(end_2022["share_of_latest"]) - 1) <= 0.10
    latest_month = both(lambda lang: month_label(latest["date"], lang))
    since = tx("chart.tp.since.little") if little_change else tx("chart.tp.since.latest").format(
        value=both(text.number, round(float(latest["value"]), -4)), month=latest_month)
    values = dict(
        subject=tp_title_subject(series), rounded=both(text.number, round(float(end_2022["value"]), -4)), since=since,
        end=both(text.date, dates["end"]), low=both(text.number, c2022["years_at_end_low"], decimals=1),
        high=both(text.number, c2022["years_at_end_high"], decimals=1),
        end_2022=both(text.number, end_2022["value"]),
        share=both(text.number, end_2022["share_of_latest"] * 100), latest_month=latest_month,
        basis_source=basis["chart_source"], who=basis["who"], points=len(series),
        first_month=both(lambda lang: month_label(series["date"].iloc[0], lang)),
        values=text.Text(*(", ".join(text.number(v, lang) for v in series["value"]) for lang in LANGS)),
        years=text.Text(*(", ".join(text.number(v, lang, 1) for v in series["years_to_end"]) for lang in LANGS)))
    texts = {lang: _chart_text("tp", lang, **values) for lang in LANGS}
    return charts.export_chart(name, draw, texts, series, claim_ids=["C15"])


def export_hosts_chart(data: pd.DataFrame, name: str, unassigned: float = 0.0) -> list:
    """Ranked horizontal bars: the top countries by total or per 1,000 inhabitants, the named
    countries highlighted (and appended below the cut with their rank) (C20)."""
    measure = data["measure"].iloc[0]
    year = int(data["year"].iloc[0])
    pop_year = int(data["population_year"].iloc[0])
    cut = int(data.loc[~data["shown_below_cut"], "rank"].max())
    positions = [i + (0.8 if below else 0.0) for i, below in enumerate(data["shown_below_cut"])]

    def draw(ax, lang):
        colours = [charts.PALETTE["red"] if named else charts.PALETTE["light"] for named in data["named"]]
        ax.barh(positions, data["value"], color=colours, height=0.7)
        names = data[f"name_{lang}"]
        ax.set_yticks(positions)
        ax.set_yticklabels([f"{r}. {n}" for r, n in zip(data["rank"], names)])
        ax.invert_yaxis()
        top = float(data["value"].max())
        for y, value in zip(positions, data["value"]):
            label = text.number(value / 1e6, lang, 2) + tx("chart.hosts.million_suffix")[lang] \
                if measure == "total" else text.number(value, lang, 1)
            ax.text(value + top * 0.01, y, label, va="center", fontsize=7.5, color="#333333")
        ax.set_xlim(0, top * 1.15)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        if measure == "total":
            ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: text.number(v / 1e6, lang, 1)))
        ax.set_xlabel(tx(f"chart.hosts.xlabel.{measure}")[lang])
        if data["shown_below_cut"].any():
            ax.axhline(len(data[~data["shown_below_cut"]]) - 0.1, color="#999999", linewidth=0.6, linestyle=":")

    named_rows = data[data["named"]].sort_values("rank")
    ranks = text.Text(*(", ".join(f"{getattr(row, f'name_{lang}')} {row.rank}" for row in named_rows.itertuples())
                        for lang in LANGS))
    unknown = tx("chart.hosts.unassigned").format(count=text.in_both(text.number, unassigned)) if unassigned \
        else text.EMPTY
    values = dict(what=tx(f"chart.hosts.what.{measure}"), year=year, pop_year=pop_year, cut=cut, ranks=ranks,
                  unassigned=unknown)
    texts = {lang: _chart_text("hosts", lang, **values) for lang in LANGS}
    return charts.export_chart(name, draw, texts, data, claim_ids=["C20"], left=0.22)
