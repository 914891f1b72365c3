# veille: the two commands of the README are `make demo` and `make test`.
# Each builds the virtualenv from pyproject.toml first; nothing else is done by hand.

# Python 3.12 when the machine has one (on PATH, or installed by pyenv even when it
# is not pyenv's global version): the English pipeline en_core_web_md comes in a wheel
# that needs it. Otherwise python3 (3.11+), and English falls back to en_core_web_sm
# (a warning says so). `make PYTHON=...` chooses another interpreter.
PY312  := $(firstword $(foreach p,python3.12 $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12),\
            $(if $(shell $(p) -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null && echo ok),$(p))))
PYTHON ?= $(if $(PY312),$(PY312),python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
CORPUS ?= examples/
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast venv system-deps lint imports bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "veille needs Python 3.11 or newer (3.12 for the English en_core_web_md); $(PYTHON) is older" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
	  echo "note: $(PYTHON) is older than 3.12: English uses en_core_web_sm (CoNLL F1 0.736, not 0.766); install Python 3.12 for en_core_web_md" >&2
	@# a venv made by another Python is rebuilt, not overlaid (two site-packages, one stale)
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print(sys.version_info[:2])')" != \
	      "$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
	  echo "$(VENV) was made with another Python: rebuilding it with $(PYTHON)"; rm -rf $(VENV); fi
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

# Both cores (pytest-xdist): a file's tests stay on one worker (its module fixtures are
# built once); a test marked `alone` runs while no other does (tests/conftest.py).
test: $(STAMP) system-deps
	$(BIN)/pytest -q -p no:cacheprovider --durations=25 -n 2 --dist loadfile

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not browser and not postgres" -n 2 --dist loadfile

# The layer and no-cycle contracts of ARCHITECTURE.md (import-linter, in pyproject.toml).
imports: $(STAMP)
	$(BIN)/lint-imports

lint: imports
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
