"""The parties a noun phrase names: mentions found inside a phrase over the dependency parse.

:class:`MentionIndex` finds the resolved mentions of a doc by character range;
:func:`np_mention` and :func:`np_mentions` read a phrase (its modifiers, its coordinated and
listed names) for the party it names, leaving out what only says where, which war, or who made a
thing. The clause-level rules that say which phrase is the actor and which the recipient live
in :mod:`allegiance.events.participants`.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from allegiance.actors.lexicon import names_others
from allegiance.events.syntax import child
from allegiance.models import Mention

# Children not searched for an NP's mention: clauses and punctuation.
CLAUSAL = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "appos", "parataxis"}
)


NON_ACTOR_KINDS = frozenset({"place"})
# mention kinds that name a state itself (not a town of it, a person or a body)
STATE_KINDS = frozenset({"country", "capital"})
PLACE_KINDS = frozenset({"capital", "city", "place"})  # mentions that name a place


# Prepositions of where, searched after the rest of a noun phrase.
PLACE_PREPS = frozenset({"from", "in", "near", "at", "inside", "outside", "around", "across",
                         "within"})  # fmt: skip


class MentionIndex:
    """Mentions of one doc, sorted by start, searchable by character range."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def covering(self, start: int, end: int) -> Mention | None:
        """The mention that overlaps the character range [start, end), if any."""
        i = bisect.bisect_right(self._starts, start)
        for m in reversed(self.mentions[max(0, i - 4) : i]):
            if m.start <= start < m.end or (start <= m.start < end):
                return m
        if i < len(self.mentions) and start <= self.mentions[i].start < end:
            return self.mentions[i]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at_token(self, token: Token) -> Mention | None:
        mention = self.covering(token.idx, token.idx + len(token))
        if mention is None or mention.kind in NON_ACTOR_KINDS:
            return None
        return mention


def np_mention(head: Token, index: MentionIndex, *, places: bool = True) -> Mention | None:
    """The mention nearest to ``head`` inside its noun phrase (breadth first); a place
    phrase's ("... in X") only after the rest, and, without ``places``, none of where the
    head itself is ("the appeal in Brussels"; "an accord with the government in Tripoli"
    keeps Tripoli)."""
    queue: deque[Token] = deque([head])
    later: deque[Token] = deque()  # "withdrawal of U.S. troops from X": the troops' side first
    uncoded: Mention | None = None  # an unresolved mention only if no resolved one is near
    owner: Mention | None = None  # "his commitment to the Zambian people": Zambians first
    while queue or later:
        tok = queue.popleft() if queue else later.popleft()
        mention = index.at_token(tok)
        if mention is not None and mention.code is not None:
            if tok.dep_ != "poss" or tok.lower_ not in PRONOUNS or tok == head:
                return mention
            owner = owner or mention
        elif mention is not None and uncoded is None:
            uncoded = mention
        for c in tok.children:
            if c.dep_ in CLAUSAL or names_others(c, tok) or _gerund_clause(c):
                continue
            if (tok != head and _names_a_war(c, tok)) or _maker_of_a_thing(c):
                continue
            if _whose_affairs(c, tok) or _where_based(c, tok) or _venue_named(c, tok, index):
                continue
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                if places or not _the_head_itself(tok, head) or not _names_a_place(c, index):
                    later.append(c)
            else:
                queue.append(c)
    return owner or uncoded or _described_owner(head, index)


def _the_head_itself(tok: Token, head: Token) -> bool:
    """The head, or what it is a round or a series of ("a new round of talks in Cairo": the
    round is where the talks are)."""
    of = tok.head
    return tok == head or (tok.dep_ == "pobj" and of.lower_ == "of" and of.head == head)


NAMED_FIGHTS = frozenset({"war", "conflict"})


def _names_a_war(modifier: Token, noun: Token) -> bool:
    """ "accept a ceasefire in the Russia-Ukraine war", "the Syrian civil war": the names in a
    war's name say which war, not who takes part in what is done about it. Who leads it ("the
    US-led war against Iraq") is a side and stays."""
    if noun.lemma_.lower() not in NAMED_FIGHTS:
        return False
    if modifier.dep_ == "amod":
        return modifier.tag_ != "VBN" and "-" not in modifier.text
    return modifier.dep_ in {"compound", "nmod"}


# "a U.S.-proposed ceasefire", "an EU-brokered agreement", "a Chinese-funded pipeline": who
# made a thing; "the Saudi-led coalition" and "U.S.-backed forces" name a side and stay
MAKER_PARTICIPLES = frozenset({
    "propose", "broker", "draft", "fund", "finance", "make", "build", "own", "sponsor",
    "mediate", "author", "design", "produce", "manufacture", "operate", "write", "flag",
})  # fmt: skip


