"""Language of an article: py3langid on the start of its text."""

from __future__ import annotations

from allegiance.models import Article

SAMPLE_CHARS = 2000
MIN_LETTERS = 3
# English function words. py3langid alone reads short English news about, say, Kenya and Uganda
# as Luganda or Nigerian Pidgin (the names dominate), so a clear share of these words decides first.
_ENGLISH_TEXT = (
    "the a an and or of to in on at for with by from as is are was were be been has have had "
    "that this it its their they he she his her said says will would not but after before "
    "against over into than"
)
_ENGLISH_WORDS = frozenset(_ENGLISH_TEXT.split())
_ENGLISH_SHARE = 0.2


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` (first ~2000 characters); None if no letters."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    words = [w.strip(".,;:!?\"'()").lower() for w in sample.split()]
    if words and sum(w in _ENGLISH_WORDS for w in words) / len(words) >= _ENGLISH_SHARE:
        return "en"
    import py3langid  # loads its model on first use (~0.5 s), never at import time

    lang, _score = py3langid.classify(sample)
    return str(lang)


def why_not_english(article: Article) -> str | None:
    """Why the article is not read (its language, detected if not set); None if English."""
    lang = article.lang if article.lang is not None else detect_language(article.text)
    if lang == "en":
        return None
    if lang is None:
        return "too little text to tell its language"
    return f"not English (language {lang!r})"


def is_english(article: Article) -> bool:
    """True when the article's language (detected if not set) is English."""
    return why_not_english(article) is None
