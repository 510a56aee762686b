"""Who a mutual act is done with: the parties of "X and Y signed a deal" are each other's
recipients, and a mutual act done "with" a partner is done by both (PLOVER codes reciprocal
acts with every party as actor); a joint act is one event with all its actors; in a visit the
visitor is the actor and the host the recipient (PLOVER CONSULT 'visit')."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import distinct, mention_root, mention_span
from allegiance.events.object_parties import MEETING_NOUNS
from allegiance.events.senses import Trigger
from allegiance.events.syntax import child, told_to_come
from allegiance.models import Location, Mention


def _partners(found: Found) -> list[Mention]:
    """Coordinated actors of a mutual act with no other party named are each other's
    recipients: "Turkey and Sweden signed an agreement" is TUR with SWE and SWE with TUR."""
    if not found.trigger.sense.mutual or len(found.actor_codes()) < 2:
        return []
    return list(found.actors)


def with_partners_as_parties(found: Found, doc: Doc) -> Found:
    """A mutual act done "with" a partner is done by both: "China signed a free trade
    agreement with Mauritius", "held talks with Russian officials" (PLOVER codes reciprocal
    acts with every party as actor). "Agreed with" a view is not mutual: it supports it."""
    sense, verb = found.trigger.sense, found.trigger.verb
    if not sense.mutual or not found.recipients or (verb is not None and verb.lemma_ == "agree"):
        return found
    if not any(m.code for m in found.actors):
        return found
    for mention in found.recipients:
        root = mention_root(doc, mention)
        if root is None or not mention.code or not _done_with(root):
            return found
    return dataclasses.replace(found, actors=[*found.actors, *found.recipients], recipients=[])


# arcs that stay inside one noun phrase: "with Russia's state corporation, Rosatom", "with the
# government in Tripoli"
_PHRASE_ARCS = frozenset({"poss", "compound", "amod", "nmod", "appos", "pobj", "prep"})


def _done_with(token: Token) -> bool:
    """Whether ``token`` is in the phrase governed by "with" ("with Mauritius", "with the
    government in Tripoli"), not in a clause or another phrase's object ("with a visiting
    delegation under which Beijing ...")."""
    while token.dep_ in _PHRASE_ARCS and token.head != token:
        if token.dep_ == "pobj" and token.head.lower_ == "with":
            return True
        token = token.head
    return False


def others_of(found: Found, doc: Doc) -> list[Mention]:
    """The recipients; a mutual act's coordinated parties are each other's, also where what
    was found as the other party is one of them or the venue ("X and Y signed a deal in
    Beijing", "... in Madrid")."""
    partners = _partners(found)
    own = found.actor_codes()
    named = {m.code for m in found.recipients if m.code}
    if partners and named and (named <= own or all(_venue(m, doc) for m in found.recipients)):
        return partners
    return found.recipients or partners


# prepositions of the place where something happened
AT_A_PLACE = frozenset({"in", "at"})


def _venue(mention: Mention, doc: Doc) -> bool:
    """A place named as where something happened ("in Madrid", "at the White House")."""
    root = mention_root(doc, mention)
    return root is not None and root.head.lower_ in AT_A_PLACE


def sides_of(
    found: Found, others: list[Mention], *, mode: str | None
) -> tuple[list[Mention], list[Mention], bool]:
    """(actors, recipients, mutual) of the one event of ``found``. A joint act is one event with
    all its actors ("criticized by the UN, the U.S. and France"). A reciprocal act is one event
    with every party as actor and no recipient, as the manual codes it ("Compound and
    Reciprocal Actors"): the coordinated parties of a mutual act (``others_of`` gave them as
    each other's recipients), and a meeting with no host/visit distinction."""
    actors = list(found.actors)
    if not actors:
        return [], distinct(others), False
    if others == actors and len(found.actor_codes()) > 1:
        return actors, [], True
    if _a_meeting_of_parties(found, others, mode=mode):
        return [*actors, *distinct(others, actors)], [], True
    return actors, distinct(others, actors), False


def _a_meeting_of_parties(found: Found, others: list[Mention], *, mode: str | None) -> bool:
    """A meeting ("Erdogan spoke with Macron") with coded parties on both sides and no
    visitor or host."""
    if found.trigger.sense.type != "CONSULT" or mode == "visit":
        return False
    own = found.actor_codes()
    return bool(own) and any(m.code and m.code not in own for m in others)


def _at_the_venue(mention: Mention, doc: Doc) -> bool:
    """A place named as where it happened, or its owner ("in Qatar's capital")."""
    root = mention_root(doc, mention)
    if root is not None and root.dep_ == "poss":
        root = root.head
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in AT_A_PLACE


def hosted_meeting(
    found: Found, place: Location | None, *, destinations: Sequence[Token] = ()
) -> Found | None:
    """ "Cameroon and C.A.R. officials met in Bangui": a meeting in the country of some of its
    parties is the others' visit to them (PLOVER CONSULT 'visit': the visitor is the actor, the
    host the recipient); None when the place is no party's or every party's. Every place a
    trip went to (``destinations``, "travelled to Riyadh and Beijing") is a host."""
    if found.trigger.sense.type != "CONSULT" or place is None or place.country is None:
        return None
    if hosting_to_come(found.trigger):
        return None
    parties = [*found.actors, *found.recipients]
    doc = found.trigger.token.doc
    # where they met is the venue, not a host ("negotiated with the insurgents in Qatar's
    # capital, Doha")
    visited = {m.code for m in parties if mention_root(doc, m) in destinations}
    host_codes = {place.country, *visited}
    hosts = [m for m in parties if m.code in host_codes and not _at_the_venue(m, doc)]
    guests = [m for m in parties if m.code and m.code not in host_codes]
    if not hosts or not guests or all(_posted_there(m, doc) for m in guests):
        return None
    return dataclasses.replace(found, actors=guests, recipients=hosts)


# who represents a state where the meeting is: no visitor ("Iran's ambassador in Kabul")
POSTED = frozenset({"ambassador", "embassy", "chargé", "charge"})


def _posted_there(mention: Mention, doc: Doc) -> bool:
    """A guest who is its state's ambassador or embassy: met where posted, it is no visit."""
    span = mention_span(doc, mention)
    if span is None:
        return False
    words = [*span, span.root.head] if span.root.dep_ in {"poss", "amod", "compound"} else [*span]
    return any(w.lemma_.lower() in POSTED for w in words)


# what is hosted when no guest is: the meetings whose "of" the parser may misplace, and more
GATHERINGS = MEETING_NOUNS | frozenset(
    {"talk", "talks", "summit", "round", "conference", "event", "forum"}
)


def hosting(trig: Trigger, guests: Sequence[Mention]) -> bool:
    """ "Kenya hosted the Somali president": in a visit the visitor is the actor and the host
    the recipient (PLOVER CONSULT 'visit'), when the guests are the verb's object (not the
    venue of "host a summit in Hiroshima")."""
    verb = trig.verb
    if verb is None or trig.sense.mode != "visit" or verb.lemma_.lower() != "host":
        return False
    if hosting_to_come(trig):
        return False  # "Japan will host the group's leaders": the host promises (AGREE)
    obj = child(verb, ("dobj",))
    if obj is None or not guests or obj.lemma_.lower() in GATHERINGS:
        return False  # "co-hosted the meeting with the UN": a co-host, not a guest
    span = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
    return all(span[0] <= m.start and m.end <= span[1] and m.kind != "city" for m in guests)


def hosting_to_come(trig: Trigger) -> bool:
    """ "will host", "is ready to host", "offered to host": a promise the host makes, whose
    actor is the host (an asserted "hosted" is the guests' visit)."""
    verb = trig.verb
    if verb is None or verb.lemma_.lower() != "host":
        return False
    return verb.dep_ == "xcomp" or told_to_come(verb)


def visitor_named(trig: Trigger, lex: Lexicon) -> bool:
    """ "Blinken assured visiting Australian Foreign Minister Payne": the one named after
    "visiting" is the visitor and the host the subject (the parser hangs the name under
    "visiting")."""
    verb = trig.verb
    if verb is None or trig.sense.mode != "visit" or verb.tag_ != "VBG":
        return False
    head = verb.head
    return (
        verb.dep_ in {"amod", "xcomp"}
        and head.lemma_.lower() in lex.host_verbs
        and child(head, ("dobj",)) is None
        and child(verb, ("dobj",)) is not None
        and child(verb, ("aux",)) is None
    )


# verbs whose object is what is talked about, not who is talked with
TOPIC_VERBS = frozenset({"discuss", "debate"})


def topics_kept_out(found: Found, doc: Doc) -> Found:
    """ "G7 ministers discussed China's role in global security": whose role is talked about
    is the topic's owner, not a party to the talks; the parties are the subject and whoever it
    is "with"."""
    verb = found.trigger.verb
    if found.trigger.sense.type != "CONSULT" or verb is None or verb.lemma_ not in TOPIC_VERBS:
        return found
    topics = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]

    def owns_topic(mention: Mention) -> bool:
        root = mention_root(doc, mention)
        return root is not None and root.dep_ == "poss" and root.head in topics

    kept = [m for m in found.recipients if not owns_topic(m)]
    if len(kept) == len(found.recipients):
        return found
    return dataclasses.replace(found, recipients=kept)
