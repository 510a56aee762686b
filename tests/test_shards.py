"""Reading back the Parquet shards of a Ray run: input order, problems kept, no model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from allegiance.models import Article, Extraction, ReadProblem
from allegiance.scale.shards import SHARD_SCHEMA, extraction_row, problem_row, read_shards


def extraction(ident: str) -> Extraction:
    article = Article(id=ident, text=f"Text of {ident}.", published=dt.date(2025, 1, 2))
    return Extraction(article=article, sentences=(), mentions=(), events=())


def write(path: Path, rows: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=SHARD_SCHEMA), path)


def test_rows_come_back_in_input_order_across_shards(tmp_path: Path) -> None:
    # shards are written in whatever order the workers finish
    write(tmp_path / "b.parquet", [
        extraction_row("b.jsonl", 1, extraction("b1"), b"\x01"),
        extraction_row("a.jsonl", 2, extraction("a2"), b"\x02"),
    ])  # fmt: skip
    write(tmp_path / "a.parquet", [
        problem_row("a.jsonl", 1, ReadProblem("a.jsonl", "line 2 is not JSON", 2)),
        extraction_row("a.jsonl", 0, extraction("a0"), b"\x00"),
        extraction_row("b.jsonl", 0, extraction("b0"), b"\x03"),
    ])  # fmt: skip
    items = list(read_shards(tmp_path))
    labels = [
        item.message if isinstance(item, ReadProblem) else item[0].article.id for item in items
    ]
    assert labels == ["a0", "line 2 is not JSON", "a2", "b0", "b1"]
    first = items[0]
    assert not isinstance(first, ReadProblem)
    assert first[0].article.published == dt.date(2025, 1, 2) and first[1] == b"\x00"


def test_an_empty_directory_gives_nothing(tmp_path: Path) -> None:
    assert list(read_shards(tmp_path)) == []
