"""Near-duplicates: a syndicated copy is found, different stories on one topic are not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from allegiance.ingest import ReadOptions, read_path, read_sources
from allegiance.ingest.dedup import NearDuplicateIndex, mark_duplicates, signature, similarity
from allegiance.models import Article, ReadProblem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def text_of(name: str) -> str:
    (article,) = read_path(FIXTURES / name, options=ReadOptions())
    assert isinstance(article, Article)
    return article.text


def test_signature_is_compact_and_deterministic_across_processes() -> None:
    text = text_of("nato_summit.txt")
    sig = signature(text)
    assert isinstance(sig, bytes) and len(sig) == 3 + 4 * 128
    assert signature(text) == sig
    code = "import sys; from allegiance.ingest.dedup import signature; print(signature(sys.stdin.read()).hex())"  # noqa: E501
    done = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    assert bytes.fromhex(done.stdout.strip()) == sig


def test_syndicated_copy_with_new_headline_dateline_and_edit_is_found() -> None:
    original, copy = text_of("nato_summit.txt"), text_of("nato_summit_syndicated.txt")
    assert original != copy and copy.startswith("WASHINGTON (Wire Service) —")
    index = NearDuplicateIndex()
    index.add("original", signature(original))
    assert index.find(signature(copy)) == "original"
    assert 0.6 < similarity(signature(original), signature(copy)) < 0.95


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("nato_summit.txt", "sweden_joins_nato.txt"),  # NATO, Washington, the same year
        ("eu_summit.md", "eu_facility.html"),  # the same EU decision, told twice
    ],
)
def test_different_stories_on_the_same_topic_are_not_duplicates(first: str, second: str) -> None:
    index = NearDuplicateIndex()
    index.add("first", signature(text_of(first)))
    assert index.find(signature(text_of(second))) is None
    assert similarity(signature(text_of(first)), signature(text_of(second))) < 0.2


def test_index_add_is_idempotent_and_find_prefers_the_closest() -> None:
    base = text_of("sweden_joins_nato.txt")
    index = NearDuplicateIndex(threshold=0.5)
    index.add("a", signature(base))
    index.add("a", signature(base))
    index.add("b", signature(base + " " + text_of("eu_summit.md")))
    assert len(index) == 2 and "a" in index
    assert index.find(signature(base)) == "a"


def test_mark_duplicates_over_the_fixture_directory() -> None:
    marked = list(mark_duplicates(read_sources([FIXTURES])))
    duplicates = {
        Path(a.source).name: a.duplicate_of  # type: ignore[arg-type]
        for a in marked
        if isinstance(a, Article) and a.duplicate_of
    }
    originals = {a.id: Path(a.source).name for a in marked if isinstance(a, Article)}  # type: ignore[arg-type]
    assert {name: originals[dup] for name, dup in duplicates.items()} == {
        "nato_summit_syndicated.txt": "nato_summit.txt"
    }


def test_mark_duplicates_passes_problems_and_repeated_ids() -> None:
    article = Article(id="x", text=text_of("eu_summit.md"))
    problem = ReadProblem("somewhere", "empty file")
    assert list(mark_duplicates([article, problem, article])) == [article, problem, article]


def test_foreign_bytes_are_not_a_signature() -> None:
    with pytest.raises(ValueError, match="not a signature"):
        NearDuplicateIndex().find(b"\x00" * 515)
