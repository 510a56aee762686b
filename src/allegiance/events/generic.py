"""Generic, habitual and figurative mentions that tell no happening (the guidelines: "the
group frequently conducts bombings", "the war against IS"): a habit in the present tense, a
standing insurgency, "as opposed to", a condemnation of "any" violence."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.factuality import CESSATION_VERBS
from allegiance.events.lexicon import Lexicon
from allegiance.events.syntax import child

PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def a_present_habit(verb: Token, lex: Lexicon) -> bool:
    """ "The group frequently conducts bombings": a present-tense act done as a habit is a
    description of the actor, not a happening ("soldiers routinely beat up detainees", in the
    past, may report one)."""
    return verb.tag_ in PRESENT_TAGS and habitual(verb, lex)


def a_long_standing_act(verb: Token) -> bool:
    """ "Ankara has long accused Baghdad of ...", "the IMF has long urged Nairobi to ...": a
    present perfect held "long" is a standing position, the story's background, not a
    happening."""
    long_held = any(c.dep_ == "advmod" and c.lower_ == "long" for c in verb.children)
    perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)
    return long_held and perfect


# spans an act is held over without a count: "Iran has denied for years that ...", "for years
# Lukashenko resisted Kremlin pressure" (a sentence "for 15 years" is counted: an act)
LONG_SPANS = frozenset({"years", "decades", "months", "weeks"})


def held_for_years(verb: Token) -> bool:
    """ "Iran has denied for years that its nuclear pursuits are military": an act held for
    years, months or decades, uncounted, is a standing position, not a happening (a fighting
    still going on, "has been shelling Kharkiv for months", is told as news)."""
    if verb.tag_ == "VBG":
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        span = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if span is not None and span.lower_ in LONG_SPANS:
            counted = any(c.dep_ in {"nummod", "det"} for c in span.children)
            if not counted:
                return True
    return False


# adverbs that say an act (almost) never happens: "Najib seldom criticized China"
RARELY = frozenset({"seldom", "rarely", "scarcely"})


def a_rare_act(verb: Token) -> bool:
    """ "Najib seldom criticized China": what one rarely did, in any tense, tells no
    happening."""
    return any(c.dep_ in {"advmod", "neg"} and c.lower_ in RARELY for c in verb.children)


# verbs that make "under" an event befalling its subject: "came under pressure from Washington"
BEFALLING = frozenset({"come", "fall"})
# what one is "under" as a condition, not an act told: "would not negotiate under pressure"
CONDITIONS = frozenset({"pressure", "threat", "sanction", "embargo"})


def a_condition_under(noun: Token) -> bool:
    """ "Tehran would not negotiate under pressure", "a country under sanctions": the
    condition one is in, not an act told (a deal one acts under is still told)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or noun.lemma_.lower() not in CONDITIONS:
        return False
    return prep.head.lemma_.lower() not in BEFALLING


# verbs of keeping something from happening: a restriction only where a party is kept
PREVENTING = frozenset({"prevent", "avert"})
# states of affairs kept from happening, which restrict no one
STATES_OF_AFFAIRS = frozenset({
    "deterioration", "escalation", "spread", "collapse", "recurrence", "repetition", "crisis",
    "famine", "catastrophe", "disaster", "outbreak", "default", "shortage", "bloodshed",
    "instability", "chaos", "loss", "damage", "spillover", "slide", "breakdown",
})  # fmt: skip


def prevents_no_party(verb: Token) -> bool:
    """ "to prevent further deterioration in Bosnia": keeping a state of affairs from
    happening restricts no one ("prevent Iran from acquiring a weapon" and "prevented the
    demonstration" restrict Iran and the demonstrators)."""
    if verb.lemma_.lower() not in PREVENTING:
        return False
    obj = child(verb, ("dobj",))
    return obj is not None and obj.lemma_.lower() in STATES_OF_AFFAIRS


