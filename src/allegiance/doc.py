"""The spaCy ``Doc`` as our stages share it: the ``doc._`` attributes and sentence records.

A low module (beside ``models``): the actor and event components import it, the pipeline
builder registers the attributes once before it adds them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from allegiance.models import Event, Sentence

# name -> default of the ``doc._`` attributes our components read and write
EXTENSIONS: dict[str, None] = {
    "article_id": None,
    "published": None,  # datetime.date of the article, for date-valid roles and dates
    "mentions": None,  # list[Mention], set by the actor resolver
    "events": None,  # list[Event], set by the event extractor
    "url": None,  # the article's URL (its section path says what the article is about)
    "section": None,  # a section or category the source gives the article
    "relevance": None,  # probability that the article is about politics (relevance gate)
    "sentences_skipped": None,  # sentences the fast path did not parse (None: full parse)
    "failure": None,  # why a component could not read the article (None: it could)
}

log = logging.getLogger(__name__)


def guarded(doc: Doc, step: Callable[[Doc], Doc], *, name: str) -> Doc:
    """``step(doc)``, unless a step before failed on this doc. A step that raises marks the doc
    failed (``doc._.failure``) instead, so that one article a component cannot read is
    reported and skipped while the rest of the batch goes on."""
    if doc._.failure is not None:
        return doc
    try:
        return step(doc)
    except Exception as exc:  # one article's failure must not end the batch
        log.debug("%s failed on %s", name, doc._.article_id, exc_info=True)
        doc._.failure = f"{name}: {type(exc).__name__}: {exc}"
        return doc


def register_extensions() -> None:
    """Declare the ``doc._`` attributes (idempotent: spaCy keeps them process-wide)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def sentence_record(index: int, sent: Span) -> Sentence:
    """The record of a sentence without the line breaks spaCy keeps at its edges."""
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return Sentence(index=index, start=start, end=start + len(text), text=text)


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """The records of every sentence of a parsed doc, in order."""
    return tuple(sentence_record(i, s) for i, s in enumerate(doc.sents))


QUOTE_MARKS = frozenset({'"', "“", "”"})


def inside_quotes(text: str, offset: int) -> bool:
    """An odd number of quotation marks in ``text`` before ``offset`` (a sentence's text)."""
    return sum(ch in QUOTE_MARKS for ch in text[:offset]) % 2 == 1


def trigger_span(doc: Doc, event: Event) -> Span | None:
    """The tokens of an event's trigger in the doc it was read from (None if they cannot be
    found there)."""
    return doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")


def sentence_span(token: Token) -> Span:
    """The sentence of a token as the span of its parse tree (cheaper than ``token.sent``,
    which walks the whole doc)."""
    root = token
    while root.head != root:
        root = root.head
    return root.doc[root.left_edge.i : root.right_edge.i + 1]


def token_in_quotes(token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks opened in its own sentence."""
    sent = sentence_span(token)
    return inside_quotes(sent.text, token.idx - sent.start_char)
