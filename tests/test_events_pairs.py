"""A reciprocal noun names its own parties: "talks between India and Pakistan", "India-Pakistan
talks" (events.pairs, thirty-third change of issue 13), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.lexicon import Sense
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.pairs import paired_parties, reciprocal_noun
from allegiance.events.senses import Trigger
from allegiance.models import Mention
from allegiance.segment import split_state_pairs

CODES = {"India": "IND", "Pakistan": "PAK", "Delhi": None}


def _doc(rows: list[tuple[str, int, str]]) -> Doc:
    """(word, head, dep) per token."""
    words, heads, deps = (list(c) for c in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def _index(doc: Doc) -> MentionIndex:
    return MentionIndex(
        Mention(t.text, t.idx, t.idx + len(t), code=CODES[t.text], kind="country")
        for t in doc
        if t.text in CODES
    )


def _between(first: str, second: str) -> Doc:
    return _doc([
        ("Talks", 5, "nsubj"), ("between", 0, "prep"), (first, 1, "pobj"), ("and", 2, "cc"),
        (second, 2, "conj"), ("resumed", 5, "ROOT"), (".", 5, "punct"),
    ])  # fmt: skip


def _hyphenated(first: str, second: str) -> Doc:
    return _doc([
        (first, 2, "compound"), ("-", 2, "punct"), (second, 3, "compound"), ("talks", 4, "nsubj"),
        ("resumed", 4, "ROOT"), (".", 4, "punct"),
    ])  # fmt: skip


def _codes(mentions: list[Mention]) -> list[str | None]:
    return [m.code for m in mentions]


def test_talks_between_two_states_name_both_as_parties():
    doc = _between("India", "Pakistan")
    assert _codes(paired_parties(doc[0], _index(doc))) == ["IND", "PAK"]


def test_a_hyphenated_pair_names_both_as_parties():
    doc = _hyphenated("India", "Pakistan")
    assert _codes(paired_parties(doc[3], _index(doc))) == ["IND", "PAK"]


def test_fewer_than_two_coded_parties_name_no_pair():
    for doc, noun in ((_between("India", "Delhi"), 0), (_hyphenated("India", "Delhi"), 3)):
        assert paired_parties(doc[noun], _index(doc)) == []


def test_a_pair_without_a_dash_is_no_pair():
    doc = _doc([
        ("India", 1, "compound"), ("Pakistan", 2, "compound"), ("talks", 3, "nsubj"),
        ("resumed", 3, "ROOT"),
    ])  # fmt: skip
    assert paired_parties(doc[2], _index(doc)) == []


def test_meetings_deals_and_ceasefires_are_reciprocal_nouns_an_attack_is_not():
    doc = _between("India", "Pakistan")

    def trigger(kind: str, mode: str | None = None) -> Trigger:
        return Trigger(doc[0], Sense(type=kind, mode=mode))

    assert reciprocal_noun(trigger("CONSULT")) and reciprocal_noun(trigger("AGREE"))
    assert reciprocal_noun(trigger("RETREAT", "ceasefire"))
    assert not reciprocal_noun(trigger("ASSAULT")) and not reciprocal_noun(trigger("RETREAT"))


def test_a_state_pair_after_an_initialism_is_split_a_maker_is_not():
    nlp = spacy.blank("en")
    split_state_pairs(nlp)
    split_state_pairs(nlp)  # once is enough: a second call adds nothing
    assert [t.text for t in nlp("U.S.-Ukraine talks")] == ["U.S.", "-", "Ukraine", "talks"]
    assert [t.text for t in nlp("U.S.-backed forces")] == ["U.S.-backed", "forces"]
    assert [t.text for t in nlp("Russia-Ukraine war")] == ["Russia", "-", "Ukraine", "war"]
