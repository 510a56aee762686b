"""One happening told twice in a sentence: which candidate gives way.

"Spent $125 billion to help Ukraine" tells one act by two triggers, and the clause under the
outer one carries it; a protest's demand is its topic, not a REQUEST of its own (PLOVER manual,
PROTEST); "supporting Russia's war effort by giving it weapons" is the AID its by-clause names.
:func:`subsumed` says whether a candidate gives way to another of its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.syntax import means_clauses


def _heads(found: Found) -> set[Token]:
    return {t for t in (found.trigger.token, found.trigger.verb) if t is not None}


def _protest_topic(found: Found, others: Sequence[Found]) -> bool:
    """The demand of a protest is its topic, not a separate REQUEST (PLOVER manual, PROTEST)."""
    if found.trigger.sense.type != "REQUEST":
        return False
    ancestors = set(found.trigger.token.ancestors)
    return any(
        o.trigger.sense.type == "PROTEST" and _heads(o) & ancestors
        for o in others
        if o is not found
    )


def found_key(found: Found) -> tuple[str, frozenset[str | None], frozenset[str | None]]:
    """The type and the codes of both sides: what makes two candidates one event."""
    return (
        found.trigger.sense.type,
        frozenset(m.code for m in found.actors),
        frozenset(m.code for m in found.recipients),
    )


def _repeated(found: Found, others: Sequence[Found]) -> bool:
    """The same event told again by a clause under its trigger ("spent $125 billion to help
    Ukraine"): the outer trigger keeps it, so amounts are not counted twice."""
    ancestors = set(found.trigger.token.ancestors)
    return any(
        o is not found and found_key(o) == found_key(found) and _heads(o) & ancestors
        for o in others
    )


MEANS_TYPES = frozenset({"AID", "COOPERATE", "MOBILIZE"})


def _support_by_means(found: Found, others: Sequence[Found]) -> bool:
    """ "supporting Russia's war effort by giving it weapons": the support is the aid its
    by-clause names, one happening told once (as AID), not twice."""
    if found.trigger.sense.type != "SUPPORT":
        return False
    means = {t.i for t in means_clauses(found.trigger.token)}
    return any(o.trigger.token.i in means and o.trigger.sense.type in MEANS_TYPES for o in others)


def subsumed(found: Found, others: Sequence[Found]) -> bool:
    """A recipient-less event repeated, with a recipient, by a clause it governs
    ("spent $125 billion to help Ukraine": the helping carries the event)."""
    if (
        _protest_topic(found, others)
        or _repeated(found, others)
        or _support_by_means(found, others)
    ):
        return True
    if found.recipients:
        return False
    tok = found.trigger.token
    for other in others:
        if (
            other is found
            or not other.recipients
            or other.trigger.sense.type != found.trigger.sense.type
        ):
            continue
        if other.actors == found.actors and tok in other.trigger.token.ancestors:
            return True
    return False
