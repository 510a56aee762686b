"""What a party does is not done to itself: a state's own name, its own side, its own
destinations and its own towns are not the recipients of its acts."""

from __future__ import annotations

from spacy.tokens import Doc

from allegiance.events.found import Found, without
from allegiance.events.noun_phrases import STATE_KINDS, mention_root
from allegiance.models import Mention


def own_side_kept_out(found: Found) -> Found:
    """What is withdrawn is the actor's own ("pull the U.S. out of the fight"): a retreat's
    recipient is the other side, never the actor's own country."""
    if found.trigger.sense.type != "RETREAT":
        return found
    own = found.actor_codes()
    return without(found, lambda m: m.code in own)


TRADE_PREPS = frozenset({"to", "into", "from"})


def own_state_kept_out(found: Found) -> Found:
    """A state, or a person acting for it, does not act on itself named as where goods go
    ("Trump levied tariffs on exports to the U.S."): that mention is a destination, not whom.
    Its own people and places acted on stay ("Museveni threatened to ban Ugandan opposition
    candidates", "a curfew in Algiers"), as CAMEO codes domestic acts."""
    if not found.actors or any(not _the_state(m) for m in found.actors):
        return found
    own = found.actor_codes()
    doc = found.trigger.token.doc
    return without(found, lambda m: m.code in own and _the_state(m) and _destination(doc, m))


GIVING_TYPES = frozenset({"AGREE", "SUPPORT", "AID", "COOPERATE"})
# what a state does to others, never to its own bare name ("warned that China would take all
# necessary measures", "reimposed US sanctions", "made a Chinese veto all but certain")
OUTWARD_TYPES = frozenset({"THREATEN", "SANCTION", "REJECT"})


def own_country_kept_out(found: Found) -> Found:
    """A state, or its leader, does not cooperate with itself: "Putin promised to double
    Russia's trade with Africa", "Trump has promised to pull the United States out of the
    Paris Agreement", "upgrading India's defense ties". The bare name of the actor's own
    country is what the act is about, not its recipient; its people and bodies ("Ugandan
    farmers", "Kenya's parliament") stay. A state's threats, sanctions and refusals are
    likewise aimed at others; a group's or an army's at their own state stay ("the
    separatists accused Pakistan")."""
    kind = found.trigger.sense.type
    if kind not in GIVING_TYPES | OUTWARD_TYPES or not found.actors:
        return found
    if kind in OUTWARD_TYPES and not all(_the_state(m) for m in found.actors):
        return found
    own = found.actor_codes()
    doc = found.trigger.token.doc
    return without(found, lambda m: m.code in own and _bare_country(doc, m))


def own_threat_kept_out(found: Found) -> Found:
    """ "Lukashenko warned that Minsk could shut off transit", "warned that Moscow would use all
    available means": the subject of the act a party warns of is itself, not whom it
    threatens; who is acted on ("warning that terrorists will not be spared") stays."""
    verb = found.trigger.verb
    if found.trigger.sense.type != "THREATEN" or verb is None:
        return found
    own = found.actor_codes()
    doc = verb.doc

    def acts_itself(mention: Mention) -> bool:
        root = mention_root(doc, mention)
        if root is None or mention.code not in own:
            return False
        return root.dep_ == "nsubj" and root.head.dep_ == "ccomp" and root.head.head == verb

    return without(found, acts_itself)


# what a state gives or imposes: "reimposed US sanctions", "halting U.S. assistance"
STATE_MEASURES = frozenset({
    "sanction", "tariff", "embargo", "penalty", "duty", "restriction",
    "aid", "assistance", "funding", "fund", "support", "help", "loan",
})  # fmt: skip


def _bare_country(doc: Doc, mention: Mention) -> bool:
    """The country's own name as a noun ("Russia's trade", "pull the United States out"), or
    its name on its own measures ("reimposed US sanctions"), not a nationality word that
    describes others ("Ugandan opposition candidates")."""
    if not _a_state_or_body(mention):
        return False
    root = mention_root(doc, mention)
    if root is None:
        return False
    if mention.kind == "igo":
        return root.dep_ == "poss"  # "offered the AU's help", "close the bloc's airspace"
    if root.dep_ not in {"amod", "compound", "nmod"}:
        return True
    return root.head.lemma_.lower() in STATE_MEASURES


def _a_state_or_body(mention: Mention) -> bool:
    """A country by its name, or an organisation of states as such (not its leaders)."""
    if mention.kind == "igo":
        return mention.sector == "IGO"
    return mention.kind == "country" and mention.sector is None


def _the_state(mention: Mention) -> bool:
    state = mention.kind in STATE_KINDS | {"person"}
    return state and mention.sector in (None, "GOV")


def _destination(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in TRADE_PREPS


HOME_PLACES = frozenset({"city", "capital", "place"})


def trip_at_home(found: Found) -> bool:
    """ "During a visit to Quetta, Pakistan's Prime Minister said": a leader's trip to a
    place of his own country meets no other party (PLOVER CONSULT is between parties)."""
    own = found.actor_codes()
    places = found.recipients
    if len(own) != 1 or not places:
        return False  # "Egypt and Qatar will host talks in Cairo" has a guest
    return all(m.kind in HOME_PLACES and m.code in own for m in places)


def trip_of_no_party(found: Found) -> bool:
    """ "Yoon then traveled to Tokyo", Yoon unknown: going somewhere (a visit whose verb needs
    a destination, see the lexicon) is a visit only of a party the story names."""
    travelled = found.trigger.sense.needs == "destination"
    return travelled and not any(m.code for m in found.actors)
