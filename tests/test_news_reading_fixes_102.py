"""Reading fixes of the hundred-and-second change (issue 13): a trade reprisal and a press
non-answer.

- "Canada and China retaliated against sweeping U.S. tariffs", "German automakers fear
  retaliation from Beijing" over tariffs: a reprisal in a trade quarrel is a SANCTION (as the
  gold codes "The EU retaliated at the time with duties on bourbon"), not an ASSAULT; a
  reprisal "by banning sales" is the banning, not a second event.
- "The State Department declined to comment": a spokesperson's non-answer is no REJECT.

The non-answer on hand-built parses (a pure function of the parse), then through the whole
pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.nonevents import declined_to_comment
from event_helpers import events, hand_parsed, of_type


def _declined(done: str) -> bool:
    """ "The ministry declined to <done> ." """
    doc = hand_parsed(
        [
            ("The", 1, "det", "DT", "DET"),
            ("ministry", 2, "nsubj", "NN", "NOUN"),
            ("declined", 2, "ROOT", "VBD", "VERB"),
            ("to", 4, "aux", "TO", "PART"),
            (done, 2, "xcomp", "VB", "VERB"),
            (".", 2, "punct", ".", "PUNCT"),
        ],
        lemmas={"declined": "decline"},
    )
    return declined_to_comment(doc[2])


def test_declining_to_comment_is_a_press_non_answer():
    assert _declined("comment")
    assert _declined("elaborate")


def test_declining_to_act_is_still_a_refusal():
    assert not _declined("attend")
    assert not _declined("withdraw")


@pytest.mark.model
def test_a_spokesperson_declining_to_comment_gives_no_event(extractor):
    text = "The Foreign Ministry in Ottawa declined to comment on the Chinese verdict."
    assert not of_type(events(extractor, text), "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Canada and China retaliated on Tuesday against sweeping U.S. tariffs on steel.",
        "Automakers in Germany fear retaliation from Beijing against European car exports.",
    ],
)
def test_a_trade_reprisal_is_a_sanction(extractor, text):
    found = events(extractor, text)
    reprisals = [e for e in found if e.trigger.text.lower().startswith("retaliat")]
    assert reprisals and all(e.event == "SANCTION" for e in reprisals)


@pytest.mark.model
def test_a_reprisal_by_an_act_is_that_act(extractor):
    found = events(extractor, "Moscow retaliated by banning oil sales to Poland.")
    assert not [e for e in found if e.trigger.text == "retaliated"]
    assert of_type(found, "SANCTION")
