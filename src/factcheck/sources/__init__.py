"""Sources: the readers of the registered extracts (UNHCR and World Bank snapshots, Eurostat)."""
