"""A real kill: `allegiance ingest` is SIGKILLed mid-run, then re-run to completion."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

# ALLEGIANCE_KILLS: how many SIGKILLs (default 4; `make reliability` runs 20). The corpus grows
# with it so that the ingest is still running at every kill.
KILLS = int(os.environ.get("ALLEGIANCE_KILLS", "4"))
ARTICLES = max(90, 25 * KILLS)

COUNTRIES = [
    "Chile",
    "Kenya",
    "Norway",
    "Vietnam",
    "Peru",
    "Ghana",
    "Finland",
    "Mexico",
    "Japan",
    "Egypt",
    "Canada",
    "Poland",
    "Brazil",
    "India",
    "Turkey",
    "Spain",
]
CLAUSES = [
    "{a} accused {b} of violating the fishing agreement signed in {y}",
    "{a} sent {n} million dollars of flood relief to {b}",
    "the foreign minister of {a} met her counterpart from {b} to discuss grain exports",
    "{a} expelled {k} diplomats from {b} after a spying scandal",
    "{a} could impose tariffs on steel from {b} if talks fail",
    "troops from {a} held joint exercises with {b} near the border",
    "{a} refused to extradite a businessman wanted by {b}",
    "{a} promised to help {b} rebuild {k} schools damaged by the earthquake",
    "lawmakers in {a} condemned the arrest of {k} journalists in {b}",
    "{a} and {b} agreed to reopen their embassies by {y}",
]


def _article(rng: random.Random, i: int) -> dict:
    parts = []
    for clause in rng.sample(CLAUSES, 5):
        a, b = rng.sample(COUNTRIES, 2)
        text = clause.format(
            a=a, b=b, n=rng.randint(2, 900), k=rng.randint(2, 40), y=rng.randint(1990, 2023)
        )
        parts.append(text[0].upper() + text[1:] + ".")
    return {"id": f"k{i:03d}", "published": "2024-06-01", "text": " ".join(parts)}


def _write_corpus(path: Path, n: int) -> None:
    rng = random.Random(7)
    path.write_text("\n".join(json.dumps(_article(rng, i)) for i in range(n)) + "\n")


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "allegiance",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--commit-every",
        "3",
    ]


def _snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        orphans = q("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)")
        return {
            "articles": sorted(r[0] for r in q("SELECT id FROM articles")),
            "events": sorted(r[0] for r in q("SELECT id FROM events")),
            "sentences": q("SELECT count(*) FROM sentences")[0][0],
            "orphans": orphans[0][0],
        }
    finally:
        con.close()


def test_sigkill_during_ingest_then_rerun_matches_clean_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, ARTICLES)
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(_ingest_cmd(corpus, clean_db), check=True, capture_output=True, timeout=600)
    expected = _snapshot(clean_db)
    assert len(expected["articles"]) == ARTICLES and expected["events"]

    rng = random.Random(11)
    stored_before = 0
    kills = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            _ingest_cmd(corpus, killed_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(2.5, 5.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        if not killed_db.exists():
            continue
        snap = _snapshot(killed_db)
        assert snap["orphans"] == 0
        assert len(snap["articles"]) >= stored_before  # nothing committed is lost
        stored_before = len(snap["articles"])
    assert kills >= 1, "ingest finished before any kill; corpus too small for this machine"
    print(f"kills survived: {kills} of {KILLS} attempts, {ARTICLES} articles")

    done = subprocess.run(
        _ingest_cmd(corpus, killed_db), check=True, capture_output=True, text=True, timeout=600
    )
    assert _snapshot(killed_db) == expected
    # The resumed run skipped every article committed before the last kill.
    assert f"{stored_before} already stored" in done.stderr
