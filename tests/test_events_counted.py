"""Parties named by their count (thirtieth change, issue 13), on hand-built docs: "urged both
countries" after "India and Pakistan" asks the two listed. Pure functions of the parse, the
mentions and the candidates."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.counted import (
    listed_before,
    parties_counted,
    with_counted_actors,
    with_counted_parties,
)
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.senses import Trigger
from allegiance.models import Mention

WORDS = ["India", "and", "Pakistan", "clashed", ".", "Oslo", "urged", "both", "countries",
         "to", "talk", "."]  # fmt: skip
CODES = {0: "IND", 2: "PAK", 5: "NOR"}


def _doc(count_word: str = "both", head: str = "countries") -> Doc:
    words = [*WORDS[:7], count_word, head, *WORDS[9:]]
    heads = [3, 0, 0, 3, 3, 6, 6, 8, 6, 10, 6, 6]
    deps = ["nsubj", "cc", "conj", "ROOT", "punct", "nsubj", "ROOT", "det", "dobj", "aux",
            "xcomp", "punct"]  # fmt: skip
    tags = ["NNP", "CC", "NNP", "VBD", ".", "NNP", "VBD", "DT", "NNS", "TO", "VB", "."]
    lemmas = [w.lower() for w in words]
    lemmas[8] = {"countries": "country", "officials": "official"}[head]
    spaces = [True, True, True, False, True, True, True, True, True, True, False, False]
    sent_starts = [True, False, False, False, False, True, False, False, False, False, False,
                   False]  # fmt: skip
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
               tags=tags, lemmas=lemmas, sent_starts=sent_starts)  # fmt: skip


def _index(doc: Doc) -> MentionIndex:
    return MentionIndex(
        Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), code=code, kind="country")
        for i, code in CODES.items()
    )


def test_a_counted_plural_says_how_many():
    assert parties_counted(_doc()[8]) == 2
    assert parties_counted(_doc("three")[8]) == 3
    assert parties_counted(_doc("the")[8]) is None
    assert parties_counted(_doc("both", "officials")[8]) is None


def test_both_countries_are_the_two_listed_before():
    doc = _doc()
    listed = listed_before(doc[8], _index(doc), count=2, exclude=frozenset({"NOR"}))
    assert [m.code for m in listed] == ["IND", "PAK"]


def test_a_list_of_another_size_is_not_taken():
    doc = _doc("three")
    assert listed_before(doc[8], _index(doc), count=3, exclude=frozenset({"NOR"})) == []


def test_the_request_to_both_countries_gets_them():
    doc = _doc()
    index = _index(doc)
    oslo = index.mentions[-1]
    asked = Found(Trigger(doc[6], Sense("REQUEST"), verb=doc[6]), [oslo], [])
    (found,) = with_counted_parties([asked], index)
    assert [m.code for m in found.recipients] == ["IND", "PAK"]


def test_a_request_naming_its_party_keeps_it():
    doc = _doc()
    index = _index(doc)
    named = Mention("Kenya", 0, 0, code="KEN")
    asked = Found(Trigger(doc[6], Sense("REQUEST"), verb=doc[6]), [index.mentions[-1]], [named])
    (found,) = with_counted_parties([asked], index)
    assert found.recipients == [named]


def _both_clashed() -> Doc:
    """ "India and Pakistan talked . Both countries clashed ." """
    words = ["India", "and", "Pakistan", "talked", ".", "Both", "countries", "clashed", "."]
    heads = [3, 0, 0, 3, 3, 6, 7, 7, 7]
    deps = ["nsubj", "cc", "conj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"]
    tags = ["NNP", "CC", "NNP", "VBD", ".", "DT", "NNS", "VBD", "."]
    lemmas = ["india", "and", "pakistan", "talk", ".", "both", "country", "clash", "."]
    starts = [True, False, False, False, False, True, False, False, False]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags,
               lemmas=lemmas, sent_starts=starts)  # fmt: skip


def test_an_act_of_both_countries_is_done_by_the_two_listed():
    doc = _both_clashed()
    index = MentionIndex(
        Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), code=code, kind="country")
        for i, code in {0: "IND", 2: "PAK"}.items()
    )
    clash = Found(Trigger(doc[7], Sense("ASSAULT"), verb=doc[7]), [], [])
    assert [m.code for m in with_counted_actors(clash, index).actors] == ["IND", "PAK"]
    named = Found(Trigger(doc[7], Sense("ASSAULT"), verb=doc[7]), [index.mentions[0]], [])
    assert with_counted_actors(named, index).actors == [index.mentions[0]]
