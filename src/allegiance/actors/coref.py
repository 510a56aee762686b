"""In-document coreference: surnames, pronouns and definite descriptions.

Deliberately conservative: a pronoun takes the nearest compatible actor within a short window
of sentences, "the alliance"-type descriptions need their organisation named earlier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from allegiance.actors.domestic import domestic_bodies
from allegiance.actors.drafts import Context, Draft
from allegiance.actors.gender import fitting
from allegiance.actors.kb import folded
from allegiance.doc import token_in_quotes

PERSON_WINDOW = 3  # sentences back a he/she may reach
THING_WINDOW = 1
_ACTOR_KINDS = frozenset({"country", "igo", "group", "organisation", "capital"})
_BE_FORMS = frozenset({"is", "was", "'s", "be", "been", "will", "would", "seems", "seemed"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "csubj"})
_BLOCKING_NEXT = frozenset({"of", "between", "with", "that", "which", "who"})
_BLOCKING_PREPS = frozenset({"of", "between", "with"})
_PLACE_PREPS = frozenset({"from", "to", "into", "in", "inside", "within", "out"})
_PHRASE_DEPS = frozenset({"compound", "nmod", "poss", "amod", "appos", "conj", "pobj",
                          "nsubj", "nsubjpass", "dobj"})  # fmt: skip
MAX_CLIMB = 8


def _blocks(after: Token, last: Token) -> bool:
    """Whether the word after a description makes it another thing: "the court of appeal", "the
    council that ...". A preposition blocks only where it hangs on the description ("accused
    the court of applying double standards" accuses the court named before)."""
    if after.lower_ not in _BLOCKING_NEXT:
        return False
    return after.lower_ not in _BLOCKING_PREPS or after.head == last


def resolve_coreference(
    doc: Doc, drafts: list[Draft], ctx: Context, sent_of: list[int]
) -> list[Draft]:
    drafts = sorted([*drafts, *bare_surnames(doc, drafts)], key=lambda d: d.start)
    resolve_surnames(drafts)
    drafts = [d for d in drafts if d.form != "candidate"]  # unresolved: not a person after all
    taken = {i for d in drafts for i in range(d.start, d.end)}
    extra = descriptions(doc, drafts, ctx, sent_of, taken)
    taken |= {i for d in extra for i in range(d.start, d.end)}
    extra += domestic_bodies(doc, [*drafts, *extra], sent_of, taken)
    merged = sorted([*drafts, *extra], key=lambda d: d.start)
    mark_named_people(doc, merged)
    return sorted([*merged, *pronouns(doc, merged, ctx, sent_of, taken)], key=lambda d: d.start)


# nouns of one person that a nationality adjective names ("a Russian diplomat ... accusing him")
PERSON_NOUNS = frozenset({
    "diplomat", "ambassador", "envoy", "official", "minister", "journalist", "reporter",
    "soldier", "citizen", "national", "businessman", "businesswoman", "activist", "lawmaker",
    "politician", "spokesman", "spokeswoman", "officer", "commander", "pilot", "dissident",
    "man", "woman", "student", "researcher", "tourist", "academic", "writer", "blogger",
})  # fmt: skip


def mark_named_people(doc: Doc, drafts: list[Draft]) -> None:
    """One person named by a nationality and a noun of a person ("a Russian diplomat") may be
    the antecedent of "he" or "she" in the same sentence, with the nationality's code."""
    for draft in drafts:
        last = doc[draft.end - 1]
        if draft.form == "demonym" and not draft.plural and last.lemma_.lower() in PERSON_NOUNS:
            draft.extra["one_person"] = "1"


def resolve_surnames(drafts: list[Draft]) -> None:
    """ "Rutte" after "Mark Rutte": the same person, code and role."""
    seen: list[Draft] = []
    for draft in drafts:
        if draft.kind != "person":
            continue
        if (draft.key is None or draft.form == "surname") and draft.person:
            name = draft.person if draft.key is None else _surname_text(draft)
            earlier = _same_person(name, seen)
            if earlier is not None:
                if draft.key is not None:  # a known surname, but this article's person wins
                    draft.code = draft.role = draft.sector = draft.gender = None
                _copy_person(draft, earlier)
                draft.form = "surname" if draft.form == "candidate" else draft.form
        if draft.form != "candidate":
            seen.append(draft)


