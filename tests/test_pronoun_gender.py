"""A pronoun resolves only to a compatible antecedent (issue 13, item 6): "she" never takes a
man named before it, "he" never a woman (``actors.gender``).

The gender comes from the knowledge base for the people it knows, and otherwise from what the
story says: a gendered title or an honorific right before the name. A person of unknown gender
fits either pronoun.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.actors.drafts import Draft
from allegiance.actors.gender import fitting, mark_genders, said_gender
from allegiance.actors.lexicon import load_lexicon
from allegiance.actors.loader import load_knowledge_base
from event_helpers import codes, the_event


def _doc(words: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words)


def _words() -> dict[str, str]:
    return load_lexicon().gendered_words


def test_an_honorific_before_the_name_says_the_gender():
    doc = _doc(["Ms.", "Anna", "Kowal", "met", "Mr", "Jan", "Nowak"])
    assert said_gender(doc, Draft(1, 3, kind="person"), _words()) == "f"
    assert said_gender(doc, Draft(5, 7, kind="person"), _words()) == "m"


def test_a_gendered_title_says_it_and_a_plain_one_does_not():
    doc = _doc(["Amara", "Dube", "met", "Jonas", "Ferreira"])
    spokeswoman = Draft(0, 2, kind="person", role="government spokeswoman")
    president = Draft(3, 5, kind="person", role="president")
    assert said_gender(doc, spokeswoman, _words()) == "f"
    assert said_gender(doc, president, _words()) is None


def test_the_knowledge_base_gender_is_kept_and_others_are_marked():
    doc = _doc(["Queen", "Rania", "and", "Olaf", "Scholz"])
    known = Draft(3, 5, kind="person", gender="m", role="chancellor")
    told = Draft(1, 2, kind="person")
    mark_genders(doc, [known, told], _words())
    assert (known.gender, told.gender) == ("m", "f")


def test_a_gendered_pronoun_skips_only_the_other_gender():
    him = Draft(0, 2, kind="person", gender="m")
    her = Draft(3, 5, kind="person", gender="f")
    unknown = Draft(6, 8, kind="person")
    country = Draft(9, 10, kind="country", code="FRA")
    drafts = [him, her, unknown, country]
    assert fitting(drafts, "f") == [her, unknown, country]
    assert fitting(drafts, "m") == [him, unknown, country]
    assert fitting(drafts, None) == drafts


def test_people_in_the_knowledge_base_carry_their_gender(tmp_path: Path):
    own = tmp_path / "mine.yaml"
    own.write_text(
        "- {code: 'PER:x', name: Ana Testa, kind: person, gender: x, country: FRA}\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base((str(own),))
    assert kb.actors["PER:angela-merkel"].gender == "f"
    assert kb.actors["PER:olaf-scholz"].gender == "m"
    assert kb.actors["PER:x"].gender is None  # only m or f is read


@pytest.mark.model
def test_she_takes_the_woman_named_not_the_nearer_subject(extractor):
    text = "Emmanuel Macron met Angela Merkel in Paris on Monday. She accused Russia of lying."
    event = the_event(extractor, text, "accused")
    assert [(m.text, m.code) for m in event.actor] == [("She", "DEU")]


@pytest.mark.model
def test_he_does_not_go_back_to_a_woman_leader(extractor):
    text = (
        "Defense Minister Somchai Boonmee visited the border on Monday. Prime Minister "
        "Paetongtarn Shinawatra said talks would go on. He accused Cambodian soldiers of "
        "digging trenches."
    )
    event = the_event(extractor, text, "accused")
    assert all(m.person != "Paetongtarn Shinawatra" for m in event.actor)
    assert "THA" not in codes(event.actor)  # the minister named before has no code: none
