"""Reading fixes of the sixty-first change (issue 13): who a story's own people, officeholders
and counted parties are, and whom a demand is made of.

- a titled officeholder of no known country in a story about one country holds its office
  ("Foreign Minister Ali Sabry" in a story on Sri Lanka: ``actors.resolve.home_officeholder``);
- "the two governments" with no list named near is the two states the story is about
  (``events.counted.story_states``);
- a demand for someone's release is made of whoever holds them (``events.holders``);
- a country's protesters, activists, opposition, and in a story about it its armed groups,
  who demand, protest, accuse, reject (or, for groups, threaten) with no one named address
  their state (``events.addressed.own_state_addressed``).

On hand-built docs and mentions, and through the whole pipeline on stories written by us.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.actors.domestic import Home
from allegiance.actors.drafts import Draft
from allegiance.actors.resolve import home_officeholder, infer_affiliations
from allegiance.events.addressed import own_state_addressed
from allegiance.events.counted import story_states
from allegiance.events.found import Found
from allegiance.events.holders import holder_before, released_noun, with_holders_asked
from allegiance.events.lexicon import Sense
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.senses import Trigger
from allegiance.models import Mention
from event_helpers import by_trigger, codes, events

# --- a titled officeholder in a story about one country ------------------------------------


def _officeholder(role: str, sector: str | None, *, start: int = 10) -> Draft:
    return Draft(start, start + 2, kind="person", person="Ali Sabry", role=role, sector=sector)


def _lanka(*extra: Draft) -> list[Draft]:
    """Five mentions of Sri Lanka in sentences 0-4, then ``extra``."""
    return [*(Draft(i * 2, i * 2 + 1, code="LKA", kind="country") for i in range(5)), *extra]


def test_a_home_office_held_in_a_story_on_one_country_is_that_country_s():
    minister = _officeholder("foreign minister", "GOV")
    sent_of = [i // 2 for i in range(12)]  # the minister is in sentence 5, naming no country
    infer_affiliations(_lanka(minister), sent_of)
    assert (minister.code, minister.extra["inferred"]) == ("LKA", "home")


def test_offices_held_abroad_former_ones_and_sentences_naming_others_are_not_taken():
    home = Home("LKA", frozenset({5}))
    sent_of = [i // 2 for i in range(12)]
    assert not home_officeholder(_officeholder("ambassador", "GOV"), Home("LKA", frozenset()),
                                 sent_of, set())  # fmt: skip
    assert not home_officeholder(_officeholder("former president", "ELI"),
                                 Home("LKA", frozenset()), sent_of, set())  # fmt: skip
    assert not home_officeholder(_officeholder("secretary general", "IGO"),
                                 Home("LKA", frozenset()), sent_of, set())  # fmt: skip
    # sentence 5 names another country but not Sri Lanka
    assert not home_officeholder(_officeholder("foreign minister", "GOV"), home, sent_of, set())
    # the sentence names two other parties
    assert not home_officeholder(_officeholder("foreign minister", "GOV"),
                                 Home("LKA", frozenset()), sent_of, {"USA", "CHN"})  # fmt: skip


def test_without_a_home_a_titled_stranger_keeps_no_country():
    minister = _officeholder("foreign minister", "GOV")
    infer_affiliations([minister], [0] * 12)
    assert minister.code is None


# --- the states a story is about ------------------------------------------------------------


def _story(
    words: list[str], codes_at: dict[int, str], *, last: int = 3
) -> tuple[Doc, MentionIndex]:
    """Each word its own sentence but the ``last`` few ("the two governments .")."""
    starts = [True] * (len(words) - last) + [True] + [False] * (last - 1)
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts)
    doc[-2].lemma_ = "government"
    mentions = [Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), code=code,
                        kind="country") for i, code in codes_at.items()]  # fmt: skip
    return doc, MentionIndex(mentions)


SIX = {0: "MEX", 1: "ECU", 2: "MEX", 3: "ECU", 4: "MEX", 5: "ECU"}
MEXICO_ECUADOR = ["Mexico", "Ecuador", "Mexico", "Ecuador", "Mexico", "Ecuador"]


def test_the_two_governments_are_the_two_states_the_story_is_about():
    words = [*MEXICO_ECUADOR, "Peru", "the", "two", "governments", "."]
    doc, index = _story(words, {**SIX, 6: "PER"}, last=4)
    parties = story_states(doc[9], index, count=2, exclude=frozenset({"USA"}))
    assert [(m.code, m.start) for m in parties] == [("MEX", doc[4].idx), ("ECU", doc[5].idx)]


def test_no_two_states_clearly_ahead_or_a_sentence_naming_a_third_give_none():
    words = [*MEXICO_ECUADOR, "Peru", "Peru", "the", "two", "governments", "."]
    doc, index = _story(words, {**SIX, 6: "PER", 7: "PER"}, last=4)
    assert story_states(doc[10], index, count=2, exclude=frozenset()) == []  # 3 vs 2: not ahead
    words = [*MEXICO_ECUADOR, "Chile", "urged", "the", "two", "governments", "."]
    doc, index = _story(words, {**SIX, 6: "CHL"}, last=6)
    assert story_states(doc[10], index, count=2, exclude=frozenset()) == []  # Chile's sentence


@pytest.mark.model
def test_two_governments_urged_are_the_story_s_two_states(extractor):
    text = ("Mexico cut ties with Ecuador on Saturday. Ecuador's police had entered Mexico's "
            "embassy in Quito. Mexico called the raid illegal. Ecuador said the raid was lawful. "
            "Mexico will go to court. The dispute has lasted weeks. A State Department "
            "spokesman urged the two governments to resolve their differences.")  # fmt: skip
    (request,) = by_trigger(events(extractor, text), "urged")
    assert (codes(request.actor), codes(request.recipient)) == ({"USA"}, {"MEX", "ECU"})


# --- a demand for someone's release is made of whoever holds them ---------------------------


def _release_story() -> tuple[Doc, list[Found], MentionIndex]:
    """ "Ottawa arrested Meng . Beijing demanded Meng 's release ." """
    words = ["Ottawa", "arrested", "Meng", ".", "Beijing", "demanded", "Meng", "'s", "release",
             "."]  # fmt: skip
    heads = [1, 1, 1, 1, 5, 5, 8, 6, 5, 5]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "poss", "case", "dobj", "punct"]
    lemmas = ["ottawa", "arrest", "meng", ".", "beijing", "demand", "meng", "'s", "release", "."]
    starts = [True, False, False, False, True, False, False, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas,
              sent_starts=starts)  # fmt: skip

    def at(i: int, code: str | None, **kw: str) -> Mention:
        return Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), code=code, **kw)

    ottawa, meng, beijing = (
        at(0, "CAN", kind="capital"),
        at(2, None, kind="person", person="Meng Wanzhou"),
        at(4, "CHN"),
    )
    held = at(6, None, kind="person", person="Meng Wanzhou")
    arrest = Found(Trigger(doc[1], Sense("COERCE"), verb=doc[1]), [ottawa], [meng])
    demand = Found(Trigger(doc[5], Sense("REQUEST"), verb=doc[5]), [beijing], [])
    return doc, [arrest, demand], MentionIndex([ottawa, meng, beijing, held])


def test_a_demand_for_a_release_is_made_of_whoever_arrested_the_person():
    doc, (arrest, demand), index = _release_story()
    assert released_noun(demand) == doc[8]
    _, asked = with_holders_asked([arrest, demand], index)
    assert codes(asked.recipients) == {"CAN"}


def test_a_holder_of_another_person_or_the_requester_itself_is_not_asked():
    _, (arrest, demand), index = _release_story()
    other = Mention("Kovrig", 0, 0, kind="person", person="Michael Kovrig")
    elsewhere = Found(arrest.trigger, arrest.actors, [other])
    held = index.at_token(demand.trigger.token.doc[6])
    assert holder_before([elsewhere], demand, held) == []
    own = Found(arrest.trigger, [Mention("Beijing", 0, 0, code="CHN")], arrest.recipients)
    assert holder_before([own], demand, held) == []


def test_only_an_arrest_detention_or_seizure_holds_someone():
    _, (arrest, demand), index = _release_story()
    held = index.at_token(demand.trigger.token.doc[6])
    talks = Found(Trigger(arrest.trigger.token, Sense("CONSULT"), verb=arrest.trigger.token),
                  arrest.actors, arrest.recipients)  # fmt: skip
    assert holder_before([talks], demand, held) == []  # "held talks with Meng"
    assert codes(holder_before([arrest], demand, held)) == {"CAN"}


@pytest.mark.model
def test_beijing_s_demand_for_meng_s_release_asks_canada(extractor):
    text = ("Canadian police arrested Meng Wanzhou, a Huawei executive, in Vancouver in "
            "December. The arrest angered China. Trade between the two countries has fallen. "
            "Beijing has repeatedly demanded Meng's release.")  # fmt: skip
    (demand,) = by_trigger(events(extractor, text), "demanded")
    assert (codes(demand.actor), codes(demand.recipient)) == ({"CHN"}, {"CAN"})


# --- a country's people and armed groups address their state --------------------------------


def _act(kind: str, actor: Mention, recipients: tuple[Mention, ...] = ()) -> Found:
    doc = Doc(spacy.blank("en").vocab, words=["They", "demanded", "it"])
    return Found(Trigger(doc[1], Sense(kind), verb=doc[1]), [actor], list(recipients))


PROTESTERS = Mention("protesters", 0, 10, code="SRB", sector="CVL", kind="domestic")
BLA = Mention("BLA", 0, 3, code="PAK", sector="REB", kind="group")


def test_protesters_demanding_with_no_one_named_address_their_state():
    (state,) = own_state_addressed(_act("REQUEST", PROTESTERS), home=None).recipients
    assert (state.code, state.sector, state.kind, state.text) == ("SRB", "GOV", "authority",
                                                                  "demanded")  # fmt: skip


def test_an_armed_group_addresses_its_state_only_in_a_story_about_it():
    assert codes(own_state_addressed(_act("THREATEN", BLA), home="PAK").recipients) == {"PAK"}
    assert not own_state_addressed(_act("THREATEN", BLA), home=None).recipients
    assert not own_state_addressed(_act("THREATEN", BLA), home="AFG").recipients


def test_a_named_recipient_another_kind_of_act_or_a_state_keeps_the_act_as_told():
    named = Mention("Vucic", 0, 5, code="SRB", kind="person")
    assert own_state_addressed(_act("REQUEST", PROTESTERS, (named,)), home=None).recipients == [
        named
    ]
    assert not own_state_addressed(_act("THREATEN", PROTESTERS), home="SRB").recipients
    assert not own_state_addressed(_act("ASSAULT", BLA), home="PAK").recipients
    serbia = Mention("Serbia", 0, 6, code="SRB", kind="country")
    assert not own_state_addressed(_act("REQUEST", serbia), home="SRB").recipients


@pytest.mark.model
def test_protesters_and_a_home_armed_group_address_their_state(extractor):
    serbia = ("Serbia's government is under pressure. Serbia has seen months of unrest. Students "
              "across Serbia have joined the movement. Serbia's president called the rallies "
              "illegal. In Belgrade, protesters demanded the resignation of all ministers on "
              "Friday.")  # fmt: skip
    (demand,) = by_trigger(events(extractor, serbia), "demanded")
    assert (codes(demand.actor), codes(demand.recipient)) == ({"SRB"}, {"SRB"})
    pakistan = ("Pakistan's army said the train siege was over. Pakistan's railways were shut. "
                "Gunmen attacked a train in Pakistan's Balochistan province. Pakistan's prime "
                "minister visited Quetta. Pakistan blamed the Baloch Liberation Army. "
                "Threatening to kill the hostages, the BLA demanded the release of political "
                "prisoners.")  # fmt: skip
    found = events(extractor, pakistan)
    (demand,) = by_trigger(found, "demanded")
    (threat,) = by_trigger(found, "Threatening")
    assert codes(demand.recipient) == codes(threat.recipient) == {"PAK"}


@pytest.mark.model
def test_a_titled_minister_in_a_story_on_one_country_is_its_minister(extractor):
    text = ("Sri Lanka's economy shrank again this year. Sri Lanka has borrowed heavily from "
            "China. Protests spread across Sri Lanka in the spring. Sri Lanka's police detained "
            "students in Colombo on Monday. The United States criticised the arrests. Foreign "
            "Minister Ali Sabry rejected the criticism on Friday.")  # fmt: skip
    (rejection,) = by_trigger(events(extractor, text), "rejected")
    assert (codes(rejection.actor), codes(rejection.recipient)) == ({"LKA"}, {"USA"})
