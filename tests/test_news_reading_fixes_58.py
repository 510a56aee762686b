"""Reading fixes of the fifty-eighth change (issue 13): in a story about one country, one of its
people arrested, convicted, jailed or freed by no one named was so by that country ("Gachagua
was convicted on five charges" is SANCTION KEN -> KEN, as CAMEO codes domestic acts). On
hand-built parses (events.authority.with_home_authority) and through the whole pipeline on
sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.authority import with_home_authority
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.noun_phrases import MentionIndex, distinct
from allegiance.events.senses import Trigger
from allegiance.models import Mention
from event_helpers import by_trigger, codes, events, of_type


def _passive(agent: str | None = None, subject: str = "Odera") -> Doc:
    """ "<subject> was convicted ." or "<subject> was convicted by <agent> ." """
    words = [subject, "was", "convicted", "."]
    heads, deps = [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "punct"]
    pos, tags = ["PROPN", "AUX", "VERB", "PUNCT"], ["NNP", "VBD", "VBN", "."]
    if agent is not None:  # "by <agent>" before the full stop
        words[3:3], heads[3:3], deps[3:3] = ["by", agent], [2, 3], ["agent", "pobj"]
        pos[3:3], tags[3:3] = ["ADP", "PROPN"], ["IN", "NNP"]
    lemmas = [{"was": "be", "convicted": "convict"}.get(w, w) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               tags=tags, lemmas=lemmas)  # fmt: skip


def _authority(found: Found, *, home: str | None) -> Found:
    return with_home_authority(found, MentionIndex(found.recipients), home=home)


def _convicted(doc: Doc, *, recipient_code: str | None = "KEN", kind: str = "SANCTION") -> Found:
    person = Mention(doc[0].text, 0, len(doc[0]), code=recipient_code, kind="person")
    return Found(Trigger(doc[2], Sense(type=kind), verb=doc[2]), [], [person])


def test_a_conviction_by_no_one_named_is_the_home_country_s():
    found = _authority(_convicted(_passive()), home="KEN")
    (state,) = found.actors
    assert (state.code, state.sector, state.kind, state.text) == (
        "KEN",
        "JUD",
        "authority",
        "convicted",
    )


def test_a_named_agent_a_foreign_person_or_no_home_keeps_the_act_as_told():
    by_court = _passive("Mugo")
    assert not _authority(_convicted(by_court), home="KEN").actors
    assert not _authority(_convicted(_passive(), recipient_code="GBR"), home="KEN").actors
    assert not _authority(_convicted(_passive(), recipient_code=None), home="KEN").actors
    assert not _authority(_convicted(_passive()), home=None).actors
    assert not _authority(_convicted(_passive(), kind="ACCUSE"), home="KEN").actors


def test_a_pronoun_acted_on_stays_beside_the_state_named_by_its_act():
    he = _authority(_convicted(_passive(subject="He")), home="KEN")
    assert codes(he.actors) == {"KEN"}
    # not read as the actor again, as "its forces" is (noun_phrases.distinct)
    assert distinct(he.recipients, he.actors) == he.recipients


STORY = (
    "Kenya's parliament voted on Tuesday to remove the deputy president. Kenya's president "
    "named a successor the same day. Lawmakers in Kenya said the vote was fair, and Nairobi "
    "called for calm. Kenya's courts were asked to block the vote. "
)


@pytest.mark.model
def test_a_domestic_conviction_and_arrest_are_the_country_s(extractor):
    text = STORY + ("Kenyan opposition leader Raila Odinga was arrested in Nairobi on Friday. "
                    "Kenyan activist Boniface Mwangi was convicted on two charges.")  # fmt: skip
    evs = events(extractor, text)
    (arrest,) = by_trigger(evs, "arrested")
    assert (codes(arrest.actor), codes(arrest.recipient)) == ({"KEN"}, {"KEN"})
    (conviction,) = of_type(evs, "SANCTION")
    assert (codes(conviction.actor), codes(conviction.recipient)) == ({"KEN"}, {"KEN"})


@pytest.mark.model
def test_an_arrest_by_a_named_party_keeps_that_party(extractor):
    text = STORY + "Kenyan activist Boniface Mwangi was arrested by Ugandan police in Kampala."
    (arrest,) = by_trigger(events(extractor, text), "arrested")
    assert codes(arrest.actor) == {"UGA"}


@pytest.mark.model
def test_captives_freed_are_not_freed_by_the_state(extractor):
    text = STORY + ("Kenyan leaders welcomed the release of the abducted schoolgirls. "
                    "Kenyan activist Boniface Mwangi was released on bail.")  # fmt: skip
    evs = events(extractor, text)
    assert not [e for e in by_trigger(evs, "release") if e.event == "RETREAT" and e.actor]
    (bail,) = by_trigger(evs, "released")
    assert (codes(bail.actor), codes(bail.recipient)) == ({"KEN"}, {"KEN"})
