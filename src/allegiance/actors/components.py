"""spaCy components: the actor entity ruler (before "ner") and the resolver (after it)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from allegiance.actors.drafts import Context
from allegiance.actors.lexicon import load_lexicon
from allegiance.actors.loader import load_knowledge_base
from allegiance.actors.patterns import PLACE, all_patterns
from allegiance.actors.resolve import resolve
from allegiance.doc import guarded, register_extensions
from allegiance.models import as_date

log = logging.getLogger(__name__)

RULER = "allegiance_actor_ruler"
RESOLVER = "allegiance_actor_resolver"


class ActorRuler:
    """Tags knowledge-base aliases and gazetteer places as entities (case-sensitive phrases).

    Entities already on the doc are kept; the statistical NER after us keeps ours.
    """

    def __init__(self, nlp: Language, actors_files: Iterable[str] = ()) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tags: dict[str, tuple[str, str]] = {}
        patterns = all_patterns(load_knowledge_base(tuple(actors_files)))
        texts = [p["pattern"] for p in patterns]
        for pattern, doc in zip(patterns, (nlp.make_doc(t) for t in texts), strict=True):
            key = f"{pattern['label']}\t{pattern['id']}"
            self.tags[key] = (pattern["label"], pattern["id"])
            self.matcher.add(key, [doc])
        log.debug("actor ruler: %d phrase patterns", len(patterns))

        lexicon = load_lexicon()
        words = {word for title in lexicon.titles for word in title.split()}
        self.title_words = frozenset(words - _FUNCTION_WORDS) | lexicon.title_modifiers

    def __call__(self, doc: Doc) -> Doc:
        return tag_entities(doc, self.matcher, self.tags, self.title_words)


def tag_entities(
    doc: Doc,
    matcher: PhraseMatcher,
    tags: dict[str, tuple[str, str]],
    title_words: frozenset[str] = frozenset(),
) -> Doc:
    spans = []
    for match_id, start, end in matcher(doc):
        label, span_id = tags[doc.vocab.strings[match_id]]
        if _doubtful(doc, start, end, span_id, title_words):
            continue
        spans.append(Span(doc, start, end, label=label, span_id=span_id))
    existing = list(doc.ents)
    occupied = {i for ent in existing for i in range(ent.start, ent.end)}
    new = [s for s in filter_spans(spans) if not occupied.intersection(range(s.start, s.end))]
    if new:
        doc.ents = sorted([*existing, *new], key=lambda s: s.start)
    return doc


# Seats named by a common noun: only the US one when nobody else's is meant.
_GENERIC_SEATS = frozenset({"Congress", "Parliament Hill", "Capitol Hill"})
_FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "in", "a"})
# Country names that are also given names: "Michael Jordan", "Chad Smith", "Georgia Meyer".
_NAME_LIKE = frozenset({"Jordan", "Chad", "Georgia", "Israel", "Niger", "Turkey", "Chile"})


def _doubtful(doc: Doc, start: int, end: int, span_id: str, title_words: frozenset[str]) -> bool:
    """Matches that are probably something else: parts of names, words of an all-caps line."""
    name_like = "|surname|" in span_id or (end - start == 1 and doc[start].text in _NAME_LIKE)
    if name_like and _inside_longer_name(doc, start, end, title_words):
        return True
    if doc[start:end].text in _GENERIC_SEATS and _someone_elses(doc, start, end):
        return True  # "Peru's Congress", "African National Congress"
    if span_id.startswith(PLACE) and _name_of_person(doc, start, end, title_words):
        return True  # "Judge Alejandro Rivera", "King Hassan": cities that are also names
    return _short_caps_in_caps_line(doc, start, end)


def _someone_elses(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text in ("'s", "’s"):
        return True
    return _inside_longer_name(doc, start, end, frozenset())


def _name_of_person(doc: Doc, start: int, end: int, title_words: frozenset[str]) -> bool:
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in title_words and before.lower_ != "former":
        return True
    return _inside_longer_name(doc, start, end, title_words)


def _short_caps_in_caps_line(doc: Doc, start: int, end: int) -> bool:
    """ "WHAT IS NEXT": "IS" is not the Islamic State when its neighbours shout too."""
    text = doc[start:end].text
    if len(text) > 3 or not text.isupper():
        return False
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in neighbours)


def _inside_longer_name(doc: Doc, start: int, end: int, title_words: frozenset[str]) -> bool:
    """ "Melania Trump", "Sharon Stone": a known surname that is part of someone else's name."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_title and after.is_alpha:
        return True
    before = doc[start - 1] if start > 0 else None
    return (
        before is not None
        and before.is_title
        and before.is_alpha
        and not before.is_sent_start
        and before.lower_ not in title_words
    )


class ActorResolver:
    """Sets ``doc._.mentions``: every actor mention, resolved, sorted by start."""

    def __init__(self, actors_files: Iterable[str] = ()) -> None:
        self.kb = load_knowledge_base(tuple(actors_files))
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        return guarded(doc, self._resolve, name=RESOLVER)

    def _resolve(self, doc: Doc) -> Doc:
        published = as_date(doc._.published) if Doc.has_extension("published") else None
        ctx = Context(kb=self.kb, lexicon=self.lexicon, published=published)
        doc._.mentions = resolve(doc, ctx)
        return doc


@Language.factory(RULER, default_config={"actors_files": []}, assigns=["doc.ents"])
def make_actor_ruler(nlp: Language, name: str, actors_files: list[str]) -> ActorRuler:
    return ActorRuler(nlp, actors_files)


@Language.factory(
    RESOLVER,
    default_config={"actors_files": []},
    requires=["doc.ents"],
    assigns=["doc._.mentions"],
)
def make_actor_resolver(nlp: Language, name: str, actors_files: list[str]) -> ActorResolver:
    register_extensions()
    return ActorResolver(actors_files)
