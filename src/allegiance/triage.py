"""The fast path's first pass: which sentences of an article could hold an event, before any
parse.

A sentence goes on to the tagger, parser and NER only if it holds a word that can start an
event in our rules: a form of a lexicon verb or eventive noun ("attacked", "talks"), or a verb
that needs a companion word together with it ("lifted ... sanctions", "pull ... out", "sent
... weapons"), or a reporting verb with an evaluative, deontic or wrongdoing cue ("said X is
a threat", "said X must go", "said X violated"). The word forms come from the lemmas by the
model's own lemmatizer tables, run backwards, so "met", "stopped" and "ceasefires" are found
without a tagger. Everything else is tokenized and split into sentences by punctuation, and
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.language import Language

from allegiance import segment
from allegiance.events.lexicon import Lexicon
from allegiance.events.senses import AID_CARRIERS, ARRIVING

# The English rule lemmatizer's suffix rules (form suffix, lemma suffix), used when a model
# has no lemmatizer tables of its own.
ENGLISH_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")),
    "noun": (("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"),
             ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Inflections:
    """Suffix rules and irregular forms per part of speech ("verb", "noun")."""

    rules: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=lambda: ENGLISH_RULES)
    irregular: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    # the irregular table turned around (pos -> lemma -> forms), built once
    _by_lemma: dict[str, dict[str, set[str]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        inverted: dict[str, dict[str, set[str]]] = {}
        for pos, table in self.irregular.items():
            for form, targets in table.items():
                for lemma in targets:
                    inverted.setdefault(pos, {}).setdefault(lemma, set()).add(form)
        object.__setattr__(self, "_by_lemma", inverted)

    def forms(self, lemmas: Iterable[str], pos: str) -> frozenset[str]:
        """Every form the lemmatizer would reduce to one of ``lemmas`` (a superset)."""
        by_lemma = self._by_lemma.get(pos, {})
        out: set[str] = set()
        for lemma in (w.lower() for w in lemmas):
            out.add(lemma)
            out.update(_regular_forms(lemma, self.rules.get(pos, ())))
            out.update(by_lemma.get(lemma, ()))
        return frozenset(out)


def _regular_forms(lemma: str, rules: Sequence[tuple[str, str]]) -> Iterable[str]:
    for form_suffix, lemma_suffix in rules:
        if lemma.endswith(lemma_suffix):
            yield lemma[: len(lemma) - len(lemma_suffix)] + form_suffix


def model_inflections(nlp: Language) -> Inflections | None:
    """The forms ``nlp``'s lemmatizer knows: its rule tables (suffix rules and exceptions) or
    its lookup table; None when it has neither (irregular forms like "met" would be missed)."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and lookups.has_table("lemma_rules"):
        rules, irregular = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
        strings = nlp.vocab.strings
        return Inflections(
            rules={p: [tuple(r) for r in rules.get(strings[p], [])] for p in ("verb", "noun")},
            irregular={p: dict(irregular.get(strings[p], {})) for p in ("verb", "noun")},
        )
    if lookups is not None and lookups.has_table("lemma_lookup"):
        table = lookups.get_table("lemma_lookup")
        forms = {nlp.vocab.strings[k]: [v] for k, v in table.items() if k in nlp.vocab.strings}
        return Inflections(irregular={"verb": forms, "noun": forms})
    return None


@dataclass(frozen=True, slots=True)
class TriggerWords:
    """Lower-case word forms that let a sentence through to the parser."""

    single: frozenset[str]  # enough on their own
    pairs: tuple[tuple[frozenset[str], frozenset[str]], ...]  # a verb and its companion
    reporting: frozenset[str]
    cues: frozenset[str]  # with a reporting verb: "is a threat", "must"

    def can_hold_event(self, words: AbstractSet[str]) -> bool:
        if not words.isdisjoint(self.single):
            return True
        if any(not words.isdisjoint(v) and not words.isdisjoint(c) for v, c in self.pairs):
            return True
        return not words.isdisjoint(self.reporting) and not words.isdisjoint(self.cues)


