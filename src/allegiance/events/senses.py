"""Trigger -> PLOVER sense: verbs with their objects and particles, eventive nouns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.syntax import (
    DATIVES,
    OBJECTS,
    PASSIVE_SUBJECTS,
    child,
    describes_a_noun,
    is_passive,
    means_clauses,
    prep_object,
)

MONEY_WORDS = frozenset({"$", "€", "£", "billion", "million", "trillion", "bn", "dollar", "euro"})
MATERIAL_KIND = {
    "military": "military",
    "financial": "economic",
    "economic": "economic",
    "monetary": "economic",
    "budgetary": "economic",
    "humanitarian": "humanitarian",
    "medical": "humanitarian",
}
BYLINE_NOUNS = frozenset({"report", "story", "article", "reporting"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
PERSON_ENTS = frozenset({"PERSON", "NORP", "GPE", "ORG"})
# what a plan or an offensive "meets with": a reception or a bar, not a party
RECEPTION_NOUNS = frozenset({
    "success", "resistance", "criticism", "opposition", "approval", "skepticism", "scepticism",
    "silence", "condemnation", "anger", "outrage", "derision", "applause", "failure",
    "disapproval", "concern", "praise", "acclaim", "fury", "dismay", "backlash", "suspicion",
    "enthusiasm", "indifference", "reaction", "response", "deadline", "target", "goal",
    "requirement", "standard", "expectation", "fate", "end", "death",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    """A resolved trigger: the token shown as trigger, the verb giving participants."""

    token: Token
    sense: Sense
    verb: Token | None = None  # verbal head whose subject/objects are the participants
    transfer: bool = False  # recipient is never the direct object ("sent arms to X")
    reverse: bool = False  # subject receives, "from" object gives
    consumed: tuple[int, ...] = ()  # token indices that must not trigger again
    light: bool = False  # "held talks": the trigger text runs from the verb to the noun


def direct_object(verb: Token) -> Token | None:
    """What the verb acts on: its object, the subject of its passive, or the noun its
    participle describes ("a treaty signed in 1973 by Iran and Afghanistan")."""
    if is_passive(verb):
        return child(verb, PASSIVE_SUBJECTS)
    if describes_a_noun(verb):
        return child(verb, OBJECTS) or verb.head
    return child(verb, OBJECTS) or _object_read_as_a_subject(verb)


def _object_read_as_a_subject(verb: Token) -> Token | None:
    """ "China conducted the military drills encircling Taiwan": the parser often reads the
    object as the subject of a participle that follows it (a clause "drills encircling
    Taiwan"); the noun right after the verb is what the verb acts on."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.tag_ != "VBG" or clause.i < verb.i:
            continue
        subject = child(clause, ("nsubj",))
        if subject is not None and subject.pos_ == "NOUN" and subject.left_edge.i == verb.i + 1:
            return subject
    return None


def _lemma(tok: Token | None) -> str:
    return tok.lemma_.lower() if tok is not None else ""


def _modifier_lemmas(noun: Token) -> set[str]:
    """Lemmas of a noun's modifiers and of their own compounds ("cruise missile strike")."""
    out: set[str] = set()
    for c in noun.children:
        if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i:
            out.add(_lemma(c))
            out.update(_lemma(g) for g in c.children if g.dep_ in {"compound", "amod"})
    return out


def material(noun: Token, sense: Sense, lex: Lexicon) -> Sense:
    """ "military support" is material aid, not verbal support; "air strike" is an assault,
    not a labour strike (the noun_modifier table)."""
    lemma, modifiers = _lemma(noun), _modifier_lemmas(noun)
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep"} if noun.tag_ == "NNS" else set()
    for entry in lex.noun_modifier:
        if lemma in entry.nouns and (modifiers & entry.modifiers or preps & entry.plural_preps):
            return entry.sense
    if sense.type != "SUPPORT":
        return sense
    for c in noun.children:
        if c.dep_ in {"amod", "compound", "conj"} and c.lemma_.lower() in lex.material_modifiers:
            kind = MATERIAL_KIND.get(c.lemma_.lower())
            return replace(sense, type="AID", mode=kind or sense.mode)
    return sense


def noun_phrase_tokens(head: Token) -> list[Token]:
    """The head, its conjuncts and their non-clausal dependents (what is transferred)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(
            c for c in tok.children if c.dep_ not in {"relcl", "acl", "advcl", "punct", "cc"}
        )
    return out


def aid_kind(obj: Token, lex: Lexicon) -> str | None:
    """What kind of aid an object phrase is (military, economic, ...), None if not aid."""
    kinds = []
    for tok in noun_phrase_tokens(obj):
        lemma = tok.lemma_.lower()
        if lemma in lex.aid_objects:
            kinds.append(lex.aid_objects[lemma])
        elif tok.lower_ in MONEY_WORDS or tok.text in {"$", "€", "£"}:
            kinds.append("economic")
    for kind in ("military", "humanitarian", "technical", "economic"):
        if kind in kinds:
            return kind
    return "general" if kinds else None


def _verb_object_sense(verb: Token, obj: Token | None, lex: Lexicon) -> Sense | None:
    lemma = _phrasal_lemma(verb, lex)
    obj = _crew_members(obj, lex) or obj
    named = [obj, *obj.conjuncts] if obj is not None else []
    objects = {_lemma(obj)} | {name for o in named for name in _object_names(o)}
    pobj = prep_object(verb, ("to", "on", "of", "under"))
    if pobj is not None:
        objects.add(_lemma(pobj))
    small = child(verb, ("ccomp",))  # "declared the ambassador persona non grata"
    if small is not None and small.pos_ == "NOUN":
        objects.add(_lemma(small))
    if obj is not None and _lemma(obj) in lex.collective_nouns:
        counted = prep_object(obj, ("of",))  # "a new package of sanctions"
        if counted is not None:
            objects.add(_lemma(counted))
    for entry in lex.verb_object:
        if lemma in entry.verbs and objects & entry.objects:
            return entry.sense
    return None


def _object_names(obj: Token) -> set[str]:
    """An object's lemma, and with its compound first word ("water cannon", "tear gas")."""
    first = [_lemma(c) for c in obj.children if c.dep_ == "compound"]
    return {_lemma(obj), *(f"{word} {_lemma(obj)}" for word in first)}


def _crew_members(obj: Token | None, lex: Lexicon) -> Token | None:
    """ "teams of military trainers": the people a crew noun is made of, if it says."""
    if obj is None or _lemma(obj) not in lex.crew_nouns:
        return None
    return prep_object(obj, ("of",))


def _phrasal_lemma(verb: Token, lex: Lexicon) -> str:
    """ "call off" where a verb-object entry lists it ("called off the meeting" is not
    "called the meeting"), else the verb's lemma."""
    lemma = _lemma(verb)
    for particle in (c.lower_ for c in verb.children if c.dep_ == "prt"):
        phrasal = f"{lemma} {particle}"
        if any(phrasal in entry.verbs for entry in lex.verb_object):
            return phrasal
    return lemma


def _verb_subject_sense(verb: Token, lex: Lexicon) -> Sense | None:
    """Sense from what does it: "troops arrived", "was hit by missiles" (the passive agent)."""
    subj = prep_object(verb, ("by",)) if is_passive(verb) else child(verb, ("nsubj",))
    if subj is None:
        return None
    words = {_lemma(t) for t in noun_phrase_tokens(subj)}
    lemma = _lemma(verb)
    for entry in lex.verb_subject:
        if lemma in entry.verbs and words & entry.objects:
            return entry.sense
    return None


def eventive_noun(noun: Token | None, lex: Lexicon) -> Token | None:
    """The eventive noun of an object: itself, what a collection or a time span counts ("a
    series of airstrikes", "eight hours of talks"), or the modifier of a carrier ("mediation
    effort")."""
    if noun is None:
        return None
    lemma = _lemma(noun)
    if lemma in lex.nouns:
        return noun
    if lemma in lex.collective_nouns or lemma in lex.duration_nouns:
        counted = prep_object(noun, ("of",))
        return counted if counted is not None and _lemma(counted) in lex.nouns else None
    if lemma in lex.carrier_nouns:
        for c in noun.children:
            if c.dep_ in {"compound", "amod"} and _lemma(c) in lex.nouns:
                return c
    return None


def _phrasal_sense(verb: Token, lex: Lexicon) -> Sense | None:
    for c in verb.children:
        if c.dep_ in {"prt", "prep", "advmod"}:
            sense = lex.phrasal.get((_lemma(verb), c.lower_))
            if sense is not None and _needs_met(verb, sense, direct_object(verb)):
                return sense
    return None


def embedded_type(verb: Token, lex: Lexicon) -> str | None:
    """Event type of the clause or noun a verb governs ("demanded a meeting", "refused to aid")."""
    for c in verb.children:
        if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}:
            found = verb_trigger(c, lex)
            if found is not None:
                return found.sense.type
    obj = child(verb, OBJECTS) or prep_object(verb, ("for", "to", "on"))
    if obj is not None and _lemma(obj) in lex.nouns:
        return lex.nouns[_lemma(obj)].type
    return None


