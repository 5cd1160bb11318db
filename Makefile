# Humas Portal: everyday commands. `make help` lists them.
#
# Only python3 (with venv and pip) is needed; every target sets up .venv itself and
# reinstalls packages only when a requirements file changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Extra pytest arguments, e.g. make test PYTEST_ARGS="-k invitation -x"
PYTEST_ARGS ?=
# Parallel test processes (pytest-xdist); 0 runs everything in one process.
PYTEST_WORKERS ?= 2
HOST_PORT ?= 127.0.0.1:8000
# PostgreSQL database of the load benchmark, filled by bench/generate.py (see bench/README.md).
BENCH_DB ?= humas_bench

RUNTIME_STAMP := $(VENV)/.installed-runtime
# axe-core and the Nu HTML checker for the browser tests, from package-lock.json.
NODE_STAMP := node_modules/.installed
DEV_STAMP := $(VENV)/.installed-dev
TEMPLATE_DIRS := $(wildcard templates */templates)
# makemessages reads the portal only: not the virtualenv, runtime files, vendored
# libraries, tests or benchmarks.
MESSAGES_IGNORE := --ignore=.venv --ignore=var --ignore=static/vendor --ignore=node_modules \
	--ignore=tests --ignore=bench

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help

.PHONY: help venv run serve test test-browser lint lint-python lint-templates format messages \
	check-translations translations bench-load

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 28

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -r requirements-dev.txt
	@touch $@ $(RUNTIME_STAMP)

venv: $(DEV_STAMP) ## Create .venv with the development requirements

translations: $(RUNTIME_STAMP) ## Compile locale/*/LC_MESSAGES/*.po to .mo (pure Python)
	$(MANAGE) compile_translations

# The periodic jobs (scheduled publishing, the e-mail outbox, stuck imports: every entry of
# CELERY_BEAT_SCHEDULE) run in a scheduler process beside runserver, stopped with it. HOST_PORT
# is passed on so SITE_URL (links in e-mails, feeds, pages) follows the address served.
run: translations ## Development server with demo data and periodic jobs at http://$(HOST_PORT)
	$(MANAGE) migrate --noinput
	HOST_PORT=$(HOST_PORT) $(MANAGE) seed_demo
	@export HOST_PORT=$(HOST_PORT); \
	$(MANAGE) run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST_PORT)

serve: $(RUNTIME_STAMP) ## Production-like stack: deploy-time work, then gunicorn + Celery worker + beat
	bin/prepare
	bin/serve

bench-load: $(RUNTIME_STAMP) ## Load benchmark of the public site on BENCH_DB (see bench/README.md)
	$(BIN)/python bench/load.py --database $(BENCH_DB)

test: $(DEV_STAMP) ## Run the tests (SQLite by default; PYTEST_ARGS passes options)
	$(MANAGE) compile_translations
	$(BIN)/pytest $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS)) $(PYTEST_ARGS)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "The browser tests need npm (apt-get install npm)" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

test-browser: $(DEV_STAMP) $(NODE_STAMP) ## Real-browser tests: Chromium, axe-core and vnu on a live server
	$(MANAGE) compile_translations
	$(BIN)/pytest -m browser tests/browser -p no:xdist $(PYTEST_ARGS)

lint: lint-python lint-templates ## ruff and djLint, as CI runs them

lint-python: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint-templates: $(DEV_STAMP)
ifneq ($(TEMPLATE_DIRS),)
	$(BIN)/djlint $(TEMPLATE_DIRS) --lint
	$(BIN)/djlint $(TEMPLATE_DIRS) --check
else
	@echo "No template directories yet; nothing for djLint to check."
endif

format: $(DEV_STAMP) ## Rewrite Python and templates in the house style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
ifneq ($(TEMPLATE_DIRS),)
	$(BIN)/djlint $(TEMPLATE_DIRS) --reformat
endif

messages: $(DEV_STAMP) ## Refresh locale/id from the source (needs GNU gettext)
	@command -v xgettext >/dev/null && command -v msgmerge >/dev/null || { \
		echo "makemessages needs GNU gettext: apt-get install gettext (or brew install gettext)" >&2; \
		exit 1; }
	$(MANAGE) makemessages -l id --no-location $(MESSAGES_IGNORE)
	@if grep -rqsE '\b(n|p|np)?gettext\(|\binterpolate\(' static/js; then \
		echo "$(MANAGE) makemessages -d djangojs -l id --no-location $(MESSAGES_IGNORE)"; \
		$(MANAGE) makemessages -d djangojs -l id --no-location $(MESSAGES_IGNORE); \
	fi

check-translations: messages ## Fail on any untranslated or fuzzy string
	$(MANAGE) compile_translations --check
