"""Events a reporting verb makes of what it reports: "X said Y is a threat" (X ACCUSE Y),
"X said Y must do Z" (X REQUEST Y), "X said Y violated the deal" (X ACCUSE Y). The speaker's
act is the event; what it reports may be an event of its own besides."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.attribution import speaker_of
from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.noun_phrases import (
    STATE_KINDS,
    MentionIndex,
    all_mentions_in,
    distinct,
    np_mentions,
)
from allegiance.events.participants import subject_token
from allegiance.events.senses import Trigger, verb_trigger
from allegiance.events.syntax import OWN_SUBJECTS, SUBJECTS, child, is_passive, prep_object
from allegiance.models import Mention


def _clause_subjects(subj: Token, index: MentionIndex) -> list[Mention]:
    """Mentions that are subjects inside a subject phrase ("the fact that X and Y are ...")."""
    for tok in subj.subtree:
        if tok != subj and tok.dep_ in OWN_SUBJECTS:
            found = np_mentions(tok, index)
            if found:
                return found
    return np_mentions(subj, index) or all_mentions_in(subj, index)


def _evaluative(report: Token, comp: Token, index: MentionIndex, lex: Lexicon) -> Found | None:
    """ "X said Y is a threat" -> X ACCUSE Y; "... is a key partner" -> X SUPPORT Y."""
    pred = None
    if comp.lemma_ == "be":
        pred = child(comp, ("attr", "acomp"))
    elif comp.lemma_ in {"pose", "represent", "constitute", "remain"}:
        pred = child(comp, ("dobj", "attr"))
    subj = child(comp, SUBJECTS)
    pred = evaluated(pred, lex) if pred is not None else None
    if pred is None or subj is None:
        return None
    speaker = speaker_of(report, index, lex)
    targets = _clause_subjects(subj, index)
    if speaker is None or not targets:
        return None
    negative = lex.evaluative[pred.lemma_.lower()] == "negative"
    sense = Sense(type="ACCUSE", mode="disapprove") if negative else Sense(type="SUPPORT")
    trig = Trigger(pred, sense, consumed=(pred.i,))
    return Found(trig, [speaker], distinct(targets, [speaker]), attributed_to=speaker)


QUANTIFIER_HEADS = frozenset({"one", "some", "among"})


def evaluated(pred: Token, lex: Lexicon) -> Token | None:
    """The evaluative word of a predicate: the word itself ("a threat", "hostile"), its
    adjective ("a hostile power"), or the noun after "one of" ("one of the most hostile and
    abusive authorities in the world")."""
    heads = [pred]
    if pred.lower_ in QUANTIFIER_HEADS:
        counted = prep_object(pred, ("of",))
        heads += [counted] if counted is not None else []
    for head in heads:
        mods = [c for c in head.children if c.dep_ == "amod"]
        # the adjective first: a "hostile partner" is no partner
        for word in (*(m for c in mods for m in (c, *c.conjuncts)), head):
            if word.lemma_.lower() in lex.evaluative:
                return word
    return None


def required_act(comp: Token, lex: Lexicon) -> Token | None:
    """The act a clause says must be done: the verb under a deontic modal ("Y must withdraw"),
    or the infinitive of "has to" / "needs to" ("Washington needs to act")."""
    modal = next((c for c in comp.children if c.tag_ == "MD"), None)
    if modal is not None:
        return comp if modal.lower_ in lex.deontic_modals else None
    if f"{comp.lower_} to" not in lex.deontic_modals:
        return None
    act = child(comp, ("xcomp",))
    marked = act is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children)
    return act if marked else None


def _required_of(comp: Token, act: Token) -> Token | None:
    """Who a passive requirement is about: "Y should be supported", "Y has to be supported"."""
    if act is comp:
        return child(comp, ("nsubjpass",))
    return child(comp, SUBJECTS) if is_passive(act) else None


def _deontic(report: Token, comp: Token, index: MentionIndex, lex: Lexicon) -> Found | None:
    """ "X said Y must/should do Z" -> X REQUEST Y; "Y should be supported" -> X SUPPORT Y."""
    act = required_act(comp, lex)
    if act is None:
        return None
    speaker = speaker_of(report, index, lex)
    if speaker is None:
        return None
    inner = verb_trigger(act, lex)
    patient = _required_of(comp, act)
    if patient is not None and prep_object(act, ("by",)) is None:
        if inner is not None and inner.sense.type in {"SUPPORT", "AID", "COOPERATE"}:
            trig = Trigger(act, Sense(type="SUPPORT"), consumed=(act.i,))
            found = Found(trig, [speaker], distinct(np_mentions(patient, index), [speaker]))
            found.attributed_to, found.factuality = speaker, "asserted"
            return found
        return None
    subj = child(comp, SUBJECTS)
    targets = distinct(np_mentions(subj, index), [speaker]) if subj is not None else []
    if all(_own_side(t, speaker) for t in targets):
        return None
    mode = lex.request_modes.get(inner.sense.type, "change") if inner else "change"
    trig = Trigger(report, Sense(type="REQUEST", mode=mode), verb=report)
    return Found(trig, [speaker], targets, factuality="asserted")


