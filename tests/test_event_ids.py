"""An event's id names the same event of the same article whatever splits its text.

The id hashes the article, the trigger's character offset, the type and the coded sides; the
sentence's index is left out, since the fast path and a full parse can split the text into
sentences differently and a new cue word in the fast path moves where it splits.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from allegiance import Extractor, Settings
from allegiance.evaluate_docs import read_articles
from allegiance.events.extract import event_id

STORY = "6202623"  # a dev story of ../shared/news/voa whose sentences the two paths split apart


def _content(event) -> tuple:
    codes = lambda side: tuple(sorted(m.code or m.text for m in side))  # noqa: E731
    return (event.trigger.start, event.event, codes(event.actor), codes(event.recipient))


def test_the_id_tells_apart_events_that_differ_in_any_part_it_hashes():
    base = ("a1", 120, "AID", "DEU", "UKR")
    variants = [("a2", 120, "AID", "DEU", "UKR"), ("a1", 121, "AID", "DEU", "UKR"),
                ("a1", 120, "SUPPORT", "DEU", "UKR"), ("a1", 120, "AID", "FRA", "UKR"),
                ("a1", 120, "AID", "DEU", "POL")]  # fmt: skip
    assert event_id(*base) == event_id(*base)
    assert len({event_id(*v) for v in (base, *variants)}) == 6


@pytest.mark.model
def test_the_fast_path_and_a_full_parse_give_one_event_one_id(shared_dir: Path):
    stories = read_articles(shared_dir / "news" / "voa" / "voa_stories.jsonl")
    article = next(a for a in stories if a.id == STORY)
    fast = Extractor(dataclasses.replace(Settings(), min_confidence=0.0))
    full = Extractor(dataclasses.replace(Settings(), min_confidence=0.0, full_parse=True))
    fast_events = [e for x in fast.extract([article]) for e in x.events]
    full_events = [e for x in full.extract([article]) for e in x.events]
    by_content = {_content(e): e for e in fast_events}
    pairs = [(by_content[_content(e)], e) for e in full_events if _content(e) in by_content]
    assert any(a.sentence.index != b.sentence.index for a, b in pairs)  # split apart
    assert all(a.id == b.id for a, b in pairs)
