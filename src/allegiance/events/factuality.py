"""Factuality of an event: asserted, negated, hypothetical, future or historical.

Pure functions over the dependency parse. The nearest cue wins: the trigger's own clause
(negation, modal, conditional), then the clauses that embed it ("refused to send",
"plans to visit", "could help make"), stopping at a reporting verb, whose content keeps
its own factuality ("Russia says North Korea gives ...").
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from allegiance.events.attach import dates_another_clause, ongoing_since
from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import sentence_ents
from allegiance.events.participants import (
    MAX_CLIMB,
    gerund_controlling_verb,
    left_to,
    said_in_the_same_breath,
)
from allegiance.events.syntax import (
    DEFINITE,
    OWN_SUBJECTS,
    after_comma,
    comma_participle,
    directive_beside,
    has_own_subject,
    has_own_to,
    in_clause,
)

CLIMB_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "conj",
        "acl",
        "pcomp",
        "prep",
        "pobj",
        "acomp",
        "dobj",
        "attr",
        "advmod",
    }
)
# prepositions that set an act in time or place rather than give its content
SETTING_PREPS = frozenset(
    {"after", "before", "during", "amid", "amidst", "following", "despite", "at", "outside"}
)
NOUNISH_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "npadvmod"})
YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)(s?)\b")


def clause_verb(token: Token) -> Token:
    """The verb (or predicate head) of the clause a trigger sits in."""
    tok = token
    for _ in range(MAX_CLIMB):
        if tok.pos_ in {"VERB", "AUX"} or tok.head == tok:
            return tok
        if tok.dep_ not in NOUNISH_DEPS and tok.dep_ not in {"prep", "compound", "conj"}:
            return tok
        tok = tok.head
    return tok


def _negated(tok: Token, lex: Lexicon) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (
            c.dep_ in {"advmod", "det", "preconj"} and c.lower_ in lex.negations
        ):
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in {"only", "just", "merely"}:
                continue  # "not only ... but also" asserts
            return True
    return False


def _modal(tok: Token, lex: Lexicon) -> str | None:
    for c in tok.children:
        if c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD":
            kind = lex.modals.get(c.lower_)
            if kind == "hypothetical" and c.lower_ == "would" and _reported_or_promised(tok, lex):
                return "future"  # a condition ("would meet him if ...") makes it an offer
            if kind is not None:
                return kind
    return None


def _reported_or_promised(tok: Token, lex: Lexicon) -> bool:
    """The content of a reporting verb, also its second that-clause ("told journalists that
    it was politically motivated and that he would ask Russia to veto it"), or of a verb that
    commits to the future ("promised that Kenya would send police"): its "would" is the
    future seen from the past, not a condition."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    if tok.dep_ != "ccomp":
        return False
    head = tok.head.lemma_
    return head in lex.reporting_verbs or lex.embedding.get(head) == "future"


def _conditional(tok: Token, lex: Lexicon) -> bool:
    if tok.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    return bool(marks & lex.conditional_marks)


def local_factuality(tok: Token, lex: Lexicon) -> str | None:
    """Cues on one clause head: negation beats condition beats modality."""
    if _negated(tok, lex):
        return "negated"
    if _conditional(tok, lex):
        return "hypothetical"
    return _modal(tok, lex)


# what a deal holds is yet to be done: "a deal on handing sovereignty to Mauritius", "signed an
# agreement to withdraw"
PACT_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "memorandum"})


def _pact_content(tok: Token, head: Token) -> bool:
    """``tok`` tells what the deal ``head`` holds ("a deal on handing", "an agreement to
    withdraw"), not the deal itself ("an agreement signed by Pashinyan and Aliyev")."""
    if head.tag_ not in {"NN", "NNS"} or head.lemma_.lower() not in PACT_NOUNS:
        return False
    infinitive = tok.dep_ == "acl" and tok.tag_ == "VB"
    return infinitive or (tok.dep_ == "prep" and tok.lower_ in {"on", "for"})


def _embedding_kind(parent: Token, lex: Lexicon) -> str | None:
    kind = lex.embedding.get(parent.lemma_.lower())
    if kind is None or kind == "transparent":
        return None
    if kind == "future" and parent.lemma_ in {"go", "set"} and parent.tag_ not in {"VBG", "VBN"}:
        return None
    return kind


def _combine(outer: str | None, inner: str) -> str:
    """An embedding verb that is itself negated negates what it embeds."""
    return "negated" if outer == "negated" else inner


