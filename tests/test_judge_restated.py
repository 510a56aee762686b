"""A happening named again by its noun gives way to its best-supported telling
(``allegiance.judge.restated``), on a hand-parsed doc: fast, no model."""

from __future__ import annotations

import dataclasses

from allegiance.judge.restated import without_restatements
from allegiance.models import Event, Mention, Sentence, Span
from event_helpers import hand_parsed

# "BLA demanded release . Officials ignored BLA 's demands ."
ROWS = [
    ("BLA", 1, "nsubj", "NNP", "PROPN"),
    ("demanded", 1, "ROOT", "VBD", "VERB"),
    ("release", 1, "dobj", "NN", "NOUN"),
    (".", 1, "punct", ".", "PUNCT"),
    ("Officials", 5, "nsubj", "NNS", "NOUN"),
    ("ignored", 5, "ROOT", "VBD", "VERB"),
    ("BLA", 8, "poss", "NNP", "PROPN"),
    ("'s", 6, "case", "POS", "PART"),
    ("demands", 5, "dobj", "NNS", "NOUN"),
    (".", 5, "punct", ".", "PUNCT"),
]


def _request(doc, i: int, confidence: float, *, recipient: str = "PAK") -> Event:
    tok = doc[i]
    sent = tok.sent
    return Event(
        id=f"e{i}",
        doc_id="t",
        event="REQUEST",
        trigger=Span(tok.text, tok.idx, tok.idx + len(tok)),
        sentence=Sentence(0, sent.start_char, sent.end_char, sent.text),
        actor=(Mention("BLA", 0, 3, code="PAK"),),
        recipient=(Mention("authorities", 0, 0, code=recipient),),
        confidence=confidence,
    )


def _doc():
    return hand_parsed(ROWS)  # two roots: two sentences


def test_a_noun_naming_a_happening_again_gives_way_to_its_telling():
    doc = _doc()
    told, again = _request(doc, 1, 0.7), _request(doc, 8, 0.6)
    assert without_restatements([told, again], doc) == [told]


def test_the_best_supported_telling_stays_whatever_its_form():
    doc = _doc()
    told, again = _request(doc, 1, 0.5), _request(doc, 8, 0.8)
    assert without_restatements([told, again], doc) == [told, again]


def test_a_noun_of_other_parties_or_factuality_is_its_own_happening():
    doc = _doc()
    told = _request(doc, 1, 0.9)
    for other in (
        _request(doc, 8, 0.6, recipient="IND"),
        dataclasses.replace(_request(doc, 8, 0.6), factuality="historical"),
    ):
        assert without_restatements([told, other], doc) == [told, other]
