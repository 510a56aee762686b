"""Reading fixes of the hundred-and-fifth change (issue 13), read from eight new stories we
wrote this session (``w25``, ``w26``; their twin batch ``w23``, ``w24`` is kept unread, for
figures only):

- a guest welcomed to a place is a visit the host receives, the visitor acting (PLOVER CONSULT
  'visit'), not praise of the guest;
- a titled person of no known country takes no country from the party the person accuses,
  urges or warns, nor from where the person is visiting ("During a visit to Seoul, ...");
- civilians and refugees flying somewhere, named by a pronoun, make no visit of their state;
- a noun that names what an office deals with ("special envoy for the dialogue between
  Belgrade and Pristina") is no happening;
- force to be used on whoever may come ("obliged to arrest anyone ...") is a rule;
- "it", said of in the same breath as a thing answered ("criticised the decision, saying it
  undermined ..."), is that thing and no party;
- what an accepted invitation asks for is still to come;
- traffickers and smugglers handed to another state's justice are legal cooperation; money
  released to a party is aid;
- a vetoed resolution answers its drafter ("a US-drafted resolution").

Pure functions on hand-built parses, then the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.actors.coref import _the_thing_answered
from allegiance.actors.drafts import Draft
from allegiance.actors.travel import parties_addressed, places_travelled_to
from allegiance.events.generic import done_to_anyone
from allegiance.events.nonevents import an_office_named
from allegiance.events.object_parties import _drafter
from event_helpers import by_trigger, codes, events, hand_parsed, of_type

# "Minister Ruiz accused Washington of meddling ."
ACCUSED = [
    ("Minister", 1, "compound", "NNP", "PROPN"),
    ("Ruiz", 2, "nsubj", "NNP", "PROPN"),
    ("accused", 2, "ROOT", "VBD", "VERB"),
    ("Washington", 2, "dobj", "NNP", "PROPN"),
    ("of", 2, "prep", "IN", "ADP"),
    ("meddling", 4, "pcomp", "VBG", "VERB"),
    (".", 2, "punct", ".", "PUNCT"),
]

# "During a visit to Seoul , Secretary Lee urged Tokyo ."
VISITING = [
    ("During", 7, "prep", "IN", "ADP"),
    ("a", 2, "det", "DT", "DET"),
    ("visit", 0, "pobj", "NN", "NOUN"),
    ("to", 2, "prep", "IN", "ADP"),
    ("Seoul", 3, "pobj", "NNP", "PROPN"),
    (",", 7, "punct", ",", "PUNCT"),
    ("Secretary", 7, "nsubj", "NNP", "PROPN"),
    ("urged", 7, "ROOT", "VBD", "VERB"),
    ("Tokyo", 7, "dobj", "NNP", "PROPN"),
    (".", 7, "punct", ".", "PUNCT"),
]


def _titled(start: int, end: int) -> Draft:
    return Draft(start, end, kind="person", role="minister", person="X")


def test_whom_a_titled_person_accuses_is_no_country_of_theirs():
    doc = hand_parsed(ACCUSED, lemmas={"accused": "accuse"})
    assert parties_addressed(doc, [_titled(0, 2)]) == {0: frozenset({3})}
    said = [*ACCUSED[:2], ("met", 2, "ROOT", "VBD", "VERB"), *ACCUSED[3:4], ACCUSED[6]]
    doc = hand_parsed([(w, min(h, 2), d, t, p) for w, h, d, t, p in said], lemmas={"met": "meet"})
    assert parties_addressed(doc, [_titled(0, 2)]) == {}  # meeting one's own judges may be


def test_the_place_of_a_visit_told_beside_the_act_is_where_one_went():
    doc = hand_parsed(VISITING, lemmas={"urged": "urge"})
    person = Draft(6, 7, kind="person", role="secretary", person="Lee")
    assert places_travelled_to(doc, [person]) == {6: frozenset({4})}
    assert parties_addressed(doc, [person]) == {6: frozenset({8})}


def test_a_noun_naming_an_office_is_no_happening():
    # "the envoy for the dialogue" / "the talks on the dialogue"
    rows = [
        ("the", 1, "det", "DT", "DET"),
        ("envoy", 1, "ROOT", "NN", "NOUN"),
        ("for", 1, "prep", "IN", "ADP"),
        ("the", 4, "det", "DT", "DET"),
        ("dialogue", 2, "pobj", "NN", "NOUN"),
    ]
    assert an_office_named(hand_parsed(rows)[4])
    rows[1] = ("talks", 1, "ROOT", "NNS", "NOUN")
    assert not an_office_named(hand_parsed(rows, lemmas={"talks": "talk"})[4])


def test_force_on_whoever_may_come_is_a_rule():
    # "Hungary must arrest anyone ."
    rows = [
        ("Hungary", 2, "nsubj", "NNP", "PROPN"),
        ("must", 2, "aux", "MD", "AUX"),
        ("arrest", 2, "ROOT", "VB", "VERB"),
        ("anyone", 2, "dobj", "NN", "PRON"),
        (".", 2, "punct", ".", "PUNCT"),
    ]
    assert done_to_anyone(hand_parsed(rows)[2], "COERCE")
    assert not done_to_anyone(hand_parsed(rows)[2], "RETREAT")  # "to free anyone detained"
    rows[2] = ("arrested", 2, "ROOT", "VBD", "VERB")
    assert not done_to_anyone(hand_parsed(rows, lemmas={"arrested": "arrest"})[2], "COERCE")


# "Germany criticised the decision , saying it hurt the EU ."
CRITICISED = [
    ("Germany", 1, "nsubj", "NNP", "PROPN"),
    ("criticised", 1, "ROOT", "VBD", "VERB"),
    ("the", 3, "det", "DT", "DET"),
    ("decision", 1, "dobj", "NN", "NOUN"),
    (",", 1, "punct", ",", "PUNCT"),
    ("saying", 1, "advcl", "VBG", "VERB"),
    ("it", 7, "nsubj", "PRP", "PRON"),
    ("hurt", 5, "ccomp", "VBD", "VERB"),
    ("the", 9, "det", "DT", "DET"),
    ("EU", 7, "dobj", "NNP", "PROPN"),
    (".", 1, "punct", ".", "PUNCT"),
]


def test_it_said_of_a_thing_answered_is_that_thing():
    doc = hand_parsed(CRITICISED, lemmas={"saying": "say", "criticised": "criticise"})
    germany = Draft(0, 1, code="DEU", kind="country")
    assert _the_thing_answered(doc[6], [germany])
    # "Germany criticised Hungary, saying it ...": a party answered may be "it"
    doc = hand_parsed(
        [*CRITICISED[:2], ("Hungary", 1, "dobj", "NNP", "PROPN"), *CRITICISED[3:]],
        lemmas={"saying": "say"},
    )
    hungary = Draft(2, 3, code="HUN", kind="country")
    assert not _the_thing_answered(doc[7], [germany, hungary])


def test_a_resolution_answers_its_drafter():
    # "vetoed a US - drafted resolution"
    rows = [
        ("vetoed", 0, "ROOT", "VBD", "VERB"),
        ("a", 5, "det", "DT", "DET"),
        ("US", 4, "npadvmod", "NNP", "PROPN"),
        ("-", 4, "punct", "HYPH", "PUNCT"),
        ("drafted", 5, "amod", "VBN", "VERB"),
        ("resolution", 0, "dobj", "NN", "NOUN"),
    ]
    doc = hand_parsed(rows)
    assert _drafter(doc[5]) == doc[2]
    rows[4] = ("adopted", 5, "amod", "VBN", "VERB")
    assert _drafter(hand_parsed(rows)[5]) is None


@pytest.mark.model
def test_a_guest_welcomed_to_a_capital_visits_the_host(extractor):
    text = (
        "Prime Minister Viktor Orban welcomed Israeli Prime Minister Benjamin Netanyahu to "
        "Budapest."
    )
    (visit,) = by_trigger(events(extractor, text), "welcomed")
    assert (visit.event, visit.mode) == ("CONSULT", "visit")
    assert codes(visit.actor) == {"ISR"} and codes(visit.recipient) == {"HUN"}


@pytest.mark.model
def test_a_thing_welcomed_stays_support(every_candidate):
    text = (
        "Secretary of State Mike Pompeo welcomed the Saudi decision to reopen its embassy in Doha."
    )
    found = by_trigger(events(every_candidate, text), "welcomed")
    assert found and all(e.event == "SUPPORT" for e in found)


@pytest.mark.model
def test_a_minister_takes_no_country_from_the_state_he_accuses(every_candidate):
    text = (
        "Foreign Minister Jorge Arreaza rejected the measures and accused Washington of trying "
        "to wreck the negotiations."
    )
    (accused,) = by_trigger(events(every_candidate, text), "accused")
    assert codes(accused.recipient) == {"USA"} and "USA" not in codes(accused.actor)


@pytest.mark.model
def test_civilians_flying_somewhere_make_no_visit(every_candidate):
    text = (
        "Most of the migrants are Iraqis, and many told aid workers they had flown to Minsk on "
        "tourist visas. The Iraqi foreign minister flew to Minsk on Tuesday."
    )
    found = of_type(events(every_candidate, text), "CONSULT")
    assert [e.trigger.text for e in found] == ["flew"]


@pytest.mark.model
def test_an_accepted_invitation_is_to_come(every_candidate):
    text = "The Kremlin said Putin accepted an invitation to visit Pyongyang."
    (visit,) = by_trigger(events(every_candidate, text), "visit")
    assert visit.factuality == "future"


@pytest.mark.model
def test_traffickers_handed_over_are_cooperation_and_money_released_is_aid(every_candidate):
    text = (
        "Mexico handed 29 jailed drug traffickers to the United States. The IMF released a "
        "$1.1 billion tranche to Pakistan. Iran released two French citizens."
    )
    found = events(every_candidate, text)
    assert {e.event for e in by_trigger(found, "handed")} == {"COOPERATE"}
    released = {(e.event, e.mode) for e in by_trigger(found, "released")}
    assert released == {("AID", "economic"), ("RETREAT", "release")}


@pytest.mark.model
def test_a_veto_answers_the_drafter(extractor):
    text = "Russia on Thursday vetoed a US-drafted Security Council resolution on North Korea."
    (veto,) = by_trigger(events(extractor, text), "vetoed")
    assert codes(veto.recipient) == {"USA"}


@pytest.mark.model
def test_a_visitor_holds_no_office_of_the_country_visited(every_candidate):
    text = (
        "During a visit to Seoul last week, Assistant Secretary of State David Stilwell urged "
        "the South Korean government to reconsider its decision, according to officials in "
        "Seoul."
    )
    (urged,) = by_trigger(events(every_candidate, text), "urged")
    assert codes(urged.recipient) == {"KOR"} and "KOR" not in codes(urged.actor)
