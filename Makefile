# Two commands do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench snapshots docs

$(BIN)/migcli: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

run: $(BIN)/migcli
	$(BIN)/migcli show guatemala

lint: $(BIN)/migcli
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

test: lint
	$(BIN)/migcli validate data/countries
	$(BIN)/pytest

bench: $(BIN)/migcli
	$(BIN)/python bench/run.py

snapshots: $(BIN)/migcli
	$(BIN)/python scripts/make_snapshots.py

docs: $(BIN)/migcli
	$(BIN)/python scripts/make_docs.py
