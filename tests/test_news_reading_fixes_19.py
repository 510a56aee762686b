"""Reading fixes of the nineteenth change (issue 13): what one refrains from, place names the
NER cuts short, coordinated gerunds of an accusation, a cricket result, ultimatums and
expulsions. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


def test_what_one_refrains_from_is_not_done(extractor):
    evs = events(extractor, "Zimbabwe's opposition refrained from criticizing Mnangagwa on Monday.")
    assert [e.factuality for e in by_trigger(evs, "criticizing")] == ["negated"]


def test_a_town_named_with_a_particle_is_the_whole_name(extractor):
    evs = events(
        extractor,
        "Rwandan and Mozambican troops have recaptured the port town of Mocimboa da Praia "
        "from insurgents, Rwanda's military said on Sunday.",
    )
    (recaptured,) = by_trigger(evs, "recaptured")
    assert "CPV" not in codes(recaptured.recipient)


def test_every_gerund_of_an_accusation_is_the_accused_partys(extractor):
    evs = events(
        extractor, "Interior Minister Mohsin Naqvi accused India of funding and arming the BLA."
    )
    (arming,) = by_trigger(evs, "arming")
    assert codes(arming.actor) == {"IND"}


def test_a_win_by_wickets_is_a_game(extractor):
    evs = events(
        extractor,
        "Sri Lanka held its nerve to beat Bangladesh by three wickets with two balls to spare.",
    )
    assert [e for e in evs if e.event == "ASSAULT"] == []


def test_hours_given_to_leave_are_no_aid_and_persona_non_grata_is_an_expulsion(extractor):
    evs = events(
        extractor,
        "Moldova's Foreign Ministry on Tuesday declared a Russian embassy official persona non "
        "grata, giving him 72 hours to leave the country.",
    )
    assert [e for e in evs if e.event == "AID"] == []
    (declared,) = by_trigger(evs, "declared")
    assert (declared.event, declared.mode) == ("SANCTION", "expel")
    assert codes(declared.recipient) == {"RUS"}


def test_days_given_to_act_are_an_ultimatum(extractor):
    evs = events(
        extractor,
        "Kenya had given the U.N. Refugee Agency 14 days to present a plan to close the camp, "
        "the interior minister said on Monday.",
    )
    (given,) = by_trigger(evs, "given")
    assert given.event == "REQUEST" and codes(given.recipient) == {"UN"}


def test_aid_given_stays_aid(extractor):
    evs = events(extractor, "Germany gave Ukraine 500 million euros in military aid last week.")
    assert [e.event for e in by_trigger(evs, "gave")] == ["AID"]
