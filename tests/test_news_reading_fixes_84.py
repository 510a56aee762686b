"""Reading fixes of the eighty-fourth change (issue 13): visits told with "met with", charges of
plotting, appeals for help, armed men of a named group, requests something is done at, rescues
and envoys sent.

- "Duda met with Zelenskyy in Kyiv": a meeting in one party's country is the other's visit,
  also when told with "with" (it had made both actors of a meeting of equals); the place met
  in, or its owner ("in Qatar's capital"), is the venue, not a host.
- "U.S. prosecutors charged two Myanmar nationals with plotting to kill ...": those charged
  would do it, as those accused of it would.
- "Armenia appealed to the CSTO for help": the one appealed to would help.
- "killed four militants in Anbar province in an operation against Islamic State": armed men in a
  sentence that names the armed group are its members, not the place's country.
- "France sent troops to Mali at the request of the government in Bamako": the request is the
  government's, made of France.
- "Pakistani security forces freed 354 passengers": forces that free hostages rescue them
  (AID); captors that free them release them (RETREAT).
- "Ramaphosa sent two special envoys to Harare": envoys, delegations and mediation teams sent
  go to talk (CONSULT 'visit'); inspectors sent still investigate.

Through the whole pipeline on sentences written by us (published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events, of_type


@pytest.mark.model
def test_a_meeting_with_a_party_in_its_country_is_a_visit(every_candidate):
    text = "Polish President Andrzej Duda met with Zelenskyy in Kyiv on Tuesday."
    (met,) = of_type(events(every_candidate, text), "CONSULT")
    assert met.mode == "visit" and not met.mutual
    assert codes(met.actor) == {"POL"} and codes(met.recipient) == {"UKR"}


@pytest.mark.model
def test_the_place_met_in_is_no_host(every_candidate):
    text = "The United States negotiated with the insurgents in Qatar's capital, Doha."
    (talks,) = of_type(events(every_candidate, text), "CONSULT")
    assert talks.mode != "visit" and "QAT" not in codes(talks.recipient)


@pytest.mark.model
def test_those_charged_with_plotting_would_do_it(every_candidate):
    text = (
        "U.S. prosecutors charged two Myanmar nationals with plotting to kill Myanmar's U.N. "
        "ambassador."
    )
    (plot,) = of_type(events(every_candidate, text), "ASSAULT")
    assert codes(plot.actor) == {"MMR"}


@pytest.mark.model
def test_the_one_appealed_to_for_help_would_help(every_candidate):
    text = "Armenia appealed to the Collective Security Treaty Organization for help."
    (help_,) = of_type(events(every_candidate, text), "AID")
    assert codes(help_.actor) == {"CSTO"} and codes(help_.recipient) == {"ARM"}
    assert help_.factuality == "hypothetical"


@pytest.mark.model
def test_armed_men_killed_beside_a_named_group_are_its_members(every_candidate):
    text = (
        "Iraqi troops killed four militants in Anbar province in an operation against "
        "Islamic State."
    )
    (killed,) = events(every_candidate, text)
    assert codes(killed.recipient) == {"ISIL"}
    (killed,) = events(every_candidate, "Iraqi troops killed four militants in Anbar province.")
    assert codes(killed.recipient) == {"IRQ"}  # no group named: the place's own


@pytest.mark.model
def test_a_request_something_is_done_at_is_the_requester_s(every_candidate):
    text = "Kenya sent police to Haiti at Washington's request."
    (request,) = of_type(events(every_candidate, text), "REQUEST")
    assert codes(request.actor) == {"USA"} and codes(request.recipient) == {"KEN"}
    text = "France sent troops to Mali at the request of the government in Bamako."
    (request,) = of_type(events(every_candidate, text), "REQUEST")
    assert codes(request.actor) == {"MLI"} and codes(request.recipient) == {"FRA"}


@pytest.mark.model
def test_forces_freeing_hostages_rescue_them_and_captors_release_them(every_candidate):
    (rescue,) = events(every_candidate, "Nigerian troops freed 20 kidnapped students.")
    assert rescue.event == "AID"
    (release,) = events(every_candidate, "Israel freed 90 Palestinian prisoners.")
    assert release.event == "RETREAT"


@pytest.mark.model
def test_envoys_sent_go_to_talk_and_inspectors_to_investigate(every_candidate):
    (sent,) = events(every_candidate, "China dispatched a delegation to Pyongyang.")
    assert sent.event == "CONSULT" and sent.mode == "visit"
    assert codes(sent.actor) == {"CHN"} and codes(sent.recipient) == {"PRK"}
    text = "ECOWAS said it would send a mediation team to Freetown."
    (team,) = by_trigger(events(every_candidate, text), "send")
    assert team.event == "CONSULT"
    (inspectors,) = events(every_candidate, "The IAEA sent a team of inspectors to Iran.")
    assert inspectors.event == "ACCUSE"
