"""Whom a warning, an offer or a protest is addressed to.

"accused Estonia of provocations and warned that Moscow would use all available means" warns
Estonia: a warning told as a second verb of one subject, beside an accusation or a demand that
names its party, is addressed to that party.

"Protesters demanded the publication of all documents", "opposition leaders rejected the
president's proposal": a country's own people (protesters, activists, the opposition:
``actors.domestic``) who protest, demand, accuse or reject with no one named address their
state, as CAMEO codes such acts (SRB -> SRB); so do its armed groups in a story about it, who
also threaten ("BLA demanded the release of political prisoners": PAK -> PAK). The state is
named by the act itself, a mention of kind ``AUTHORITY`` (sector GOV), so the evidence shows
what it was read from.

Pure functions: of the candidates of one sentence (warnings), of one candidate and the story's
home country (the state addressed).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.noun_phrases import authority_mention
from allegiance.events.syntax import past_beside_infinitive

WARNING_VERBS = frozenset({"warn", "vow", "threaten"})
OFFERS = frozenset({"offer"})
ADDRESSED_TYPES = frozenset({"ACCUSE", "REQUEST"})  # acts that name whom the speaker faces


def _addressed(warning: Found, sentence: Sequence[Found]) -> Found:
    if warning.recipients or not _a_warning_or_offer(warning):
        return warning
    verb, codes = warning.trigger.verb, warning.actor_codes()
    if not codes or verb is None:
        return warning
    for other in sentence:
        beside = other.trigger.verb
        if other.trigger.sense.type not in ADDRESSED_TYPES or not other.recipients:
            continue
        if beside is not None and _said_beside(verb, beside) and other.actor_codes() == codes:
            return dataclasses.replace(warning, recipients=list(other.recipients))
    return warning


def _a_warning_or_offer(found: Found) -> bool:
    verb, kind = found.trigger.verb, found.trigger.sense.type
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    return (kind == "THREATEN" and lemma in WARNING_VERBS) or (kind == "AGREE" and lemma in OFFERS)


def _said_beside(verb: Token, other: Token) -> bool:
    """ "accused Estonia ... and warned", and "urged Ethiopia and Eritrea to exercise restraint
    and offered the AU's help", which the parser hangs on the infinitive."""
    if verb in other.conjuncts:
        return True
    asked = verb.head
    return asked.dep_ == "xcomp" and asked.head == other and past_beside_infinitive(verb)


def warnings_addressed(sentence: Sequence[Found]) -> list[Found]:
    """The candidates of one sentence, each warning with no recipient given the party of the
    accusation or demand its subject makes in the same breath."""
    return [_addressed(found, sentence) for found in sentence]


# what a country's people do to their state with no one named
ADDRESSING_TYPES = frozenset({"REQUEST", "PROTEST", "ACCUSE", "REJECT"})
PEOPLE_SECTORS = frozenset({"CVL", "OPP"})
# and what its armed groups do: "BLA demanded the release of political prisoners",
# "Threatening to kill the hostages" (in a story about Pakistan)
GROUP_TYPES = ADDRESSING_TYPES | {"THREATEN"}


def own_state_addressed(found: Found, *, home: str | None) -> Found:
    """``found`` with the actors' own state as its recipient, when they are a country's
    protesters, activists or opposition who protest, demand, accuse or reject and name no one,
    or, in a story about that country (``home``), its armed groups who also threaten;
    itself otherwise."""
    kind = found.trigger.sense.type
    codes = found.actor_codes()
    if kind not in GROUP_TYPES or found.recipients or len(codes) != 1:
        return found
    people = all(m.kind == "domestic" and m.sector in PEOPLE_SECTORS for m in found.actors)
    groups = home in codes and all(m.kind == "group" for m in found.actors)
    if not ((people and kind in ADDRESSING_TYPES) or groups):
        return found
    state = authority_mention(found.trigger.token, code=next(iter(codes)), sector="GOV")
    return dataclasses.replace(found, recipients=[state])
