"""Details attached to an event: mode and context cues, amount, location, event date."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from spacy.tokens import Span, Token

from allegiance.events.amounts import find_amounts
from allegiance.events.dates import older_than_a_month, resolve_date
from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import sentence_ents, tree_distance
from allegiance.events.places import geocode
from allegiance.events.syntax import has_own_subject
from allegiance.models import Amount, Location

log = logging.getLogger(__name__)

PLACE_PREPS = frozenset({"in", "near", "at", "inside", "outside", "around", "across", "into"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_SUFFIX = re.compile(r"\s+(area|region|oblast|province|district|city|town)$", re.I)
SCOPE_DEPS = frozenset({"xcomp", "advcl", "dobj", "pobj", "attr", "nsubj", "nsubjpass", "conj"})
MAX_CONTEXTS = 3


@dataclass(frozen=True, slots=True)
class Details:
    mode: str | None = None
    context: tuple[str, ...] = ()
    amount: Amount | None = None
    location: Location | None = None
    event_date: str | None = None
    date_precision: str | None = None
    before_its_date: bool = False  # the date is of a later clause ("in 2010 after X stormed")
    long_ago: bool = False  # undated, in a sentence whose every date is background


def scope(token: Token) -> tuple[int, int]:
    """Token range (start, end) of the trigger's clause, widened to its governing clause."""
    *_, top = _scope_chain(token)
    return top.left_edge.i, top.right_edge.i + 1


def _scope_chain(token: Token) -> Iterator[Token]:
    """The trigger and each clause ``scope`` widens it to, innermost first (up to three)."""
    yield token
    for _ in range(3):
        if token.dep_ not in SCOPE_DEPS or token.head == token:
            return
        token = token.head
        yield token


# "withdrew two weeks before the deadline passed": a clause that says it came later than the
# one it hangs on does not take that clause's date
LATER_MARKS = frozenset({"before", "until"})
# "soured in 2010 after commandos stormed the ship": a clause that says it came earlier than
# its host happened before the host's date (so that date can make it old, never recent)
EARLIER_MARKS = frozenset({"after", "since"})


def _date_scope(token: Token) -> tuple[int, int]:
    """The trigger's clause as ``scope`` widens it, but not past a clause marked as coming
    later than its host."""
    for top in _scope_chain(token):
        if _marked(top, LATER_MARKS):
            break
    return top.left_edge.i, top.right_edge.i + 1


def earlier_clause(token: Token) -> Token | None:
    """The clause told as coming before the clause it hangs on ("three months after Russia
    invaded"), if the trigger sits in one: the trigger's own clause or one of the first two
    that ``scope`` widens it to."""
    return next((c for c in islice(_scope_chain(token), 3) if _marked(c, EARLIER_MARKS)), None)


def _marked(clause: Token, marks: frozenset[str]) -> bool:
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in marks for c in clause.children
    )


def mode_and_context(found: Found, sent: Span, lex: Lexicon) -> tuple[str | None, tuple[str, ...]]:
    sense = found.trigger.sense
    start, end = scope(found.trigger.token)
    lemmas = [t.lemma_.lower() for t in sent.doc[start:end]]
    mode = sense.mode
    cues = lex.mode_cues.get(sense.type, {})
    if mode is None and cues:
        target = _target_tokens(found)  # "attacked nuclear sites": no nuclear weapon
        found_cues = (
            cues[lem] for i, lem in enumerate(lemmas, start) if lem in cues and i not in target
        )
        mode = next(found_cues, None)
    context = list(sense.context)
    for lem in lemmas:
        ctx = lex.context_cues.get(lem)
        if ctx is not None and ctx not in context and len(context) < MAX_CONTEXTS:
            context.append(ctx)
    if sense.type == "AID" and mode == "military" and "military" not in context:
        context.insert(0, "military")
    return mode, tuple(context[:MAX_CONTEXTS])


def _target_tokens(found: Found) -> set[int]:
    """Token indices of what a verbal trigger acts on (its direct object's phrase)."""
    verb = found.trigger.verb
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    return {t.i for t in obj.subtree} if obj is not None else set()


