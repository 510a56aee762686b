"""Is this article, this sentence, about politics at all? The relevance gate.

Two sources, in order: what the article says about itself (a section in its URL such as
``/sport/``, or a section/category field) and, where it says nothing, a trained bag-of-words
model over its text. The gate needs no parse: it runs on the raw text before the expensive
spaCy components, so a non-political article can skip them entirely.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from urllib.parse import urlparse

from allegiance.judge.logistic import LogisticModel

# URL path segments and section names that say an article is not about politics. Business and
# economy sections are left to the model: tariffs and sanctions are reported there too.
NON_POLITICAL_SECTIONS = frozenset({
    "sport", "sports", "football", "soccer", "cricket", "tennis", "golf", "rugby", "olympics",
    "formula1", "f1", "motorsport", "arts", "culture", "entertainment", "music", "film",
    "films", "movies", "tv", "television", "theatre", "theater", "books", "celebrity",
    "showbiz", "lifestyle", "style", "fashion", "food", "travel", "recipes", "weather",
    "technology", "tech", "gadgets", "gaming", "games", "science", "health", "wellness",
    "markets", "companies", "personal-finance",
    "property", "cars", "motoring", "autos", "obituaries", "horoscopes", "puzzles",
})  # fmt: skip
WORD = re.compile(r"[a-z][a-z'-]{2,}")
STOP = frozenset({
    "the", "and", "that", "with", "for", "from", "this", "have", "has", "had", "was", "were",
    "are", "but", "not", "his", "her", "its", "their", "they", "them", "been", "which", "who",
    "will", "would", "said", "says", "about", "after", "over", "into", "than", "then", "there",
    "when", "what", "also", "one", "two", "more", "most", "some", "other", "such", "only",
    "just", "very", "can", "could", "may", "might",
})  # fmt: skip


def section_verdict(*, url: str | None = None, section: str | None = None) -> bool | None:
    """False when the article's own metadata puts it in a non-political section; else None."""
    names = []
    if section:
        names.append(section.strip().lower().replace(" ", "-"))
    if url:
        names += [p.lower() for p in urlparse(url).path.split("/")[:-1] if p]
    return False if any(n in NON_POLITICAL_SECTIONS for n in names) else None


def text_features(text: str) -> dict[str, float]:
    """Bag of words, log-scaled counts normalised by length: the relevance model's input."""
    counts = Counter(w for w in WORD.findall(text.lower()) if w not in STOP)
    if not counts:
        return {}
    norm = math.sqrt(sum((1 + math.log(c)) ** 2 for c in counts.values()))
    return {f"w={w}": (1 + math.log(c)) / norm for w, c in counts.items()}


def text_relevance(model: LogisticModel, text: str) -> float:
    """The probability that a text is about politics (an article or a sentence)."""
    return model.probability(text_features(text))


def article_relevance(
    model: LogisticModel, text: str, *, url: str | None = None, section: str | None = None
) -> float:
    """0 for an article its metadata puts in sport, arts, business...; else the model's say."""
    if section_verdict(url=url, section=section) is False:
        return 0.0
    return text_relevance(model, text)


def describe(model: LogisticModel, n: int = 12) -> Mapping[str, list[str]]:
    top = model.top_weights(n)
    return {side: [k.removeprefix("w=") for k, _ in rows] for side, rows in top.items()}
