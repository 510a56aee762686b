"""Reading fix of the thirty-ninth change (issue 13): a span of time ("between June and
September", "from 1996 to 2001") is dated by where it ends, so an act told over a span that
ended months before the story is background (the span cases themselves are in test_dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from allegiance.models import Article
from event_helpers import by_trigger

NOVEMBER = dt.date(2021, 11, 16)


@pytest.mark.model
def test_an_act_over_a_span_that_ended_months_ago_is_background(extractor):
    text = "Nicaraguan police arrested seven opposition leaders between June and September."
    evs = extractor.extract_one(Article(id="t", text=text, published=NOVEMBER)).events
    (arrest,) = by_trigger(evs, "arrested")
    assert arrest.factuality == "historical"
