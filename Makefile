# The two commands of the README: `make demo` and `make test`. Both create .venv if needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint format bench clean install web fuzz train chromium

$(STAMP): requirements/lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

WEB_STAMP := src/allegiance/api/static/index.html

# The web UI's browser libraries come from the npm registry (versions locked in web/package-lock.json).
# Without npm: rebuilt from web/node_modules when that is there, else make stops at once (before
# the pip install) and says what to install.
$(WEB_STAMP): web/package-lock.json web/build.sh $(wildcard web/src/*)
	@if command -v npm >/dev/null 2>&1; then \
		cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && sh build.sh; \
	elif [ -d web/node_modules/cytoscape ]; then \
		sh web/build.sh; \
	else \
		echo "make: the web UI needs npm (Node.js) to fetch its libraries: install it (e.g. apt-get install npm) and rerun" >&2; \
		exit 2; \
	fi

install: $(WEB_STAMP) $(STAMP)

web: $(WEB_STAMP)

demo: install
	$(BIN)/allegiance demo

# The browser tests drive Debian's Chromium: installed here when this machine can (root and
# apt-get); otherwise pytest says in its header and summary that they were skipped and why.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium >/dev/null) \
		|| echo "make: chromium could not be installed: the browser tests will be skipped"; \
	else \
		echo "make: /usr/bin/chromium missing (install Debian's chromium as root): the browser tests will be skipped"; \
	fi

test: install chromium
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not model and not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python scripts/import_cycles.py

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

fuzz: install
	ALLEGIANCE_FUZZ_EXAMPLES=5000 ALLEGIANCE_FUZZ_REPORT=fuzz-report.json $(BIN)/python -m pytest tests/test_fuzz_readers.py -q
	cat fuzz-report.json

# The relevance gate and the verifier (src/allegiance/data/models/*.json), from the dev split of
# the real-news gold, the PLOVER gold, the contrast set and our non-political articles.
train: $(STAMP)
	$(BIN)/python scripts/train_models.py

bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache allegiance-demo.duckdb \
		web/node_modules src/allegiance/api/static

.PHONY: load reliability

# 50 concurrent clients for 30 s against `allegiance serve` (store of 100k synthetic events).
load: $(STAMP)
	cd benchmarks && ../$(BIN)/python load_test.py --clients 50 --seconds 30 --events 100000

# The long variants behind docs/reliability.md: fuzzing (5000 examples per target), 20 SIGKILLs
# during ingest, serve+ingest concurrently, a 50 MB article, and the 50x30 s load test.
reliability: install
	rm -f fuzz-report.json
	ALLEGIANCE_FUZZ_EXAMPLES=5000 ALLEGIANCE_FUZZ_REPORT=fuzz-report.json $(BIN)/python -m pytest \
		tests/test_fuzz_readers.py tests/test_reliability_fuzz_extract.py -q
	cat fuzz-report.json
	ALLEGIANCE_KILLS=20 $(BIN)/python -m pytest tests/test_kill.py tests/test_full_disk.py \
		tests/test_reliability_concurrent.py -q -s
	$(MAKE) load
