"""Local worker processes and a real local Ray cluster give exactly the single-process events."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from allegiance import Extractor, Settings
from allegiance.batch import IngestOptions, ingest, store_extractions
from allegiance.store import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]

STORIES = [
    "Brazil sent 40 firefighters and two aircraft to help Bolivia fight forest fires on Monday.",
    "Egypt accused Ethiopia of endangering its water supply by filling the dam without a deal.",
    "Police in Nairobi fired tear gas at protesters who marched on parliament against new taxes.",
    "Japan and the Philippines signed a defence pact allowing their troops to train together.",
    "The United Nations asked Sudan's army to open the road to Darfur for food convoys.",
    "Turkey threatened to veto the new members unless they stopped backing Kurdish militants.",
    "France will withdraw its last soldiers from Niger by the end of the year, Paris said.",
    "China could impose sanctions on American defence firms if the arms sale to Taiwan goes ahead.",
]


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for part in range(2):
        rows = [
            {
                "id": f"s{part}-{i}",
                "published": f"2024-09-0{part + 1}",
                "text": f"{text} {STORIES[(i + 3) % len(STORIES)]}",
            }
            for i, text in enumerate(STORIES)
        ]
        (folder / f"part-{part}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (folder / "note.txt").write_text("Chile and Peru agreed to reopen their border crossing.\n")
    return folder


def _events(db: Path) -> list[tuple]:
    with Store(db, read_only=True) as store:
        rows = store.query(
            "SELECT id, article_id, event, actor_codes, recipient_codes, "
            "factuality, record FROM events ORDER BY id"
        )
        articles = store.query("SELECT id, duplicate_of FROM articles ORDER BY id")
    return [tuple(r.values()) for r in rows] + [tuple(a.values()) for a in articles]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = _corpus(tmp_path_factory.mktemp("in") / "corpus")
    db = tmp_path_factory.mktemp("ref") / "single.duckdb"
    with Store(db) as store:
        ingest([folder], store=store, extractor=Extractor(Settings()))
    return folder, _events(db)


def test_two_local_workers_match_single_process(reference, tmp_path):
    folder, expected = reference
    with Store(tmp_path / "w2.duckdb") as store:
        ingest(
            [folder],
            store=store,
            extractor=Extractor(Settings(workers=2)),
            options=IngestOptions(commit_every=5),
        )
    assert _events(tmp_path / "w2.duckdb") == expected


@pytest.fixture()
def ray_head(tmp_path):
    """A real Ray head node on 127.0.0.1 (`ray start --head`), stopped afterwards.

    Ray turns token authentication on for a head started where a token file exists (left by
    any earlier local ray.init); this head is for this test only, on loopback, so it is
    started with RAY_AUTH_MODE=disabled and the driver connects without a token.
    """
    pytest.importorskip("ray", reason="Ray is an optional extra")
    ray_cli = Path(sys.executable).with_name("ray")
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
    port = _start_head(ray_cli, env)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([str(ray_cli), "stop", "--force"], capture_output=True, timeout=120, env=env)


HEAD_ATTEMPTS = 3  # a free port can be taken before Ray binds it; a local cluster may be closing


def _start_head(ray_cli: Path, env: dict[str, str]) -> int:
    """Start the head on a free port, trying again on a fresh port; fail with Ray's own words."""
    errors = []
    for attempt in range(HEAD_ATTEMPTS):
        port = _free_port()
        start = [str(ray_cli), "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}",
                 "--num-cpus=2", "--include-dashboard=false", "--disable-usage-stats"]  # fmt: skip
        done = subprocess.run(start, capture_output=True, text=True, timeout=180, env=env)
        if done.returncode == 0:
            return port
        errors.append(f"attempt {attempt + 1}: {(done.stderr or done.stdout).strip()[-2000:]}")
        time.sleep(5)
    pytest.fail("ray start --head failed:\n" + "\n".join(errors))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_ray_cluster_matches_single_process(reference, tmp_path, ray_head):
    import ray

    from allegiance.scale.ray_job import RayOptions, run_ray
    from allegiance.scale.shards import read_shards

    folder, expected = reference
    try:
        shards = run_ray(
            [folder],
            out_dir=tmp_path / "shards",
            settings=Settings(),
            options=RayOptions(address=ray_head, workers=2, batch_size=1),
        )
        assert ray.cluster_resources().get("CPU") == 2  # the head we started, not a new one
    finally:
        ray.shutdown()
    with Store(tmp_path / "ray.duckdb") as store:
        stats = store_extractions(read_shards(shards), store=store)
    assert stats.stored == len({row[0] for row in expected if len(row) == 2})
    assert _events(tmp_path / "ray.duckdb") == expected


def _ingest_command(*args: str) -> subprocess.CompletedProcess[str]:
    """`allegiance ingest ARGS` in a fresh interpreter, Python's deprecation warnings shown."""
    command = [sys.executable, "-W", "default::DeprecationWarning", "-m", "allegiance", "ingest"]
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=1800, env=env, check=False
    )


def _ray_deprecations(stderr: str) -> list[str]:
    """Deprecation notices about our calls: a Python warning pointing into allegiance, or
    Ray's own log line about an argument ("WARNING util.py:650 -- The argument
    ``concurrency`` is deprecated ..."). Ray's warnings about its own internals (raised
    inside ray/ whatever the caller) are not ours."""
    return [
        line
        for line in stderr.splitlines()
        if "deprecat" in line.lower() and ("/allegiance/" in line or " -- " in line)
    ]


@pytest.mark.shared
@pytest.mark.parametrize("source", ["corpus", "news/voa/voa_stories.jsonl"])
def test_ray_ingest_command_stores_what_the_local_ingest_stores(shared_dir, tmp_path, source):
    """../shared/corpus and the 89 VOA stories: `allegiance ingest --ray` stores the local
    ingest's events (story 8005899 once gave one event id twice, which failed the Ray path's
    write)."""
    pytest.importorskip("ray", reason="Ray is an optional extra")
    stories = str(shared_dir / source)
    local = _ingest_command("--db", str(tmp_path / "local.duckdb"), stories)
    assert local.returncode == 0, local.stderr[-3000:]
    shards = str(tmp_path / "shards")
    ray = _ingest_command(
        "--db", str(tmp_path / "ray.duckdb"), "--ray", "--ray-out", shards, stories
    )
    assert ray.returncode == 0, ray.stderr[-3000:]
    expected = _events(tmp_path / "local.duckdb")
    assert expected
    assert _events(tmp_path / "ray.duckdb") == expected
    if source.endswith("voa_stories.jsonl"):
        # the meeting of two U.S. officials with Russia: one reciprocal event, stored once
        assert "5c9a022197339800" in {row[0] for row in expected}
    assert _ray_deprecations(ray.stderr) == []
