"""Fuzzing every reader: whatever the bytes, a reader yields articles or one-line problems.

Examples per test: ALLEGIANCE_FUZZ_EXAMPLES (default 150; `make fuzz` runs the long variant).
Each test counts the inputs it tried into ALLEGIANCE_FUZZ_REPORT (a JSON file) when set.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.ingest import ReadOptions, read_bytes, read_sources
from allegiance.ingest.files import format_of
from allegiance.models import Article, ReadProblem

EXAMPLES = int(os.environ.get("ALLEGIANCE_FUZZ_EXAMPLES", "150"))
REPORT = os.environ.get("ALLEGIANCE_FUZZ_REPORT")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not REPORT,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OPTIONS = ReadOptions(max_bytes=2 * 1024 * 1024)
SUFFIXES = [
    ".txt",
    ".md",
    ".html",
    ".jsonl",
    ".json",
    ".csv",
    ".warc",
    ".warc.gz",
    ".rss",
    ".atom",
    ".xml",
    ".txt.gz",
]
TRICKY = ["\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\ud7ff", "é", "ß", "\u0645", "\n", "\r"]

_tried: dict[str, int] = {}


def _count(name: str) -> None:
    _tried[name] = _tried.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if REPORT:
        path = Path(REPORT)
        old = json.loads(path.read_text()) if path.exists() else {}
        old.update(_tried)
        path.write_text(json.dumps(old, indent=2))


def _check(items: list[object]) -> None:
    for item in items:
        assert isinstance(item, Article | ReadProblem)
        if isinstance(item, ReadProblem):
            assert "\n" not in str(item) and str(item).strip()
        else:
            assert item.text.strip() and item.id


def _read_file(tmp: Path, suffix: str, data: bytes) -> list[object]:
    path = tmp / f"input{suffix}"
    path.write_bytes(data)
    return list(read_sources([path], options=OPTIONS))


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_every_extension(tmp_path_factory, data, suffix):
    _count("random_bytes")
    _check(_read_file(tmp_path_factory.mktemp("f"), suffix, data))


text_noise = st.text(st.characters(codec="utf-8") | st.sampled_from(TRICKY), max_size=2000)


@FUZZ
@given(text=text_noise, fmt=st.sampled_from(["text", "html", "jsonl", "json", "csv", "feed"]))
def test_random_text_through_every_reader(text, fmt):
    _count("random_text")
    data = text.encode("utf-8", "surrogatepass")
    try:
        items = list(read_bytes(data, source="fuzz", options=OPTIONS, fmt=fmt))
    except Exception as exc:  # a SourceError is the documented way to refuse input
        from allegiance.errors import SourceError

        assert isinstance(exc, SourceError), repr(exc)
        return
    _check(items)


@FUZZ
@given(depth=st.integers(1, 5000), kind=st.sampled_from(["json", "html"]))
def test_deeply_nested_documents(tmp_path_factory, depth, kind):
    _count("deep_nesting")
    if kind == "json":
        data = ("[" * depth + '{"text": "Kenya and Uganda met."}' + "]" * depth).encode()
        suffix = ".json"
    else:
        data = ("<div>" * depth + "<p>Kenya and Uganda met.</p>" + "</div>" * depth).encode()
        suffix = ".html"
    _check(_read_file(tmp_path_factory.mktemp("d"), suffix, data))


@FUZZ
@given(cut=st.floats(0.05, 0.95), suffix=st.sampled_from([".jsonl.gz", ".warc.gz", ".txt.gz"]))
def test_truncated_gzip(tmp_path_factory, cut, suffix):
    _count("truncated_gzip")
    body = "\n".join(
        json.dumps({"id": f"g{i}", "text": f"Story {i}: Peru and Chile signed a deal."})
        for i in range(50)
    )
    data = gzip.compress(body.encode())
    _check(_read_file(tmp_path_factory.mktemp("g"), suffix, data[: int(len(data) * cut)]))


def test_invalid_utf8_and_long_lines(tmp_path):
    _count("fixed_cases")
    bad = b"Ukraine \xff\xfe\xfa and Poland signed a deal.\n" + b"x" * 3_000_000
    items = _read_file(tmp_path, ".txt", bad)
    assert len(items) == 1  # either an article or a "too large" problem, not a crash
    _check(items)


def test_every_suffix_is_known():
    for suffix in SUFFIXES:
        assert format_of(Path("x" + suffix))[0] is not None, suffix


def test_stdin_of_random_bytes_is_handled():
    stream = io.BytesIO(bytes(range(256)) * 64)
    _check(list(read_sources(["-"], options=OPTIONS, stdin=stream)))
