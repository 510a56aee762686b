"""Reading fixes of the ninety-first change (issue 13): what a reaction answers, what a deal
holds, and who speaks from a capital.

- "Damascus welcomed the agreement": the agreement Russia and Turkey reached, not the
  condolences Putin offered in between; "welcomed the decision": the court's decision, not an
  act denied ("would never hand over") or another party's reaction told since.
- "agreed to halt an escalation": a halt of fighting (RETREAT), so the agreement is AGREE,
  not a threat.
- "Obama's failure to sell missiles": the sale is negated, as after "failed to sell".
- "a deal on handing sovereignty to Mauritius", "an agreement to hand": what a deal holds is
  yet to be done (future), not what an agreement signed by two leaders is.
- "Joly said all G7 ministers agree with the U.S. proposal": the ministers' support is told;
  the speaker's statement is no second support of her own.
- "In Islamabad, the Foreign Office summoned ...", "In Moscow, the foreign ministry
  denounced ...": an office or ministry named without its country in a sentence set in a
  capital is that country's.

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, events, the_event


@pytest.mark.model
def test_a_welcomed_agreement_is_the_one_its_parties_reached(every_candidate):
    text = (
        "Presidents Recep Tayyip Erdogan and Vladimir Putin agreed in Moscow on Thursday to a "
        "ceasefire in Idlib. Putin offered condolences over the deaths of Turkish soldiers last "
        "week. Damascus welcomed the agreement."
    )
    welcomed = the_event(every_candidate, text, "welcomed")
    assert codes(welcomed.recipient) == {"RUS", "TUR"}


@pytest.mark.model
def test_a_welcomed_decision_is_no_act_denied_or_reaction(every_candidate):
    text = (
        "The International Criminal Court issued arrest warrants for two commanders. Its "
        "prosecutor urged all states to arrest the two men. The RSF rejected the warrants, and "
        "a spokesman said the group would never hand over any of its members. Sudan's foreign "
        "ministry welcomed the decision."
    )
    welcomed = the_event(every_candidate, text, "welcomed")
    assert codes(welcomed.recipient) == {"ICC"}


@pytest.mark.model
def test_agreeing_to_halt_an_escalation_is_no_threat(every_candidate):
    text = "Presidents Erdogan and Putin agreed in Moscow to halt an escalation."
    agreed = the_event(every_candidate, text, "agreed")
    assert agreed.event == "AGREE"
    assert the_event(every_candidate, text, "halt").event == "RETREAT"


@pytest.mark.model
def test_a_failure_to_act_negates_the_act(every_candidate):
    text = "Ankara resents Barack Obama's failure to sell U.S. Patriot missiles to Turkey."
    assert the_event(every_candidate, text, "sell").factuality == "negated"


@pytest.mark.model
def test_what_a_deal_holds_is_yet_to_be_done(every_candidate):
    for text, trigger in (
        ("Britain is seeking to finalize a deal on handing the Chagos Islands to Mauritius.",
         "handing"),
        ("Britain signed an agreement to hand the Chagos Islands to Mauritius.", "hand"),
    ):  # fmt: skip
        assert the_event(every_candidate, text, trigger).factuality == "future"
    text = "The war ended with an agreement signed by Pashinyan and Aliyev in November 2020."
    signed = the_event(every_candidate, text, "signed")
    assert signed.factuality != "future"


@pytest.mark.model
def test_support_told_of_the_speakers_group_is_not_hers_again(every_candidate):
    text = (
        "Canadian Foreign Minister Melanie Joly said all G7 foreign ministers agree with the "
        "U.S. proposal."
    )
    found = events(every_candidate, text)
    assert not [e for e in found if e.trigger.text == "said"]
    assert codes(the_event(every_candidate, text, "agree").actor) == {"G7"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("India's jets crossed the border on Tuesday. In Islamabad, the Foreign Office "
         "summoned India's deputy high commissioner.", "summoned", {"PAK"}),
        ("Britain expelled two Russian diplomats. In Moscow, the foreign ministry denounced "
         "the expulsions.", "denounced", {"RUS"}),
        ("India tested a missile. In Islamabad, a foreign ministry spokeswoman condemned the "
         "test.", "condemned", {"PAK"}),
    ],
)  # fmt: skip
def test_an_office_in_a_capital_is_that_countrys(every_candidate, text, trigger, actor):
    assert codes(the_event(every_candidate, text, trigger).actor) == actor
