"""Reading fixes of the thirtieth change (issue 13): a demand to "both countries" or "the three
countries" goes to the parties just listed. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Armenia and Azerbaijan traded artillery fire overnight. Washington urged both "
         "countries to show restraint.", {"ARM", "AZE"}),
        ("Egypt, Ethiopia and Sudan failed again to settle the dam dispute. The African Union "
         "urged the three countries to keep talking.", {"EGY", "ETH", "SDN"}),
    ],
)  # fmt: skip
def test_a_demand_to_counted_countries_goes_to_those_listed(extractor, text, asked):
    (urged,) = by_trigger(events(extractor, text), "urged")
    assert (urged.event, codes(urged.recipient)) == ("REQUEST", asked)


def test_a_count_that_matches_no_list_names_nobody(extractor):
    text = "Armenia and Azerbaijan traded fire. Washington urged the three countries to talk."
    (urged,) = by_trigger(events(extractor, text), "urged")
    assert codes(urged.recipient) == set()