def _in_mentions(start: int, end: int, found: Found) -> bool:
    """An amount inside a participant's name ("the Group of 20"), not one that names the
    participant ("10,000 North Korean soldiers")."""
    return any(m.start <= start and end <= m.end for m in (*found.actors, *found.recipients))


def amount_scope(found: Found) -> tuple[int, int]:
    """Where a trigger's amount may stand: its clause, but a conjoined clause with its own
    subject keeps to itself ("X sent $60 billion, and Y has given billions of euros")."""
    verb = found.trigger.verb or found.trigger.token
    if verb.dep_ == "conj" and has_own_subject(verb):
        return verb.left_edge.i, verb.right_edge.i + 1
    return scope(found.trigger.token)


def find_amount(found: Found, sent: Span) -> Amount | None:
    doc = sent.doc
    start, end = amount_scope(found)
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    for a_start, a_end, amount in find_amounts(sent.text):
        a_start, a_end = a_start + sent.start_char, a_end + sent.start_char
        if lo <= a_start < hi and not _in_mentions(a_start, a_end, found):
            return amount
    return None


def geocode_text(text: str) -> Location:
    names = [text, PLACE_SUFFIX.sub("", text), re.sub(r"^the\s+", "", text, flags=re.I)]
    names.append(PLACE_SUFFIX.sub("", names[-1]))
    for name in names:
        found = geocode(name)
        if found is not None:
            return Location(
                text=text, name=found.name, geonameid=found.geonameid,
                lat=found.lat, lon=found.lon, country=found.country,
            )  # fmt: skip
    return Location(text=text, name=names[-1])


def _other_clauses(verb: Token) -> list[tuple[int, int]]:
    """Token ranges of the clauses conjoined to ``verb`` that have a subject of their own ("met
    in Moscow ..., but officials in New Delhi said ...": New Delhi is not where they met)."""
    return [
        (c.left_edge.i, c.right_edge.i + 1)
        for c in verb.children
        if c.dep_ == "conj" and has_own_subject(c)
    ]


def _chain(token: Token) -> set[int]:
    """The trigger and the heads it hangs from within its scope (where a place may attach)."""
    out = {token.i}
    tok = token
    for _ in range(3):
        if tok.dep_ not in SCOPE_DEPS or tok.head == tok:
            break
        tok = tok.head
        out.add(tok.i)
    return out


def _place_prep(ent: Span, preps: frozenset[str]) -> Token | None:
    """The in/near/at preposition a place hangs from ("in the northern city of Kirkuk")."""
    tok = ent.root
    for _ in range(5):
        head = tok.head
        if head == tok:
            return None
        if head.dep_ == "prep" and head.lower_ in preps:
            return head
        if tok.dep_ not in {"pobj", "compound", "appos", "amod", "nmod"} and head.dep_ != "prep":
            return None
        if _describes_someone(tok, head):
            return None
        tok = head
    return None


def _describes_someone(modifier: Token, head: Token) -> bool:
    """ "met Assad in Damascus, the most senior Gulf official to visit": a place modifying an
    apposition's common noun describes whom, not where."""
    described = head.dep_ == "appos" and head.pos_ == "NOUN"
    return modifier.dep_ in {"compound", "amod"} and described


def place_distance(ent: Span, trigger: Token, preps: frozenset[str]) -> int:
    """Arcs from ``trigger`` to the word the place ``ent``'s preposition hangs on: 0 for "met
    in Sochi", 1 for "hosted his counterparts in Amman", more for a place in a clause below."""
    prep = _place_prep(ent, preps)
    return tree_distance(prep.head, trigger) if prep is not None else len(trigger.doc)


def _place_spans(
    sent: Span, chain: set[int], lo: int, hi: int, preps: frozenset[str]
) -> list[Span]:
    out = []
    for ent in sentence_ents(sent):
        prep = _place_prep(ent, preps)
        if prep is not None and (prep.head.i in chain or lo <= prep.i < hi):
            out.append(ent)
    return out


