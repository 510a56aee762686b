"""Context words the resolver reads: sector nouns, titles, pronouns (data/actors/lexicon.yaml)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from allegiance.actors.loader import data_dir
from allegiance.yamlfile import load_yaml

# Nouns that name others than their possessor: "America's allies" are not America, "its
# neighbours" not the state itself (the mention neither grows over them nor stands for them).
RELATIONAL_NOUNS = frozenset({
    "ally", "allies", "partner", "partners", "neighbour", "neighbours", "neighbor", "neighbors",
    "rival", "rivals", "enemy", "enemies", "adversary", "adversaries", "foe", "foes",
    "backer", "backers", "opponent", "opponents", "critic", "critics",
})  # fmt: skip


def names_others(possessor: Token, noun: Token) -> bool:
    """ "America's allies", "its neighbours": the noun names others than its possessor."""
    return possessor.dep_ == "poss" and noun.lower_ in RELATIONAL_NOUNS


@dataclass(frozen=True, slots=True)
class Lexicon:
    sector_nouns: dict[str, str]  # lower-case noun phrase -> sector
    titles: dict[str, str]  # lower-case title -> sector
    title_modifiers: frozenset[str]
    kind_descriptions: dict[str, frozenset[str]]  # "country" -> the kinds it may stand for
    pronouns: dict[str, str]  # "he" -> person | thing | plural
    group_nouns: frozenset[str] = frozenset()  # "NATO countries": plural, no sector
    named_after_a_seat: frozenset[str] = frozenset()  # "the Copenhagen Charter"
    answering_verbs: frozenset[str] = frozenset()  # "Tehran rejected its offer": not its own
    max_title_words: int = 5
    # the last word of each title, and the words that name another's office ("counterpart")
    title_heads: frozenset[str] = frozenset()
    pronoun_genders: dict[str, str] = field(default_factory=dict)  # "she" -> f
    gendered_words: dict[str, str] = field(default_factory=dict)  # "spokeswoman" -> f

    def sector_of_noun(self, words: list[str]) -> str | None:
        """Sector of a noun phrase's last words: "air force" before "force"."""
        lowered = [w.lower() for w in words]
        for n in (3, 2, 1):
            if len(lowered) >= n:
                hit = self.sector_nouns.get(" ".join(lowered[-n:]))
                if hit:
                    return hit
        return None


def in_a_name(doc: Doc, start: int, end: int, name_words: frozenset[str]) -> bool:
    """ "the Copenhagen Charter", "the Paris Agreement", "the Doha agreement": the place at
    tokens ``start:end`` is part of the name of a document or a meeting, and stands for no
    state."""
    if end >= len(doc):
        return False
    after = doc[end]
    after_the = start > 0 and doc[start - 1].lower_ == "the"
    return after.lower_ in name_words and (after.text[:1].isupper() or after_the)


STANCE_PREFIXES = frozenset({"anti", "pro"})


def stance_named(doc: Doc, start: int, end: int) -> bool:
    """ "anti-Pakistan militants", "pro-Russian separatists": a name after "anti-" or "pro-"
    says whom a group is for or against, not whose it is (and "Pro-" alone names nobody)."""
    if doc[start:end].text.lower().rstrip("-") in STANCE_PREFIXES:
        return True
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in STANCE_PREFIXES
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
    )


CURRENCIES = frozenset({
    "dollar", "euro", "pound", "yuan", "renminbi", "yen", "rupee", "peso", "franc", "rouble",
    "ruble", "real", "rand", "shilling", "dinar", "riyal", "rial", "lira", "won", "krona",
    "krone", "naira", "cedi", "birr", "taka", "ringgit", "baht", "dong", "hryvnia", "zloty",
    "forint", "leu", "lev", "kwacha", "kyat", "manat", "tenge", "som", "afghani",
})  # fmt: skip


# things a country's name says the kind of, not whose they are
EMBLEMS = frozenset({"flag", "banner", "anthem"})
NAMED_THINGS = CURRENCIES | EMBLEMS


def names_a_thing(doc: Doc, start: int, end: int) -> bool:
    """ "30 billion Canadian dollars", "Hong Kong dollars", "waving Russian flags": a name that
    says which currency or emblem is meant names no party."""
    last = doc[end - 1]
    head = last.head if last.dep_ in {"amod", "compound", "nmod"} else None
    if head is None and end < len(doc):
        head = doc[end]  # no parse: the next word
    if head is None or head.i < end:
        return False
    return head.lemma_.lower() in NAMED_THINGS


def _gendered(data: dict[str, list[str]]) -> dict[str, str]:
    return {str(word).lower(): str(gender) for gender, words in data.items() for word in words}


def _kinds(value: str | list[str]) -> frozenset[str]:
    return frozenset([value] if isinstance(value, str) else value)


# words that name one officeholder without being a title of the lexicon
OFFICE_WORDS = frozenset({"counterpart", "d'affaires"})


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = load_yaml((data_dir() / "lexicon.yaml").read_text(encoding="utf-8"))
    nouns = {
        str(word).lower(): sector
        for sector, words in data["sector_nouns"].items()
        for word in words
    }
    titles = {str(k).lower(): str(v) for k, v in data["titles"].items()}
    return Lexicon(
        sector_nouns=nouns,
        titles=titles,
        title_modifiers=frozenset(str(w).lower() for w in data["title_modifiers"]),
        kind_descriptions={str(k): _kinds(v) for k, v in data["kind_descriptions"].items()},
        pronouns={str(k): str(v) for k, v in data["pronouns"].items()},
        group_nouns=frozenset(str(w).lower() for w in data.get("group_nouns", [])),
        named_after_a_seat=frozenset(str(w).lower() for w in data.get("named_after_a_seat", [])),
        answering_verbs=frozenset(str(w).lower() for w in data.get("answering_verbs", [])),
        max_title_words=max(len(t.split()) for t in titles),
        title_heads=frozenset(t.split()[-1] for t in titles) | OFFICE_WORDS,
        pronoun_genders={str(k): str(v) for k, v in data.get("pronoun_genders", {}).items()},
        gendered_words=_gendered(data.get("gendered_words", {})),
    )
