"""Reading fixes of the seventy-first change (issue 13): a body in a place is the place's own.

"Police in Belarus", "the authorities in Minsk", "protesters in Lima": police, civilians and a
government named by the place they are in are that place's country's (the mention grows over
them and takes their sector, as "the government of Iraq" did), so "Police in Belarus detained
more than 400 people" is a home force acting on its own people. Not troops or diplomats, who are
often another state's ("U.S. troops in Syria"), and not people a modifier already names.

On hand-built parses (no model), and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.actors.drafts import Draft
from allegiance.actors.lexicon import load_lexicon
from allegiance.actors.resolve import head_noun_parsed
from event_helpers import codes, hand_parsed, the_event

# Police in Belarus detained people .
POLICE = [
    ("Police", 3, "nsubj", "NNS", "NOUN"),
    ("in", 0, "prep", "IN", "ADP"),
    ("Belarus", 1, "pobj", "NNP", "PROPN"),
    ("detained", 3, "ROOT", "VBD", "VERB"),
    ("people", 3, "dobj", "NNS", "NOUN"),
    (".", 3, "punct", ".", "PUNCT"),
]
# Troops in Syria were attacked .
TROOPS = [
    ("Troops", 4, "nsubjpass", "NNS", "NOUN"),
    ("in", 0, "prep", "IN", "ADP"),
    ("Syria", 1, "pobj", "NNP", "PROPN"),
    ("were", 4, "auxpass", "VBD", "AUX"),
    ("attacked", 4, "ROOT", "VBN", "VERB"),
    (".", 4, "punct", ".", "PUNCT"),
]


def test_police_in_a_country_are_its_police():
    doc = hand_parsed(POLICE)
    draft = Draft(2, 3, code="BLR", kind="country")
    assert head_noun_parsed(doc, draft, load_lexicon()) == (0, 3, "COP")


def test_troops_in_a_country_are_not_taken_as_its_own():
    doc = hand_parsed(TROOPS)
    draft = Draft(2, 3, code="SYR", kind="country")
    assert head_noun_parsed(doc, draft, load_lexicon()) is None


@pytest.mark.model
def test_police_in_belarus_detain_belarus_s_people(extractor):
    text = "Police in Belarus detained more than 400 people on Sunday."
    event = the_event(extractor, text, "detained")
    (actor,) = event.actor
    assert (actor.text, actor.code, actor.sector) == ("Police in Belarus", "BLR", "COP")
    assert codes(event.recipient) == {"BLR"}


@pytest.mark.model
def test_us_troops_in_syria_stay_american(extractor):
    event = the_event(extractor, "Militants attacked U.S. troops in Syria on Sunday.", "attacked")
    assert codes(event.recipient) == {"USA"}
