# Everyday commands. `make demo` and `make test` work on a fresh machine: they install what they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/itkoop

.PHONY: install demo serve test test-sqlite test-postgres lint bench system-deps postgres redis messages clean

install: $(VENV)/.installed node_modules/.installed messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext)
	cd src/itkoop && DJANGO_SETTINGS_MODULE=itkoop.settings.dev ../../$(VENV)/bin/django-admin compilemessages --ignore=.venv -v 0

demo: install
	$(VENV)/bin/itkoop demo

serve: install
	$(VENV)/bin/itkoop serve

# Debian packages the tests need: the browser, and HarfBuzz's subsetter that WeasyPrint embeds fonts with.
system-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && ldconfig -p | grep -q libharfbuzz-subset || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver libharfbuzz-subset0)

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL did not start"; exit 1

# The broker of the task queue, for the test that runs a real worker (nothing is saved to disk).
redis:
	@command -v redis-server >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server)
	@redis-cli ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null
	@for i in $$(seq 1 30); do redis-cli ping >/dev/null 2>&1 && exit 0; sleep 1; done; echo "Redis did not start"; exit 1

test: install system-deps postgres redis
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# Two pytest-xdist workers: the machine has two cores; an idle worker takes tests queued for the other
# (worksteal), so no long test runs alone at the end.
test-sqlite:
	DJANGO_SETTINGS_MODULE=itkoop.settings.test DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(PY) -m pytest -q -p no:cacheprovider -n 2 --dist worksteal

test-postgres:
	DJANGO_SETTINGS_MODULE=itkoop.settings.test DATABASE_URL=$(PG_URL) $(PY) -m pytest -q -p no:cacheprovider -n 2 --dist worksteal

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	PYTHONPATH=src $(VENV)/bin/lint-imports --no-logo --no-cache

bench: install postgres redis
	$(PY) bench/need.py
	$(PY) bench/need_screen.py
	$(PY) bench/match.py
	$(PY) bench/schedule.py
	PYTHONPATH=src $(PY) bench/import.py
	PYTHONPATH=src $(PY) bench/warm.py
	PYTHONPATH=src $(PY) bench/cli.py
	PYTHONPATH=src $(PY) bench/load.py
	PYTHONPATH=src $(PY) bench/search.py
	PYTHONPATH=src $(PY) bench/partners.py

clean:
	rm -rf $(VENV) node_modules var
