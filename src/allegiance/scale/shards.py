"""Parquet shards of extractions: what the Ray job writes and ``attach`` reads back."""

from __future__ import annotations

import heapq
import json
import tempfile
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


BATCH_ROWS = 256


def read_shards(directory: Path) -> Iterator[tuple[Extraction, bytes] | ReadProblem]:
    """Every row of every shard, in input order (path, then record within the file).

    An external merge sort: each shard is sorted on its own and written to a temporary file,
    then the sorted copies are merged a batch at a time. Memory holds one shard while it is
    sorted and one batch per shard while merging, whatever the size of the whole run."""
    files = sorted(directory.rglob("*.parquet"))
    if not files:
        return
    with tempfile.TemporaryDirectory(prefix="allegiance-shards-") as spill:
        copies = [_sorted_copy(f, Path(spill) / f"{i}.parquet") for i, f in enumerate(files)]
        rows = heapq.merge(*(_rows(c) for c in copies), key=lambda r: (r["path"], r["record"]))
        for row in rows:
            yield _item(row)


def _sorted_copy(shard: Path, target: Path) -> Path:
    table = pq.read_table(shard).sort_by([("path", "ascending"), ("record", "ascending")])
    pq.write_table(table, target, row_group_size=BATCH_ROWS)
    return target


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH_ROWS):
        yield from batch.to_pylist()


def _item(row: dict[str, Any]) -> tuple[Extraction, bytes] | ReadProblem:
    if row["problem"] is not None:
        return ReadProblem(row["path"], row["problem"], row["problem_line"])
    return Extraction.from_dict(json.loads(row["extraction"])), bytes(row["minhash"])
