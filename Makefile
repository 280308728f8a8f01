# Masthead. `make demo`: the demo newsroom on http://127.0.0.1:$(PORT). `make test`: the whole suite.
PORT ?= 8000
MASTHEAD_HOME ?= $(CURDIR)/var
# The test suite's own home (two suites running side by side each need one).
TEST_HOME ?= $(CURDIR)/var/test
# Python 3.12 where there is one (coverage measures with sys.monitoring: docs/testing.md), found on
# the PATH or among pyenv's versions, else 3.11, else python3.
PYTHON ?= $(shell for v in 3.12 3.11; do \
	for p in python$$v $$(pyenv root 2>/dev/null)/versions/$$v*/bin/python$$v; do \
	$$p -c '' 2>/dev/null && { echo $$p; exit; }; done; done; command -v python3)
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

export MASTHEAD_HOME PORT

.PHONY: help demo test lint pytest coverage venv browser-checks

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		(echo "Masthead needs Python 3.11 or newer" >&2; exit 1)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

venv: $(STAMP)  ## Create .venv/ and install Masthead with the pinned versions

DEMO_WORKERS ?= 2

demo: $(STAMP)  ## Migrate, load the demo, run the scheduling worker and `masthead serve` on 127.0.0.1:$(PORT) (foreground)
	@# `serve` collects the static files before it answers: collect them meanwhile.
	$(BIN)/masthead collectstatic --noinput --verbosity 0 & collect=$$!; \
	$(BIN)/masthead migrate --noinput && $(BIN)/masthead demo; loaded=$$?; \
	wait $$collect && exit $$loaded
	$(BIN)/masthead worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/masthead serve --host 127.0.0.1 --port $(PORT) --workers $(DEMO_WORKERS)

lint: $(STAMP)  ## ruff, the layer contract (docs/architecture.md), deptry (imports match pyproject's dependencies) and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	@# src/ may import only the main dependencies; tests/ and bench/ anything pyproject declares.
	$(BIN)/deptry src --optional-dependencies-dev-groups test,bench
	$(BIN)/deptry tests bench --exclude '\.venv' --ignore DEP002
	MASTHEAD_HOME=$(CURDIR)/var/lint $(BIN)/masthead makemigrations --check --dry-run

pytest: $(STAMP)  ## The test suite alone (DATABASE_URL=postgres://... for PostgreSQL)
	MASTHEAD_HOME=$(TEST_HOME) $(BIN)/pytest $(PYTEST_ARGS)

# The whole suite under coverage (both tiers: what the servers and workers run counts too), then
# the report, which fails below [tool.coverage.report] fail_under (docs/testing.md). The two
# tiers run side by side, each in a home of its own: the process tier spends much of its time
# waiting on the servers and workers it starts, so the fast tier takes the other core.
TIER_LOG := $(CURDIR)/var/coverage/process-tier.log
# Made when the fast tier is done (.ci/run starts the browser checks then: a core is free).
FAST_DONE := $(CURDIR)/var/coverage/fast-tier.done
coverage: $(STAMP)  ## The suite under coverage (the two tiers side by side), then the report with its floor
	rm -rf $(CURDIR)/var/coverage && mkdir -p $(CURDIR)/var/coverage
	@echo "== the process tier runs beside the fast tier; its output follows the fast tier's"
	MASTHEAD_HOME=$(TEST_HOME)-process $(BIN)/coverage run -m pytest -m process --durations=15 $(PYTEST_ARGS) \
		>$(TIER_LOG) 2>&1 & process=$$!; \
	MASTHEAD_HOME=$(TEST_HOME) $(BIN)/coverage run -m pytest -m "not process" --durations=15 $(PYTEST_ARGS); \
	fast=$$?; touch $(FAST_DONE); wait $$process; slow=$$?; \
	[ $$fast = 5 ] && fast=0; [ $$slow = 5 ] && slow=0; \
	echo "== the process tier (exit $$slow)"; cat $(TIER_LOG); \
	$(BIN)/coverage combine --quiet && $(BIN)/coverage report --skip-covered --sort=cover; \
	report=$$?; exit $$(( fast ? fast : slow ? slow : report ))

test: lint coverage  ## Everything CI checks, on SQLite (or DATABASE_URL), with the coverage figure

node_modules/.package-lock.json: package.json package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund

browser-checks: $(STAMP) node_modules/.package-lock.json  ## Nu Html Checker, axe-core and Lighthouse on the demo in Chromium (needs Node, Java 17, chromium)
	MASTHEAD_BROWSER_CHECKS=1 MASTHEAD_HOME=$(CURDIR)/var/browser $(BIN)/pytest tests/e2e -m browser -p no:cacheprovider $(PYTEST_ARGS)

# The bench's PostgreSQL side: databases BENCH_DATABASE_URL_1000, _10000, _100000 (made when
# missing); skipped, with a line saying so, when that server does not answer or when empty.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/bench

.PHONY: bench
bench: $(STAMP)  ## The benchmark (docs/benchmark.md): every target on SQLite and PostgreSQL at 1k, 10k, 100k stories (corpora in var/bench, an hour or more the first time), report and chart in bench/results/
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,bench]"
	@if [ -n "$(BENCH_DATABASE_URL)" ] && $(BIN)/python -m bench.databases "$(BENCH_DATABASE_URL)"; then \
		set -x; $(BIN)/python -m bench --home $(CURDIR)/var/bench --database-url "$(BENCH_DATABASE_URL)" $(BENCH_ARGS); \
	else \
		echo "PostgreSQL at '$(BENCH_DATABASE_URL)' does not answer: the bench runs on SQLite only"; \
		set -x; $(BIN)/python -m bench --home $(CURDIR)/var/bench $(BENCH_ARGS); \
	fi

.PHONY: soak
soak: $(STAMP)  ## The soak with faults (docs/soak.md): 2 servers + Varnish + its own PostgreSQL and Redis, then SQLite; 10 min each (SOAK_ARGS="--minutes 2")
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,bench]"
	$(BIN)/python -m bench.soak $(SOAK_ARGS)