def find_location(found: Found, sent: Span) -> Location | None:
    """The place of "in/near/at <place>" in the clause that is not actor or recipient."""
    chain = _chain(found.trigger.token)
    if found.trigger.verb is not None:
        chain |= _chain(found.trigger.verb)
    lo, hi = found.trigger.token.left_edge.i, found.trigger.token.right_edge.i + 1
    actors = [(m.start, m.end) for m in found.actors]
    # troops deployed "to the Kursk region" are there: a deployment's destination is its place
    preps = PLACE_PREPS | {"to"} if found.trigger.sense.type == "MOBILIZE" else PLACE_PREPS
    others = _other_clauses(found.trigger.verb or found.trigger.token)
    candidates = [
        e
        for e in _place_spans(sent, chain, lo, hi, preps)
        if not any(a < e.end_char and e.start_char < b for a, b in actors)
        and not any(a <= e.start < b for a, b in others)
    ]
    places = [e for e in candidates if e.label_ in PLACE_ENTS or _looks_like_place(e)]
    if not places:
        return None
    # the place nearest the trigger in the parse ("met Putin in Sochi", "hosted his
    # counterparts in Amman"), not the last one of a phrase or clause below it ("... to
    # discuss the war in Ukraine"); of places as near, the last
    trigger = found.trigger.token
    ent = min(places, key=lambda e: (place_distance(e, trigger, preps), -e.start))
    text = ent.text
    right = ent.end
    if right < len(sent.doc) and sent.doc[right].lower_ in {"area", "region", "oblast"}:
        text = sent.doc[ent.start : right + 1].text
    return geocode_text(text)


# going somewhere: "Burhan travelled to Cairo for talks with al-Sisi"
TRAVEL_VERBS = frozenset({"travel", "fly", "go", "head", "come", "journey", "arrive"})
ARRIVAL_PREPS = frozenset({"to", "in"})


def _travel_verb(token: Token) -> Token | None:
    """The verb of going that a meeting belongs to: the meeting itself ("travelled ... and
    met": conjoined), or what one went for ("travelled to Cairo for talks")."""
    verb = token.head if token.dep_ == "pobj" and token.head.lower_ == "for" else token
    if verb is not token:
        verb = verb.head
    elif token.dep_ == "conj":
        verb = token.head
    return verb if verb.lemma_.lower() in TRAVEL_VERBS and verb.pos_ == "VERB" else None


def place_of(token: Token) -> Location:
    """The place a token names (its whole entity, "Abu Dhabi"): where a trip went, whose
    country makes a meeting there a visit."""
    ent = _entity_at(token)
    return geocode_text(ent.text if ent is not None else token.text)


def travel_destinations(found: Found) -> tuple[Token, ...]:
    """The places a meeting's party went to for it, each one visited ("travelled to Riyadh,
    Beijing and Abu Dhabi"): the first place named after "to" or "in", and those coordinated
    with it."""
    verb = _travel_verb(found.trigger.token)
    if verb is None:
        return ()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ARRIVAL_PREPS):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is not None and place.ent_type_ in PLACE_ENTS:
            return (place, *(c for c in place.conjuncts if c.ent_type_ in PLACE_ENTS))
    return ()


def _looks_like_place(ent: Span) -> bool:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.lower_ in {"area", "region", "oblast", "province"}


def ongoing_since(ent: Span) -> bool:
    """ "since February 2022": a span running up to now, not a date in the past."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.lower_ == "since") or ent.root.head.lower_ == "since"


def find_date(found: Found, sent: Span, published: dt.date | None) -> tuple[str, str] | None:
    """The date of the event's clause, the one nearest the trigger in the parse first ("Before
    the election this month, Ishiba visited Taiwan in August": August); "since 2022" is when an
    ongoing act began, not its date."""
    trigger = found.trigger.verb or found.trigger.token
    # the clause of the verb that carries a noun ("carried out a series of airstrikes")
    found_date = _clause_date(trigger, sent, published)
    if found_date is not None:
        return found_date
    named = _date_the_clause_describes(found)
    if named is not None:
        return resolve_date(named.text, published)
    governing = governing_verb(trigger) or verb_it_happened_during(trigger)
    for _ in range(MAX_GOVERNING):
        if governing is None:
            return None
        found_date = _clause_date(governing, sent, published)
        if found_date is not None:
            return found_date
        governing = governing_verb(governing)  # "taking photos during the arrest": the taking's
    return None


def _clause_date(
    trigger: Token, sent: Span, published: dt.date | None, *, within: Token | None = None
) -> tuple[str, str] | None:
    lo, hi = (
        _date_scope(trigger) if within is None else (within.left_edge.i, within.right_edge.i + 1)
    )
    dates = [
        ent
        for ent in sentence_ents(sent)
        if ent.label_ == "DATE" and lo <= ent.start < hi and not ongoing_since(ent)
        and not dates_another_clause(ent.root, trigger)
    ]  # fmt: skip
    for ent in sorted(dates, key=lambda e: (tree_distance(e.root, trigger), e.start)):
        resolved = resolve_date(ent.text, published)
        if resolved is not None:
            return resolved
    return None


def governing_verb(trigger: Token) -> Token | None:
    """ "charged Nazarov in 2017 with calling for ...", "imposed rules in October restricting
    exports": a gerund or participle that completes a verb's phrase is dated by that verb."""
    if trigger.tag_ not in {"VBG", "VBN"} or trigger.dep_ not in {"pcomp", "acl"}:
        return None
    return _verb_from(trigger.head, passing=COMPLETED_PHRASE_DEPS)


