"""Reading fixes of the thirty-eighth change (issue 13): a relative clause is dated by the year
of the phrase its noun sits in ("the 2018 attack on the agent and his daughter, which Britain
blamed on Russia"), and an act told as how someone responded ("Athens responded by expelling
the ambassador") goes on with the background told just before it. Hand-built docs for the
pure functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.attach import _year_of_phrase
from allegiance.models import Article
from event_helpers import by_trigger


def test_the_year_of_the_phrase_a_noun_sits_in():
    # "the 2018 attack on the agent and his daughter"
    words = ["the", "2018", "attack", "on", "the", "agent", "and", "his", "daughter"]
    heads = [2, 2, 2, 2, 5, 3, 5, 8, 5]
    deps = ["det", "nummod", "ROOT", "prep", "det", "pobj", "cc", "poss", "conj"]
    ents = ["O", "B-DATE", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)
    assert _year_of_phrase(doc[8]).text == "2018"
    assert _year_of_phrase(doc[2]).text == "2018"
    assert _year_of_phrase(doc[0]) is None


def _events(extractor, text, published):
    return extractor.extract_one(Article(id="t", text=text, published=published)).events


@pytest.mark.model
def test_a_relative_clause_on_a_dated_phrase_is_background(extractor):
    text = ("The trial recalls the 2018 attack in Salisbury on a former Russian agent and his "
            "daughter, which Britain blamed on Russia.")  # fmt: skip
    (blamed,) = by_trigger(_events(extractor, text, dt.date(2024, 5, 10)), "blamed")
    assert blamed.factuality == "historical"


@pytest.mark.model
@pytest.mark.parametrize(
    ("second", "trigger", "factuality"),
    [
        ("Athens responded by expelling the Libyan ambassador.", "expelling", "historical"),
        ("Athens accused Ankara of expelling the Libyan ambassador.", "expelling", "asserted"),
    ],
)
def test_a_response_goes_on_with_the_background(extractor, second, trigger, factuality):
    text = (
        "In November 2019, Turkey signed a maritime accord with the government in Tripoli. "
        + second
    )
    evs = by_trigger(_events(extractor, text, dt.date(2020, 8, 27)), trigger)
    assert [e.factuality for e in evs] == [factuality] * len(evs) and evs


@pytest.mark.model
@pytest.mark.parametrize(
    ("second", "factuality"),
    [
        ("Sarajevo responded by expelling the Serbian ambassador.", "historical"),
        ("On Monday, Sarajevo expelled the Serbian ambassador.", "asserted"),
    ],
)
def test_background_told_without_a_date_goes_on_too(extractor, second, factuality):
    # fortieth change: the sentence before is background by its own words ("then-president")
    text = (
        "Belgrade was accused of arming militias fighting then-president Alija Izetbegovic. "
        + second
    )
    evs = [e for e in _events(extractor, text, dt.date(2021, 3, 29)) if e.event == "SANCTION"]
    assert evs and all(e.factuality == factuality for e in evs)
