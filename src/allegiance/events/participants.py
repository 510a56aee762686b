"""Who does what to whom: actor and recipient mentions found over the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from allegiance.doc import token_in_quotes
from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import (
    PLACE_KINDS,
    MentionIndex,
    distinct,
    mention_root,
    np_mention,
    np_mentions,
)
from allegiance.events.object_parties import (
    MEETING_NOUNS,
    _body_convened,
    _drafter,
    _holder_of_assets,
    _partner_of_ties,
    object_author,
    what_it_called,
)
from allegiance.events.pairs import hyphenated_pair
from allegiance.events.syntax import (
    DATIVES,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    child,
    describes_a_noun,
    directive_beside,
    has_own_to,
    is_passive,
    prep_object,
)
from allegiance.models import Mention

MAX_CLIMB = 8  # how many heads up a clause chain the rules look
RECIPIENT_PREPS = (
    "to",
    "against",
    "on",
    "with",
    "at",
    "toward",
    "towards",
    "into",
    "for",
    "upon",
    "between",
)
# prepositions whose object receives the act an event noun names ("sanctions on Russia")
NOUN_RECIPIENT_PREPS = ("of", "to", "for", "against", "on", "with", "into", "toward")
# the occasion of an act, not a party to it: "at their summit in Vilnius, NATO leaders agreed"
OCCASIONS = MEETING_NOUNS | frozenset({
    "summit", "conference", "forum", "ceremony", "sideline", "gathering", "briefing", "event",
    "rally", "parade",
})  # fmt: skip


PERSONAL = frozenset({"it", "they", "he", "she", "we", "i", "you"})


FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})


FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def _same_person(pronoun: Token, above: Token, *, quoted_first: bool = True) -> bool:
    """ "they" may be the country that speaks ("Syria says it ..."), and so may "we" inside
    the speaker's own quoted words (“We reject ...,” the spokesman said); "you" never is."""
    if above.pos_ != "PRON":
        first = quoted_first and pronoun.lower_ in FIRST_PERSON and token_in_quotes(pronoun)
        return first or pronoun.lower_ not in FIRST_SECOND
    return (pronoun.lower_ in FIRST_SECOND) == (above.lower_ in FIRST_SECOND)


def _unresolved_pronoun(subj: Token, index: MentionIndex | None) -> bool:
    """A personal pronoun the resolver left open ("Syria says it ..."); "this" or "that"
    points at a thing said, not at the speaker."""
    personal = subj.pos_ == "PRON" and subj.lower_ in PERSONAL
    return personal and index is not None and index.at_token(subj) is None


def subject_token(
    verb: Token,
    lex: Lexicon,
    depth: int = 0,
    index: MentionIndex | None = None,
    *,
    quoted_first: bool = True,
) -> Token | None:
    """The subject of ``verb``; for controlled clauses the controller in the governing clause.

    An unresolved subject pronoun of an embedded clause is read as the governing clause's
    subject ("Syria says it is willing to withdraw"). Only the first pronoun of such a chain
    may be a quoted "we" read as the speaker (``quoted_first``): "they" in the speaker's
    quoted "I hope they ..." stays apart from the speaker.
    """
    subj = child(verb, SUBJECTS) or _subject_on_auxiliary(verb)
    embedded = verb.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and verb.head != verb
    if subj is not None and embedded and _unresolved_pronoun(subj, index):
        above = subject_token(verb.head, lex, depth + 1, index, quoted_first=False)
        same = above is not None and _same_person(subj, above, quoted_first=quoted_first)
        return above if same else subj
    if subj is None:
        subj = stranded_subject(verb)
    if subj is not None or depth > 4 or verb.head == verb:
        return subj
    return _controller(verb, lex, depth, index, quoted_first=quoted_first)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def stranded_subject(verb: Token) -> Token | None:
    """Where the small parser strands a clause's subject: "..., Britain, France and Germany
    urged Iran" hangs the names on the phrase before them, leaving the verb with no subject;
    "Turkey, Azerbaijan's closest ally, called on Armenia" makes the sentence a noun with the
    verb a clause on its apposition. The names just before the verb are its subject."""
    doc = verb.doc
    if verb.i == 0:
        return None
    before = doc[verb.i - 1]
    if verb.head == verb and verb.tag_ in FINITE_TAGS:
        if before.pos_ != "PROPN" or before.dep_ not in {"conj", "appos", "pobj"}:
            return None
        while before.dep_ == "conj" and before.head.pos_ == "PROPN" and before.head.i < before.i:
            before = before.head
        return before
    return named_before_apposition(verb)