# what a completing gerund's phrase may hang from on its way up to the verb it completes
COMPLETED_PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "nsubjpass"})


def _verb_from(token: Token, *, passing: frozenset[str] | None) -> Token | None:
    """The first verb at or above ``token`` within ``MAX_GOVERNING`` steps, climbing only
    through ``passing`` relations (any, if None)."""
    for _ in range(MAX_GOVERNING):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head == token or (passing is not None and token.dep_ not in passing):
            return None
        token = token.head
    return None


# "In 2022 he was arrested during the arrest of an opposition lawmaker": what a clause
# happened during or amid took place when the clause did
AT_THE_TIME_OF = frozenset({"during", "amid", "amidst"})
MAX_GOVERNING = 3  # steps (and verbs) climbed from a trigger to the clause that dates it


def verb_it_happened_during(trigger: Token) -> Token | None:
    """The verb of the clause a noun trigger is the time of ("were arrested during the
    arrest of ...", "fled amid the shelling"), which dates it."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in AT_THE_TIME_OF:
        return None
    return _verb_from(prep.head, passing=None)


def in_a_relative_clause(token: Token, trigger: Token) -> bool:
    """ "urged them to pay the pledges they made in March", "Trump, who in his first term
    pulled out of the deal, has threatened": a date in a relative clause dates that clause."""
    meets = {trigger.i, *(a.i for a in trigger.ancestors)}
    while token.i not in meets and token.head != token:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def dates_another_clause(token: Token, trigger: Token) -> bool:
    """Whether a date inside the trigger's span dates a clause of its own: a relative clause
    or a verb below the trigger."""
    return in_a_relative_clause(token, trigger) or in_a_verb_below(token, trigger)


def in_a_verb_below(token: Token, verb: Token) -> bool:
    """Whether a date hangs on another verb inside ``verb``'s clause: "blamed the Trump
    administration for disrupting the deal by withdrawing in 2017" dates the withdrawal, not
    the blame."""
    if verb not in token.ancestors:
        return False
    between = token.head
    while between != verb:
        if between.pos_ in {"VERB", "AUX"} and between.tag_ != "VBN":
            return True
        between = between.head
    return False


def _date_the_clause_describes(found: Found) -> Span | None:
    """ "Since August 2022, when the president called for a total war": the call is dated by
    the date its clause hangs on, also from a phrase or a conjunct inside that clause ("in late
    July, when forces detained 33 men and accused them"), and a relative clause by the year of
    its noun ("the 2018 attack, which Britain blamed on Russia")."""
    clause = found.trigger.verb or found.trigger.token
    for _ in range(DESCRIBED_REACH):
        head = clause.head
        if head == clause or clause.dep_ in REPORTED_DEPS:
            return None
        if clause.dep_ in {"relcl", "advcl", "acl"}:
            if head.ent_type_ == "DATE":
                return _entity_at(head)
            if clause.dep_ == "relcl" and (year := _year_of_phrase(head)) is not None:
                return year
        clause = head
    return None


DESCRIBED_REACH = 6  # parse steps from the trigger up to the clause that a date describes
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})  # what someone said is dated by its own words


