"""Reading fixes of the twenty-eighth change (issue 13): a charge rejected in a relative
clause answers its accuser; "what X called Y" names Y's party; a warning beside an accusation
or a demand addresses its party. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("Norway accused Sweden of spying on its ships, a charge that Stockholm rejected.", "NOR"),
        ("Peru accused Chile of hiding the funds, a charge Santiago quickly rejected.", "PER"),
    ],
)
def test_a_charge_rejected_answers_the_accuser(extractor, text, accuser):
    (rejected,) = by_trigger(events(extractor, text), "rejected")
    assert (rejected.event, codes(rejected.recipient)) == ("REJECT", {accuser})


def test_a_charge_rejected_again_and_again_gets_no_accuser(extractor):
    said = "Norway accused Sweden of spying on its ships, a charge that Stockholm has {}rejected."
    (once,) = by_trigger(events(extractor, said.format("")), "rejected")
    assert codes(once.recipient) == {"NOR"}
    (again,) = by_trigger(events(extractor, said.format("repeatedly ")), "rejected")
    assert (again.event, codes(again.actor), codes(again.recipient)) == ("REJECT", {"SWE"}, set())


def test_what_a_minister_called_a_partys_act_names_that_party(extractor):
    text = 'Kenya\'s foreign ministry dismissed what it called "biased" Ugandan press reports.'
    (dismissed,) = by_trigger(events(extractor, text), "dismissed")
    assert codes(dismissed.recipient) == {"UGA"}


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Greece accused Turkey of provocations on Monday and warned that Athens would respond.",
         "TUR"),
        ("Japan urged China to stop its patrols and warned that Tokyo would defend its waters.",
         "CHN"),
    ],
)  # fmt: skip
def test_a_warning_beside_an_accusation_addresses_its_party(extractor, text, addressed):
    (warned,) = by_trigger(events(extractor, text), "warned")
    assert (warned.event, codes(warned.recipient)) == ("THREATEN", {addressed})
