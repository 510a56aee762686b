"""Reading fixes of the seventy-sixth change (issue 13): background told after "since then"
and after a span of months, and candidates as a state's own people.

- "Since then, protesters have demanded ...": a present perfect running since the background
  just told is background itself (``historical``), as "has since brought" already was.
- "The raid came three months after Noboa declared a conflict and ordered the army to ...":
  the second verb of the clause shares its subject and its time, months before the news.
- "Police arrested seven presidential candidates": candidates arrested by a state's police
  are that state's own people, as journalists and activists are.

On hand-built parses (no model), and through the whole pipeline on sentences written by us
(published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from allegiance.events.factuality import historical
from allegiance.events.lexicon import default_lexicon
from event_helpers import codes, events, hand_parsed

# Since then , protesters have demanded reforms .
SINCE_THEN = [
    ("Since", 5, "prep", "IN", "ADP"),
    ("then", 0, "pcomp", "RB", "ADV"),
    (",", 5, "punct", ",", "PUNCT"),
    ("protesters", 5, "nsubj", "NNS", "NOUN"),
    ("have", 5, "aux", "VBP", "AUX"),
    ("demanded", 5, "ROOT", "VBN", "VERB"),
    ("reforms", 5, "dobj", "NNS", "NOUN"),
    (".", 5, "punct", ".", "PUNCT"),
]
# Then , protesters have demanded reforms .
THEN_ALONE = [
    ("Then", 4, "advmod", "RB", "ADV"),
    (",", 4, "punct", ",", "PUNCT"),
    ("protesters", 4, "nsubj", "NNS", "NOUN"),
    ("have", 4, "aux", "VBP", "AUX"),
    ("demanded", 4, "ROOT", "VBN", "VERB"),
    ("reforms", 4, "dobj", "NNS", "NOUN"),
    (".", 4, "punct", ".", "PUNCT"),
]


def test_a_present_perfect_since_then_is_background():
    doc = hand_parsed(SINCE_THEN, {"demanded": "demand", "have": "have"})
    assert historical(doc[:], doc[5], default_lexicon(), None)


def test_a_present_perfect_without_since_is_not():
    doc = hand_parsed(THEN_ALONE, {"demanded": "demand", "have": "have"})
    assert not historical(doc[:], doc[4], default_lexicon(), None)


@pytest.mark.model
def test_demands_made_since_then_are_historical(extractor):
    text = (
        "The military removed Bashir in 2019. Since then, protesters in Sudan have demanded "
        "that his party be dissolved."
    )
    (demand,) = [e for e in events(extractor, text) if e.trigger.text == "demanded"]
    assert demand.factuality == "historical"


@pytest.mark.model
def test_an_order_given_months_before_the_news_is_historical(extractor):
    text = (
        "The raid came three months after Ecuador's president declared an internal armed "
        "conflict and ordered the armed forces to neutralise 22 gangs."
    )
    (order,) = [e for e in events(extractor, text) if e.trigger.text == "ordered"]
    assert order.factuality == "historical"


@pytest.mark.model
def test_candidates_arrested_by_their_police_are_their_state(extractor):
    text = "Nicaraguan police arrested seven presidential candidates on Tuesday."
    (arrest,) = [e for e in events(extractor, text) if e.event == "COERCE"]
    assert (codes(arrest.actor), codes(arrest.recipient)) == ({"NIC"}, {"NIC"})
