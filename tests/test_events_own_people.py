"""A domestic force's act on people named only as people is done to its own country's people
(events.own_people, thirty-first change of issue 13), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.own_people import own_people_acted_on
from allegiance.events.senses import Trigger
from allegiance.models import Mention


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [
        w.lower().rstrip("s") if p == "NOUN" else w.lower() for w, p in zip(words, pos, strict=True)
    ]
    lemmas[1] = {"arrested": "arrest", "charged": "charge", "met": "meet"}.get(words[1], lemmas[1])
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas, sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


def _police(doc: Doc, sector: str = "COP", code: str = "PAK") -> Mention:
    return Mention(doc[0].text, 0, len(doc[0]), code=code, sector=sector, kind="country",
                   sentence_index=0)  # fmt: skip


def _found(doc: Doc, kind: str, actor: Mention) -> Found:
    return Found(Trigger(doc[1], Sense(type=kind), verb=doc[1]), [actor], [])


def _arrested(obj: list[str], obj_pos: list[str]) -> Doc:
    """ "Police arrested <obj> ." with the object's head last."""
    words = ["Police", "arrested", *obj, "."]
    head = 1 + len(obj)
    heads = [1, 1, *[head] * (len(obj) - 1), 1, 1]
    deps = ["nsubj", "ROOT", *["nummod"] * (len(obj) - 1), "dobj", "punct"]
    return _doc(words, heads, deps, ["NOUN", "VERB", *obj_pos, "PUNCT"])


def test_people_arrested_by_the_police_are_the_country_s_own():
    doc = _arrested(["17", "people"], ["NUM", "NOUN"])
    found = own_people_acted_on(_found(doc, "COERCE", _police(doc)), MentionIndex([]))
    (people,) = found.recipients
    assert (people.text, people.code, people.sector) == ("17 people", "PAK", "CVL")


def test_a_pronoun_charged_by_prosecutors_is_the_country_s_own():
    doc = _doc(["Prosecutors", "charged", "him", "."], [1, 1, 1, 1],
               ["nsubj", "ROOT", "dobj", "punct"], ["NOUN", "VERB", "PRON", "PUNCT"])  # fmt: skip
    found = own_people_acted_on(_found(doc, "ACCUSE", _police(doc, "JUD")), MentionIndex([]))
    assert [m.code for m in found.recipients] == ["PAK"]


def test_a_sentence_naming_another_country_keeps_the_act_as_it_is():
    doc = _arrested(["17", "people"], ["NUM", "NOUN"])
    elsewhere = Mention("people", doc[3].idx, doc[3].idx + 6, code="AFG", kind="country")
    found = _found(doc, "COERCE", _police(doc))
    assert own_people_acted_on(found, MentionIndex([elsewhere])).recipients == []


def test_a_government_s_talks_or_a_thing_acted_on_are_not_its_people():
    doc = _arrested(["17", "people"], ["NUM", "NOUN"])
    government = _police(doc, "GOV")
    assert (
        own_people_acted_on(_found(doc, "CONSULT", government), MentionIndex([])).recipients == []
    )
    doc = _arrested(["the", "ban"], ["DET", "NOUN"])
    assert (
        own_people_acted_on(_found(doc, "COERCE", _police(doc)), MentionIndex([])).recipients == []
    )


def test_an_act_with_a_recipient_named_keeps_it():
    doc = _arrested(["17", "people"], ["NUM", "NOUN"])
    named = Mention("people", doc[3].idx, doc[3].idx + 6)
    found = Found(Trigger(doc[1], Sense(type="COERCE"), verb=doc[1]), [_police(doc)], [named])
    assert own_people_acted_on(found, MentionIndex([])).recipients == [named]
