"""Reading fixes of the thirty-fifth change (issue 13): what came months or years before
"after" is background; a lone surname repeats the person named in full before it, accents
folded; a run-in subheading ends before a word that only opens sentences; "met with
criticism" is no meeting. Hand-built docs for the pure functions, then the whole pipeline on
sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.actors.coref import bare_surnames
from allegiance.actors.drafts import Draft
from allegiance.actors.kb import folded
from allegiance.events.factuality import _long_after
from allegiance.segment import break_offsets
from event_helpers import by_trigger, codes, events


def _doc(words, heads, deps, *, lemmas=None, pos=None):
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas or words, pos=pos)


def test_what_came_months_after_is_background():
    # "The raid came three months after Noboa declared war ."
    words = ["The", "raid", "came", "three", "months", "after", "Noboa", "declared", "war", "."]
    heads = [1, 2, 2, 4, 7, 7, 7, 2, 7, 2]
    deps = ["det", "nsubj", "ROOT", "nummod", "npadvmod", "mark", "nsubj", "advcl", "dobj",
            "punct"]  # fmt: skip
    lemmas = ["the", "raid", "come", "three", "month", "after", "Noboa", "declare", "war", "."]
    doc = _doc(words, heads, deps, lemmas=lemmas)
    assert _long_after(doc[7]) and not _long_after(doc[2])


def test_what_came_days_after_is_not_background():
    # "Saudi Arabia pledged aid , days after the army ousted Bashir ."
    words = ["Riyadh", "pledged", "aid", ",", "days", "after", "the", "army", "ousted", "Bashir",
             "."]  # fmt: skip
    heads = [1, 1, 1, 1, 8, 8, 7, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "npadvmod", "mark", "det", "nsubj", "advcl", "dobj",
            "punct"]  # fmt: skip
    lemmas = ["Riyadh", "pledge", "aid", ",", "day", "after", "the", "army", "oust", "Bashir", "."]
    doc = _doc(words, heads, deps, lemmas=lemmas)
    assert not _long_after(doc[8])


def test_a_lone_surname_after_the_full_name_is_a_candidate_for_that_person():
    words = ["President", "Jovenel", "Moïse", "spoke", ".", "Levin", "slammed", "Moise", "."]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"]
    doc = _doc(words, [2, 2, 3, 3, 3, 6, 6, 6, 6],
               ["compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj",
                "punct"], pos=pos)  # fmt: skip
    full = Draft(0, 3, kind="person", person="Jovenel Moïse", code="HTI")
    (found,) = bare_surnames(doc, [full])
    assert (found.start, found.form) == (7, "candidate")
    assert folded("Moïse") == folded("MOISE") == "moise"


def test_a_surname_before_the_full_name_or_inside_a_name_is_no_candidate():
    words = ["Moise", "met", "Jovenel", "Moise", "and", "Moise", "Pierre", "."]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"]
    doc = _doc(words, [1, 1, 3, 1, 3, 6, 3, 1],
               ["nsubj", "ROOT", "compound", "dobj", "cc", "compound", "conj", "punct"],
               pos=pos)  # fmt: skip
    assert bare_surnames(doc, [Draft(2, 4, kind="person", person="Jovenel Moise")]) == []


def test_a_run_in_subheading_ends_before_a_sentence_opening_adverb():
    text = "He was returned to his cell. Reaction from the president Shortly before noon, he spoke."
    assert text.index("Shortly") in break_offsets(text)


def test_a_name_with_without_in_it_is_not_cut():
    text = "The camp was shelled. Doctors Without Borders said on Monday it would leave."
    assert text.index("Without") not in break_offsets(text)


@pytest.mark.model
def test_a_lone_surname_is_coded_as_the_person_named_before(extractor):
    text = ("Haitian President Jovenel Moise spoke on Monday. "
            "U.S. Congressman Andy Levin slammed Moise for the jailbreak.")  # fmt: skip
    (event,) = by_trigger(events(extractor, text), "slammed")
    assert (codes(event.actor), codes(event.recipient)) == ({"USA"}, {"HTI"})


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The plan met with criticism from Russia on Monday.",
        "The proposal met with resistance from Ghana's lawmakers.",
    ],
)
def test_meeting_with_criticism_is_no_meeting(extractor, text):
    assert "CONSULT" not in {e.event for e in events(extractor, text)}


@pytest.mark.model
def test_meeting_with_a_leader_is_still_a_meeting(extractor):
    (event,) = by_trigger(events(extractor, "Modi met with Putin in Moscow on Monday."), "met")
    # in the host's capital, a visit (the 84th change; "met Putin in Moscow" was one already)
    assert event.event == "CONSULT" and event.mode == "visit"
    assert (codes(event.actor), codes(event.recipient)) == ({"IND"}, {"RUS"})


@pytest.mark.model
def test_what_came_years_after_is_historical(extractor):
    text = "Finland applied to join NATO less than three months after Russia invaded Ukraine."
    (event,) = by_trigger(events(extractor, text), "invaded")
    assert event.factuality == "historical"
