"""Claim C20: where Lebanon, Pakistan and Kenya rank among refugee-hosting countries.

Counts by country of asylum come from UNHCR's `population` table (refugees under UNHCR's
mandate, and other people in need of international protection, `oip`) and its separate `unrwa`
table (Palestine refugees under UNRWA's mandate, in Jordan, Lebanon, Syria and the State of
Palestine). Per-inhabitant figures divide by the World Bank's mid-year population.
"""
import pandas as pd

from .core import text
from .core.countries import country_name

# Which counts make up "refugees" under each definition (columns of `host_counts`).
DEFINITIONS = {
    "refugees": ("refugees",),
    "refugees+oip": ("refugees", "oip"),
    "refugees+oip+unrwa": ("refugees", "oip", "unrwa"),
}
PRIMARY = "refugees+oip+unrwa"
NO_COUNTRY = ("UNK",)   # UNHCR's "Unknown" country of asylum: counted, but hosted by no country we can rank
NAMED = ("LBN", "PAK", "KEN")

def host_counts(population: pd.DataFrame, unrwa: pd.DataFrame, year: int) -> pd.DataFrame:
    """Refugees, oip and UNRWA-mandate Palestine refugees by country of asylum in one year.

    Sums over countries of origin; missing values count as zero. Rows with no country of asylum
    (`NO_COUNTRY`) are dropped here; `unassigned_unrwa` reports them.
    """
    pop = population[population["year"] == year]
    if pop.empty:
        raise ValueError(f"the population table has no rows for {year}")
    counts = pop.groupby("coa_iso")[["refugees", "oip"]].sum(min_count=0).astype("float64").fillna(0.0)
    names = pop.drop_duplicates("coa_iso").set_index("coa_iso")["coa_name"]
    un = unrwa[unrwa["year"] == year]
    un_counts = un.groupby("coa_iso")["total"].sum().astype("float64")
    un_names = un.drop_duplicates("coa_iso").set_index("coa_iso")["coa_name"]
    table = counts.join(un_counts.rename("unrwa"), how="outer").fillna(0.0)
    table["name"] = names.combine_first(un_names).reindex(table.index)
    table = table.drop(index=[c for c in NO_COUNTRY if c in table.index])
    table.index.name = "coa_iso"
    return table[["name", "refugees", "oip", "unrwa"]].sort_index()


def unassigned_unrwa(unrwa: pd.DataFrame, year: int) -> float:
    """UNRWA-mandate refugees whose host is recorded as unknown (not ranked)."""
    rows = unrwa[(unrwa["year"] == year) & (unrwa["coa_iso"].isin(NO_COUNTRY))]
    return float(rows["total"].sum())


def population_year(year: int, wb_population: pd.DataFrame) -> int:
    """The World Bank year used for `year`: the same year, or the latest available before it."""
    available = sorted(int(y) for y in wb_population["year"].unique() if int(y) <= year)
    if not available:
        raise ValueError(f"no World Bank population for {year} or earlier")
    return available[-1]


def rank_desc(values: pd.Series) -> pd.Series:
    """Rank 1 = largest; ties share the best rank; missing values get no rank."""
    return values.rank(ascending=False, method="min").astype("Int64")


