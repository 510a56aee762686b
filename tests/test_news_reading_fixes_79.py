"""Reading fixes of the seventy-ninth change (issue 13): a standing position is no happening,
and "a Russian diplomat" is a "him".

- "Ankara has long accused Baghdad of harbouring the militants", "the IMF has long urged
  Nairobi to narrow its deficit": a present perfect held "long" is a position the story
  recalls, not an act it reports (the guidelines' generic and habitual mentions).
- "Estonia ordered a Russian diplomat to leave, accusing him of ...": one person named by a
  nationality and a noun of a person is the antecedent of "him" in the same sentence.

On hand-built parses (no model), and through the whole pipeline on sentences written by us
(published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from allegiance.events.generic import a_long_standing_act
from event_helpers import codes, events, hand_parsed, of_type

LONG_HELD = [
    ("Ankara", 3, "nsubj", "NNP", "PROPN"),
    ("has", 3, "aux", "VBZ", "AUX"),
    ("long", 3, "advmod", "RB", "ADV"),
    ("accused", 3, "ROOT", "VBN", "VERB"),
    ("Baghdad", 3, "dobj", "NNP", "PROPN"),
    (".", 3, "punct", ".", "PUNCT"),
]
LONG_AGO_NOT_PERFECT = [
    ("Ankara", 2, "nsubj", "NNP", "PROPN"),
    ("long", 2, "advmod", "RB", "ADV"),
    ("accused", 2, "ROOT", "VBD", "VERB"),
    ("Baghdad", 2, "dobj", "NNP", "PROPN"),
    (".", 2, "punct", ".", "PUNCT"),
]
PERFECT_NOT_LONG = [
    ("Ankara", 2, "nsubj", "NNP", "PROPN"),
    ("has", 2, "aux", "VBZ", "AUX"),
    ("accused", 2, "ROOT", "VBN", "VERB"),
    ("Baghdad", 2, "dobj", "NNP", "PROPN"),
    (".", 2, "punct", ".", "PUNCT"),
]


def test_a_present_perfect_held_long_is_a_standing_position():
    doc = hand_parsed(LONG_HELD, {"accused": "accuse", "has": "have"})
    assert a_long_standing_act(doc[3])


def test_long_without_the_perfect_or_the_perfect_without_long_is_not():
    assert not a_long_standing_act(hand_parsed(LONG_AGO_NOT_PERFECT)[2])
    assert not a_long_standing_act(hand_parsed(PERFECT_NOT_LONG, {"has": "have"})[2])


@pytest.mark.model
def test_a_long_held_accusation_is_no_event_a_new_one_is(extractor):
    held = events(extractor, "Ankara has long accused Baghdad of harbouring the militants.")
    assert not of_type(held, "ACCUSE")
    new = events(extractor, "Ankara accused Baghdad on Monday of harbouring the militants.")
    assert [(codes(e.actor), codes(e.recipient)) for e in of_type(new, "ACCUSE")] == [
        ({"TUR"}, {"IRQ"})
    ]


@pytest.mark.model
def test_a_diplomat_named_by_nationality_is_him(extractor):
    text = (
        "Estonia ordered a Russian diplomat to leave the country within five days, accusing "
        "him of activities incompatible with his status."
    )
    (accusation,) = of_type(events(extractor, text), "ACCUSE")
    assert (codes(accusation.actor), codes(accusation.recipient)) == ({"EST"}, {"RUS"})
