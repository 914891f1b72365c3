# veille: the two commands of the README are `make demo` and `make test`.
# Each builds the virtualenv from pyproject.toml first; nothing else is done by hand.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
CORPUS ?= examples/
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast venv system-deps lint imports bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# Debian packages the tests use: Chromium for the browser tests and a
# PostgreSQL server for the store tests. Installed only when missing.
system-deps:
	@./scripts/system-deps.sh

# Ingest the demo corpus (the two seed articles, or CORPUS=path), analyse,
# cluster, then serve the web UI on http://$(HOST):$(PORT)/
demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	-$(BIN)/veille --db $(DB) ingest $(CORPUS)  # rejected records are listed; the rest is served
	$(BIN)/veille --db $(DB) stories
	$(BIN)/veille --db $(DB) serve --host $(HOST) --port $(PORT)

test: $(STAMP) system-deps
	$(BIN)/pytest -q -p no:cacheprovider

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not browser and not postgres"

# The layer and no-cycle contracts of ARCHITECTURE.md (import-linter, in pyproject.toml).
imports: $(STAMP)
	$(BIN)/lint-imports

lint: imports
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
