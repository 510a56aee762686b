"""Benchmark of the analysis layer: a store of N synthetic events, then relations/blocs/flows.

    /work/venv/bin/python benchmarks/bench_analysis.py [--events 1000000] [--db PATH]

Events are inserted in bulk through Arrow (never one by one). The synthetic world has two
camps of actors: cooperative types inside a camp, conflictual across, 10% noise, 20% of events
with two actors, 2% of articles marked as syndicated duplicates, AID events with amounts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from allegiance.graph import AnalysisOptions, blocs, brokers, flows, relations, shifts
from allegiance.graph.plover import tables
from allegiance.models import EVENT_TYPES
from allegiance.store import Store
from allegiance.store.schemas import SCHEMAS

log = logging.getLogger("bench_analysis")

EVENTS_PER_ARTICLE = 10
ACTORS = 150
COOP = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID")
CONFLICT = ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT")


def _table(columns: dict[str, object], n: int, schema: pa.Schema) -> pa.Table:
    """An Arrow table in ``schema``'s column order; scalar values are repeated n times."""
    arrays = []
    for f in schema:
        value = columns[f.name]
        if value is None:
            arrays.append(pa.nulls(n, f.type))
        elif isinstance(value, str | float | int):
            arrays.append(pa.array(np.full(n, value), type=f.type))
        else:
            arrays.append(pa.array(value, type=f.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def _articles(n: int, rng: np.random.Generator) -> pa.Table:
    start = dt.date(2020, 1, 1)
    days = rng.integers(0, 5 * 365, n)
    ids = [f"art{i}" for i in range(n)]
    dup = rng.random(n) < 0.02
    return _table(
        {
            "id": ids,
            "title": ids,
            "url": None,
            "source": "bench",
            "lang": "en",
            "author": None,
            "published": [start + dt.timedelta(days=int(d)) for d in days],
            "text": "synthetic",
            "duplicate_of": [f"art{i - 1}" if d and i else None for i, d in enumerate(dup)],
            "minhash": None,
        },
        n,
        SCHEMAS["articles"],
    )


def _types(n: int, same_camp: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    friendly = np.where(rng.random(n) < 0.9, same_camp, ~same_camp)
    coop = np.array(COOP)[rng.integers(0, len(COOP), n)]
    conflict = np.array(CONFLICT)[rng.integers(0, len(CONFLICT), n)]
    return np.where(friendly, coop, conflict)


def _lists(first: np.ndarray, second: np.ndarray, two: np.ndarray) -> pa.Array:
    lengths = np.where(two, 2, 1)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    values = np.empty(int(lengths.sum()), dtype=object)
    values[offsets[:-1]] = first
    values[offsets[:-1][two] + 1] = second[two]
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, type=pa.string()))


def _events(n: int, articles: pa.Table, rng: np.random.Generator) -> pa.Table:
    codes = np.array([f"A{i:03d}" for i in range(ACTORS)], dtype=object)
    src, tgt, extra = (rng.integers(0, ACTORS, n) for _ in range(3))
    tgt = np.where(tgt == src, (tgt + 1) % ACTORS, tgt)
    etype = _types(n, (src % 2) == (tgt % 2), rng)
    article = rng.integers(0, articles.num_rows, n)
    published = articles.column("published").to_numpy(zero_copy_only=False)[article]
    aid = etype == "AID"
    amount = np.where(aid & (rng.random(n) < 0.5), rng.integers(1, 500, n) * 1e7, np.nan)
    modes = np.array(["military", "economic", "humanitarian"])[rng.integers(0, 3, n)]
    quad = tables().quad
    return _table(
        {
            "id": [f"e{i}" for i in range(n)],
            "article_id": [f"art{a}" for a in article],
            "event": etype,
            "mode": np.where(aid, modes, None).astype(object),
            "quad": [quad[t] for t in etype],
            "actor_code": codes[src],
            "actor_sector": None,
            "recipient_code": codes[tgt],
            "recipient_sector": None,
            "actor_codes": _lists(codes[src], codes[extra], rng.random(n) < 0.2),
            "recipient_codes": _lists(codes[tgt], codes[tgt], np.zeros(n, dtype=bool)),
            "factuality": np.where(rng.random(n) < 0.85, "asserted", "hypothetical"),
            "attributed_code": None,
            "amount_usd": amount,
            "amount_kind": np.where(np.isnan(amount), None, "money").astype(object),
            "location_name": None,
            "lat": None,
            "lon": None,
            "event_date": None,
            "reported_date": published,
            "sentence_idx": rng.integers(0, 40, n).astype(np.int32),
            "confidence": 0.8,
            "record": '{"sentence": {"text": "synthetic sentence"}}',
            "mutual": False,
        },
        n,
        SCHEMAS["events"],
    )


def build_store(path: Path, n_events: int, *, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    assert set(COOP + CONFLICT) <= set(EVENT_TYPES)
    articles = _articles(max(1, n_events // EVENTS_PER_ARTICLE), rng)
    events = _events(n_events, articles, rng)
    with Store(path) as store:
        con = store.connection
        con.register("bench_articles", articles)
        con.register("bench_events", events)
        con.execute("INSERT INTO articles BY NAME SELECT * FROM bench_articles")
        con.execute("INSERT INTO events BY NAME SELECT * FROM bench_events")


def _timed(label: str, func, *args, **kwargs) -> object:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label:<10} {time.perf_counter() - started:7.2f} s  ({len(result)} rows)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse/keep this store file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            started = time.perf_counter()
            build_store(db, args.events)
            print(f"built      {time.perf_counter() - started:7.2f} s  ({args.events:,} events)")
        options = AnalysisOptions()
        with Store(db, read_only=True) as store:
            rel = _timed("relations", relations, store, options)
            _timed("blocs", blocs, store, options)
            _timed("flows", flows, store, options)
            _timed("shifts", shifts, store, options, freq="month")
            _timed("brokers", brokers, store, options)
            print(
                f"pairs {len(rel)}, stories {int(rel['stories'].sum()):,}, "
                f"mentions {int(rel['mentions'].sum()):,}"
            )


if __name__ == "__main__":
    main()
