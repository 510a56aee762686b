"""Local worker processes and a real local Ray cluster give exactly the single-process events."""

from __future__ import annotations

import json
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
        rows = [{"id": f"s{part}-{i}", "published": "2024-09-0{}".format(part + 1),
                 "text": f"{text} {STORIES[(i + 3) % len(STORIES)]}"}
                for i, text in enumerate(STORIES)]  # fmt: skip
        (folder / f"part-{part}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (folder / "note.txt").write_text("Chile and Peru agreed to reopen their border crossing.\n")
    return folder


def _events(db: Path) -> list[tuple]:
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT id, article_id, event, actor_codes, recipient_codes, "
                           "factuality, record FROM events ORDER BY id")  # fmt: skip
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
        ingest([folder], store=store, extractor=Extractor(Settings(workers=2)),
               options=IngestOptions(commit_every=5))  # fmt: skip
    assert _events(tmp_path / "w2.duckdb") == expected


def test_ray_cluster_matches_single_process(reference, tmp_path):
    ray = pytest.importorskip("ray", reason="Ray is an optional extra")
    from allegiance.scale.ray_job import RayOptions, run_ray
    from allegiance.scale.shards import read_shards

    folder, expected = reference
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             _node_ip_address="127.0.0.1")  # fmt: skip
    try:
        assert ray.get_runtime_context().gcs_address.startswith("127.0.0.1")
        shards = run_ray([folder], out_dir=tmp_path / "shards", settings=Settings(),
                         options=RayOptions(workers=2, batch_size=1))  # fmt: skip
    finally:
        ray.shutdown()
    with Store(tmp_path / "ray.duckdb") as store:
        stats = store_extractions(read_shards(shards), store=store)
    assert stats.stored == len({row[0] for row in expected if len(row) == 2})
    assert _events(tmp_path / "ray.duckdb") == expected
