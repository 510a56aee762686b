"""`allegiance ingest --ray`: Ray Data reads the files, workers extract, Parquet shards come out.

Each worker is a callable class that loads the spaCy pipeline once and calls the same
``Extractor.extract_serial`` as the command line; ``attach`` then stores the shards through
the same screening (ids, language, near-duplicates) as a local ingest.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from allegiance.errors import ConfigError
from allegiance.ingest import ReadOptions, read_file_bytes, signature, supported_files
from allegiance.models import Article, ReadProblem
from allegiance.scale.shards import SHARD_SCHEMA, extraction_row, problem_row
from allegiance.settings import Settings

log = logging.getLogger(__name__)

_LIGHT_CPU = 0.25  # CPU share asked for by file reads and Parquet writes


def require_ray() -> ModuleType:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError(
            "the Ray path needs Ray: pip install 'allegiance[ray]' (or use --workers N)"
        ) from exc
    return ray


@dataclass(frozen=True, slots=True)
class RayOptions:
    address: str | None = None  # None: start a local cluster on this machine
    workers: int = 2
    batch_size: int = 4  # files per batch handed to a worker


class ExtractFiles:
    """Ray Data callable class: file bytes in, one shard row per article (or problem) out."""

    def __init__(self, settings: Settings, read: ReadOptions) -> None:
        from allegiance.pipeline import Extractor

        self.extractor = Extractor(settings)
        self.read = read

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows: list[dict[str, Any]] = []
        for path, data in zip(
            batch.column("path").to_pylist(), batch.column("bytes").to_pylist(), strict=True
        ):
            rows.extend(self.rows_of(str(path), bytes(data)))
        return pa.Table.from_pylist(rows, schema=SHARD_SCHEMA)

    def rows_of(self, path: str, data: bytes) -> Iterator[dict[str, Any]]:
        items = list(read_file_bytes(data, source=path, options=self.read))
        articles = [a for a in items if isinstance(a, Article)]
        extractions = iter(self.extractor.extract_serial(articles))
        for record, item in enumerate(items):
            if isinstance(item, ReadProblem):
                yield problem_row(path, record, item)
            else:
                yield extraction_row(path, record, next(extractions), signature(item.text))


def input_files(paths: Iterable[str | Path]) -> list[str]:
    """Supported files under the given paths, sorted within each directory."""
    return [str(path) for path in supported_files(paths)]


def run_ray(
    paths: Iterable[str | Path],
    *,
    out_dir: Path,
    settings: Settings,
    read: ReadOptions | None = None,
    options: RayOptions | None = None,
) -> Path:
    """Extract every input on a Ray cluster; returns the directory of Parquet shards."""
    ray, options = require_ray(), options or RayOptions()
    files = input_files(paths)
    if not files:
        raise ConfigError("no supported input files found")
    _init_ray(ray, options)
    # Reads and writes are light; workers get most of a CPU each. With whole CPUs for the
    # workers, a 2-CPU cluster deadlocks: the actors hold both CPUs and the read never starts.
    light = {"num_cpus": _LIGHT_CPU}
    dataset = ray.data.read_binary_files(files, include_paths=True, num_cpus=_LIGHT_CPU)
    dataset = dataset.map_batches(
        ExtractFiles,
        fn_constructor_kwargs={"settings": settings, "read": read or ReadOptions()},
        batch_size=options.batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=options.workers),
        num_cpus=1 - _LIGHT_CPU,
    )
    dataset.write_parquet(str(out_dir), ray_remote_args=light)
    return out_dir


def _init_ray(ray: ModuleType, options: RayOptions) -> None:
    if ray.is_initialized():
        return
    if options.address:
        host = options.address.rsplit(":", 1)[0]
        local = {"_node_ip_address": host} if host in ("127.0.0.1", "localhost") else {}
        ray.init(address=options.address, log_to_driver=False, **local)
    else:
        ray.init(
            num_cpus=options.workers,
            include_dashboard=False,
            log_to_driver=False,
            _node_ip_address="127.0.0.1",
        )
