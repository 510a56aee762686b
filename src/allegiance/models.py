"""Typed records passed between stages: sources -> Article -> Mention/Event -> store.

Records are frozen dataclasses. A stage builds new records rather than mutating the ones
it receives; ``dataclasses.replace`` is the way to derive a changed copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FACTUALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "historical")

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def as_date(value: dt.date | str | None) -> dt.date | None:
    """The calendar date of a date, of a datetime (its date part) or of an ISO string
    ("2024-11-20"); None for None or ""; ValueError for a string that is not an ISO date.

    The one coercion the stages share (a source's dates, the knowledge base's, the Doc's)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read from any source."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None  # where it was read from: "path", "path:line", "-"
    lang: str | None = None
    author: str | None = None
    duplicate_of: str | None = None  # id of the article this one near-duplicates

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        return cls(**{**data, "published": published})


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of article text: character offsets into ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the actor knowledge base."""

    code: str  # ISO3 for countries, our code for organisations/groups, "PER:<slug>" for people
    name: str
    kind: Literal["country", "igo", "group", "person", "organisation", "other"]
    wikidata: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    iso2: str | None = None
    country: str | None = None  # the country a person/organisation belongs to
    source: str | None = None  # short note on where the facts come from
    gender: Literal["m", "f"] | None = None  # a person's, as news refers to them (he/she)


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by a person between two dates (end None = still in office)."""

    title: str  # "president", "prime minister", "secretary general", ...
    org: str  # actor code of the country/organisation the office belongs to
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mentioned in the text, resolved as far as we can."""

    text: str
    start: int
    end: int
    code: str | None = None  # country / organisation code the mention stands for
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, IGO, ...
    wikidata: str | None = None
    kind: str | None = None  # country, igo, group, person, place, ...
    person: str | None = None  # a named person behind the mention
    role: str | None = None  # the person's role valid on the article date
    sentence_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True, slots=True)
class Amount:
    text: str
    value: float | None = None
    currency: str | None = None
    usd: float | None = None
    qualifier: str | None = None  # more_than, about, up_to, at_least, less_than
    kind: str = "money"  # money, troops, weapons, dead, injured, people


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO3


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event with its evidence; the JSON shape of DESIGN.md."""

    id: str
    doc_id: str
    event: str
    trigger: Span
    sentence: Sentence
    mode: str | None = None
    context: tuple[str, ...] = ()
    quad: str | None = None
    actor: tuple[Mention, ...] = ()
    recipient: tuple[Mention, ...] = ()
    factuality: str = "asserted"
    attributed_to: Mention | None = None
    amount: Amount | None = None
    location: Location | None = None
    event_date: str | None = None  # ISO date, possibly partial ("2024-11", "2024")
    date_precision: str | None = None  # day, week, month, year
    reported_date: str | None = None
    confidence: float = 0.5
    extractor: str = ""
    # a reciprocal act ("X and Y signed a deal"): every party is an actor, no recipient, and
    # each party acts toward the others (PLOVER's "Compound and Reciprocal Actors")
    mutual: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["context"] = list(self.context)
        data["actor"] = [m.to_dict() for m in self.actor]
        data["recipient"] = [m.to_dict() for m in self.recipient]
        data["attributed_to"] = self.attributed_to.to_dict() if self.attributed_to else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The inverse of ``to_dict`` (for records read back from the store)."""
        said = data.get("attributed_to")
        return cls(
            id=data["id"],
            doc_id=data["doc_id"],
            event=data["event"],
            trigger=Span(**data["trigger"]),
            sentence=Sentence(**data["sentence"]),
            mode=data.get("mode"),
            context=tuple(data.get("context") or ()),
            quad=data.get("quad"),
            actor=tuple(Mention(**m) for m in data.get("actor") or ()),
            recipient=tuple(Mention(**m) for m in data.get("recipient") or ()),
            factuality=data.get("factuality", "asserted"),
            attributed_to=Mention(**said) if said else None,
            amount=Amount(**data["amount"]) if data.get("amount") else None,
            location=Location(**data["location"]) if data.get("location") else None,
            event_date=data.get("event_date"),
            date_precision=data.get("date_precision"),
            reported_date=data.get("reported_date"),
            confidence=data.get("confidence", 0.5),
            extractor=data.get("extractor", ""),
            mutual=bool(data.get("mutual", False)),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    # sentences the fast path sent through the parser and NER, and those it skipped
    sentences_parsed: int = 0
    sentences_skipped: int = 0
    # why the article could not be read (a component failed on it): reported, never stored
    failure: str | None = None

    def problem(self) -> ReadProblem | None:
        """The failure as a problem to report once (the article is then skipped), if any."""
        if self.failure is None:
            return None
        where = self.article.source or self.article.id
        return ReadProblem(where, f"article {self.article.id} could not be read ({self.failure})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "sentences": [asdict(s) for s in self.sentences],
            "mentions": [asdict(m) for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
            "sentences_parsed": self.sentences_parsed,
            "sentences_skipped": self.sentences_skipped,
            "failure": self.failure,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """The inverse of ``to_dict`` (Parquet shards written by the Ray job use it)."""
        return cls(
            article=Article.from_dict(data["article"]),
            sentences=tuple(Sentence(**s) for s in data.get("sentences") or ()),
            mentions=tuple(Mention(**m) for m in data.get("mentions") or ()),
            events=tuple(Event.from_dict(e) for e in data.get("events") or ()),
            sentences_parsed=int(data.get("sentences_parsed") or 0),
            sentences_skipped=int(data.get("sentences_skipped") or 0),
            failure=data.get("failure"),
        )


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A source (or part of one) that could not be read; reported, then skipped."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ArticleSentences:
    """How many of an article's sentences were parsed, and how many the fast path skipped."""

    id: str
    parsed: int
    skipped: int


@dataclass(slots=True)
class IngestStats:
    """Counts of one ingest run, for the summary line and tests."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped_language: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    events: int = 0
    sentences_parsed: int = 0
    sentences_skipped: int = 0
    articles: list[ArticleSentences] = field(default_factory=list)  # extracted in this run
