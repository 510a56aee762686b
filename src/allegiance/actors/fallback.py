"""Mentions the resolver left alone: the statistical NER's entities as unresolved actors.

The event extractor adds these to the resolver's mentions, so that "rebels" named only by
the NER can still be an event's actor (with no code), and a town the resolver does not know
can stand for its country ("shelled Juba"), as in the PLOVER conventions.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from allegiance.actors.lexicon import in_a_name, names_a_thing, stance_named
from allegiance.models import Mention

# NER label -> mention kind
NER_KINDS = {"GPE": "country", "NORP": "group", "ORG": "organisation", "PERSON": "person"}

PlaceCountry = Callable[[str], str | None]  # a place name -> the code of its country


def fallback_mentions(
    doc: Doc, *, place_country: PlaceCountry, name_words: frozenset[str] = frozenset()
) -> list[Mention]:
    """Mentions from the statistical NER alone (what the actor resolver left unresolved).

    A GPE is a town ("city") whose code is the country ``place_country`` gives (the offline
    geocoder of the event stage), or None; a GPE in the name of a document or a meeting
    (followed by one of ``name_words``: "the Copenhagen Charter") is none.
    """
    out = []
    for e in doc.ents:
        if (
            e.label_ not in NER_KINDS
            or (e.label_ == "GPE" and in_a_name(doc, e.start, e.end, name_words))
            or stance_named(doc, e.start, e.end)
            or names_a_thing(doc, e.start, e.end)
        ):
            continue
        start = _name_start(doc, e.start) if e.label_ == "GPE" else e.start
        text = doc[start : e.end].text
        code, kind = (place_country(text), "city") if e.label_ == "GPE" else (None, None)
        out.append(
            Mention(
                text=text,
                start=doc[start].idx,
                end=e.end_char,
                code=code,
                kind=kind or NER_KINDS[e.label_],
            )
        )
    return out


# particles inside Portuguese, Spanish, French and Italian place names
NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "du", "la"})


def _name_start(doc: Doc, start: int) -> int:
    """Where a place name the NER cut short begins: "Mocimboa da Praia" (tagged "Praia", which
    alone is Cape Verde's capital)."""
    if start >= 2 and doc[start - 1].lower_ in NAME_PARTICLES:
        first = doc[start - 2]
        if first.text[:1].isupper() and first.pos_ == "PROPN" and not first.ent_type_:
            return start - 2
    return start


def with_unresolved(resolved: Sequence[Mention], ner: Sequence[Mention]) -> list[Mention]:
    """Resolver mentions plus NER entities it left alone (unresolved actors, code None)."""
    out = list(resolved)
    spans = sorted((r.start, r.end) for r in resolved)
    starts = [a for a, _b in spans]
    longest = max((b - a for a, b in spans), default=0)
    for m in ner:
        # only resolved spans starting in [m.start - longest, m.end) can overlap m
        lo = bisect.bisect_left(starts, m.start - longest)
        hi = bisect.bisect_left(starts, m.end)
        if all(b <= m.start for _a, b in spans[lo:hi]):
            out.append(m)
    return sorted(out, key=lambda m: (m.start, -m.end))
