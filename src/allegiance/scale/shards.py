"""Parquet shards of extractions: what the Ray job writes and ``attach`` reads back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from allegiance.models import Extraction, ReadProblem

SHARD_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("record", pa.int64()),
        ("article_id", pa.string()),
        ("extraction", pa.string()),
        ("minhash", pa.binary()),
        ("problem", pa.string()),
        ("problem_line", pa.int64()),
    ]
)


def extraction_row(
    path: str, record: int, extraction: Extraction, minhash: bytes
) -> dict[str, Any]:
    return {
        "path": path,
        "record": record,
        "article_id": extraction.article.id,
        "extraction": json.dumps(extraction.to_dict(), ensure_ascii=False),
        "minhash": minhash,
        "problem": None,
        "problem_line": None,
    }


def problem_row(path: str, record: int, problem: ReadProblem) -> dict[str, Any]:
    return {
        "path": path,
        "record": record,
        "article_id": None,
        "extraction": None,
        "minhash": None,
        "problem": problem.message,
        "problem_line": problem.line,
    }


def read_shards(directory: Path) -> Iterator[tuple[Extraction, bytes] | ReadProblem]:
    """Every row of every shard, in input order (path, then record within the file)."""
    files = sorted(directory.rglob("*.parquet"))
    if not files:
        return
    table = (
        pq.ParquetDataset(files).read().sort_by([("path", "ascending"), ("record", "ascending")])
    )
    for batch in table.to_batches(max_chunksize=256):
        for row in batch.to_pylist():
            yield _item(row)


def _item(row: dict[str, Any]) -> tuple[Extraction, bytes] | ReadProblem:
    if row["problem"] is not None:
        return ReadProblem(row["path"], row["problem"], row["problem_line"])
    return Extraction.from_dict(json.loads(row["extraction"])), bytes(row["minhash"])
