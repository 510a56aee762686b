"""Reading fixes of the sixty-sixth change (issue 13): a reaction answers the other side of
its own country (``events.discourse._others``).

"Balochistan's chief minister condemned the attack": the attack was the BLA's, coded as
Pakistan, so the reaction's own code had hidden its author. An author of the same code on the
other side of the country (a rebel group, the opposition, civilians, against a government,
its army or the country itself) is now answered; one on the reaction's own side still is not,
and a thing of no kind ("welcomed the decision") still needs an author of another code.

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


def _condemned(extractor, first: str):
    text = f"{first} Pakistan's interior minister condemned the attack on Wednesday."
    found = by_trigger(events(extractor, text), "condemned")
    assert len(found) == 1
    return found[0]


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
