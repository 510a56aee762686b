"""Unnamed bodies of the story's own country: "Opposition parties rejected the budget" in a
story about Pakistan are Pakistan's opposition, "police detained several activists" Pakistan's
police and Pakistani civilians.

Only where one country clearly dominates the story (named first, at least five times and twice
as often as any other, by itself or its towns), and never in a sentence that names other
countries but not it, unless another party addresses the body: an unnamed body in a story
between two states is left without a code rather than given a wrong one. In a story about no
one country, a body an international body addresses is of the one state its sentence names,
and the sides a party addresses are of the one other party the sentence names
(``addressed_bodies``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from allegiance.actors.drafts import Draft

# head nouns of the bodies a story names without their country, with their sector
BODY_NOUNS = {
    "government": "GOV", "authorities": "GOV", "administration": "GOV", "cabinet": "GOV",
    "junta": "GOV", "regime": "GOV", "presidency": "GOV",
    "parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG", "legislature": "LEG",
    "senate": "LEG", "senators": "LEG", "mps": "LEG",
    "army": "MIL", "military": "MIL", "soldiers": "MIL",
    "police": "COP", "policemen": "COP",
    "opposition": "OPP",
    "court": "JUD", "courts": "JUD", "prosecutors": "JUD", "judiciary": "JUD",
    "prosecutor": "JUD", "ministry": "GOV",
    "opponents": "OPP",
    "protesters": "CVL", "protestors": "CVL", "demonstrators": "CVL", "activists": "CVL",
}  # fmt: skip
# heads that are such a body only with one of these modifiers: "security forces"
MODIFIED_BODIES = {
    "forces": {"security": "MIL", "government": "MIL", "federal": "MIL", "armed": "MIL"},
    "troops": {"government": "MIL", "federal": "MIL"},
    "officers": {"police": "COP"},
    "enforcement": {"law": "COP"},
    "parties": {"opposition": "OPP"},
    "leaders": {"opposition": "OPP"},
    "politicians": {"opposition": "OPP"},
    "supporters": {"opposition": "OPP"},
    "spokesman": {"ministry": "GOV"},
    "spokeswoman": {"ministry": "GOV"},
    "spokesperson": {"ministry": "GOV"},
}  # fmt: skip
# modifiers that say the body is someone else's
FOREIGN_MARKS = frozenset({
    "foreign", "international", "western", "other", "neighbouring", "neighboring", "regional",
    "global", "multinational", "world",
})  # fmt: skip
# "urged all sides to show restraint", "called on the warring parties": in a story about one
# country, the sides of its conflict are its own (a counted list named before, "India and
# Pakistan ... both sides", is taken first: ``allegiance.events.counted``)
SIDES = frozenset({"sides", "parties"})
SIDE_MARKS = frozenset({"all", "both", "warring"})
INTERNATIONAL_KINDS = frozenset({"igo", "organisation"})
SIDE_DEPS = frozenset({"amod", "compound", "det", "predet"})
REPORTER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
HOME_KINDS = frozenset({"country", "capital", "city"})
SCENE_KINDS = frozenset({"country", "capital"})
HOME_MIN_MENTIONS = 5
HOME_LEAD = 2.0


@dataclass(frozen=True, slots=True)
class Home:
    """The country a story is about, and the sentences that name countries but not it."""

    code: str
    elsewhere: frozenset[int]


def domestic_bodies(
    doc: Doc, drafts: list[Draft], sent_of: list[int], taken: set[int]
) -> list[Draft]:
    in_scene = scene_bodies(doc, drafts, taken)
    taken = taken | {i for d in in_scene for i in range(d.start, d.end)}
    return in_scene + _home_bodies(doc, drafts, sent_of, taken)


def _home_bodies(doc: Doc, drafts: list[Draft], sent_of: list[int], taken: set[int]) -> list[Draft]:
    home = story_home(drafts, sent_of)
    if home is None:
        return addressed_bodies(doc, drafts, sent_of, taken)
    outsiders = {i for d in drafts if d.code and d.code != home.code
                 for i in range(d.start, d.end)}  # fmt: skip
    found = []
    for token in doc:
        if token.i in taken:
            continue
        if sent_of[token.i] in home.elsewhere and not facing_an_outsider(token, outsiders):
            continue
        sector = body_sector(token, taken)
        if sector is not None:
            found.append(_body_draft(token, home.code, sector))
    return found


def scene_bodies(doc: Doc, drafts: list[Draft], taken: set[int]) -> list[Draft]:
    """Unnamed bodies of a sentence set in a country's capital: "In Islamabad, the foreign
    ministry summoned ...", "In Beijing, a foreign ministry spokesman said ..."."""
    found = []
    for sent in doc.sents if doc.has_annotation("SENT_START") else ():
        code = opening_scene(sent, drafts)
        if code is None:
            continue
        for token in sent:
            sector = body_sector(token, taken) if token.i not in taken else None
            if sector:
                found.append(_body_draft(token, code, sector))
    return found


