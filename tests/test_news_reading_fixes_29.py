"""Reading fixes of the twenty-ninth change (issue 13): a speech act told beside "said" is the
speaker's, with the speaker's factuality. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "actor", "recipient"),
    [
        ("Bolivia's foreign minister said the border posts had been on alert for weeks and "
         "accused Peru of staging incursions.", "accused", "ACCUSE", "BOL", "PER"),
        ("Tajikistan's Foreign Ministry said in a statement that it was deeply disappointed by the "
         "ruling and accused Poland of sheltering a suspect.", "accused", "ACCUSE", "TJK", "POL"),
        ('The U.N. rights office said it was "dismayed" by the verdict and called on Ghana to '
         "free the reporters.", "called", "REQUEST", "UN", "GHA"),
    ],
)  # fmt: skip
def test_a_speech_act_beside_said_is_the_speakers(extractor, text, trigger, kind, actor, recipient):
    (found,) = by_trigger(events(extractor, text), trigger)
    got = (found.event, codes(found.actor), codes(found.recipient), found.factuality)
    assert got == (kind, {actor}, {recipient}, "asserted")


def test_a_speech_act_after_what_would_happen_keeps_its_own_factuality(extractor):
    text = ("China's envoy said the draft would have complicated efforts to end the crisis and "
            "accused London of seeking headlines.")  # fmt: skip
    (accused,) = by_trigger(events(extractor, text), "accused")
    assert (codes(accused.actor), accused.factuality) == ({"CHN"}, "asserted")


def test_a_second_act_of_the_reported_party_stays_its_own(extractor):
    text = "The minister said Russia violated the truce and rejected talks with Georgia."
    (rejected,) = by_trigger(events(extractor, text), "rejected")
    assert codes(rejected.actor) == {"RUS"}


def test_a_bare_verb_after_a_modal_is_not_told_as_done(extractor):
    text = ("President Lee said South Korea may have to consider building its own missiles or "
            "ask Washington to send more troops.")  # fmt: skip
    (ask,) = by_trigger(events(extractor, text), "ask")
    assert ask.event == "REQUEST" and ask.factuality != "asserted"
