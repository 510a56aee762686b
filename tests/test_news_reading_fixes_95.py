"""Reading fixes of the ninety-fifth change (issue 13): a second act beside a demand, an
organisation's own name, and an ambassador's meetings.

- "urged Ethiopia and Eritrea to exercise maximum restraint and offered the AU's help": the
  parser hangs "offered" on the infinitive, but a simple past cannot share its "to"; it is the
  urging party's second act, told as done and addressed to those urged. So is "urged the
  rebels to withdraw and called on Kinshasa and Kigali to settle their differences".
- "offered the bloc's support", "the AU's help": an organisation's own name owning what it
  gives is what the act is about, not its recipient (as a country's own name already was).
- "Muttaqi met Iran's ambassador in Kabul": an ambassador meets where posted; no one visits,
  so the meeting is mutual. A minister who travels is still the visitor.

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, events, of_type, the_event

URGED_AND_OFFERED = (
    "The African Union Commission chairperson on Tuesday urged Ethiopia and Eritrea to exercise "
    "maximum restraint and offered the AU's help in easing tensions."
)


@pytest.mark.model
def test_an_offer_beside_a_demand_is_the_urging_partys_own(every_candidate):
    offered = the_event(every_candidate, URGED_AND_OFFERED, "offered")
    assert codes(offered.actor) == {"AU"}
    assert codes(offered.recipient) == {"ETH", "ERI"}
    assert offered.factuality == "asserted"


@pytest.mark.model
def test_a_second_call_beside_a_demand_is_the_callers(every_candidate):
    text = (
        "The head of the UN mission in Congo urged the rebels to withdraw from Bunagana and "
        "called on Kinshasa and Kigali to settle their differences through dialogue."
    )
    called = of_type(events(every_candidate, text), "REQUEST")
    assert {frozenset(codes(e.actor)) for e in called} == {frozenset({"UN"})}


@pytest.mark.model
def test_an_organisations_own_name_is_not_its_recipient(every_candidate):
    text = "The European Union offered the bloc's support to Moldova."
    offered = the_event(every_candidate, text, "offered")
    assert "EU" not in codes(offered.recipient)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        (
            "On Sunday, the Taliban's acting foreign minister met Iran's ambassador in Kabul.",
            {"AFG", "IRN"},
            set(),
        ),
        (
            "Chinese Foreign Minister Wang Yi met Prime Minister Shehbaz Sharif in Islamabad.",
            {"CHN"},
            {"PAK"},
        ),
    ],
    ids=["ambassador-posted-there", "minister-visiting"],
)
def test_an_ambassador_meets_where_posted(every_candidate, text, actors, recipients):
    met = the_event(every_candidate, text, "met")
    assert codes(met.actor) == actors
    assert codes(met.recipient) == recipients