def _maker_of_a_thing(modifier: Token) -> bool:
    """A hyphenated participle naming who proposed, brokered, funded or made the thing the
    phrase is about: the maker is not a party to what is done with the thing."""
    if modifier.dep_ != "amod" or modifier.lemma_.lower() not in MAKER_PARTICIPLES:
        return False
    return modifier.tag_ == "VBN" or "-" in modifier.text


# nouns of meddling: what their "in" object names was meddled in, the wronged party
MEDDLING_NOUNS = frozenset({"interference", "meddling", "intervention", "intrusion"})


def _whose_affairs(prep: Token, noun: Token) -> bool:
    """ "decried the move as interference in Pakistan's internal affairs": Pakistan is who
    is wronged, not who is blamed."""
    meddling = noun.lemma_.lower() in MEDDLING_NOUNS
    return meddling and prep.dep_ == "prep" and prep.lower_ in {"in", "into"}


# bodies whose seat is not their side: "the Geneva-based agency" is the WHO, not Switzerland
SEATED_BODIES = frozenset({
    "agency", "organisation", "organization", "watchdog", "body", "observatory", "institute",
    "tank", "company", "firm", "charity", "court", "tribunal", "bank", "fund", "commission",
})  # fmt: skip


def _where_based(modifier: Token, noun: Token) -> bool:
    """ "accusing the Geneva-based agency": where a body sits says where, not who."""
    based = modifier.dep_ == "amod" and modifier.lemma_.lower() == "base"
    return based and noun.lemma_.lower() in SEATED_BODIES


# gatherings a city's name may say where they are held ("the Ankara talks")
GATHERING_NOUNS = frozenset({
    "talk", "talks", "summit", "conference", "meeting", "negotiation", "negotiations", "round",
    "forum", "process", "dialogue",
})  # fmt: skip


def _venue_named(modifier: Token, noun: Token, index: MentionIndex) -> bool:
    """ "welcomed the Ankara talks", "the Geneva conference": a city before a gathering says
    where it is held, not who takes part ("the Iran talks" names a party)."""
    if modifier.dep_ not in {"compound", "nmod"} or noun.lemma_.lower() not in GATHERING_NOUNS:
        return False
    mention = index.at_token(modifier)
    return mention is not None and mention.kind in {"capital", "city"}


def _names_a_place(prep: Token, index: MentionIndex) -> bool:
    """ "in Brussels", "at Sanaa airport": a place phrase that says where, not whence."""
    obj = child(prep, ("pobj",))
    if prep.lower_ == "from" or obj is None:
        return False
    mention = index.at_token(obj)
    place = mention is not None and mention.kind in PLACE_KINDS
    return place or obj.ent_type_ in {"GPE", "LOC", "FAC"}


def _gerund_clause(token: Token) -> bool:
    """ "accused Western governments of meddling in Bosnia's affairs": a gerund after a
    preposition heads a clause of its own; its parties are not the phrase's."""
    return token.dep_ in {"pobj", "pcomp"} and token.tag_ == "VBG"


def _described_owner(head: Token, index: MentionIndex) -> Mention | None:
    """A name the index does not know, described by an apposition whose modifier does: "the
    Mavi Marmara, a Turkish-owned ship". Only the apposition's own modifiers count ("a critic
    of Tehran" is no Iranian)."""
    for appos in (c for c in head.children if c.dep_ == "appos"):
        for mod in (c for c in appos.children if c.dep_ in {"amod", "compound", "nmod"}):
            for tok in (mod, *(c for c in mod.children if c.dep_ in {"npadvmod", "compound"})):
                mention = index.at_token(tok)
                if mention is not None and mention.code is not None:
                    return mention
    return None


def np_mentions(head: Token, index: MentionIndex, *, places: bool = True) -> list[Mention]:
    """Mentions of a noun phrase and of the phrases coordinated with it, including
    coordinated modifiers ("Hungarian and Romanian officials")."""
    out: list[Mention] = []
    for tok in (head, *head.conjuncts, *_listed_in_apposition(head)):
        mention = np_mention(tok, index, places=places)
        if mention is not None and mention not in out:
            out.append(mention)
            out.extend(m for m in _coordinated_with(mention, tok, index) if m not in out)
        out.extend(m for m in _coordinated_modifiers(tok, index) if m not in out)
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Arcs between two tokens of one parse (through their lowest common ancestor)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for i, tok in enumerate(up_a):
        if tok in up_b:
            return i + up_b.index(tok)
    return len(up_a) + len(up_b)


def _listed_in_apposition(head: Token) -> list[Token]:
    """ "members Greece, Panama and South Korea": the parser hangs the rest of a list of names
    as an apposition with its own conjuncts."""
    appos = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if head.pos_ != "PROPN" or len(appos) != 1 or not appos[0].conjuncts:
        return []
    return [appos[0], *appos[0].conjuncts]


