"""Reading fixes of the sixty-fifth change (issue 13): a summoned envoy, and whose country a
title names (``data/events/lexicon.yaml``, ``actors.resolve.infer_affiliations``).

- "Iraq summoned Turkey's ambassador": summoning a state's envoy is a diplomatic protest, ACCUSE
  'disapprove' against the envoy's state (PLOVER manual: "summoning an in-country ambassador to
  present such grievances is just coded ACCUSE, not CONSULT"); a court summoning someone to
  testify names no envoy and is no such event;
- "Vice Foreign Minister X summoned China's ambassador": a titled person the knowledge base
  does not know is not given the country that names another's title ("China's ambassador"),
  though still the one that names their own ("the EU's Commission President X").

On hand-built drafts, and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.actors.drafts import Draft
from allegiance.actors.resolve import infer_affiliations
from allegiance.events.lexicon import default_lexicon
from event_helpers import by_trigger, codes, events


def _okano_and_china(title_at: int) -> tuple[Draft, Draft]:
    """ "Vice Foreign Minister Okano summoned China 's ambassador": the person (tokens 0-4)
    and the country (token 5), its title at ``title_at``."""
    person = Draft(0, 4, kind="person", role="foreign minister", sector="GOV")
    china = Draft(5, 6, code="CHN", kind="country")
    infer_affiliations([person, china], [0] * 9, titles_of={5: title_at})
    return person, china


def test_a_country_naming_another_s_title_is_not_the_sentence_s():
    person, _ = _okano_and_china(title_at=7)  # "ambassador", outside the person's words
    assert person.code is None


def test_a_country_naming_the_person_s_own_title_still_is():
    person, _ = _okano_and_china(title_at=2)  # a title inside the person's words
    assert person.code == "CHN"


def test_summoning_an_envoy_is_in_the_lexicon_as_a_protest():
    entries = [e for e in default_lexicon().verb_object if "summon" in e.verbs]
    assert len(entries) == 1
    assert (entries[0].sense.type, entries[0].sense.mode) == ("ACCUSE", "disapprove")
    assert {"ambassador", "envoy", "d'affaires"} <= set(entries[0].objects)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Chile summoned Peru's ambassador on Monday to protest the arrest of two of its "
         "citizens.", {"CHL"}, {"PER"}),
        ("Ghana summoned the Nigerian and Togolese ambassadors after the border incident.",
         {"GHA"}, {"NGA", "TGO"}),
        ("Kenya's foreign ministry summoned the Ugandan charge d'affaires in Nairobi.", {"KEN"},
         {"UGA"}),
    ],
)  # fmt: skip
def test_a_summoned_envoy_is_a_protest_against_the_envoy_s_state(extractor, text, actor, recipient):
    found = by_trigger(events(extractor, text), "summoned")
    assert len(found) == 1
    event = found[0]
    assert (event.event, event.mode) == ("ACCUSE", "disapprove")
    assert codes(event.actor) == actor and codes(event.recipient) == recipient


@pytest.mark.model
def test_a_court_summons_is_no_protest(extractor):
    text = "A court in Lima summoned the former minister to testify about the payments."
    assert not by_trigger(events(extractor, text), "summoned")


@pytest.mark.model
def test_an_unknown_official_summoning_an_envoy_gets_no_country_of_the_envoy(extractor):
    text = "Vice Foreign Minister Ana Ruiz summoned Bolivia's ambassador on Monday."
    found = by_trigger(events(extractor, text), "summoned")
    assert found and all("BOL" not in codes(e.actor) for e in found)
    assert all(codes(e.recipient) == {"BOL"} for e in found)
