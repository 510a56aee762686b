"""Helpers of the event tests: hand-made actor mentions for sentences written by us, the
events the whole pipeline reads from them, and sentences parsed by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import spacy
from spacy.tokens import Doc

from allegiance.models import Article, Event, Mention

PUBLISHED = dt.date(2025, 3, 1)  # the date our test sentences are read as published on


def events(extractor, text: str) -> tuple[Event, ...]:
    """The events the real pipeline reads from ``text``, published on ``PUBLISHED``."""
    return extractor.extract_one(Article(id="t", text=text, published=PUBLISHED)).events


def by_trigger(evs: Iterable[Event], trigger: str) -> list[Event]:
    return [e for e in evs if e.trigger.text == trigger]


def the_event(extractor, text: str, trigger: str) -> Event:
    """The one event the real pipeline reads from ``text`` with ``trigger`` (fails on none or
    several)."""
    found = by_trigger(events(extractor, text), trigger)
    assert len(found) == 1, found
    return found[0]


def of_type(evs: Iterable[Event], event_type: str) -> list[Event]:
    return [e for e in evs if e.event == event_type]


def codes(mentions: Iterable[Mention]) -> set[str | None]:
    return {m.code for m in mentions}


def mentions_for(text: str, codes: dict[str, str]) -> list[Mention]:
    """Mentions of every occurrence of each surface string, with its code."""
    out = []
    for surface, code in codes.items():
        start = text.find(surface)
        while start >= 0:
            out.append(Mention(text=surface, start=start, end=start + len(surface), code=code))
            start = text.find(surface, start + 1)
    return sorted(out, key=lambda m: m.start)


def hand_parsed(
    rows: list[tuple[str, int, str, str, str]], lemmas: Mapping[str, str] | None = None
) -> Doc:
    """One sentence from (word, head, dep, tag, pos) rows; each word is its own lemma (lower
    case) unless ``lemmas`` gives another ("denies" -> "deny")."""
    words, heads, deps, tags, pos = (list(col) for col in zip(*rows, strict=True))
    found = [(lemmas or {}).get(w.lower(), w.lower()) for w in words]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=found)


def tagged(pairs: str) -> Doc:
    """A hand-built doc from "word/TAG" pairs, as the tagger would leave it."""
    words, tags = zip(*(p.rsplit("/", 1) for p in pairs.split()), strict=True)
    return Doc(spacy.blank("en").vocab, words=list(words), tags=list(tags))


def country_mention(doc: Doc, i: int, code: str, sentence: int) -> Mention:
    """A country mention on the word ``doc[i]``, counted in sentence ``sentence``."""
    tok = doc[i]
    return Mention(tok.text, tok.idx, tok.idx + len(tok), code=code, kind="country",
                   sentence_index=sentence)  # fmt: skip


def mention_at(doc: Doc, i: int, code: str, kind: str) -> Mention:
    """A mention of kind ``kind`` ("capital", "country", ...) on the word ``doc[i]``."""
    tok = doc[i]
    return Mention(tok.text, tok.idx, tok.idx + len(tok), code=code, kind=kind)
