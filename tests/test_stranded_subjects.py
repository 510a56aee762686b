"""Subjects the small parser strands (``participants.stranded_subject``), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.participants import (
    named_before_apposition,
    passive_participle,
    stranded_subject,
)


def _doc(words, heads, deps, pos, tags) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


# "After the vote , Chile , Peru and Bolivia urged Quito ." with the names hung on "vote"
LIST_WORDS = ["After", "the", "vote", ",", "Chile", ",", "Peru", "and", "Bolivia", "urged",
              "Quito", "."]  # fmt: skip
LIST_HEADS = [9, 2, 0, 2, 2, 4, 4, 6, 6, 9, 9, 9]
LIST_DEPS = ["prep", "det", "pobj", "punct", "conj", "punct", "conj", "cc", "conj", "ROOT",
             "dobj", "punct"]  # fmt: skip
LIST_POS = ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB",
            "PROPN", "PUNCT"]  # fmt: skip


def test_names_stranded_before_a_subjectless_verb_are_its_subject():
    tags = ["VBD" if w == "urged" else "" for w in LIST_WORDS]
    doc = _doc(LIST_WORDS, LIST_HEADS, LIST_DEPS, LIST_POS, tags)
    subject = stranded_subject(doc[9])
    assert subject is not None and subject.text == "Chile"  # the first of the list


def test_a_common_noun_before_the_verb_is_no_stranded_subject():
    words = ["In", "the", "talks", "urged", "Quito", "."]
    deps = ["prep", "det", "pobj", "ROOT", "dobj", "punct"]
    pos = ["ADP", "DET", "NOUN", "VERB", "PROPN", "PUNCT"]
    doc = _doc(words, [3, 2, 0, 3, 3, 3], deps, pos, ["", "", "", "VBD", "", ""])
    assert stranded_subject(doc[3]) is None


# "Chile , Peru 's closest ally , called on Quito ." parsed as a noun with an apposition
APPOS_WORDS = ["Chile", ",", "Peru", "'s", "closest", "ally", ",", "called", "on", "Quito", "."]
APPOS_HEADS = [0, 0, 5, 2, 5, 0, 5, 5, 7, 8, 0]
APPOS_DEPS = ["ROOT", "punct", "poss", "case", "amod", "appos", "punct", "acl", "prep", "pobj",
              "punct"]  # fmt: skip
APPOS_POS = ["PROPN", "PUNCT", "PROPN", "PART", "ADJ", "NOUN", "PUNCT", "VERB", "ADP", "PROPN",
             "PUNCT"]  # fmt: skip


def test_a_clause_hung_on_the_apposition_of_the_root_name_is_that_name_s():
    tags = ["VBN" if w == "called" else "" for w in APPOS_WORDS]
    doc = _doc(APPOS_WORDS, APPOS_HEADS, APPOS_DEPS, APPOS_POS, tags)
    called = doc[7]
    assert named_before_apposition(called) == doc[0]
    assert stranded_subject(called) == doc[0]
    assert not passive_participle(called)  # Chile calls; the ally is not called


def test_a_participle_right_after_its_noun_stays_passive():
    words = ["The", "town", "shelled", "overnight", "burned", "."]
    deps = ["det", "nsubj", "acl", "advmod", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADV", "VERB", "PUNCT"]
    doc = _doc(words, [1, 4, 1, 2, 4, 4], deps, pos, ["", "", "VBN", "", "VBD", ""])
    assert named_before_apposition(doc[2]) is None
    assert passive_participle(doc[2])
