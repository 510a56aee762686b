"""The real material in ../shared: the first article and the VOA records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.ingest import ReadOptions, is_english, read_path, read_sources
from allegiance.ingest.dedup import mark_duplicates
from allegiance.models import Article, ReadProblem

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "000_1ddcfbf26e8000d6.txt"

pytestmark = pytest.mark.shared


@pytest.fixture(autouse=True)
def _need_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared not present (fresh clone)")


def _last_sentence_of_body(raw: str) -> str:
    """The raw file's last sentence before its "ALSO READ:" trailer (read from the file)."""
    body = raw[: raw.index("ALSO READ:")].strip()
    return body.rsplit(". ", 1)[-1]


def test_real_article_loses_its_trailer_and_keeps_its_ending() -> None:
    raw = ARTICLE.read_text(encoding="utf-8")
    teaser = raw.strip().splitlines()[-1]
    assert "Guterres" in teaser  # the file still ends as it did when this test was written
    (article,) = read_path(ARTICLE, options=ReadOptions())
    assert isinstance(article, Article)
    assert "ALSO READ" not in article.text
    assert "Guterres" not in article.text and teaser not in article.text
    assert article.text.endswith(_last_sentence_of_body(raw))
    assert article.text.endswith("deciding how the conflict ends.")
    assert article.title is None  # its first line is a paragraph, not a headline
    paragraphs = raw[: raw.index("ALSO READ:")].strip().count("\n") + 1
    assert article.text.count("\n") + 1 == paragraphs
    assert is_english(article)


def test_corpus_directory_yields_the_article_and_the_voa_records() -> None:
    items = list(read_sources([SHARED / "corpus"]))
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert problems == []
    articles = [i for i in items if isinstance(i, Article)]
    assert articles[0].source == str(ARTICLE)
    voa = articles[1:]
    assert len(voa) == 14 and len({a.id for a in voa}) == 13
    expected = {}
    for path in sorted((SHARED / "corpus" / "voa").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            expected[str(record["id"])] = record
    for article in voa:
        record = expected[article.id]
        assert article.title == record["title"] and article.url == record["url"]
        assert article.published is not None
        assert article.published.isoformat() == record["published"][:10]
        assert article.author == record["author"] and article.lang == "en"
        assert article.text == " ".join(record["text"].split())  # one-paragraph texts


def test_voa_has_no_near_duplicates_besides_the_repeated_record() -> None:
    marked = list(mark_duplicates(read_sources([SHARED / "corpus"])))
    assert [a for a in marked if isinstance(a, Article) and a.duplicate_of] == []