# what one dismisses as false or unfounded is rejected; anything else dismissed "as a sham" is
# judged (PLOVER ACCUSE, disapprove)
ANSWERED_CLAIMS = frozenset({
    "accusation", "allegation", "claim", "charge", "criticism", "report", "finding", "verdict",
    "ruling", "warrant", "statement", "proposal", "plan", "offer", "idea", "call", "demand",
    "request", "concern", "suggestion", "speculation", "rumor", "rumour", "threat",
})  # fmt: skip


def _dismissed_as(verb: Token) -> bool:
    """ "dismissed the November vote as a sham", "dismissed Putin's response as ...": a
    judgement of the thing, not the rejection of a claim ("dismissed the claims as baseless")."""
    if _lemma(verb) != "dismiss":
        return False
    obj = child(verb, OBJECTS)
    # "a threat that Iranian officials dismiss as bluster": what a relative clause dismisses
    # is named outside it, and is mostly a claim
    if obj is None or obj.lower_ in {"that", "which"} or _lemma(obj) in ANSWERED_CLAIMS:
        return False
    near = (*verb.children, *obj.subtree)
    return any(t.lower_ == "as" and t.dep_ == "prep" and t.i > obj.i for t in near)


MEETING_WORDS = frozenset({"talk", "meeting", "summit", "meet", "discuss", "negotiate",
                           "consultation", "discussion", "negotiation", "hold"})  # fmt: skip


