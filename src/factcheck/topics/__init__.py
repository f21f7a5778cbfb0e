"""The topics: one package per notebook (resettlement, recognition, solidarity, national_policy).

Each holds its data loaders, computations, claim checks (one `ClaimCheck` per claim), charts and a
`texts.toml` with every reader-facing sentence in English and Dutch. A topic imports from core,
sources and rules only, never from another topic."""
