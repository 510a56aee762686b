"""`allegiance ingest ../shared/corpus`: the real article and the VOA stories, stored once each."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from allegiance.cli import cli
from allegiance.store import Store

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_ingest_shared_corpus_twice(shared_dir, tmp_path):
    db = tmp_path / "corpus.duckdb"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(shared_dir / "corpus"), "--db", str(db), "-q"])
    assert first.exit_code == 0, first.output
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT id, text FROM articles ORDER BY id")
        counts = store.counts()
    # 1 real article + 13 distinct VOA stories (one VOA story is in both files).
    assert len(rows) == 14
    assert len({r["id"] for r in rows}) == 14
    real = [r["text"] for r in rows if "NATO leaders are working harder" in r["text"]]
    assert len(real) == 1
    assert "ALSO READ" not in real[0] and "Guterres" not in real[0]
    assert real[0].rstrip().endswith("deciding how the conflict ends.")
    assert counts["events"] > 0

    again = runner.invoke(cli, ["ingest", str(shared_dir / "corpus"), "--db", str(db)])
    assert again.exit_code == 0
    assert "0 stored" in again.output
    with Store(db, read_only=True) as store:
        assert store.counts() == counts
