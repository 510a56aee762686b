"""Records: JSON lines, JSON (one record or a list), CSV — ``text`` plus optional metadata."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from allegiance.errors import SourceError
from allegiance.ingest.build import Meta, make_article
from allegiance.ingest.dates import parse_date
from allegiance.ingest.decode import decode_bytes
from allegiance.ingest.options import Items, ReadOptions
from allegiance.models import Article, ReadProblem

# First name is the documented one; the others are accepted spellings seen in dumps.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "id": ("id",),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at"),
    "author": ("author", "authors", "byline"),
}
_LIST_KEYS = ("articles", "records", "items", "data")


def field(record: dict[str, Any], name: str) -> Any:
    for key in FIELDS[name]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def record_article(record: object, *, source: str, options: ReadOptions) -> Article:
    """An Article from one record (a JSON object or a CSV row)."""
    if not isinstance(record, dict):
        raise SourceError(source, f"record is a JSON {type(record).__name__}, not an object")
    text = field(record, "text")
    if text is None:
        raise SourceError(source, "missing or empty 'text'")
    if not isinstance(text, str):
        raise SourceError(source, f"'text' is a {type(text).__name__}, not a string")
    meta = Meta(
        id=_scalar(field(record, "id")),
        title=_scalar(field(record, "title")),
        url=_scalar(field(record, "url")),
        published=parse_date(field(record, "published")),
        author=field(record, "author"),
    )
    return make_article(text, meta, source=source, options=options)


def _scalar(value: Any) -> str | None:
    return None if value is None or isinstance(value, dict | list) else str(value)


def _problem(exc: SourceError, source: str, line: int | None, prefix: str = "") -> ReadProblem:
    return ReadProblem(source, prefix + exc.message, line)


def read_jsonl(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """One record per line; a bad line is reported with its line number and skipped."""
    text = decode_bytes(data, source=source)
    yield from _json_lines(text, source=source, options=options)


def _json_lines(text: str, *, source: str, options: ReadOptions) -> Items:
    # split on "\n" only: JSON strings may hold U+2028 and other characters splitlines() breaks at
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(source, f"malformed JSON: {exc.msg} (column {exc.colno})", number)
            continue
        try:
            yield record_article(record, source=f"{source}:{number}", options=options)
        except SourceError as exc:
            yield _problem(exc, source, number)


def read_json(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """A record, a list of records (or ``{"articles": [...]}``), or JSON lines in a .json file."""
    text = decode_bytes(data, source=source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from _json_lines(text, source=source, options=options)
        else:
            yield ReadProblem(source, f"malformed JSON: {exc.msg} (column {exc.colno})", exc.lineno)
        return
    yield from _records(_unwrap(document), source=source, options=options)


def _unwrap(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and field(document, "text") is None:
        for key in _LIST_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
    return [document]


def _records(records: list[Any], *, source: str, options: ReadOptions) -> Items:
    single = len(records) == 1
    for number, record in enumerate(records, start=1):
        where = source if single else f"{source}#{number}"
        try:
            yield record_article(record, source=where, options=options)
        except SourceError as exc:
            yield _problem(exc, source, None, "" if single else f"record {number}: ")


def read_csv(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """A CSV/TSV file with a header row holding a ``text`` column; delimiter sniffed."""
    text = decode_bytes(data, source=source)
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    header = [name.strip().lower() for name in next(reader, [])]
    if not set(FIELDS["text"]) & set(header):
        shown = ", ".join(header[:8]) or "none"
        yield ReadProblem(source, f"CSV has no 'text' column (columns: {shown})", 1)
        return
    yield from _csv_rows(reader, header, source=source, options=options)


def _csv_rows(
    reader: Iterable[list[str]], header: list[str], *, source: str, options: ReadOptions
) -> Items:
    line = 2
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadProblem(source, f"malformed CSV: {exc}", line)
            return
        if any(cell.strip() for cell in row):
            record = dict(zip(header, row, strict=False))
            try:
                yield record_article(record, source=f"{source}:{line}", options=options)
            except SourceError as exc:
                yield _problem(exc, source, line)
        line = getattr(reader, "line_num", line) + 1


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header row: the most frequent of , ; TAB | (comma if none)."""
    header = text.lstrip().partition("\n")[0]
    best = max(",;\t|", key=header.count)
    return best if header.count(best) else ","
