"""Reading fixes of the thirty-second change (issue 13): a reciprocal act is one event with
every party as actor; generic and habitual mentions tell no happening. Whole pipeline,
sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "parties"),
    [
        ("Kenya and Ethiopia signed a border security pact on Monday.", "signed", "SUPPORT",
         {"KEN", "ETH"}),
        ("Ghana signed a trade agreement with Nigeria on Friday.", "signed", "SUPPORT",
         {"GHA", "NGA"}),
        ("Macron spoke by phone with Erdogan on Thursday.", "spoke", "CONSULT", {"FRA", "TUR"}),
    ],
)  # fmt: skip
def test_a_reciprocal_act_is_one_event_of_all_its_parties(extractor, text, trigger, kind, parties):
    (event,) = by_trigger(events(extractor, text), trigger)
    assert (event.event, codes(event.actor), event.recipient, event.mutual) == (
        kind, parties, (), True)  # fmt: skip


def test_a_visit_keeps_its_visitor_and_host(extractor):
    (visit,) = by_trigger(events(extractor, "Blinken visited Kyiv on Wednesday."), "visited")
    assert (codes(visit.actor), codes(visit.recipient), visit.mutual) == ({"USA"}, {"UKR"}, False)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Al-Shabab frequently attacks convoys on the highways of Somalia.", "ASSAULT"),
        ("The Baloch Liberation Army has been waging an insurgency against the Pakistani state "
         "for two decades, accusing Islamabad of neglecting the province.", "ASSAULT"),
        ("The Baloch Liberation Army has been waging an insurgency against the Pakistani state "
         "for two decades, accusing Islamabad of neglecting the province.", "ACCUSE"),
        ("Turkish pilots would now train in Russia, as opposed to years of training in the "
         "United States.", "REJECT"),
        ("The Taliban denied any role in the blast, saying the group condemns any attack on "
         "civilians in Kabul.", "ACCUSE"),
    ],
)  # fmt: skip
def test_a_generic_or_habitual_mention_is_no_event(extractor, text, kind):
    assert kind not in {e.event for e in events(extractor, text)}


def test_a_reported_attack_is_still_one(extractor):
    text = "Al-Shabab attacked a convoy on the highway north of Mogadishu on Tuesday."
    assert "ASSAULT" in {e.event for e in events(extractor, text)}
