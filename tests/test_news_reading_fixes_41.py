"""Reading fixes of the forty-first change (issue 13): fighting named with its sides is fought
by both ("fighting between Armenian and Azerbaijani troops"); calling what a party did a word
of blame is a disapproval of it ("described the exercises as a provocation"); and an act
someone is told to stop ("must stop killing civilians") is part of the demand, not a happening
of its own. Hand-built docs for the pure functions, then the whole pipeline on sentences
written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.generic import demanded_to_stop
from allegiance.events.labelled import label_of
from allegiance.events.lexicon import default_lexicon
from allegiance.models import Article
from event_helpers import by_trigger, codes

PUBLISHED = dt.date(2025, 3, 20)


def _doc(words, heads, deps, tags, lemmas):
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "told_to_stop"),
    [
        (  # "they must stop killing civilians"
            ["they", "must", "stop", "killing", "civilians"],
            [2, 2, 2, 2, 3],
            ["nsubj", "aux", "ROOT", "xcomp", "dobj"],
            ["PRP", "MD", "VB", "VBG", "NNS"],
            True,
        ),
        (  # "urged Russia to stop attacking cities"
            ["urged", "Russia", "to", "stop", "attacking", "cities"],
            [0, 0, 3, 0, 3, 4],
            ["ROOT", "dobj", "aux", "xcomp", "xcomp", "dobj"],
            ["VBD", "NNP", "TO", "VB", "VBG", "NNS"],
            True,
        ),
        (  # "Russia stopped attacking cities": it did, an act of its own
            ["Russia", "stopped", "attacking", "cities"],
            [1, 1, 1, 2],
            ["nsubj", "ROOT", "xcomp", "dobj"],
            ["NNP", "VBD", "VBG", "NNS"],
            False,
        ),
    ],
)
def test_an_act_told_to_stop(words, heads, deps, tags, told_to_stop):
    lemmas = [{"urged": "urge", "stopped": "stop"}.get(w, w) for w in words]
    doc = _doc(words, heads, deps, tags, lemmas)
    gerund = next(t for t in doc if t.tag_ == "VBG")
    assert demanded_to_stop(gerund, default_lexicon()) is told_to_stop


@pytest.mark.parametrize(
    ("words", "heads", "deps"),
    [
        (  # "Kyiv called the vote a sham": the parser's object predicate
            ["Kyiv", "called", "the", "vote", "a", "sham"],
            [1, 1, 3, 1, 5, 1],
            ["nsubj", "ROOT", "det", "dobj", "det", "oprd"],
        ),
        (  # "Kyiv described the plan as a sham"
            ["Kyiv", "described", "the", "plan", "as", "sham"],
            [1, 1, 3, 1, 1, 4],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
        ),
    ],
)
def test_the_name_given_is_the_object_predicate_or_the_as_phrase(words, heads, deps):
    doc = _doc(words, heads, deps, ["NN"] * len(words), words)
    assert label_of(doc[1]).text == "sham"


def _events(extractor, text):
    return extractor.extract_one(Article(id="t", text=text, published=PUBLISHED)).events


@pytest.mark.model
def test_fighting_between_two_sides_is_fought_by_both(extractor):
    text = "Fighting between Armenian and Azerbaijani troops continued for a second day on Monday."
    (fight,) = [e for e in _events(extractor, text) if e.event == "ASSAULT"]
    assert codes(fight.actor) == {"ARM", "AZE"} and not fight.recipient


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        (
            "Venezuela's foreign ministry described the planned exercises by Guyana and the "
            'United States as "a provocation".',
            {"GUY", "USA"},
        ),
        ('Ukrainian President Zelensky called the decision by NATO "absurd."', {"NATO"}),
        # "it" names an act, whatever party the pronoun was resolved to
        ("Germany sent more troops to Lithuania. Moscow called it a provocation.", set()),
    ],
)
def test_a_word_of_blame_is_a_disapproval_of_its_party(extractor, text, recipients):
    accused = [e for e in _events(extractor, text) if e.event == "ACCUSE"]
    assert len(accused) == 1 and accused[0].mode == "disapprove"
    assert codes(accused[0].recipient) - {None} == recipients


@pytest.mark.model
def test_a_word_of_praise_is_no_disapproval(extractor):
    text = "President Biden called Japan a key partner."
    assert not [e for e in _events(extractor, text) if e.event == "ACCUSE"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The United Nations urged Russia to stop attacking Ukrainian cities.", False),
        ("They must stop attacking Afghan civilians, the minister said.", False),
        ("Russia stopped attacking Ukrainian cities on Monday.", True),
    ],
)
def test_an_act_told_to_stop_is_no_happening(extractor, text, kept):
    assert bool(by_trigger(_events(extractor, text), "attacking")) is kept