def named_before_apposition(verb: Token) -> Token | None:
    """ "Turkey, Azerbaijan's closest ally, called ...": Turkey, for a clause the parser hung,
    after the apposition, on a name it made the sentence's root (or on that apposition)."""
    if verb.dep_ != "acl" or verb.i == 0 or verb.doc[verb.i - 1].lower_ != ",":
        return None
    named = verb.head.head if verb.head.dep_ == "appos" else verb.head
    if named.dep_ != "ROOT" or named.pos_ != "PROPN":
        return None
    set_off = any(c.dep_ == "appos" and named.i < c.i < verb.i for c in named.children)
    return named if set_off else None


def _subject_on_auxiliary(verb: Token) -> Token | None:
    """The parser sometimes hangs the subject on the auxiliary ("Iran is "flagrantly"
    defying the Council": Iran <- is <- defying)."""
    for aux in verb.children:
        if aux.dep_ in {"aux", "auxpass"} and aux.i < verb.i:
            subj = child(aux, SUBJECTS)
            if subj is not None:
                return subj
    return None


def _participle_of_actor_noun(verb: Token, index: MentionIndex | None) -> bool:
    """ "an EU statement supporting Ukraine": the statement's author supports; "Israeli
    airstrikes killed 30 people", misparsed as a participle on the airstrikes, the same. A noun
    with no actor in it ("issued a declaration demanding ...") leaves it to the clause above."""
    head = verb.head
    active = verb.tag_ == "VBG" or (verb.tag_ == "VBN" and not describes_a_noun(verb))
    return (
        verb.dep_ == "acl"
        and active
        and head.pos_ in {"NOUN", "PROPN"}
        and index is not None
        and np_mention(head, index) is not None
    )


# nouns whose owner is who would act: "OPEC's decision to cut", "a bid by Kyiv to join"
RESOLVE_NOUNS = frozenset({
    "decision", "plan", "move", "bid", "attempt", "effort", "pledge", "promise", "threat",
    "offer", "refusal", "failure", "commitment", "intention", "readiness", "willingness",
    "determination", "vow", "push", "drive", "campaign", "proposal", "agreement",
})  # fmt: skip


