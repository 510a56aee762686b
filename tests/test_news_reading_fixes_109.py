"""Reading fix of the hundred-and-ninth change (issue 13), read from the twelve stories about
cooperation (``w35`` to ``w37``): a person or body "due in" a capital or a country is a visit to
come to that state (PLOVER: a visit to come is AGREE). Before the rule it gave nothing; it
found seven right keys in the written stories, four of them in stories nobody read for it.

A hand-built parse for the rule, then the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.extract import visit_due
from allegiance.events.lexicon import default_lexicon
from allegiance.events.noun_phrases import MentionIndex
from event_helpers import by_trigger, codes, events, hand_parsed, mention_at

# "The envoy of Qatar is due in Kabul ."
DUE = [
    ("The", 1, "det", "DT", "DET"),
    ("envoy", 4, "nsubj", "NN", "NOUN"),
    ("of", 1, "prep", "IN", "ADP"),
    ("Qatar", 2, "pobj", "NNP", "PROPN"),
    ("is", 4, "ROOT", "VBZ", "AUX"),
    ("due", 4, "acomp", "JJ", "ADJ"),
    ("in", 5, "prep", "IN", "ADP"),
    ("Kabul", 6, "pobj", "NNP", "PROPN"),
    (".", 4, "punct", ".", "PUNCT"),
]


def test_due_in_a_capital_is_a_visit_to_come():
    doc = hand_parsed(DUE, lemmas={"is": "be"})
    qatar, kabul = mention_at(doc, 3, "QAT", "country"), mention_at(doc, 7, "AFG", "capital")
    found = visit_due(doc[5], MentionIndex([qatar, kabul]), default_lexicon())
    assert found is not None and found.factuality == "future"
    assert (found.trigger.sense.type, found.trigger.sense.mode) == ("CONSULT", "visit")
    assert found.actors == [qatar] and found.recipients == [kabul]
    march = mention_at(doc, 7, "AFG", "date")  # "due in March": no place, no visit
    assert visit_due(doc[5], MentionIndex([qatar, march]), default_lexicon()) is None


@pytest.mark.model
def test_an_envoy_due_in_a_capital_visits_its_state(every_candidate):
    text = "Qatar's special envoy is due in Kabul next week for another round of talks."
    (visit,) = by_trigger(events(every_candidate, text), "due")
    assert (visit.event, visit.mode, visit.factuality) == ("CONSULT", "visit", "future")
    assert codes(visit.actor) == {"QAT"} and codes(visit.recipient) == {"AFG"}
    assert not by_trigger(events(every_candidate, "The next payment is due in March."), "due")
