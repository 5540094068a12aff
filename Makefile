# Two commands: `make figures` and `make test`. Each sets everything up first.
# Run `make help` for the list of targets.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARTICLE ?= data/article.txt
CORPUS  ?= data/wikinews-fr-100

.DEFAULT_GOAL := help
.PHONY: help setup browser figures lint test test-fast lab report lock bench eval clean-venv

help: ## List the targets
	@echo "Usage: make TARGET"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "error: Python 3.11 is needed, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# --no-deps: the lock lists every dependency, so pip installs exactly its lines and resolves nothing; without it,
	# pip 23's resolver can meet an extra of a pinned package (weasel's smart-open[http]) before the pin and stop
	# with 'all requirements must have their versions pinned' (pypa/pip#9644). pip check then proves the set whole.
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP) ## Create .venv and install the exact versions of requirements.lock

browser: ## Install Debian's chromium for the browser tests when it is missing (needs root)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then \
	    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; \
	  else echo "warning: chromium is missing and cannot be installed without root: the browser tests will be skipped"; fi; }

figures: setup ## Regenerate every figure into figures/ (notebook 05 on CORPUS, default data/wikinews-fr-100)
	$(BIN)/python -m analysis figures --article $(ARTICLE) --corpus $(CORPUS)

lint: setup ## Check the code: ruff check, mypy on analysis/, the import-linter layer contracts, ruff format --check
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/ruff format --check .

test: setup browser lint ## Run make lint, then the whole test suite (the browser test included)
	$(BIN)/python -m pytest

test-fast: setup ## Run the tests, skipping the slow ones (notebook execution)
	$(BIN)/python -m pytest -m "not slow"

lab: setup ## Start JupyterLab on 127.0.0.1 (with a token), opened on notebooks/
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks --no-browser \
	    $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

report: setup ## Write the executed notebooks as one self-contained HTML report in reports/
	$(BIN)/python -m analysis report --out reports

eval: setup ## Score tokens and sentences against ../shared/eval
	$(BIN)/python -m analysis eval tokens ../shared/eval/ud/fr_gsd-ud-test.conllu
	$(BIN)/python -m analysis eval tokens ../shared/eval/ud/fr_estrepublicain-annodis-dev.conllu
	$(BIN)/python -m analysis eval sentences ../shared/eval/ud/fr_estrepublicain-annodis-dev.conllu

bench: setup ## Run the benchmarks (speed is measured here, never in tests)
	$(BIN)/python benchmarks/bench_tokens.py
	$(BIN)/python benchmarks/bench_terms.py
	$(BIN)/python benchmarks/bench_timex.py
	$(BIN)/python benchmarks/bench_corpus.py

lock: ## Regenerate requirements.lock from pyproject.toml (needs network)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version 3.11 --universal \
	    --generate-hashes --custom-compile-command "make lock" --quiet -o requirements.lock

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)
