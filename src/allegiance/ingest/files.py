"""Getting bytes out of paths and stdin safely: size limits, gzip, permissions, file types."""

from __future__ import annotations

import errno
import logging
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from allegiance.errors import SourceError
from allegiance.ingest.decode import bom_encoding
from allegiance.ingest.options import ReadOptions, human_size, too_large

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
}  # fmt: skip
GZIP_SUFFIXES = (".gz", ".gzip")
_JSON_LIST = re.compile(rb"\[\s*[{\]]")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_MARKUP = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|h1)[\s>/]", re.I
)


def format_of(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name: ``a.jsonl.gz`` -> ("jsonl", True); unknown -> None."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] in GZIP_SUFFIXES
    if gzipped:
        suffixes = suffixes[:-1]
    return (FORMATS.get(suffixes[-1]) if suffixes else None), gzipped


def sniff_format(data: bytes) -> str:
    """Format of content with no telling name (stdin, unknown extension)."""
    head = _head_text(data)
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if _JSON_LIST.match(head):
        return "json"
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head):
            return "feed"
        return "html" if _MARKUP.search(head) or not head.startswith(b"<?xml") else "xml"
    return "text"


def _head_text(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes, without BOM and leading white space."""
    head = data[:4096]
    encoding = bom_encoding(head)
    if encoding and encoding != "utf-8":
        head = head.decode(encoding, errors="ignore").encode("utf-8", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()


def is_feed(data: bytes) -> bool:
    return bool(_FEED_ROOT.search(_head_text(data)))


def os_problem(source: str, exc: OSError) -> SourceError:
    """A one-line message for an OS error."""
    messages = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory",
        errno.ELOOP: "too many levels of symbolic links",
    }
    message = messages.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return SourceError(source, message)


def load_file(path: Path, *, options: ReadOptions) -> bytes:
    """All bytes of a regular file, at most ``options.max_bytes``."""
    source = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SourceError(source, "not a regular file")
        if size > options.max_bytes:
            raise SourceError(source, too_large(size, options))
        with path.open("rb") as handle:
            return read_limited(handle, source=source, options=options)
    except OSError as exc:
        raise os_problem(source, exc) from exc


def read_limited(stream: BinaryIO, *, source: str, options: ReadOptions) -> bytes:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise SourceError(source, f"file too large (> {human_size(options.max_bytes)})")
    if not data.strip():
        raise SourceError(source, "empty file")
    return data


def gunzip(data: bytes, *, source: str, options: ReadOptions) -> bytes:
    """Decompress all gzip members; truncated or corrupt data and oversize output are problems."""
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, options.max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise SourceError(source, f"corrupt gzip data ({exc})") from exc
        if len(out) > options.max_bytes:
            limit = human_size(options.max_bytes)
            raise SourceError(source, f"file too large when decompressed (> {limit})")
        if not inflater.eof:
            raise SourceError(source, "truncated gzip file")
        data = inflater.unused_data.lstrip(b"\x00")
    if not out.strip():
        raise SourceError(source, "empty file")
    return bytes(out)


def walk(root: Path) -> Iterator[Path | SourceError]:
    """Files under ``root`` in sorted order, hidden files and directories skipped."""
    errors: list[SourceError] = []

    def on_error(exc: OSError) -> None:
        errors.append(os_problem(str(exc.filename or root), exc))

    found: list[Path] = []
    for directory, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(directory, f) for f in files if not f.startswith("."))
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)
    yield from errors
