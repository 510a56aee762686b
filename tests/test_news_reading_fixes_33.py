"""Reading fixes of the thirty-third change (issue 13): a reciprocal noun names its own parties
("talks between X and Y", "the X-Y ceasefire", "a deal between X and Y"); "go on" is a protest
only as a strike. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "parties"),
    [
        ("Talks between India and Pakistan resumed in Doha on Monday.", "Talks", "CONSULT",
         {"IND", "PAK"}),
        ("India-Pakistan talks resumed in Doha on Monday.", "talks", "CONSULT", {"IND", "PAK"}),
        ("Negotiations between Ghana and Togo on the border have been going on for years.",
         "Negotiations", "CONSULT", {"GHA", "TGO"}),
        ("The ceasefire between Ethiopia and Eritrea held through the week.", "ceasefire",
         "RETREAT", {"ETH", "ERI"}),
        ("The deal between Chile and Peru was announced in Lima on Monday.", "deal", "AGREE",
         {"CHL", "PER"}),
        ("The agreement between Ethiopia and Somalia was signed in Ankara.", "signed", "SUPPORT",
         {"ETH", "SOM"}),
    ],
)  # fmt: skip
def test_a_reciprocal_noun_names_both_parties_as_actors(extractor, text, trigger, kind, parties):
    (event,) = by_trigger(events(extractor, text), trigger)
    assert (event.event, codes(event.actor), event.recipient, event.mutual) == (
        kind, parties, (), True)  # fmt: skip


def test_a_deal_without_its_parties_is_no_event(extractor):
    text = "Ghana's president said on Monday that the deal was good for farmers."
    assert by_trigger(events(extractor, text), "deal") == []


@pytest.mark.parametrize(
    "text",
    [
        "Negotiations between Ghana and Togo on the border have been going on for years.",
        "Kenya's opposition said the dispute with Uganda would go on.",
    ],
)
def test_going_on_is_no_protest(extractor, text):
    assert "PROTEST" not in {e.event for e in events(extractor, text)}


def test_going_on_strike_is_a_protest(extractor):
    text = "Teachers in Kenya went on strike on Monday against the government."
    assert "PROTEST" in {e.event for e in events(extractor, text)}


def test_hours_of_talks_led_are_talks(extractor):
    text = "Rubio led eight hours of talks with Ukrainian officials in Jeddah on Tuesday."
    (talks,) = [e for e in events(extractor, text) if e.event == "CONSULT"]
    assert codes(talks.actor) == {"USA", "UKR"} and talks.mutual


def test_a_series_of_airstrikes_carried_out_is_an_assault(extractor):
    text = "U.S. forces carried out a series of airstrikes against the Islamic State in Syria."
    assert "ASSAULT" in {e.event for e in events(extractor, text)}


def test_days_of_talks_ended_are_no_sanction(extractor):
    text = "U.S. and Russian negotiators ended two days of arms control talks in Vienna."
    assert "SANCTION" not in {e.event for e in events(extractor, text)}
