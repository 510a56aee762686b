"""The verifier's article-level features (``Recurrence``) on hand-made events, and the written
training stories as the trainer reads them."""

from __future__ import annotations

import json
from pathlib import Path

from allegiance.judge.verifier import Recurrence
from allegiance.models import Event, Mention, Sentence, Span
from allegiance.training import written_examples

DATA = Path(__file__).parent / "data"


def _event(kind: str, actor: str | None, recipient: str | None, sentence: int = 0) -> Event:
    def side(code: str | None) -> tuple[Mention, ...]:
        return (Mention(text=code, start=0, end=3, code=code),) if code else ()

    return Event(
        id=f"{kind}{actor}{recipient}{sentence}",
        doc_id="d",
        event=kind,
        trigger=Span("x", 0, 1),
        sentence=Sentence(sentence, 0, 1, "x"),
        actor=side(actor),
        recipient=side(recipient),
    )


def test_a_happening_told_three_times_recurs_and_an_aside_does_not():
    told = [_event("ASSAULT", "RUS", "UKR", i) for i in range(3)]
    aside = _event("CONSULT", "FRA", "DEU", 4)
    found = Recurrence.of([*told, aside, _event("ACCUSE", "UKR", "RUS", 5)])
    assert found.features(told[0]) == {
        "dyad_recurs=2": 1.0,  # four events name RUS and UKR
        "type_dyad_recurs=2": 1.0,  # three of them as ASSAULT
        "actor_recurs=2": 1.0,  # RUS in four events
    }
    assert found.features(aside) == {
        "dyad_recurs=0": 1.0,
        "type_dyad_recurs=0": 1.0,
        "actor_recurs=0": 1.0,
    }


def test_an_event_with_no_code_on_either_side_has_no_recurrence():
    event = _event("PROTEST", None, None)
    assert Recurrence.of([event]).features(event) == {"recurs=none": 1.0}


def test_written_stories_are_read_with_their_gold_and_weight():
    examples = written_examples(DATA / "written", weight=0.5)
    assert len(examples) == 204
    assert {e.source for e in examples} == {"written"}
    assert all(e.weight == 0.5 for e in examples)
    unpolitical = [e for e in examples if not e.political]
    assert len(unpolitical) == 20 and all(not e.gold for e in unpolitical)
    assert all(e.gold for e in examples if e.political)


def test_the_fresh_stories_are_kept_out_of_training():
    trained = {e.article.id for e in written_examples(DATA / "written")}
    fresh = {json.loads(line)["id"] for line in (DATA / "fresh" / "articles.jsonl").open()}
    assert len(fresh) == 32 and not trained & fresh
