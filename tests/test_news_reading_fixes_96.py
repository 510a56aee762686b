"""Reading fixes of the ninety-sixth change (issue 13): a member taken back, a draft vetoed, and
"it" called on after an accusation.

- "The Arab League on Sunday restored Syria's membership", "readmitted Syria": a body that
  takes a member back backs it (SUPPORT), as the gold codes it; the model's lemmatizer read
  "readmitted" as "readmitte".
- "China and Russia vetoed a draft resolution ... Myanmar's ambassador rejected the draft": the
  vetoers did not write the draft, so a rejection of it does not answer them.
- "accused Russia's government of meddling in Moldova and called on it to withdraw its troops":
  a pronoun object of a verb joined to another names that verb's object (the government), not
  the place named last (Moldova).

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Arab League on Sunday restored Syria's membership.", "restored"),
        ("The Arab League readmitted Syria on Sunday after a long suspension.", "readmitted"),
    ],
    ids=["restored-membership", "readmitted"],
)
def test_a_member_taken_back_is_backed(every_candidate, text, trigger):
    taken_back = the_event(every_candidate, text, trigger)
    assert taken_back.event == "SUPPORT"
    assert codes(taken_back.actor) == {"ARL"}
    assert codes(taken_back.recipient) == {"SYR"}


@pytest.mark.model
def test_a_vetoed_draft_is_not_the_vetoers(every_candidate):
    text = (
        "China and Russia vetoed a draft resolution on Myanmar. Britain's ambassador said the "
        "council had failed. Myanmar's ambassador rejected the draft as one-sided."
    )
    rejected = the_event(every_candidate, text, "rejected")
    assert not codes(rejected.recipient) & {"CHN", "RUS"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        (
            "The European Union accused Russia's government of meddling in Moldova and called "
            "on it to withdraw its troops.",
            {"RUS"},
        ),
        (
            "Washington accused Iran's government of arming militias in Yemen and called on it "
            "to stop.",
            {"IRN"},
        ),
    ],
    ids=["moldova", "yemen"],
)
def test_it_called_on_is_the_one_accused(every_candidate, text, recipient):
    called = the_event(every_candidate, text, "called")
    assert codes(called.recipient) == recipient
