"""Reading fixes of the seventy-third change (issue 13): "has to" and "needs to" ask as "must" does.

"Turkey's adviser says Washington needs to act", "Lula said he has to apologise": what a speaker
says another party has to or needs to do is the speaker's REQUEST of that party, as "must" and
"should" already were; "Germany said Ukraine has to be supported" is Germany's SUPPORT of
Ukraine. "Needs" with an object ("Ukraine needs weapons") asks nothing.

On hand-built parses (no model), and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.lexicon import default_lexicon
from allegiance.events.reported import required_act
from event_helpers import codes, events, hand_parsed

# Washington needs to act .
NEEDS_TO_ACT = [
    ("Washington", 1, "nsubj", "NNP", "PROPN"),
    ("needs", 1, "ROOT", "VBZ", "VERB"),
    ("to", 3, "aux", "TO", "PART"),
    ("act", 1, "xcomp", "VB", "VERB"),
    (".", 1, "punct", ".", "PUNCT"),
]
# Ukraine needs weapons .
NEEDS_WEAPONS = [
    ("Ukraine", 1, "nsubj", "NNP", "PROPN"),
    ("needs", 1, "ROOT", "VBZ", "VERB"),
    ("weapons", 1, "dobj", "NNS", "NOUN"),
    (".", 1, "punct", ".", "PUNCT"),
]
# Russia must withdraw .
MUST_WITHDRAW = [
    ("Russia", 2, "nsubj", "NNP", "PROPN"),
    ("must", 2, "aux", "MD", "AUX"),
    ("withdraw", 2, "ROOT", "VB", "VERB"),
    (".", 2, "punct", ".", "PUNCT"),
]


def test_needs_to_names_the_act_required():
    doc = hand_parsed(NEEDS_TO_ACT)
    assert required_act(doc[1], default_lexicon()).text == "act"


def test_needing_a_thing_requires_no_act():
    doc = hand_parsed(NEEDS_WEAPONS)
    assert required_act(doc[1], default_lexicon()) is None


def test_a_deontic_modal_still_names_its_verb():
    doc = hand_parsed(MUST_WITHDRAW)
    assert required_act(doc[2], default_lexicon()).text == "withdraw"


@pytest.mark.model
def test_what_a_speaker_says_another_needs_to_do_is_a_request(extractor):
    text = "Turkey's foreign minister says Washington needs to act."
    (request,) = [e for e in events(extractor, text) if e.event == "REQUEST"]
    assert (codes(request.actor), codes(request.recipient)) == ({"TUR"}, {"USA"})


@pytest.fixture(scope="module")
def full_parse_extractor():
    """The fast path wakes the parser on "needs" but not on "has" (in nearly every reported
    sentence): "has to" alone is read with every sentence parsed."""
    from allegiance import Extractor, Settings

    return Extractor(Settings(full_parse=True))


@pytest.mark.model
def test_what_a_speaker_says_another_has_to_do_is_a_request(full_parse_extractor):
    text = "Germany said Iran has to stop enriching uranium."
    (request,) = [e for e in events(full_parse_extractor, text) if e.event == "REQUEST"]
    assert (codes(request.actor), codes(request.recipient)) == ({"DEU"}, {"IRN"})


@pytest.mark.model
def test_a_party_that_has_to_be_supported_is_backed(extractor):
    text = "Germany said Ukraine has to be supported."
    (support,) = [e for e in events(extractor, text) if e.event == "SUPPORT"]
    assert (codes(support.actor), codes(support.recipient)) == ({"DEU"}, {"UKR"})
    assert support.trigger.text == "supported"


@pytest.mark.model
def test_a_party_that_needs_a_thing_is_asked_nothing(extractor):
    text = "The minister said Ukraine needs weapons."
    assert not [e for e in events(extractor, text) if e.event == "REQUEST"]
