"""Reading fixes of the forty-ninth change (issue 13): an act its actor considers or plans
("considering sanctions against Somalia") is a hypothetical event of that actor; a date hung
on a verb inside the trigger's clause dates that verb, not the trigger ("blamed X for ...
withdrawing in 2017"); the African Union's Peace and Security Council is the AU's, not the
U.N.'s, and so is "the council" after it; consultations "with" a party are held with it.
Hand-built docs for the pure functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.attach import in_a_verb_below
from allegiance.events.object_parties import _partner_of_ties
from allegiance.models import Article
from event_helpers import codes, events, of_type


def test_a_date_on_a_verb_below_dates_that_verb():
    # "China blamed Washington for withdrawing in 2017"
    words = ["China", "blamed", "Washington", "for", "withdrawing", "in", "2017"]
    heads = [1, 1, 1, 1, 3, 4, 5]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pcomp", "prep", "pobj"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "VERB", "ADP", "NUM"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert in_a_verb_below(doc[6], doc[1])  # the blame is not dated 2017
    assert not in_a_verb_below(doc[6], doc[4])  # the withdrawal is
    assert not in_a_verb_below(doc[0], doc[4])  # a token outside the verb's clause


def test_consultations_are_held_with_their_with_object():
    words = ["requested", "consultations", "with", "Washington"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 1, 2],
              deps=["ROOT", "dobj", "prep", "pobj"],
              lemmas=["request", "consultation", "with", "Washington"])  # fmt: skip
    assert _partner_of_ties(doc[1]) == doc[3]


def _read(extractor, text, published=dt.date(2025, 3, 20)):
    return extractor.extract_one(Article(id="t", text=text, published=published)).events


@pytest.mark.model
def test_sanctions_considered_are_hypothetical(extractor):
    text = "The European Union is also considering sanctions against Somalia."
    (sanction,) = of_type(events(extractor, text), "SANCTION")
    assert (codes(sanction.actor), codes(sanction.recipient)) == ({"EU"}, {"SOM"})
    assert sanction.factuality == "hypothetical"


@pytest.mark.model
def test_blame_for_an_old_act_is_news(extractor):
    text = (
        "Fu Cong blamed the Trump administration for disrupting the deal by withdrawing "
        "from it in 2017."
    )
    (blame,) = of_type(_read(extractor, text), "ACCUSE")
    assert blame.factuality == "asserted"


@pytest.mark.model
def test_the_african_unions_council(extractor):
    text = (
        "On Thursday the African Union's Peace and Security Council suspended Sudan from "
        "the organization's activities. In May last year, the council chose not to suspend "
        "Chad."
    )
    found = of_type(_read(extractor, text, dt.date(2021, 10, 28)), "SANCTION")
    assert len(found) == 2
    assert all(codes(e.actor) == {"AU"} for e in found)


@pytest.mark.model
def test_consultations_requested_with_a_party(extractor):
    text = "Canada also requested consultations with the U.S. over its steel duties."
    (request,) = of_type(events(extractor, text), "REQUEST")
    assert codes(request.recipient) == {"USA"}
    # a trade dispute brought is a complaint against that party (the 83rd change)
    text = "Canada also requested dispute consultations with the U.S. over its steel duties."
    (complaint,) = of_type(events(extractor, text), "ACCUSE")
    assert codes(complaint.recipient) == {"USA"}
