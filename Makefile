# Two commands: `make` (set up the pinned environment, build everything) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SOURCES ?= ../shared/sources
STAMP  := $(VENV)/.installed

.PHONY: all build test lab snapshots validate figures refresh browser bench clean
all: build

$(STAMP): requirements.txt pyproject.toml
	@echo "[setup 1/3] creating $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "[setup 2/3] installing the pinned packages of requirements.txt (a few minutes on a new machine)"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@echo "[setup 3/3] installing the factcheck package (editable)"
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

build: $(STAMP)
	$(PY) -m factcheck build

# nbval over every notebook (their stored outputs), then the package tests on all cores.
# pytest exits 5 when it collects nothing: that is a failure too.
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:cacheprovider
test: $(STAMP)
	@$(PY) -m pytest $(NBVAL) notebooks; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no notebooks: failing"; exit 1; fi; [ $$rc -eq 0 ] || exit $$rc; \
	$(PY) -m pytest -p no:cacheprovider -n auto tests; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/00-overview.ipynb

snapshots: $(STAMP)
	$(PY) -m factcheck snapshots $(SOURCES)

# Charts for one language and size preset: make figures LANG=nl SIZE=column [CHART=name]
# LANG is also the locale variable: only a value given on the command line counts.
FIG_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),en,nl)
SIZE ?= web
CHART ?=
figures: $(STAMP)
	LANG=C.UTF-8 $(PY) -m factcheck figures --lang $(FIG_LANG) --size $(SIZE) --chart "$(CHART)"

validate: $(STAMP)
	$(PY) -m factcheck validate

# Online only, never part of `make` or `make test`: new UNHCR and Eurostat snapshots,
# a rebuild, and the per-claim diff. Optional: DATE=YYYY-MM-DD ONLY=unhcr|eurostat
refresh: $(STAMP)
	$(PY) -m factcheck refresh $(if $(DATE),--date $(DATE)) $(if $(ONLY),--only $(ONLY))

# Timings and memory against the targets in the README (issue 9).
bench: $(STAMP)
	$(PY) -m factcheck.pipeline.bench

# Debian's chromium for the report's browser test (root: apt-get; CI runs this first).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "[setup] installing Debian's chromium for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf build $(VENV)
