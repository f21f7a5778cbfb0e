"""Resettlement (claims C01-C05): UNHCR's projected global resettlement needs, the EU pledging
cycles, the Dutch resettlement quota and resettlement arrivals in the UNHCR data.

Published figures come from the sources-backed tables data/published/resettlement-*.csv (every
row names its source id); counts come from the committed UNHCR `solutions` extracts. When
`make refresh` has registered a Eurostat `migr_resettle` extract, `arrivals.eurostat_arrivals`
picks it up; without one it returns None and the UNHCR figures are used alone. The functions are
pure (frames in, frames, numbers or records out), so the tests feed them small hand-made tables.
Ranges are (low, high) tuples: a published "2.5 million" stands for 2.45 to 2.55 million.

Module flow (each imports only the ones before it, plus core, sources and rules):
    data      constants, schemas, loaders, source dates, the letter's wording, range arithmetic
    texts     the text table texts.toml (every reader-facing sentence, EN and NL) and its helpers
    pgrn      needs per year and edition; what C01 reads off them (`needs_for`)
    pledges   the EU pledging cycles, states, plan period, pledges per year and as a share of need
    arrivals  UNHCR arrivals (EU-27, NL), reconciliation, vintages; Eurostat migr_resettle
    quota     the Dutch quota per year and arrivals against it
    checks    check_c01 ... check_c05, each returning one rules.ClaimCheck
    charts    the three charts' data and their export
"""
from . import arrivals, charts, checks, data, pgrn, pledges, quota, texts   # noqa: E402  (rs.checks.check_c01, ...)

__all__ = ["arrivals", "charts", "checks", "data", "pgrn", "pledges", "quota", "texts"]
