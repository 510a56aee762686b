"""Reading fixes of the sixteenth change (issue 13): a bare "Congress" of another country,
Brussels as the EU's seat, quarrels that are no assault, games told beside a score, a duty left
to a party, the party a call is addressed to. Whole pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from allegiance.models import Article
from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


def test_a_bare_congress_in_a_story_that_opens_on_guatemala_is_guatemalas(extractor):
    text = (
        "Guatemala will not accept more deportation flights from the United States, President "
        "Alejandro Giammattei said on Thursday.\n"
        "The health minister told Congress that many returnees had fallen ill."
    )
    mentions = extractor.extract_one(Article(id="t", text=text)).mentions
    assert [m.code for m in mentions if m.text == "Congress"] == ["GTM"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Ankara defied Washington on Monday.\nCongress is weighing new sanctions on Turkey.",
            "USA",
        ),
        (
            "Argentina's foreign minister visited Brazil on Monday.\nPolice fired tear gas at "
            "protesters outside Congress in Buenos Aires.",
            "ARG",
        ),
    ],
)
def test_a_bare_congress_stays_american_unless_its_place_or_story_says_otherwise(
    extractor, text, code
):
    mentions = extractor.extract_one(Article(id="t", text=text)).mentions
    assert [m.code for m in mentions if m.text == "Congress"] == [code]


def test_brussels_is_where_a_meeting_happens_and_the_eu_when_it_acts(extractor):
    evs = events(
        extractor,
        "Ukrainian President Volodymyr Zelenskyy met French President Emmanuel Macron in "
        "Brussels on Thursday. Hungary's Prime Minister Viktor Orban criticized Brussels for "
        "withholding funds from Budapest.",
    )
    (met,) = by_trigger(evs, "met")
    assert met.location is not None and met.location.country == "BEL"
    assert codes(met.actor) == {"UKR", "FRA"} and met.mutual
    (criticized,) = by_trigger(evs, "criticized")
    assert codes(criticized.recipient) == {"EU"}


def test_they_after_a_meeting_in_brussels_are_the_ministers_not_the_city(extractor):
    evs = events(
        extractor,
        "NATO defense ministers gathered in Brussels on Wednesday, where they pledged more air "
        "defense systems to Ukraine.",
    )
    (pledged,) = by_trigger(evs, "pledged")
    assert codes(pledged.actor) == {"NATO"}


@pytest.mark.parametrize(
    "text",
    [
        "The United States announced it would cease military aid to Ukraine, following the "
        "Oval Office clash between U.S. President Donald Trump and Ukrainian President "
        "Volodymyr Zelenskyy.",
        "Orban has repeatedly clashed with Brussels over migration and the rule of law.",
        "Trump clashed with Congress over the budget on Tuesday.",
    ],
)
def test_a_quarrel_is_no_assault(extractor, text):
    assert "ASSAULT" not in {e.event for e in events(extractor, text)}


def test_an_armed_clash_stays_an_assault(extractor):
    evs = events(extractor, "Police clashed with protesters in Tbilisi on Sunday.")
    assert [e.event for e in by_trigger(evs, "clashed")] == ["ASSAULT"]


def test_what_the_sentence_of_a_game_result_tells_is_no_assault(extractor):
    text = "Legia Warsaw fired back from two goals down to beat Slavia Prague 3-2 on Thursday."
    assert "ASSAULT" not in {e.event for e in events(extractor, text)}


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ('"It is now for Russia to accept the ceasefire," the minister said.', "accept", "RUS"),
        ("It is up to Iran to resume talks with the United States, the envoy said.",
         "resume talks", "IRN"),
    ],
)  # fmt: skip
def test_a_duty_left_to_a_party_is_not_done(extractor, text, trigger, actor):
    (left,) = by_trigger(events(extractor, text), trigger)
    assert left.factuality == "hypothetical"
    assert actor in codes(left.actor)


def test_a_call_for_a_party_to_act_is_addressed_to_it_not_to_its_maker(extractor):
    evs = events(
        extractor,
        "Moldova's prime minister renewed Moldova's call for Russia to withdraw its troops from "
        "Transnistria.",
    )
    (renewed,) = by_trigger(evs, "renewed")
    assert (codes(renewed.actor), codes(renewed.recipient)) == ({"MDA"}, {"RUS"})


@pytest.mark.parametrize(
    "text",
    [
        "More than 2.8 million Chinese tourists visited Vietnam from January through July.",
        "Another wave of Somalis arrived in Kenya in 2011, driven from home by drought.",
    ],
)
def test_private_travellers_make_no_visit_of_their_state(extractor, text):
    assert "CONSULT" not in {e.event for e in events(extractor, text)}


def test_an_official_visit_stays_a_visit(extractor):
    evs = events(extractor, "Chinese Foreign Minister Wang Yi visited Vietnam on Tuesday.")
    assert [e.event for e in by_trigger(evs, "visited")] == ["CONSULT"]


def test_the_partner_of_ties_is_the_recipient_not_their_owner(extractor):
    evs = events(
        extractor, "Modi is expected to discuss upgrading India's defense ties with Sri Lanka."
    )
    parties = {
        frozenset(codes(e.actor) | codes(e.recipient)) for e in evs if "IND" in codes(e.actor)
    }
    assert parties and all(p == {"IND", "LKA"} for p in parties)


def test_frozen_assets_are_sanctions_on_their_holder(extractor):
    evs = events(
        extractor,
        "The U.S. Treasury Department said it had frozen any U.S. assets held by Nicaragua's "
        "Public Ministry.",
    )
    (frozen,) = by_trigger(evs, "frozen")
    assert (frozen.event, codes(frozen.actor), codes(frozen.recipient)) == (
        "SANCTION",
        {"USA"},
        {"NIC"},
    )


def test_attacked_for_a_fault_is_a_criticism(extractor):
    evs = events(
        extractor,
        "Trump also attacked The Wall Street Journal newspaper for refusing to support his "
        "tariff plans.",
    )
    assert [(e.event, e.mode) for e in by_trigger(evs, "attacked")] == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces attacked Kharkiv for the third night in a row.",
        "Russia attacked Kharkiv for the third night in a row.",
    ],
)
def test_attacked_for_a_spell_of_time_stays_an_assault(extractor, text):
    assert [e.event for e in by_trigger(events(extractor, text), "attacked")] == ["ASSAULT"]


def test_a_delegation_received_is_no_access_granted(extractor):
    text = "A joint delegation from Bamako and Ouagadougou was received by Tchiani in Niamey."
    assert "RETREAT" not in {e.event for e in events(extractor, text)}


def test_nigers_junta_leader_is_known_under_the_spelling_news_uses(extractor):
    text = (
        "The envoys, led by former Nigerian head of state Abdulsalami Abubakar, had been due "
        "to hold talks with General Abdourahamane Tchiani on Thursday."
    )
    mentions = extractor.extract_one(Article(id="t", text=text)).mentions
    assert {m.code for m in mentions if "Tchiani" in m.text} == {"NER"}


def test_unnamed_bodies_of_a_story_about_one_country_are_that_countrys(extractor):
    evs = events(
        extractor,
        "Pakistan's finance minister presented the budget on Friday in Islamabad.\n"
        "The government said the security forces had arrested 40 people in Lahore.\n"
        "Police detained several activists outside parliament.\n"
        "Pakistan's central bank kept rates unchanged, and Pakistani markets rose.\n"
        "Pakistan expects growth of 3 percent this year.",
    )
    (arrested,) = by_trigger(evs, "arrested")
    assert [(m.code, m.sector) for m in arrested.actor] == [("PAK", "MIL")]
    (detained,) = by_trigger(evs, "detained")
    assert [(m.code, m.sector) for m in detained.actor] == [("PAK", "COP")]
    assert codes(detained.recipient) == {"PAK"}
