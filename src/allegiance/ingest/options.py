"""Options of the readers (kept apart from ``__init__`` so reader modules can import them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from allegiance.models import Article, ReadProblem

Items: TypeAlias = Iterator[Article | ReadProblem]  # what every reader yields


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How sources are read.

    ``max_bytes`` bounds what one source may hold (a file, stdin, a decompressed ``.gz`` or one
    WARC record); ``default_published`` is the date given to articles whose source has none.
    """

    max_bytes: int = 50 * 1024 * 1024
    default_published: dt.date | None = None


def human_size(n: int) -> str:
    """A byte count for messages: ``'60 MB'``, ``'1.5 KB'``, ``'12 bytes'``."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= factor:
            return f"{n / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def too_large(size: int, options: ReadOptions) -> str:
    return f"file too large ({human_size(size)} > {human_size(options.max_bytes)})"
