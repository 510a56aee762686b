"""Reading fixes of the seventy-fourth change (issue 13): the act a story opens with is answered
wherever the story answers it.

A reaction to a definite act of a kind ("condemned the strike", "rejected the accusation") took
the actors of the nearest earlier act of that kind within six sentences. A story's lead tells its
main act, and the reactions often come later than that ("At least 11 people were killed when
Myanmar military jets bombed a village ... [seven sentences] ... the U.N. envoy condemned the
strike"): an act of the reaction's kind told in the lead's sentences (the first two) is now
reachable from anywhere in the story. A thing of no kind ("the decision") still reaches back two
sentences only, and an act of a kind told after the lead six.

On hand-built parses (no model), and through the whole pipeline on a story written by us.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.discourse import with_answered_parties
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.senses import Trigger
from event_helpers import codes, country_mention, events

# "India accused Pakistan . Islamabad rejected the accusation ." (sentence indexes set by hand;
# one who rejects a charge answers a charge against itself: the ninety-fourth change)
WORDS = ["India", "accused", "Pakistan", ".", "Islamabad", "rejected", "the", "accusation", "."]
HEADS = [1, 1, 1, 1, 5, 5, 7, 5, 5]
DEPS = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]


def _answered(*, accused_in: int, rejected_in: int, thing: str = "accusation") -> list[str]:
    words = [*WORDS[:7], thing, "."]
    lemmas = [w.lower() for w in words]
    lemmas[1], lemmas[5] = "accuse", "reject"
    doc = Doc(spacy.blank("en").vocab, words=words, heads=HEADS, deps=DEPS, lemmas=lemmas)
    accused = Found(
        Trigger(doc[1], Sense(type="ACCUSE"), verb=doc[1]),
        [country_mention(doc, 0, "IND", accused_in)],
        [country_mention(doc, 2, "PAK", accused_in)],
    )
    rejected = Found(Trigger(doc[5], Sense(type="REJECT"), verb=doc[5]),
                     [country_mention(doc, 4, "PAK", rejected_in)], [])  # fmt: skip
    _, answered = with_answered_parties([accused, rejected])
    return [m.code for m in answered.recipients]


def test_an_act_told_in_the_lead_is_answered_far_down_the_story():
    assert _answered(accused_in=0, rejected_in=12) == ["IND"]
    assert _answered(accused_in=1, rejected_in=12) == ["IND"]


def test_an_act_told_after_the_lead_is_answered_within_six_sentences_only():
    assert _answered(accused_in=3, rejected_in=9) == ["IND"]
    assert _answered(accused_in=3, rejected_in=12) == []


def test_a_thing_of_no_kind_in_the_lead_is_not_answered_far_down():
    assert _answered(accused_in=0, rejected_in=12, thing="decision") == []


STORY = (
    "At least 11 people were killed on Monday when Myanmar military jets bombed a village in "
    "the Sagaing region, residents said. The dead included four children. A resident said the "
    "jets came in low over the fields. Another said the villagers had no warning. The "
    "military government did not respond to requests for comment. Rescue workers searched the "
    "rubble for hours. Aid groups said food was running short in the area. The U.N. envoy on "
    "Myanmar condemned the strike on Tuesday."
)


@pytest.mark.model
def test_a_condemnation_far_from_the_lead_answers_the_lead_s_attack(extractor):
    (condemned,) = [e for e in events(extractor, STORY) if e.trigger.text == "condemned"]
    assert condemned.event == "ACCUSE"
    assert (codes(condemned.actor), codes(condemned.recipient)) == ({"UN"}, {"MMR"})
