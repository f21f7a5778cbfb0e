"""National policy (notebook 04, claims C14-C20): the length of the Dutch asylum procedure on paper
(C14), how long Ukrainians will have been here when temporary protection ends (C15), what the
coalition agreement plans on work, naturalisation and young asylum seekers (C16-C18), research on
the effect of national measures (C19) and the countries that host the most refugees (C20).

Module flow: `data` (schemas, loaders of data/published/national-policy-*.csv, the text table) ->
`procedure` (C14), `protection` (C15), `agreement` (C16-C18), `research` (C19), `hosting` (C20) ->
`charts` (the four charts) -> `checks` (one `check_cNN(...) -> ClaimCheck` per claim). Every
reader-facing sentence is in `texts.toml`."""
