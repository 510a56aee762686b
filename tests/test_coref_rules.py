"""Pronoun rules of the actor coreference on hand-built parses (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.actors.coref import _not_the_subject, _own_subject, _subject_antecedent
from allegiance.actors.drafts import Draft


def parsed(words, heads, deps, lemmas=None) -> Doc:
    lemmas = lemmas or [w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_it_told_by_a_body_is_the_body_not_the_nearer_city():
    # China's embassy in Lima said it objected
    words = ["China", "'s", "embassy", "in", "Lima", "said", "it", "objected"]
    heads = [2, 0, 5, 2, 3, 5, 7, 5]
    deps = ["poss", "case", "nsubj", "prep", "pobj", "ROOT", "nsubj", "ccomp"]
    lemmas = ["china", "'s", "embassy", "in", "lima", "say", "it", "object"]
    doc = parsed(words, heads, deps, lemmas)
    china = Draft(0, 1, code="CHN", kind="country")
    lima = Draft(4, 5, code="PER", kind="capital")
    assert _subject_antecedent(doc[6], "thing", [china, lima]) is china


def test_no_told_subject_leaves_the_pronoun_to_the_nearest_rule():
    # Lima hopes it wins: "hope" tells nothing
    doc = parsed(
        ["Lima", "hopes", "it", "wins"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp"],
        ["lima", "hope", "it", "win"],
    )
    assert _subject_antecedent(doc[2], "thing", [Draft(0, 1, code="PER", kind="capital")]) is None


def test_an_object_pronoun_is_neither_its_subject_nor_the_same_person():
    # Xi Jinping met Rutte ; Xi urged him
    words = ["Xi", "Jinping", "met", "Rutte", ";", "Xi", "urged", "him"]
    heads = [1, 2, 2, 2, 2, 6, 2, 6]
    deps = ["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "conj", "dobj"]
    doc = parsed(words, heads, deps)
    xi_full = Draft(0, 2, code="CHN", kind="person", person="Xi Jinping")
    rutte = Draft(3, 4, code="NLD", kind="person", person="Mark Rutte")
    xi = Draft(5, 6, code="CHN", kind="person", person="Xi Jinping")
    subject = _own_subject(doc[7])
    assert subject is not None and subject.i == 5
    assert _not_the_subject([xi_full, rutte, xi], subject) == [rutte]