def embedded_factuality(verb: Token, lex: Lexicon) -> str | None:
    """Climb the embedding clauses of ``verb`` until a cue or a reporting verb is met."""
    tok = verb
    for _ in range(MAX_CLIMB):
        head, dep = tok.head, tok.dep_
        if head == tok or dep not in CLIMB_DEPS or (dep == "conj" and _own_clause(tok)):
            return None
        if _gone_without(tok) and tok.pos_ in {"VERB", "AUX"}:
            return went_without(head, lex)  # not a clause inside what is gone without
        if dep == "advcl" and _told_as_past(tok):
            return None
        if dep == "prep" and _sets_the_scene(tok):
            # "told reporters after the meeting", "called for a halt during a visit": the
            # setting is no content of its verb; it shares only the verb's time ("will speak
            # after the talks"), not its negation or what it asks for
            return _modal(head, lex)
        if dep == "acl" and tok.tag_ == "VBN" and _dated(tok):
            return None  # "a treaty signed in 1973": told as done, whatever the clause above
        if dep == "acl" and tok.tag_ in {"VBG", "VBN"} and head.dep_ in OWN_SUBJECTS:
            return None  # "a plan calling for a probe would undermine": it describes the plan
        if left_to(tok) is not None:
            return "hypothetical"  # "it is for Russia to accept": left to it, not done
        if dep == "ccomp" and _charge_named_after(tok, head):
            return None
        if dep == "ccomp" and head.lemma_ in BELIEF_VERBS and _negated(head, lex):
            return "hypothetical"  # "I do not believe there will be an arrest": doubted
        if head.lemma_ in lex.reporting_verbs and dep == "ccomp":
            return "negated" if head.lemma_ == "deny" else None
        # a participle beside the clause ("Threatening to kill the hostages, the group
        # demanded ...") is no content of its verb: it happened as the clause did
        beside = dep == "conj" or (dep == "advcl" and tok.tag_ == "VBG")
        directive = directive_beside(tok, lex.object_control, lex.embedding)
        if directive is not None:  # "ordered X to leave, accusing him": beside the order
            head = directive
        if comma_participle(tok) and _negated(head, lex):
            return None  # "would not ratify the deal, accusing Bolsonaro of ...": not denied
        kind = _embedding_kind(head, lex) if not beside else None
        if _pact_content(tok, head):
            kind = "future"
        if kind == "negated" and _ceased(tok, head):
            return None  # "must stop killing civilians": the killing goes on
        if kind is not None:
            return _combine(local_factuality(head, lex), kind)
        if dep in {"conj", "xcomp", "acomp", "advcl", "pcomp", "prep", "pobj", "acl", "dobj"}:
            if head.lower_ == "short" and head.head.lemma_ == "stop":
                return "negated"  # "stopped short of endorsing"
            outer = local_factuality(head, lex)
            if outer == "negated" and _listed_infinitive(tok):
                outer = None  # "pledged not to support the PKK, to lift restrictions ..."
            if outer is not None:
                return outer
        tok = head
    return None


def _gone_without(token: Token) -> bool:
    """ "without agreeing", "without a deal": what ``token`` names is what an act went without."""
    return token.dep_ in {"pobj", "pcomp"} and token.head.lower_ == "without"


def went_without(without: Token, lex: Lexicon) -> str:
    """What an act went without did not happen: "ended two days of talks without agreeing to
    extend the treaty", "the summit collapsed without a deal" (negated, as the guidelines code
    them). Beside an act that is itself only possible, planned or refused ("could strike
    without warning", "would not restore ties without a settlement") it is a condition:
    hypothetical."""
    act = clause_verb(without)
    outer = local_factuality(act, lex) or embedded_factuality(act, lex)
    if outer is None and act.dep_ == "conj":  # "shouldn't close borders or stop ... without"
        outer = local_factuality(act.head, lex)
    return "negated" if outer is None else "hypothetical"


ATTEMPTING = frozenset({"try", "attempt"})
# acts whose attempt PLOVER codes as the act ("successful and attempted assassinations")
ATTEMPTED_TYPES = frozenset({"ASSAULT", "COERCE"})


def attempted(verb: Token, kind: str) -> Token:
    """The verb whose clause tells whether an act of type ``kind`` happened: for a violent act
    attempted ("he tried to kill the journalist in 2022", "tried to dissolve Congress") the
    attempt, which PLOVER codes as the act; else ``verb`` itself."""
    head = verb.head
    if kind in ATTEMPTED_TYPES and verb.dep_ == "xcomp" and head.lemma_.lower() in ATTEMPTING:
        return head
    return verb


