"""Reading fixes of the ninety-eighth change (issue 13): a charge denied in a relative clause.

- "accused Russia of deploying a banned missile, a charge Moscow denied": the denial told in a
  relative clause on the charge had no object of its own, so "deny" (which needs what is
  denied) made no event; it is now Moscow's rejection of the accusation.
- The act of such an accusation is recorded as not done (negated), as the annotation guidelines
  record a denied act; an accusation left standing keeps its act as told.

The factuality rule on hand-built parses (a pure function of the parse), then both through the
whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.factuality import charge_denied
from allegiance.events.lexicon import default_lexicon
from event_helpers import codes, hand_parsed, the_event

LEX = default_lexicon()
LEMMAS = {"accused": "accuse", "shelling": "shell", "denied": "deny", "denies": "deny"}

# "Oslo accused Riga of shelling the port"
ACCUSATION = [
    ("Oslo", 1, "nsubj", "NNP", "PROPN"),
    ("accused", 1, "ROOT", "VBD", "VERB"),
    ("Riga", 1, "dobj", "NNP", "PROPN"),
    ("of", 1, "prep", "IN", "ADP"),
    ("shelling", 3, "pcomp", "VBG", "VERB"),
    ("the", 6, "det", "DT", "DET"),
    ("port", 4, "dobj", "NN", "NOUN"),
]


def test_the_act_of_a_charge_denied_in_a_relative_clause_is_negated():
    # "..., a charge Riga denied ."
    doc = hand_parsed(
        [
            *ACCUSATION,
            (",", 6, "punct", ",", "PUNCT"),
            ("a", 9, "det", "DT", "DET"),
            ("charge", 6, "appos", "NN", "NOUN"),
            ("Riga", 11, "nsubj", "NNP", "PROPN"),
            ("denied", 9, "relcl", "VBD", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
        LEMMAS,
    )
    assert charge_denied(doc[4], LEX)


def test_the_act_of_a_charge_taken_up_as_the_denials_object_is_negated():
    # "Oslo accused Riga of shelling the port , a charge Riga denies ." (the parser makes
    # "denies" the root and the accusation its clause)
    rows = [(w, h if i != 1 else 11, d if i != 1 else "ccomp", t, p)
            for i, (w, h, d, t, p) in enumerate(ACCUSATION)]  # fmt: skip
    doc = hand_parsed(
        [
            *rows,
            (",", 11, "punct", ",", "PUNCT"),
            ("a", 9, "det", "DT", "DET"),
            ("charge", 11, "dobj", "NN", "NOUN"),
            ("Riga", 11, "nsubj", "NNP", "PROPN"),
            ("denies", 11, "ROOT", "VBZ", "VERB"),
            (".", 11, "punct", ".", "PUNCT"),
        ],
        LEMMAS,
    )
    assert charge_denied(doc[4], LEX)


def test_an_accusation_left_standing_keeps_its_act():
    doc = hand_parsed([*ACCUSATION, (".", 1, "punct", ".", "PUNCT")], LEMMAS)
    assert not charge_denied(doc[4], LEX)


def test_an_act_told_as_done_is_not_an_accused_act():
    # "Riga shelled the port , a charge Oslo denied ." -- nothing is accused here
    doc = hand_parsed(
        [
            ("Riga", 1, "nsubj", "NNP", "PROPN"),
            ("shelled", 1, "ROOT", "VBD", "VERB"),
            ("the", 3, "det", "DT", "DET"),
            ("port", 1, "dobj", "NN", "NOUN"),
            (",", 3, "punct", ",", "PUNCT"),
            ("a", 6, "det", "DT", "DET"),
            ("charge", 3, "appos", "NN", "NOUN"),
            ("Oslo", 8, "nsubj", "NNP", "PROPN"),
            ("denied", 6, "relcl", "VBD", "VERB"),
            (".", 1, "punct", ".", "PUNCT"),
        ],
        {"shelled": "shell", "denied": "deny"},
    )
    assert not charge_denied(doc[1], LEX)


DENIED = (
    "The United States accused Russia of deploying a banned cruise missile, a charge Moscow denied."
)


@pytest.mark.model
def test_a_charge_denied_in_a_relative_clause_is_a_rejection(every_candidate):
    denied = the_event(every_candidate, DENIED, "denied")
    assert denied.event == "REJECT"
    assert codes(denied.actor) == {"RUS"}
    assert codes(denied.recipient) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "factuality"),
    [
        (DENIED, "deploying", "negated"),
        (
            "Pakistani officials blamed India, accusing it of providing support to militants "
            "in Afghanistan, a charge New Delhi quickly rejected.",
            "support",
            "negated",
        ),
        ("Ukraine accused Russia of shelling the plant.", "shelling", "asserted"),
    ],
    ids=["denied", "rejected", "left-standing"],
)
def test_the_act_of_a_denied_charge_is_negated(every_candidate, text, trigger, factuality):
    assert the_event(every_candidate, text, trigger).factuality == factuality
