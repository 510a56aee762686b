"""A full disk: a tiny tmpfs the test mounts (root only). Clear error, usable store afterwards."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

WORDS = [
    "ministers",
    "delegation",
    "border",
    "agreement",
    "talks",
    "ceasefire",
    "aid",
    "convoy",
    "troops",
    "election",
    "court",
    "sanctions",
    "protest",
    "refugees",
    "harbour",
    "pipeline",
    "treaty",
    "summit",
    "drought",
    "grain",
    "loan",
]


def _corpus(path: Path, n: int) -> None:
    rng = random.Random(3)
    rows = []
    for i in range(n):
        filler = " ".join(rng.choice(WORDS) for _ in range(400))
        rows.append({"id": f"d{i}", "text": f"Kenya sent aid to Somalia. {filler}."})
    path.write_text("\n".join(json.dumps(r) for r in rows))


@pytest.fixture()
def tiny_fs(tmp_path):
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs root")
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.decode().strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_ingest_onto_a_full_disk_fails_cleanly_and_keeps_the_store(tiny_fs, tmp_path):
    corpus = tmp_path / "big.jsonl"
    _corpus(corpus, 300)
    db = tiny_fs / "store.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "allegiance",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "-q",
        "--commit-every",
        "10",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert lines and "Traceback" not in done.stderr
    assert "space" in lines[-1].lower() or "disk" in lines[-1].lower() or "write" in lines[-1]

    # What was committed is still there and consistent once space is freed.
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    wal = Path(str(db) + ".wal")
    if wal.exists():
        shutil.copy(wal, Path(str(copy) + ".wal"))
    con = duckdb.connect(str(copy))
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    orphans = con.execute(
        "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    con.close()
    assert orphans == 0
    assert 0 <= stored < 300
    rerun = subprocess.run(
        [sys.executable, "-m", "allegiance", "ingest", str(corpus), "--db", str(copy), "-q"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert rerun.returncode == 0, rerun.stderr
    con = duckdb.connect(str(copy), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 300
