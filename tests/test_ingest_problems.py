"""Bad input never raises: each case is a one-line ReadProblem, and reading goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from allegiance.ingest import ReadOptions, read_path, read_sources
from allegiance.models import Article, ReadProblem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
STORY = (
    "The leaders of France and Germany met in Berlin on Tuesday and agreed to speed up the joint "
    "development of a new generation of battle tanks, officials from both governments said."
)


def read(path: Path, **options: object) -> list[Article | ReadProblem]:
    return list(read_path(path, options=ReadOptions(**options)))  # type: ignore[arg-type]


def only_problem(path: Path, **options: object) -> ReadProblem:
    (item,) = read(path, **options)
    assert isinstance(item, ReadProblem), item
    assert "\n" not in str(item)
    return item


def test_missing_file(tmp_path: Path) -> None:
    problem = only_problem(tmp_path / "nowhere.txt")
    assert problem == ReadProblem(str(tmp_path / "nowhere.txt"), "no such file or directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    assert only_problem(path).message == "permission denied"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to read as the user nobody")
def test_unreadable_file_as_another_user() -> None:
    """As root (CI containers) check the permission case in a forked child that drops to nobody."""
    directory = Path(tempfile.mkdtemp(prefix="allegiance-perm-"))
    try:
        directory.chmod(0o755)
        path = directory / "locked.txt"
        path.write_text(STORY, encoding="utf-8")
        path.chmod(0o600)
        assert _read_as_nobody(path) == f"{path}: permission denied"
    finally:
        shutil.rmtree(directory)


def _read_as_nobody(path: Path) -> str:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop privileges, read, report, exit without running pytest's teardown
        status = 1
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            lines = [str(item) for item in read_path(path, options=ReadOptions())]
            os.write(write_end, "\n".join(lines).encode("utf-8"))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return output


def test_binary_files(tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert only_problem(png).message == "binary file"
    noise = tmp_path / "noise.html"
    noise.write_bytes(bytes(range(1, 32)) * 40)
    assert only_problem(noise).message == "binary file"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.csv", "a.rss"])
def test_empty_files(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert only_problem(path).message == "empty file"


def test_oversized_file_stdin_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text((STORY * 20)[:3072], encoding="utf-8")
    assert only_problem(path, max_bytes=1000).message == "file too large (3 KB > 1000 bytes)"
    small = ReadOptions(max_bytes=1000)
    (problem,) = read_sources(["-"], options=small, stdin=io.BytesIO(path.read_bytes()))
    assert problem == ReadProblem("-", "file too large (> 1000 bytes)")
    packed = tmp_path / "long.txt.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert len(packed.read_bytes()) < 1000
    message = only_problem(packed, max_bytes=1000).message
    assert message == "file too large when decompressed (> 1000 bytes)"


def test_default_limit_message_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no disk space used
    assert only_problem(path).message == "file too large (60 MB > 50 MB)"


def test_truncated_and_corrupt_gzip(tmp_path: Path) -> None:
    data = gzip.compress(((STORY + "\n") * 50).encode("utf-8"))
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(data[: len(data) // 2])
    assert only_problem(cut).message == "truncated gzip file"
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(data[:10] + b"\xff" * 40)
    assert only_problem(bad).message.startswith("corrupt gzip data")


def test_malformed_jsonl_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "text": ["a", "list"]}),
        json.dumps({"id": "f", "text": "Advertisement"}),
        json.dumps({"id": "g", "text": STORY + "\u2028" + STORY}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = read(path)
    assert [a.id for a in found if isinstance(a, Article)] == ["a", "g"]
    problems = {p.line: p.message for p in found if isinstance(p, ReadProblem)}
    assert set(problems) == {2, 3, 4, 5, 6, 7}
    assert problems[2].startswith("malformed JSON: Unterminated string")
    assert problems[3] == problems[4] == "missing or empty 'text'"
    assert problems[5] == "record is a JSON list, not an object"
    assert problems[6] == "'text' is a list, not a string"
    assert problems[7] == "no article text"
    assert all(p.source == str(path) for p in found if isinstance(p, ReadProblem))


def test_malformed_json_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "fine"},\n  {"text": oops}\n]', encoding="utf-8")
    problem = only_problem(path)
    assert problem.line == 3 and problem.message.startswith("malformed JSON")
    records = tmp_path / "records.json"
    records.write_text(json.dumps([{"text": STORY}, {"title": "no text"}, 7]), encoding="utf-8")
    found = read(records)
    assert isinstance(found[0], Article)
    assert [p.message for p in found[1:]] == [  # type: ignore[union-attr]
        "record 2: missing or empty 'text'",
        "record 3: record is a JSON int, not an object",
    ]


def test_csv_without_text_column_and_with_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "no_text.csv"
    path.write_text("title,body_html\nA,<p>x</p>\n", encoding="utf-8")
    assert only_problem(path).message == "CSV has no 'text' column (columns: title, body_html)"
    rows = tmp_path / "rows.csv"
    rows.write_text(f'title,text\nEmpty,\nGood,"{STORY}"\n', encoding="utf-8")
    problem, article = read(rows)
    assert problem == ReadProblem(str(rows), "missing or empty 'text'", 2)
    assert isinstance(article, Article) and article.title == "Good"


def test_broken_html_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    paragraphs = "".join(f"<p>{STORY} Paragraph {n} of the report" for n in range(4))
    page = f"<html><head><title>Tank deal</title><body><div><article><b>{paragraphs}</span></i>"
    path.write_text(page, "utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert "The leaders of France and Germany met in Berlin" in article.text
    assert "Paragraph 3 of the report" in article.text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>", "utf-8")
    assert only_problem(path).message == "no article text found in the HTML"


def test_furniture_only_text_and_non_feed_xml(tmp_path: Path) -> None:
    path = tmp_path / "furniture.txt"
    path.write_text("Advertisement\nShare this article\nALSO READ:\nA headline here\n", "utf-8")
    assert only_problem(path).message == "no article text"
    xml = tmp_path / "data.xml"
    xml.write_text('<?xml version="1.0"?><catalog><book id="1"/></catalog>', "utf-8")
    assert only_problem(xml).message == "XML file that is not an RSS or Atom feed"
    feed = tmp_path / "empty.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>', "utf-8")
    assert only_problem(feed).message.startswith("not a readable RSS/Atom feed")


def test_problems_do_not_stop_the_other_sources(tmp_path: Path) -> None:
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_binary.txt").write_bytes(bytes(200))
    shutil.copy(FIXTURES / "sweden_joins_nato.txt", tmp_path / "3_good.txt")
    found = list(read_sources([tmp_path / "missing.jsonl", tmp_path, FIXTURES / "asean.atom"]))
    kinds = [type(i).__name__ for i in found]
    assert kinds == ["ReadProblem", "ReadProblem", "ReadProblem", "Article", "Article"]
    assert [str(p) for p in found[:3]] == [
        f"{tmp_path / 'missing.jsonl'}: no such file or directory",
        f"{tmp_path / '1_empty.txt'}: empty file",
        f"{tmp_path / '2_binary.txt'}: binary file",
    ]