def _meetings_for(verb: Token) -> list[Token]:
    """What one travels for: "travelled to Washington for talks" -> talks."""
    preps = (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for")
    return [o for p in preps for o in p.children if o.dep_ == "pobj" and _lemma(o) in MEETING_WORDS]


def _met_there(verb: Token) -> bool:
    """ "travelled to Cairo for talks with al-Sisi", "flew to Jeddah and met the crown
    prince": the meeting names whom, and is the event; the journey is only its place."""
    met = [c for c in verb.children if c.dep_ in {"conj", "xcomp", "advcl"}]
    met = [c for c in met if _lemma(c) in MEETING_WORDS and child(c, OBJECTS) is not None]
    talks = [t for t in _meetings_for(verb) if prep_object(t, ("with",)) is not None]
    return bool(met or talks)


def _refine(verb: Token, sense: Sense, lex: Lexicon) -> Sense:
    """Mode of REQUEST/REJECT from what is asked; AGREE to use force is a THREATEN; a protest
    voiced in words ("X protested that ...") is ACCUSE, not a street protest."""
    if sense.type == "PROTEST" and any(c.dep_ == "ccomp" for c in verb.children):
        return replace(sense, type="ACCUSE", mode="disapprove")
    if _dismissed_as(verb):
        return replace(sense, type="ACCUSE", mode="disapprove")
    if sense.type not in {"REQUEST", "REJECT", "AGREE"}:
        return sense
    inner = embedded_type(verb, lex)
    if inner is None:
        return sense
    if sense.type == "AGREE" and inner in CONFLICT_TYPES:
        return replace(sense, type="THREATEN", mode="violence" if inner == "ASSAULT" else None)
    if sense.type != "AGREE" and sense.mode is None:
        return replace(sense, mode=lex.request_modes.get(inner, "change"))
    return sense


# "denied that it had rejected the offer": denying a refusal refuses nothing; the refusal
# told in the clause is the event, negated
REFUSALS = frozenset({"reject", "refuse", "deny", "decline", "dismiss", "rebuff"})


def denied_clause(verb: Token) -> Token | None:
    """What a denial denies when it is told as a clause: "denied that its troops were
    involved", "denies hiring Wagner fighters"."""
    return next((c for c in verb.children if c.dep_ == "ccomp"
                 or (c.dep_ == "xcomp" and c.tag_ == "VBG")), None)  # fmt: skip


def _denied_thing(verb: Token) -> Token | None:
    """ "a charge Moscow denied", "an accusation the government denies": a relative clause
    with no object of its own denies the noun it describes."""
    if verb.dep_ != "relcl" or child(verb, ("nsubj",)) is None:
        return None
    return verb.head if verb.head.pos_ == "NOUN" else None


def _needs_met(verb: Token, sense: Sense, obj: Token | None) -> bool:
    if sense.needs == "person_object":
        return obj is not None and obj.ent_type_ in PERSON_ENTS
    if sense.needs == "not_auxiliary":  # "help make a deal" is not aid; "helped Mauritius
        # build an airstrip" is (the clause has its own subject, the one helped)
        comps = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
        return obj is not None or all(child(c, ("nsubj",)) is not None for c in comps)
    if sense.needs == "noun_object":
        return obj is not None and obj.pos_ in {"NOUN", "PROPN"}
    if sense.needs == "denial":  # "denied the charges", "denied that its troops were
        # involved", "denies hiring Wagner fighters", "a charge Moscow denied"
        clause = denied_clause(verb)
        if obj is None and clause is None:
            return _denied_thing(verb) is not None
        return obj is not None or (clause is not None and clause.lemma_ not in REFUSALS)
    if sense.needs == "no_object":  # "conferred with", not "conferred an honour on"
        return obj is None
    if sense.needs == "no_instrument":  # "retaliated with tariffs": the tariffs are the event,
        # as is the act it was done by ("retaliated by banning sales")
        done_by = any(c.tag_ == "VBG" for c in means_clauses(verb))
        return prep_object(verb, ("with",)) is None and not done_by
    if sense.needs == "destination":  # "flew to Athens", not "flew jets to" or "was flown to"
        to = prep_object(verb, ("to",))
        moved = obj is not None or is_passive(verb)
        return to is not None and to.ent_type_ == "GPE" and not moved and not _met_there(verb)
    if sense.needs == "met_party":  # "met Modi", "met with rebels"; not "met with criticism"
        met = obj if obj is not None else prep_object(verb, ("with",))
        return met is None or _lemma(met) not in RECEPTION_NOUNS
    if sense.needs == "strike_object":  # "went on strike", not "the talks went on"
        return _on_strike(verb)
    if sense.needs == "demand":
        return prep_object(verb, ("on",)) is not None or any(_demanded(c) for c in verb.children)
    if sense.needs == "addressee":  # "warned Kyiv that ...", not "warned of a resurgence"
        said = any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
        return obj is not None or child(verb, DATIVES) is not None or said
    return True


OBLIGING = frozenset({"must", "should"})


def _demanded(clause: Token) -> bool:
    """A clause that says what must be, not what is: "that troops must leave", "that any deal
    lead to ..." (a bare verb, the subjunctive), "to be heard"."""
    if clause.dep_ == "xcomp":
        return True
    if clause.dep_ != "ccomp":
        return False
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in OBLIGING for a in auxes):
        return True
    return clause.tag_ == "VB" and not auxes


