"""Hand-built stores for the analysis tests (our own sentences), and checks of the builder.

``article_world`` mirrors the event structure of the real NATO/Ukraine article in ../shared
(who acts on whom, the aid figures, who says what) with prose written for these tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from allegiance.models import Actor, Amount, Article, Event, Extraction, Mention, Sentence, Span
from allegiance.store import Store, StoredArticle

NAMES = {
    "USA": "United States",
    "UKR": "Ukraine",
    "RUS": "Russia",
    "PRK": "North Korea",
    "IRN": "Iran",
    "CHN": "China",
    "EU": "European Union",
    "NATO": "NATO",
    "LTU": "Lithuania",
    "BEL": "Belgium",
    "DEU": "Germany",
    "FRA": "France",
}


@dataclass(frozen=True)
class Spec:
    """One event to write: actor codes, type, recipient codes, and its sentence."""

    actors: tuple[str, ...]
    type: str
    recipients: tuple[str, ...]
    sentence: str
    mode: str | None = None
    usd: float | None = None
    factuality: str = "asserted"
    said_by: str | None = None
    speaker: str | None = None  # a named person of this country in the sentence (a mention)
    event_date: str | None = None


def ev(actors: str, etype: str, recipients: str, sentence: str, **kw: object) -> Spec:
    """``ev("CHN,IRN", "AID", "RUS", "...")``: comma lists of codes ("" for none)."""
    split = lambda s: tuple(c for c in s.split(",") if c)  # noqa: E731
    return Spec(split(actors), etype, split(recipients), sentence, **kw)  # type: ignore[arg-type]


def _mentions(codes: tuple[str, ...], start: int, index: int) -> tuple[Mention, ...]:
    return tuple(
        Mention(NAMES.get(c, c), start, start + 1, code=c, sentence_index=index) for c in codes
    )


def extraction(
    article_id: str,
    published: dt.date,
    specs: list[Spec],
    *,
    duplicate_of: str | None = None,
    url: str | None = None,
) -> Extraction:
    text, sentences, events, people = "", [], [], []
    for i, spec in enumerate(specs):
        start = len(text)
        text += spec.sentence + " "
        sentence = Sentence(i, start, start + len(spec.sentence), spec.sentence)
        sentences.append(sentence)
        if spec.speaker:
            people.append(
                Mention(
                    "the premier",
                    start,
                    start + 3,
                    code=spec.speaker,
                    kind="person",
                    person="A. Premier",
                    sentence_index=i,
                )
            )
        amount = Amount(f"${spec.usd:,.0f}", spec.usd, "USD", spec.usd) if spec.usd else None
        said = (
            Mention(NAMES.get(spec.said_by, "x"), start, start + 1, code=spec.said_by)
            if spec.said_by
            else None
        )
        events.append(
            Event(
                id=f"{article_id}-e{i}",
                doc_id=article_id,
                event=spec.type,
                mode=spec.mode,
                trigger=Span("x", start, start + 1),
                sentence=sentence,
                actor=_mentions(spec.actors, start, i),
                recipient=_mentions(spec.recipients, start, i),
                factuality=spec.factuality,
                attributed_to=said,
                amount=amount,
                event_date=spec.event_date,
                confidence=0.9,
            )
        )
    article = Article(
        id=article_id,
        text=text.strip(),
        published=published,
        url=url,
        duplicate_of=duplicate_of,
        title=f"article {article_id}",
    )
    return Extraction(article, tuple(sentences), tuple(people), tuple(events))


def build(path: Path, articles: list[Extraction]) -> Path:
    actors = [Actor(code, name, "country") for code, name in NAMES.items()]
    with Store(path) as store:
        store.write([StoredArticle(a) for a in articles], actors=actors)
    return path


NOV20 = dt.date(2024, 11, 20)


def main_article() -> list[Spec]:
    return [
        ev(
            "NATO",
            "REQUEST",
            "USA",
            "Alliance leaders pressed Washington to keep arming Kyiv.",
            mode="assist",
        ),
        ev(
            "NATO",
            "ACCUSE",
            "RUS,PRK,IRN,CHN",
            "The alliance chief called the four governments a danger to world security.",
            mode="disapprove",
        ),
        ev(
            "PRK",
            "AID",
            "RUS",
            "Moscow says Pyongyang ships it shells and missiles.",
            mode="military",
            said_by="RUS",
        ),
        ev(
            "CHN,IRN",
            "AID",
            "RUS",
            "Beijing and Tehran supply Moscow with chips and drones.",
            mode="military",
        ),
        ev(
            "USA",
            "AID",
            "UKR",
            "Washington has given Kyiv over $90 billion in arms aid.",
            mode="military",
            usd=90e9,
        ),
        ev("EU", "AID", "UKR", "Brussels has paid out over $125 billion for Kyiv.", usd=125e9),
        ev("RUS", "ASSAULT", "UKR", "Russian forces keep pounding Ukrainian towns."),
        ev(
            "LTU",
            "SUPPORT",
            "UKR",
            "The Lithuanian president restated his backing for Kyiv.",
            said_by="LTU",
        ),
        ev(
            "EU",
            "AID",
            "UKR",
            "Europe will keep helping Kyiv even if Washington walks away, Belgium's premier said.",
            factuality="hypothetical",
            said_by="BEL",
            speaker="BEL",
        ),
        ev(
            "USA",
            "SANCTION",
            "UKR",
            "A new administration might cut off the weapons.",
            mode="discontinue",
            factuality="hypothetical",
        ),
        # what the extractor makes of the Belgian premier's statement (events/stance.py)
        ev(
            "BEL",
            "SUPPORT",
            "UKR",
            "Belgium's premier said Europe would stand by Kyiv whatever Washington does.",
            said_by="BEL",
            speaker="BEL",
        ),
    ]


def article_world(path: Path) -> Path:
    """The main article, two later articles repeating the US figure, and a syndicated copy."""
    repeat = [
        ev(
            "USA",
            "AID",
            "UKR",
            "The US total stands above $90 billion, officials repeat.",
            mode="military",
            usd=90e9,
        )
    ]
    repeat_again = [
        ev("USA", "AID", "UKR", "More than $90 billion has gone from America to Kyiv.", usd=90e9)
    ]
    return build(
        path,
        [
            extraction("a1", NOV20, main_article(), url="https://example.org/a1"),
            extraction("a2", dt.date(2024, 11, 21), repeat),
            extraction("a3", dt.date(2024, 11, 23), repeat_again),
            extraction("a4", NOV20, main_article(), duplicate_of="a1"),
        ],
    )


def flip_world(path: Path) -> Path:
    """DEU backs FRA in January and February 2024, then turns hostile from March."""
    friendly = [ev("DEU", "SUPPORT", "FRA", "Berlin praised Paris for its stance.")]
    hostile = [
        ev("DEU", "ACCUSE", "FRA", "Berlin accused Paris of breaking the pact.", mode="allege")
    ]
    return build(
        path,
        [
            extraction("f1", dt.date(2024, 1, 10), friendly),
            extraction("f2", dt.date(2024, 2, 14), friendly),
            extraction("f3", dt.date(2024, 3, 5), hostile),
            extraction("f4", dt.date(2024, 3, 20), hostile),
            extraction("f5", dt.date(2024, 4, 2), hostile),
        ],
    )


def test_article_world_stores_events(tmp_path):
    with Store(article_world(tmp_path / "w.duckdb"), read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == 4
    assert counts["events"] == 2 * len(main_article()) + 2
