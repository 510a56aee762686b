"""Reading fixes of the eightieth change (issue 13): whom a force fights or is deployed beside
is on its side.

"Eritrean forces fought alongside Ethiopia's federal army against the TPLF": Eritrea and
Ethiopia's army are both actors (PLOVER's compound actors), the TPLF the target; "North Korean
soldiers are fighting alongside Russian troops against Ukraine": the parser hangs "against
Ukraine" on the ally, and it still names the target. The issue's rule for analyses (forces
sent to an ally fight beside it, not against it) holds in the event itself.

On hand-built parses (no model), and through the whole pipeline on sentences written by us
(published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.participants import fighting_alongside
from allegiance.models import Mention
from event_helpers import codes, events, hand_parsed, of_type

# Korean soldiers fight alongside Russian troops against Ukraine .
ROWS = [
    ("Korean", 1, "amod", "JJ", "ADJ"),
    ("soldiers", 2, "nsubj", "NNS", "NOUN"),
    ("fight", 2, "ROOT", "VBP", "VERB"),
    ("alongside", 2, "prep", "IN", "ADP"),
    ("Russian", 5, "amod", "JJ", "ADJ"),
    ("troops", 3, "pobj", "NNS", "NOUN"),
    ("against", 5, "prep", "IN", "ADP"),
    ("Ukraine", 6, "pobj", "NNP", "PROPN"),
    (".", 2, "punct", ".", "PUNCT"),
]


def _index(doc) -> MentionIndex:
    spans = {"Russian": "RUS", "Ukraine": "UKR", "Korean": "PRK"}
    return MentionIndex(
        Mention(t.text, t.idx, t.idx + len(t), code=spans[t.text], kind="country")
        for t in doc
        if t.text in spans
    )


def test_the_ally_is_a_side_and_its_against_the_target():
    doc = hand_parsed(ROWS)
    allies, foe = fighting_alongside(doc[2], _index(doc))
    assert (codes(allies), codes(foe)) == ({"RUS"}, {"UKR"})


def test_without_alongside_there_is_no_ally():
    doc = hand_parsed(ROWS)
    assert fighting_alongside(doc[5], _index(doc)) == ([], [])


@pytest.mark.model
def test_forces_fighting_beside_an_army_share_its_side(extractor):
    text = (
        "Eritrean forces fought alongside Ethiopia's federal army against the Tigray People's "
        "Liberation Front during that conflict."
    )
    (fight,) = of_type(events(extractor, text), "ASSAULT")
    assert codes(fight.actor) == {"ERI", "ETH"}


@pytest.mark.model
def test_the_target_hung_on_the_ally_is_the_target(extractor):
    text = "North Korean soldiers are fighting alongside Russian troops against Ukraine."
    (fight,) = of_type(events(extractor, text), "ASSAULT")
    assert (codes(fight.actor), codes(fight.recipient)) == ({"PRK", "RUS"}, {"UKR"})
