"""Parties named without a country take the country of the place where the sentence puts the
event (allegiance.events.local), on written sentences with the real model."""

from __future__ import annotations

import pytest

from allegiance.models import Article

pytestmark = pytest.mark.model


def events(extractor, text):
    extraction = extractor.extract_one(Article(id="local", text=text))
    return [
        (e.event, [(m.text, m.code) for m in e.actor], [(m.text, m.code) for m in e.recipient])
        for e in extraction.events
    ]


def test_militants_attacking_in_a_country_are_that_country_s(extractor):
    found = events(
        extractor,
        "Militants attacked a passenger train in Pakistan's Balochistan province on Tuesday.",
    )
    assert ("ASSAULT", [("Militants", "PAK")]) in [(kind, actor) for kind, actor, _ in found]


def test_the_people_arrested_replace_the_city_as_recipient(extractor):
    found = events(extractor, "Police arrested 40 protesters in Lagos on Monday.")
    assert ("COERCE", [("Police", "NGA")], [("protesters", "NGA")]) in found


def test_a_foreign_actor_keeps_its_own_code_and_the_victims_get_the_place_s(extractor):
    found = events(extractor, "Russian forces killed 12 civilians in Kharkiv.")
    assert ("ASSAULT", [("Russian forces", "RUS")], [("civilians", "UKR")]) in found


def test_the_place_the_act_happened_in_wins_over_a_place_nearby(extractor):
    found = events(
        extractor,
        "Rebels attacked ten villages in northeastern C.A.R., near the Cameroon border.",
    )
    actors = [actor for kind, actor, _ in found if kind == "ASSAULT"]
    assert [("Rebels", "CAF")] in actors


def test_without_a_place_or_with_another_noun_nothing_is_coded(extractor):
    found = events(extractor, "Militants attacked a Pakistani army post on Tuesday.")
    assert [actor for kind, actor, _ in found if kind == "ASSAULT"] == [[]]
    found = events(extractor, "Critics attacked the plan in Lagos on Monday.")
    assert found and all(code != "NGA" for _, actor, _ in found for _, code in actor)


def test_people_a_state_s_police_arrest_with_no_place_are_that_state_s(extractor):
    found = events(extractor, "Myanmar police arrested 2,400 protesters last month.")
    assert ("COERCE", [("Myanmar police", "MMR")], [("protesters", "MMR")]) in found


def test_people_a_state_attacks_with_no_place_get_no_country(extractor):
    found = events(extractor, "American forces killed ten militants on Sunday.")
    assert all(not recipient for kind, _, recipient in found if kind == "ASSAULT")


def test_a_place_named_by_its_demonym_gives_its_country(extractor):
    found = events(extractor, "Gunmen stormed a hotel in the Somali city of Beledweyne on Tuesday.")
    assert ("ASSAULT", [("Gunmen", "SOM")]) in [(kind, actor) for kind, actor, _ in found]


STORY_ABOUT_CAR = (
    "Central African Republic officials said on Monday that Bangui would send more troops "
    "north. Officials in Bangui said the fighting in the Central African Republic has "
    "displaced thousands. The C.A.R. government says the army is ready. "
    "The C.A.R. accuses the rebels of killing and looting."
)


def test_in_a_story_about_one_country_its_local_party_takes_its_code(extractor):
    found = events(extractor, STORY_ABOUT_CAR)
    assert ("ACCUSE", [("C.A.R.", "CAF")], [("rebels", "CAF")]) in found


def test_a_story_about_several_countries_gives_its_local_parties_none(extractor):
    text = STORY_ABOUT_CAR.replace("Bangui", "Yaounde").replace(
        "The C.A.R. government", "Cameroon's government"
    )
    found = events(extractor, text)
    accusations = [recipient for kind, _, recipient in found if kind == "ACCUSE"]
    assert accusations == [[]]
