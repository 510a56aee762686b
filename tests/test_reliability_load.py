"""The short variant of benchmarks/load_test.py: 10 clients for 5 s, no errors allowed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.slow
def test_short_load_has_no_errors(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import load_test
    finally:
        sys.path.remove(str(BENCHMARKS))
    db = tmp_path / "load.duckdb"
    load_test.build(db, 20_000)
    result = load_test.run_load(db, clients=10, seconds=5, events=20_000, held=False)
    summary = result.summary()
    print(f"short load: {summary}")
    assert result.errors == 0, summary["error_kinds"]
    assert result.requests >= 10
    assert summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"]
