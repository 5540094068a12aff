# Two commands: `make figures` and `make test`. Each sets everything up first.
# Run `make help` for the list of targets.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARTICLE ?= data/article.txt

.DEFAULT_GOAL := help
.PHONY: help setup figures test test-fast lock bench eval clean-venv

help: ## List the targets
	@echo "Usage: make TARGET"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "error: Python 3.11 is needed, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP) ## Create .venv and install the exact versions of requirements.lock

figures: setup ## Regenerate every figure into figures/ (executes the notebooks headless)
	$(BIN)/python -m analysis figures --article $(ARTICLE)

test: setup ## Run the whole test suite
	$(BIN)/python -m pytest

test-fast: setup ## Run the tests, skipping the slow ones (notebook execution)
	$(BIN)/python -m pytest -m "not slow"

eval: setup ## Score tokens and sentences against ../shared/eval
	$(BIN)/python -m analysis eval tokens ../shared/eval/ud/fr_gsd-ud-test.conllu
	$(BIN)/python -m analysis eval tokens ../shared/eval/ud/fr_estrepublicain-annodis-dev.conllu
	$(BIN)/python -m analysis eval sentences ../shared/eval/ud/fr_estrepublicain-annodis-dev.conllu

bench: setup ## Run the benchmarks (speed is measured here, never in tests)
	$(BIN)/python benchmarks/bench_tokens.py

lock: ## Regenerate requirements.lock from pyproject.toml (needs network)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version 3.11 --universal \
	    --generate-hashes --custom-compile-command "make lock" --quiet -o requirements.lock

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)
