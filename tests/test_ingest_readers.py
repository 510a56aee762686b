"""Every reader on our own fixtures, stdin detection and directory expansion."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from allegiance.ingest import (
    ReadOptions,
    is_english,
    read_file_bytes,
    read_path,
    read_sources,
)
from allegiance.ingest.files import sniff_format
from allegiance.models import Article, ReadProblem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def articles(items: object) -> list[Article]:
    found = list(items)  # type: ignore[call-overload]
    problems = [i for i in found if isinstance(i, ReadProblem)]
    assert not problems, problems
    return found


def read_one(name: str, **options: object) -> Article:
    (article,) = articles(read_path(FIXTURES / name, options=ReadOptions(**options)))  # type: ignore[arg-type]
    return article


def test_text_file_title_from_heading_line_and_furniture_removed() -> None:
    article = read_one("nato_summit.txt", default_published=dt.date(2024, 7, 11))
    assert article.title == "NATO allies pledge steady military aid to Ukraine at Washington summit"
    assert article.text.startswith("Leaders of the 32 NATO member states")
    assert article.text.endswith("closer to a direct confrontation.")
    for furniture in ("Advertisement", "Share this", "Follow us", "ALSO READ", "Kenyan police"):
        assert furniture not in article.text
    assert article.published == dt.date(2024, 7, 11)
    assert article.lang == "en"
    assert article.source == str(FIXTURES / "nato_summit.txt")
    assert len(article.text.split("\n")) == 4  # one line per paragraph


def test_text_file_without_heading_line_has_no_title(tmp_path: Path) -> None:
    body = (
        "The foreign ministers of Armenia and Azerbaijan met in Washington for two days of talks.\n"
        "They said afterwards that progress had been made on a draft peace treaty."
    )
    path = tmp_path / "talks.txt"
    path.write_text(body, encoding="utf-8")
    (article,) = articles(read_path(path, options=ReadOptions()))
    assert article.title is None
    assert article.text == body
    assert article.published is None


def test_markdown_front_matter_heading_links_lists() -> None:
    article = read_one("g7_apulia.md")
    assert article.title.startswith("G7 leaders back 50 billion dollar loan")  # type: ignore[union-attr]
    assert article.published == dt.date(2024, 6, 13)
    assert article.author == "Staff reporter"
    assert article.url == "https://news.example.org/2024/06/13/g7-apulia-loan"
    assert "](" not in article.text and "**" not in article.text and "*a strong" not in article.text
    assert "about 50 billion dollars, to be repaid" in article.text  # link text kept, lines joined
    assert "\nThe money is expected to reach Kyiv before the end of the year.\n" in article.text
    assert "Read more" not in article.text and "Buergenstock" not in article.text


def test_markdown_h1_is_the_title() -> None:
    article = read_one("eu_summit.md", default_published=dt.date(2024, 2, 1))
    assert article.title == "EU leaders agree 50 billion euro support package for Ukraine"
    assert not article.text.startswith("#") and "EU leaders agree" not in article.text
    assert article.published == dt.date(2024, 2, 1)


def test_html_main_text_and_metadata() -> None:
    article = read_one("eu_facility.html")
    assert article.title == "Hungary lifts veto as EU approves Ukraine Facility"
    assert article.published == dt.date(2024, 2, 1)
    assert article.author == "Maria Example"
    assert article.text.startswith("European Union leaders on Thursday approved")
    assert article.text.endswith("once the European Parliament gives its approval.")
    furniture = ("ALSO READ", "Polish farmers", "Most read", "Storm closes", "Copyright")
    for boilerplate in ("Home", "Sport", "Privacy", *furniture):
        assert boilerplate not in article.text


def test_jsonl_records_with_metadata_and_line_sources() -> None:
    found = articles(read_path(FIXTURES / "articles.jsonl", options=ReadOptions()))
    assert [a.id for a in found[::2]] == ["ramstein-2023-01", "42"]
    first, second, third = found
    assert first.title == "Allies meet at Ramstein to discuss tanks for Ukraine"
    assert first.published == dt.date(2023, 1, 20)
    assert first.url == "https://news.example.org/ramstein"
    assert first.author == "Desk reporter"
    assert len(second.id) == 16 and second.published == dt.date(2023, 4, 4)
    assert third.published == dt.date(2024, 4, 23)  # the date as written, not shifted to UTC
    sources = [a.source for a in found]
    assert sources == [f"{FIXTURES / 'articles.jsonl'}:{n}" for n in (1, 2, 4)]


def test_json_single_record_list_and_wrapped(tmp_path: Path) -> None:
    record = {"title": "Talks", "text": "Leaders of Serbia and Kosovo met in Brussels on Monday."}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([record, {**record, "id": "b"}]), "utf-8")
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [record]}), "utf-8")
    (tmp_path / "lines.json").write_text(json.dumps(record) + "\n" + json.dumps(record), "utf-8")
    counts = {
        p.name: len(articles(read_path(p, options=ReadOptions()))) for p in tmp_path.iterdir()
    }
    assert counts == {"one.json": 1, "many.json": 2, "wrapped.json": 1, "lines.json": 2}


def test_csv_semicolon_delimited_with_quoted_delimiters() -> None:
    found = articles(read_path(FIXTURES / "articles.csv", options=ReadOptions()))
    assert [a.title for a in found] == ["Climate talks close in Dubai", "Black Sea grain deal ends"]
    assert found[0].id == "cop28" and found[0].url == "https://news.example.org/cop28"
    assert 'called the deal "historic"; small island states' in found[0].text
    assert found[1].published == dt.date(2023, 7, 17)
    assert found[1].source == f"{FIXTURES / 'articles.csv'}:3"


def test_csv_tab_delimited_with_multiline_cell(tmp_path: Path) -> None:
    path = tmp_path / "items.tsv"
    rows = ["title\ttext", 'One\t"First line of a story.\nSecond line, same story."', "Two\tNext."]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    found = articles(read_path(path, options=ReadOptions()))
    assert [a.text for a in found] == [
        "First line of a story.\nSecond line, same story.",
        "Next.",
    ]
    assert [a.source for a in found] == [f"{path}:2", f"{path}:4"]


def test_rss_entries_content_cleaned_of_html_and_teaser() -> None:
    found = articles(read_path(FIXTURES / "world_news.rss", options=ReadOptions()))
    first, second = found
    assert first.id == "example-au-niger-2023"
    assert first.url == "https://news.example.org/2023/08/22/au-niger"
    assert first.published == dt.date(2023, 8, 22)
    assert first.author == "Africa desk"
    assert "<p>" not in first.text and first.text.count("\n") == 1  # two paragraphs
    assert "Gabon" not in first.text and "Read more" not in first.text
    assert second.text.startswith("Armenian Prime Minister Nikol Pashinyan")  # from description
    assert second.published == dt.date(2023, 5, 14)  # the date as written (UTC would also be 14th)


def test_atom_entry() -> None:
    article = read_one("asean.atom")
    assert article.id == "urn:example:asia:asean-jakarta-2023"
    assert article.title.startswith("ASEAN summit in Jakarta")  # type: ignore[union-attr]
    assert article.published == dt.date(2023, 9, 7)
    assert article.url == "https://news.example.org/2023/09/07/asean-jakarta"
    assert article.text.count("\n") == 1


def test_xml_feed_is_read_as_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    shutil.copy(FIXTURES / "asean.atom", path)
    assert len(articles(read_path(path, options=ReadOptions()))) == 1


@pytest.mark.parametrize("name", ["nato_summit.txt", "articles.jsonl", "eu_facility.html"])
def test_gzipped_files_read_like_the_plain_ones(tmp_path: Path, name: str) -> None:
    plain = articles(read_path(FIXTURES / name, options=ReadOptions()))
    path = tmp_path / f"{name}.gz"
    path.write_bytes(gzip.compress((FIXTURES / name).read_bytes()))
    packed = articles(read_path(path, options=ReadOptions()))
    assert [(a.id, a.text, a.title) for a in packed] == [(a.id, a.text, a.title) for a in plain]


def test_directory_is_read_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(FIXTURES / "sweden_joins_nato.txt", tmp_path / "b" / "2.txt")
    shutil.copy(FIXTURES / "eu_summit.md", tmp_path / "a.md")
    shutil.copy(FIXTURES / "nato_summit.txt", tmp_path / ".hidden" / "x.txt")
    shutil.copy(FIXTURES / "nato_summit.txt", tmp_path / ".secret.txt")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not a supported type")
    found = articles(read_sources([tmp_path]))
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in found] == ["a.md", "b/2.txt"]  # type: ignore[arg-type]


def test_whole_fixture_directory_reads_without_problems() -> None:
    found = articles(read_sources([FIXTURES]))
    assert len(found) == 14
    assert all(is_english(a) for a in found)


def _stdin(data: bytes) -> list[Article | ReadProblem]:
    return list(read_sources(["-"], stdin=io.BytesIO(data)))


def test_stdin_json_lines_detected() -> None:
    found = _stdin((FIXTURES / "articles.jsonl").read_bytes())
    assert next(a.id for a in found if isinstance(a, Article)) == "ramstein-2023-01"
    assert all(isinstance(a, Article) and a.source.startswith("-:") for a in found)  # type: ignore[union-attr]


def test_stdin_html_feed_text_and_gzip_detected() -> None:
    (html,) = _stdin((FIXTURES / "eu_facility.html").read_bytes())
    assert isinstance(html, Article) and html.title and html.source == "-"
    feed = _stdin((FIXTURES / "world_news.rss").read_bytes())
    assert len(feed) == 2 and all(isinstance(a, Article) for a in feed)
    (text,) = _stdin((FIXTURES / "sweden_joins_nato.txt").read_bytes())
    assert isinstance(text, Article) and text.title and text.title.startswith("Sweden becomes")
    packed = _stdin(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    assert len(packed) == 3 and all(isinstance(a, Article) for a in packed)


def test_stdin_empty_is_a_problem() -> None:
    (problem,) = _stdin(b"  \n")
    assert problem == ReadProblem("-", "empty file")


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b'{"text": "x"}\n', "jsonl"),
        (b'\xef\xbb\xbf  [\n {"text": "x"}]', "json"),
        (b"[Reuters] Talks resumed in Doha on Sunday.", "text"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        (b'<?xml version="1.0"?><catalog/>', "xml"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ('<feed xmlns="http://www.w3.org/2005/Atom">'.encode("utf-16"), "feed"),
        (b"Talks resumed in Doha on Sunday.", "text"),
    ],
)
def test_sniff_format(data: bytes, fmt: str) -> None:
    assert sniff_format(data) == fmt


def test_read_file_bytes_uses_the_name_and_never_raises() -> None:
    data = (FIXTURES / "articles.jsonl").read_bytes()
    found = list(read_file_bytes(data, source="dump.jsonl", options=ReadOptions()))
    assert [a.source for a in found] == ["dump.jsonl:1", "dump.jsonl:2", "dump.jsonl:4"]
    (problem,) = read_file_bytes(data, source="dump.jsonl", options=ReadOptions(max_bytes=100))
    assert isinstance(problem, ReadProblem) and problem.message.startswith("file too large")
    (problem,) = read_file_bytes(b"{oops", source="x.json", options=ReadOptions())
    assert isinstance(problem, ReadProblem) and problem.message.startswith("malformed JSON")
