"""Solidarity: the Dutch share of the EU solidarity pool and the Commission's classification of
Member States (claims C11-C13, notebook 03-solidarity).

Module flow, lowest first:
  data      schemas and loaders of data/published/solidarity-*.csv, the sources each claim cites,
            the Eurostat key data when registered
  key       the AMMR reference key (Art. 66, Annex I) over a group of Member States; pure arithmetic
  settings  `Settings` (the choices a fact-checker can change) and `Inputs` (the loaded tables, cached keys)
  wording   the text table texts.toml and the per-language number and date formatting
  compare   the notebook's tables: sensitivity, Eurostat next to the World Bank, reconciliations
  checks    `check_c11`, `check_c12`, `check_c13`: one `ClaimCheck` each
  charts    the key chart and the Dutch-share chart, in English and Dutch
"""
from .data import PUBLISHED_SCHEMAS

__all__ = ["PUBLISHED_SCHEMAS"]
