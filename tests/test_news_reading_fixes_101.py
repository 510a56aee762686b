"""Reading fixes of the hundred-and-first change (issue 13): where an event happened is the place
nearest its trigger in the parse, not the last place of the clause.

"Erdogan met Putin in Sochi on Monday to discuss the war in Ukraine" was placed in Ukraine, and
"Safadi hosted his Syrian, Saudi, Iraqi and Egyptian counterparts in Amman, where Damascus
pledged to end the smuggling of Captagon, an amphetamine produced largely in Syria" in Syria,
which made Syria the host of the meeting. A place named by a preposition on the trigger (or
the heads it hangs from) now comes before any place further down, and a place on its object
("hosted his counterparts in Amman") before one in a clause below that; of places as near, the
last is taken, as before.

The test on a hand-built parse (a pure function of the parse), then through the whole pipeline
on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.attach import PLACE_PREPS, place_distance
from event_helpers import codes, events, hand_parsed, of_type

# "They met in Sochi to discuss the war in Ukraine ."
MET = [
    ("They", 1, "nsubj", "PRP", "PRON"),
    ("met", 1, "ROOT", "VBD", "VERB"),
    ("in", 1, "prep", "IN", "ADP"),
    ("Sochi", 2, "pobj", "NNP", "PROPN"),
    ("to", 5, "aux", "TO", "PART"),
    ("discuss", 1, "advcl", "VB", "VERB"),
    ("the", 7, "det", "DT", "DET"),
    ("war", 5, "dobj", "NN", "NOUN"),
    ("in", 7, "prep", "IN", "ADP"),
    ("Ukraine", 8, "pobj", "NNP", "PROPN"),
    (".", 1, "punct", ".", "PUNCT"),
]


def test_the_place_hung_on_the_trigger_is_nearer_than_one_below_it():
    doc = hand_parsed(MET)
    sochi, ukraine, met = doc[3:4], doc[9:10], doc[1]
    assert place_distance(sochi, met, PLACE_PREPS) == 0
    assert place_distance(ukraine, met, PLACE_PREPS) == 2


@pytest.mark.model
def test_a_meeting_is_where_it_was_held_not_what_it_was_about(extractor):
    text = "Erdogan met Putin in Sochi on Monday to discuss the war in Ukraine."
    (meeting,) = of_type(events(extractor, text), "CONSULT")
    assert meeting.location is not None and meeting.location.name == "Sochi"


@pytest.mark.model
def test_a_place_in_a_clause_below_makes_no_host(extractor):
    text = (
        "Jordan's foreign minister hosted his Syrian and Saudi counterparts in Amman, where "
        "Damascus pledged to end the smuggling of Captagon, a drug produced largely in Syria."
    )
    (meeting,) = of_type(events(extractor, text), "CONSULT")
    assert meeting.location is not None and meeting.location.name == "Amman"
    assert codes(meeting.actor) == {"SYR", "SAU"} and codes(meeting.recipient) == {"JOR"}
