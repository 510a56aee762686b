"""Reading fixes of the hundred-and-seventh change (issue 13), read from twelve new stories we
wrote this session about cooperation (``w35`` to ``w37``: agreements, aid and meetings, the
types that read worst on the held-out sets); the held-out sets themselves were not read:

- a trip to several capitals visits each of them: every place the trip went to is a host, none
  is a fellow visitor ("travelled to Riyadh, Beijing and Abu Dhabi");
- a city before a gathering says where it is held ("welcomed the Ankara talks"), not who takes
  part ("the Iran talks" still names a party);
- whom a force fights for is its side, not its target, and the ally's own land is no target
  ("fought for Russia in the Kursk region");
- a place modifying an apposition that describes someone ("the most senior Gulf official") is
  not where the act happened.

Pure functions on hand-built parses, then the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.attach import _describes_someone
from allegiance.events.noun_phrases import MentionIndex, _venue_named
from allegiance.events.participants import _fought_for
from event_helpers import by_trigger, codes, events, hand_parsed, mention_at, of_type

# "Envoys welcomed the Ankara talks ."
WELCOMED = [
    ("Envoys", 1, "nsubj", "NNS", "NOUN"),
    ("welcomed", 1, "ROOT", "VBD", "VERB"),
    ("the", 4, "det", "DT", "DET"),
    ("Ankara", 4, "compound", "NNP", "PROPN"),
    ("talks", 1, "dobj", "NNS", "NOUN"),
    (".", 1, "punct", ".", "PUNCT"),
]


def _index(doc, i: int, code: str, kind: str) -> MentionIndex:
    return MentionIndex([mention_at(doc, i, code, kind)])


def test_a_city_before_a_gathering_is_its_venue():
    doc = hand_parsed(WELCOMED, lemmas={"talks": "talk"})
    assert _venue_named(doc[3], doc[4], _index(doc, 3, "TUR", "capital"))
    assert not _venue_named(doc[3], doc[4], _index(doc, 3, "IRN", "country"))
    rows = list(WELCOMED)
    rows[4] = ("plan", 1, "dobj", "NN", "NOUN")
    doc = hand_parsed(rows)
    assert not _venue_named(doc[3], doc[4], _index(doc, 3, "TUR", "capital"))


def test_whom_a_force_fights_for_is_its_side():
    rows = [
        ("Troops", 1, "nsubj", "NNS", "NOUN"),
        ("fought", 1, "ROOT", "VBD", "VERB"),
        ("for", 1, "prep", "IN", "ADP"),
        ("Russia", 2, "pobj", "NNP", "PROPN"),
        (".", 1, "punct", ".", "PUNCT"),
    ]
    doc = hand_parsed(rows, lemmas={"fought": "fight"})
    assert _fought_for(doc[1]) == doc[3]
    rows[1] = ("voted", 1, "ROOT", "VBD", "VERB")
    assert _fought_for(hand_parsed(rows, lemmas={"voted": "vote"})[1]) is None


def test_a_place_describing_someone_is_not_where():
    rows = [
        ("met", 0, "ROOT", "VBD", "VERB"),
        ("in", 0, "prep", "IN", "ADP"),
        ("Damascus", 1, "pobj", "NNP", "PROPN"),
        (",", 2, "punct", ",", "PUNCT"),
        ("the", 6, "det", "DT", "DET"),
        ("Gulf", 6, "compound", "NNP", "PROPN"),
        ("official", 2, "appos", "NN", "NOUN"),
    ]
    doc = hand_parsed(rows)
    assert _describes_someone(doc[5], doc[6])
    assert not _describes_someone(doc[2], doc[1])


@pytest.mark.model
def test_a_trip_to_several_capitals_visits_each(extractor):
    text = (
        "Pakistani Prime Minister Imran Khan travelled to Riyadh, Beijing and Abu Dhabi last "
        "week in search of cash."
    )
    (visit,) = by_trigger(events(extractor, text), "travelled")
    assert (visit.event, visit.mode) == ("CONSULT", "visit")
    assert codes(visit.actor) == {"PAK"} and codes(visit.recipient) == {"SAU", "CHN", "ARE"}


@pytest.mark.model
def test_talks_welcomed_by_their_venue_name_no_host(every_candidate):
    text = "James Swan, the UN's acting envoy for Somalia, welcomed the Ankara talks on Wednesday."
    found = by_trigger(events(every_candidate, text), "welcomed")
    assert found and all("TUR" not in codes(e.recipient) for e in found)


@pytest.mark.model
def test_whom_troops_fight_for_is_no_target(every_candidate):
    text = (
        "Thousands of Sudanese soldiers have fought in Yemen for the Saudi-led coalition. "
        "North Korean troops fought for Russia in the Kursk region."
    )
    for fought in of_type(events(every_candidate, text), "ASSAULT"):
        assert not codes(fought.recipient) & {"SAU", "RUS"}


@pytest.mark.model
def test_a_meeting_in_a_capital_described_later_is_a_visit(extractor):
    text = (
        "On Sunday the UAE's foreign minister, Sheikh Abdullah bin Zayed Al Nahyan, met Assad "
        "in Damascus, the most senior Gulf official to visit since the earthquake."
    )
    (visit,) = by_trigger(events(extractor, text), "met")
    assert visit.mode == "visit" and visit.location is not None
    assert visit.location.name == "Damascus"
    assert codes(visit.actor) == {"ARE"} and codes(visit.recipient) == {"SYR"}
