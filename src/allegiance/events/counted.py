"""Parties named by their count: "Washington urged both countries to show restraint" after
"India and Pakistan exchanged fire" asks India and Pakistan; "urged the two governments to
resolve their differences" after "Ecuador and Mexico" asks those two, not whoever "their"
was read as.

A candidate addressed to a counted plural ("both countries", "the two governments", "the three
nations") that names no party of its own (nothing, or only a pronoun) takes the nearest list
of exactly that many parties ("X and Y", "X, Y and Z") named before it, in its own sentence
or the two before, other than its actor's. So does a candidate done by one ("The three
military-led nations accused the regional body", "Both countries withdrew ambassadors"): the
list is its actors. A pure function of the candidates, the parse and the mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.participants import PRONOUNS, MentionIndex
from allegiance.events.syntax import OBJECTS, OWN_SUBJECTS, child, prep_object
from allegiance.models import Mention

COUNTED_HEADS = frozenset({
    "country", "nation", "state", "neighbour", "neighbor", "government", "side", "party",
})  # fmt: skip
COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
SENTENCES_BACK = 2


def parties_counted(noun: Token) -> int | None:
    """How many parties a counted plural names ("both countries": 2), or None."""
    if noun.lemma_.lower() not in COUNTED_HEADS or noun.tag_ not in {"NNS", "NNPS"}:
        return None
    for c in noun.children:
        if c.dep_ in {"det", "predet", "nummod", "quantmod"} and c.lower_ in COUNTS:
            return COUNTS[c.lower_]
    return None


def counted_object(found: Found) -> tuple[Token, int] | None:
    """The counted plural a candidate is addressed to ("urged both countries", "called on the
    two sides"), with its count, when the candidate names no recipient but a pronoun."""
    verb = found.trigger.verb
    if verb is None or not found.actors:
        return None
    if not all(_replaceable(m) for m in found.recipients):
        return None
    for noun in (child(verb, OBJECTS), prep_object(verb, ("on", "with"))):
        count = parties_counted(noun) if noun is not None else None
        if noun is not None and count is not None:
            return noun, count
    return None


def _replaceable(mention: Mention) -> bool:
    """A recipient a counted list replaces: a pronoun, or the story's own country read from
    "both sides" (``actors.domestic``), which the list names better."""
    return mention.text.lower() in PRONOUNS or mention.kind == "domestic"


def _window_start(token: Token) -> int:
    """Where the sentence ``SENTENCES_BACK`` before ``token``'s begins (a character offset)."""
    doc, start = token.doc, token.sent.start
    for _ in range(SENTENCES_BACK):
        if start > 0:
            start = doc[start - 1].sent.start
    return doc[start].idx


LIST_JOINS = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")


def _lists(mentions: Sequence[Mention], text: str) -> list[list[Mention]]:
    """Runs of mentions joined only by commas and "and" ("Egypt, Ethiopia and Sudan")."""
    runs: list[list[Mention]] = []
    for mention in mentions:
        last = runs[-1][-1] if runs else None
        if last is not None and LIST_JOINS.fullmatch(text[last.end : mention.start]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


def listed_before(
    noun: Token, index: MentionIndex, *, count: int, exclude: frozenset[str]
) -> list[Mention]:
    """The nearest list before ``noun`` ("India and Pakistan", "Egypt, Ethiopia and Sudan")
    of exactly ``count`` parties of distinct codes outside ``exclude``."""
    text = noun.doc.text
    for run in reversed(_lists(index.within(_window_start(noun), noun.idx), text)):
        parties = {m.code: m for m in run if m.code and m.code not in exclude}
        if len(run) == count and len(parties) == count:
            return list(parties.values())
    return []


def with_counted_parties(founds: Sequence[Found], index: MentionIndex) -> list[Found]:
    """Each candidate addressed to a counted plural gets the parties it counts."""
    out = []
    for found in founds:
        target = counted_object(found)
        parties: list[Mention] = []
        if target is not None:
            parties = listed_before(target[0], index, count=target[1], exclude=found.actor_codes())
        out.append(dataclasses.replace(found, recipients=parties) if parties else found)
    return out


def counted_subject(found: Found) -> tuple[Token, int] | None:
    """The counted plural that does a candidate ("Both countries withdrew", "the two sides
    agreed to meet"), with its count, when the candidate has no actor but a pronoun."""
    verb = found.trigger.verb
    if verb is None or not all(_replaceable(m) for m in found.actors):
        return None
    doer = verb.head if verb.dep_ == "xcomp" else verb
    subject = child(doer, OWN_SUBJECTS)
    count = parties_counted(subject) if subject is not None else None
    return (subject, count) if subject is not None and count is not None else None


def with_counted_actors(found: Found, index: MentionIndex) -> Found:
    """A candidate done by a counted plural gets the parties it counts as its actors."""
    target = counted_subject(found)
    if target is None:
        return found
    recipients = frozenset(m.code for m in found.recipients if m.code)
    parties = listed_before(target[0], index, count=target[1], exclude=recipients)
    return dataclasses.replace(found, actors=parties) if parties else found
