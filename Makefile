# Two commands on a fresh machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test lint typecheck bench bench-1m bundle bundle-test clean translations reliability

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	@$(PY) -m desktop_app.platform_check
	$(PY) -m desktop_app $(ARGS)

test: install
	@QT_QPA_PLATFORM=offscreen $(PY) -m desktop_app.platform_check --offscreen
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(VENV)/bin/pytest -q -n $${TEST_WORKERS:-2}

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

typecheck: install
	$(VENV)/bin/mypy

translations: install
	$(PY) -m tools.i18n

bench: install
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.bench_chart
	$(PY) -m tests.benchmarks.bench_import 100000
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.bench_update
	$(PY) -m tests.benchmarks.bench_transfer
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.bench_stalls

# The same at 1,000,000 items; the archive is built once (~10 min) into a cache folder outside
# the repository and reused (BENCH_CACHE to put it elsewhere).
BENCH_CACHE ?= $(HOME)/.cache/frontline-archive-bench
bench-1m: install
	mkdir -p $(BENCH_CACHE)
	BENCH_DIR=$(BENCH_CACHE) BENCH_ITEMS=1000000 QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks
	BENCH_DIR=$(BENCH_CACHE) $(PY) -m tests.benchmarks.bench_prefix 1000000
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.bench_chart
	$(PY) -m tests.benchmarks.bench_import 1000000
	BENCH_DIR=$(BENCH_CACHE) BENCH_ITEMS=1000000 $(PY) -m tests.benchmarks.bench_transfer
	BENCH_DIR=$(BENCH_CACHE) BENCH_ITEMS=1000000 QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.bench_stalls

# The fault suite's long run, whose figures docs/RELIABILITY.md shows (make test runs 30 rounds).
reliability: install
	mkdir -p build && rm -f build/reliability.json
	FRONTLINE_RELIABILITY_ROUNDS=$${ROUNDS:-200} FRONTLINE_RELIABILITY_FEED=$${FEED:-20000} \
	FRONTLINE_RELIABILITY_BASE=$${BASE:-10000} FRONTLINE_RELIABILITY_PAIRS=$${PAIRS:-10} \
	FRONTLINE_RELIABILITY_REPORT=build/reliability.json QT_QPA_PLATFORM=offscreen \
	$(VENV)/bin/pytest -q -rxX -p no:cacheprovider tests/reliability || true
	$(PY) -m tests.reliability.table build/reliability.json

# dist/frontline-archive/ (PyInstaller, one folder) and dist/frontline-archive-VERSION-linux-ARCH.tar.gz
# (the folder, the desktop entry, AppStream metadata, icon and their install script).
# `make bundle-test` builds it and runs the bundled program headless (tests/packaging).
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop_app/__init__.py)
bundle: install
	$(PY) -m pip install --quiet --disable-pip-version-check 'pyinstaller>=6.10,<7'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/frontline-archive.spec
	bash packaging/make-tarball.sh $(VERSION)

bundle-test: bundle
	FRONTLINE_BUNDLE=dist/frontline-archive $(VENV)/bin/pytest -q -p no:cacheprovider tests/packaging

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
