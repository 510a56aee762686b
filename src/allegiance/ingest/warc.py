"""WARC/ARC archives (plain or gzipped) via warcio: each HTML ``response`` record is an article.

Archives are streamed: ``max_bytes`` bounds each record, not the archive. A truncated or corrupt
archive yields the articles read so far, then one problem.
"""

from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from allegiance.errors import SourceError
from allegiance.ingest.dates import parse_date
from allegiance.ingest.html import html_article
from allegiance.ingest.options import Items, ReadOptions, too_large
from allegiance.models import ReadProblem

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, *, source: str, options: ReadOptions) -> Items:
    """Articles of the HTML responses in a WARC/ARC stream."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _looks_like_archive(stream):
        yield ReadProblem(source, "not a WARC or ARC archive")
        return
    number = 0
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        for number, record in enumerate(_quiet(records), start=1):
            yield from _record(record, number, source=source, options=options)
    except _Truncated as exc:
        yield ReadProblem(source, f"truncated archive: record {exc.number} is incomplete")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        message = " ".join(str(exc).split())[:200]
        yield ReadProblem(source, f"corrupt archive after {number} records ({message})")


def _quiet(records: Iterator[Any]) -> Iterator[Any]:
    """warcio writes warnings about damaged records straight to stderr: log them instead."""
    while True:
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            record = next(records, None)
        if captured.getvalue().strip():
            log.debug("warcio: %s", " ".join(captured.getvalue().split()))
        if record is None:
            return
        yield record


def _looks_like_archive(stream: BinaryIO) -> bool:
    """The (seekable) stream starts with a WARC or ARC header, possibly gzipped; rewound after."""
    head = stream.read(512)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


class _Truncated(Exception):
    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _record(record: Any, number: int, *, source: str, options: ReadOptions) -> Items:
    if not record.rec_type or not record.rec_headers.get_header("WARC-Date"):
        raise _Truncated(number)
    wanted = _is_html_response(record)
    payload = _read_payload(record, keep=wanted, limit=options.max_bytes + 1)
    if getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= options.max_bytes:
        raise _Truncated(number)  # the stream ended before the record's declared length
    if not wanted:
        return
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#{number}"
    if len(payload) > options.max_bytes:
        yield ReadProblem(source, f"record {number} ({uri}): {too_large(len(payload), options)}")
        return
    try:
        yield html_article(
            payload,
            source=where,
            options=options,
            url=uri,
            charset=_charset(record),
            fallback_date=parse_date(record.rec_headers.get_header("WARC-Date")),
        )
    except SourceError as exc:
        log.info("%s (%s): skipped, %s", where, uri, exc.message)


def _read_payload(record: Any, *, keep: bool, limit: int) -> bytes:
    """The payload (up to ``limit`` bytes) when kept; otherwise read through and dropped."""
    stream = record.content_stream()
    if keep:
        return bytes(stream.read(limit))
    while stream.read(1 << 16):
        pass
    return b""


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _charset(record: Any) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
