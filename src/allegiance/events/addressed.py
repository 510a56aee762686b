"""Whom a warning is addressed to: "accused Estonia of provocations and warned that Moscow
would use all available means" warns Estonia. A warning told as a second verb of one subject,
beside an accusation or a demand that names its party, is addressed to that party.

A pure function of the candidates of one sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from allegiance.events.found import Found

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
