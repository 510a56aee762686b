"""Reading fix of the forty-fourth change (issue 13): a forceful response announced is a
threat against whoever would provoke it ("Washington would respond accordingly if China
established a military presence"); a response without force, or one that happened, is none.
Hand-built docs for the pure functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.lexicon import default_lexicon
from allegiance.events.retaliation import _forceful, _to_come
from allegiance.models import Article
from event_helpers import codes

PUBLISHED = dt.date(2025, 3, 20)


def _doc(words, heads, deps):
    lemmas = [{"vowed": "vow"}.get(w, w) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "threat"),
    [
        (  # "Moscow would respond in kind"
            ["Moscow", "would", "respond", "in", "kind"],
            [2, 2, 2, 2, 3],
            ["nsubj", "aux", "ROOT", "prep", "pobj"],
            True,
        ),
        (  # "Iran vowed to respond decisively"
            ["Iran", "vowed", "to", "respond", "decisively"],
            [1, 1, 3, 1, 3],
            ["nsubj", "ROOT", "aux", "xcomp", "advmod"],
            True,
        ),
        (  # "the ministry would respond next week": no force
            ["ministry", "would", "respond", "next", "week"],
            [2, 2, 2, 4, 2],
            ["nsubj", "aux", "ROOT", "amod", "npadvmod"],
            False,
        ),
        (  # "Moscow responded in kind": it happened, no threat
            ["Moscow", "responded", "in", "kind"],
            [1, 1, 1, 2],
            ["nsubj", "ROOT", "prep", "pobj"],
            False,
        ),
    ],
)
def test_a_forceful_response_to_come(words, heads, deps, threat):
    doc = _doc(words, heads, deps)
    verb = next(t for t in doc if t.lower_.startswith("respond"))
    assert (_to_come(verb) and _forceful(verb, default_lexicon())) is threat


def _threats(extractor, text):
    evs = extractor.extract_one(Article(id="t", text=text, published=PUBLISHED)).events
    return [e for e in evs if e.event == "THREATEN" and e.trigger.text == "respond"]


@pytest.mark.model
def test_a_forceful_response_announced_threatens_the_provoker(extractor):
    text = (
        "Washington would respond accordingly if China established a permanent military "
        "presence in the country, the spokesman said."
    )
    (threat,) = _threats(extractor, text)
    assert (codes(threat.actor), codes(threat.recipient)) == ({"USA"}, {"CHN"})
    assert threat.factuality == "asserted"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The ministry said it would respond to the letter next week.",
        "Washington would not respond in kind, the spokesman said.",
    ],
)
def test_a_response_without_force_threatens_no_one(extractor, text):
    assert not _threats(extractor, text)