def _on_strike(verb: Token) -> bool:
    obj = prep_object(verb, ("on",))
    return obj is not None and obj.lemma_.lower() == "strike"


TRADED = frozenset({"sell"})  # what is sold is aid only if its kind says so


def _transfer(verb: Token, obj: Token | None, lex: Lexicon, *, reverse: bool) -> Trigger | None:
    obj = _crew_members(obj, lex) or obj
    if obj is not None and _lemma(obj) in lex.nouns and lex.nouns[_lemma(obj)].type != "AID":
        sense = material(obj, lex.nouns[_lemma(obj)], lex)
        return Trigger(obj, sense, verb=verb, consumed=(obj.i,))
    to = prep_object(verb, ("to",))
    if to is not None and _lemma(to) in BYLINE_NOUNS:
        return None  # "X contributed to this report"
    if obj is not None and _lemma(obj) in lex.deadline_spans and _to_do(verb, obj):
        # "had given the U.N. Refugee Agency 14 days to present a plan": an ultimatum
        return Trigger(verb, Sense(type="REQUEST", confidence=0.6), verb=verb, consumed=(obj.i,))
    if obj is not None and _lemma(obj) in lex.not_transferred:
        return None  # "sent a letter to"
    supplied = prep_object(verb, ("with",))
    if not reverse and obj is not None and supplied is not None and aid_kind(obj, lex) is None:
        # "provided Ukraine with $2 billion": the object receives what the with-phrase names
        kind = aid_kind(supplied, lex)
        if kind is not None:
            return _aid_trigger(verb, supplied, kind, transfer=False, reverse=False)
    kind = aid_kind(obj, lex) if obj is not None else None
    has_recipient = child(verb, DATIVES) is not None or prep_object(verb, ("to",)) is not None
    if kind is None and (reverse or not has_recipient or _lemma(verb) in TRADED):
        return None  # "sold oil to China": trade, not aid (arms sold are: "sold F-16 jets")
    if reverse and _giver(verb, obj) is None:
        return None  # "to help Ukraine buy ammunition": bought from no one named, no aid
    return _aid_trigger(verb, obj, kind, transfer=True, reverse=reverse)


