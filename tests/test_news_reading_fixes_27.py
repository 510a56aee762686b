"""Reading fixes of the twenty-seventh change (issue 13): a measure against someone eased or
suspended is a concession. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Japan suspended its sanctions on Syria on Monday.", "suspended"),
        ("Canada lifted the tariffs on Chinese steel last week.", "lifted"),
        ("Ghana suspended the restrictions on Togolese traders on Friday.", "suspended"),
    ],
)
def test_a_measure_eased_is_a_concession(extractor, text, trigger):
    (eased,) = by_trigger(events(extractor, text), trigger)
    assert eased.event == "CONCEDE"


def test_aid_suspended_stays_a_sanction(extractor):
    evs = events(extractor, "Sweden suspended its aid to Mali on Tuesday.")
    (cut,) = by_trigger(evs, "suspended")
    assert (cut.event, codes(cut.recipient)) == ("SANCTION", {"MLI"})
