"""Actor resolution rules on spacy.blank("en") and hand-built docs (no statistical model)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from allegiance import actors
from allegiance.doc import register_extensions
from allegiance.models import Mention
from allegiance.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    actors.add_to_pipeline(blank, Settings())
    return blank


def run(nlp: Language, text: str, published: dt.date | None = None) -> list[Mention]:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.mentions


def run_words(
    nlp: Language, words: list[str], ents: list[str], published: dt.date | None = None
) -> list[Mention]:
    """A hand-built doc whose entities (e.g. an unknown PERSON) are given, as NER would."""
    doc = Doc(nlp.vocab, words=words, ents=ents)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.mentions


def by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


def test_aliases_resolve_to_iso3(nlp: Language) -> None:
    text = "The U.S. and Britain met Türkiye, the DPRK, Burma and Ivory Coast in America."
    found = by_text(run(nlp, text))
    assert found["U.S."].code == "USA"
    assert found["Britain"].code == "GBR"
    assert found["Türkiye"].code == "TUR"
    assert found["DPRK"].code == "PRK"
    assert found["Burma"].code == "MMR"
    assert found["Ivory Coast"].code == "CIV"
    assert found["America"].code == "USA"
    assert found["U.S."].wikidata == "Q30"


def test_offsets_and_sentence_index(nlp: Language) -> None:
    text = "Rain fell. Later Ukraine spoke to Russia."
    mentions = run(nlp, text)
    assert [m.code for m in mentions] == ["UKR", "RUS"]
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.sentence_index == 1
    assert mentions == sorted(mentions, key=lambda m: m.start)


def test_demonyms_take_sector_from_head_noun(nlp: Language) -> None:
    found = by_text(run(nlp, "North Korean troops and Lithuanian officials met Iranian rebels."))
    assert (found["North Korean troops"].code, found["North Korean troops"].sector) == (
        "PRK",
        "MIL",
    )
    assert (found["Lithuanian officials"].code, found["Lithuanian officials"].sector) == (
        "LTU",
        "GOV",
    )
    assert found["Iranian rebels"].sector == "REB"


def test_possessive_country_forces(nlp: Language) -> None:
    found = by_text(run(nlp, "Ukraine's forces held the line."))
    assert found["Ukraine's forces"].code == "UKR"
    assert found["Ukraine's forces"].sector == "MIL"


def test_bare_country_has_no_sector(nlp: Language) -> None:
    (mention,) = run(nlp, "Germany said no.")
    assert mention.code == "DEU" and mention.sector is None and mention.kind == "country"


def test_capitals_and_seats_stand_for_governments(nlp: Language) -> None:
    found = by_text(
        run(nlp, "The Kremlin, the Pentagon, Downing Street, Kiev and Kyiv answered Pyongyang.")
    )
    assert (found["Kremlin"].code, found["Kremlin"].sector) == ("RUS", "GOV")
    assert (found["Pentagon"].code, found["Pentagon"].sector) == ("USA", "MIL")
    assert found["Downing Street"].code == "GBR"
    assert found["Kiev"].code == found["Kyiv"].code == "UKR"
    assert found["Pyongyang"].kind == "capital"


def test_us_agencies_stand_for_the_us_government(nlp: Language) -> None:
    found = by_text(run(nlp, "DHS, the FBI and the Department of Defense answered."))
    assert {m.code for m in found.values()} == {"USA"}
    assert found["Department of Defense"].sector == "MIL"


def test_organisations_organs_and_groups(nlp: Language) -> None:
    text = "The UN Security Council, the European Commission, NATO and Hamas spoke."
    found = by_text(run(nlp, text))
    assert found["UN Security Council"].code == "UN"
    assert found["European Commission"].code == "EU"
    assert (found["NATO"].code, found["NATO"].kind) == ("NATO", "igo")
    assert (found["Hamas"].code, found["Hamas"].sector) == ("PSE", "REB")


def test_places_are_entities_not_actors(nlp: Language) -> None:
    doc = nlp("Troops gathered near Kursk and in the Donbas.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Kursk"] in ("GPE", "LOC")
    assert not [m for m in doc._.mentions if m.text in ("Kursk", "Donbas")]


def test_a_capital_in_a_documents_name_is_no_actor(nlp: Language) -> None:
    found = by_text(
        run(nlp, "States signed the Copenhagen Charter and Kyiv signed the Paris Agreement.")
    )
    assert set(found) == {"Kyiv"}


def test_a_former_official_of_an_organisation_no_longer_acts_for_it(nlp: Language) -> None:
    words = ["Former", "NATO", "Secretary", "General", "Jan", "Dvorak", "spoke", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    (mention,) = run_words(nlp, words, ents)
    assert (mention.code, mention.sector, mention.role) == (None, "ELI", "former secretary general")
    words = ["Former", "Czech", "Foreign", "Minister", "Jan", "Dvorak", "spoke", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    (mention,) = run_words(nlp, words, ents)
    assert (mention.code, mention.sector, mention.role) == ("CZE", "ELI", "former foreign minister")


def test_title_before_unknown_person_gives_role_and_country(nlp: Language) -> None:
    words = ["Czech", "Foreign", "Minister", "Jan", "Dvorak", "arrived", "."]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    (mention,) = run_words(nlp, words, ents)
    assert mention.text == "Czech Foreign Minister Jan Dvorak"
    assert (mention.code, mention.sector, mention.role) == ("CZE", "GOV", "foreign minister")
    assert mention.person == "Jan Dvorak"


def test_appositive_gives_role_and_country(nlp: Language) -> None:
    words = ["Jan", "Dvorak", ",", "the", "president", "of", "Lithuania", ",", "said", "so", "."]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 9]
    found = by_text(run_words(nlp, words, ents))
    assert (found["Jan Dvorak"].code, found["Jan Dvorak"].role) == ("LTU", "president")
    assert found["Lithuania"].code == "LTU"


def test_possessive_appositive(nlp: Language) -> None:
    words = ["Jan", "Dvorak", ",", "Belgium", "'s", "prime", "minister", ",", "said", "."]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 8]
    found = by_text(run_words(nlp, words, ents))
    assert (found["Jan Dvorak"].code, found["Jan Dvorak"].role) == ("BEL", "prime minister")


def test_surname_takes_the_full_name_of_the_article(nlp: Language) -> None:
    words = ["Jan", "Dvorak", ",", "the", "president", "of", "Lithuania", ",", "came", ".",
             "Dvorak", "left", "."]  # fmt: skip
    ents = ["B-PERSON", "I-PERSON", *["O"] * 8, "B-PERSON", "O", "O"]
    mentions = run_words(nlp, words, ents)
    last = mentions[-1]
    assert (last.text, last.person, last.code) == ("Dvorak", "Jan Dvorak", "LTU")


def test_pronoun_takes_nearest_person(nlp: Language) -> None:
    mentions = run(nlp, "Mark Rutte met Germany. He said it would help.", dt.date(2024, 11, 20))
    he = next(m for m in mentions if m.text == "He")
    assert (he.person, he.code, he.kind) == ("Mark Rutte", "NATO", "person")
    it = next(m for m in mentions if m.text == "it")
    assert it.code == "DEU"


def test_pronoun_without_antecedent_is_not_a_mention(nlp: Language) -> None:
    assert run(nlp, "He said it would rain.") == []


def test_roles_follow_the_article_date(nlp: Language) -> None:
    def trump(on: dt.date | None) -> Mention:
        return run(nlp, "Donald Trump spoke.", on)[0]

    november = trump(dt.date(2024, 11, 20))
    assert november.code == "USA" and november.sector != "GOV"
    assert november.role == "president-elect"
    march = trump(dt.date(2025, 3, 1))
    assert (march.code, march.sector, march.role) == ("USA", "GOV", "president")
    assert trump(dt.date(2022, 6, 1)).role == "former president"
    rutte_2020 = run(nlp, "Mark Rutte spoke.", dt.date(2020, 1, 1))[0]
    assert (rutte_2020.code, rutte_2020.role) == ("NLD", "prime minister")
    rutte_2024 = run(nlp, "Mark Rutte spoke.", dt.date(2024, 11, 20))[0]
    assert (rutte_2024.code, rutte_2024.sector) == ("NATO", "IGO")


def test_latest_role_when_date_unknown(nlp: Language) -> None:
    (mention,) = run(nlp, "Marco Rubio spoke.")
    assert (mention.code, mention.role) == ("USA", "secretary of state")


def test_definite_descriptions(nlp: Language) -> None:
    found = by_text(run(nlp, "NATO met in Brussels. The alliance agreed. EU states waited."))
    assert found["The alliance"].code == "NATO"
    mentions = run(nlp, "The EU met. Then the bloc decided.")
    assert [m.code for m in mentions if m.text == "the bloc"] == ["EU"]


def test_description_needs_its_organisation_named_first(nlp: Language) -> None:
    assert not [m for m in run(nlp, "The bloc decided. Russia waited.") if m.text == "The bloc"]


def test_the_country_refers_to_the_last_country(nlp: Language) -> None:
    mentions = run(nlp, "Ukraine asked for help. Allies will help the country.")
    assert [m.code for m in mentions if m.text == "the country"] == ["UKR"]


def test_a_capital_naming_an_agreement_is_no_party(nlp: Language) -> None:
    mentions = run(nlp, "Kabul urged that every clause of the Doha agreement be honoured.")
    assert "QAT" not in {m.code for m in mentions}
    assert "QAT" in {m.code for m in run(nlp, "Kabul sent envoys to Doha.")}


def test_gold_code_mapping() -> None:
    kb = actors.load_kb(Settings())
    assert actors.to_gold_code("NATO", kb) == "IGO"
    assert actors.to_gold_code("JPN", kb) == "JAP"
    assert actors.to_gold_code("USA", kb) == "USA"
    assert actors.to_gold_code(None, kb) is None


def test_known_surname_inside_another_name_is_not_that_person(nlp: Language) -> None:
    mentions = run(nlp, "Yesterday Melania Trump spoke. Later Trump answered.")
    assert [m.text for m in mentions if m.person == "Donald Trump"] == ["Trump"]


def test_a_leaders_administration_is_the_government(nlp: Language) -> None:
    found = by_text(run(nlp, "The Obama administration and Yoweri Museveni's government met."))
    assert (found["Obama administration"].code, found["Obama administration"].sector) == (
        "USA",
        "GOV",
    )
    assert found["Yoweri Museveni's government"].code == "UGA"


def test_regions_stand_for_their_country(nlp: Language) -> None:
    found = by_text(run(nlp, "Darfur rebels attacked. Gunmen in the West Bank fired."))
    assert (found["Darfur rebels"].code, found["Darfur rebels"].sector) == ("SDN", "REB")
    assert (found["West Bank"].code, found["West Bank"].kind) == ("PSE", "region")


def test_appositive_before_the_name(nlp: Language) -> None:
    words = ["The", "president", "of", "Lithuania", ",", "Jan", "Dvorak", ",", "spoke", "."]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    found = by_text(run_words(nlp, words, ents))
    assert (found["Jan Dvorak"].code, found["Jan Dvorak"].role) == ("LTU", "president")
    words = ["Belgium", "'s", "foreign", "minister", ",", "Jan", "Dvorak", ",", "spoke", "."]
    found = by_text(run_words(nlp, words, ents))
    assert (found["Jan Dvorak"].code, found["Jan Dvorak"].role) == ("BEL", "foreign minister")


def test_a_current_title_in_the_text_outweighs_the_date(nlp: Language) -> None:
    (mention,) = run(nlp, "President Bush spoke.", dt.date(2024, 1, 1))
    assert (mention.code, mention.sector, mention.role) == ("USA", "GOV", "president")
    (former,) = run(nlp, "George W. Bush spoke.", dt.date(2024, 1, 1))
    assert (former.sector, former.role) == ("ELI", "former president")


def test_country_names_that_are_given_names(nlp: Language) -> None:
    assert [m.code for m in run(nlp, "Jordan and Chad signed.")] == ["JOR", "TCD"]
    assert [m.code for m in run(nlp, "Then Michael Jordan scored.")] == []


def test_short_acronyms_in_an_all_caps_line_are_words(nlp: Language) -> None:
    assert run(nlp, "WHAT IS NEXT") == []
    assert [m.code for m in run(nlp, "Fighters of IS fled.")] == ["ISIL"]


def test_titled_stranger_takes_the_only_country_of_the_sentence(nlp: Language) -> None:
    words = ["President", "Ana", "Lima", "thanked", "Chilean", "judges", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    found = by_text(run_words(nlp, words, ents))
    assert (found["President Ana Lima"].code, found["President Ana Lima"].role) == (
        "CHL",
        "president",
    )
    words = ["President", "Ana", "Lima", "thanked", "Chile", "and", "Peru", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    found = by_text(run_words(nlp, words, ents))
    assert found["President Ana Lima"].code is None


def test_cities_that_are_also_names_stay_names(nlp: Language) -> None:
    doc = nlp("King Hassan met traders from Hassan.")
    assert [e.start_char for e in doc.ents if e.text == "Hassan"] == [29]


def test_names_containing_a_country_are_not_that_country(nlp: Language) -> None:
    text = "Officials in New Mexico and Peru's Congress met the African National Congress."
    assert [m.code for m in run(nlp, text)] == ["PER"]
    assert [m.code for m in run(nlp, "Congress voted.")] == ["USA"]