def _giver(verb: Token, obj: Token | None) -> Token | None:
    """Whom what is received comes from: "bought missiles from Russia", "getting help from
    North Korea" (the parser may hang the "from" on the thing)."""
    found = prep_object(verb, ("from",))
    return found if found is not None or obj is None else prep_object(obj, ("from",))


def _to_do(verb: Token, span: Token) -> bool:
    """A time given "to" do something: "48 hours to comply", "14 days to present a plan"."""
    clauses = [c for c in span.children if c.dep_ in {"relcl", "acl"}]
    clauses += [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.i > span.i]
    return any(any(a.lower_ == "to" for a in c.children) for c in clauses)


def _aid_trigger(
    verb: Token, what: Token | None, kind: str | None, *, transfer: bool, reverse: bool
) -> Trigger:
    mode = kind if kind in {"military", "economic", "humanitarian"} else None
    confidence = 0.75 if kind is not None else 0.5
    sense = Sense(type="AID", mode=mode, confidence=confidence)
    consumed = tuple(t.i for t in noun_phrase_tokens(what)) if what is not None else ()
    return Trigger(verb, sense, verb=verb, transfer=transfer, reverse=reverse, consumed=consumed)


# what brings aid when it arrives: "a Qatari cargo plane carrying medicine landed in Kabul"
AID_CARRIERS = frozenset({
    "plane", "aircraft", "airplane", "flight", "ship", "vessel", "truck", "lorry", "convoy",
    "cargo", "shipment", "consignment", "airlift",
})  # fmt: skip
ARRIVING = frozenset({"arrive", "land", "reach"})
CARRYING = frozenset({"carry", "bring", "transport", "load", "deliver"})


def aid_carried(verb: Token, lex: Lexicon) -> Token | None:
    """The aid a plane, ship or convoy brings as it arrives ("a Saudi plane carrying 35 tonnes
    of food landed at Aleppo airport", "a convoy of medicine reached Gaza"): the arrival is the
    aid given (PLOVER AID), from whoever the carrier belongs to, to where it arrives."""
    subject = child(verb, ("nsubj",))
    if _lemma(verb) not in ARRIVING or subject is None or _lemma(subject) not in AID_CARRIERS:
        return None
    held = [prep_object(subject, ("of", "with"))]
    held += [child(c, ("dobj",)) for c in subject.children if c.dep_ == "acl"
             and _lemma(c) in CARRYING]  # fmt: skip
    cargo = [t for t in held if t is not None and aid_kind(t, lex) not in {None, "economic"}]
    return cargo[0] if cargo else None


