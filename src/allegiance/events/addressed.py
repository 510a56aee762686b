"""Whom a warning or a protest is addressed to.

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

from allegiance.events.found import Found
from allegiance.events.noun_phrases import authority_mention

WARNING_VERBS = frozenset({"warn", "vow", "threaten"})
ADDRESSED_TYPES = frozenset({"ACCUSE", "REQUEST"})  # acts that name whom the speaker faces


def _addressed(warning: Found, sentence: Sequence[Found]) -> Found:
    if warning.trigger.sense.type != "THREATEN" or warning.recipients:
        return warning
    verb, codes = warning.trigger.verb, warning.actor_codes()
    if not codes or verb is None or verb.lemma_.lower() not in WARNING_VERBS:
        return warning
    for other in sentence:
        beside = other.trigger.verb
        if other.trigger.sense.type not in ADDRESSED_TYPES or not other.recipients:
            continue
        if beside is not None and verb in beside.conjuncts and other.actor_codes() == codes:
            return dataclasses.replace(warning, recipients=list(other.recipients))
    return warning


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