# verbs of belief: not believing that something will happen leaves it possible, not denied
BELIEF_VERBS = frozenset({"believe", "think", "expect"})


# nouns that take up an accusation just told ("..., a charge Pakistan denies")
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})


def _charge_named_after(clause: Token, head: Token) -> bool:
    """ "New Delhi accused Islamabad of harbouring the group, a charge Pakistan denies": the
    parser hangs the accusation on the denial as its content, but it is what "a charge" takes
    up; the accusation was made, and the denial is the other side's act."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and c.lemma_.lower() in CHARGE_NOUNS
        and clause.i < c.i < head.i
        for c in head.children
    )


# verbs that deny a charge taken up by a noun: "a charge Moscow denied", "a claim Kyiv rejected"
CHARGE_DENIALS = frozenset({"deny", "reject", "dismiss", "refute"})
ACCUSING_PREPS = frozenset({"of", "for", "with"})  # accused of, blamed for, charged with
# arcs from an act up to the accusation that tells it ("of flying jets to Libya to support")
INSIDE_AN_ACCUSATION = frozenset({"conj", "advcl", "xcomp", "dobj", "pobj", "prep"})


def _accused_act(verb: Token, lex: Lexicon) -> bool:
    """The act an accusation tells: "accused Russia of deploying a missile", "blamed Kyiv for
    shelling the plant" (also an act inside it: "of flying jets to Libya to support ...")."""
    tok = verb
    for _ in range(MAX_CLIMB):
        head = tok.head
        if head == tok:
            return False
        if tok.dep_ == "pcomp" and head.lower_ in ACCUSING_PREPS:
            return gerund_controlling_verb(head, lex) is not None
        if tok.dep_ not in INSIDE_AN_ACCUSATION:
            return False
        tok = head
    return False


def _denied_charge(noun: Token) -> bool:
    """ "..., a charge Moscow denied" (a relative clause), "..., a charge Pakistan denies"
    (the noun as the denial's object)."""
    if noun.lemma_.lower() not in CHARGE_NOUNS:
        return False
    if any(c.dep_ == "relcl" and c.lemma_.lower() in CHARGE_DENIALS for c in noun.children):
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in CHARGE_DENIALS


def charge_denied(verb: Token, lex: Lexicon) -> bool:
    """ "accused Russia of deploying a banned missile, a charge Moscow denied": the act of an
    accusation the sentence then says was denied is recorded as not done (negated)."""
    if not _accused_act(verb, lex):
        return False
    return any(_denied_charge(t) for t in verb.sent if t.i > verb.i)


def _listed_infinitive(clause: Token) -> bool:
    """An infinitive listed with its own "to" after another: the negation of the first ("not
    to support A, to lift B and to address C") stays there; in "not to support A or B" it
    reaches B. The parser hangs the second item as a conjunct or as a purpose clause."""
    if clause.dep_ != "conj" and not (clause.dep_ == "advcl" and after_comma(clause)):
        return False
    return has_own_to(clause)


def _sets_the_scene(prep: Token) -> bool:
    """ "after the meeting", "at a rally"; not "aimed at easing the standoff"."""
    if prep.lower_ == "at":
        return any(c.dep_ == "pobj" for c in prep.children)
    return prep.lower_ in SETTING_PREPS


def _dated(participle: Token) -> bool:
    """A participle with a date of its own ("signed in 2010", "signed on March 10")."""
    return any(t.ent_type_ == "DATE" for c in participle.children for t in c.subtree)


# verbs that, with a gerund, presuppose that its act has been going on
CESSATION_VERBS = frozenset({"stop", "cease", "quit", "halt"})


def _ceased(gerund: Token, head: Token) -> bool:
    """ "stop killing", "quit intimidating": the act stopped (or to be stopped) is happening or
    happened, not negated; "stopped Serbia from joining" stays a negated joining."""
    return (
        head.lemma_.lower() in CESSATION_VERBS and gerund.dep_ == "xcomp" and gerund.tag_ == "VBG"
    )


# adverbial clauses that state a fact beside their host ("until", "before", "once" and "if"
# clauses may be in the past tense and still not have happened: "until Beijing pulled out")
FACT_MARKS = frozenset(
    {"as", "while", "when", "after", "because", "since", "though", "although", "whereas"}
)


def _told_as_past(clause: Token) -> bool:
    """ "will continue to exert pressure, as Tehran rejected its offer", "we can still hear
    gunfire as militants are still fighting": an adverbial clause with its own subject in the
    past tense or going on now happened, whatever its host clause's modal."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark" or c.tag_ == "WRB"}
    told = clause.tag_ == "VBD" or _going_on(clause)
    return told and bool(marks & FACT_MARKS) and has_own_subject(clause)


def _going_on(verb: Token) -> bool:
    """ "are still fighting", "is holding": a progressive in the present tense."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'re", "'s"} for c in verb.children
    )


