"""Reading fixes of the eighty-eighth change (issue 13): who acts inside what is said of others.

- "accusing the administration of siding with Cairo": the accused sides, also where the parser
  hangs "of" on the accused noun rather than on the verb; an accused party the knowledge base
  does not know leaves the act without a code rather than giving it the accuser's.
- "criticised OPEC's decision to cut output", "a decision by OPEC to cut": whose decision it is
  cuts, not who criticised it; and "NATO's plan to keep the U.S. supporting Ukraine": the one
  kept at it supports (``keep`` joins the object-control verbs).
- "Prince Faisal said ..., and he thanked Beijing": a pronoun continuing a subject the knowledge
  base does not know gets no code, not the nearest coded person's.

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event


@pytest.mark.model
def test_the_accused_does_what_it_is_accused_of(every_candidate):
    text = (
        "Ethiopia skipped the final session of the talks in February, accusing the Trump "
        "administration of siding with Cairo."
    )
    siding = the_event(every_candidate, text, "siding")
    assert codes(siding.actor) == {"USA"}
    text = (
        "The United States on Wednesday criticised the cut, accusing the producer group of "
        "siding with Russia."
    )
    siding = the_event(every_candidate, text, "siding")
    assert not any(m.code for m in siding.actor)


@pytest.mark.model
def test_whose_decision_it_is_acts(every_candidate):
    for text in (
        "The United States criticised OPEC's decision to cut oil production.",
        "The United States criticised a decision by OPEC to cut oil production.",
    ):
        assert codes(the_event(every_candidate, text, "cut").actor) == {"OPEC"}
    text = "NATO's plan to keep the U.S. supporting Ukraine is becoming more important."
    supporting = the_event(every_candidate, text, "supporting")
    assert codes(supporting.actor) == {"USA"}


@pytest.mark.model
def test_a_pronoun_after_an_unknown_speaker_gets_no_code(every_candidate):
    text = (
        "Iranian Foreign Minister Hossein Amirabdollahian arrived in Riyadh on Tuesday. Prince "
        "Faisal said in a statement that the kingdom was committed to good relations, and he "
        "thanked Beijing for its role."
    )
    thanked = the_event(every_candidate, text, "thanked")
    assert thanked.actor and not any(m.code for m in thanked.actor)
    assert codes(thanked.recipient) == {"CHN"}
