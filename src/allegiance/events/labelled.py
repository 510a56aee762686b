"""Events of calling something a bad name: "Human Rights Watch called the decree 'a blatant
attempt to silence critics'", "Venezuela described the exercises as 'a provocation'". Naming
what someone is or did with a word of blame is a verbal disapproval (PLOVER ACCUSE) of that
party; the label is the evidence, the labelling verb's clause gives the factuality. Calling
a charge a bad name ("called the allegations baseless") rejects it (PLOVER REJECT)."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.noun_phrases import MentionIndex, distinct, np_mentions
from allegiance.events.participants import verb_actors
from allegiance.events.reported import CLAIM_NOUNS, evaluated
from allegiance.events.senses import Trigger
from allegiance.events.syntax import child, prep_object
from allegiance.models import Mention

DISAPPROVE = Sense(type="ACCUSE", mode="disapprove")
DENIAL = Sense(type="REJECT")
PERSONAL = frozenset({"him", "her"})
# words that dismiss a charge (events.reported.CLAIM_NOUNS): "called the allegations
# 'baseless'"
DISMISSALS = frozenset({
    "baseless", "groundless", "unfounded", "false", "absurd", "ridiculous", "fabricated",
    "fabrication", "nonsense", "lie", "lies", "slander", "smear", "fiction", "untrue",
    "motivate", "motivated", "propaganda", "fake", "preposterous", "laughable",
})  # fmt: skip


def label_of(verb: Token, obj: Token | None = None) -> Token | None:
    """The name given: "called the vote *a sham*" (the parser's object predicate), "described
    the plan *as* a betrayal", also where the parser hangs it on the object ("described the
    accusations as *lies*", "called the charges politically *motivated*")."""
    named = child(verb, ("oprd",))
    named = named if named is not None else prep_object(verb, ("as",))
    if named is None and obj is not None:
        named = prep_object(obj, ("as",))
        named = named if named is not None else child(obj, ("acl",))
    return named


def labelled_party(obj: Token, index: MentionIndex) -> list[Mention]:
    """Who is named, or whose named thing it is: "called *him*", "called *China's* deal",
    "called the decision *by NATO*". "Calling *it* a provocation" names an act, not the party
    a pronoun may have been resolved to."""
    if obj.pos_ == "PRON" and obj.lower_ not in PERSONAL:
        return []
    named = np_mentions(obj, index)
    if named:
        return named
    owner = child(obj, ("poss",))
    if owner is None:
        owner = prep_object(obj, ("by",))
    return np_mentions(owner, index) if owner is not None else []


def labelled_events(verb: Token, index: MentionIndex, lex: Lexicon) -> list[Found]:
    """The disapproval of one who calls a party, or what it did, a word of blame; [] where the
    label is not one (a "key partner" or a "summit" names no wrong)."""
    if verb.lemma_.lower() not in lex.label_verbs:
        return []
    obj = child(verb, ("dobj",))
    label = label_of(verb, obj)
    if obj is None or label is None:
        return []
    dismissal = _dismissal(label) if obj.lemma_.lower() in CLAIM_NOUNS else None
    denied = dismissal is not None
    blame = dismissal if denied else evaluated(label, lex)
    if blame is None or not (denied or lex.evaluative[blame.lemma_.lower()] == "negative"):
        return []
    actors = verb_actors(verb, index, lex)
    if not actors:
        return []
    recipients = distinct(labelled_party(obj, index), actors)
    if denied:  # the charge is not the denier's own
        trig = Trigger(verb, DENIAL, verb=verb, consumed=(verb.i, blame.i, obj.i))
    else:
        trig = Trigger(verb, DISAPPROVE, verb=verb, consumed=(verb.i, blame.i))
    return [Found(trig, actors, recipients)]


def _dismissal(label: Token) -> Token | None:
    """The word that dismisses a charge: "baseless", "a fabrication", "politically motivated"."""
    words = (label, *(c for c in label.children if c.dep_ in {"amod", "advmod", "acomp"}))
    return next((w for w in words if w.lemma_.lower() in DISMISSALS), None)