def _own_side(target: Mention, speaker: Mention) -> bool:
    """What one's own side must do ("the U.S. must", said by a U.S. senator) is a view, not a
    request; rebels saying their president must agree is one (another sector)."""
    same_sector = target.sector is None or target.sector == speaker.sector
    return target.code == speaker.code and same_sector


def _wrong_done(clause: Token, lex: Lexicon) -> Token | None:
    """The verb of a wrong done in a reported clause ("violated", "tried to sabotage")."""
    if clause.lemma_.lower() in lex.wrongdoing_verbs:
        return clause
    inner = child(clause, ("xcomp",))
    if inner is not None and inner.lemma_.lower() in lex.wrongdoing_verbs:
        return inner
    return None


def _denied(comp: Token, wrong: Token) -> bool:
    """ "said Russia had not violated the truce" alleges nothing."""
    return any(c.dep_ == "neg" for verb in {comp, wrong} for c in verb.children)


def _alleged(report: Token, comp: Token, index: MentionIndex, lex: Lexicon) -> Found | None:
    """ "X said Y violated the agreement", "... Y has tried to sabotage the talks": the speaker
    accuses Y (PLOVER ACCUSE); the wrong reported may be an event of its own besides."""
    # only the clause the verb reports, not one joined to it: "China says 'we respect
    # sovereignty', and here, Russia has violated it" is the interviewee's remark
    if comp.dep_ != "ccomp":
        return None
    wrong = _wrong_done(comp, lex)
    if wrong is None or is_passive(comp) or _denied(comp, wrong):
        return None
    subj = subject_token(comp, lex, 0, index)
    speaker = speaker_of(report, index, lex)
    if subj is None or speaker is None:
        return None
    targets = distinct(_clause_subjects(subj, index), [speaker])
    if not targets or all(_own_side(t, speaker) for t in targets):
        return None
    trig = Trigger(wrong, Sense(type="ACCUSE", mode="allege"), verb=report)
    return Found(trig, [speaker], targets, attributed_to=speaker)


# who strikes, and their strikes: "the attackers", "the handlers of Tuesday's attack"
HOSTILE_WORDS = frozenset({
    "attack", "attacker", "assailant", "bombing", "bomber", "militant", "terrorist", "gunman",
    "insurgent", "handler", "perpetrator", "mastermind", "planner", "ringleader", "plotter",
})  # fmt: skip
# where they are kept and steered from: "based in", "operating from", "planners in", "bases
# in"; not where an attack took place ("the attack in Kunar")
HARBOUR_WORDS = frozenset({
    "base", "basis", "based", "operate", "hide", "shelter", "locate", "plan", "orchestrate",
    "direct", "train", "sanctuary", "haven", "hideout", "camp", "handler", "planner",
    "mastermind", "ringleader", "plotter", "sponsor",
})  # fmt: skip
HARBOUR_PREPS = ("in", "from", "inside")


def _harboured(report: Token, comp: Token, index: MentionIndex, lex: Lexicon) -> Found | None:
    """ "Pakistan said the handlers of Tuesday's attack are based in Afghanistan", "...
    claimed the attackers were in touch with planners in Afghanistan": the speaker accuses the
    state where those who strike are kept (PLOVER ACCUSE)."""
    words = list(comp.subtree)
    hostile = any(t.lemma_.lower() in HOSTILE_WORDS for t in words)
    if comp.dep_ not in {"ccomp", "acl"} or not hostile:
        return None
    # "said it carried out strikes against militant hideouts inside Iran" reports an act
    if any(c.dep_ in {"neg", "dobj"} for c in comp.children):
        return None
    speaker = speaker_of(report, index, lex)
    if speaker is None or speaker.code is None:
        return None
    for word in (t for t in words if t.lemma_.lower() in HARBOUR_WORDS):
        place = prep_object(word, HARBOUR_PREPS)
        found = np_mentions(place, index) if place is not None else []
        states = [m for m in found if m.kind in STATE_KINDS and m.code not in {None, speaker.code}]
        if states:
            trig = Trigger(word, Sense(type="ACCUSE", mode="allege"), verb=report)
            return Found(trig, [speaker], states, attributed_to=speaker)
    return None


def reported_events(report: Token, index: MentionIndex, lex: Lexicon) -> list[Found]:
    if report.lemma_ not in lex.reporting_verbs:
        return []
    comps = [c for c in report.children if c.dep_ == "ccomp"]
    out = _found_in(report, comps, (_evaluative, _deontic, _alleged, _harboured), index, lex)
    # "reiterated the claim that the attack was orchestrated by militants with bases in ..."
    claims = [c for c in report.children if c.dep_ == "dobj" and c.lemma_ in CLAIM_NOUNS]
    told = [c for claim in claims for c in claim.children if c.dep_ in {"acl", "ccomp"}]
    return out + _found_in(report, told, (_harboured,), index, lex)


# what is said against someone: "reiterated the claim that ...", "called the allegations
# baseless" (events.labelled)
CLAIM_NOUNS = frozenset({"claim", "charge", "allegation", "accusation", "assertion"})


def _found_in(
    report: Token, comps: list[Token], rules: tuple, index: MentionIndex, lex: Lexicon
) -> list[Found]:
    out = []
    for comp in comps:
        for clause in (comp, *comp.conjuncts):
            found = next((f for rule in rules if (f := rule(report, clause, index, lex))), None)
            if found is not None:
                out.append(found)
    return out