def habitual(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` has an adverb of habit ("routinely", "frequently")."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.habitual_words for c in verb.children)


STANDING_FIGHTS = frozenset({"insurgency", "rebellion", "uprising", "insurrection"})
FIGHTING_VERBS = frozenset({"fight", "wage", "lead", "conduct"})
WAGING = frozenset({"wage", "wages", "waged", "waging"})  # the tagger's lemma may be "wag"


def a_standing_insurgency(verb: Token) -> bool:
    """ "The separatist group has been fighting a deadly insurgency against the state": a
    rebellion fought for years is the story's background, not a happening; so is what a
    participle beside it says the group does ("..., accusing the government of robbing the
    province")."""
    if _fights_an_insurgency(verb):
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and _fights_an_insurgency(verb.head)


def _fights_an_insurgency(verb: Token) -> bool:
    obj = child(verb, ("dobj",))
    return (
        (verb.lemma_.lower() in FIGHTING_VERBS or verb.lower_ in WAGING)
        and obj is not None
        and obj.lemma_.lower() in STANDING_FIGHTS
    )


COUNTED_ACTS = frozenset({"attack", "strike", "raid", "bombing", "incident", "assault"})


def a_tally(verb: Token) -> bool:
    """ "In 2024 the groups killed nearly 400 people in over 500 attacks": a count summed over
    many attacks is a statistic of the story's background, not one happening."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "across"}):
        acts = child(prep, ("pobj",))
        if acts is None or acts.lemma_.lower() not in COUNTED_ACTS or acts.tag_ != "NNS":
            continue
        if any(c.dep_ == "nummod" and _many(c) for c in acts.children):
            return True
    return False


def _many(number: Token) -> bool:
    """Ten or more: "over 500 attacks" tells a tally; "two attacks" may be the story's own."""
    digits = number.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 10


def as_opposed_to(token: Token) -> bool:
    """ "as opposed to decades of U.S. training": a comparison, not an opposition."""
    if token.lower_ != "opposed":
        return False
    return token.head.lower_ == "as" or any(c.lower_ == "as" for c in token.children)


def any_condemned(verb: Token) -> bool:
    """ "saying it condemns any violence against civilians": a condemnation of whatever may
    happen targets no one ("opposes any U.S. arms sales" does: the seller)."""
    obj = child(verb, ("dobj",))
    return (
        verb.lemma_.lower() == "condemn"
        and obj is not None
        and any(c.dep_ == "det" and c.lower_ == "any" for c in obj.children)
    )


ANYONE = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody"})
FORCE_TYPES = frozenset({"COERCE", "ASSAULT"})


def done_to_anyone(verb: Token, kind: str) -> bool:
    """ "Hungary is obliged to arrest anyone subject to its warrants who enters its
    territory": force used on whoever may come is a rule, not a happening ("police arrested
    anyone who joined the march" is one, and "to free anyone detained" frees those held)."""
    obj = child(verb, ("dobj",))
    if kind not in FORCE_TYPES or obj is None or obj.lower_ not in ANYONE:
        return False
    return verb.tag_ not in {"VBD", "VBN"}


DEMANDING_VERBS = frozenset(
    {"urge", "ask", "tell", "call", "appeal", "demand", "press", "pressure", "implore", "order"}
)


def demanded_to_stop(token: Token, lex: Lexicon) -> bool:
    """ "They must stop killing civilians", "urged Russia to stop attacking cities": an act
    someone is told to stop is conduct named in a demand (the demand is the event), not a
    happening of its own ("Russia stopped attacking" still tells one)."""
    stop = token.head
    if token.dep_ != "xcomp" or token.tag_ != "VBG" or stop.lemma_.lower() not in CESSATION_VERBS:
        return False
    while stop.dep_ == "conj" and stop.head != stop:  # "must release X and stop using Y"
        stop = stop.head
    if any(c.dep_ == "aux" and c.lower_ in lex.deontic_modals for c in stop.children):
        return True
    return stop.dep_ == "xcomp" and stop.head.lemma_.lower() in DEMANDING_VERBS
