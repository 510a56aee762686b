"""Reading fixes of the fifty-sixth change (issue 13): a denial told as a clause or a gerund
("denied that Rwandan troops were involved", "denies hiring Wagner fighters") is a rejection;
it answers the accusation told before, and the parties of what it denies are not its own;
denying a refusal ("denied that it had rejected the offer") refuses nothing.
Hand-built docs for the pure function, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.senses import denied_clause
from event_helpers import codes, events, of_type


def _denial(words, heads, deps, tags) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_denial_told_as_a_clause_or_a_gerund_denies_that_clause():
    said = _denial(["Kigali", "denied", "that", "troops", "were", "involved"],
                   [1, 1, 5, 5, 5, 1], ["nsubj", "ROOT", "mark", "nsubjpass", "auxpass", "ccomp"],
                   ["NNP", "VBD", "IN", "NNS", "VBD", "VBN"])  # fmt: skip
    assert denied_clause(said[1]) == said[5]
    hiring = _denial(["The", "junta", "denies", "hiring", "fighters"], [1, 2, 2, 2, 3],
                     ["det", "nsubj", "ROOT", "xcomp", "dobj"],
                     ["DT", "NN", "VBZ", "VBG", "NNS"])  # fmt: skip
    assert denied_clause(hiring[2]) == hiring[3]
    charges = _denial(["Moscow", "denied", "the", "charges"], [1, 1, 3, 1],
                      ["nsubj", "ROOT", "det", "dobj"], ["NNP", "VBD", "DT", "NNS"])  # fmt: skip
    assert denied_clause(charges[1]) is None


@pytest.mark.model
def test_a_clause_denied_answers_the_accusation_told_before(extractor):
    text = (
        "Congo accused Rwanda of backing the M23 rebels. A Rwandan government spokeswoman "
        "denied that Rwandan troops were involved."
    )
    (denial,) = of_type(events(extractor, text), "REJECT")
    # "Congo" in a story of M23 is the Democratic Republic (the 83rd change)
    assert (codes(denial.actor), codes(denial.recipient)) == ({"RWA"}, {"COD"})


@pytest.mark.model
def test_denying_a_refusal_refuses_nothing(extractor):
    text = "Iran denied that it had rejected the U.S. offer of direct talks."
    (rejection,) = of_type(events(extractor, text), "REJECT")
    assert rejection.trigger.text == "rejected"
    assert rejection.factuality == "negated"
