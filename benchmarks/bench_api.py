"""Benchmark of the events endpoint: p50/p95 latency on a store of N synthetic events.

    /work/venv/bin/python benchmarks/bench_api.py [--events 1000000] [--db PATH] [--repeat 30]

The store is built in bulk by ``bench_analysis.build_store`` (Arrow -> DuckDB: 100,000
articles, 2% duplicates), then every event gets a full JSON record of the DESIGN.md shape
(~600 bytes) in one SQL UPDATE. Requests
go through the real app (FastAPI test client, in process: routing, validation, JSON).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from bench_analysis import build_store
from fastapi.testclient import TestClient

from allegiance.api import create_app
from allegiance.store import Store

RECORD_SQL = """
UPDATE events SET record = to_json({
  'id': id, 'doc_id': article_id, 'event': event, 'mode': mode, 'context': [], 'quad': quad,
  'actor': [{'text': 'the government of ' || actor_code, 'code': actor_code, 'start': 40,
             'end': 61}],
  'recipient': [{'text': recipient_code, 'code': recipient_code, 'start': 120, 'end': 124}],
  'factuality': factuality, 'attributed_to': NULL,
  'amount': CASE WHEN amount_usd IS NULL THEN NULL ELSE {'text': 'about $' || amount_usd,
            'value': amount_usd, 'currency': 'USD', 'usd': amount_usd, 'qualifier': 'about'} END,
  'location': NULL, 'event_date': NULL, 'reported_date': CAST(reported_date AS VARCHAR),
  'trigger': {'text': 'sent', 'start': 62, 'end': 66},
  'sentence': {'index': sentence_idx, 'start': 0, 'end': 160, 'text':
     'According to officials on Tuesday, the government of ' || actor_code ||
     ' sent a new package of support to ' || recipient_code ||
     ' after weeks of talks between the two sides over the terms of the arrangement.'},
  'confidence': confidence, 'extractor': 'bench'})
"""

QUERIES: dict[str, dict[str, object]] = {
    "no filter (first page)": {},
    "actor": {"actor": "A001"},
    "actor + recipient": {"actor": "A001", "recipient": "A002"},
    "involving (either side)": {"involving": "A017"},
    "type": {"type": "AID"},
    "factuality": {"factuality": "hypothetical"},
    "date range": {"since": "2022-01-01", "until": "2022-03-31"},
    "type + factuality + dates": {
        "type": "ASSAULT",
        "factuality": "asserted",
        "since": "2021-01-01",
        "until": "2021-12-31",
    },
    "actor, page 20": {"actor": "A042", "offset": 1000},
}


# Ingestion stores no events for an article that duplicates another (it is kept for the
# record only); the synthetic store gives them some, so they move to the original article.
MOVE_DUPLICATE_EVENTS_SQL = """
UPDATE events SET article_id = a.duplicate_of FROM articles a
WHERE a.id = events.article_id AND a.duplicate_of IS NOT NULL
"""


def build(path: Path, n_events: int) -> None:
    started = time.perf_counter()
    build_store(path, n_events)
    with Store(path) as store:
        store.connection.execute(MOVE_DUPLICATE_EVENTS_SQL)
        store.connection.execute(RECORD_SQL)
        store.connection.execute("CHECKPOINT")
    print(f"store of {n_events:,} events built in {time.perf_counter() - started:.1f} s")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(path: Path, repeat: int) -> list[float]:
    every: list[float] = []
    with Store(path, read_only=True) as store, TestClient(create_app(store)) as client:
        print(f"{'query':<28} {'total':>9} {'p50 ms':>8} {'p95 ms':>8}")
        for label, params in QUERIES.items():
            query = {"limit": 50, **params}
            total = client.get("/api/events", params=query).json()["total"]  # warm-up
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get("/api/events", params=query)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
            every += times
            print(
                f"{label:<28} {total:>9,} {statistics.median(times):8.1f} "
                f"{_percentile(times, 0.95):8.1f}"
            )
    return every


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse/keep this store file")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if not path.exists():
            build(path, args.events)
        times = measure(path, args.repeat)
    print(
        f"all {len(times)} requests: p50 {statistics.median(times):.1f} ms, "
        f"p95 {_percentile(times, 0.95):.1f} ms"
    )


if __name__ == "__main__":
    main()