def host_table(population: pd.DataFrame, unrwa: pd.DataFrame, wb_population: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every host country with its count and rank under each definition, in total and per 1,000
    inhabitants (World Bank population of `population_year(year)`; countries without a World Bank
    population get no per-inhabitant rank)."""
    table = host_counts(population, unrwa, year)
    pop_year = population_year(year, wb_population)
    wb = wb_population[wb_population["year"] == pop_year].set_index("iso3")["value"]
    table["population"] = wb.reindex(table.index).astype("float64")
    table["population_year"] = pop_year
    for key, columns in DEFINITIONS.items():
        total = table[list(columns)].sum(axis=1)
        table[f"total:{key}"] = total
        table[f"rank_total:{key}"] = rank_desc(total.where(total > 0))
        per = (total / table["population"] * 1000).where(total > 0)
        table[f"per_1000:{key}"] = per
        table[f"rank_per_1000:{key}"] = rank_desc(per)
    table["year"] = year
    return table


def named_ranks(table: pd.DataFrame, isos=NAMED) -> pd.DataFrame:
    """The named countries' totals and ranks under every definition (long format)."""
    rows = []
    for iso in isos:
        for key in DEFINITIONS:
            rows.append({"year": int(table["year"].iloc[0]), "coa_iso": iso, "name": table.at[iso, "name"],
                         "definition": key, "total": int(table.at[iso, f"total:{key}"]),
                         "rank_total": int(table.at[iso, f"rank_total:{key}"]),
                         "per_1000": round(float(table.at[iso, f"per_1000:{key}"]), 1),
                         "rank_per_1000": int(table.at[iso, f"rank_per_1000:{key}"]),
                         "hosts_ranked": int(table[f"rank_total:{key}"].notna().sum())})
    return pd.DataFrame(rows)


def combine_examples(counts) -> object:
    """A statement about several named examples: True when every example counts, "partly" when
    some do, False when none do (the same logic as `recognition.combine_years` for C08)."""
    counts = [bool(c) for c in counts]
    if not counts:
        raise ValueError("no named examples to combine")
    if all(counts):
        return True
    return "partly" if any(counts) else False


def check_named(ranks: pd.DataFrame, top: int = 10):
    """The rule for "countries like Lebanon, Pakistan or Kenya ... now host the most refugees".

    "The countries that host the most refugees" is read as UNHCR's Global Trends reads it: the
    top 10 host countries, in either of its two framings, by number or per inhabitant. A named
    example counts ('top') when its best rank (by number or per 1,000 inhabitants) is at most
    `top` in every row of `ranks` (years, definitions), and is 'outside' otherwise. The statement
    holds (True) when every example counts, holds "partly" (for `rules.assess_statement`:
    misleading) when some but not all count, and is False when none counts.
    Returns (holds, evidence, context, status table); the evidence names the examples that do
    and do not count with their rank ranges, the context lists each example outside the top.
    """
    frame = ranks.assign(best=ranks[["rank_total", "rank_per_1000"]].min(axis=1))
    status_rows = []
    for iso, group in frame.groupby("coa_iso", sort=False):
        worst_best = int(group["best"].max())
        status_rows.append({"coa_iso": iso, "name": group["name"].iloc[0],
                            "rank_total_range": text.number_range(group["rank_total"].min(),
                                                                  group["rank_total"].max(), group=False),
                            "rank_per_1000_range": text.number_range(group["rank_per_1000"].min(),
                                                                     group["rank_per_1000"].max(), group=False),
                            "worst_best_rank": worst_best, "status": "top" if worst_best <= top else "outside"})
    status = pd.DataFrame(status_rows)
    holds = combine_examples(status["status"] == "top")

    def ranks_text(row):
        return f"ranks {row.rank_total_range} by number and {row.rank_per_1000_range} per inhabitant"

    inside = [f"{row.name} ({ranks_text(row)})" for row in status.itertuples() if row.status == "top"]
    outside = [f"{row.name} ({ranks_text(row)})" for row in status.itertuples() if row.status != "top"]
    evidence = (f"rule: every named example in the top {top} by number or per inhabitant in every year and "
                f"definition -> holds; some but not all -> partly; none -> does not hold; "
                f"{len(inside)} of {len(status)} count: "
                f"in the top {top}: {', '.join(inside) if inside else 'none'}; "
                f"outside the top {top}: {', '.join(outside) if outside else 'none'}")
    context = [f"{row.name} is not in the top {top}: {ranks_text(row)}"
               for row in status.itertuples() if row.status != "top"]
    return holds, evidence, context, status


def ranked_above(table: pd.DataFrame, iso: str, measure: str, definition: str) -> list:
    """The countries ranked above `iso` by `measure` ('total' or 'per_1000') under `definition`,
    best first, as display names (English)."""
    rank = f"rank_{measure}:{definition}"
    own = table.at[iso, rank]
    above = table[table[rank].notna() & (table[rank] < own)].sort_values([rank, "name"], kind="stable")
    return [country_name(i, "en", n) for i, n in zip(above.index, above["name"])]


def unrwa_by_host(unrwa: pd.DataFrame, years) -> pd.DataFrame:
    """UNRWA-mandate refugees by country of asylum (rows, `NO_COUNTRY` included) and year (columns),
    summed over origins; zero where a host has no row in a year."""
    rows = unrwa[unrwa["year"].isin(list(years))]
    table = rows.pivot_table(index="coa_iso", columns="year", values="total", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=sorted(years), fill_value=0).astype("int64")
    table.columns = [int(c) for c in table.columns]
    table.columns.name = None
    return table.sort_index()


def ranked_chart_data(table: pd.DataFrame, measure: str, definition: str = PRIMARY, n: int = 15,
                      named=NAMED) -> pd.DataFrame:
    """The top `n` countries by `measure` ('total' or 'per_1000'), plus any named country below
    them (marked `shown_below_cut`), with ranks, for a ranked bar chart."""
    if measure not in ("total", "per_1000"):
        raise ValueError(f"measure must be 'total' or 'per_1000', got {measure!r}")
    value = f"{measure}:{definition}"
    rank = f"rank_{measure}:{definition}"
    ranked = table[table[rank].notna()].sort_values([rank, "name"], kind="stable")
    top_rows = ranked[ranked[rank] <= n]
    extra = ranked[ranked.index.isin(named) & (ranked[rank] > n)]
    out = pd.concat([top_rows, extra])
    data = pd.DataFrame({
        "coa_iso": out.index, "name_en": [country_name(i, "en", nm) for i, nm in zip(out.index, out["name"])],
        "name_nl": [country_name(i, "nl", nm) for i, nm in zip(out.index, out["name"])],
        "rank": out[rank].astype(int).values,
        "value": out[value].round(1 if measure == "per_1000" else 0).values,
        "named": out.index.isin(named), "shown_below_cut": out[rank].values > n,
        "year": int(table["year"].iloc[0]), "definition": definition, "measure": measure,
        "population_year": int(table["population_year"].iloc[0])})
    return data.reset_index(drop=True)


def export_hosts_chart(data: pd.DataFrame, name: str, unassigned: float = 0.0) -> list:
    """Ranked horizontal bars: the top countries by total or per 1,000 inhabitants, the named
    countries highlighted (and appended below the cut with their rank) (C20)."""
    import matplotlib.ticker as ticker

    from .core import charts

    measure = data["measure"].iloc[0]
    year = int(data["year"].iloc[0])
    pop_year = int(data["population_year"].iloc[0])
    cut = int(data.loc[~data["shown_below_cut"], "rank"].max())
    positions = []
    for i, below in enumerate(data["shown_below_cut"]):
        positions.append(i + (0.8 if below else 0.0))

    def draw(ax, lang):
        colours = [charts.PALETTE["red"] if named else charts.PALETTE["light"] for named in data["named"]]
        ax.barh(positions, data["value"], color=colours, height=0.7)
        names = data[f"name_{lang}"]
        ax.set_yticks(positions)
        ax.set_yticklabels([f"{r}. {n}" for r, n in zip(data["rank"], names)])
        ax.invert_yaxis()
        top = float(data["value"].max())
        for y, value in zip(positions, data["value"]):
            label = text.number(value / 1e6, lang, 2) + (" mln" if lang == "nl" else " m") if measure == "total" \
                else text.number(value, lang, 1)
            ax.text(value + top * 0.01, y, label, va="center", fontsize=7.5, color="#333333")
        ax.set_xlim(0, top * 1.15)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        if measure == "total":
            ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: text.number(v / 1e6, lang, 1)))
            ax.set_xlabel("refugees, millions" if lang == "en" else "vluchtelingen, miljoenen")
        else:
            ax.set_xlabel("refugees per 1,000 inhabitants" if lang == "en" else "vluchtelingen per 1.000 inwoners")
        if data["shown_below_cut"].any():
            ax.axhline(len(data[~data["shown_below_cut"]]) - 0.1, color="#999999", linewidth=0.6, linestyle=":")

    named_rows = data[data["named"]].sort_values("rank")

    def ranks_text(lang):
        names = data.set_index("coa_iso")["name_en" if lang == "en" else "name_nl"]
        parts = [f"{names[row.coa_iso]} {row.rank}" for row in named_rows.itertuples()]
        return ", ".join(parts)

    what = {"total": ("", ""), "per_1000": (" per 1,000 inhabitants", " per 1.000 inwoners")}[measure]
    note_en = (f"Refugees under UNHCR's mandate + other people in need of international protection + Palestine "
               f"refugees under UNRWA's mandate, by country of asylum, end-{year}. Per 1,000 inhabitants uses World "
               f"Bank population of {pop_year} (latest year). Countries below rank {cut} appear only if named in the "
               f"letter.")
    note_nl = (f"Vluchtelingen onder UNHCR-mandaat + anderen die internationale bescherming nodig hebben + "
               f"Palestijnse vluchtelingen onder UNRWA-mandaat, naar land van opvang, eind {year}. Per 1.000 inwoners "
               f"met de bevolking van {pop_year} volgens de Wereldbank (laatste jaar). Landen onder plaats {cut} staan "
               f"er alleen in als de brief ze noemt.")
    if unassigned:
        note_en += f" {text.number(unassigned, 'en')} UNRWA refugees with unknown host are not ranked."
        note_nl += f" {text.number(unassigned, 'nl')} UNRWA-vluchtelingen met onbekend land van opvang zijn niet gerangschikt."
    texts = {
        "en": charts.ChartText(
            f"Countries hosting the most refugees{what[0]}, {year}",
            f"Ranks of the countries the letter names: {ranks_text('en')}",
            f"Source: UNHCR Refugee Population Statistics Database (2025.12.1), CC BY 4.0; World Bank WDI, "
            f"population (SP.POP.TOTL), {pop_year}, CC BY 4.0",
            note_en,
            f"Horizontal bar chart of the {cut} largest refugee-hosting countries{what[0]} in {year}, with the "
            f"countries named in the letter highlighted: {ranks_text('en')}."),
        "nl": charts.ChartText(
            f"Landen die de meeste vluchtelingen opvangen{what[1]}, {year}",
            f"Plaats van de landen die de brief noemt: {ranks_text('nl')}",
            f"Bron: UNHCR Refugee Population Statistics Database (2025.12.1), CC BY 4.0; Wereldbank WDI, "
            f"bevolking (SP.POP.TOTL), {pop_year}, CC BY 4.0",
            note_nl,
            f"Horizontaal staafdiagram van de {cut} landen die{what[1]} de meeste vluchtelingen opvangen in {year}, "
            f"met de landen uit de brief gemarkeerd: {ranks_text('nl')}."),
    }
    return charts.export_chart(name, draw, texts, data, claim_ids=["C20"], left=0.22)
