"""C20: where Lebanon, Pakistan and Kenya rank among refugee-hosting countries.

Counts by country of asylum come from UNHCR's `population` table (refugees under UNHCR's
mandate, and other people in need of international protection, `oip`) and its separate `unrwa`
table (Palestine refugees under UNRWA's mandate, in Jordan, Lebanon, Syria and the State of
Palestine). Per-inhabitant figures divide by the World Bank's mid-year population.
"""
from dataclasses import dataclass

import pandas as pd

from ...core import text
from ...core.countries import country_name

# Which counts make up "refugees" under each definition (columns of `host_counts`).
DEFINITIONS = {
    "refugees": ("refugees",),
    "refugees+oip": ("refugees", "oip"),
    "refugees+oip+unrwa": ("refugees", "oip", "unrwa"),
}
PRIMARY = "refugees+oip+unrwa"
NO_COUNTRY = ("UNK",)   # UNHCR's "Unknown" country of asylum: counted, but hosted by no country we can rank
NAMED = ("LBN", "PAK", "KEN")
VINTAGES = ("2025.06.0", "2025.12.1")   # mid-2025 (public on the letter's date, decides: S3) and end-2025 (since then)
YEARS = (2024, 2025)


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


# S6: the letter names examples ("landen als") of "landen die nu de meeste vluchtelingen opvangen" and states no
# cut-off. The reasonable cut-offs run from the shortest list UNHCR publishes (its top 10 host countries, Global
# Trends) to the widest tier (the top quarter of the countries ranked). Fixed here, before the ranks are read; a
# finding is rated against the letter only when it holds for every cut-off in that span.
NARROWEST = 10
WIDEST_SHARE = 0.25


@dataclass(frozen=True)
class Tiers:
    """The outcome of `check_tiers`: per named example (`status`, one row each) its rank ranges by number
    and per inhabitant, its worst best rank over years and definitions, and whether the narrowest and the
    widest reasonable cut-off admit it; `all_admit` is True when no example is outside the widest."""
    status: pd.DataFrame
    narrowest: int
    widest: int
    hosts: int
    vintage: str

    @property
    def all_admit(self) -> bool:
        return bool(self.status["in_widest"].all())

    def rows(self, which: str = None) -> list:
        """Examples: 'narrowest' (inside every reasonable cut-off), 'between' (inside some, not the
        narrowest), 'outside' (outside the widest), or all."""
        return [row for row in self.status.itertuples() if which is None or row.tier == which]

    @property
    def evidence(self) -> str:
        def ranks_text(row):
            return f"{row.name} ranks {row.rank_total_range} by number and {row.rank_per_1000_range} per inhabitant"
        listed = "; ".join(ranks_text(row) for row in self.rows())
        outside = [row.name for row in self.rows("outside")]
        between = [row.name for row in self.rows("between")]
        return (f"UNHCR {self.vintage}, every year and definition: {listed}; reasonable cut-offs from the top "
                f"{self.narrowest} to the top quarter ({self.widest} of {self.hosts} hosts ranked); outside the widest: "
                f"{', '.join(outside) if outside else 'none'}; inside some cut-offs but not the top {self.narrowest}: "
                f"{', '.join(between) if between else 'none'}")


def check_tiers(ranks: pd.DataFrame, vintage: str = "", narrowest: int = NARROWEST,
                widest_share: float = WIDEST_SHARE) -> Tiers:
    """Which reasonable cut-offs admit each named example (S6). An example's best rank in a row of
    `ranks` (a year and a definition) is the better of its rank by number and per inhabitant (the two
    framings UNHCR uses); a cut-off admits it when that best rank is within the cut-off in every row.
    The widest cut-off is `widest_share` of the fewest countries ranked in any row."""
    frame = ranks.assign(best=ranks[["rank_total", "rank_per_1000"]].min(axis=1))
    hosts = int(frame["hosts_ranked"].min())
    widest = int(hosts * widest_share)
    rows = []
    for iso, group in frame.groupby("coa_iso", sort=False):
        worst_best = int(group["best"].max())
        in_narrowest, in_widest = worst_best <= narrowest, worst_best <= widest
        rows.append({"coa_iso": iso, "name": group["name"].iloc[0],
                     "rank_total_range": text.number_range(group["rank_total"].min(), group["rank_total"].max(),
                                                           group=False),
                     "rank_per_1000_range": text.number_range(group["rank_per_1000"].min(),
                                                              group["rank_per_1000"].max(), group=False),
                     "best_rank_low": int(group["best"].min()), "worst_best_rank": worst_best,
                     "in_narrowest": in_narrowest, "in_widest": in_widest,
                     "tier": "narrowest" if in_narrowest else ("between" if in_widest else "outside")})
    return Tiers(pd.DataFrame(rows), narrowest, widest, hosts, vintage)


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


def vintage_ranks(hosts: dict) -> pd.DataFrame:
    """The named countries' ranks (`named_ranks`) for every {(vintage, year): host_table}, with a
    `vintage` column."""
    return pd.concat([named_ranks(table).assign(vintage=vintage) for (vintage, year), table in hosts.items()],
                     ignore_index=True)
