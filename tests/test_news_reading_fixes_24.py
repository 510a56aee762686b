"""Reading fixes of the twenty-fourth and twenty-fifth changes (issue 13): things dismissed as
a sham, what a report is about, journeys to a named place, aid announced. Whole pipeline,
sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


def test_a_vote_dismissed_as_a_sham_is_a_judgement(extractor):
    evs = events(extractor, "Chile's president dismissed the Venezuelan election as a farce.")
    (judged,) = by_trigger(evs, "dismissed")
    assert (judged.event, judged.mode) == ("ACCUSE", "disapprove")
    assert codes(judged.recipient) == {"VEN"}


def test_claims_dismissed_as_baseless_stay_rejected(extractor):
    evs = events(
        extractor, "Ghana's foreign ministry dismissed the Togolese allegations as baseless."
    )
    (rejected,) = by_trigger(evs, "dismissed")
    assert rejected.event == "REJECT"


def test_concern_about_a_report_is_about_what_it_reports(extractor):
    evs = events(
        extractor,
        "France said it was deeply concerned about the new IAEA report on Syria's "
        "chemical weapons stocks.",
    )
    (concern,) = by_trigger(evs, "concerned")
    assert codes(concern.recipient) == {"SYR"}


def test_flying_to_a_capital_is_a_visit(extractor):
    evs = events(extractor, "Norway's foreign minister flew to Nairobi on Tuesday.")
    (visit,) = by_trigger(evs, "flew")
    assert (visit.event, visit.mode) == ("CONSULT", "visit")
    assert (codes(visit.actor), codes(visit.recipient)) == ({"NOR"}, {"KEN"})


def test_a_journey_planned_is_a_future_visit(extractor):
    evs = events(
        extractor,
        "Brazil's president is due to travel to Beijing for talks next month.",
    )
    (visit,) = [e for e in evs if e.event == "CONSULT"]
    assert (visit.factuality, codes(visit.recipient)) == ("future", {"CHN"})


def test_talks_with_someone_carry_the_journey(extractor):
    evs = events(
        extractor,
        "Ruto travelled to Addis Ababa on Monday for talks with Ethiopian Prime Minister "
        "Abiy Ahmed.",
    )
    assert by_trigger(evs, "travelled") == []
    (talks,) = by_trigger(evs, "talks")
    assert codes(talks.recipient) == {"ETH"}


def test_what_is_flown_somewhere_makes_no_visit(extractor):
    evs = events(
        extractor,
        "Egypt flew wounded soldiers to Cairo. The injured men were flown to Amman.",
    )
    assert [e for e in evs if e.mode == "visit"] == []


def test_a_journey_of_no_known_party_is_no_visit(extractor):
    evs = events(extractor, "Mr. Kiprop then travelled to London with his daughter.")
    assert [e for e in evs if e.event in {"CONSULT", "AGREE"}] == []


def test_aid_announced_for_a_country_is_aid_given(extractor):
    evs = events(
        extractor, "Japan on Monday announced $30 million in emergency food aid for Malawi."
    )
    (aid,) = by_trigger(evs, "announced")
    assert (aid.event, aid.mode) == ("AID", "humanitarian")
    assert (codes(aid.actor), codes(aid.recipient)) == ({"JPN"}, {"MWI"})


def test_aid_approved_stays_a_promise(extractor):
    evs = events(extractor, "Sweden's parliament approved new military aid for Moldova.")
    (promise,) = by_trigger(evs, "approved")
    assert promise.event == "AGREE"
