# One-command entry points. Each target creates a local virtual environment
# (.venv) from pyproject.toml on first use, so a fresh clone needs nothing but
# Python 3.11+.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint docs notebooks clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "lcc needs Python 3.11 or newer; run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,plot,excel,yaml]'
	@touch $@

$(BIN)/.docs: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	@touch $@

demo: $(BIN)/.installed
	$(BIN)/lcc compare examples/street-lighting.toml

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q -n 2 tests src/lcc --doctest-modules

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

docs: $(BIN)/.docs
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis dist build
