"""Every export format works on every store: undated articles, no locations, an empty store,
and a store holding only the real NATO/Ukraine article; each output is read back by its
consumer (pandas, networkx, json, the GDELT column count)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from allegiance.cli import cli
from allegiance.graph.exports import GDELT_COLUMNS
from allegiance.store import Store
from test_graph_world import build, extraction, main_article

FORMATS = ("parquet", "jsonl", "csv", "plover", "graphml", "gexf", "gdelt")
REAL_ARTICLE = "corpus/000_1ddcfbf26e8000d6.txt"


def undated_store(path: Path) -> Path:
    """Articles without a publication date, events without a date or a location."""
    return build(path, [extraction("u1", None, main_article())])  # type: ignore[arg-type]


def empty_store(path: Path) -> Path:
    with Store(path):
        pass
    return path


def export(db: Path, fmt: str, out: Path) -> None:
    args = ["export", "--db", str(db), "--format", fmt, "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--min-confidence", "0"])
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output


def read_back(fmt: str, out: Path) -> int:
    """Rows, records or edges read back from ``out`` by its consumer."""
    if fmt == "parquet":
        return len(pd.read_parquet(out / "events.parquet"))
    if fmt == "csv":
        return 0 if out.stat().st_size == 0 else len(pd.read_csv(out))
    if fmt in ("jsonl", "plover"):
        return len([json.loads(line) for line in out.read_text().splitlines()])
    if fmt == "graphml":
        return nx.read_graphml(out).number_of_edges()
    if fmt == "gexf":
        return nx.read_gexf(out).number_of_edges()
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert all(len(row) == len(GDELT_COLUMNS) == 61 for row in rows)
    return len(rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_undated_articles_without_locations(tmp_path, fmt):
    db = undated_store(tmp_path / "undated.duckdb")
    out = tmp_path / f"out.{fmt}"
    export(db, fmt, out)
    assert read_back(fmt, out) > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_an_empty_store(tmp_path, fmt):
    db = empty_store(tmp_path / "empty.duckdb")
    out = tmp_path / f"out.{fmt}"
    export(db, fmt, out)
    assert out.exists()
    assert read_back(fmt, out) == 0


@pytest.fixture(scope="module")
def real_store(tmp_path_factory, shared_dir) -> Path:
    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(shared_dir / REAL_ARTICLE), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_the_real_article(real_store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    export(real_store, fmt, out)
    if fmt != "parquet":
        assert out.stat().st_size > 0
    assert read_back(fmt, out) > 0


def test_csv_rows_carry_each_events_confidence(tmp_path):
    db = undated_store(tmp_path / "u.duckdb")
    export(db, "csv", tmp_path / "events.csv")
    rows = pd.read_csv(tmp_path / "events.csv")
    with Store(db, read_only=True) as store:
        stored = {e.id: e.confidence for e in store.events()}
    assert "confidence" in rows.columns and len(rows) == len(stored) > 0
    assert dict(zip(rows["id"], rows["confidence"], strict=True)) == stored


@pytest.mark.parametrize("fmt", ["csv", "parquet", "graphml"])
def test_an_output_that_cannot_be_written_is_one_line_exit_2(tmp_path: Path, fmt: str):
    db = undated_store(tmp_path / "s.duckdb")
    out = tmp_path / "missing-folder" / "nested" / f"out.{fmt}"
    if fmt == "parquet":
        (tmp_path / "missing-folder").write_text("a file where a folder should be")
    args = ["export", "--db", str(db), "--format", fmt, "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: cannot write "), result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
