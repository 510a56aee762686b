"""Whom a verb's object names besides itself: the other party of "ties with X", the holder
of frozen assets, the body a meeting convenes, the author of what is rejected or backed, what
"what X called Y" names, who did what a reported object tells."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.syntax import OBJECTS, SUBJECTS, child, prep_object

MEETING_NOUNS = frozenset({"meeting", "session"})


# nouns of a relation between parties, or of talks held in it: their "with" object is the
# other party ("requested WTO dispute consultations with the U.S.": the U.S.)
RELATION_NOUNS = frozenset({"tie", "relation", "relationship", "cooperation", "partnership",
                            "link", "contact", "dialogue", "alliance", "consultation", "talk",
                            "negotiation"})  # fmt: skip


def _partner_of_ties(obj: Token | None) -> Token | None:
    """ "upgrading India's defense ties with Sri Lanka": Sri Lanka, not India."""
    if obj is None or obj.lemma_.lower() not in RELATION_NOUNS:
        return None
    return prep_object(obj, ("with",))


# what a party holds that a sanction freezes or seizes: whose it is, not where it is from
HOLDINGS = frozenset({"asset", "property", "account", "fund", "holding", "reserve", "deposit"})


def _holder_of_assets(obj: Token | None) -> Token | None:
    """ "froze any U.S. assets held by Nicaragua's Public Ministry", "the U.S. assets of X":
    the holder, not the country the assets are in."""
    if obj is None or obj.lemma_.lower() not in HOLDINGS:
        return None
    for clause in (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        holder = child(agent, ("pobj",)) if agent is not None else None
        if holder is not None:
            return holder
    return prep_object(obj, ("of",))


# documents a party writes and others vote on, and the words that say who wrote them
DRAFTED_THINGS = frozenset({"resolution", "draft", "text", "motion", "proposal", "bill"})
DRAFTING = frozenset({"drafted", "sponsored", "proposed", "authored", "written", "tabled",
                      "penned", "led", "backed"})  # fmt: skip


def _drafter(obj: Token | None) -> Token | None:
    """ "vetoed a US-drafted Security Council resolution": the drafter, whom a veto or a vote
    answers, not the body the resolution is put to."""
    if obj is None or obj.lemma_.lower() not in DRAFTED_THINGS:
        return None
    for mark in (c for c in obj.children if c.dep_ == "amod" and c.lower_ in DRAFTING):
        who = child(mark, ("npadvmod", "compound", "nmod"))
        if who is not None:
            return who
    return None


def _body_convened(verb: Token, obj: Token | None) -> Token | None:
    """ "called a private meeting Wednesday of the U.N. Security Council": the small parser
    hangs the meeting's "of" (on ``obj``, the verb's object) on the verb when a word comes
    between."""
    if obj is None or obj.lemma_ not in MEETING_NOUNS:
        return None
    return prep_object(verb, ("of",))


def object_author(verb: Token) -> Token | None:
    """Whose the rejected or backed thing is: "rejected the allegations made by Pakistan",
    "backed the plan put forward by Egypt"."""
    obj = child(verb, OBJECTS)
    made = child(obj, ("acl",)) if obj is not None else None
    if made is None or made.tag_ != "VBN":
        return None
    agent = child(made, ("agent",))
    return child(agent, ("pobj",)) if agent is not None else None


def what_it_called(verb: Token) -> Token | None:
    """The thing a verb takes as "what X called Y": "rejected what he called Washington's
    interference" rejects the interference (and so Washington)."""
    if child(verb, OBJECTS) is not None:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "call"):
        what = child(clause, ("dobj", "nsubj"))
        if what is not None and what.lower_ == "what":
            return child(clause, ("oprd",))
    return None


def content_subject(verb: Token) -> Token | None:
    """Who did what the object reports: "welcomed the announcement that Ukraine had agreed",
    "condemned reports that Russian troops had shelled the town"."""
    obj = child(verb, OBJECTS)
    for clause in obj.children if obj is not None else ():
        if clause.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in clause.children):
            return child(clause, SUBJECTS)
    return None
