"""Reading fixes of the ninety-ninth change (issue 13): an act done before is background.

"The court has previously issued warrants for al-Bashir", "the EU has sanctioned Iranian
officials over human rights before": an act told as done on an earlier occasion is background
(historical), as the gold codes it; "the night before" is a date, not this cue.

The cue on hand-built parses (a pure function of the parse), then through the whole pipeline
on a sentence written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.factuality import historical
from allegiance.events.lexicon import default_lexicon
from event_helpers import PUBLISHED, hand_parsed, the_event

LEX = default_lexicon()

# "The court has [previously] issued warrants ."
ISSUED = [
    ("The", 1, "det", "DT", "DET"),
    ("court", 3, "nsubj", "NN", "NOUN"),
    ("has", 3, "aux", "VBZ", "AUX"),
    ("issued", 3, "ROOT", "VBN", "VERB"),
    ("warrants", 3, "dobj", "NNS", "NOUN"),
    (".", 3, "punct", ".", "PUNCT"),
]


def _historical(rows) -> bool:
    doc = hand_parsed(rows)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    return historical(doc[:], verb, LEX, PUBLISHED)


def test_an_act_done_previously_is_background():
    previously = ("previously", 4, "advmod", "RB", "ADV")
    rows = [(w, h + (h >= 3), d, t, p) for w, h, d, t, p in ISSUED]
    assert _historical([*rows[:3], previously, *rows[3:]])
    assert not _historical(ISSUED)


def test_an_act_done_before_is_background_where_the_parser_hangs_before():
    # "The court has issued warrants before ." -- the parser hangs "before" on the object
    rows = [*ISSUED[:5], ("before", 4, "advmod", "RB", "ADV"), (".", 3, "punct", ".", "PUNCT")]
    assert _historical(rows)


def test_the_night_before_is_a_date_not_an_earlier_occasion():
    # "The court issued warrants the night before ." ("night before" a DATE)
    doc = hand_parsed(
        [
            ("The", 1, "det", "DT", "DET"),
            ("court", 2, "nsubj", "NN", "NOUN"),
            ("issued", 2, "ROOT", "VBD", "VERB"),
            ("warrants", 2, "dobj", "NNS", "NOUN"),
            ("the", 5, "det", "DT", "DET"),
            ("night", 2, "npadvmod", "NN", "NOUN"),
            ("before", 5, "advmod", "RB", "ADV"),
            (".", 2, "punct", ".", "PUNCT"),
        ]
    )
    doc.ents = [doc.char_span(doc[4].idx, doc[6].idx + len(doc[6]), label="DATE")]
    assert not historical(doc[:], doc[2], LEX, PUBLISHED)


@pytest.mark.model
def test_an_act_done_before_reads_as_historical(every_candidate):
    text = (
        "The International Criminal Court has previously issued warrants for former President "
        "Omar al-Bashir of Sudan."
    )
    assert the_event(every_candidate, text, "issued").factuality == "historical"
