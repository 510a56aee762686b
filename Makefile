# The two commands of the README: `make demo` and `make test`. Both create .venv if needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint format bench clean install web fuzz train

$(STAMP): requirements/lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

WEB_STAMP := src/allegiance/api/static/index.html

# The web UI's browser libraries come from the npm registry (versions locked in web/package-lock.json).
$(WEB_STAMP): web/package-lock.json web/build.sh $(wildcard web/src/*)
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && sh build.sh

install: $(STAMP) $(WEB_STAMP)

web: $(WEB_STAMP)

demo: install
	$(BIN)/allegiance demo

test: install
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
