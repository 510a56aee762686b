"""Reading fixes of the forty-eighth change (issue 13): a present perfect told "since" long ago
or "has since" is background; "the court" after a named international court is that court; a
team of trainers is the trainers; a pronoun subject of a sentence goes on with the subject of
the sentence before; the scorer reads a state's organisation (the IRGC, the Sudanese Armed
Forces) as the state, as the resolver codes its mentions. Hand-built docs for the pure
functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.evaluate_docs import GoldEvent, in_coder_codes
from allegiance.events.factuality import _has_since, _perfect_since
from allegiance.models import Article
from allegiance.settings import Settings
from event_helpers import codes, events, of_type


def _doc(words, heads, deps):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


@pytest.mark.parametrize(("aux", "since"), [("has", True), ("had", False)])
def test_has_since_is_background(aux, since):
    # "Gambia has since brought a case" (present perfect); "had since" is the story's own past
    words = ["Gambia", aux, "since", "brought", "a", "case"]
    doc = _doc(words, [3, 3, 3, 3, 5, 3], ["nsubj", "aux", "advmod", "ROOT", "det", "dobj"])
    assert _has_since(doc[3]) is since


def test_since_a_year_dates_only_the_verb_it_hangs_on():
    # "has imposed sanctions since 2006" / "the first meeting since 2016"
    words = ["UN", "has", "imposed", "sanctions", "since", "2006"]
    doc = _doc(words, [2, 2, 2, 2, 2, 4], ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj"])
    assert _perfect_since(doc[5:6], doc[2])
    words = ["the", "first", "meeting", "since", "2016"]
    doc = _doc(words, [2, 2, 2, 2, 3], ["det", "amod", "ROOT", "prep", "pobj"])
    assert not _perfect_since(doc[4:5], doc[2])


def test_a_states_organisation_is_scored_as_the_state():
    gold = [GoldEvent(story="s", event="ASSAULT", actors=frozenset({"IRGC"}),
                      recipients=frozenset({"HRW"}))]  # fmt: skip
    (read,) = in_coder_codes(gold, Settings())
    assert read.actors == {"IRN"}  # the resolver codes the Guards' mentions as Iran
    assert read.recipients == {"HRW"}  # an organisation of no state keeps its code


def _read(extractor, text, published=dt.date(2025, 3, 20)):
    return extractor.extract_one(Article(id="t", text=text, published=published)).events


@pytest.mark.model
def test_the_court_is_the_court_named_before(extractor):
    text = (
        "Judges at the International Criminal Court on Wednesday issued arrest warrants for "
        "two rebel commanders. The court has previously issued warrants for the former "
        "president of Sudan."
    )
    actors = [codes(e.actor) for e in _read(extractor, text) if "court" in e.sentence.text[:10]]
    assert actors and all(a == {"ICC"} for a in actors)


@pytest.mark.model
def test_a_team_of_trainers_is_aid(extractor):
    text = "The United States sent small teams of military trainers to Mozambique."
    (aid,) = of_type(events(extractor, text), "AID")
    assert (codes(aid.actor), codes(aid.recipient)) == ({"USA"}, {"MOZ"})
    text = "Russia sent a team of negotiators to Ankara."
    assert not of_type(events(extractor, text), "AID")


@pytest.mark.model
def test_it_goes_on_with_the_subject_before(extractor):
    text = (
        "Gambia filed the case in November, accusing Myanmar of breaching the Genocide "
        "Convention. It has asked the court to order emergency measures."
    )
    (ask,) = [e for e in of_type(_read(extractor, text), "REQUEST") if e.trigger.text == "asked"]
    assert codes(ask.actor) == {"GMB"}


@pytest.mark.model
def test_present_perfect_since_long_ago_is_historical(extractor):
    text = (
        "The Security Council has imposed increasingly tough sanctions on North Korea since "
        "2006 over its missile programs."
    )
    (sanction,) = of_type(_read(extractor, text), "SANCTION")
    assert sanction.factuality == "historical"
