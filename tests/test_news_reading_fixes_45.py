"""Reading fixes of the forty-fifth change (issue 13): a month named without a day is taken
at its middle when telling background from news ("in January" in a story of 18 February is
background); what meddling is "in" names the wronged party, not the blamed one; "his U.N.
mission" is the mission of the country whose delegate the sentence named; a measure that
"helps" gives no aid. Hand-built docs for the pure functions, then the whole pipeline on
sentences written by us."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.dates import older_than_a_month
from allegiance.events.nonevents import helped_by_a_measure
from event_helpers import codes, events, of_type


@pytest.mark.parametrize(
    ("event_date", "published", "old"),
    [
        ("2022-01", dt.date(2022, 2, 18), True),  # mid-January is 33 days before
        ("2022-01", dt.date(2022, 2, 10), False),  # 25 days before
        ("2025-02", dt.date(2025, 3, 12), False),  # "last month" early in the month
        ("2022-01-10", dt.date(2022, 2, 18), True),  # a day: that day
        ("2022-01-20", dt.date(2022, 2, 18), False),
        ("2021", dt.date(2021, 8, 9), False),  # "earlier this year": the year's end counts
        ("2020", dt.date(2021, 3, 1), True),
        (None, dt.date(2021, 3, 1), False),
    ],
)
def test_a_month_counts_from_its_middle(event_date, published, old):
    assert older_than_a_month(event_date, published) is old


def _doc(words, heads, deps, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


@pytest.mark.parametrize(
    ("subject", "measure"),
    [("law", True), ("update", True), ("Washington", False), ("allies", False)],
)
def test_a_measure_that_helps_is_no_helper(subject, measure):
    words = ["the", subject, "will", "help", "Beijing"]
    lemmas = ["the", subject.lower(), "will", "help", "Beijing"]
    doc = _doc(words, [1, 3, 3, 3, 3], ["det", "nsubj", "aux", "ROOT", "dobj"], lemmas)
    assert helped_by_a_measure(doc[3]) is measure


def _events(extractor, text, event_type):
    return of_type(events(extractor, text), event_type)


@pytest.mark.model
def test_meddling_in_a_country_does_not_make_it_the_accused(extractor):
    text = "Pakistani lawmakers decried the move as an interference in Pakistan's internal affairs."
    (accusation,) = _events(extractor, text, "ACCUSE")
    assert codes(accusation.actor) == {"PAK"}
    assert not accusation.recipient


@pytest.mark.model
def test_the_meddler_named_is_still_the_accused(extractor):
    text = "Moscow accused Washington of interference in Russia's elections."
    (accusation,) = _events(extractor, text, "ACCUSE")
    assert codes(accusation.recipient) == {"USA"}


@pytest.mark.model
def test_his_un_mission_is_his_country(extractor):
    text = (
        "Iran's U.N. ambassador attended the meeting, but his U.N. mission criticized "
        "the United States for calling it."
    )
    (criticism,) = _events(extractor, text, "ACCUSE")
    assert codes(criticism.actor) == {"IRN"}


@pytest.mark.model
def test_a_un_mission_of_no_named_country_stays_the_un(extractor):
    text = "The Secretary-General said his U.N. mission had criticized Haiti's government."
    (criticism,) = _events(extractor, text, "ACCUSE")
    assert codes(criticism.actor) == {"UN"}


@pytest.mark.model
def test_a_law_that_helps_a_state_is_no_aid(extractor):
    text = "Analysts say a Chinese update to its maritime law will help Beijing tighten control."
    assert not _events(extractor, text, "AID")


@pytest.mark.model
def test_a_state_that_helps_still_gives_aid(extractor):
    text = "The United States will help Ukraine rebuild its power grid, the envoy said."
    (aid,) = _events(extractor, text, "AID")
    assert (codes(aid.actor), codes(aid.recipient)) == ({"USA"}, {"UKR"})
