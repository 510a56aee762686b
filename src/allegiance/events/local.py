"""Parties that belong where the event happens.

"Militants attacked a passenger train in Pakistan's Balochistan province": the militants are
named without a country, and a coder codes them as Pakistan's (CAMEO's domestic actors), as
the police who arrest protesters in Lagos and the protesters are Nigeria's. Only nouns of the
lexicon's ``local_parties`` take the place's country, only on a side of the event with no coded
party, and only where the sentence itself places the event, or, in a story about one
country, where the event's other side is coded ("the C.A.R. accuses the rebel group").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from allegiance.actors.domestic import dominant_state
from allegiance.doc import sentence_span
from allegiance.events.attach import find_location
from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import MentionIndex, mention_root
from allegiance.events.participants import subject_token
from allegiance.events.syntax import (
    OBJECTS,
    OWN_SUBJECTS,
    PASSIVE_SUBJECTS,
    child,
    is_passive,
    modified_noun,
    prep_object,
)
from allegiance.models import Mention

_LEADING = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case", "punct"})


def with_local_parties(
    found: Found, index: MentionIndex, lex: Lexicon, *, home: str | None = None
) -> Found:
    """``found`` with its uncoded side filled by a local party coded as the event's place,
    else, when the other side is coded, as the story's ``home`` country."""
    verb = found.trigger.verb
    if verb is None or found.trigger.reverse or not lex.local_parties:
        return found
    need_actor = not any(m.code for m in found.actors)
    # a city found as the place of the act ("arrested 40 protesters in Lagos") gives way
    need_recipient = not any(m.code and m.kind != "city" for m in found.recipients)
    if not (need_actor or need_recipient):
        return found
    country = (
        _place_country(found, verb)
        or _home_of_the_coercer(found, need_recipient)
        or (home if need_actor != need_recipient else None)
    )
    if country is None:
        return found
    actors, recipients = found.actors, found.recipients
    group = _armed_group_named(found, verb, index, country=country)
    if need_actor:
        actors = _local(_agent(verb, lex, index), country, index, lex, group=group) or actors
    if need_recipient:
        recipients = _local(_patient(verb), country, index, lex, group=group) or recipients
    if actors and recipients and {m.start for m in actors} & {m.start for m in recipients}:
        return found
    return dataclasses.replace(found, actors=actors, recipients=recipients)


def story_home(mentions: Iterable[Mention]) -> str | None:
    """The country a story is about (``actors.domestic.dominant_state``), if one."""
    return dominant_state((m.code, m.kind, m.start) for m in mentions)


def _place_country(found: Found, verb: Token) -> str | None:
    """Where the act happened: a recipient that is the place "in" which it happened ("attacked
    villages in northeastern C.A.R., near the Cameroon border"), else the sentence's place."""
    doc = verb.doc
    for mention in found.recipients:
        root = mention_root(doc, mention)
        if mention.code and root is not None and _inside(root):
            return mention.code
    place = find_location(found, sentence_span(verb))
    return place.country if place is not None else None


def _inside(token: Token) -> bool:
    """ "in Pakistan", "in the Somali city of Beledweyne": a name or the modifier of a place
    noun governed by "in"."""
    token = modified_noun(token)
    return token.head.lower_ == "in" and token.dep_ == "pobj"


def _home_of_the_coercer(found: Found, need_recipient: bool) -> str | None:
    """ "Myanmar police arrested 2,400 protesters": with no place named, the people a state's
    own forces arrest or detain are that state's (COERCE is done at home)."""
    if not need_recipient or found.trigger.sense.type != "COERCE":
        return None
    coded = [m for m in found.actors if m.code]
    return coded[0].code if len(coded) == 1 and coded[0].kind != "organisation" else None


def _agent(verb: Token, lex: Lexicon, index: MentionIndex) -> Token | None:
    if is_passive(verb):
        return prep_object(verb, ("by",))
    return subject_token(verb, lex, index=index)


def _patient(verb: Token) -> Token | None:
    """Who is acted on: the object, or the subject of the clause the verb governs ("warning
    that terrorists will not be spared")."""
    if is_passive(verb):
        return child(verb, PASSIVE_SUBJECTS)
    obj = child(verb, OBJECTS)
    if obj is not None:
        return obj
    clause = child(verb, ("ccomp",))
    return child(clause, OWN_SUBJECTS) if clause is not None else None