NOUN_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod"})  # where a noun's year sits


def _year_of(noun: Token) -> Span | None:
    """The year among a noun's own modifiers ("the 2018 attack", "the 1972 Simla Agreement")."""
    for mod in (c for c in noun.children if c.dep_ in NOUN_MODIFIERS):
        if mod.ent_type_ == "DATE" and mod.like_num and len(mod.text) == 4:
            return _entity_at(mod)
    return None


def _year_of_phrase(noun: Token) -> Span | None:
    """The year of the noun phrase a relative clause hangs on, also of the phrase it sits in
    ("the 2018 attack ... on Sergei Skripal and his daughter, which Britain blamed")."""
    for _ in range(PHRASE_REACH):
        year = _year_of(noun)
        if year is not None or noun.dep_ not in PHRASE_DEPS or noun.head == noun:
            return year
        noun = noun.head
    return None


PHRASE_REACH = 5  # parse steps from a relative clause's noun up its phrase
PHRASE_DEPS = frozenset({"conj", "pobj", "prep", "appos"})


def _entity_at(token: Token) -> Span | None:
    """The named entity ``token`` is part of, if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def details(
    trig: Any, found: Found, sent: Span, published: dt.date | None, lex: Lexicon
) -> Details:
    mode, context = mode_and_context(found, sent, lex)
    date = find_date(found, sent, published)
    trigger = found.trigger.verb or found.trigger.token
    earlier = earlier_clause(trigger) if date is not None else None
    return Details(
        mode=mode,
        context=context,
        amount=find_amount(found, sent),
        location=find_location(found, sent),
        event_date=date[0] if date else None,
        date_precision=date[1] if date else None,
        before_its_date=earlier is not None
        and _clause_date(trigger, sent, published, within=earlier) is None,
        long_ago=date is None and told_long_ago(trigger, sent, published),
    )


def told_long_ago(trigger: Token, sent: Span, published: dt.date | None) -> bool:
    """ "In October, Israeli forces fired on UNIFIL positions, in incidents that were condemned
    by Italy": a past act with no date of its own, in a sentence whose every date is more than
    a month old, is told as background with them (only dates of its own clause or the clauses
    above it count; not a year naming a noun, nor "since" a time)."""
    if published is None or not _told_in_the_past(trigger):
        return False
    resolved = [resolve_date(ent.text, published) for ent in _background_dates(sent, trigger)]
    days = [d[0] for d in resolved if d is not None]
    return bool(days) and all(older_than_a_month(day, published) for day in days)


def _background_dates(sent: Span, trigger: Token) -> list[Span]:
    """The dates of the trigger's clause and of the clauses above it."""
    above = {trigger.i, *(a.i for a in trigger.ancestors)}
    return [
        ent
        for ent in sentence_ents(sent)
        if ent.label_ == "DATE" and not ongoing_since(ent) and not _names_a_noun(ent)
        and _verb_of(ent.root).i in above
    ]  # fmt: skip


def _verb_of(token: Token) -> Token:
    """The verb above ``token`` (a date, a noun) in the parse (where the climb stops, if it
    meets none)."""
    for _ in range(DESCRIBED_REACH):
        if token.head == token or token.head.pos_ in {"VERB", "AUX"}:
            return token.head
        token = token.head
    return token


def _names_a_noun(ent: Span) -> bool:
    """ "the 2018 attack", "Russia's February 2022 invasion": a year that says which thing."""
    root = ent.root
    return root.dep_ in NOUN_MODIFIERS and root.head.pos_ in {"NOUN", "PROPN"}


def _told_in_the_past(trigger: Token) -> bool:
    """A verb in the simple past, the past perfect or a past passive, or a noun whose clause
    is told so; not a present perfect ("has demanded since"), which runs up to now, nor a
    modal or an infinitive ("expect to be approved before February 24")."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _verb_of(trigger)
    if verb.tag_ not in {"VBD", "VBN"}:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return auxes <= PAST_AUXILIARIES


# "had sent", "was arrested", "had been detained": nothing else makes the clause past
PAST_AUXILIARIES = frozenset({"had", "was", "were", "did", "been", "'d"})
