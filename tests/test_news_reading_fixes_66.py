"""Reading fixes of the sixty-sixth and sixty-seventh changes (issue 13): who a reference
goes on with when the story has just told it.

- The sixty-sixth (``events.discourse._others``): "Balochistan's chief minister condemned the
  attack": the attack was the BLA's, coded as Pakistan, so the reaction's own code had hidden
  its author. An author of the same code on the other side of the country (a rebel group, the
  opposition, civilians, against a government, its army or the country itself) is now
  answered; one on the reaction's own side still is not, and a thing of no kind ("welcomed the
  decision") still needs an author of another code.
- The sixty-seventh (``actors.coref._government_named``): "On March 31, the Philippine
  government reported ... The government ... demanded that Beijing remove them": a bare
  "the government" had no code in a story about two countries. A government, administration,
  regime, junta, ministry or the authorities named by their country within the two sentences
  before is what the bare description goes on with, each with its own noun; with none named,
  the description is left to the story's home country as before.

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event

pytestmark = pytest.mark.model


def _condemned(extractor, first: str):
    text = f"{first} Pakistan's interior minister condemned the attack on Wednesday."
    return the_event(extractor, text, "condemned")


def test_a_reaction_answers_a_rebel_group_of_its_own_country(extractor):
    event = _condemned(
        extractor,
        "The Baloch Liberation Army attacked a passenger train in Balochistan on Tuesday.",
    )
    assert event.event == "ACCUSE"
    assert codes(event.actor) == {"PAK"} and codes(event.recipient) == {"PAK"}
    assert [m.sector for m in event.recipient] == ["REB"]


def test_a_reaction_does_not_answer_its_own_side(extractor):
    event = _condemned(extractor, "Pakistani troops attacked a village in Balochistan on Tuesday.")
    assert not event.recipient


def _demanded(extractor, first: str):
    text = f"{first} The government demanded that Beijing withdraw its ships immediately."
    return the_event(extractor, text, "demanded")


def test_the_government_is_the_one_just_named(extractor):
    event = _demanded(
        extractor, "On Monday, the Vietnamese government reported 40 Chinese ships near the reef."
    )
    assert codes(event.actor) == {"VNM"} and codes(event.recipient) == {"CHN"}


def test_the_government_goes_on_with_the_latest_one_named(extractor):
    event = _demanded(
        extractor,
        "The Malaysian government said on Monday that the talks had failed. On Tuesday, the "
        "Vietnamese government reported 40 Chinese ships near the reef.",
    )
    assert codes(event.actor) == {"VNM"}


def test_a_government_named_long_before_is_not_taken_up(extractor):
    event = _demanded(
        extractor,
        "On Monday, the Vietnamese government reported 40 Chinese ships near the reef. The "
        "ships stayed for a week. Fishermen said the catch had fallen. Prices rose in the "
        "markets.",
    )
    assert "VNM" not in codes(event.actor)