def _owner_of_the_resolve(verb: Token) -> Token | None:
    """ "criticised OPEC's decision to cut output", "a decision by OPEC to cut": whose
    decision it is cuts, not who criticised it."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in RESOLVE_NOUNS or not has_own_to(verb):
        return None
    return child(noun, ("poss",)) or prep_object(noun, ("by",))


# "accused X of attacking", "blamed X for", "barred X from", "warned X against selling",
# "charged X with plotting"
GERUND_PREPS = frozenset({"of", "for", "from", "against", "with"})


def _gerund_controller(verb: Token, lex: Lexicon) -> Token | None:
    """The object of "accused X of attacking", "prevented X from joining": X does it; also
    the gerunds coordinated with the first ("accused India of funding and arming the BLA")."""
    above = verb.head  # the parser may hang the second gerund on the verb itself
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and above.lemma_.lower() in lex.gerund_control:
        preps = (c for c in above.children if c.dep_ == "prep" and c.i < verb.i)
        if any(p.lower_ in GERUND_PREPS for p in preps):
            return child(above, OBJECTS)
    while verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head != verb:
        verb = verb.head
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS:
        return None
    controller = gerund_controlling_verb(prep, lex)
    if controller is None:
        return None
    above = prep.head  # "accusing the administration of siding with Cairo": "of" on the noun
    return above if above != controller else child(controller, OBJECTS)


def gerund_controlling_verb(prep: Token, lex: Lexicon) -> Token | None:
    """The verb whose object does what the gerund after ``prep`` tells ("accused" in "accused
    Russia of deploying"), also where the parser hangs the preposition on that object."""
    above = prep.head
    if above.dep_ in OBJECTS and above.head.lemma_.lower() in lex.gerund_control:
        return above.head
    return above if above.lemma_.lower() in lex.gerund_control else None


def _beside_the_reporting_verb(verb: Token) -> Token | None:
    """ "X said Y have supplied Z, and urged W": a simple past cannot share the perfect's
    "have", so it is coordinated with "said" (the parser often hangs it on "supplied"); so is
    a speech act hung deeper in what was said (``said_in_the_same_breath``)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD":
        return None
    if head.dep_ == "ccomp" and any(
        c.dep_ == "aux" and c.lower_ in {"have", "has"} for c in head.children
    ):
        return head.head
    return said_in_the_same_breath(verb)


SAYING = frozenset({"say", "tell", "add", "state"})
SPEECH_ACTS = frozenset({
    "accuse", "urge", "call", "ask", "warn", "demand", "criticize", "criticise", "condemn",
    "reject", "deny", "welcome", "praise", "vow", "pledge", "appeal", "blame", "press",
})  # fmt: skip
_CLAUSE_INSIDE = frozenset({"xcomp", "acl", "advcl", "dobj", "pobj", "prep", "pcomp", "acomp"})


def said_in_the_same_breath(verb: Token) -> Token | None:
    """ "Zhang said the draft would have complicated efforts to resolve the crisis and accused
    London of ...": a speech act in the simple past, hung by the parser on a verb deep in what
    was said, is the speaker's second act, coordinated with "said"."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() not in SPEECH_ACTS:
        return None
    tok = verb.head
    for _ in range(6):
        if tok.tag_ == "VBD":
            return None  # "said Russia violated the deal and rejected talks": one subject
        if tok.dep_ == "ccomp":
            said = tok.head
            speaks = said.lemma_ in SAYING and said.tag_ == "VBD" and said.i < verb.i
            return said if speaks else None
        if tok.dep_ not in _CLAUSE_INSIDE and tok.dep_ != "conj":
            return None
        tok = tok.head
    return None


def left_to(verb: Token) -> Token | None:
    """ "It is now for Russia to accept it", "it is up to Iran to resume talks": the "be" of a
    duty left to a party, whose act is not told as done (None where ``verb`` is no such act)."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "advcl"} or head.lemma_ != "be":
        return None
    subject = child(head, SUBJECTS)
    if subject is None or subject.lower_ != "it" or verb.i < head.i:
        return None
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return head
    return head if _party_left_to(head) is not None else None


def _party_left_to(be: Token) -> Token | None:
    up = next((c for c in be.children if c.lower_ == "up" and c.dep_ in {"prep", "advmod"}), None)
    return prep_object(up, ("to",)) if up is not None else None


def _controller(
    verb: Token, lex: Lexicon, depth: int, index: MentionIndex | None, *, quoted_first: bool
) -> Token | None:
    head = verb.head
    party = _party_left_to(head) if left_to(verb) is not None else None
    if party is not None:
        return party  # "it is up to Iran to resume talks": Iran
    reporting = _beside_the_reporting_verb(verb) or directive_beside(
        verb, lex.object_control, lex.embedding
    )
    if reporting is not None:
        return subject_token(reporting, lex, depth + 1, index, quoted_first=quoted_first)
    if verb.dep_ == "relcl" and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head
    if _participle_of_actor_noun(verb, index):
        return head
    owner = _owner_of_the_resolve(verb)
    if owner is not None:
        return owner
    gerund_object = _gerund_controller(verb, lex)
    if gerund_object is not None:
        return gerund_object
    if verb.dep_ in {"xcomp", "ccomp"} and head.lemma_ in lex.object_control:
        obj = child(head, OBJECTS) or child(head, DATIVES) or prep_object(head, CALLED_ON)
        if obj is not None:
            return obj
    if verb.dep_ not in {"xcomp", "advcl", "conj", "pcomp", "ccomp", "acl"}:
        return None
    above = governing_verb(verb) if verb.dep_ in {"pcomp", "acl"} else head
    if above is not None and above.pos_ == "ADJ" and above.dep_ in {"acomp", "xcomp"}:
        above = above.head  # "Syria is willing to withdraw": the subject of "is"
    if above is None or above.pos_ not in {"VERB", "AUX"}:
        return None
    if is_passive(above) and verb.dep_ != "conj":
        # "X is expected to protest", "X was urged to withdraw": X does it
        return child(above, PASSIVE_SUBJECTS)
    return subject_token(above, lex, depth + 1, index, quoted_first=quoted_first)


# "called on Moscow to release him": the one called on does what is asked
CALLED_ON = ("on", "upon")


def governing_verb(token: Token) -> Token | None:
    """The verb above a prepositional/nominal chain ("play a part in helping" -> play)."""
    tok = token.head
    for _ in range(4):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if tok.dep_ not in {"prep", "pobj", "dobj", "attr", "pcomp"} or tok.head == tok:
            return None
        tok = tok.head
    return None


def passive_participle(verb: Token) -> bool:
    """ "the hotel reduced to rubble", "villages shelled overnight": the noun undergoes it."""
    return describes_a_noun(verb) and named_before_apposition(verb) is None


def verb_actors(verb: Token, index: MentionIndex, lex: Lexicon) -> list[Mention]:
    """Actor mentions of a verbal trigger: agent in the passive, else the subject."""
    if is_passive(verb) or passive_participle(verb):
        agent = prep_object(verb, ("by",))
        return np_mentions(agent, index) if agent is not None else []
    subj = subject_token(verb, lex, 0, index)
    if subj is None:
        return []
    return [*np_mentions(subj, index), *_acting_along(verb, subj, index)]


def _acting_along(verb: Token, subj: Token, index: MentionIndex) -> list[Mention]:
    """ "The United States, along with Britain and France, called a meeting": the parties
    "along with" or "together with" the subject act with it."""
    out: list[Mention] = []
    for prep in (c for head in (verb, subj) for c in head.children if c.dep_ == "prep"):
        partner = None
        if prep.lower_ in _ALONG:
            partner = prep_object(prep, ("with",))
        elif prep.lower_ == "with" and any(c.lower_ in _ALONG for c in prep.children):
            partner = child(prep, ("pobj",))
        out += np_mentions(partner, index) if partner is not None else []
    return out


_ALONG = frozenset({"along", "together"})


def condition_subject(verb: Token) -> Token | None:
    """Who a condition is put to: "threatened to strike unless Israel rescinded ..." -> Israel."""
    for clause in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        for c in clause.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ == "advcl" and marks & {"if", "unless"}:
                return child(c, SUBJECTS)
    return None


def condition_in_what_is_said(verb: Token) -> Token | None:
    """ "warned that Minsk could shut off transit if the EU imposed sanctions": the party the
    condition is put to, not the one that would act (the warner's own side)."""
    for comp in (c for c in verb.children if c.dep_ == "ccomp"):
        found = condition_subject(comp)
        if found is not None:
            return found
    return None


# participles on what a force does that name where or whom it does it: "drills encircling
# Taiwan", "strikes targeting militant positions"
SURROUNDING = frozenset({"encircle", "surround", "circle", "target", "approach", "blockade"})


def _place_surrounded(verb: Token, obj: Token | None) -> Token | None:
    """What a participle on the object encircles or targets ("conducted drills encircling
    Taiwan"), also where the parser hangs the participle on the verb with the object as its
    subject."""
    participles = [c for c in obj.children if c.dep_ == "acl"] if obj is not None else []
    participles += [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    for participle in participles:
        if participle.tag_ == "VBG" and participle.lemma_.lower() in SURROUNDING:
            return child(participle, ("dobj",))
    return None


def verb_recipients(
    verb: Token,
    index: MentionIndex,
    *,
    transfer: bool,
    place_preps: Sequence[str] = (),
    exclude: Sequence[Mention] = (),
    event_noun: Token | None = None,
) -> list[Mention]:
    """Recipient mentions of a verbal trigger, most direct grammatical role first; the place
    prepositions ("attacked positions in X", "withdrew its troops from X") come last. An
    ``event_noun`` object of a light verb ("made the appeal in Brussels") is no recipient;
    the party its "for X to" clause names comes first."""
    obj = child(verb, OBJECTS)
    roles = _recipient_roles(verb, obj, index, transfer=transfer, place_preps=place_preps,
                             event_noun=event_noun)  # fmt: skip
    for tok in roles:
        if tok is not None:
            found = _recipients_at(tok, verb, obj, index, exclude, event_noun=event_noun)
            if found:
                return found
    return []


def _recipient_roles(
    verb: Token,
    obj: Token | None,
    index: MentionIndex,
    *,
    transfer: bool,
    place_preps: Sequence[str],
    event_noun: Token | None,
) -> list[Token | None]:
    """The words that may name the recipient, in the order they are tried."""
    candidates: list[Token | None] = []
    if event_noun is not None:  # "renewed Moldova's call for Russia to withdraw": Russia
        candidates.append(asked_party(event_noun))
    if is_passive(verb):
        candidates.append(child(verb, PASSIVE_SUBJECTS))
    if passive_participle(verb):
        candidates.append(verb.head)
    candidates.append(child(verb, DATIVES))
    if not transfer:
        candidates += _object_roles(verb, obj, index)
    candidates.append(prep_object(verb, RECIPIENT_PREPS, skip=OCCASIONS))
    candidates.append(chanted_against(verb))
    candidates.append(_taken_from(verb))
    candidates.append(goods_origin(verb, obj))
    candidates.append(import_origin(verb, obj))
    candidates.append(_body_convened(verb, obj))
    candidates.append(condition_in_what_is_said(verb))
    for comp in (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}):
        candidates.append(child(comp, SUBJECTS | PASSIVE_SUBJECTS))
    if place_preps:
        candidates.append(prep_object(verb, place_preps))
        if obj is not None:  # "strengthened its forces in Lebanon"
            candidates.append(prep_object(obj, place_preps))
        candidates.append(_place_surrounded(verb, obj))
    candidates.append(condition_subject(verb))
    if transfer:
        candidates += transfer_recipients(verb, index)
    return candidates


def _object_roles(verb: Token, obj: Token | None, index: MentionIndex) -> list[Token | None]:
    """What the object says of the recipient, for an act that transfers nothing."""
    partner = _partner_of_ties(obj)
    roles = [partner, _holder_of_assets(obj), _aid_destination(obj)]
    if partner is None:  # "ties with the island nation": whose ties they are is no party
        roles += [_drafter(obj), obj, _seat_of_the_body(verb, obj, index)]
    return [*roles, object_author(verb), what_it_called(verb)]


def _recipients_at(
    tok: Token,
    verb: Token,
    obj: Token | None,
    index: MentionIndex,
    exclude: Sequence[Mention],
    *,
    event_noun: Token | None,
) -> list[Mention]:
    # where the act named by the object happened is no party ("made the appeal in Brussels")
    found = distinct(np_mentions(tok, index, places=tok != event_noun), exclude)
    found = _other_of_a_pair(tok, index, exclude) or found
    if obj is not None and tok == obj:  # "closed the bloc's airspace to ...": its own
        found = [m for m in found if not own_domain_holder(m, obj, exclude)]
    if found and obj is not None and tok == obj:
        found += distinct(_names_hung_on_the_verb(verb, obj, index), [*exclude, *found])
    return found


# what a party closes or opens to others: its own, whoever it is named as ("the bloc's")
OWN_DOMAINS = frozenset({
    "airspace", "border", "port", "harbour", "harbor", "water", "market", "territory", "sky",
})  # fmt: skip


def own_domain_holder(mention: Mention, obj: Token, actors: Sequence[Mention]) -> bool:
    """ "EU leaders agreed to close the bloc's airspace to Belarusian airlines": the bloc is
    the actor's own, named again (as "its airspace" would be), not whom the act is done to."""
    if obj.lemma_.lower() not in OWN_DOMAINS or not mention.code:
        return False
    root = mention_root(obj.doc, mention)
    held = root is not None and root.dep_ == "poss" and root.head == obj
    return held and mention.code in {a.code for a in actors}


# what a crowd does beside its rally that names whom it is against
CHANTING = frozenset({"chant", "shout", "denounce", "condemn"})


def chanted_against(verb: Token) -> Token | None:
    """ "rallied after Friday prayers, waving flags and chanting slogans against the United
    States and Israel", "marched ..., denouncing the junta": whom a crowd's chants are against
    is whom its rally addresses."""
    beside = [c for c in verb.children if c.dep_ in {"advcl", "conj", "xcomp"}]
    for clause in (x for c in beside for x in (c, *c.conjuncts)):
        if clause.tag_ != "VBG":
            continue
        lemma = clause.lemma_.lower()
        if lemma not in CHANTING:
            continue
        obj = child(clause, OBJECTS)
        if lemma in {"denounce", "condemn"}:
            return obj
        against = prep_object(clause, ("against",))
        if against is None and obj is not None:
            against = prep_object(obj, ("against",))
        if against is not None:
            return against
    return None


# taking ground or things from someone: "recaptured the village from Russian troops"
TAKING = frozenset({"capture", "recapture", "retake", "seize", "wrest", "take", "grab"})


def _taken_from(verb: Token) -> Token | None:
    """Whom a place or a thing is taken from: the one who loses it receives the act."""
    return prep_object(verb, ("from",)) if verb.lemma_.lower() in TAKING else None


def _other_of_a_pair(noun: Token, index: MentionIndex, exclude: Sequence[Mention]) -> list[Mention]:
    """ "pledged $60 billion for the China-Pakistan Economic Corridor" (China pledging): of the
    two parties a hyphenated pair names, the one that is not the actor."""
    own = {m.code for m in exclude if m.code}
    pair = hyphenated_pair(noun, index)
    others = [m for m in pair if m.code and m.code not in own]
    return others if own and len(others) == 1 and len(pair) == 2 else []


GOVERNING_BODIES = frozenset({"government", "authority", "regime", "administration",
                              "leadership"})  # fmt: skip


def _seat_of_the_body(verb: Token, obj: Token | None, index: MentionIndex) -> Token | None:
    """ "accused the government in Pristina of ...": the parser hangs "in Pristina" on the
    verb; right after a governing body, a seat of government names whose body it is."""
    if obj is None or obj.lemma_.lower() not in GOVERNING_BODIES or obj.i + 1 >= len(obj.doc):
        return None
    after = obj.doc[obj.i + 1]
    if after.lower_ != "in" or after.head != verb:
        return None
    seat = child(after, ("pobj",))
    mention = index.at_token(seat) if seat is not None else None
    return seat if mention is not None and mention.kind == "capital" else None


def _names_hung_on_the_verb(verb: Token, obj: Token, index: MentionIndex) -> list[Mention]:
    """ "is due to visit Guatemala and Belize": the parser may hang the second name on the
    verb as if it were a second verb; a bare name after the object is the object's
    conjunct."""
    out = []
    for c in verb.children:
        if c.dep_ != "conj" or c.i < obj.i or not _a_bare_name(c):
            continue
        mention = index.at_token(c)
        if mention is not None and mention.code is not None:
            out.append(mention)
    return out


def _a_bare_name(token: Token) -> bool:
    """A name with no clause of its own (no subject, object or auxiliary under it)."""
    named = token.pos_ == "PROPN" or token.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}
    return named and not any(g.dep_ in SUBJECTS | {"dobj", "aux"} for g in token.children)


AID_NOUNS = frozenset({"aid", "assistance", "help", "support", "money", "funding", "loan",
                       "weapon", "arm", "equipment", "ammunition", "shell", "missile"})  # fmt: skip


def _aid_destination(obj: Token | None) -> Token | None:
    """ "suspended U.S. funding to the agency", "halting U.S. assistance to South Africa": whom
    the aid went to, not whose it is."""
    if obj is None or obj.lemma_.lower() not in AID_NOUNS:
        return None
    return prep_object(obj, ("to", "for"))


# measures one party imposes on another's trade or people ("tariffs on steel from X")
MEASURE_NOUNS = frozenset({"sanction", "tariff", "embargo", "duty", "ban", "restriction"})


def goods_origin(verb: Token, obj: Token | None) -> Token | None:
    """ "imposed tariffs on steel from South Korea": a measure on goods that name no party
    falls on where they come from (the parser hangs "from" on the verb or on the goods)."""
    if obj is None or obj.lemma_.lower() not in MEASURE_NOUNS:
        return None
    target = prep_object(obj, ("on",)) or prep_object(verb, ("on",))
    return _coming_from(target, verb) if target is not None else None


def import_origin(verb: Token, obj: Token | None) -> Token | None:
    """ "banned imports from China": a measure on imports falls on where they come from, also
    where the parser hangs "from" on the verb ("banned ... from" is otherwise no party)."""
    if obj is None or obj.lemma_.lower() != "import":
        return None
    return _coming_from(obj, verb)


def _coming_from(goods: Token, verb: Token) -> Token | None:
    """Where ``goods`` come from: "from" on them, or on the verb where the parser hangs it."""
    return prep_object(goods, ("from",)) or prep_object(verb, ("from",))


DEPOSITED_IN = ("in", "into", "with")


def transfer_recipients(verb: Token, index: MentionIndex) -> list[Token | None]:
    """Where the small parser hides a transfer's recipient: "shipped millions of shells to
    Moscow" ("to" under the object) and "given Kyiv military aid" (the recipient parsed as a
    modifier of what is given: a proper noun opening a phrase about aid or arms)."""
    obj = child(verb, OBJECTS)
    if obj is None:
        return []
    out: list[Token | None] = [prep_object(obj, ("to",))]
    if verb.lemma_.lower() == "deposit":  # "deposited $250 million in the Central Bank of Sudan"
        out += [prep_object(verb, DEPOSITED_IN), prep_object(obj, DEPOSITED_IN)]
    mods = [c for c in obj.children if c.i < obj.i and c.dep_ in {"amod", "compound", "nmod"}]
    if mods and (len(mods) > 1 or obj.lemma_ in AID_NOUNS) and _names_a_state(mods[0], index):
        out.append(mods[0])
    return out


def _names_a_state(token: Token, index: MentionIndex) -> bool:
    """A proper name or a capital standing for its state ("Kyiv"), not a demonym ("Ukrainian
    troops" are the giver's own forces)."""
    mention = index.at_token(token)
    return mention is not None and (mention.kind == "capital" or token.pos_ == "PROPN")


def noun_actors(noun: Token, index: MentionIndex, *, patient_poss: bool = False) -> list[Mention]:
    """Actor of an eventive noun: possessor, compound, demonym adjective or by-phrase."""
    deps = {"compound", "amod", "nmod"} if patient_poss else {"poss", "compound", "amod", "nmod"}
    for c in noun.children:
        if c.dep_ in deps and c.i < noun.i:
            found = np_mentions(c, index)
            if found:
                return found
    agent = prep_object(noun, ("by", "from"))
    return np_mentions(agent, index) if agent is not None else []


def noun_recipients(
    noun: Token, index: MentionIndex, *, place_preps: Sequence[str] = (), patient_poss: bool = False
) -> list[Mention]:
    poss = child(noun, ("poss",)) if patient_poss else None
    if poss is not None and np_mentions(poss, index):
        return np_mentions(poss, index)
    asked = asked_party(noun)
    if asked is not None and np_mentions(asked, index):
        return np_mentions(asked, index)
    obj = prep_object(noun, NOUN_RECIPIENT_PREPS + tuple(place_preps))
    if obj is None:
        obj = _aimed_beside_the_instrument(noun)
    return np_mentions(obj, index) if obj is not None else []


# verbs whose subject answers an act aimed at it: "the Taliban rejected Pakistan's allegation",
# "Tehran accepted the U.S. offer", "Kenya ignored the demand"
ANSWERED_BY_ITS_TARGET = frozenset({
    "reject", "dismiss", "deny", "refute", "rebuff", "accept", "welcome", "decline", "heed",
    "ignore", "defy",
})  # fmt: skip
AIMED_TYPES = frozenset({"ACCUSE", "REQUEST", "AGREE", "AID", "THREATEN"})


def answering_party(noun: Token, kind: str, index: MentionIndex) -> list[Mention]:
    """Whom an accusation, a demand, an offer, aid or a threat named without its addressee is
    aimed at: the subject of the verb that answers it ("the Afghan Taliban have rejected
    Pakistan's allegation": Afghanistan)."""
    verb = noun.head
    if kind not in AIMED_TYPES or noun.dep_ != "dobj" or not _answers_it(verb):
        return []
    subject = child(verb, ("nsubj",))
    return np_mentions(subject, index) if subject is not None else []


def fighting_alongside(verb: Token, index: MentionIndex) -> tuple[list[Mention], list[Mention]]:
    """ "Eritrean forces fought alongside Ethiopia's federal army against the TPLF": whom the
    actor fights beside is on its side (PLOVER lists both as actors), and an "against" the
    parser hangs on the ally ("alongside Russian troops against Ukraine") names the target."""
    ally = prep_object(verb, ("alongside",)) or _fought_for(verb)
    if ally is None:
        return [], []
    foe = prep_object(ally, ("against",))
    sides = [m for m in np_mentions(ally, index) if m.kind not in PLACE_KINDS]
    return sides, (np_mentions(foe, index) if foe is not None else [])


FIGHTING_VERBS = frozenset({"fight", "battle"})


def _fought_for(verb: Token) -> Token | None:
    """ "Sudanese soldiers have fought in Yemen for the Saudi-led coalition": whom a force
    fights for is its side, not its target (a place fought for is no side)."""
    return prep_object(verb, ("for",)) if verb.lemma_.lower() in FIGHTING_VERBS else None


def _answers_it(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in {"brush", "shrug"}:  # "brushed aside the criticism", "shrugged off the threat"
        return any(
            c.dep_ in {"prt", "advmod"} and c.lower_ in {"aside", "off"} for c in verb.children
        )
    return lemma in ANSWERED_BY_ITS_TARGET


def _aimed_beside_the_instrument(noun: Token) -> Token | None:
    """ "retaliated with its own tariffs on U.S. goods": the parser hangs the target of the
    instrument on the verb it is the instrument of."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.head.head == noun.head:
        return None
    return prep_object(noun.head.head, ("on", "against"))


def asked_party(noun: Token) -> Token | None:
    """ "Moldova's call for Russia to withdraw": the subject of the noun's "for X to" clause
    is whom it is addressed to (the possessor made the call)."""
    for clause in noun.children:
        if clause.dep_ not in {"advcl", "acl", "relcl"}:
            continue
        marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        if marked and has_own_to(clause):
            return child(clause, SUBJECTS)
    return None
