"""Reading fixes of the forty-seventh change (issue 13): aid that is cut or suspended goes to
whom its "to" names, not to the giver named on it ("suspended U.S. funding to the agency"); a
state's name on its own measures is not their target ("reimposed US sanctions"); where a body
is based says where, not who ("the Geneva-based agency"). Hand-built docs for the pure
functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.noun_phrases import _where_based
from allegiance.events.participants import _aid_destination
from event_helpers import codes, events, of_type


def _doc(words, heads, deps, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_the_destination_of_aid():
    words = ["suspended", "U.S.", "funding", "to", "agency"]
    lemmas = ["suspend", "U.S.", "funding", "to", "agency"]
    doc = _doc(words, [0, 2, 0, 2, 3], ["ROOT", "compound", "dobj", "prep", "pobj"], lemmas)
    assert _aid_destination(doc[2]) == doc[4]
    lemmas[2] = "deal"  # "suspended the deal to ...": no aid
    doc = _doc(words, [0, 2, 0, 2, 3], ["ROOT", "compound", "dobj", "prep", "pobj"], lemmas)
    assert _aid_destination(doc[2]) is None


@pytest.mark.parametrize(("noun", "based"), [("agency", True), ("group", False)])
def test_where_a_body_is_based(noun, based):
    words = ["the", "Geneva", "-", "based", noun]
    lemmas = ["the", "Geneva", "-", "base", noun]
    doc = _doc(words, [4, 3, 3, 4, 4], ["det", "npadvmod", "punct", "amod", "ROOT"], lemmas)
    assert _where_based(doc[3], doc[4]) is based


def _sanctions(extractor, text):
    return of_type(events(extractor, text), "SANCTION")


@pytest.mark.model
def test_aid_halted_goes_to_whom_it_was_for(extractor):
    text = "Trump on Friday halted U.S. assistance to South Africa."
    (halt,) = _sanctions(extractor, text)
    assert (codes(halt.actor), codes(halt.recipient)) == ({"USA"}, {"ZAF"})


@pytest.mark.model
def test_a_states_own_sanctions_are_not_aimed_at_it(extractor):
    text = "In 2018 Washington left the deal and reimposed US sanctions."
    (sanction,) = _sanctions(extractor, text)
    assert codes(sanction.actor) == {"USA"}
    assert "USA" not in codes(sanction.recipient)
    text = "The EU imposed Russia sanctions on Friday."
    (sanction,) = _sanctions(extractor, text)
    assert codes(sanction.recipient) == {"RUS"}


@pytest.mark.model
def test_a_bodys_seat_is_not_its_side(extractor):
    text = "Trump accused the Geneva-based agency of bending to pressure."
    (accusation,) = of_type(events(extractor, text), "ACCUSE")
    assert "CHE" not in codes(accusation.recipient)
    text = "Trump accused Switzerland of bending to pressure."
    (accusation,) = of_type(events(extractor, text), "ACCUSE")
    assert codes(accusation.recipient) == {"CHE"}
