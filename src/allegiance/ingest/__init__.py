"""Readers: any source (files, directories, stdin, fetched bytes) -> :class:`Article` records.

Readers never raise for bad input: a source that cannot be read, or a record in it, becomes a
:class:`ReadProblem` with a one-line message, and reading goes on with the next one.

This package is the ingest stage's public API (``__all__``): the other stages (the watcher,
the Ray job, the batch ingest) use these names, not the modules behind them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from allegiance.errors import SourceError
from allegiance.ingest.dates import parse_date
from allegiance.ingest.dedup import NearDuplicateIndex, signature
from allegiance.ingest.feeds import entry_article, read_feed
from allegiance.ingest.files import (
    GZIP_MAGIC,
    format_of,
    gunzip,
    is_feed,
    load_file,
    os_problem,
    read_limited,
    sniff_format,
    walk,
)
from allegiance.ingest.html import read_html
from allegiance.ingest.lang import detect_language, is_english, why_not_english
from allegiance.ingest.options import Items, ReadOptions, too_large
from allegiance.ingest.records import read_csv, read_json, read_jsonl
from allegiance.ingest.text import read_markdown, read_text
from allegiance.ingest.warc import read_warc
from allegiance.ingest.web import read_page, web_format
from allegiance.models import Article, ReadProblem

__all__ = [
    "Article",
    "NearDuplicateIndex",
    "ReadOptions",
    "ReadProblem",
    "detect_language",
    "entry_article",
    "is_english",
    "parse_date",
    "read_bytes",
    "read_file_bytes",
    "read_page",
    "read_path",
    "read_sources",
    "read_stdin",
    "read_web",
    "signature",
    "supported_files",
    "web_format",
    "why_not_english",
]

log = logging.getLogger(__name__)

Reader = Callable[..., Iterator[Article | ReadProblem]]
DEFAULT_OPTIONS = ReadOptions()
STDIN = "-"


def _read_xml(data: bytes, *, source: str, options: ReadOptions) -> Items:
    if is_feed(data):
        yield from read_feed(data, source=source, options=options)
    else:
        yield ReadProblem(source, "XML file that is not an RSS or Atom feed")


def _read_warc_bytes(data: bytes, *, source: str, options: ReadOptions) -> Items:
    import io

    yield from read_warc(io.BytesIO(data), source=source, options=options)


READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "feed": read_feed,
    "xml": _read_xml,
    "warc": _read_warc_bytes,
}


def read_sources(
    paths: Iterable[str | Path],
    *,
    options: ReadOptions = DEFAULT_OPTIONS,
    stdin: BinaryIO | None = None,
) -> Items:
    """Articles (and problems) from files, directories (recursively) and ``-`` for stdin."""
    for item in paths:
        if str(item) == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, options=options)
        else:
            yield from read_path(Path(item), options=options)


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    """The paths (not ``-``) that do not exist: checked before anything slow starts."""
    return [str(p) for p in paths if str(p) != STDIN and not Path(p).exists()]


def read_path(path: Path, *, options: ReadOptions) -> Items:
    """A file by its extension, or every supported file under a directory (sorted)."""
    if path.is_dir():
        yield from _read_directory(path, options=options)
    else:
        yield from _guarded(str(path), _read_file(path, options=options))


def read_stdin(stream: BinaryIO, *, options: ReadOptions) -> Items:
    """Standard input, format detected from the content."""

    def _read() -> Items:
        data = read_limited(stream, source=STDIN, options=options)
        yield from read_bytes(data, source=STDIN, options=options)

    yield from _guarded(STDIN, _read())


def read_bytes(data: bytes, *, source: str, options: ReadOptions, fmt: str | None = None) -> Items:
    """Content already in memory; ``fmt`` (a key of READERS) or detected. May raise SourceError."""
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, source=source, options=options)
    reader = READERS[fmt or sniff_format(data)]
    yield from reader(data, source=source, options=options)


def read_file_bytes(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """The bytes of a file named ``source`` (format from its name, else sniffed); never raises.

    For callers that fetch the bytes themselves (the Ray job reads files as binary columns).
    """

    def _read() -> Items:
        if len(data) > options.max_bytes:
            raise SourceError(source, too_large(len(data), options))
        if not data.strip():
            raise SourceError(source, "empty file")
        yield from read_bytes(data, source=source, options=options, fmt=format_of(Path(source))[0])

    yield from _guarded(source, _read())


def read_web(
    data: bytes,
    *,
    url: str,
    content_type: str | None,
    charset: str | None,
    options: ReadOptions,
) -> Items:
    """An HTTP answer (a page gives one article, a feed one per entry); never raises.

    ``content_type`` and ``charset`` are the server's; the bytes decide the format, the
    Content-Type only breaks ties (:func:`web_format`).
    """

    try:
        fmt = web_format(data, content_type=content_type)
        if fmt == "html":
            yield read_page(data, url=url, charset=charset, options=options)
        else:
            yield from read_bytes(data, source=url, options=options, fmt=fmt)
    except SourceError as exc:
        yield ReadProblem(exc.source, exc.message, exc.line)
    except Exception as exc:  # a library failing on odd input must not stop the other URLs
        log.debug("%s: unexpected error", url, exc_info=True)
        yield ReadProblem(url, f"could not read ({type(exc).__name__})")


def supported_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read: each path that is not a directory, and the supported files under
    each directory (recursively, sorted within each directory)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(path)
            continue
        for entry in walk(path):
            if not isinstance(entry, Exception) and format_of(entry)[0] is not None:
                files.append(entry)
    return files


def _read_file(path: Path, *, options: ReadOptions) -> Items:
    source = str(path)
    fmt, _gzipped = format_of(path)
    if fmt == "warc":
        yield from _stream_warc(path, options=options)
        return
    data = load_file(path, options=options)
    yield from read_bytes(data, source=source, options=options, fmt=fmt)


def _stream_warc(path: Path, *, options: ReadOptions) -> Items:
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise os_problem(source, exc) from exc
    with handle:
        if not handle.read(1):
            raise SourceError(source, "empty file")
        handle.seek(0)
        yield from read_warc(handle, source=source, options=options)


def _read_directory(root: Path, *, options: ReadOptions) -> Items:
    for entry in walk(root):
        if isinstance(entry, SourceError):
            yield ReadProblem(entry.source, entry.message, entry.line)
        elif format_of(entry)[0] is None:
            log.info("%s: skipped, not a supported file type", entry)
        else:
            yield from _guarded(str(entry), _read_file(entry, options=options))


def _guarded(source: str, items: Items) -> Items:
    """Pass items on; a SourceError (or a library failing) ends this source with a problem."""
    try:
        yield from items
    except SourceError as exc:
        yield ReadProblem(exc.source, exc.message, exc.line)
    except Exception as exc:  # a library failing on odd input must not stop the other sources
        log.debug("%s: unexpected error", source, exc_info=True)
        yield ReadProblem(source, f"could not read ({type(exc).__name__}: {_one_line(exc)})")


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]
