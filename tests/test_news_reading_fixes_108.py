"""Reading fixes of the hundred-and-eighth change (issue 13): aid the rules did not see, read
from the same twelve stories about cooperation (``w35`` to ``w37``) as the hundred-and-seventh:

- money deposited with a state's central bank is aid to that state ("deposited $250 million in
  the Central Bank of Sudan");
- a plane, ship or convoy that arrives carrying food, medicine or arms brings aid from whoever
  it belongs to, to where it arrives ("a Qatari cargo plane carrying 20 tonnes of medicine and
  food landed in Kabul"); a plane that merely lands is no event.

Pure functions on hand-built parses, then the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.lexicon import default_lexicon
from allegiance.events.senses import aid_carried
from event_helpers import by_trigger, codes, events, hand_parsed

# "A Saudi plane carrying food landed in Aleppo ."
LANDED = [
    ("A", 2, "det", "DT", "DET"),
    ("Saudi", 2, "amod", "JJ", "ADJ"),
    ("plane", 5, "nsubj", "NN", "NOUN"),
    ("carrying", 2, "acl", "VBG", "VERB"),
    ("food", 3, "dobj", "NN", "NOUN"),
    ("landed", 5, "ROOT", "VBD", "VERB"),
    ("in", 5, "prep", "IN", "ADP"),
    ("Aleppo", 6, "pobj", "NNP", "PROPN"),
    (".", 5, "punct", ".", "PUNCT"),
]
LEMMAS = {"carrying": "carry", "landed": "land"}


def test_a_carrier_arriving_with_aid_brings_it():
    lex = default_lexicon()
    doc = hand_parsed(LANDED, lemmas=LEMMAS)
    assert aid_carried(doc[5], lex) == doc[4]
    rows = list(LANDED)
    rows[4] = ("journalists", 3, "dobj", "NNS", "NOUN")
    assert aid_carried(hand_parsed(rows, lemmas=LEMMAS)[5], lex) is None
    rows = list(LANDED)
    rows[2] = ("minister", 5, "nsubj", "NN", "NOUN")
    assert aid_carried(hand_parsed(rows, lemmas=LEMMAS)[5], lex) is None


@pytest.mark.model
def test_money_deposited_with_a_central_bank_is_aid(every_candidate):
    text = (
        "Saudi Arabia's finance ministry said on Thursday it had deposited $250 million in the "
        "Central Bank of Sudan."
    )
    (deposit,) = by_trigger(events(every_candidate, text), "deposited")
    assert (deposit.event, deposit.mode) == ("AID", "economic")
    assert codes(deposit.actor) == {"SAU"} and codes(deposit.recipient) == {"SDN"}


@pytest.mark.model
def test_a_plane_carrying_aid_that_lands_brings_aid(every_candidate):
    text = (
        "A Qatari military cargo plane carrying 20 tonnes of medicine and food landed in Kabul "
        "on Thursday, Qatari officials said."
    )
    (flight,) = by_trigger(events(every_candidate, text), "landed")
    assert (flight.event, flight.mode) == ("AID", "humanitarian")
    assert codes(flight.actor) == {"QAT"} and codes(flight.recipient) == {"AFG"}
    assert not events(every_candidate, "A Russian plane landed in Caracas on Sunday.")
