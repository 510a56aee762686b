"""Reading fixes of the seventieth change (issue 13): the sides and bodies someone else
addresses.

- A verb that shares its subject as a conjunct, or whose subject is a pronoun in a reported
  clause, is done by that subject ("the State Department said it was following events and
  urged all sides": "urged" is the State Department's), so the sides it addresses are the
  story's own country's rather than left without a code (``actors.domestic.verb_subject``).
- In a story about no one country, an unnamed body an international body addresses is of the
  one state its sentence names ("the UN's coordinator for Sudan urged both warring parties"),
  and the sides a party addresses are of the one other party its sentence names ("U.S.
  officials blamed the Taliban and called on all warring parties"). A state's own forces are
  not another state's ("Khan placed the army on alert and criticized India").

On hand-built parses, and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.actors.domestic import domestic_bodies, verb_subject
from allegiance.actors.drafts import Draft
from event_helpers import codes, the_event


def _parsed(words, heads, deps, pos) -> Doc:
    plural = zip(words, pos, strict=True)
    tags = ["NNS" if p == "NOUN" and w.endswith("s") else "" for w, p in plural]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_conjunct_verb_in_a_reported_clause_is_done_by_the_reporter():
    # the State Department said it was following events and urged all sides
    words = ["the", "State", "Department", "said", "it", "was", "following", "events", "and",
             "urged", "all", "sides"]  # fmt: skip
    heads = [2, 2, 3, 3, 6, 6, 3, 6, 6, 6, 11, 9]
    deps = ["det", "compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "conj",
            "det", "dobj"]  # fmt: skip
    pos = ["DET", "PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "NOUN", "CCONJ", "VERB",
           "DET", "NOUN"]  # fmt: skip
    doc = _parsed(words, heads, deps, pos)
    assert verb_subject(doc[9]) == doc[2]
    assert verb_subject(doc[3]) == doc[2]


def test_the_sides_an_international_body_addresses_are_the_named_state_s():
    # The UN urged both warring parties to talk in the country .
    words = ["The", "UN", "urged", "both", "warring", "parties", "to", "talk", "in", "the",
             "country", "."]  # fmt: skip
    heads = [1, 2, 2, 5, 5, 2, 7, 2, 7, 10, 8, 2]
    deps = ["det", "nsubj", "ROOT", "det", "amod", "dobj", "aux", "xcomp", "prep", "det",
            "pobj", "punct"]  # fmt: skip
    pos = ["DET", "PROPN", "VERB", "DET", "ADJ", "NOUN", "PART", "VERB", "ADP", "DET", "NOUN",
           "PUNCT"]  # fmt: skip
    doc = _parsed(words, heads, deps, pos)
    drafts = [Draft(1, 2, code="UN", kind="igo"), Draft(9, 11, code="SDN", kind="country")]
    (found,) = domestic_bodies(doc, drafts, [0] * len(words), {1, 9, 10})
    assert (found.start, found.end, found.code, found.sector) == (3, 6, "SDN", None)


def test_the_sides_a_state_addresses_are_the_other_named_party_s():
    # U.S. officials blamed the Taliban and called on all warring parties to talk .
    words = ["U.S.", "officials", "blamed", "the", "Taliban", "and", "called", "on", "all",
             "warring", "parties", "to", "talk", "."]  # fmt: skip
    heads = [1, 2, 2, 4, 2, 2, 2, 6, 10, 10, 7, 12, 6, 2]
    deps = ["compound", "nsubj", "ROOT", "det", "dobj", "cc", "conj", "prep", "det", "amod",
            "pobj", "aux", "xcomp", "punct"]  # fmt: skip
    pos = ["PROPN", "NOUN", "VERB", "DET", "PROPN", "CCONJ", "VERB", "ADP", "DET", "ADJ",
           "NOUN", "PART", "VERB", "PUNCT"]  # fmt: skip
    doc = _parsed(words, heads, deps, pos)
    drafts = [Draft(0, 2, code="USA", kind="country"), Draft(3, 5, code="AFG", kind="group")]
    (found,) = domestic_bodies(doc, drafts, [0] * len(words), {0, 1, 3, 4})
    assert (found.start, found.end, found.code) == (8, 11, "AFG")


def test_a_state_s_own_army_is_not_the_other_state_s():
    # Khan placed the army on alert and criticized India .
    words = ["Khan", "placed", "the", "army", "on", "alert", "and", "criticized", "India", "."]
    heads = [1, 1, 3, 1, 1, 4, 1, 1, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "conj", "dobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "CCONJ", "VERB", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    drafts = [Draft(0, 1, code="PAK", kind="person"), Draft(8, 9, code="IND", kind="country")]
    assert domestic_bodies(doc, drafts, [0] * len(words), {0, 8}) == []


@pytest.mark.model
def test_all_sides_urged_from_abroad_are_the_story_s_country(extractor):
    text = (
        "Iraqi security forces fired on protesters in Baghdad on Friday. Iraq's prime minister "
        "promised reforms. Protests spread across Iraq, and Iraqi officials imposed a curfew in "
        "Basra. Iraq's parliament met on Saturday. In Washington, the State Department said it "
        "was following events closely and urged all sides to reject violence."
    )
    event = the_event(extractor, text, "urged")
    assert event.event == "REQUEST"
    assert codes(event.actor) == {"USA"} and codes(event.recipient) == {"IRQ"}


WARRING_PARTIES = [
    # a UN official: the one state the sentence names
    ("The UN's humanitarian coordinator for Sudan urged both warring parties to let aid "
     "workers cross front lines.", "urged", {"UN"}, {"SDN"}),
    # a state: the one other party the sentence names
    ("U.S. officials have blamed the Taliban for the latest rise in violence and called on "
     "all warring parties to reduce hostilities.", "called", {"USA"}, {"AFG"}),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "actors", "recipients"), WARRING_PARTIES)
def test_warring_parties_someone_urges_are_the_sentence_s_other_party(
    extractor, text, trigger, actors, recipients
):
    event = the_event(extractor, text, trigger)
    assert codes(event.actor) == actors and codes(event.recipient) == recipients