def bare_surnames(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "Levin slammed Moise" after "President Jovenel Moise": a lone capitalised word that
    repeats the last word of a person named in full earlier, or the first word of the name
    ("Abiy" after "Abiy Ahmed", "Kim" after "Kim Jong Un"), where the NER saw no entity, is
    a candidate for that person (``resolve_surnames`` decides)."""
    full: dict[str, int] = {}
    for draft in drafts:
        if draft.kind == "person" and draft.person and draft.end - draft.start >= 2:
            full.setdefault(folded(doc[draft.end - 1].text), draft.start)
            words = draft.person.split()
            if len(words) >= 2:  # "Abiy" after "Abiy Ahmed"
                full.setdefault(folded(words[0]), draft.start)
    if not full:
        return []
    out = []
    for token in doc:
        if token.ent_type_ or not _lone_name(token):
            continue
        first = full.get(folded(token.text))
        if first is not None and first < token.i:
            out.append(Draft(token.i, token.i + 1, kind="person", person=token.text,
                             form="candidate"))  # fmt: skip
    return out


def _lone_name(token: Token) -> bool:
    doc = token.doc
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in near)


def _surname_text(draft: Draft) -> str:
    return draft.extra.get("text", "")


# titles news puts before a name it shortens ("Prince Faisal" after "Prince Faisal bin Farhan")
HONORIFICS = frozenset({
    "prince", "princess", "crown", "king", "queen", "sheikh", "sheikha", "emir", "sultan",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady",
})  # fmt: skip


def _without_honorifics(name: str) -> str:
    """A folded name without the titles before it ("prince faisal" -> "faisal")."""
    words = name.split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _same_person(name: str, seen: list[Draft]) -> Draft | None:
    name = _without_honorifics(folded(name.strip()))
    for other in reversed(seen):
        full = folded(other.person or "")
        if full != name and (full.endswith(" " + name) or full.startswith(name + " ")):
            return other
    return None


def _copy_person(draft: Draft, other: Draft) -> None:
    draft.person, draft.key, draft.wikidata = other.person, other.key, other.wikidata
    draft.gender = draft.gender or other.gender
    draft.code = draft.code or other.code
    draft.role = draft.role or other.role
    draft.sector = draft.sector or other.sector


def pronouns(
    doc: Doc, drafts: list[Draft], ctx: Context, sent_of: list[int], taken: set[int]
) -> list[Draft]:
    found = []
    resolved = list(drafts)  # pronouns resolved so far chain ("he ... he")
    for token in doc:
        kind = ctx.lexicon.pronouns.get(token.lower_)
        if kind is None or token.i in taken or _pleonastic(token):
            continue
        if _the_thing_answered(token, resolved):
            continue
        answered = _answered_subjects(token, ctx)
        others = _not_answering(resolved, answered) if answered else resolved
        gender = ctx.lexicon.pronoun_genders.get(token.lower_)
        others = fitting(others, gender)
        # "a Russian diplomat" is a "him" only within its own sentence
        others = [
            d for d in others if "one_person" not in d.extra or sent_of[d.start] == sent_of[token.i]
        ]
        if kind == "person" and token_in_quotes(token):
            others = [d for d in others if not _party_to_speech(doc, d)]
        subject = _own_subject(token)
        if subject is not None:
            others = _not_the_subject(others, subject)
        antecedent = (
            _subject_antecedent(token, kind, others)
            or _parallel_object(token, kind, others)
            or _last_subject(token, kind, others)
            or _antecedent(token.i, kind, others, sent_of)
        )
        if antecedent is not None:
            draft = replace(antecedent, start=token.i, end=token.i + 1, form="pronoun", extra={})
            found.append(draft)
            resolved = _insert(resolved, draft)
    return found


# verbs whose subject a pronoun subject of their that-clause most often is ("Russia said it
# would ...", "China's embassy in Port Moresby said it opposed ...")
TELLING_VERBS = frozenset({"say", "tell", "announce", "warn", "add", "claim", "insist",
                           "state", "declare", "confirm", "vow", "pledge", "promise"})  # fmt: skip


SAYING = frozenset({"say", "add", "argue", "insist", "warn", "note", "claim"})


def _the_thing_answered(pronoun: Token, drafts: list[Draft]) -> bool:
    """ "Baerbock criticised the decision, saying it undermined the credibility of the EU":
    "it", said of in the same breath as a thing answered, is that thing, no party."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    said = pronoun.head
    saying = said.head
    if said.dep_ != "ccomp" or saying.lemma_.lower() not in SAYING:
        return False
    if saying.dep_ not in {"advcl", "conj"}:
        return False
    thing = next((c for c in saying.head.children if c.dep_ == "dobj"), None)
    return thing is not None and thing.pos_ == "NOUN" and _draft_at(drafts, thing.i) is None


def _own_subject(pronoun: Token) -> Token | None:
    """The subject of the verb a pronoun is the object of: "Xi urged him" is not Xi (a
    pronoun object never names its own verb's subject; "himself" would)."""
    if pronoun.dep_ not in {"dobj", "dative", "iobj"}:
        return None
    return _subject_of(pronoun.head)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _draft_at(drafts: list[Draft], i: int) -> Draft | None:
    """The draft whose tokens include token ``i``."""
    return next((d for d in drafts if d.start <= i < d.end), None)


def _not_the_subject(drafts: list[Draft], subject: Token) -> list[Draft]:
    """The drafts that are neither the subject nor another name of the same person."""
    named = _draft_at(drafts, subject.i)
    if named is None:
        return drafts
    same = {x for x in (named.person, named.key) if x} if named.kind == "person" else set()
    return [d for d in drafts if d is not named and not (same and {d.person, d.key} & same)]


def _subject_antecedent(pronoun: Token, kind: str, drafts: list[Draft]) -> Draft | None:
    """A pronoun subject of a clause told by someone, or of a verb joined to another's, is
    that subject: "the agency said ... detained in Islamabad, and it urged Pakistan" (the
    agency, not Islamabad). A person the knowledge base does not know is such a subject too
    ("Prince Faisal said ..., and he thanked Beijing": no code rather than a wrong one). None
    when no such subject names a compatible actor."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = pronoun.head
    for _ in range(3):
        teller = _teller(verb)
        if teller is None:
            return None
        found = _subject_draft(teller, drafts, before=pronoun.i)
        if found is not None and _knowable(found) and _compatible(found, kind):
            return found
        verb = teller
    return None


def _parallel_object(pronoun: Token, kind: str, drafts: list[Draft]) -> Draft | None:
    """A pronoun object of a verb joined to another names that verb's object: "accused Yoon's
    government of humiliating diplomacy toward Tokyo and called on it to stand with the
    plaintiffs" (the government, not Tokyo)."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if pronoun.dep_ not in {"dobj", "pobj"} or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    if pronoun.dep_ == "pobj" and pronoun.head.lower_ not in {"on", "upon"}:
        return None  # "called on it", not "with it" or "in it"
    obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    found = _draft_at(drafts, obj.i)
    if found is None or found.code is None:
        return None
    body = obj.lower_ in GOVERNMENT_WORDS and kind != "person"
    return found if body or _compatible(found, kind) else None


def _knowable(draft: Draft) -> bool:
    """A coded actor, or a person the knowledge base does not know (who still is someone)."""
    return draft.code is not None or draft.kind == "person"


def _last_subject(pronoun: Token, kind: str, drafts: list[Draft]) -> Draft | None:
    """A pronoun that is the subject of its sentence's main verb goes on with the subject of
    the sentence before ("Gambia filed the case, accusing Myanmar ... It has asked the court":
    Gambia, not Myanmar), also where the sentence ends on who told it ("He urged both sides
    ..., a spokesman for his office said")."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or not leads_its_sentence(pronoun.head):
        return None
    start = pronoun.sent.start
    if start == 0:
        return None
    before = pronoun.doc[start - 1].sent.root
    found = _subject_draft(before, drafts, before=start)
    if found is None or found.code is None or not _compatible(found, kind):
        return None
    return found


def leads_its_sentence(verb: Token) -> bool:
    """Whether ``verb`` is its sentence's main verb, or the clause a sentence tells before its
    teller ("He urged talks, aides said"): its subject leads the sentence either way."""
    if verb.dep_ == "ROOT":
        return True
    teller = verb.head
    return (
        verb.dep_ == "ccomp"
        and teller.dep_ == "ROOT"
        and verb.i < teller.i
        and teller.lemma_.lower() in TELLING_VERBS
    )


def _teller(verb: Token) -> Token | None:
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in TELLING_VERBS:
        return verb.head
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return verb.head
    return None


def _subject_draft(verb: Token, drafts: list[Draft], *, before: int) -> Draft | None:
    """The draft naming the subject of ``verb``, or its possessor ("China's embassy")."""
    subject = _subject_of(verb)
    if subject is None or subject.i >= before:
        return None
    owners = [subject, *(c for c in subject.children if c.dep_ in {"poss", "compound"})]
    for owner in owners:
        found = _draft_at(drafts, owner.i)
        if found is not None:
            return found
    return None


def _answered_subjects(pronoun: Token, ctx: Context) -> list[tuple[int, int]]:
    """Token ranges of the subjects of a verb that answers the thing ``pronoun`` owns
    ("Tehran rejected its offer": the offer is another party's, not Tehran's)."""
    thing = pronoun.head
    verb = thing.head
    if (
        pronoun.dep_ != "poss"
        or thing.dep_ != "dobj"
        or verb.lemma_.lower() not in ctx.lexicon.answering_verbs
    ):
        return []
    return [(s.left_edge.i, s.right_edge.i + 1) for s in verb.children if s.dep_ == "nsubj"]


# verbs of speech and what carries it: "wrote in a letter to Rubio", "told Lavrov"
SPEECH_VERBS = frozenset({"say", "tell", "write", "add"})
SPEECH_CARRIERS = frozenset({"letter", "message", "note", "statement", "call"})


def _party_to_speech(doc: Doc, draft: Draft) -> bool:
    """Whether ``draft`` is who speaks or who is spoken to in its sentence ("they wrote in a
    letter to Rubio"): a "he" inside quoted words names neither ("I" and "you" do)."""
    root = doc[draft.start : draft.end].root
    if token_in_quotes(root):
        return False  # a speech told inside the quote itself
    if root.dep_ in {"nsubj", "dobj", "dative"}:
        return root.head.lemma_.lower() in SPEECH_VERBS
    if root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    owner = root.head.head
    if owner.lemma_.lower() in SPEECH_CARRIERS and owner.dep_ == "pobj":
        owner = owner.head.head  # "wrote in a letter to X"
    return owner.lemma_.lower() in SPEECH_VERBS


def _not_answering(drafts: list[Draft], answered: list[tuple[int, int]]) -> list[Draft]:
    """The drafts that may own what the answering subject answers: not the subject, nor
    another name of its party ("warned Iran ... as Tehran rejected its offer")."""
    codes = {d.code for d in drafts if d.code and _within(d, answered)}
    return [d for d in drafts if not _within(d, answered) and d.code not in codes]


def _within(draft: Draft, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= draft.start and draft.end <= hi for lo, hi in ranges)


def _insert(drafts: list[Draft], draft: Draft) -> list[Draft]:
    return sorted([*drafts, draft], key=lambda d: d.start)


def _pleonastic(token: Token) -> bool:
    """ "it is clear that", "it's harder to": no referent."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if head.lemma_ != "be" and head.lower_.replace("’", "'") not in _BE_FORMS:
        return False
    nodes = [head, *(c for c in head.children if c.dep_ in ("acomp", "attr", "advmod"))]
    return any(c.dep_ in _CLAUSAL for n in nodes for c in n.children)


def _antecedent(i: int, kind: str, drafts: list[Draft], sent_of: list[int]) -> Draft | None:
    window = PERSON_WINDOW if kind == "person" else THING_WINDOW
    return _nearest_before(
        i, drafts, sent_of, window, lambda d: d.code is not None and _compatible(d, kind)
    )


def _nearest_before(
    i: int,
    drafts: list[Draft],
    sent_of: list[int],
    window: int,
    accepts: Callable[[Draft], bool],
) -> Draft | None:
    """The last draft before token ``i``, at most ``window`` sentences back, that ``accepts``
    takes (``drafts`` sorted by start)."""
    for draft in reversed(drafts):
        if draft.start >= i:
            continue
        if sent_of[i] - sent_of[draft.start] > window:
            return None
        if accepts(draft):
            return draft
    return None


def _compatible(draft: Draft, kind: str) -> bool:
    if kind == "person":
        return draft.kind == "person" or "one_person" in draft.extra
    if kind == "plural":  # an organisation of members acts as "they" ("the G7 ... They called on")
        return draft.plural or draft.kind in {"group", "igo"}
    return draft.kind in _ACTOR_KINDS and not draft.plural and draft.form != "demonym"


def descriptions(
    doc: Doc, drafts: list[Draft], ctx: Context, sent_of: list[int], taken: set[int]
) -> list[Draft]:
    """ "the alliance" -> NATO (named earlier), "the country" -> the last country named."""
    found = []
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc) or token.i + 1 in taken:
            continue
        for n in (3, 2, 1):  # "the Central Asian country", "the alliance"
            end = token.i + 1 + n
            if end > len(doc) or (end < len(doc) and _blocks(doc[end], doc[end - 1])):
                continue
            words = " ".join(t.lower_ for t in doc[token.i + 1 : end])
            head = place_head(doc, token.i, end)
            others = [d for d in drafts if not _same_head(doc, d, head)] if head else drafts
            target = (
                _government_named(doc, token.i, others, sent_of, noun=words)
                if words in GOVERNMENT_WORDS
                else _description_target(words, token.i, others, ctx, sent_of)
            )
            if target is not None:
                sector = target.extra.get("base_sector") or None
                draft = replace(target, start=token.i, end=end, form="description", extra={})
                draft.sector, draft.plural = sector, False
                found.append(draft)
                break
    return found


def _description_target(
    words: str, i: int, drafts: list[Draft], ctx: Context, sent_of: list[int]
) -> Draft | None:
    codes = ctx.kb.descriptions.get(words)
    if codes is not None:
        earlier = (d for d in reversed(drafts) if d.start < i)
        named = next((d for d in earlier if _names_one_of(d, codes)), None)
        return _as_body(named, ctx) if named is not None and named.kind == "person" else named
    kinds = ctx.lexicon.kind_descriptions.get(words)
    if kinds is None:
        return None
    return _nearest_before(
        i, drafts, sent_of, THING_WINDOW + 1, lambda d: d.kind in kinds and d.form == "name"
    )


def _names_one_of(draft: Draft, codes: tuple[str, ...]) -> bool:
    """A mention of one of ``codes``, or a person holding a post in it ("NATO Secretary-General
    Jens Stoltenberg ... said the alliance backed")."""
    if draft.kind == "person":
        return draft.code in codes
    return draft.key in codes or draft.code in codes


def _as_body(person: Draft, ctx: Context) -> Draft | None:
    """The organisation or country a person's post names, as a mention of its own."""
    actor = ctx.kb.get(person.code or "")
    if actor is None:
        return None
    return replace(person, kind=actor.kind, key=actor.code, person=None, role=None,
                   gender=None, wikidata=actor.wikidata, extra={})  # fmt: skip


GOVERNMENT_WORDS = frozenset(
    {"government", "administration", "regime", "junta", "authorities", "ministry"}
)


def _government_named(
    doc: Doc, i: int, drafts: list[Draft], sent_of: list[int], *, noun: str
) -> Draft | None:
    """ "the Philippine government reported ... The government demanded": the government (or
    ``noun``: the authorities, the ministry) a story has just named by its country, within two
    sentences."""
    return _nearest_before(
        i,
        drafts,
        sent_of,
        THING_WINDOW + 1,
        lambda d: d.kind == "country" and _names_its(doc, d, noun),
    )


def _names_its(doc: Doc, draft: Draft, noun: str) -> bool:
    """ "the Philippine government", "Vietnam's foreign ministry": a country's body named by
    ``noun``, inside the mention or as the head the mention modifies."""
    if doc[draft.end - 1].lower_ == noun:
        return True
    if draft.end < len(doc) and doc[draft.end].lower_ == noun:
        return True  # a sentence the fast path left unparsed: the word right after
    root = doc[draft.start : draft.end].root
    modifies = root.dep_ in {"amod", "compound", "poss", "nmod"}
    return modifies and root.head.lower_ == noun


def place_head(doc: Doc, start: int, end: int) -> Token | None:
    """What a description in a place phrase hangs from: "withdrew troops from the country" ->
    withdrew. A party attached to that same word is not "the country" (it left it)."""
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS and root.head.dep_ == "prep":
        return root.head.head
    return None


def _same_head(doc: Doc, draft: Draft, head: Token) -> bool:
    return draft.end <= len(doc) and attached_to(doc[draft.start : draft.end].root, head)


def attached_to(token: Token, head: Token) -> bool:
    """Whether ``token`` is an argument of ``head`` or sits in its noun phrase ("U.S. and NATO
    troops" in "the withdrawal of U.S. and NATO troops")."""
    for _ in range(MAX_CLIMB):
        if not _in_phrase(token):
            return False
        if token.head == head:
            return True
        if token.head == token:
            return False
        token = token.head
    return False


def _in_phrase(token: Token) -> bool:
    return token.dep_ in _PHRASE_DEPS or (token.dep_ == "prep" and token.lower_ in ("of", "by"))
