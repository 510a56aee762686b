"""Reading fixes of the seventeenth change (issue 13): a war named as a state of affairs, a
war ended by someone not fighting it, the topic of talks, a position held in the present, and
ties with a party left unnamed. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The Canadian-led war against the rebels has cost billions of dollars.",
        "A ceasefire in the Armenia-Azerbaijan war could change the region, officials said.",
        "The two leaders backed rival sides in the Libyan civil war.",
    ],
)
def test_a_war_named_as_a_state_of_affairs_is_no_assault(extractor, text):
    assert [e for e in events(extractor, text) if e.event == "ASSAULT"] == []


def test_a_war_that_breaks_out_is_one(extractor):
    evs = events(extractor, "Eritrea's war against Ethiopia erupted in 1998.")
    assert [e.event for e in by_trigger(evs, "war")] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Canada's prime minister said he could end the war quickly.",
        "Macron will urge Japan to focus on ending the Armenia-Azerbaijan war.",
    ],
)
def test_ending_a_war_one_does_not_fight_is_no_retreat(extractor, text):
    assert [e for e in events(extractor, text) if e.event == "RETREAT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Israel said on Monday that it would end its war in Gaza.",
        "Armenia said on Monday it would end the Armenia-Azerbaijan war.",
    ],
)
def test_ending_ones_own_war_is_a_retreat(extractor, text):
    assert [e.event for e in events(extractor, text) if e.trigger.text == "end"] == ["RETREAT"]


def test_whose_role_is_discussed_is_no_party_to_the_talks(extractor):
    evs = events(
        extractor,
        "G7 foreign ministers also discussed China's role in global security on Friday.",
    )
    (talks,) = by_trigger(evs, "discussed")
    assert codes(talks.actor) == {"G7"}
    assert "CHN" not in codes(talks.recipient)


def test_whom_a_topic_is_discussed_with_is_a_party(extractor):
    evs = events(
        extractor,
        "Putin discussed strategic stability with French President Emmanuel Macron on Monday.",
    )
    talks = by_trigger(evs, "discussed")
    assert talks and all(codes([*t.actor, *t.recipient]) == {"RUS", "FRA"} for t in talks)


@pytest.mark.parametrize(
    "text",
    [
        "The separatist group also opposes Chinese investment in the province.",
        "The United States particularly opposes China's maritime expansion.",
    ],
)
def test_a_position_held_told_by_the_reporter_is_no_event(extractor, text):
    assert [e for e in events(extractor, text) if e.trigger.text == "opposes"] == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Putin said on Thursday that Russia supports the U.S. ceasefire proposal.", "supports"),
        ('A spokesman said Beijing "firmly opposes" any U.S. arms sales to Taiwan.', "opposes"),
    ],
)
def test_a_position_stated_by_someone_is_a_statement(extractor, text, trigger):
    assert len(by_trigger(events(extractor, text), trigger)) == 1


def test_the_owner_of_ties_with_an_unnamed_partner_is_no_recipient(extractor):
    evs = events(
        extractor,
        "Modi will discuss upgrading India's defense ties with the island nation on Monday.",
    )
    assert all("IND" not in codes(e.recipient) for e in evs)
