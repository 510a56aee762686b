"""Reading fix of the eighty-fifth change (issue 13): an act held for years is a standing
position.

"Iran has denied for years that its nuclear pursuits are for military purposes", "for years
Lukashenko resisted Kremlin pressure": an act held for years, months or decades, uncounted, is
the story's background, not a happening (the gold codes neither); a penalty counted ("jailed
for 15 years") and a fighting still going on ("has been shelling Kharkiv for months") are told
as news. On hand-built parses, and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.generic import held_for_years
from event_helpers import events, hand_parsed

# Iran has denied for years .
DENIED_ROWS = [
    ("Iran", 2, "nsubj", "NNP", "PROPN"),
    ("has", 2, "aux", "VBZ", "AUX"),
    ("denied", 2, "ROOT", "VBN", "VERB"),
    ("for", 2, "prep", "IN", "ADP"),
    ("years", 3, "pobj", "NNS", "NOUN"),
    (".", 2, "punct", ".", "PUNCT"),
]


def test_an_act_held_for_years_is_a_standing_position():
    assert held_for_years(hand_parsed(DENIED_ROWS)[2])


def test_a_counted_span_is_no_standing_position():
    # Iran has denied for 15 years .
    rows = [
        *DENIED_ROWS[:4],
        ("15", 5, "nummod", "CD", "NUM"),
        ("years", 3, "pobj", "NNS", "NOUN"),
        (".", 2, "punct", ".", "PUNCT"),
    ]
    assert not held_for_years(hand_parsed(rows)[2])


@pytest.mark.model
def test_what_was_held_for_years_is_no_event_and_a_penalty_is(every_candidate):
    text = "Iran has denied for years that its nuclear pursuits are for military purposes."
    assert not events(every_candidate, text)
    (jailed,) = events(every_candidate, "A Russian court jailed a U.S. journalist for 15 years.")
    assert jailed.event == "COERCE"
    (shelling,) = events(every_candidate, "Russia has been shelling Kharkiv for months.")
    assert shelling.event == "ASSAULT"
