"""The benchmark corpus: the real articles under ../shared/corpus, repeated to a word count."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from allegiance.ingest import ReadOptions, read_sources
from allegiance.models import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def base_articles() -> list[Article]:
    if not (SHARED / "corpus").is_dir():
        sys.exit("benchmarks need ../shared/corpus beside the checkout")
    items = read_sources([SHARED / "corpus"], options=ReadOptions())
    seen: dict[str, Article] = {}
    for item in items:
        if isinstance(item, Article) and item.id not in seen:
            seen[item.id] = item
    return list(seen.values())


def corpus(min_words: int) -> list[Article]:
    """Copies of the base articles with distinct ids until ``min_words`` is reached."""
    base, out, words, copy = base_articles(), [], 0, 0
    while words < min_words:
        for article in base:
            out.append(dataclasses.replace(article, id=f"{article.id}-r{copy}"))
            words += len(article.text.split())
        copy += 1
    return out


def word_count(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)
