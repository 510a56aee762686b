"""Load test: concurrent clients against `allegiance serve` on 127.0.0.1.

    /work/venv/bin/python benchmarks/load_test.py [--clients 50] [--seconds 30] [--events 100000]
        [--held] [--json OUT]

Builds a store of N synthetic events in bulk (``bench_api.build``: Arrow -> DuckDB, full JSON
records), starts ``allegiance serve`` on a free port in a subprocess, then runs CLIENTS
concurrent clients (httpx, asyncio) for SECONDS on ``/api/events`` (varied filters and pages)
and ``/api/relations``. Prints requests, errors (non-200 or transport), p50/p95/p99 latency.
``--held`` serves with a token, so the server keeps the DuckDB file open instead of opening it
read-only per request: the difference is the cost of letting an ingest run alongside.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import build

EVENT_QUERIES: list[dict[str, object]] = [
    {},
    {"actor": "A001"},
    {"involving": "A017"},
    {"type": "AID"},
    {"since": "2022-01-01", "until": "2022-03-31"},
    {"actor": "A042", "offset": 200},
]
RELATION_QUERIES: list[dict[str, object]] = [{}, {"actor": "A001"}, {"since": "2022-01-01"}]


@dataclass
class Result:
    clients: int
    seconds: float
    events: int
    held: bool
    requests: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    by_path: dict[str, list[float]] = field(default_factory=dict, repr=False)

    def add(self, path: str, ms: float) -> None:
        self.latencies_ms.append(ms)
        self.by_path.setdefault(path, []).append(ms)
        self.requests += 1

    def summary(self) -> dict[str, object]:
        skip = ("latencies_ms", "by_path")
        data = {k: v for k, v in asdict(self).items() if k not in skip}
        data.update(percentiles(self.latencies_ms))
        data["requests_per_s"] = round(self.requests / self.seconds, 1)
        data["by_path"] = {
            path: {"requests": len(ms), **percentiles(ms)} for path, ms in self.by_path.items()
        }
        return data


def percentiles(values: list[float]) -> dict[str, float]:
    return {
        name: round(percentile(values, q), 1)
        for name, q in (("p50_ms", 0.50), ("p95_ms", 0.95), ("p99_ms", 0.99))
    }


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(db: Path, *, held: bool) -> Iterator[str]:
    """`allegiance serve` in a subprocess; yields its base URL, stops it afterwards."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "ALLEGIANCE_TOKEN"}
    if held:
        env["ALLEGIANCE_TOKEN"] = "load-test-token"
    cmd = [sys.executable, "-m", "allegiance", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("server did not answer within 60 s")


async def _client(http: httpx.AsyncClient, result: Result, stop: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < stop:
        relations = rng.random() < 0.3
        path = "/api/relations" if relations else "/api/events"
        params = rng.choice(RELATION_QUERIES if relations else EVENT_QUERIES)
        started = time.perf_counter()
        try:
            response = await http.get(path, params=params)
            kind = None if response.status_code == 200 else f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            kind = type(exc).__name__
        result.add(path, (time.perf_counter() - started) * 1000)
        if kind:
            result.errors += 1
            result.error_kinds[kind] = result.error_kinds.get(kind, 0) + 1


async def _run(base: str, result: Result) -> None:
    limits = httpx.Limits(max_connections=result.clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        stop = time.monotonic() + result.seconds
        await asyncio.gather(*(_client(http, result, stop, i) for i in range(result.clients)))


def run_load(db: Path, *, clients: int, seconds: float, events: int, held: bool) -> Result:
    """Serve ``db`` and load it; the store must exist (see ``build``)."""
    result = Result(clients=clients, seconds=seconds, events=events, held=held)
    with server(db, held=held) as base:
        asyncio.run(_run(base, result))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse/keep this store file")
    parser.add_argument("--held", action="store_true", help="server keeps the file open")
    parser.add_argument("--json", type=Path, default=None, help="also write the summary here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        if not db.exists():
            build(db, args.events)
        result = run_load(
            db, clients=args.clients, seconds=args.seconds, events=args.events, held=args.held
        )
    summary = result.summary()
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    sys.exit(1 if result.errors else 0)


if __name__ == "__main__":
    main()
