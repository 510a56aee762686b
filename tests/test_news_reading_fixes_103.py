"""Reading fixes of the hundred-and-third change (issue 13): a violent act attempted is told as
done.

"A member of a Russian crime group told a court that he tried to kill the journalist in New
York in 2022" was a hypothetical ASSAULT ("try" embeds what may not happen); PLOVER counts
"successful and attempted assassinations" as ASSAULT, and the gold codes the attempt as the act
(historical here, as it was in 2022). For an ASSAULT or a COERCE, the attempt's own clause now
tells whether it happened; other acts tried ("tried to persuade") stay as they were.

The rule on hand-built parses (a pure function of the parse), then through the whole pipeline
on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.factuality import attempted
from event_helpers import events, hand_parsed, of_type

# "He tried to kill the journalist ."
TRIED = [
    ("He", 1, "nsubj", "PRP", "PRON"),
    ("tried", 1, "ROOT", "VBD", "VERB"),
    ("to", 3, "aux", "TO", "PART"),
    ("kill", 1, "xcomp", "VB", "VERB"),
    ("the", 5, "det", "DT", "DET"),
    ("journalist", 3, "dobj", "NN", "NOUN"),
    (".", 1, "punct", ".", "PUNCT"),
]


def test_a_violent_act_attempted_is_told_by_the_attempt():
    doc = hand_parsed(TRIED, lemmas={"tried": "try"})
    assert attempted(doc[3], "ASSAULT") == doc[1]
    assert attempted(doc[3], "COERCE") == doc[1]


def test_other_acts_tried_keep_their_own_clause():
    doc = hand_parsed(TRIED, lemmas={"tried": "try"})
    assert attempted(doc[3], "REQUEST") == doc[3]
    assert attempted(doc[1], "ASSAULT") == doc[1]


@pytest.mark.model
def test_an_attempted_killing_reads_as_an_assault_that_happened(extractor):
    text = (
        "A member of a Russian crime group told a court on Tuesday that he tried to kill the "
        "American journalist in New York last week."
    )
    (killing,) = of_type(events(extractor, text), "ASSAULT")
    assert killing.factuality == "asserted"
