"""Reading fixes of the seventy-eighth change (issue 13): whom an act named without its
addressee is aimed at, when the text tells who answered it.

"The Afghan Taliban have rejected Pakistan's allegation that ...": the allegation is
Pakistan's, aimed at the Taliban (ACCUSE PAK -> AFG); so are a demand ignored, an offer
accepted, a criticism brushed aside. Not every reaction says so: whoever criticizes or
condemns an allegation may be a third party.

On hand-built parses (no model), and through the whole pipeline on sentences written by us
(published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.participants import answering_party
from allegiance.models import Mention
from event_helpers import codes, hand_parsed, the_event


def _allegation(verb: str, lemma: str):
    # The Taliban <verb> Pakistan 's allegation .
    doc = hand_parsed(
        [
            ("The", 1, "det", "DT", "DET"),
            ("Taliban", 2, "nsubj", "NNP", "PROPN"),
            (verb, 2, "ROOT", "VBD", "VERB"),
            ("Pakistan", 5, "poss", "NNP", "PROPN"),
            ("'s", 3, "case", "POS", "PART"),
            ("allegation", 2, "dobj", "NN", "NOUN"),
            (".", 2, "punct", ".", "PUNCT"),
        ],
        {verb.lower(): lemma},
    )
    index = MentionIndex(
        [
            Mention("Taliban", doc[1].idx, doc[1].idx + 7, code="AFG", kind="group"),
            Mention("Pakistan", doc[3].idx, doc[3].idx + 8, code="PAK", kind="country"),
        ]
    )
    return doc, index


def test_who_rejects_an_allegation_is_whom_it_accuses():
    doc, index = _allegation("rejected", "reject")
    assert codes(answering_party(doc[5], "ACCUSE", index)) == {"AFG"}


def test_who_criticizes_an_allegation_need_not_be_its_target():
    doc, index = _allegation("criticized", "criticize")
    assert answering_party(doc[5], "ACCUSE", index) == []


def test_only_acts_aimed_at_someone_take_their_answerer():
    doc, index = _allegation("rejected", "reject")
    assert answering_party(doc[5], "CONSULT", index) == []


def _event(extractor, text: str, trigger: str):
    found = the_event(extractor, text, trigger)
    return codes(found.actor), codes(found.recipient)


@pytest.mark.model
def test_an_allegation_rejected_accuses_the_rejecter(extractor):
    text = (
        "The Afghan Taliban have rejected Pakistan's allegation that the attack was planned "
        "in Afghanistan."
    )
    assert _event(extractor, text, "allegation") == ({"PAK"}, {"AFG"})


@pytest.mark.model
def test_a_criticism_brushed_aside_is_aimed_at_who_brushed_it(extractor):
    text = "Museveni has brushed aside the American criticism of the election."
    assert _event(extractor, text, "criticism") == ({"USA"}, {"UGA"})
