"""Reading fixes of the sixty-third change (issue 13): three modals that do not reach the
event (``events.factuality``).

- a clause "as" or "while" something is going on, with its own subject, happens whatever its
  host's modal ("we can still hear gunfire as militants are still fighting");
- a participle describing the subject of a clause is not the content of that noun, nor under
  the clause's modal ("a plan calling for a probe would undermine the talks");
- a definite event noun that a clause says something about is given ("his client's arrest
  could be unconstitutional"), unless the clause says it takes place ("an attack could
  come") or is itself asked for ("demanding that their release be placed first").

On hand-built docs, and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from allegiance.events.factuality import factuality
from allegiance.events.lexicon import default_lexicon
from event_helpers import by_trigger, events, hand_parsed

LEX = default_lexicon()


def _fact(doc: Doc, word: str) -> str:
    token = next(t for t in doc if t.text == word)
    return factuality(token, doc[:], LEX)


def _gunfire(aux: str, tag: str) -> Doc:
    """ "We can hear gunfire as militants <aux> fighting ." """
    return hand_parsed([
        ("We", 2, "nsubj", "PRP", "PRON"), ("can", 2, "aux", "MD", "AUX"),
        ("hear", 2, "ROOT", "VB", "VERB"), ("gunfire", 2, "dobj", "NN", "NOUN"),
        ("as", 7, "mark", "IN", "SCONJ"), ("militants", 7, "nsubj", "NNS", "NOUN"),
        (aux, 7, "aux", "VBP", "AUX"), ("fighting", 2, "advcl", tag, "VERB"),
        (".", 2, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_what_goes_on_as_something_may_be_heard_happens():
    assert _fact(_gunfire("are", "VBG"), "fighting") == "asserted"


def test_what_will_go_on_is_still_under_the_modal():
    assert _fact(_gunfire("will", "VB"), "fighting") == "hypothetical"


def _plan(plan_dep: str) -> Doc:
    """ "A plan calling for a probe would undermine talks ." ("plan" as ``plan_dep``)"""
    return hand_parsed([
        ("A", 1, "det", "DT", "DET"), ("plan", 7, plan_dep, "NN", "NOUN"),
        ("calling", 1, "acl", "VBG", "VERB"), ("for", 2, "prep", "IN", "ADP"),
        ("a", 5, "det", "DT", "DET"), ("probe", 3, "pobj", "NN", "NOUN"),
        ("would", 7, "aux", "MD", "AUX"), ("undermine", 7, "ROOT", "VB", "VERB"),
        ("talks", 7, "dobj", "NNS", "NOUN"), (".", 7, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_a_participle_describing_a_clause_s_subject_is_told_as_it_is():
    """A plan's content is future ("plans to visit"); a participle describing the plan that
    the clause is about is not its content."""
    assert _fact(_plan("nsubj"), "calling") == "asserted"


def test_a_participle_describing_an_object_stays_the_noun_s_content():
    assert _fact(_plan("dobj"), "calling") == "future"


def _noun_subject(det: str, det_dep: str, verb: str, tail: str) -> Doc:
    """ "<det> arrest could <verb> <tail> ." """
    return hand_parsed([
        (det, 1, det_dep, "PRP$" if det_dep == "poss" else "DT", "DET"),
        ("arrest", 3, "nsubj", "NN", "NOUN"), ("could", 3, "aux", "MD", "AUX"),
        (verb, 3, "ROOT", "VB", "AUX" if verb == "be" else "VERB"),
        (tail, 3, "acomp" if verb == "be" else "advmod", "JJ", "ADJ"),
        (".", 3, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_a_definite_event_noun_something_is_said_of_is_given():
    assert _fact(_noun_subject("his", "poss", "be", "unconstitutional"), "arrest") == "asserted"
    assert _fact(_noun_subject("the", "det", "be", "illegal"), "arrest") == "asserted"


def test_an_event_noun_said_to_take_place_or_indefinite_is_not():
    assert _fact(_noun_subject("the", "det", "come", "soon"), "arrest") == "hypothetical"
    assert _fact(_noun_subject("an", "det", "be", "illegal"), "arrest") == "hypothetical"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("“We can still hear gunfire from the hotel as al-Shabab militants are still fighting "
         "with the Somali security forces,” a resident said.", "fighting", "asserted"),
        ("Relatives of hostages held by the ELN marched in Bogota on Monday, demanding that "
         "their release be placed at the top of the agenda.", "release", "hypothetical"),
    ],
)  # fmt: skip
def test_modals_that_do_not_reach_the_event(extractor, text, trigger, expected):
    found = by_trigger(events(extractor, text), trigger)
    assert found and all(e.factuality == expected for e in found)