def _own_clause(conjunct: Token) -> bool:
    """ "Russia did not respond, but it has denied the allegations", "did not attend but sent
    a letter": a conjunct with its own subject, joined by "but", or told by the speaker
    beside "said" is a clause of its own and keeps its own factuality."""
    if has_own_subject(conjunct):
        return True
    if said_in_the_same_breath(conjunct) is not None:
        return True  # "said the draft would have ... and accused London": the speaker's act
    joins = [c for c in conjunct.head.children if c.dep_ == "cc" and c.i < conjunct.i]
    return bool(joins) and joins[-1].lower_ in {"but", "yet"}


def _years_before(sent: Span, verb: Token, published: dt.date | None) -> bool:
    if published is None:
        return False
    clause = set(t.i for t in verb.subtree)
    for ent in sentence_ents(sent):
        if ent.label_ != "DATE" or ent.root.i not in clause:
            continue
        if ongoing_since(ent) and not _perfect_since(ent, verb):
            continue
        # "sided with the EU, which had ... in 2019"; "blamed X for ... withdrawing in 2017"
        if dates_another_clause(ent.root, verb) and not _lasting_since(ent, verb):
            continue
        match = YEAR.search(ent.text)
        if match and int(match.group(1)) <= published.year - 2:
            return True
    return False


def historical(sent: Span, verb: Token, lex: Lexicon, published: dt.date | None) -> bool:
    """Explicit dates well before publication, or cue phrases ("decades ago", "during the
    Cold War"). A past perfect alone is not enough: news uses it for last week's background
    ("Hungary had threatened to block the package")."""
    if _years_before(sent, verb, published) or _since_clause(verb) or _long_after(verb):
        return True
    if _has_since(verb) or _done_before(verb):  # "has since brought", "has previously issued"
        return True
    if _shares_a_subject(verb):  # "then-President Trump withdrew from the deal and reimposed"
        verb = verb.head
        if _long_after(verb):  # "three months after X declared ... and ordered"
            return True
    clause = " ".join(t.lower_ for t in verb.subtree)
    if THEN_OFFICE.search(clause):
        return True
    return lex.historical_cues.search(clause) is not None


def _done_before(verb: Token) -> bool:
    """ "The court has previously issued warrants for al-Bashir", "the EU has sanctioned
    Iranian officials over human rights before": an act told as done on an earlier occasion
    is background."""
    if any(c.dep_ == "advmod" and c.lower_ == "previously" for c in verb.children):
        return True
    return any(
        t.lower_ == "before" and t.dep_ == "advmod" and _ends_a_phrase(t) and in_clause(t, verb)
        for t in verb.subtree
        if t.i > verb.i
    )


def _ends_a_phrase(word: Token) -> bool:
    """ "... before." or "... before, and": the word with nothing after it in its clause, and
    not a time's ("the night before", "a week before": a date, read as one)."""
    if list(word.children) or word.head.ent_type_ in {"DATE", "TIME"}:
        return False
    return word.i + 1 == len(word.doc) or word.nbor().is_punct


# verbs whose subject is the event itself said to take place ("an attack could come")
OCCURRENCE_VERBS = frozenset(
    {"come", "happen", "occur", "take", "follow", "begin", "start", "resume", "go", "proceed"}
)


def _anniversary_of(noun: Token) -> bool:
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() == "anniversary"
    )


def _given_subject(noun: Token) -> bool:
    """ "his client's arrest could be unconstitutional", "the raid was illegal": a definite
    event noun that a clause says something about is taken as given; not one the clause says
    takes place ("the talks could resume", "an attack could come")."""
    if noun.dep_ not in OWN_SUBJECTS or noun.head.lemma_.lower() in OCCURRENCE_VERBS:
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children
    )


def _perfect_since(ent: Span, verb: Token) -> bool:
    """ "has imposed sanctions since 2006": a present perfect running since long ago began
    long ago; "the first meeting since 2016" dates nothing the verb did."""
    since = ent.root.head
    return since.lower_ == "since" and since.head == verb and _present_perfect(verb)


def _lasting_since(ent: Span, verb: Token) -> bool:
    """ "has lent billions since Xi unveiled the initiative in 2013": a present perfect that
    lasts since a clause dated long ago began then."""
    return _present_perfect(verb) and any(
        _since_marked(c) and c.left_edge.i <= ent.root.i <= c.right_edge.i for c in verb.children
    )


def _since_marked(clause: Token) -> bool:
    """An adverbial clause that says since when: "since Xi unveiled the initiative"."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in clause.children
    )


def _present_perfect(verb: Token) -> bool:
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have", "'ve"} for c in verb.children
    )


def _has_since(verb: Token) -> bool:
    """ "The Gambia has since brought a case against Myanmar": a present perfect told "since"
    the background it follows is itself background."""
    since = any(
        (c.dep_ == "advmod" and c.lower_ == "since") or _since_then(c) for c in verb.children
    )
    return since and _present_perfect(verb)


def _since_then(prep: Token) -> bool:
    """ "Since then, protesters have demanded ...": since the background just told."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "since"
        and any(c.dep_ in {"pobj", "pcomp"} and c.lower_ == "then" for c in prep.children)
    )


def _shares_a_subject(verb: Token) -> bool:
    return verb.dep_ == "conj" and not has_own_subject(verb)


def _since_clause(verb: Token) -> bool:
    """ "Concern has grown since Solomon Islands signed a security pact with China": what a
    present perfect has lasted since is where it began, told as background."""
    if verb.tag_ != "VBD" or not _since_marked(verb):
        return False
    lasting = verb.head
    while lasting.dep_ == "xcomp" and lasting.head != lasting:  # "has sought to reduce"
        lasting = lasting.head
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in lasting.children)


# spans that put what follows "after" well before the story ("three months after", "years after")
LONG_SPANS = frozenset({"month", "year", "decade"})


def _long_after(verb: Token) -> bool:
    """ "The raid came three months after Noboa declared a conflict": what a span of months
    or years came after is background, whatever the main clause tells."""
    if verb.dep_ == "advcl":
        after = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    else:
        after = verb.head if verb.dep_ == "pcomp" and verb.head.lower_ == "after" else None
    if after is None:
        return False
    near = (*verb.children, *after.children, *(c for c in after.head.children if c.i < after.i))
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in LONG_SPANS for c in near)


# "then-president Laurent Gbagbo": an office held then, not now (tokens "then", "-", "president")
THEN_OFFICE = re.compile(r"\bthen - [a-z]")


def object_negated(verb: Token, lex: Lexicon) -> bool:
    """ "held no talks", "made no threat": the negation sits on the eventive object."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)


def factuality(
    trigger: Token,
    sent: Span,
    lex: Lexicon,
    *,
    published: dt.date | None = None,
    presupposed: bool = False,
    recent: bool = False,
    old: bool = False,
) -> str:
    """One of asserted / negated / hypothetical / future / historical for a trigger.

    ``presupposed``: a noun event with its own actor ("Russia's invasion") is taken as given,
    whatever the modality of the clause that mentions it. ``recent``: the event is dated within
    a year before publication, so it is never historical by cue words alone. ``old``: the
    event's own date ends more than a month before publication: background, historical.
    """
    if trigger.pos_ in {"NOUN", "PROPN"}:
        if _negated(trigger, lex):
            return "negated"
        if not presupposed and _given_subject(trigger):
            # what the clause says of it may be modal ("could be unconstitutional"); the clause
            # itself may still be asked for ("demanding that their release be placed first")
            verb = clause_verb(trigger)
            around = embedded_factuality(verb, lex)
            if around is not None:
                return around
            presupposed = True
        if _gone_without(trigger):
            return went_without(trigger.head, lex)
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "since" and not recent:
            return "historical"  # "relations have soured since the attack": where it began
        if _anniversary_of(trigger):
            return "historical"  # "the third anniversary of the invasion": a year or more ago
        if presupposed:
            verb = clause_verb(trigger)
            past = old or (not recent and historical(sent, verb, lex, published))
            return "historical" if past else "asserted"
        # the object of a request or refusal is what is asked or refused ("called for a
        # ceasefire": the ceasefire is hypothetical), not a fact
        around = embedded_factuality(trigger, lex)
        if around is not None:
            return around
    verb = clause_verb(trigger)
    if object_negated(verb, lex) or charge_denied(verb, lex):
        return "negated"
    found = local_factuality(verb, lex)
    if found is None or found == "future":
        around = embedded_factuality(verb, lex)
        if found is None or around == "hypothetical":
            # "fears that China will invade", "the chance that X will stop": not a plan
            found = around or found
    if found is not None:
        return found
    if old or (not recent and historical(sent, verb, lex, published)):
        return "historical"
    return "asserted"
