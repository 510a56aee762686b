"""Parties named by their count: "Washington urged both countries to show restraint" after
"India and Pakistan exchanged fire" asks India and Pakistan; "urged the two governments to
resolve their differences" after "Ecuador and Mexico" asks those two, not whoever "their"
was read as.

A candidate addressed to a counted plural ("both countries", "the two governments", "the three
nations") that names no party of its own (nothing, or only a pronoun) takes the nearest list
of exactly that many parties ("X and Y", "X, Y and Z") named before it, in its own sentence
or the two before, other than its actor's. So does a candidate done by one ("The three
military-led nations accused the regional body", "Both countries withdrew ambassadors"): the
list is its actors. Where no such list is near, a story about exactly that many countries
("the two governments" in a story on Mexico and Ecuador, each named far more than any other)
gives those (``story_states``). A pure function of the candidates, the parse and the mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Token

from allegiance.actors.domestic import HOME_KINDS
from allegiance.events.found import Found
from allegiance.events.noun_phrases import PRONOUNS, MentionIndex
from allegiance.events.syntax import OBJECTS, OWN_SUBJECTS, child, prep_object
from allegiance.models import Mention

COUNTED_HEADS = frozenset({
    "country", "nation", "state", "neighbour", "neighbor", "government", "side", "party",
})  # fmt: skip
COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
SENTENCES_BACK = 2
# a story is about its N most named states when the last of them is named at least this often,
# and at least this many times as often as the next
STORY_STATE_MIN = 3
STORY_STATE_LEAD = 2.5
# "both sides", "the two parties" may be the camps of one country's conflict: only states
STATE_HEADS = frozenset({"country", "nation", "state", "neighbour", "neighbor", "government"})


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


def story_states(
    noun: Token, index: MentionIndex, *, count: int, exclude: frozenset[str]
) -> list[Mention]:
    """The ``count`` states a story is about, outside ``exclude``, each as its last mention
    before ``noun``: those named at least ``STORY_STATE_MIN`` times and ``STORY_STATE_LEAD``
    times as often as any other; none if the story has no such ``count``."""
    if noun.lemma_.lower() not in STATE_HEADS:
        return []
    named = [m for m in index.mentions if _a_state(m, exclude)]
    ranked = Counter(str(m.code) for m in named).most_common(count + 1)
    if len(ranked) < count or ranked[count - 1][1] < STORY_STATE_MIN:
        return []
    if len(ranked) > count and ranked[count - 1][1] < STORY_STATE_LEAD * ranked[count][1]:
        return []
    pair = [code for code, _ in ranked[:count]]
    sentence = index.within(noun.sent.start_char, noun.sent.end_char)
    if any(_a_state(m, exclude) and m.code not in pair for m in sentence):
        return []  # "Beijing ... the two governments signed": the sentence's own states
    parties = [_last_named(named, code, noun.idx) for code in pair]
    return [m for m in parties if m is not None] if all(parties) else []


def _a_state(mention: Mention, exclude: frozenset[str]) -> bool:
    return mention.kind in HOME_KINDS and bool(mention.code) and mention.code not in exclude


def _last_named(named: Sequence[Mention], code: str, before: int) -> Mention | None:
    """The last mention of ``code`` before a character offset, by the state's own name
    where there is one ("Mexico", not "the Mexican ambassador")."""
    earlier = [m for m in named if m.code == code and m.start < before]
    own = [m for m in earlier if m.kind == "country" and m.sector is None and _named(m)]
    choice = own or earlier
    return choice[-1] if choice else None


def counted_parties(
    noun: Token, index: MentionIndex, *, count: int, exclude: frozenset[str]
) -> list[Mention]:
    """The parties a counted plural counts: the list named just before, else the story's."""
    return listed_before(noun, index, count=count, exclude=exclude) or story_states(
        noun, index, count=count, exclude=exclude
    )


def _named(mention: Mention) -> bool:
    """Named by a capitalised word, not a pronoun ("it") or a role ("the Mexican ambassador")."""
    return mention.text[:1].isupper() and mention.text.lower() not in PRONOUNS


def with_counted_parties(founds: Sequence[Found], index: MentionIndex) -> list[Found]:
    """Each candidate addressed to a counted plural gets the parties it counts."""
    out = []
    for found in founds:
        target = counted_object(found)
        parties: list[Mention] = []
        if target is not None:
            own = found.actor_codes()
            parties = counted_parties(target[0], index, count=target[1], exclude=own)
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
    parties = counted_parties(target[0], index, count=target[1], exclude=recipients)
    return dataclasses.replace(found, actors=parties) if parties else found
