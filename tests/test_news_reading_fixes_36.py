"""Reading fixes of the thirty-sixth change (issue 13): when background happened. A clause is
dated by the date it describes ("in late July, when forces detained ... and accused ..."), a
relative clause by its noun's year; a date inside a relative clause dates only that clause; a
gerund or participle completing a verb's phrase takes that verb's date; what something has
lasted "since" is background; a sentence told "days later" goes on with the background before
it; "recalled the agreement" is no recall of an envoy. Hand-built docs for the pure
functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.attach import governing_verb, in_a_relative_clause
from allegiance.events.discourse import _told_as_later
from event_helpers import by_trigger, events


def _doc(words, heads, deps, tags=None):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_date_inside_a_relative_clause_does_not_date_the_verb_above_it():
    # "Beasley urged them to pay the pledges they made in March ."
    words = ["Beasley", "urged", "them", "to", "pay", "the", "pledges", "they", "made", "in",
             "March", "."]  # fmt: skip
    heads = [1, 1, 1, 4, 1, 6, 4, 8, 6, 8, 9, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "det", "dobj", "nsubj", "relcl", "prep",
            "pobj", "punct"]  # fmt: skip
    doc = _doc(words, heads, deps)
    assert in_a_relative_clause(doc[10], doc[1])
    assert not in_a_relative_clause(doc[10], doc[8])


def test_a_gerund_after_a_preposition_is_dated_by_its_verb():
    # "Prosecutors charged him in 2017 with calling for war ."
    words = ["Prosecutors", "charged", "him", "in", "2017", "with", "calling", "for", "war", "."]
    heads = [1, 1, 1, 1, 3, 1, 5, 6, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pcomp", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "PRP", "IN", "CD", "IN", "VBG", "IN", "NN", "."]
    doc = _doc(words, heads, deps, tags)
    doc[1].pos_ = "VERB"
    assert governing_verb(doc[6]) == doc[1]
    assert governing_verb(doc[1]) is None


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("Days later, officers detained two men.", True),
        ("Three months later the talks resumed.", True),
        ("Later, the army withdrew.", True),
        ("The army withdrew later that day.", False),
        ("Laterally, it spread.", False),
    ],
)
def test_a_sentence_told_as_later(text, later):
    assert _told_as_later(spacy.blank("en")(text)[:]) is later


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Relations soured further in late July, when Belarusian security forces detained 33 men "
         "and accused them of plotting to destabilise the country.", "accused"),
        ("The case recalls the 2018 attack, which Britain blamed on Russia.", "blamed"),
        # the ones charged call for it (the 84th change: "charged X with"), so X is named
        ("Prosecutors in Tajikistan charged Tajik opposition leaders in 2017 with calling for the "
         "overthrow of the government.", "calling"),
        ("Relations between Israel and the United Nations have deteriorated since the Hamas "
         "attack on Israel.", "attack"),
        ("In December 2018, Canada arrested Meng Wanzhou. Days later, Chinese officers detained "
         "two Canadians and accused them of spying.", "accused"),
    ],
)  # fmt: skip
def test_background_is_historical(extractor, text, trigger):
    (event,) = by_trigger(events(extractor, text), trigger)
    assert event.factuality == "historical"


@pytest.mark.model
def test_a_datein_a_relative_clause_does_not_make_the_news_background(extractor):
    text = ("Sviatlana Tsikhanouskaya, who challenged Lukashenko in the August 2020 election, "
            "urged EU leaders on Monday to go further.")  # fmt: skip
    (event,) = by_trigger(events(extractor, text), "urged")
    assert event.factuality == "asserted"


@pytest.mark.model
def test_recalling_an_agreement_is_no_sanction(extractor):
    evs = events(extractor, "Guterres recalled the 1972 Simla Agreement on Monday.")
    assert "SANCTION" not in {e.event for e in evs}
    (recall,) = by_trigger(events(extractor, "Nigeria recalled its ambassador to Niger."),
                           "recalled")  # fmt: skip
    assert recall.event == "SANCTION"
