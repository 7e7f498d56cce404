# Jendela Aduan. On a fresh machine `make publish` and `make test` are all you need:
# the Makefile makes its own virtual environment in .venv/ and installs what is missing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data/sample
OUTPUT ?= output
# Your own settings file, e.g. SETTINGS=chicago.py holding `from publishconf import *` + overrides.
SETTINGS ?= publishconf.py
DEVSETTINGS ?= pelicanconf.py
PORT ?= 8000
N ?= 10000
SEED ?= 1
SAMPLE_CASES ?= 2000
# Leaflet and leaflet.markercluster for /peta/, from npm at set-up (package-lock.json pins them).
NPM_STAMP := node_modules/.installed
INPUT_FLAGS := $(if $(PII_POLICY),--pii-policy $(PII_POLICY),) $(if $(INPUT_DATE_ORDER),--date-order $(INPUT_DATE_ORDER),)
BUILD_FLAGS := $(if $(filter 1 yes true,$(SKIP_INVALID)),--skip-invalid,) $(INPUT_FLAGS) $(if $(PREVIOUS_RELEASE),--previous $(PREVIOUS_RELEASE),)

.DEFAULT_GOAL := help
.PHONY: help vendor html serve devserver publish check import test lint format sample bench clean update-golden

help: ## Show this help
	@echo "Jendela Aduan: make <target> [DATA=folder-ekspor/] [SKIP_INVALID=1] [PII_POLICY=redact] [INPUT_DATE_ORDER=mdy]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/.runtime: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 (Debian: apt-get install npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

vendor: $(NPM_STAMP) ## Install the map's browser libraries into node_modules/ (npm ci)

$(BIN)/.dev: requirements-dev.txt requirements.txt $(BIN)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

html: $(BIN)/.runtime $(NPM_STAMP) ## Development build of DATA into OUTPUT (pelicanconf.py)
	$(BIN)/python -m generator build --settings $(DEVSETTINGS) --data $(DATA) --output $(OUTPUT) $(BUILD_FLAGS)

publish: $(BIN)/.runtime $(NPM_STAMP) ## Build DATA (default: the bundled sample) into OUTPUT with publishconf.py
	$(BIN)/python -m generator build --settings $(SETTINGS) --data $(DATA) --output $(OUTPUT) $(BUILD_FLAGS)

serve: ## Serve OUTPUT on http://127.0.0.1:$(PORT)/
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

devserver: html serve ## Build, then serve

check: $(BIN)/.runtime ## Validate and scan DATA only; writes nothing
	$(BIN)/python -m generator check $(DATA) --settings $(SETTINGS) $(INPUT_FLAGS)

import: $(BIN)/.runtime ## Turn an export into an input folder: make import FROM=lapor|open311|my.toml SRC=file DATA=folder
	@test -n "$(FROM)" -a -n "$(SRC)" -a "$(origin DATA)" != "file" || { echo "pakai: make import FROM=lapor|open311|pemetaan.toml SRC=ekspor.csv DATA=folder-input/ [IMPORT_FLAGS=--force]"; exit 2; }
	$(BIN)/python -m generator import $(if $(filter %.toml,$(FROM)),--mapping $(FROM),$(FROM)) $(SRC) $(DATA) $(IMPORT_FLAGS)

test: $(BIN)/.dev $(NPM_STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest -n 2 -q

lint: $(BIN)/.dev ## ruff check and format check
	$(BIN)/ruff check generator tests benchmarks pelicanconf.py publishconf.py
	$(BIN)/ruff format --check generator tests benchmarks pelicanconf.py publishconf.py

format: $(BIN)/.dev ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix generator tests benchmarks pelicanconf.py publishconf.py
	$(BIN)/ruff format generator tests benchmarks pelicanconf.py publishconf.py

sample: $(BIN)/.runtime ## Regenerate the bundled sample in data/sample/
	$(BIN)/python -m generator sample --cases $(SAMPLE_CASES) --seed $(SEED) data/sample

bench: $(BIN)/.dev $(NPM_STAMP) ## Benchmark: publish N reports vs Hugo and Pelican, and a 1 % republish (make bench N=10000 REPEAT=2)
	$(BIN)/python benchmarks/bench_publish.py --cases $(N) --seed $(SEED) $(if $(REPEAT),--repeat $(REPEAT),)

update-golden: $(BIN)/.dev $(NPM_STAMP) ## Rebuild tests/golden/output from tests/golden/input
	$(BIN)/python tests/golden_site.py

clean: ## Remove OUTPUT and caches
	rm -rf $(OUTPUT) .pytest_cache __pycache__ */__pycache__
