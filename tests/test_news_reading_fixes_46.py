"""Reading fixes of the forty-sixth change (issue 13): a stance adjective in quotation marks
("remains 'concerned with' China's build-up") is still said by the clause's subject; "law
enforcement" and someone's "opponents" are unnamed bodies of the story's country; the target
of an instrument the parser hangs on its verb ("retaliated with tariffs on U.S. goods") is the
instrument's. Hand-built docs for the pure functions, then the whole pipeline on sentences
written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.actors.domestic import body_sector
from allegiance.events.participants import _aimed_beside_the_instrument
from event_helpers import codes, events, of_type


def _doc(words, heads, deps, pos=None):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "sector"),
    [
        (["Law", "enforcement", "charged", "him"], [1, 2, 2, 2],
         ["compound", "nsubj", "ROOT", "dobj"], ["NOUN", "NOUN", "VERB", "PRON"], "COP"),
        (["his", "opponents", "protested"], [1, 2, 2], ["poss", "nsubj", "ROOT"],
         ["PRON", "NOUN", "VERB"], "OPP"),
        (["the", "enforcement", "began"], [1, 2, 2], ["det", "nsubj", "ROOT"],
         ["DET", "NOUN", "VERB"], None),
    ],
)  # fmt: skip
def test_unnamed_bodies_of_the_home_country(words, heads, deps, pos, sector):
    doc = _doc(words, heads, deps, pos)
    assert body_sector(doc[1], set()) == sector


def test_the_target_of_an_instrument_hung_on_its_verb():
    words = ["EU", "retaliated", "with", "tariffs", "on", "goods"]
    doc = _doc(words, [1, 1, 1, 2, 1, 4], ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj"])
    assert _aimed_beside_the_instrument(doc[3]) == doc[5]
    words = ["EU", "imposed", "tariffs", "on", "goods"]
    doc = _doc(words, [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"])
    assert _aimed_beside_the_instrument(doc[2]) is None  # not an instrument


def _events(extractor, text, event_type):
    return of_type(events(extractor, text), event_type)


@pytest.mark.model
def test_a_quoted_stance_is_the_subjects(extractor):
    text = (
        "The G7 statement said the group remains \u201cconcerned with China\u2019s military "
        "build-up and the rapid increase in its nuclear arsenal.\u201d"
    )
    (concern,) = _events(extractor, text, "ACCUSE")
    assert (codes(concern.actor), codes(concern.recipient)) == ({"G7"}, {"CHN"})


@pytest.mark.model
def test_a_passive_stance_keeps_its_subject(extractor):
    text = "Japan was deeply disappointed by China's decision to ban seafood imports."
    (concern,) = _events(extractor, text, "ACCUSE")
    assert (codes(concern.actor), codes(concern.recipient)) == ({"JPN"}, {"CHN"})


@pytest.mark.model
def test_tariffs_in_retaliation_target_whose_goods(extractor):
    text = "The EU retaliated with its own tariffs on $28 billion worth of U.S. goods."
    (tariffs,) = _events(extractor, text, "SANCTION")
    assert (codes(tariffs.actor), codes(tariffs.recipient)) == ({"EU"}, {"USA"})
