"""`allegiance serve` keeps answering while `allegiance ingest` writes the same store from
another process (DuckDB's single-writer file lock; see docs/reliability.md)."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from allegiance.store import Store

PLACES = ["Chile", "Kenya", "Norway", "Vietnam", "Ghana", "Finland", "Mexico", "Japan", "Egypt"]
LINES = [
    "{a} accused {b} of breaking the river treaty.",
    "{a} sent {n} million dollars of drought relief to {b}.",
    "{a} expelled {n} diplomats from {b} after a bugging scandal.",
    "{a} and {b} agreed to reopen their consulates.",
    "{a} condemned the detention of {n} sailors by {b}.",
]
INGEST = [sys.executable, "-m", "allegiance", "ingest"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_corpus(path: Path, n: int, *, seed: int = 3) -> None:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        parts = []
        for line in rng.sample(LINES, 3):
            a, b = rng.sample(PLACES, 2)
            parts.append(line.format(a=a, b=b, n=rng.randint(2, 90)))
        rows.append(
            {"id": f"c{i:03d}", "published": f"2024-03-0{1 + i % 9}", "text": " ".join(parts)}
        )
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "allegiance", "serve", "--db", str(db), "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "ALLEGIANCE_TOKEN"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(
        f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
    )


@pytest.mark.model
@pytest.mark.slow
def test_server_answers_while_ingest_writes(tmp_path):
    db, corpus = tmp_path / "live.duckdb", tmp_path / "corpus.jsonl"
    Store(db).close()  # an empty, migrated store
    write_corpus(corpus, 40)
    port = free_port()
    server = start_server(db, port)
    url = f"http://127.0.0.1:{port}/api/events?limit=5&min_confidence=0"  # every stored event
    statuses: dict[int, int] = {}
    try:
        ingest = subprocess.Popen(
            [*INGEST, str(corpus), "--db", str(db), "--commit-every", "4", "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        totals = []
        with httpx.Client(timeout=30) as client:
            while ingest.poll() is None:
                response = client.get(url)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code == 200:
                    totals.append(response.json()["total"])
                else:
                    assert response.status_code == 503, response.text
                    assert "locked" in response.json()["message"]
                    assert "content-security-policy" in response.headers
                time.sleep(0.02)
            _, err = ingest.communicate(timeout=60)
            assert ingest.returncode == 0, err.decode()
            final = client.get(url).json()["total"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    polls = sum(statuses.values())
    print(f"concurrent serve+ingest: {polls} polls, statuses {statuses}")
    assert polls >= 20
    assert statuses.get(503, 0) <= max(1, polls // 50)  # rare and bounded
    assert set(statuses) <= {200, 503}
    assert totals == sorted(totals)  # the server sees batches land, never loses them
    assert totals[0] < final and final > 0  # events written during the run are served after it
    with Store(db, read_only=True) as store:
        assert final == len(list(store.events()))
