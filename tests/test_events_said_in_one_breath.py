"""A speech act told beside "said" (twenty-ninth change, issue 13), on hand-built parses: the
parser hangs "and accused X" on a verb deep in what was said; the rule is a pure function of
the parse."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.participants import said_in_the_same_breath


def _said(
    inner: str, inner_tag: str, second: str, second_lemma: str, second_tag: str = "VBD"
) -> Doc:
    """ "Oslo said the plan had <inner> and <second> Riga", "<second>" hung on "<inner>" """
    words = ["Oslo", "said", "the", "plan", "had", inner, "and", second, "Riga"]
    heads = [1, 1, 3, 5, 5, 1, 5, 5, 7]
    deps = ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "cc", "conj", "dobj"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", inner_tag, "CC", second_tag, "NNP"]
    lemmas = ["oslo", "say", "the", "plan", "have", inner, "and", second_lemma, "riga"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags,
               lemmas=lemmas)  # fmt: skip


def test_an_accusation_hung_inside_what_was_said_is_the_speakers():
    doc = _said("failed", "VBN", "accused", "accuse")
    assert said_in_the_same_breath(doc[7]) == doc[1]


def test_a_simple_past_beside_a_simple_past_shares_its_subject():
    doc = _said("failed", "VBD", "accused", "accuse")
    assert said_in_the_same_breath(doc[7]) is None


def test_only_a_speech_act_is_the_speakers():
    doc = _said("failed", "VBN", "attacked", "attack")
    assert said_in_the_same_breath(doc[7]) is None


def test_a_bare_verb_shares_the_modal_of_what_was_said():
    """ "said Seoul may have to consider X or ask Y": "ask" is no act of the speaker's (the
    factuality step asks this of every conjunct)."""
    doc = _said("consider", "VB", "ask", "ask", second_tag="VB")
    assert said_in_the_same_breath(doc[7]) is None
