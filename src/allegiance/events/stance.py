"""Stated support: a speaker who says their own side does, will or should help Y supports Y.

"Alexander De Croo, the prime minister of Belgium, said Europe would keep helping Ukraine"
is, besides a (hypothetical) AID event of Europe, an asserted SUPPORT of Belgium for Ukraine:
the statement is the support. The speaker must speak for the helping side (their own country,
an organisation they belong to, their continent, or "we"), so that "Moscow says the West
keeps arming Kyiv" gives no Russian support for Ukraine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Token

from allegiance.doc import sentence_span
from allegiance.events.attribution import attribution
from allegiance.events.factuality import clause_verb, factuality
from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.participants import subject_token
from allegiance.events.senses import Trigger
from allegiance.models import Mention

COOPERATIVE = frozenset({"AID", "SUPPORT", "COOPERATE"})
FIRST_PERSON = frozenset({"we", "us"})
STANCE_CONFIDENCE = 0.6


class SpeaksFor(Protocol):
    """Whether a speaker is part of a group (by code) or a continent (by name) on a date."""

    def __call__(
        self, speaker: str, *, group: str | None = None, place: str | None = None,
        on: dt.date | None = None,
    ) -> bool: ...  # fmt: skip


class Told(Protocol):
    """What the rule needs of an extracted event (``extract.Found``)."""

    trigger: Trigger
    actors: list[Mention]
    recipients: list[Mention]


def stated_support(
    found: Told,
    *,
    index: MentionIndex,
    lex: Lexicon,
    speaks_for: SpeaksFor,
    published: dt.date | None = None,
) -> tuple[Trigger, Mention] | None:
    """(the reporting verb as a SUPPORT trigger, the speaker) when ``found`` is help of the
    speaker's own side, told by the speaker, not denied and not itself support told as done;
    None otherwise."""
    trig = found.trigger
    if trig.sense.type not in COOPERATIVE or not found.recipients:
        return None
    verb = trig.verb if trig.verb is not None else clause_verb(trig.token)
    sent = sentence_span(verb)
    speaker, reporter = attribution(verb, sent, index, lex)
    if speaker is None or speaker.code is None or reporter is None:
        return None
    if speaker.code in {m.code for m in (*found.actors, *found.recipients)}:
        return None  # the speaker's own act is an event already; self-support is not news
    told_as = factuality(verb, sent, lex, published=published)
    if told_as == "negated":
        return None
    if trig.sense.type == "SUPPORT" and told_as == "asserted":
        return None  # "said all G7 ministers agree with the proposal": their support is told
    if not _own_side(speaker.code, found.actors, verb, index, lex, speaks_for, published):
        return None
    sense = Sense(type="SUPPORT", confidence=STANCE_CONFIDENCE)
    return Trigger(reporter, sense, verb=reporter), speaker


def _own_side(
    speaker: str,
    actors: Sequence[Mention],
    verb: Token,
    index: MentionIndex,
    lex: Lexicon,
    speaks_for: SpeaksFor,
    on: dt.date | None,
) -> bool:
    """The helping side includes the speaker: by code or membership, else by the words of an
    unresolved subject ("Europe", "European countries", "we")."""
    if actors and all(a.code is not None for a in actors):
        return all(speaks_for(speaker, group=a.code, on=on) for a in actors)
    subj = subject_token(verb, lex, 0, index)
    if subj is None:
        return False
    if subj.lower_ in FIRST_PERSON:
        return True
    words = subj.doc[subj.left_edge.i : subj.i + 1]
    phrase = " ".join(t.text for t in words if t.pos_ != "DET")
    return any(speaks_for(speaker, place=p, on=on) for p in (phrase, subj.text))
