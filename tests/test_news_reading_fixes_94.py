"""Reading fixes of the ninety-fourth change (issue 13): who a reaction answers, and when
insisting is a demand.

- "Tehran denied any role in the attack": one who rejects or denies a charge answers a charge
  against itself, not Syria's charge against the United States told just before; and a
  reaction answered earlier in the story is seen with its answer by those after it.
- "Navarro dismissed Hanoi's offer, saying Vietnam cheats ... Vietnam rejected the
  accusation": whoever acts and says something in the same breath said what is rejected.
- "The United States criticised a decision by OPEC+ ... Moscow backed the decision": an
  earlier reaction to the same thing has found whose it is.
- "The European Union imposed sanctions on firms it accuses of breaking the UN embargo ...
  Turkey condemned the decision": the decision is what the sentence's main verb tells, not
  the embargo named inside it.
- "insisted they had not been mistreated" says what is, and is no demand; "insisted that
  foreign troops must leave" is one.

Through the whole pipeline on stories written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, events, the_event

STRIKES_DENIED = (
    "The United States struck militia targets in Iraq and Syria on Friday. Syria's foreign "
    "ministry called the strikes a flagrant violation of its sovereignty. Tehran denied any "
    "role in the attack."
)
ACCUSATION_IN_PASSING = (
    "Southeast Asian ministers said they were deeply concerned by the US tariffs. Vietnam "
    "offered to cut its own tariffs to zero. But White House adviser Peter Navarro "
    "dismissed Hanoi's offer, saying Vietnam cheats on trade. Vietnam's foreign ministry "
    "rejected the accusation."
)
DECISION_ANSWERED_BEFORE = (
    "The United States sharply criticised a decision by OPEC+ to cut oil production. US "
    "officials had spent weeks lobbying Saudi Arabia to hold off on any cut. Russian "
    "Deputy Prime Minister Alexander Novak said Moscow fully backed the decision."
)
DECISION_OF_THE_MAIN_VERB = (
    "The European Union on Monday imposed sanctions on three companies it accuses of "
    "breaking the United Nations arms embargo on Libya. Turkey's foreign ministry condemned "
    "the decision."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        (STRIKES_DENIED, "called", {"USA"}),
        (ACCUSATION_IN_PASSING, "rejected", {"USA"}),
        (DECISION_ANSWERED_BEFORE, "backed", {"OPEC"}),
        (DECISION_OF_THE_MAIN_VERB, "condemned", {"EU"}),
    ],
    ids=["charge-answered", "said-in-passing", "answered-before", "main-verb-first"],
)
def test_a_reaction_answers_whoever_made_what_it_names(every_candidate, text, trigger, recipient):
    reaction = the_event(every_candidate, text, trigger)
    assert codes(reaction.recipient) == recipient


@pytest.mark.model
def test_a_denial_answers_a_charge_against_the_denier(every_candidate):
    denied = the_event(every_candidate, STRIKES_DENIED, "denied")
    assert "SYR" not in codes(denied.recipient)


@pytest.mark.model
def test_insisting_on_what_is_is_no_demand(every_candidate):
    text = (
        "Iran's foreign ministry insisted that the detained British sailors had not been "
        "mistreated."
    )
    assert not [e for e in events(every_candidate, text) if e.trigger.text == "insisted"]


@pytest.mark.model
def test_insisting_on_what_must_be_is_a_demand(every_candidate):
    text = "Kinshasa insisted that Rwandan soldiers must leave Congolese territory."
    insisted = the_event(every_candidate, text, "insisted")
    assert insisted.event == "REQUEST"
    assert codes(insisted.recipient) == {"RWA"}
