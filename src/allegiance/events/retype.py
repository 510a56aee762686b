"""A candidate's type read again once its participants are known: who acts on whom can
decide between two PLOVER types that one trigger word leaves open."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from allegiance.events.factuality import CESSATION_VERBS, local_factuality
from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon
from allegiance.events.nonevents import ARMED_SECTORS
from allegiance.events.noun_phrases import PLACE_KINDS, STATE_KINDS, MentionIndex, np_mentions
from allegiance.events.participants import verb_actors
from allegiance.events.senses import direct_object
from allegiance.events.syntax import child, prep_object
from allegiance.models import Mention

# restrictions a state may put on another state; a crackdown, a blockade, a siege or
# harassment stays a coercion whoever suffers it
RESTRICTION_LEMMAS = frozenset(
    {"ban", "restrict", "restriction", "impose", "tighten", "prevent", "block", "outlaw",
     "curb", "limit"}
)  # fmt: skip
COERCION_OBJECTS = frozenset({"blockade", "siege", "curfew", "crackdown"})

# what one "agrees with" when agreeing is approval: a policy, a plan, a view
APPROVED_THINGS = frozenset(
    {"proposal", "plan", "position", "view", "assessment", "idea", "approach", "decision",
     "call", "stance", "policy", "statement", "suggestion", "conclusion", "initiative",
     "proposition", "analysis", "move", "request", "demand"}
)  # fmt: skip


# "ready to accept", "willing to help": a willingness stated now is an agreement now
WILLINGNESS = frozenset({"ready", "willing", "prepared", "open", "eager"})
BACKING_LEMMAS = frozenset({"support", "back", "assist"})
COOPERATIVE_TYPES = frozenset(
    {"AGREE", "AID", "SUPPORT", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
)


def retyped(found: Found, index: MentionIndex, lex: Lexicon) -> Found:
    found = _forces_sent_to_a_place(found)
    found = _approval(_sanction_on_a_state(_deployed_to_host(found, index)), index)
    found = _leaving_a_body(_military_backing(_willingness(_attacked_for(found), lex)))
    found = _guest_welcomed(_economic_retaliation(found, lex), index)
    return _refusal_stated(_unrecognised(_aid_stopped(found, index, lex), lex))


RETALIATING = frozenset({"retaliate", "retaliation"})
# what a trade reprisal is told with, besides the lexicon's economic cues
TRADE_MEASURES = frozenset({"sanction", "duty", "levy", "embargo", "quota", "ban"})


def _economic_retaliation(found: Found, lex: Lexicon) -> Found:
    """ "Canada and China retaliated against sweeping U.S. tariffs", "fearing retaliation from
    Beijing" over tariffs on its cars: a reprisal in a trade quarrel is a SANCTION, not an
    ASSAULT (as the gold codes "The EU retaliated at the time with duties on bourbon")."""
    token = found.trigger.token
    if found.trigger.sense.type != "ASSAULT" or token.lemma_.lower() not in RETALIATING:
        return found
    words = {t.lemma_.lower() for t in token.sent}
    economic = any(lex.context_cues.get(w) == "economic" for w in words)
    if not economic and not words & TRADE_MEASURES:
        return found
    return _with_type(found, "SANCTION", None)


WELCOMING = frozenset({"welcome", "greet"})
# where a guest is welcomed: a place, not a body joined ("welcomed Finland to NATO")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _guest_welcomed(found: Found, index: MentionIndex) -> Found:
    """ "Orban welcomed Netanyahu to Budapest": a guest welcomed to a place is a visit the
    host receives (PLOVER CONSULT 'visit': the visitor is the actor, the host the
    recipient), not praise of the guest."""
    trig = found.trigger
    verb = trig.verb
    if trig.sense.type != "SUPPORT" or verb is None or trig.token != verb:
        return found
    if verb.lemma_.lower() not in WELCOMING or not found.actors or not found.recipients:
        return found
    guest = child(verb, ("dobj",))
    place = prep_object(verb, ("to", "in", "at"))
    if guest is None or place is None or not _a_place(place, index):
        return found
    # the guest is the party itself, not a thing of its ("welcomed the Saudi decision")
    if index.at_token(guest) != found.recipients[0]:
        return found
    welcomed = _with_type(found, "CONSULT", "visit")
    return dataclasses.replace(welcomed, actors=found.recipients, recipients=found.actors)


def _a_place(token: Token, index: MentionIndex) -> bool:
    """A place named, or a seat of government ("to the White House")."""
    if token.ent_type_ in PLACE_ENTITIES:
        return True
    return any(m.kind in PLACE_KINDS for m in np_mentions(token, index))


# what "will not" or "would not" refuses: accepting, meeting, negotiating, recognising,
# restoring ties (not resigning or retaliating, which stay acts that did not happen)
REFUSABLE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "CONCEDE"})
WILL = frozenset({"will", "would", "wo", "shall"})


def _refusal_stated(found: Found) -> Found:
    """ "Bamako would not accept a drawn-out departure", "Iran will not negotiate under
    pressure": a cooperation its party says it will not do is a refusal stated now (PLOVER
    REJECT: "refuse to ... negotiate, meet, accept"), not an agreement that did not happen."""
    verb = found.trigger.verb
    if found.trigger.sense.type not in REFUSABLE_TYPES or verb is None:
        return found
    if found.trigger.token != verb or not found.actors:
        return found
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not any(c.dep_ == "neg" for c in verb.children) or not aux & WILL:
        return found
    refused = _with_type(found, "REJECT", None, mutual=False)  # refused *to* the partner
    return dataclasses.replace(refused, factuality="asserted")


RECOGNISING = frozenset({"recognize", "recognise"})
# what one submits to, not a state or government one may recognise diplomatically
AUTHORITIES = frozenset({
    "court", "tribunal", "prosecutor", "verdict", "ruling", "judgment", "judgement",
    "jurisdiction", "result", "results", "election", "vote", "decision", "authority", "law",
    "warrant", "sentence", "referendum", "mandate",
})  # fmt: skip


def _unrecognised(found: Found, lex: Lexicon) -> Found:
    """ "Dodik does not recognize either the Bosnian court": refusing to recognize a court, a
    ruling or a vote is a rejection done now (PLOVER REJECT), not a support that did not
    happen. Not recognising a state or a government ("Tehran has not recognised the Taliban
    administration") stays diplomatic support withheld, and a refusal to come ("would not
    recognize") keeps its own reading."""
    verb = found.trigger.verb
    if found.trigger.sense.type != "SUPPORT" or verb is None:
        return found
    if verb.lemma_.lower() not in RECOGNISING or found.trigger.token != verb:
        return found
    authority = child(verb, ("dobj",))
    if authority is None or not any(t.lemma_.lower() in AUTHORITIES for t in authority.subtree):
        return found
    children = [c for c in verb.children if c.dep_ in {"neg", "aux"}]
    if not any(c.dep_ == "neg" for c in children) or any(c.lower_ in lex.modals for c in children):
        return found
    return dataclasses.replace(_with_type(found, "REJECT", None), factuality="asserted")


# what one is attacked *for* is a fault: "Trump attacked the newspaper for refusing to
# support his plans" is a criticism (ACCUSE 'disapprove'), not an assault
VERBAL_ATTACKS = frozenset({"attack", "assail", "blast", "slam", "lambast", "lash"})


def _attacked_for(found: Found) -> Found:
    verb = found.trigger.verb
    if verb is None or found.trigger.sense.type != "ASSAULT":
        return found
    if verb.lemma_.lower() not in VERBAL_ATTACKS:
        return found
    if any(m.sector in ARMED_SECTORS for m in found.actors):
        return found  # "Russian forces attacked Kharkiv for the third night"
    fault = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if fault is None or not any(_a_fault(c) for c in fault.children):
        return found
    return _with_type(found, "ACCUSE", "disapprove")


def _a_fault(token: Token) -> bool:
    if token.dep_ == "pcomp":
        return True  # "for refusing to support his plans"
    return token.dep_ == "pobj" and not token.ent_type_ and token.lemma_.lower() not in SPELLS


# nouns of how long or how often, not of a fault ("for the third night in a row")
SPELLS = frozenset({"night", "day", "week", "month", "year", "time", "hour", "while", "weekend"})


def _with_type(found: Found, kind: str, mode: str | None, *, mutual: bool | None = None) -> Found:
    """``found`` read as another type (and mode); ``mutual`` set when given, else kept."""
    trig = found.trigger
    sense = dataclasses.replace(trig.sense, type=kind, mode=mode)
    if mutual is not None:
        sense = dataclasses.replace(sense, mutual=mutual)
    return dataclasses.replace(found, trigger=dataclasses.replace(trig, sense=sense))


def _deployed_to_host(found: Found, index: MentionIndex) -> Found:
    """Forces sent *to* a state ("soldiers were deployed to Russia") serve it: military aid
    to the host (PLOVER AID: "military assistance including arms and personnel"), not a
    mobilization against it (MOBILIZE's recipient is whom the forces threaten)."""
    trig = found.trigger
    if trig.sense.type != "MOBILIZE" or trig.verb is None or not found.recipients:
        return found
    dest = prep_object(trig.verb, ("to",))
    hosts = np_mentions(dest, index) if dest is not None else []
    if not hosts or hosts[0] != found.recipients[0] or hosts[0].kind != "country":
        return found
    return _with_type(found, "AID", "military")


# forces and ships: sent to a place, not handed to a party, they are deployed
SHIPS = frozenset({"warship", "vessel", "frigate", "destroyer", "ship", "carrier", "submarine",
                   "boat"})  # fmt: skip
FORCES = SHIPS | frozenset({
    "troop", "soldier", "force", "reinforcement", "unit", "battalion", "brigade", "personnel",
})  # fmt: skip
SENDING = frozenset({"send", "dispatch"})


def _forces_sent_to_a_place(found: Found) -> Found:
    """ "China sent warships to the Taiwan Strait", "Brazil sent extra troops to its northern
    state": forces sent where no party receives them are deployed (PLOVER MOBILIZE), not
    given as aid; sent to a state they serve it ("France sent troops to Mali": AID)."""
    trig = found.trigger
    if trig.sense.type != "AID" or trig.verb is None or trig.verb.lemma_.lower() not in SENDING:
        return found
    obj = direct_object(trig.verb)
    if obj is None or obj.lemma_.lower() not in FORCES:
        return found
    if any(m.code for m in found.recipients):
        return found
    mode = "weapons" if obj.lemma_.lower() in SHIPS else "troops"
    return _with_type(found, "MOBILIZE", mode)


def _sanction_on_a_state(found: Found) -> Found:
    """A restriction one state (or an organisation of states) puts on another state ("Italy
    tightened restrictions on travel from India", "the U.S. banned the supply of chips to
    China") withdraws cooperation: PLOVER SANCTION. Restricting one's own people or places
    stays COERCE."""
    trig = found.trigger
    if trig.sense.type != "COERCE" or trig.sense.mode != "restrict":
        return found
    lemmas = {trig.token.lemma_.lower(), trig.verb.lemma_.lower() if trig.verb else ""}
    obj = direct_object(trig.verb) if trig.verb is not None else None
    if obj is not None and obj.lemma_.lower() in COERCION_OBJECTS:
        return found
    if not lemmas & RESTRICTION_LEMMAS or not _states_on_others(found):
        return found
    return _with_type(found, "SANCTION", "discontinue")


def _states_on_others(found: Found) -> bool:
    own = {m.code for m in found.actors}
    return (
        bool(found.actors and found.recipients)
        and all(_acts_for_a_state(m) for m in found.actors)
        and all(m.kind in STATE_KINDS and m.code not in own for m in found.recipients)
    )


def _acts_for_a_state(mention: Mention) -> bool:
    """A state, an organisation of states, or a person of either acting for it."""
    kind = mention.kind in STATE_KINDS | {"person", "igo"}
    return kind and mention.code is not None and mention.sector in (None, "GOV", "IGO")


def _approval(found: Found, index: MentionIndex) -> Found:
    """Agreeing *with* a party's proposal or view ("the G7 ministers agree with the U.S.
    proposal") and a commitment *to* a party ("commitment to Israel's security") approve of
    it: PLOVER SUPPORT. Agreeing to do something, or with a party to do it, stays AGREE."""
    trig = found.trigger
    if trig.sense.type != "AGREE" or not found.recipients:
        return found
    lemma = trig.token.lemma_.lower()
    if lemma == "agree" and _agrees_with_a_thing(trig.token):
        return _with_type(found, "SUPPORT", None)
    if lemma in {"commitment", "commit"} and _committed_to_a_party(trig.token, index):
        return _with_type(found, "SUPPORT", None)
    return found


def _willingness(found: Found, lex: Lexicon) -> Found:
    """ "Ukraine said it is ready to accept the proposal", "the UNHCR is ready to support
    Kenya": the stated willingness is the event, an AGREE told now (PLOVER AGREE: "indicate
    willingness to cooperate"), unless the willingness itself is denied or conditional."""
    trig = found.trigger
    verb = trig.verb if trig.verb is not None else trig.token
    adjective = verb.head
    if (
        trig.sense.type not in COOPERATIVE_TYPES
        or verb.dep_ != "xcomp"
        or adjective.pos_ != "ADJ"
        or adjective.lemma_.lower() not in WILLINGNESS
    ):
        return found
    told = local_factuality(adjective, lex) or local_factuality(adjective.head, lex)
    agreed = _with_type(found, "AGREE", None)
    return dataclasses.replace(agreed, factuality=told or "asserted")


def _military_backing(found: Found) -> Found:
    """ "Somali soldiers, supported by the U.S. military", "forces backed by Djiboutian
    soldiers": one force fighting beside another is military aid to it (PLOVER AID: military
    assistance including personnel), not a political statement of support."""
    trig = found.trigger
    forces = [*found.actors, *found.recipients]
    if (
        trig.sense.type != "SUPPORT"
        or trig.token.lemma_.lower() not in BACKING_LEMMAS
        or not found.actors
        or not found.recipients
        or any(m.sector != "MIL" for m in forces)
    ):
        return found
    return _with_type(found, "AID", "military")


def _leaving_a_body(found: Found) -> Found:
    """ "Burkina Faso, Mali and Niger withdrew from ECOWAS": leaving an organisation is a
    SANCTION 'withdraw' (PLOVER: "withdraw oneself ... from a group, mediation activity,
    organization"), not a RETREAT, which is forces leaving a territory."""
    trig = found.trigger
    if trig.sense.type != "RETREAT" or trig.verb is None or direct_object(trig.verb) is not None:
        return found
    coded = [m for m in found.recipients if m.code]
    if not coded or any(m.kind != "igo" for m in coded):
        return found
    return _with_type(found, "SANCTION", "withdraw")


# verbs that stop what their object or gerund names ("stopped supplying", "cease aid")
STOPPING_VERBS = CESSATION_VERBS | frozenset({"suspend", "end", "freeze", "discontinue", "pause"})


def _aid_stopped(found: Found, index: MentionIndex, lex: Lexicon) -> Found:
    """ "Gazprom stopped supplying Moldova", "would cease military aid ... to Ukraine": aid
    or cooperation stopped is a SANCTION, 'withdraw' for non-military resources (PLOVER:
    "withdraw ... one's non-military resources (e.g., aid ...)") and 'discontinue' for
    military aid ("withdrawal of military aid ... is SANCTION")."""
    trig = found.trigger
    token = trig.token
    head = token.head
    if (
        trig.sense.type not in {"AID", "COOPERATE"}
        or token.dep_ not in {"xcomp", "dobj", "pcomp"}
        or head.lemma_.lower() not in STOPPING_VERBS
        or local_factuality(head, lex) == "negated"
    ):
        return found
    # the manual's 'withdraw' is of non-military resources; cutting military aid is one of
    # the exchanges 'discontinue' covers
    sense = trig.sense
    military = sense.mode == "military" or any(c.lower_ == "military" for c in token.children)
    stopped = _with_type(found, "SANCTION", "discontinue" if military else "withdraw")
    if not stopped.actors:  # "it would cease military aid": who stops it
        stopped = dataclasses.replace(stopped, actors=verb_actors(head, index, lex))
    # the stopping is the event: its clause tells whether it happened ("the chance that the
    # U.S. will stop helping Ukraine" is no cut yet), and it is shown with the stopped act
    trig = dataclasses.replace(stopped.trigger, verb=head, light=True)
    return dataclasses.replace(stopped, trigger=trig)


def _agrees_with_a_thing(verb: Token) -> bool:
    if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return False
    thing = prep_object(verb, ("with",))
    return thing is not None and thing.lemma_.lower() in APPROVED_THINGS


def _committed_to_a_party(token: Token, index: MentionIndex) -> bool:
    """ "commitment to Taiwan", "to Israel's security"; not "committed to sending troops"."""
    target = prep_object(token, ("to",))  # none where "to" heads a clause (pcomp)
    if target is None:
        return False
    owner = next((c for c in target.children if c.dep_ == "poss"), target)
    mention = index.at_token(owner)
    return mention is not None and mention.code is not None
