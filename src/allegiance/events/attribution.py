"""Who says so: the source an event is attributed to, separate from its actor.

Cues: a reporting verb governing the trigger's clause ("Russia says that North Korea gives
them artillery"), a reporting clause beside it ("..., officials said"), and "according to X".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import MentionIndex, np_mention
from allegiance.events.participants import MAX_CLIMB
from allegiance.events.syntax import PASSIVE_SUBJECTS, SUBJECTS, child, prep_object
from allegiance.models import Mention


def source_mention(head: Token, index: MentionIndex) -> Mention:
    """The mention of a speaker phrase; an unresolved source keeps its text ("officials")."""
    found = np_mention(head, index)
    if found is not None:
        return found
    last = head.right_edge
    for c in head.rights:
        if c.dep_ in {"relcl", "acl", "appos", "punct", "prep"}:
            last = c.left_edge.doc[c.left_edge.i - 1]
            break
    start, end = head.left_edge.idx, last.idx + len(last)
    text = head.doc[head.left_edge.i : last.i + 1].text
    return Mention(text=text, start=start, end=end, kind="source")


def speaker_of(verb: Token, index: MentionIndex, lex: Lexicon) -> Mention | None:
    """The subject of a reporting verb (or the agent of "was quoted by")."""
    subj = child(verb, SUBJECTS)
    if subj is None and verb.dep_ in {"conj", "xcomp"}:
        subj = child(verb.head, SUBJECTS)
    if subj is None:
        agent = prep_object(verb, ("by",))
        subj = agent if agent is not None else child(verb, PASSIVE_SUBJECTS)
    if subj is None:
        return None
    return source_mention(subj, index)


def _governing_reporter(verb: Token, lex: Lexicon) -> Token | None:
    tok = verb
    for _ in range(MAX_CLIMB):
        head = tok.head
        if head == tok:
            return None
        if head.lemma_ in lex.reporting_verbs and tok.dep_ in {"ccomp", "xcomp", "conj", "advcl"}:
            return head
        if head.lemma_ in lex.reporting_verbs and tok.dep_ == "prep" and tok.lower_ == "of":
            return head  # "accused Russia of attacking": the accuser says so
        if _content_clause(tok, lex):  # "said the same thing: Europe would ..."
            return head.head
        if tok.dep_ in {"relcl", "parataxis"}:
            return None
        tok = head
    return None


def _content_clause(clause: Token, lex: Lexicon) -> bool:
    """A clause that spells out what was said: "said the same thing: X", "repeated the
    message that X" (the clause hangs on the reporting verb's object)."""
    noun = clause.head
    return (
        clause.dep_ in {"acl", "appos", "relcl"}
        and clause.pos_ in {"VERB", "AUX"}
        and noun.lemma_.lower() in lex.content_nouns
        and noun.dep_ == "dobj"
        and noun.head.lemma_ in lex.reporting_verbs
    )


def _parataxis_reporter(verb: Token, lex: Lexicon) -> Token | None:
    root = verb
    while root.head != root and root.dep_ in {"conj", "xcomp", "advcl", "ccomp"}:
        root = root.head
    for c in root.children:
        reporting = c.lemma_ in lex.reporting_verbs
        if c.dep_ in {"parataxis", "advcl", "conj"} and reporting and c.i > verb.i:
            return c
    return None


def according_to_objects(sent: Span) -> Iterator[Token]:
    """The X of each "according to X" in the sentence."""
    for tok in sent:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = child(to, ("pobj",)) if to is not None else None
        if obj is not None:
            yield obj


def according_to(sent: Span, index: MentionIndex) -> Mention | None:
    """The X of "according to X" in the sentence, if any."""
    obj = next(according_to_objects(sent), None)
    return source_mention(obj, index) if obj is not None else None


def attribution(
    trigger_verb: Token, sent: Span, index: MentionIndex, lex: Lexicon
) -> tuple[Mention | None, Token | None]:
    """(who says so, the reporting verb) for the clause of a trigger; (None, None) if unsaid."""
    reporter = _governing_reporter(trigger_verb, lex) or _parataxis_reporter(trigger_verb, lex)
    if reporter is not None and reporter != trigger_verb:
        return speaker_of(reporter, index, lex), reporter
    return according_to(sent, index), None
