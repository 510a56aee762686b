"""Acts of a state's police, courts, prisons and forces told without who did them: "Gachagua
was convicted on five charges", "He was released in May 2017", "339 passengers were rescued".

In a story about one country (``actors.domestic.dominant_state``), one of its people arrested,
detained, jailed, convicted, sentenced, freed or rescued by no one named was so by that
country, and CAMEO codes the act domestic (KEN -> KEN). The actor is the act itself standing
for the police, court, government or army (a mention of kind ``AUTHORITY``), so the evidence
shows what it was read from. Only where the act names no agent, and whoever is acted on is
coded as that country or, but for a release, is named only as people ("passengers", "11
people") in a sentence that names no other party ("354 passengers were freed" in a hijacking
may be the captors' release or the army's rescue). A pure function of the candidate, its
parse and the mentions.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.noun_phrases import MentionIndex, authority_mention
from allegiance.events.own_people import names_others, people_mention, people_named
from allegiance.events.syntax import PASSIVE_SUBJECTS, child, is_passive, prep_object
from allegiance.models import Mention

# what a state's police, courts, prisons and army do to people, with the sector that does it
AUTHORITY_ACTS = {
    "arrest": "COP", "detain": "COP", "jail": "JUD", "imprison": "JUD", "convict": "JUD",
    "sentence": "JUD", "release": "GOV", "free": "GOV", "rescue": "MIL",
}  # fmt: skip
AUTHORITY_TYPES = frozenset({"COERCE", "SANCTION", "RETREAT", "AID"})
# people taken by others than the state are freed by their captors, not by it ("calls for
# the release of the abducted schoolgirls")
CAPTIVE_WORDS = frozenset({
    "abduct", "abduction", "kidnap", "kidnapping", "kidnapper", "hostage", "captive", "captor",
    "ransom", "hijack", "hijacker",
})  # fmt: skip


def with_home_authority(found: Found, index: MentionIndex, *, home: str | None) -> Found:
    """``found`` with the home country as the actor of an act of its authorities told without
    who did it, and its own people as the recipient; itself otherwise."""
    token = found.trigger.token
    sector = AUTHORITY_ACTS.get(token.lemma_.lower())
    kind = found.trigger.sense.type
    if home is None or sector is None or found.actors or kind not in AUTHORITY_TYPES:
        return found
    if not _agentless(token) or (kind == "RETREAT" and _held_by_captors(token)):
        return found
    recipients = _home_people(found, index, home)
    if not recipients:
        return found
    state = authority_mention(token, code=home, sector=sector)
    return dataclasses.replace(found, actors=[state], recipients=recipients)


def _home_people(found: Found, index: MentionIndex, home: str) -> list[Mention]:
    """Who is acted on, when it is the home country's: its coded mentions, or people named only
    as people in a sentence that names no other party."""
    if found.recipients and all(m.code == home for m in found.recipients):
        return list(found.recipients)
    if any(m.code for m in found.recipients) or found.trigger.sense.type == "RETREAT":
        return []  # people freed with no one named may be freed by their captors
    people = people_named(_patient(found.trigger.token))
    if people is None or names_others(people, home, index):
        return []
    return [people_mention(people, home, None)]


def _patient(token: Token) -> Token | None:
    """ "104 passengers had been rescued" -> passengers; "the arrest of 40 people" -> people."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return prep_object(token, ("of",))
    return child(token, PASSIVE_SUBJECTS) if token.dep_ != "acl" else token.head


def _agentless(token: Token) -> bool:
    """A noun ("the arrest of five people"), or a passive with no "by" ("was convicted",
    "activists detained since the decree")."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return True
    passive = is_passive(token) or (token.tag_ == "VBN" and token.dep_ == "acl")
    return passive and not any(c.dep_ == "agent" for c in token.children)


def _held_by_captors(token: Token) -> bool:
    return any(t.lemma_.lower() in CAPTIVE_WORDS for t in token.sent)
