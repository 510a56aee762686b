"""Reading fixes of the thirty-first change (issue 13): a plan backed is the work of whoever
proposed it, not of a party that just refused it or would not commit to it; a state's police
or courts act on their own country's people. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


REFUSED = (
    "Hungary rejected the target, and Prime Minister Viktor Orban said his government would not "
    "commit to it. Italy and Greece backed the plan."
)


@pytest.mark.parametrize(
    ("before", "maker"),
    [
        ("France urged the other members to cut their gas use by a tenth.", {"FRA"}),
        ("A cap on gas prices was put forward on Monday.", set()),
    ],
)
def test_a_plan_backed_after_a_refusal_is_its_maker_s_if_told(extractor, before, maker):
    (backed,) = by_trigger(events(extractor, f"{before} {REFUSED}"), "backed")
    assert (backed.event, codes(backed.actor), codes(backed.recipient)) == (
        "SUPPORT", {"ITA", "GRC"}, maker)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "country"),
    [
        ("Kenyan police detained at least 30 people during the protests in Nairobi on Tuesday.",
         "detained", "COERCE", "KEN"),
        ("Ugandan prosecutors charged two opposition activists with treason on Monday.",
         "charged", "ACCUSE", "UGA"),
    ],
)  # fmt: skip
def test_a_domestic_force_acts_on_its_own_country_s_people(extractor, text, trigger, kind, country):
    (found,) = by_trigger(events(extractor, text), trigger)
    assert (found.event, codes(found.actor), codes(found.recipient)) == (
        kind, {country}, {country})  # fmt: skip


def test_a_domestic_force_abroad_is_left_as_it_is(extractor):
    text = "Russian soldiers detained dozens of people in the Ukrainian town of Bucha."
    (found,) = by_trigger(events(extractor, text), "detained")
    assert "RUS" not in codes(found.recipient)
