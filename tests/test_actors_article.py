"""Actor resolution with the real model on the real article of DESIGN.md (../shared)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from allegiance import actors
from allegiance.doc import register_extensions
from allegiance.models import Mention
from allegiance.pipeline import load_model
from allegiance.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "000_1ddcfbf26e8000d6.txt"
EXPECTED_CODES = {
    "USA",
    "UKR",
    "RUS",
    "PRK",
    "IRN",
    "CHN",
    "DEU",
    "FRA",
    "LTU",
    "BEL",
    "NATO",
    "EU",
}

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    pipeline = load_model(Settings().model)
    actors.add_to_pipeline(pipeline, Settings())
    return pipeline


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    if not ARTICLE.is_file():
        pytest.skip("../shared not present (fresh clone)")
    text = ARTICLE.read_text(encoding="utf-8")
    parsed = nlp.make_doc(text)
    parsed._.published = dt.date(2024, 11, 20)
    for _, proc in nlp.pipeline:
        parsed = proc(parsed)
    return parsed


def people(doc: Doc, name: str) -> list[Mention]:
    return [m for m in doc._.mentions if m.person == name]


def test_every_actor_of_the_design_resolves(doc: Doc) -> None:
    assert {m.code for m in doc._.mentions} >= EXPECTED_CODES
    for m in doc._.mentions:
        assert doc.text[m.start : m.end] == m.text
    assert [m.start for m in doc._.mentions] == sorted(m.start for m in doc._.mentions)


def test_people_have_their_roles(doc: Doc) -> None:
    rutte = people(doc, "Mark Rutte")
    assert rutte and all(m.code == "NATO" for m in rutte)
    assert rutte[0].role == "secretary general"
    nauseda = people(doc, "Gitanas Nauseda")
    assert nauseda and (nauseda[0].code, nauseda[0].role) == ("LTU", "president")
    de_croo = people(doc, "Alexander De Croo")
    assert de_croo and (de_croo[0].code, de_croo[0].role) == ("BEL", "prime minister")


def test_trump_is_a_person_but_not_the_us_government_in_november_2024(doc: Doc) -> None:
    trump_ents = [e for e in doc.ents if e.text == "Trump"]
    assert trump_ents and all(e.label_ == "PERSON" for e in trump_ents)
    trump = people(doc, "Donald Trump")
    assert len(trump) >= 5
    assert all(m.code == "USA" and m.sector != "GOV" for m in trump)


def test_kursk_is_a_place_not_an_actor(doc: Doc) -> None:
    kursk = [e for e in doc.ents if e.text == "Kursk"]
    assert kursk and kursk[0].label_ in ("GPE", "LOC")
    start = kursk[0].start_char
    assert not [m for m in doc._.mentions if m.start <= start < m.end]


def test_metonymy_and_sectors(doc: Doc) -> None:
    found = {m.text: m for m in doc._.mentions}
    assert (found["Washington"].code, found["Washington"].sector) == ("USA", "GOV")
    assert (found["North Korean troops"].code, found["North Korean troops"].sector) == (
        "PRK",
        "MIL",
    )
    assert (found["Ukraine’s forces"].code, found["Ukraine’s forces"].sector) == ("UKR", "MIL")


def test_pronouns_follow_the_people(doc: Doc) -> None:
    he = [m for m in doc._.mentions if m.text.lower() == "he"]
    assert he and all(m.kind == "person" for m in he)
    de_croo = people(doc, "Alexander De Croo")[0]
    after = [m for m in he if m.start > de_croo.end]
    assert after and after[0].person == "Alexander De Croo"
