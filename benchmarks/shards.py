"""Reading back Ray shards in bounded memory: rows, time and peak RSS. Prints figures.

Usage: python benchmarks/shards.py [--files 40] [--rows 5000]

Writes FILES Parquet shards of ROWS rows each (a 4 KB extraction record and a 512-byte MinHash
signature per row, records in reverse order so that every shard needs sorting), then reads
them all back through ``allegiance.scale.shards.read_shards`` as ``allegiance attach`` does.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from allegiance.models import Article, Extraction
from allegiance.scale.shards import SHARD_SCHEMA, read_shards


def write_shards(directory: Path, files: int, rows: int) -> int:
    record = Extraction(article=Article(id="x", text="word " * 800), sentences=(), mentions=(),
                        events=())  # fmt: skip
    payload = json.dumps(record.to_dict())
    for f in range(files):
        table = [
            {"path": f"input{(f * 7) % files:03d}.jsonl", "record": rows - i,
             "article_id": f"a{f}-{i}", "extraction": payload, "minhash": b"\0" * 512,
             "problem": None, "problem_line": None}
            for i in range(rows)
        ]  # fmt: skip
        pq.write_table(pa.Table.from_pylist(table, schema=SHARD_SCHEMA), directory / f"{f}.parquet")
    return files * rows * (len(payload) + 512)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = write_shards(Path(tmp), args.files, args.rows)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started, count = time.perf_counter(), 0
        for _item in read_shards(Path(tmp)):
            count += 1
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count:,} rows, {data / 1e6:,.0f} MB of row data, read back in {seconds:.1f} s")
    print(f"peak RSS {peak:,.0f} MB (before reading: {before:,.0f} MB)")


if __name__ == "__main__":
    main()