# heads that name a local party by their modifier: "the rebel group", "an armed faction"
GROUP_HEADS = frozenset({"group", "faction", "movement", "outfit", "fighter", "force", "cell"})
GROUP_MODIFIERS = frozenset({"armed", "separatist"})


def _local_noun(head: Token, lex: Lexicon) -> bool:
    lemma = head.lemma_.lower()
    if lemma in lex.local_parties:
        return True
    if lemma not in GROUP_HEADS:
        return False
    modifiers = (c.lemma_.lower() for c in head.children if c.dep_ in {"compound", "amod"})
    return any(m in lex.local_parties or m in GROUP_MODIFIERS for m in modifiers)


def _local(
    head: Token | None, country: str, index: MentionIndex, lex: Lexicon, *, group: str | None
) -> list[Mention]:
    """The noun phrase of ``head`` as a party of ``country``, if it is a local party that the
    resolver left without a code; armed men as members of the armed ``group`` the sentence
    names, if one."""
    if head is None or not _local_noun(head, lex):
        return []
    if any(m.code for m in index.within(head.left_edge.idx, head.idx + len(head))):
        return []
    if group is not None and head.lemma_.lower() in ARMED_MEN:
        return [_phrase_mention(head, code=group, kind="group")]
    # a group coded under a country, as the Taliban under AFG
    return [_phrase_mention(head, code=country, kind="group")]


# who fight for a group: "an operation against Islamic State hideouts, killing 11 militants"
ARMED_MEN = frozenset({"militant", "fighter", "insurgent", "jihadist", "extremist", "gunman"})


def _armed_group_named(
    found: Found, verb: Token, index: MentionIndex, *, country: str
) -> str | None:
    """The code of the one armed group the sentence names that is not coded as the place's
    ``country`` (Islamic State in Iraq), if it is on neither side of the event yet."""
    sent = verb.sent
    sides = {m.code for m in (*found.actors, *found.recipients)}
    groups = {
        m.code for m in index.within(sent.start_char, sent.end_char)
        if m.kind == "group" and m.code and m.code not in {country, *sides}
    }  # fmt: skip
    return groups.pop() if len(groups) == 1 else None


def _phrase_mention(head: Token, *, code: str, kind: str, sector: str | None = None) -> Mention:
    """A mention of ``head``'s noun phrase up to the head, without its leading determiners."""
    first = next((t for t in head.subtree if t.dep_ not in _LEADING), head)
    first = min(first, head, key=lambda t: t.i)
    return Mention(
        text=head.doc[first.i : head.i + 1].text,
        start=first.idx,
        end=head.idx + len(head),
        code=code,
        sector=sector,
        kind=kind,
    )


# what a government does that its own opposition, lawmakers and people reject or denounce
STATE_ACTS = frozenset({
    "budget", "extension", "law", "bill", "decree", "decision", "policy", "reform", "tax",
    "amendment", "crackdown", "ban", "curfew", "measure", "appointment", "nomination",
})  # fmt: skip
REACTIONS = frozenset({"REJECT", "ACCUSE", "PROTEST"})
GOVERNED = frozenset({"OPP", "CVL", "LEG"})


def with_home_government(found: Found, index: MentionIndex, *, home: str | None) -> Found:
    """ "Opposition parties rejected the budget", "opposition lawmakers have denounced the
    extension": in a story about one country, what its opposition, lawmakers or people react
    to is their government's act, and the government the recipient (CAMEO codes such
    domestic disputes within the country). Whose act it is must not be named ("the U.S.
    resolution", "the court's ruling")."""
    verb = found.trigger.verb
    if (
        home is None
        or verb is None
        or found.recipients
        or found.trigger.sense.type not in REACTIONS
    ):
        return found
    if not _reacting(found.actors, home):
        return found
    act = child(verb, OBJECTS) or prep_object(verb, ("against",))
    if act is None or act.lemma_.lower() not in STATE_ACTS:
        return found
    if index.within(act.left_edge.idx, act.right_edge.idx + len(act.right_edge)):
        return found
    owner = _phrase_mention(act, code=home, sector="GOV", kind="domestic")
    return dataclasses.replace(found, recipients=[owner])


def _reacting(actors: Sequence[Mention], home: str) -> bool:
    """The home country's opposition, lawmakers or people (not its government)."""
    return bool(actors) and all(m.code == home and m.sector in GOVERNED for m in actors)