def verb_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """The sense of a verb token in context, or None if it is not an event here."""
    lemma = _lemma(verb)
    obj = direct_object(verb)
    sense = (
        _verb_object_sense(verb, obj, lex)
        or _phrasal_sense(verb, lex)
        or _verb_subject_sense(verb, lex)
    )
    if sense is not None:
        consumed = (obj.i,) if obj is not None else ()
        return Trigger(verb, _refine(verb, sense, lex), verb=verb, consumed=consumed)
    if lemma in lex.pledge_verbs and obj is not None and aid_kind(obj, lex) is not None:
        return _promised_aid(verb, obj, lex)
    cargo = aid_carried(verb, lex)
    if cargo is not None:
        return _aid_trigger(verb, None, aid_kind(cargo, lex), transfer=False, reverse=False)
    noun = eventive_noun(obj, lex) if lemma in lex.light_verbs else None
    if noun is not None and noun_needs_met(noun, lex.nouns[_lemma(noun)]):
        noun_sense = material(noun, lex.nouns[_lemma(noun)], lex)
        light = verb.i < noun.i
        return Trigger(noun, noun_sense, verb=verb, consumed=(noun.i,), light=light)
    if lemma in lex.transfer_verbs or lemma in lex.receive_verbs:
        return _transfer(verb, obj, lex, reverse=lemma in lex.receive_verbs)
    sense = lex.verbs.get(lemma)
    if sense is None or not _needs_met(verb, sense, obj):
        return None
    consumed = (obj.i,) if obj is not None and _lemma(obj) in lex.nouns and not _owned(obj) else ()
    if sense.needs == "destination":  # "travelled to Washington for talks": one visit
        consumed = (*consumed, *(t.i for t in _meetings_for(verb)))
    return Trigger(verb, _refine(verb, sense, lex), verb=verb, consumed=consumed)


# "announced $47 million in humanitarian aid for Sudan": the aid is given, as the gold codes it
GIVING_ANNOUNCEMENTS = frozenset({"announce", "unveil"})


LATER_WORDS = frozenset({"next", "coming", "future", "following", "upcoming"})


def _for_later(verb: Token) -> bool:
    """ "announced 3.5 billion euros in military support for Ukraine for next year": aid
    for a time to come is still a promise."""
    return any(t.lower_ in LATER_WORDS for t in verb.subtree)


def _promised_aid(verb: Token, obj: Token, lex: Lexicon) -> Trigger:
    """ "approved new aid": a promise of aid, which the PLOVER manual codes AGREE; aid
    announced for someone ("announced $300 million in aid for Sudan") is AID given."""
    consumed = tuple(t.i for t in noun_phrase_tokens(obj))
    sense = Sense(type="AGREE", confidence=0.6)
    if _lemma(verb) in GIVING_ANNOUNCEMENTS and not _for_later(verb):
        sense = Sense(type="AID", mode=aid_kind(obj, lex), confidence=0.6)
    return Trigger(verb, sense, verb=verb, consumed=consumed)


def _owned(noun: Token) -> bool:
    """A noun event with its own possessor ("supporting Russia's attack") stays an event."""
    return any(c.dep_ == "poss" for c in noun.children)


def noun_trigger(noun: Token, lex: Lexicon) -> Trigger | None:
    """The sense of an eventive noun, or None (modifier use, wrong number, unmet need)."""
    sense = lex.nouns.get(_lemma(noun))
    if sense is None or noun.dep_ == "compound":
        return None
    if sense.plural_only and noun.tag_ not in {"NNS", "NNPS"}:
        return None
    if not noun_needs_met(noun, sense):
        return None
    return Trigger(noun, material(noun, sense, lex))


def noun_needs_met(noun: Token, sense: Sense) -> bool:
    """ "call" is a request only as "call for"; "relief" is aid only for or to someone or as
    material ("relief supplies" is a compound), not a feeling ("expressed relief")."""
    if sense.needs == "call_for":
        return prep_object(noun, ("for",)) is not None
    if sense.needs == "recipient_prep":
        return prep_object(noun, ("for", "to")) is not None
    if sense.needs == "two_parties":  # "a deal between X and Y", "the X-Y deal", not "the deal"
        return prep_object(noun, ("between",)) is not None or any(
            c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and c.pos_ == "PROPN"
            for c in noun.children
        )
    return True