def trigger_words(lex: Lexicon, inflections: Inflections) -> TriggerWords:
    """The fast path's vocabulary, derived from the event lexicon (nothing listed twice)."""
    nouns = set(lex.nouns)
    single = inflections.forms(lex.verbs, "verb") | inflections.forms(nouns, "noun")
    single |= inflections.forms(nouns, "verb")  # "to attack", "they protested"
    single |= set(lex.stance_adjectives)  # "is deeply concerned about"
    pairs = [(inflections.forms([v], "verb"), frozenset([p])) for v, p in lex.phrasal]
    for entry in (*lex.verb_object, *lex.verb_subject):
        heads = {o.split()[-1] for o in entry.objects}  # "water cannon": "cannon"
        companions = inflections.forms(heads, "noun") | heads
        pairs.append((inflections.forms(entry.verbs, "verb"), companions))
    movers = lex.transfer_verbs | lex.receive_verbs | lex.pledge_verbs
    pairs.append((inflections.forms(movers, "verb"), inflections.forms(lex.aid_objects, "noun")))
    carriers = inflections.forms(AID_CARRIERS, "noun")  # "a plane carrying food landed"
    pairs.append((inflections.forms(ARRIVING, "verb"), carriers))
    deadlines = inflections.forms(lex.deadline_spans, "noun")
    pairs.append((inflections.forms(lex.transfer_verbs, "verb"), deadlines))
    evaluative = inflections.forms(lex.evaluative, "noun")
    pairs.append((inflections.forms(lex.label_verbs, "verb"), evaluative))  # "called it a sham"
    forceful = lex.response_manners | inflections.forms(lex.response_provocations, "noun")
    pairs.append((inflections.forms(lex.response_verbs, "verb"), forceful))
    cues = evaluative | {m for m in lex.deontic_modals if " " not in m}
    # "needs to act": the first word of a two-word modal, but not "has" / "have", which
    # nearly every reported sentence holds (those are read where another cue wakes the parser)
    cues |= {m.split()[0] for m in lex.deontic_modals if " " in m} - {"has", "have"}
    cues |= inflections.forms(lex.wrongdoing_verbs, "verb")
    return TriggerWords(
        single=single,
        pairs=tuple(pairs),
        reporting=inflections.forms(lex.reporting_verbs, "verb"),
        cues=frozenset(cues),
    )


# A sentence ends after ., ! or ? (and closing quotes or brackets) followed by whitespace,
# unless the word before is an abbreviation ("Mr.", "Gen.", "U.S.").
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Sen|Rep|Gov|Prof|St|Jr|Sr|No|"
    r"vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Inc|Corp|Ltd|Co|Mt|Ft|Rev|Hon|Pres))[.]$"
)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of whole sentences (characters ``start:end``) that is parsed, or skipped."""

    start: int
    end: int
    parse: bool
    sentences: tuple[int, ...]  # character offsets where its sentences start


def sentence_starts(text: str) -> list[int]:
    """Where sentences start, by punctuation, blank lines and title lines (no parse); not
    before a lower-case word ("work ... it was"). Each start follows whitespace, so a piece of
    the text between two starts tokenizes alone as it does in place."""
    starts = {0}
    for match in SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()]
        following = text[match.end() : match.end() + 1]
        if following and not following.islower() and not ABBREVIATION.search(before):
            starts.add(match.end())
    starts.update(o for o in segment.break_offsets(text) if 0 < o < len(text))
    return sorted(o for o in starts if o == 0 or text[o - 1].isspace())


def plan_chunks(text: str, words: TriggerWords, *, relevant: bool) -> list[Chunk]:
    """The text cut into runs of sentences with the same verdict (could it hold an event?);
    an article the relevance gate turned away is one skipped run."""
    if not relevant:
        return [Chunk(0, len(text), False, tuple(sentence_starts(text)))] if text else []
    starts = sentence_starts(text)
    chunks: list[Chunk] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        parse = words.can_hold_event({w.lower() for w in WORD.findall(text, start, end)})
        if chunks and chunks[-1].parse == parse:
            last = chunks[-1]
            chunks[-1] = Chunk(last.start, end, parse, (*last.sentences, start))
        else:
            chunks.append(Chunk(start, end, parse, (start,)))
    return chunks