def opening_scene(sent: Span, drafts: list[Draft]) -> str | None:
    """The country whose capital (or the country itself) a sentence opens in: "In Moscow, ..."."""
    if len(sent) < 4 or sent[0].lower_ != "in":
        return None
    place = next((d for d in drafts if d.start == sent.start + 1), None)
    if place is None or not place.code or place.kind not in SCENE_KINDS:
        return None
    after = sent.doc[place.end] if place.end < sent.end else None
    return place.code if after is not None and after.text == "," else None


def addressed_bodies(
    doc: Doc, drafts: list[Draft], sent_of: list[int], taken: set[int]
) -> list[Draft]:
    """In a story about no one country, an unnamed body an international body addresses is of
    the one state its sentence names: "the UN's coordinator for the country ... urged both
    warring parties", "ECOWAS ... will send a team to Freetown and called on the government and
    the opposition". The sides a state addresses are of the one other party the sentence names
    ("U.S. officials have blamed the Taliban ... and called on all warring parties")."""
    found = []
    for token in doc:
        sector = body_sector(token, taken) if token.i not in taken else None
        if sector is None:
            continue
        subject = addresser(_first_conjunct(token))
        if subject is None:
            continue
        sentence = [d for d in drafts if d.code and sent_of[d.start] == sent_of[token.i]]
        words = {t.i for t in subject.subtree}
        code = _sentence_state(sentence, words) or (
            _other_party(sentence, words) if sector == "" else None
        )
        if code is not None:
            found.append(_body_draft(token, code, sector))
    return found


def _sentence_state(sentence: list[Draft], addresser_words: set[int]) -> str | None:
    """The one state of the sentence, when its addresser is an international body or one of
    its officials ("the UN's coordinator ... urged", "UN envoy Stephanie Williams praised")."""
    states = {str(d.code) for d in sentence if d.kind in HOME_KINDS}
    by_a_body = any(d.start in addresser_words
                    and (d.kind in INTERNATIONAL_KINDS or d.sector == "IGO")
                    for d in sentence)  # fmt: skip
    return states.pop() if len(states) == 1 and by_a_body else None


def _other_party(sentence: list[Draft], addresser_words: set[int]) -> str | None:
    """The one code the sentence names besides its addresser's, who names one itself."""
    own = {d.code for d in sentence if d.start in addresser_words}
    others = {str(d.code) for d in sentence
              if d.start not in addresser_words and d.code not in own}  # fmt: skip
    return others.pop() if len(own) == 1 and len(others) == 1 else None


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _body_draft(token: Token, code: str, sector: str) -> Draft:
    # "all sides" keeps its determiner: the phrase a reader sees
    kept = SIDE_DEPS if sector == "" else {"amod", "compound"}
    start = min((c.i for c in token.lefts if c.dep_ in kept), default=token.i)
    return Draft(start, token.i + 1, code=code, sector=sector or None, kind="domestic",
                 form="description", plural=token.tag_ == "NNS")  # fmt: skip


def addressed_by_an_outsider(token: Token, outsiders: set[int]) -> bool:
    """ "The United States and France urged the authorities to hold the election": a body that
    another party addresses (the object of its verb, or of its "call on") is not that party's
    own, and so the story's, even in a sentence that names only the others."""
    subject = addresser(token)
    return subject is not None and any(t.i in outsiders for t in subject.subtree)


def addresser(token: Token) -> Token | None:
    """The subject of the verb whose object (or whose "call on") ``token`` is."""
    verb = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        verb = token.head.head
    elif token.dep_ != "dobj":
        return None
    return verb_subject(verb)


def verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the subject it shares as a conjunct; a pronoun subject of a
    reported clause is read as the reporter ("the State Department said it was following
    events and urged all sides": "urged" is done by "it", the State Department)."""
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        reported = subject is not None and subject.lower_ in REPORTER_PRONOUNS
        if reported and verb.dep_ == "ccomp":
            verb = verb.head
            continue
        if subject is not None or verb.dep_ != "conj" or verb.head == verb:
            return subject
        verb = verb.head


def facing_an_outsider(token: Token, outsiders: set[int]) -> bool:
    """A body addressed by another named party, or addressing one ("The government demanded
    that Beijing remove the vessels"): not that party's own, and so the story's."""
    return addressed_by_an_outsider(token, outsiders) or addressing_an_outsider(token, outsiders)


def addressing_an_outsider(token: Token, outsiders: set[int]) -> bool:
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    addressed = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    addressed += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
                  for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    addressed += [s for c in verb.children if c.dep_ == "ccomp"
                  for s in c.children if s.dep_ == "nsubj"]  # fmt: skip
    return any(t.i in outsiders for a in addressed for t in a.subtree)


def dominant_state(named: Iterable[tuple[str | None, str | None, int]]) -> str | None:
    """The country a story is about, from the (code, kind, start) of its mentions: the state
    named first (by itself or its towns), at least ``HOME_MIN_MENTIONS`` times and
    ``HOME_LEAD`` times as often as any other (a story on Pakistan's train siege: PAK 31, CHN
    4). A story that opens on another country may be about that one: then there is none."""
    states = [(start, code) for code, kind, start in named if code and kind in HOME_KINDS]
    ranked = Counter(code for _, code in states).most_common(2)
    if not ranked or ranked[0][1] < HOME_MIN_MENTIONS:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if ranked[0][1] < HOME_LEAD * runner_up:
        return None
    first_named = min(states, key=lambda s: s[0])[1]
    return ranked[0][0] if first_named == ranked[0][0] else None


def story_home(drafts: list[Draft], sent_of: list[int]) -> Home | None:
    """The dominant state (``dominant_state``), and the sentences that name others but not it."""
    states = [d for d in drafts if d.kind in HOME_KINDS and d.code]
    code = dominant_state((d.code, d.kind, d.start) for d in states)
    if code is None:
        return None
    named: dict[int, set[str]] = {}
    for d in states:
        named.setdefault(sent_of[d.start], set()).add(str(d.code))
    return Home(code, frozenset(s for s, codes in named.items() if code not in codes))


def body_sector(token: Token, taken: set[int]) -> str | None:
    """The sector of an unnamed body whose head is ``token``, or None."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"compound", "amod", "poss"}:
        return None
    word = token.lower_
    modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    if any(c.i in taken or _foreign(c) or _names_one(c, token) for c in modifiers):
        return None  # "Pakistani police", "Kenya's police", "foreign governments"
    if _owned_by_a_party(token, taken):
        return None  # "the government of Sudan"
    if word in BODY_NOUNS:
        return BODY_NOUNS[word]
    if word in SIDES and any(c.lower_ in SIDE_MARKS for c in token.lefts):
        return ""  # the sides of a conflict: no one sector
    wanted = MODIFIED_BODIES.get(word, {})
    return next((wanted[c.lower_] for c in modifiers if c.lower_ in wanted), None)


def _foreign(modifier: Token) -> bool:
    """A modifier that says the body is someone else's; not a ministry's field ("the foreign
    ministry", "a foreign ministry spokesman")."""
    if modifier.lower_ not in FOREIGN_MARKS:
        return False
    return not (modifier.lower_ in _DEPARTMENTS and modifier.head.lower_ == "ministry")


def _names_one(modifier: Token, head: Token) -> bool:
    """A modifier that names someone ("Pakistani police"), not a word of the body's own name
    ("the Interior Ministry", one ORG entity with its head)."""
    if not modifier.ent_type_:
        return False
    same_entity = modifier.ent_type_ == head.ent_type_ == "ORG" and head.ent_iob_ == "I"
    return not (same_entity and modifier.lower_ in _DEPARTMENTS)


# words that name a ministry's field: "the Interior Ministry", "the Foreign Ministry"
_DEPARTMENTS = frozenset({
    "interior", "foreign", "defence", "defense", "justice", "health", "finance", "information",
    "home", "education", "trade", "economy", "energy", "agriculture",
})  # fmt: skip


def _owned_by_a_party(token: Token, taken: set[int]) -> bool:
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}):
        if any(t.i in taken for t in prep.subtree):
            return True
    return False
