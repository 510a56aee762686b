"""WARC archives written here with warcio: HTML responses become articles; damage is reported."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from allegiance.ingest import ReadOptions, read_path, read_sources
from allegiance.models import Article, ReadProblem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

PAGE = """<html><head><title>{title}</title>{meta}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{title}. Officials from both governments met in the capital on Monday to discuss the next
steps, and a joint statement was released after several hours of talks behind closed doors.</p>
<p>The statement said the two sides would meet again within a month and that experts would
prepare a list of questions for the ministers, who are expected to report to parliament.</p>
</article><footer>Copyright 2024 Example</footer></body></html>"""


def _page(title: str, meta: str = "") -> bytes:
    return PAGE.format(title=title, meta=meta).encode("utf-8")


def _record(writer: WARCWriter, uri: str, body: bytes, content_type: str = "text/html") -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-03-07T10:15:00Z"},
    )
    writer.write_record(record)


def write_warc(path: Path, *, gzip: bool) -> Path:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        _record(writer, "https://news.example.org/one", _page("Sweden and Finland sign deal"))
        image = b"\x89PNG\r\n\x1a\n" + bytes(300)
        _record(writer, "https://news.example.org/logo.png", image, "image/png")
        meta = '<meta property="article:published_time" content="2024-03-05">'
        _record(writer, "https://news.example.org/two", _page("Poland and Lithuania agree", meta))
        _record(writer, "https://news.example.org/three", _page("Estonia and Latvia confer"))
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, gzip=name.endswith(".gz"))
    found = list(read_path(path, options=ReadOptions()))
    assert all(isinstance(a, Article) for a in found), found
    urls = [a.url for a in found if isinstance(a, Article)]
    assert urls == [f"https://news.example.org/{n}" for n in ("one", "two", "three")]
    one, two, _three = found
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.published == dt.date(2024, 3, 7)  # WARC-Date when the page has no date
    assert two.published == dt.date(2024, 3, 5)  # the page's own date wins
    assert one.title == "Sweden and Finland sign deal"
    assert one.text.startswith("Sweden and Finland sign deal. Officials from both governments")
    assert "Home" not in one.text and "Copyright" not in one.text
    assert one.source == f"{path}#1"


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_archive_yields_read_records_then_a_problem(tmp_path: Path, gzip: bool) -> None:
    whole = write_warc(tmp_path / "whole.warc", gzip=gzip).read_bytes()
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(whole[: len(whole) - 200])  # inside the last record
    found = list(read_path(path, options=ReadOptions()))
    assert [type(i).__name__ for i in found] == ["Article", "Article", "ReadProblem"]
    problem = found[-1]
    assert isinstance(problem, ReadProblem) and problem.source == str(path)
    assert "truncated" in problem.message


def test_archive_cut_inside_a_record_header(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc", gzip=False).read_bytes()
    start_of_last = whole.rindex(b"WARC/1.")
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: start_of_last + 40])
    found = list(read_path(path, options=ReadOptions()))
    assert [type(i).__name__ for i in found] == ["Article", "Article", "ReadProblem"]


def test_garbage_named_warc_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive at all\n" * 10)
    (problem,) = read_path(path, options=ReadOptions())
    assert isinstance(problem, ReadProblem) and problem.message == "not a WARC or ARC archive"


def test_oversized_record_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _record(writer, "https://news.example.org/big", _page("Big page") + b" " * 5000)
        _record(writer, "https://news.example.org/small", _page("Small page"))
    found = list(read_path(path, options=ReadOptions(max_bytes=3000)))
    assert isinstance(found[0], ReadProblem) and "file too large" in found[0].message
    assert isinstance(found[1], Article) and found[1].url == "https://news.example.org/small"


def test_warc_from_stdin(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "in.warc", gzip=False).read_bytes()
    found = list(read_sources(["-"], stdin=io.BytesIO(data)))
    assert len(found) == 3 and all(isinstance(a, Article) for a in found)
