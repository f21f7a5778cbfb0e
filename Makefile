# Two commands: `make` (set up the pinned environment, build everything) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SOURCES ?= ../shared/sources
STAMP  := $(VENV)/.installed

.PHONY: all build test lab snapshots validate clean
all: build

$(STAMP): requirements.txt pyproject.toml
	@echo "[setup] creating $(VENV) with pinned packages (requirements.txt)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

build: $(STAMP)
	$(PY) -m factcheck build

test: $(STAMP)
	@$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg \
		-p no:cacheprovider tests notebooks; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/00-overview.ipynb

snapshots: $(STAMP)
	$(PY) -m factcheck snapshots $(SOURCES)

validate: $(STAMP)
	$(PY) -m factcheck validate

clean:
	rm -rf build $(VENV)
