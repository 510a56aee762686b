"""Verbs the parser did not see: "North Korea, Iran and China back Russia".

The small English model often tags a bare present-tense verb between two names as an adverb
or a noun ("back", "arms", "aid"), and then parses the sentence around it. When such a word
of the verb lexicon stands right between a run of actor names and another actor name, the
run is the actor side and the name after it the recipient, as in headlines and short
sentences. These events get a lower confidence than parsed ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.noun_phrases import MentionIndex, mention_span
from allegiance.models import Mention

SHALLOW_CONFIDENCE = 0.4  # 0.6 with both sides named; parsed events get 0.8-0.9
LINKS = frozenset({",", "and", "&"})


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A verb found without the parse: its token, sense and both sides."""

    token: Token
    sense: Sense
    actors: list[Mention]
    recipients: list[Mention]


def unparsed_matcher(vocab: Vocab, lex: Lexicon) -> Matcher:
    """Lexicon verbs ("back", "backs") in a word the parser did not tag as a verb."""
    forms = sorted({f for verb in lex.verbs for f in (verb, verb + "s")})
    matcher = Matcher(vocab)
    pattern = [{"LOWER": {"IN": forms}, "POS": {"NOT_IN": ["VERB", "AUX"]}}]
    matcher.add("UNPARSED_VERB", [pattern])
    return matcher


def unparsed_verbs(
    doc: Doc, index: MentionIndex, lex: Lexicon, *, matcher: Matcher
) -> list[Unparsed]:
    """Lexicon verbs the parser missed (found by :func:`unparsed_matcher`), standing between
    actor names."""
    out = []
    for _, start, _ in matcher(doc):
        token = doc[start]
        if _modifier_or_name(token, index):
            continue
        found = _between_names(token, index, lex)
        if found is not None:
            out.append(found)
    return out


def _modifier_or_name(token: Token, index: MentionIndex) -> bool:
    """ "Liberian riot police": a word inside a name or modifying a noun is no verb."""
    inside = index.covering(token.idx, token.idx + len(token)) is not None
    return inside or token.dep_ in {"compound", "amod", "nmod"}


def _between_names(token: Token, index: MentionIndex, lex: Lexicon) -> Unparsed | None:
    lemma = token.lower_[:-1] if token.lower_ not in lex.verbs else token.lower_
    sense = lex.verbs.get(lemma)
    right = _mention_after(token, index)
    actors = _names_before(token, index)
    if sense is None or right is None or not actors:
        return None
    sense = Sense(type=sense.type, mode=sense.mode, context=sense.context,
                  confidence=SHALLOW_CONFIDENCE)  # fmt: skip
    return Unparsed(token, sense, actors, [right])


def _mention_after(token: Token, index: MentionIndex) -> Mention | None:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "the" and nxt.i + 1 < len(token.doc):
        nxt = nxt.nbor(1)
    mention = index.at_token(nxt) if nxt is not None else None
    return mention if mention is not None and mention.code is not None else None


def _names_before(token: Token, index: MentionIndex) -> list[Mention]:
    """The coded names of "A, B and C" ending right before ``token`` (document order)."""
    names: list[Mention] = []
    i = token.i - 1
    while i >= 0:
        mention = index.at_token(token.doc[i])
        if mention is None or mention.code is None:
            break
        if mention not in names:
            names.insert(0, mention)
        first = mention_span(token.doc, mention)
        i = (first.start if first is not None else i) - 1
        while i >= 0 and token.doc[i].lower_ in LINKS:
            i -= 1
    return names
