"""Reading fixes of the seventy-fifth change (issue 13): four factuality rules.

- A clause doubted by its speaker ("I do not believe there will be an arrest") is possible,
  not planned (``hypothetical``, not ``future``) and not denied.
- A "when" clause in the past tense with its own subject happened ("When Rutte met Xi, Xi
  urged him to ..."): the request around it does not make the meeting hypothetical.
- A present perfect that lasts "since" a clause dated long ago began then: background
  ("China has lent billions since Xi unveiled the initiative in 2013").
- The act a story marks the anniversary of happened a year or more before.

On hand-built parses (no model), and through the whole pipeline on sentences written by us
(published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from allegiance.events.factuality import embedded_factuality
from allegiance.events.lexicon import default_lexicon
from event_helpers import codes, events, hand_parsed

# I do not believe there will be an arrest .
NOT_BELIEVE = [
    ("I", 3, "nsubj", "PRP", "PRON"),
    ("do", 3, "aux", "VBP", "AUX"),
    ("not", 3, "neg", "RB", "PART"),
    ("believe", 3, "ROOT", "VB", "VERB"),
    ("there", 6, "expl", "EX", "PRON"),
    ("will", 6, "aux", "MD", "AUX"),
    ("be", 3, "ccomp", "VB", "AUX"),
    ("an", 8, "det", "DT", "DET"),
    ("arrest", 6, "attr", "NN", "NOUN"),
    (".", 3, "punct", ".", "PUNCT"),
]
# I believe there will be an arrest .
BELIEVE = [
    ("I", 1, "nsubj", "PRP", "PRON"),
    ("believe", 1, "ROOT", "VBP", "VERB"),
    ("there", 4, "expl", "EX", "PRON"),
    ("will", 4, "aux", "MD", "AUX"),
    ("be", 1, "ccomp", "VB", "AUX"),
    ("an", 6, "det", "DT", "DET"),
    ("arrest", 4, "attr", "NN", "NOUN"),
    (".", 1, "punct", ".", "PUNCT"),
]
# When Rutte met Xi , Xi urged him to leave .
WHEN_MET = [
    ("When", 2, "advmod", "WRB", "SCONJ"),
    ("Rutte", 2, "nsubj", "NNP", "PROPN"),
    ("met", 6, "advcl", "VBD", "VERB"),
    ("Xi", 2, "dobj", "NNP", "PROPN"),
    (",", 6, "punct", ",", "PUNCT"),
    ("Xi", 6, "nsubj", "NNP", "PROPN"),
    ("urged", 6, "ROOT", "VBD", "VERB"),
    ("him", 6, "dobj", "PRP", "PRON"),
    ("to", 9, "aux", "TO", "PART"),
    ("leave", 6, "xcomp", "VB", "VERB"),
    (".", 6, "punct", ".", "PUNCT"),
]


def test_a_doubted_clause_is_hypothetical():
    doc = hand_parsed(NOT_BELIEVE)
    assert embedded_factuality(doc[6], default_lexicon()) == "hypothetical"


def test_a_believed_clause_is_left_to_its_own_cues():
    doc = hand_parsed(BELIEVE)
    assert embedded_factuality(doc[4], default_lexicon()) is None


def test_a_past_when_clause_is_no_content_of_the_request_beside_it():
    doc = hand_parsed(WHEN_MET, {"met": "meet", "urged": "urge"})
    assert embedded_factuality(doc[2], default_lexicon()) is None


@pytest.mark.model
def test_a_doubted_arrest_is_hypothetical(extractor):
    text = '"I do not believe there will be Dodik\'s arrest," his lawyer said.'
    arrests = [e for e in events(extractor, text) if e.trigger.text == "arrest"]
    assert arrests and {e.factuality for e in arrests} == {"hypothetical"}


@pytest.mark.model
def test_a_meeting_told_in_a_when_clause_happened(extractor):
    text = (
        "When Dutch Prime Minister Dick Schoof met Chinese President Xi Jinping in Beijing last "
        "week, Xi urged him to oppose the export controls."
    )
    (meeting,) = [e for e in events(extractor, text) if e.trigger.text == "met"]
    assert meeting.factuality == "asserted"
    assert codes(meeting.actor) | codes(meeting.recipient) == {"NLD", "CHN"}


@pytest.mark.model
def test_lending_since_a_launch_years_ago_is_background(extractor):
    text = (
        "China has lent Kazakhstan billions of dollars since Xi unveiled his Belt and Road "
        "Initiative in a speech in Astana in 2013."
    )
    (loan,) = [e for e in events(extractor, text) if e.trigger.text == "lent"]
    assert loan.factuality == "historical"


@pytest.mark.model
def test_lending_this_week_is_news(extractor):
    text = "China has lent Kazakhstan two billion dollars this week, the finance ministry said."
    (loan,) = [e for e in events(extractor, text) if e.trigger.text == "lent"]
    assert loan.factuality == "asserted"


@pytest.mark.model
def test_the_act_an_anniversary_marks_is_historical(extractor):
    text = (
        "The European Union wants the new sanctions approved before the third anniversary of "
        "Russia's invasion of Ukraine."
    )
    (invasion,) = [e for e in events(extractor, text) if e.trigger.text == "invasion"]
    assert invasion.factuality == "historical"
    assert (codes(invasion.actor), codes(invasion.recipient)) == ({"RUS"}, {"UKR"})
