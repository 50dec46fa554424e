# The two commands: `make run` (the site with demo content) and `make test` (the whole suite).
# Everything they need is installed from the project's own files: pyproject.toml, package-lock.json,
# and Debian's chromium for the browser tests and Java for the HTML check.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in the emails `make run` prints lead to where its server listens (one that listens on every address
# is reached at 127.0.0.1). Set SITE_URL to override.
SITE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
DEVELOPMENT := DEBUG=true SITE_URL=$(SITE_URL)

.PHONY: run test install install-test chromium java gettext lint format messages clean bench wrk

run: install
	$(DEVELOPMENT) $(BIN)/python manage.py migrate --noinput
	$(DEVELOPMENT) $(BIN)/python manage.py loket_demo
	$(DEVELOPMENT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# One worker per CPU core (pytest-xdist); each worker has its own test database.
test: install-test
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

# The benchmark (README, "Benchmark"; not part of `make test`): the scale data set in PostgreSQL, gunicorn
# with production settings, wrk against every public page and the council's dashboard; the table goes to
# docs/benchmark.md. The database is created when missing and kept, so the next run skips the filling.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/loket_bench
BENCH_INITIATIVES ?= 100000
BENCH_SECONDS ?= 10
BENCH_NOTE ?=
# The local Redis when one answers, as in production (cache and rate limits shared by the workers).
BENCH_REDIS_URL ?= $(shell $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 6379), 1)" 2>/dev/null && echo redis://127.0.0.1:6379/15)

bench: install wrk
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) DEBUG=false SECURE_SSL_REDIRECT=false \
	ALLOWED_HOSTS=127.0.0.1,localhost SECRET_KEY=bench-only-$$(date +%s)-not-a-secret-for-any-site-ever-1234567890 \
	$(BIN)/python manage.py loket_bench --initiatives $(BENCH_INITIATIVES) --seconds $(BENCH_SECONDS) \
		--output docs/benchmark.md --note "$(BENCH_NOTE)"

# The benchmark's load generator, from Debian like chromium.
wrk:
	@command -v wrk >/dev/null || { \
		echo "Installing Debian's wrk for the benchmark"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(VENV)/.app-installed node_modules/.installed

install-test: install $(VENV)/.test-installed chromium java gettext wrk

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"

$(VENV)/.app-installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --group app
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --group test
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Playwright cannot download its own browser here; the browser tests drive Debian's chromium.
chromium:
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The HTML check (tests/e2e/test_valid_html.py) runs the Nu Html Checker, npm's vnu-jar, on Java 17 or newer.
java:
	@command -v java >/dev/null || { \
		echo "Installing Debian's Java runtime for the HTML check"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

# A test checks that the translation catalogue has every string of the source, with makemessages (gettext).
gettext:
	@command -v xgettext >/dev/null || { \
		echo "Installing Debian's gettext for the translation tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gettext >/dev/null; }

messages: install gettext
	DEBUG=true $(BIN)/python manage.py makemessages -l nl -l en --ignore=node_modules --ignore=.venv --ignore=staticfiles
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles
