"""Small readings of the dependency parse shared by the event rules: a token's child of some
relations, the object of a preposition, whether a clause is passive or has its own subject."""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping, Sequence

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
DATIVES = frozenset({"dative", "iobj"})
OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})  # determiners of a known thing
TO_COME = frozenset({"will", "would", "'ll", "shall"})  # auxiliaries of what is yet to be done
CLAUSES = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis"})


def has_own_subject(verb: Token) -> bool:
    """The clause names its own subject, active or passive."""
    return child(verb, OWN_SUBJECTS) is not None


def describes_a_noun(verb: Token) -> bool:
    """A past participle set on a noun ("a treaty signed in 1973", "villages shelled
    overnight"): the noun is what the participle acts on. Not where the participle has an
    object of its own, which only a verb of giving has in the passive ("Israeli airstrikes
    killed 30 people", parsed as "airstrikes [that were] killed": the airstrikes killed)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    own_object = any(c.dep_ == "dobj" for c in verb.children)
    return not own_object or verb.lemma_.lower() in GIVING


# verbs whose passive keeps an object: "a man given a sentence", "refugees granted asylum"
GIVING = frozenset({
    "give", "grant", "offer", "award", "deny", "promise", "send", "show", "tell", "hand",
    "pay", "lend", "sell", "allow", "charge", "sentence", "ask", "teach", "owe", "issue",
})  # fmt: skip


def child(token: Token, deps: frozenset[str] | Sequence[str]) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(
    token: Token, preps: Sequence[str], *, skip: frozenset[str] = frozenset()
) -> Token | None:
    """The object of the first child preposition in ``preps`` ("sent ... to Ukraine"), passing
    over objects whose lemma is in ``skip``."""
    for c in _with_particles(token):
        if c.dep_ in {"prep", "dative", "agent"} and c.lower_ in preps:
            obj = child(c, ("pobj",))
            if obj is not None and obj.lemma_.lower() not in skip:
                return obj
    return None


def _with_particles(token: Token) -> Iterator[Token]:
    """A token's children, and those of its particles ("kidnapped up to 16 advisers" is
    parsed with "to" under "up")."""
    for c in token.children:
        yield c
        if c.dep_ == "prt":
            yield from c.children


def means_clauses(token: Token) -> list[Token]:
    """The clauses a "by" on ``token`` names its means with ("responded by expelling",
    "supporting Russia's war effort by giving it weapons")."""
    return [
        t
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "by"
        for t in prep.children
        if t.dep_ == "pcomp"
    ]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def modified_noun(token: Token) -> Token:
    """The noun a modifier belongs to: "Qatar" in "in Qatar's capital" -> capital."""
    while token.dep_ in {"amod", "compound", "nmod", "poss"} and token.head != token:
        token = token.head
    return token


def after_comma(clause: Token) -> bool:
    """The clause's words follow a comma ("..., accusing him of ...")."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def comma_participle(clause: Token) -> bool:
    """A present participle set after a comma beside its host ("..., accusing him of ...")."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and after_comma(clause)


def has_own_to(clause: Token) -> bool:
    """An infinitive with its own "to" ("to lift restrictions")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def directive_beside(
    participle: Token, object_control: Container[str], embedding: Mapping[str, str]
) -> Token | None:
    """ "Estonia ordered a Russian diplomat to leave, accusing him of ...": the parser hangs the
    participle on what was ordered, but it is the act of whoever ordered it, beside the order.
    The directive verb (object control, asking for what it embeds), or None. So is a simple
    past joined to the infinitive ("urged Ethiopia and Eritrea to exercise restraint and
    offered the AU's help"): it cannot share the infinitive's "to"."""
    if not (comma_participle(participle) or past_beside_infinitive(participle)):
        return None
    ordered = participle.head
    directive = ordered.head
    if ordered.dep_ != "xcomp" or directive.lemma_.lower() not in object_control:
        return None
    return directive if embedding.get(directive.lemma_.lower()) == "hypothetical" else None


def past_beside_infinitive(verb: Token) -> bool:
    """ "to exercise restraint and offered help": a simple past joined to an infinitive."""
    infinitive = verb.head
    return (
        verb.dep_ == "conj" and verb.tag_ == "VBD" and infinitive.tag_ == "VB"
        and has_own_to(infinitive)
    )  # fmt: skip


def told_to_come(verb: Token) -> bool:
    """ "would respond", "will host": an auxiliary tells the act as yet to be done."""
    return any(c.dep_ == "aux" and c.lower_ in TO_COME for c in verb.children)


def reaches(token: Token, top: Token, *, crossing: frozenset[str]) -> bool:
    """Whether climbing heads from ``token`` meets ``top`` before any arc in ``crossing``."""
    while token != top:
        if token.dep_ in crossing or token.head == token:
            return False
        token = token.head
    return True


def in_clause(token: Token, verb: Token) -> bool:
    """Whether ``token`` belongs to the clause of ``verb`` (no clause boundary between)."""
    return reaches(token, verb, crossing=CLAUSES)
