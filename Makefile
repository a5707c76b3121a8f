# Two commands do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench snapshots goldens docs

# `make run` installs what running needs; the test tools come with the first `make test`.
$(BIN)/migcli: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.dev: $(BIN)/migcli
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

run: $(BIN)/migcli
	$(BIN)/migcli show guatemala

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

test: lint
	$(BIN)/migcli validate --strict data/countries
	$(BIN)/pytest -n 2

bench: $(VENV)/.dev
	$(BIN)/python bench/run.py
	$(BIN)/python bench/scale.py

snapshots: $(VENV)/.dev
	$(BIN)/python -m scripts.make_snapshots

goldens: $(VENV)/.dev
	$(BIN)/python -m scripts.make_goldens

docs: $(VENV)/.dev
	$(BIN)/python scripts/make_docs.py
