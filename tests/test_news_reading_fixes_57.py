"""Reading fixes of the fifty-seventh change (issue 13): a cooperation its party says it will
not do ("Bamako would not accept a drawn-out departure", "Iran will not negotiate with the
United States") is a refusal stated now, REJECT asserted, to the same party; not resigning or
retaliating stays an act that did not happen. The whole pipeline on sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import codes, events, of_type


@pytest.mark.model
def test_would_not_accept_is_a_rejection(extractor):
    text = "Egypt would not accept a fait accompli imposed by Ethiopia."
    (refusal,) = of_type(events(extractor, text), "REJECT")
    assert (codes(refusal.actor), codes(refusal.recipient)) == ({"EGY"}, {"ETH"})
    assert refusal.factuality == "asserted"
    assert not of_type(events(extractor, text), "AGREE")


@pytest.mark.model
def test_a_meeting_refused_is_refused_to_the_partner(extractor):
    text = "Iran will not negotiate with the United States under pressure."
    (refusal,) = of_type(events(extractor, text), "REJECT")
    assert (codes(refusal.actor), codes(refusal.recipient)) == ({"IRN"}, {"USA"})
    assert not refusal.mutual


@pytest.mark.model
def test_an_agreement_to_come_and_a_refusal_not_to_resign_keep_their_reading(extractor):
    (agreement,) = of_type(events(extractor, "Egypt will accept the deal with Ethiopia."), "AGREE")
    assert agreement.factuality == "future"
    said = "Thailand's prime minister said he would not resign."
    assert not of_type(events(extractor, said), "REJECT")
