"""Reading fixes of the sixty-second change (issue 13): a past act with no date of its own, in
a sentence whose every date of its clause or the clauses above it is more than a month old,
is background told with them, so historical (``events.attach.told_long_ago``).

On hand-built docs, and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc, Span

from allegiance.events.attach import told_long_ago
from event_helpers import by_trigger, events

PUBLISHED = dt.date(2025, 3, 1)


def _doc(words, heads, deps, tags, pos, date: tuple[int, int] | None) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    if date is not None:
        doc.ents = [Span(doc, *date, label="DATE")]
    return doc


def _fired(month: str, *, tag: str = "VBD", aux: str | None = None) -> Doc:
    """ "In <month> , troops fired on posts in incidents that [aux] condemned ." """
    extra = [aux] if aux else []
    words = ["In", month, ",", "troops", "fired", "on", "posts", "in", "incidents", "that",
             *extra, "condemned", "."]  # fmt: skip
    condemned = 10 + len(extra)
    heads = [4, 0, 4, 4, 4, 4, 5, 4, 7, condemned, *[condemned] * len(extra), 8, 4]
    deps = ["prep", "pobj", "punct", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj",
            "nsubjpass", *["auxpass"] * len(extra), "relcl", "punct"]  # fmt: skip
    tags = ["IN", "NNP", ",", "NNS", "VBD", "IN", "NNS", "IN", "NNS", "WDT",
            *["VBD"] * len(extra), tag, "."]  # fmt: skip
    pos = ["ADP", "PROPN", "PUNCT", "NOUN", "VERB", "ADP", "NOUN", "ADP", "NOUN", "PRON",
           *["AUX"] * len(extra), "VERB", "PUNCT"]  # fmt: skip
    return _doc(words, heads, deps, tags, pos, (1, 2))


def _trigger(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


def test_an_undated_act_under_an_old_date_is_told_long_ago():
    doc = _fired("October", aux="were")  # October 2024, five months before publication
    assert told_long_ago(_trigger(doc, "condemned"), doc[:], PUBLISHED)


def test_an_undated_act_under_a_recent_date_is_not():
    doc = _fired("February", aux="were")  # mid-February: two weeks before
    assert not told_long_ago(_trigger(doc, "condemned"), doc[:], PUBLISHED)


def test_a_sentence_with_no_date_says_nothing_of_when():
    doc = _fired("October", aux="were")
    doc.ents = []
    assert not told_long_ago(_trigger(doc, "condemned"), doc[:], PUBLISHED)


def test_a_present_perfect_runs_up_to_now():
    doc = _fired("October", tag="VBN", aux="have")
    assert not told_long_ago(_trigger(doc, "condemned"), doc[:], PUBLISHED)


def test_no_publication_date_no_background():
    doc = _fired("October", aux="were")
    assert not told_long_ago(_trigger(doc, "condemned"), doc[:], None)


def test_a_date_of_a_clause_beside_the_trigger_does_not_count():
    """ "Kenya , which voted in 2019 , condemned the raid ." : 2019 dates the vote only."""
    words = ["Kenya", ",", "which", "voted", "in", "2019", ",", "condemned", "the", "raid", "."]
    heads = [7, 0, 3, 0, 3, 4, 0, 7, 9, 7, 7]
    deps = ["nsubj", "punct", "nsubj", "relcl", "prep", "pobj", "punct", "ROOT", "det", "dobj",
            "punct"]  # fmt: skip
    tags = ["NNP", ",", "WDT", "VBD", "IN", "CD", ",", "VBD", "DT", "NN", "."]
    pos = ["PROPN", "PUNCT", "PRON", "VERB", "ADP", "NUM", "PUNCT", "VERB", "DET", "NOUN",
           "PUNCT"]  # fmt: skip
    doc = _doc(words, heads, deps, tags, pos, (5, 6))
    assert not told_long_ago(_trigger(doc, "condemned"), doc[:], PUBLISHED)
    assert told_long_ago(_trigger(doc, "voted"), doc[:], PUBLISHED)


def test_a_year_naming_a_noun_dates_no_clause():
    """ "Britain blamed Russia for the 2018 attack ." """
    words = ["Britain", "blamed", "Russia", "for", "the", "2018", "attack", "."]
    heads = [1, 1, 1, 1, 6, 6, 3, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "nummod", "pobj", "punct"]
    tags = ["NNP", "VBD", "NNP", "IN", "DT", "CD", "NN", "."]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "DET", "NUM", "NOUN", "PUNCT"]
    doc = _doc(words, heads, deps, tags, pos, (5, 6))
    assert not told_long_ago(_trigger(doc, "blamed"), doc[:], PUBLISHED)


@pytest.mark.model
def test_condemned_incidents_of_october_are_background(extractor):
    text = ("In October, Israeli forces fired on UNIFIL positions in southern Lebanon, in "
            "incidents that were condemned by France and Spain.")  # fmt: skip
    (condemned,) = by_trigger(events(extractor, text), "condemned")
    assert condemned.event_date is None and condemned.factuality == "historical"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the old date dates a clause beside the condemnation
        "Kenya, which voted against the plan in 2019, condemned the Somali government's raid.",
        # a present perfect runs up to now
        "In October, Israeli forces fired on UNIFIL positions in southern Lebanon, in "
        "incidents that France has condemned.",
    ],
)  # fmt: skip
def test_an_old_date_elsewhere_or_a_present_perfect_keeps_the_news(extractor, text):
    (condemned,) = by_trigger(events(extractor, text), "condemned")
    assert condemned.factuality == "asserted"
