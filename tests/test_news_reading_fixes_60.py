"""Reading fixes of the sixtieth change (issue 13): a candidate done by a counted plural ("The
three military-led nations accused the regional body", "Both countries withdrew their
ambassadors") has as its actors the list of that many parties named just before it, as one
addressed to a counted plural has them as its recipients (events.counted); "the regional
body" is the regional organisation named before it. The whole pipeline on sentences written
by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events


@pytest.mark.model
def test_three_nations_counted_are_the_three_named_before(extractor):
    text = ("Mali, Burkina Faso and Niger left ECOWAS in January. The three military-led "
            "nations accused the regional body of failing to protect its members.")  # fmt: skip
    (accusation,) = by_trigger(events(extractor, text), "accused")
    assert codes(accusation.actor) == {"MLI", "BFA", "NER"}
    # "the regional body" is the regional organisation named before (organisations.yaml)
    assert codes(accusation.recipient) == {"ECOWAS"}


@pytest.mark.model
def test_two_countries_that_agree_are_the_two_named_before(extractor):
    text = "Armenia and Azerbaijan met in Geneva. The two countries agreed to continue talks."
    (agreement,) = by_trigger(events(extractor, text), "agreed")
    assert codes(agreement.actor) == {"ARM", "AZE"}
    assert agreement.mutual


@pytest.mark.model
def test_a_count_that_matches_no_list_names_no_one(extractor):
    text = "Armenia, Azerbaijan and Georgia met in Geneva. The two countries agreed to talk."
    assert not [e for e in by_trigger(events(extractor, text), "agreed") if e.actor]
