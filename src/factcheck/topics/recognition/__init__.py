"""Recognition rates (claims C06-C10): Bulgaria's rate for applicants from Türkiye in 2023 and 2024,
"much higher" elsewhere in the EU, no refugees recognised in Hungary, 80 people granted a status in
Croatia. Notebook `notebooks/02-recognition.ipynb`.

Module flow (each imports only the ones before it, plus core, sources and rules):
  data      the UNHCR decision extracts (two vintages), the published figures (AIDA, ECRE), the Eurostat
            migr_asydcfsta extract when registered, the text table texts.toml
  ranges    small counts as ranges: `cell_range`, `sum_range`, `is_masked`, rates of ranged counts
  select    rows by origin, asylum country and decision level (first instance)
  rates     the three rate definitions; rates and counts with their ranges; Eurostat's ranged rate
  compare   the "much higher" test (C08); reconciliation with published figures
  tables    what the notebook displays
  readings  `Figure` (a computed figure with its sources and vintage) -> `rules.Reading`
  checks    `check_c06` ... `check_c10`, each returning a `ClaimCheck`
  charts    the three charts
"""