def _coordinated_modifiers(head: Token, index: MentionIndex) -> list[Mention]:
    """ "French, German and Italian diplomats": when a modifier is coordinated, every
    modifier mention of the list (the parser hangs "French" apart, "Italian" under "German")."""
    mods = [c for c in head.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    if not any(mod.conjuncts for mod in mods):
        return []
    found = [index.at_token(t) for mod in mods for t in (mod, *mod.conjuncts)]
    return [m for m in found if m is not None]


def _coordinated_with(mention: Mention, head: Token, index: MentionIndex) -> list[Mention]:
    """Mentions coordinated with one found below ``head`` ("scores of Sierra Leonean and
    Liberian refugees": Liberian too), or with the "of" object a mention grown over it holds
    ("the foreign ministers of Saudi Arabia and Iran": Iran too)."""
    if mention.start < head.idx:
        return []
    root = mention_root(head.doc, mention)
    if root is not None and root == head:
        root = _of_object_inside(head, mention)
    if root is None or root == head:
        return []
    return [m for c in root.conjuncts if (m := index.at_token(c)) is not None]


def _of_object_inside(head: Token, mention: Mention) -> Token | None:
    """The object of the head's "of" when the mention spans it ("ministers of Saudi Arabia")."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = child(of, ("pobj",)) if of is not None else None
    if obj is None or not mention.start <= obj.idx < mention.end:
        return None
    return obj


def mention_span(doc: Doc, mention: Mention) -> Span | None:
    """A mention's tokens (its character offsets widened to whole tokens)."""
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def mention_root(doc: Doc, mention: Mention) -> Token | None:
    """The syntactic head of a mention's tokens."""
    span = mention_span(doc, mention)
    return span.root if span is not None else None


PRONOUNS = frozenset({"it", "its", "they", "them", "their", "he", "his", "she", "her", "we", "our"})


# the kind of a state named only by its act ("He was released": events.authority)
AUTHORITY = "authority"


def authority_mention(token: Token, *, code: str, sector: str) -> Mention:
    """A state named only by its act: the act's own word stands for it, so the evidence shows
    what it was read from ("was convicted" for the courts, "demanded" for the government)."""
    return Mention(token.text, token.idx, token.idx + len(token), code=code, sector=sector,
                   kind=AUTHORITY)  # fmt: skip


def distinct(mentions: Iterable[Mention], exclude: Sequence[Mention] = ()) -> list[Mention]:
    """Mentions not already listed nor in ``exclude``; a pronoun of an excluded actor
    ("its forces") is that actor again, not a recipient (a state named only by its act has
    no pronoun of its own), unless it names the actor's own people ("police dispersed them":
    ``events.own_people``)."""
    codes = {x.code for x in exclude if x.code and x.kind != AUTHORITY}
    out: list[Mention] = []
    for m in mentions:
        if m in out or any((m.start, m.end) == (x.start, x.end) for x in exclude):
            continue
        if m.text.lower() in PRONOUNS and m.code in codes and not _own_people_pronoun(m):
            continue
        out.append(m)
    return out


# the object pronouns ``events.own_people`` may code as a country's own people
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _own_people_pronoun(mention: Mention) -> bool:
    """An object pronoun coded as the actor's own people ("police dispersed them")."""
    return mention.kind == "domestic" and mention.text.lower() in OBJECT_PRONOUNS


def all_mentions_in(token: Token, index: MentionIndex) -> list[Mention]:
    """Every mention in the subtree of ``token`` (clauses included), document order."""
    sub = list(token.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
    return [m for m in index.within(start, end) if m.kind not in NON_ACTOR_KINDS]


_ENTS_KEY = "allegiance.ents_by_start"


def forget_sentence_ents(doc: Doc) -> None:
    """Drop the entity index (call when a doc's entities may have changed)."""
    doc.user_data.pop(_ENTS_KEY, None)


def sentence_ents(sent: Span) -> list[Span]:
    """The entities inside a span, found by bisection on the doc's entities.

    ``Span.ents`` scans every entity of the doc, which made long articles quadratic: each
    event asked for its sentence's entities. The sorted index is built once per doc.
    """
    doc = sent.doc
    index = doc.user_data.get(_ENTS_KEY)
    if index is None:
        ents = list(doc.ents)
        index = ([e.start for e in ents], ents)
        doc.user_data[_ENTS_KEY] = index
    starts, ents = index
    lo = bisect.bisect_left(starts, sent.start)
    hi = bisect.bisect_left(starts, sent.end)
    return [e for e in ents[lo:hi] if e.end <= sent.end]
