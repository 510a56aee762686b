"""What a reaction answers: "Nairobi welcomed the decision" welcomes the decision the story has
just told of, so its recipient is whoever made that decision.

A pure function of the candidates of one document, in text order: a reaction (support,
rejection, criticism) whose object is a definite act or document ("the decision", "the
accusations", "the sanctions") and that names no recipient takes the actors, if they are
others than its own, of the nearest earlier candidate of the act's kind (an accusation, a
sanction, an attack; within six sentences), or, for a thing of no kind (a decision, a report),
of the nearest earlier candidate within two sentences. A rejection told as a relative clause
on a named act set beside its telling ("accused Iran of ..., a charge that Iran rejected")
answers the act of that kind told earlier in its own sentence, definite or not. A denial of a
clause ("denied that its troops were involved") answers the accusation told before. An act of
a kind may be answered on the other side of the reaction's own country ("Balochistan's chief
minister condemned the attack" the BLA, coded as Pakistan, made); a thing of no kind may not.
Calling a thing a bad name ("called the deal 'deeply disappointing'") and a stance towards it
("disappointed by the decision") answer it too; a deal or pact answers the agreement or signing
told before it; and a reaction to something said ("rejected the account") that no act told
before answers takes whoever said what the story told just before, or acted saying it in the
same breath ("dismissed Hanoi's offer, saying Vietnam cheats"). A rejection answers only a
charge against the rejecter or against no one coded; a thing an earlier reaction answered keeps
the maker found for it; within a sentence the main verb's act comes first; and each answer is
seen by the reactions after it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from allegiance.doc import trigger_span
from allegiance.events.attach import governing_verb
from allegiance.events.found import Found
from allegiance.events.senses import denied_clause
from allegiance.events.syntax import DEFINITE, child, prep_object
from allegiance.models import Event, Mention

REACTION_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE"})
# verbs that answer what someone else did (not "finalize the agreement", "violated the deal")
REACTION_VERBS = frozenset({
    "welcome", "hail", "praise", "applaud", "commend", "endorse", "back", "support", "reject",
    "dismiss", "deny", "refuse", "rebuff", "condemn", "criticize", "criticise", "denounce",
    "deplore", "decry", "slam", "blast", "oppose", "protest", "regret", "question",
    # naming what was done a bad name: "called the deal 'deeply disappointing'"
    "call", "describe", "brand", "label", "term", "dub",
})  # fmt: skip
# what a stance ("disappointed by the decision", "concerned about the bill") is taken towards
STANCE_PREPS = ("about", "over", "by", "at", "with")
# what a denial denies, named without the accusation itself: "denied involvement"
DENIED_PARTS = frozenset({"involvement", "role", "wrongdoing", "responsibility", "part"})
# what a party decides, finds, drafts or does that others then answer; a named act is answered
# where the story told an act of its kind ("The EU imposed sanctions on Russia ... The Kremlin
# rejected the sanctions"), anything else where the story was just before. Not a ruling or a
# verdict: a court is seldom the party of the event told just before.
ANSWERED_ACTS = {
    "accusation": "ACCUSE", "allegation": "ACCUSE", "claim": "ACCUSE", "criticism": "ACCUSE",
    "charge": "ACCUSE",
    "sanction": "SANCTION", "tariff": "SANCTION", "ban": "SANCTION", "expulsion": "SANCTION",
    "suspension": "SANCTION", "closure": "SANCTION",
    "strike": "ASSAULT", "attack": "ASSAULT", "killing": "ASSAULT", "shelling": "ASSAULT",
    "bombing": "ASSAULT", "raid": "ASSAULT", "airstrike": "ASSAULT",
    "arrest": "COERCE", "detention": "COERCE", "crackdown": "COERCE", "seizure": "COERCE",
    "demand": "REQUEST", "request": "REQUEST", "call": "REQUEST",
    "offer": "AGREE", "threat": "THREATEN", "visit": "CONSULT", "deployment": "MOBILIZE",
    "suggestion": "ACCUSE", "violence": "ASSAULT", "incident": "ASSAULT",
    **dict.fromkeys(DENIED_PARTS, "ACCUSE"),
    **dict.fromkeys(("deal", "agreement", "accord", "pact", "treaty"), "PACT"),
    **dict.fromkeys(("decision", "move", "step", "measure", "decree"), "DECISION"),
}  # fmt: skip
# the types of the acts a kind names: a pact was agreed to or signed; a decision is an act
# done or granted, not a meeting, a mediation or words ("Somalia announced it was restoring
# relations with Kenya, following mediation by Qatar. Nairobi welcomed the decision":
# Somalia's, not Qatar's)
KIND_TYPES = {
    "PACT": frozenset({"AGREE", "SUPPORT"}),
    "DECISION": frozenset({"SANCTION", "AGREE", "RETREAT", "CONCEDE", "REJECT", "COERCE", "AID",
                           "MOBILIZE", "SUPPORT", "COOPERATE", "REQUEST"}),
}  # fmt: skip
ANSWERED_THINGS = frozenset({
    "decision", "finding", "report", "draft", "resolution", "proposal", "plan", "announcement",
    "move", "statement", "step", "measure", "warrant", "initiative", "invitation", "order",
    "deal", "agreement", "test", "launch", "account", "idea", "shutdown", "bill", "law",
    "legislation", "assertion", "comment", "remark", "vote", "decree", "exercise", "drill",
    "trip", "demolition", "designation", *ANSWERED_ACTS,
})  # fmt: skip
# what is made (a decision, a deal, a thing of no kind): not by an act denied or a reaction
MADE_KINDS = frozenset({None, "DECISION", "PACT"})
HABITUAL = frozenset({"repeatedly", "consistently", "always", "long", "often"})
# what is said, whose sayer a reaction answers where no act told before does
SAID_THINGS = frozenset({
    "account", "claim", "allegation", "accusation", "suggestion", "criticism", "report",
    "finding", "statement", "charge", "assertion", "comment", "remark",
})  # fmt: skip
REACH = 2  # sentences back for a thing of no kind
REACH_OF_A_KIND = 6  # sentences back for an act of a kind
# the lead's sentences: the act a story opens with is "the strike" wherever it is answered
LEAD = 1


def answered_thing(found: Found, *, stances: frozenset[str] = frozenset()) -> Token | None:
    """The definite act or document a reaction with no recipient answers, if any; a stance
    taken with one of the words ``stances`` (the lexicon's stance adjectives) answers what its
    preposition names ("disappointed by the decision")."""
    trig = found.trigger
    verb = trig.verb
    if trig.sense.type not in REACTION_TYPES or found.recipients or not found.actors:
        return None
    if verb is None or trig.token != verb:
        return None
    if verb.lower_ in stances:
        return _definite(prep_object(verb, STANCE_PREPS))
    if verb.lemma_.lower() not in REACTION_VERBS:
        return None
    told = told_act_rejected(verb)
    if told is not None:
        return told
    thing = child(verb, ("dobj",))
    if thing is None and _a_bare_refusal(verb):
        return verb  # "Mr Wu said Taipei had refused": the request told before
    if thing is not None and verb.lemma_.lower() == "deny" and _a_charge_denied(thing):
        return thing  # "Moscow denied any role in the killings": the accusation told before
    if thing is None and verb.lemma_.lower() == "deny":
        return denied_clause(verb)  # "Kigali denied that its troops were involved": the same
    return _definite(thing)


def _definite(thing: Token | None) -> Token | None:
    """``thing`` if it is a definite act or document of no named owner."""
    if thing is None or thing.lemma_.lower() not in ANSWERED_THINGS:
        return None
    if any(c.dep_ == "poss" for c in thing.children):
        return None  # "rejected its findings": the owner is named, if unresolved
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in thing.children)
    return thing if definite else None


def _a_bare_refusal(verb: Token) -> bool:
    """ "The relatives refused.": a refusal with nothing refused named."""
    named = {"dobj", "xcomp", "ccomp", "prep", "advcl"}
    return verb.lemma_.lower() == "refuse" and not any(c.dep_ in named for c in verb.children)


def _a_charge_denied(thing: Token) -> bool:
    return thing.lemma_.lower() in DENIED_PARTS and not any(
        c.dep_ == "poss" for c in thing.children
    )


def with_answered_parties(
    founds: Sequence[Found],
    *,
    said_by: Callable[[Found], Mention | None] | None = None,
    stances: frozenset[str] = frozenset(),
) -> list[Found]:
    """Each reaction to a definite act told earlier gets that act's actors as recipients; a
    reaction to what was said ("rejected the account") that no earlier act answers gets
    whoever ``said_by`` finds saying the story told just before ("Guyana said Venezuelan troops
    crossed the border. Caracas rejected the account.")."""
    ordered = sorted(founds, key=lambda f: f.trigger.token.i)
    answered: dict[int, Found] = {}
    for i, found in enumerate(ordered):
        thing = answered_thing(found, stances=stances)
        if thing is None:
            continue
        author = _accused_beside(ordered, found, thing) or _author(ordered[:i], found, thing)
        if not author and said_by is not None and thing.lemma_.lower() in SAID_THINGS:
            author = _sayer_before(ordered[:i], found, said_by)
        if author:  # the answer is seen by the reactions after it
            answered[id(found)] = ordered[i] = dataclasses.replace(found, recipients=author)
    return [answered.get(id(f), f) for f in founds]


def _author(earlier: Sequence[Found], found: Found, thing: Token) -> list[Mention]:
    """The actors of the act ``thing`` names, told before the reaction ``found``."""
    verb = found.trigger.verb
    refused = verb is not None and thing == verb
    kind = "REQUEST" if refused else ANSWERED_ACTS.get(thing.lemma_.lower())
    if thing.head == verb and thing.dep_ in {"ccomp", "xcomp"}:
        kind = "ACCUSE"  # a clause denied answers the accusation told before
    if not refused and verb is not None and thing == verb.head:
        return _author_beside(earlier, found, kind=kind)
    return _author_before(earlier, found, kind=kind, thing=thing)


def _accused_beside(founds: Sequence[Found], found: Found, thing: Token) -> list[Mention]:
    """ "rejected the criticism and accused London and Washington of interference": who is
    accused in the same breath is who made the criticism answered."""
    verb = found.trigger.verb
    if verb is None or thing.lemma_.lower() not in SAID_THINGS:
        return []
    for other in founds:
        other_verb = other.trigger.verb
        if other.trigger.sense.type == "ACCUSE" and other_verb in verb.conjuncts:
            coded = [m for m in other.recipients if m.code]
            if coded:
                return coded
    return []


def _sayer_before(
    earlier: Sequence[Found], found: Found, said_by: Callable[[Found], Mention | None]
) -> list[Mention]:
    """Who says what the story told within reach before the reaction, if not its own side."""
    here = _sentence(found)
    if here is None:
        return []
    own = found.actor_codes()
    for prev in reversed(earlier):
        there = _sentence(prev)
        if there is None or there > here:
            continue
        if here - there > REACH:
            return []
        sayer = said_by(prev) or _saying_actor(prev)
        if sayer is not None and sayer.code and sayer.code not in own:
            return [sayer]
    return []


SAYING_VERBS = frozenset({"say", "add", "claim", "allege", "charge", "argue"})


def _saying_actor(prev: Found) -> Mention | None:
    """ "Navarro dismissed Hanoi's offer, saying Vietnam cheats": whoever acts and says
    something in the same breath has said what a later "rejected the accusation" answers."""
    verb = prev.trigger.verb
    if verb is None:
        return None
    says = any(
        c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in SAYING_VERBS
        and child(c, ("ccomp",)) is not None
        for c in verb.children
    )  # fmt: skip
    return next((m for m in prev.actors if m.code), None) if says else None


def told_act_rejected(verb: Token) -> Token | None:
    """ "accused Iran of ..., a charge that Iran rejected": the reaction is a relative clause on
    a named act set beside the telling of that act, so it answers it though the act is
    indefinite."""
    thing = verb.head
    if verb.dep_ != "relcl" or thing.lemma_.lower() not in ANSWERED_ACTS:
        return None
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return None  # "an offer China has repeatedly rejected": a standing position
    obj = child(verb, ("dobj",))
    return thing if obj is None or obj.lower_ in {"that", "which"} else None


def _sentence(found: Found) -> int | None:
    indexes = [m.sentence_index for m in found.actors if m.sentence_index is not None]
    return max(indexes) if indexes else None


def _others(prev: Found, found: Found, *, kind: str | None) -> list[Mention]:
    """``prev``'s coded actors that are not the reaction's own: of another code, or, for an
    act of a kind, of the same code on the other side of its country ("Balochistan's chief
    minister condemned the attack" the BLA, coded as Pakistan, made)."""
    own = found.actor_codes()
    sides = {_side(m) for m in found.actors} if kind is not None else set()
    return [
        m for m in prev.actors
        if m.code and (m.code not in own or (sides and _side(m) not in sides))
    ]  # fmt: skip


NON_STATE = frozenset({"REB", "OPP", "CVL", "MED", "REF", "NGO"})


def _side(mention: Mention) -> str:
    """The state's side (a country, its government, army, courts) or the others of it."""
    return "non-state" if mention.sector in NON_STATE else "state"


def _made_something(prev: Found, *, kind: str | None = None) -> bool:
    """An earlier candidate that can have made the thing a reaction answers: not an act denied
    ("would not commit to the figure") and not a reaction itself ("Spain rejected the target");
    nor, for a thing of no kind, a rejection ("China and Russia vetoed a draft ... rejected the
    draft": the vetoers did not write it)."""
    if kind is None and prev.trigger.sense.type == "REJECT":
        return False
    verb = prev.trigger.verb
    if verb is None:
        return True
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return not _a_reaction(prev)


def _a_reaction(found: Found) -> bool:
    """A reaction told by a reaction verb ("welcomed", "rejected", "called ... a sham")."""
    verb = found.trigger.verb
    return (
        verb is not None and found.trigger.sense.type in REACTION_TYPES
        and verb.lemma_.lower() in REACTION_VERBS
    )  # fmt: skip


def _of_kind(prev: Found, kind: str | None) -> bool:
    if kind == "PACT" and prev.trigger.sense.type == "SUPPORT":
        return prev.trigger.sense.mutual  # a pact signed, not condolences offered
    return prev.trigger.sense.type in KIND_TYPES.get(kind or "", {kind})


def _charges_the_rejecter(accusation: Found, found: Found) -> bool:
    """Whether a rejection ``found`` can answer ``accusation``: one who rejects or denies a
    charge answers a charge against itself ("Syria called the strikes a violation [of the US].
    Tehran denied any role in the attack": not Syria's). A charge against no one coded may be."""
    if found.trigger.sense.type != "REJECT":
        return True
    charged = {m.code for m in accusation.recipients if m.code}
    return not charged or bool(charged & found.actor_codes())


def _author_beside(earlier: Sequence[Found], found: Found, *, kind: str | None) -> list[Mention]:
    """The actors of the act of ``kind`` told earlier in the reaction's own sentence."""
    sentence = found.trigger.token.sent.start
    for prev in reversed(earlier):
        if prev.trigger.token.sent.start != sentence or not _of_kind(prev, kind):
            continue
        others = _others(prev, found, kind=kind)
        if others:
            return others
    return []


def _author_before(
    earlier: Sequence[Found], found: Found, *, kind: str | None, thing: Token | None = None
) -> list[Mention]:
    """The actors of the nearest earlier candidate by others: of the act's kind, if it has one;
    first among those that named the thing by its own word ("imposed coordinated sanctions"
    before "the sanctions", though a freeze of assets is told between)."""
    named = [prev for prev in earlier if thing is not None and _named_by_its_word(prev, thing)]
    author = _answered_before(named, found, thing) if thing is not None else []
    if not author and named and kind is not None:
        author = _nearest_author(named, found, kind=kind)
    return author or _nearest_author(earlier, found, kind=kind)


def _answered_before(named: Sequence[Found], found: Found, thing: Token) -> list[Mention]:
    """ "The United States criticised a decision by OPEC+ ... Moscow backed the decision": an
    earlier reaction to the same thing has found its author already."""
    own = found.actor_codes()
    for prev in reversed(named):
        verb = prev.trigger.verb
        if verb is None or not _a_reaction(prev) or not _reacts_to_word(verb, thing):
            continue
        authors = [m for m in prev.recipients if m.code and m.code not in own]
        if authors:
            return authors
    return []


def _named_by_its_word(prev: Found, thing: Token) -> bool:
    """Whether the candidate's trigger, or the object its verb acts on, is ``thing``'s word."""
    doc = thing.doc
    verb = prev.trigger.verb
    words = [prev.trigger.token, *(doc[i] for i in prev.trigger.consumed)]
    if verb is not None:
        words += [c for c in verb.children if c.dep_ == "dobj"]
    return any(w.lemma_.lower() == thing.lemma_.lower() and w.i < thing.i for w in words)


def _reacts_to_word(verb: Token, thing: Token) -> bool:
    obj = child(verb, ("dobj",))
    return obj is not None and obj.lemma_.lower() == thing.lemma_.lower() and thing.pos_ == "NOUN"


def _nearest_first(earlier: Sequence[Found]) -> list[Found]:
    """``earlier`` from the nearest sentence back; within a sentence, what its main verb tells
    before what a clause or noun inside it tells ("The EU imposed sanctions on firms it accuses
    of breaking the UN embargo": the EU's act is the decision later answered)."""
    return sorted(
        earlier,
        key=lambda f: (_sentence_index(f), _told_by_main_verb(f), f.trigger.token.i),
        reverse=True,
    )


def _sentence_index(found: Found) -> int:
    """The sentence of ``found``'s actors, -1 where unknown (sorted before every sentence)."""
    index = _sentence(found)
    return -1 if index is None else index


def _told_by_main_verb(found: Found) -> bool:
    verb = found.trigger.verb
    if verb is None or found.trigger.token != verb:
        return False
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _nearest_author(earlier: Sequence[Found], found: Found, *, kind: str | None) -> list[Mention]:
    """The actors of the nearest candidate in ``earlier`` by others, within reach."""
    here = _sentence(found)
    if here is None:
        return []
    reach = REACH if kind is None else REACH_OF_A_KIND
    for prev in _nearest_first(earlier):
        there = _sentence(prev)
        if there is None or there > here:
            continue
        if here - there > reach:
            if kind is None:
                return []  # a thing of no kind: nothing further back answers
            if there > LEAD:
                continue  # an act of a kind: past its reach, only the lead's
        if kind is not None and not _of_kind(prev, kind):
            continue
        if kind == "ACCUSE" and not _charges_the_rejecter(prev, found):
            continue
        if kind in MADE_KINDS and not _made_something(prev, kind=kind):
            continue
        others = _others(prev, found, kind=kind)
        if others:
            return others
    return []


def background_carried(events: Sequence[Event], doc: Doc) -> list[Event]:
    """ "In June 2017, Saudi Arabia and its allies cut ties with Qatar. The four countries
    closed their airspace to Qatari aircraft": a simple past with no date of its own, right
    after a sentence told as background (by its date or by its own words: "then-president",
    "decades ago"), goes on telling that background. ``events`` come in text order."""
    background: set[int] = set()
    out = []
    for event in events:
        index = event.sentence.index
        if event.factuality == "historical":
            background.add(index)
        elif _continues(event, doc) and index - 1 in background:
            event = dataclasses.replace(event, factuality="historical")
            background.add(index)
        out.append(event)
    return out


# acts done, not words: a statement right after background is mostly a reaction to the news
CARRIED_TYPES = frozenset({
    "ASSAULT", "SANCTION", "AID", "COERCE", "MOBILIZE", "RETREAT", "CONCEDE", "COOPERATE",
    "PROTEST",
})  # fmt: skip


def _continues(event: Event, doc: Doc) -> bool:
    if event.factuality != "asserted" or event.event_date is not None:
        return False
    span = trigger_span(doc, event)
    if span is None or not len(span):
        return False
    if event.event not in CARRIED_TYPES and not _told_as_later(span.sent):
        return False
    verb = span.root if span.root.pos_ in {"VERB", "AUX"} else span.root.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by":  # "Athens responded by expelling"
        verb = governing_verb(verb) or verb
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBD" and not auxes


# "Days later, officers detained two Canadians and accused them ...": the sentence says it
# goes on with the story told before it, whatever kind of act it tells
LATER = re.compile(
    r"^(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)"
    r"\s+later\b|^later\b",
    re.I,
)


def _told_as_later(sent: Span) -> bool:
    return LATER.match(sent.text.lstrip()) is not None
