"""Stated support (events/stance.py): a speaker who says their own side helps Y supports Y.

Sentences written by us; the membership facts come from the shipped knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from allegiance.actors import load_kb
from allegiance.events import extract_events
from allegiance.models import Event
from event_helpers import mentions_for

ON = dt.date(2024, 11, 20)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    ("speaker", "group", "place", "on", "expected"),
    [
        ("BEL", "EU", None, ON, True),
        ("BEL", None, "Europe", ON, True),
        ("LTU", None, "European countries", ON, True),
        ("RUS", None, "Europe", ON, False),  # in geographic Europe, not one of its voices
        ("GBR", "EU", None, ON, False),  # left the EU
        ("GBR", "EU", None, dt.date(2015, 1, 1), True),
        ("FIN", "NATO", None, dt.date(2022, 6, 1), False),
        ("FIN", "NATO", None, ON, True),
        ("KEN", None, "Africa", ON, True),
        ("FRA", None, "Africa", ON, False),
        ("DEU", "DEU", None, ON, True),
        ("BEL", None, "Asia", ON, False),  # not a listed continent: no claim
    ],
)
def test_speaks_for(kb, speaker, group, place, on, expected) -> None:
    assert kb.speaks_for(speaker, group=group, place=place, on=on) is expected


def test_a_person_speaks_for_their_country(kb) -> None:
    person = next(a for a in kb.iter_actors("person") if a.country == "BEL")
    assert kb.speaks_for(person.code, place="Europe", on=ON)


def supports(nlp, kb, text: str, codes: dict[str, str]) -> list[Event]:
    doc = nlp(text)
    mentions = mentions_for(text, codes)
    events = extract_events(doc, mentions, doc_id="s", published=ON, speaks_for=kb.speaks_for)
    return [e for e in events if e.event == "SUPPORT"]


@pytest.mark.model
def test_speaker_for_their_continent_supports(nlp, kb) -> None:
    text = "The Dutch prime minister told reporters that Europe would keep arming Ukraine."
    (event,) = supports(nlp, kb, text, {"The Dutch prime minister": "NLD", "Ukraine": "UKR"})
    assert (event.actor[0].code, event.recipient[0].code) == ("NLD", "UKR")
    assert event.factuality == "asserted" and event.trigger.text == "told"
    assert event.attributed_to is not None and event.attributed_to.code == "NLD"


@pytest.mark.model
def test_statement_spelled_out_after_a_colon(nlp, kb) -> None:
    text = "Poland's president said the same thing: Europe will go on helping Ukraine."
    (event,) = supports(nlp, kb, text, {"Poland's president": "POL", "Ukraine": "UKR"})
    assert (event.actor[0].code, event.recipient[0].code) == ("POL", "UKR")


@pytest.mark.model
def test_organisation_of_the_speaker(nlp, kb) -> None:
    text = "Spain's foreign minister said the EU will keep funding Moldova."
    codes = {"Spain's foreign minister": "ESP", "EU": "EU", "Moldova": "MDA"}
    (event,) = supports(nlp, kb, text, codes)
    assert (event.actor[0].code, event.recipient[0].code) == ("ESP", "MDA")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the speaker is not on the helping side
        (
            "A Russian spokesman said European countries keep sending arms to Ukraine.",
            {"A Russian spokesman": "RUS", "Ukraine": "UKR"},
        ),
        (
            "Iran's envoy said the EU will keep funding Moldova.",
            {"Iran's envoy": "IRN", "EU": "EU", "Moldova": "MDA"},
        ),
        # denied help is no support
        (
            "Hungary's prime minister said Europe would not help Ukraine any longer.",
            {"Hungary's prime minister": "HUN", "Ukraine": "UKR"},
        ),
        # nobody speaks
        ("Europe will keep helping Ukraine.", {"Ukraine": "UKR"}),
    ],
)
@pytest.mark.model
def test_no_stated_support(nlp, kb, text: str, codes: dict[str, str]) -> None:
    assert supports(nlp, kb, text, codes) == []


@pytest.mark.model
def test_without_a_knowledge_base_nothing_is_derived(nlp) -> None:
    text = "The Dutch prime minister told reporters that Europe would keep arming Ukraine."
    doc = nlp(text)
    mentions = mentions_for(text, {"The Dutch prime minister": "NLD", "Ukraine": "UKR"})
    events = extract_events(doc, mentions, doc_id="s", published=ON)
    assert [e.event for e in events] == ["AID"]
