"""Reading fixes of the thirty-seventh change (issue 13): when background happened, again.
A clause told as coming after its host ("three months after Russia invaded") happened before
the host's date, so that date can make it background but never news; a clause told as coming
before it ("two weeks before the mission ended") does not take the host's date; a date entity
the tagger ran over a comma ("April, days after ...") is read by its first part; a date
inside a relative clause does not make the verb above it background; and a verb sharing its
subject with the one before it shares that clause's "then-president". Hand-built docs for the
pure functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.attach import _date_scope, earlier_clause
from allegiance.models import Article
from event_helpers import by_trigger

JUNE = dt.date(2025, 6, 20)


def _doc(words, heads, deps):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


# "Finland applied in May , months after Russia invaded Ukraine ."
APPLIED = (
    ["Finland", "applied", "in", "May", ",", "months", "after", "Russia", "invaded", "Ukraine",
     "."],
    [1, 1, 1, 2, 1, 8, 8, 8, 1, 8, 1],
    ["nsubj", "ROOT", "prep", "pobj", "punct", "npadvmod", "mark", "nsubj", "advcl", "dobj",
     "punct"],
)  # fmt: skip


def test_a_clause_told_as_earlier_is_found():
    doc = _doc(*APPLIED)
    assert earlier_clause(doc[8]) == doc[8]
    assert earlier_clause(doc[1]) is None


def test_a_clause_told_as_later_keeps_to_itself_for_its_date():
    words, heads, deps = list(APPLIED[0]), APPLIED[1], list(APPLIED[2])
    words[6] = "before"
    doc = _doc(words, heads, deps)
    assert _date_scope(doc[8]) == (5, 10)  # not the host clause, where "May" is
    assert _date_scope(doc[1]) == (0, 11)


def _events(extractor, text):
    return extractor.extract_one(Article(id="t", text=text, published=JUNE)).events


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "factuality"),
    [
        ("Finland applied to join NATO in May, less than three months after Russia invaded "
         "Ukraine.", "invaded", "historical"),
        ("Saudi Arabia and the United Arab Emirates pledged $3 billion to Sudan in April, days "
         "after the army ousted Omar al-Bashir.", "pledged", "historical"),
        ("Relations soured in 2010 after Israeli commandos stormed a Turkish ship.", "stormed",
         "historical"),
        ("Then-President Donald Trump quit the nuclear deal and imposed new sanctions on Iran.",
         "imposed", "historical"),
        ("The IMF, which approved a loan for Kenya in 2021, has urged Nairobi to cut its "
         "deficit.", "urged", "asserted"),
        ("The Kenyan army arrested the rebels in June, two weeks before the UN mission ended.",
         "arrested", "asserted"),
    ],
)  # fmt: skip
def test_when_background_happened(extractor, text, trigger, factuality):
    (event,) = by_trigger(_events(extractor, text), trigger)
    assert event.factuality == factuality
