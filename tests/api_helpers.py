"""A small store built by hand (our own prose, no extractor) for the API and browser tests.

Events leave ``reported_date`` unset (the store falls back to the article's date): the store's
Arrow schema takes a date there, not the ISO string of the record.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient

from allegiance.models import (
    Actor,
    Amount,
    Article,
    Event,
    Extraction,
    Location,
    Mention,
    Sentence,
    Span,
)
from allegiance.settings import DEFAULT_MIN_CONFIDENCE
from allegiance.store import Store, StoredArticle

TEXT = (
    "Alliance chief asks Washington to stay the course\n\n"
    "NATO Secretary General Mark Rutte urged the United States on Wednesday to keep backing "
    "Ukraine. "
    "North Korea has shipped artillery shells and rockets to Russia, Moscow said. "
    "Washington has provided more than $90 billion in military aid to Ukraine since 2022. "
    "Russia attacked the Ukrainian power grid again overnight. "
    "North Korean troops were deployed near Kursk. "
    "Rutte accused Russia of threatening global security. "
    "A new administration could cut that aid to Ukraine."
)
XSS_TITLE = "Hostile <img src=x onerror=\"document.title='pwned-title'\"> title"
XSS_TEXT = (
    "Freedonia condemned Sylvania on Monday. "
    'Sylvania said <script>document.title="pwned-script"</script> was harmless. '
    "Critics posted <img src=x onerror=\"document.title='pwned-img'\"> everywhere."
)
ACTORS = (
    Actor("USA", "United States", "country", wikidata="Q30", iso2="US"),
    Actor("UKR", "Ukraine", "country", wikidata="Q212", iso2="UA"),
    Actor("RUS", "Russia", "country", wikidata="Q159", iso2="RU"),
    Actor("PRK", "North Korea", "country", wikidata="Q423", iso2="KP"),
    Actor("NATO", "North Atlantic Treaty Organization", "igo", wikidata="Q7184"),
    Actor("FRD", "Freedonia", "country"),
    Actor("SYL", "Sylvania", "country"),
)


@dataclass
class _Builder:
    """Makes spans, sentences and events from substrings of one text."""

    text: str
    doc_id: str

    def span(self, phrase: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(phrase, after)
        return start, start + len(phrase)

    def sentences(self) -> tuple[Sentence, ...]:
        out, start = [], 0
        for index, piece in enumerate(self.text.replace("\n\n", ". ").split(". ")):
            begin = self.text.index(piece.strip(), start)
            end = begin + len(piece.strip()) + (0 if piece.endswith(".") else 1)
            end = min(end, len(self.text))
            out.append(Sentence(index, begin, end, self.text[begin:end]))
            start = end
        return tuple(out)

    def mention(
        self, phrase: str, code: str, *, within: str | None = None, **extra: str
    ) -> Mention:
        """``phrase`` where it first occurs (inside ``within`` when given)."""
        start = self.span(within)[0] + within.index(phrase) if within else self.span(phrase)[0]
        return Mention(phrase, start, start + len(phrase), code=code, **extra)

    def event(
        self, n: int, kind: str, trigger: str, actor: Mention, recipient: Mention, **extra: object
    ) -> Event:
        start, end = self.span(trigger, actor.start)
        sentence = next(s for s in self.sentences() if s.start <= start < s.end)
        return Event(
            id=f"{self.doc_id}-e{n}",
            doc_id=self.doc_id,
            event=kind,
            trigger=Span(trigger, start, end),
            sentence=sentence,
            actor=(actor,),
            recipient=(recipient,),
            confidence=0.9,
            extractor="tests",
            **extra,  # type: ignore[arg-type]
        )


def alliance_extraction() -> Extraction:
    b = _Builder(TEXT, "alliance")
    m = b.mention
    nato = m("NATO", "NATO", kind="igo")
    rutte = m("Mark Rutte", "NATO", person="Mark Rutte", role="secretary general", kind="person")
    us1, ukr1 = m("United States", "USA"), m("Ukraine", "UKR", within="Ukraine.")
    prk, rus_moscow = (
        m("North Korea", "PRK", within="North Korea has"),
        m("Moscow", "RUS", sector="GOV"),
    )
    washington = m("Washington", "USA", within="Washington has", sector="GOV")
    ukr2 = m("Ukraine", "UKR", within="Ukraine since")
    rus2 = m("Russia", "RUS", within="Russia attacked")
    grid = m("Ukrainian", "UKR", within="Ukrainian power")
    troops = m("North Korean troops", "PRK", within="North Korean troops", sector="MIL")
    rutte2 = m("Rutte", "NATO", within="Rutte accused", person="Mark Rutte")
    rus3 = m("Russia", "RUS", within="Russia of")
    admin = m("A new administration", "USA", within="A new administration")
    ukr3 = m("Ukraine", "UKR", within="aid to Ukraine.")
    rus_to = m("Russia", "RUS", within="Russia,")
    kursk = Location(
        "Kursk", name="Kursk", geonameid=538560, lat=51.73733, lon=36.18735, country="RUS"
    )
    money = Amount("more than $90 billion", 9e10, "USD", 9e10, "more_than")
    events = (
        b.event(1, "REQUEST", "urged", nato, us1, quad="verbal_cooperation"),
        b.event(
            2,
            "AID",
            "shipped",
            prk,
            rus_to,
            mode="military",
            quad="material_cooperation",
            attributed_to=rus_moscow,
        ),
        b.event(
            3,
            "AID",
            "provided",
            washington,
            ukr2,
            mode="military",
            amount=money,
            quad="material_cooperation",
        ),
        b.event(4, "ASSAULT", "attacked", rus2, grid, quad="material_conflict"),
        b.event(5, "MOBILIZE", "deployed", troops, rus2, location=kursk, quad="material_conflict"),
        b.event(6, "ACCUSE", "accused", rutte2, rus3, quad="verbal_conflict"),
        b.event(
            7, "AID", "cut", admin, ukr3, factuality="hypothetical", quad="material_cooperation"
        ),
    )
    mentions = (
        nato,
        rutte,
        us1,
        ukr1,
        prk,
        rus_moscow,
        rus_to,
        washington,
        ukr2,
        rus2,
        grid,
        troops,
        rutte2,
        rus3,
        admin,
        ukr3,
    )
    article = Article(
        id="alliance",
        text=TEXT,
        title="Alliance chief asks Washington to stay",
        url="https://example.org/alliance",
        published=dt.date(2024, 11, 20),
        lang="en",
        source="tests",
    )
    return Extraction(article, b.sentences(), mentions, events)


def hostile_extraction() -> Extraction:
    b = _Builder(XSS_TEXT, "hostile")
    frd = b.mention("Freedonia", "FRD")
    syl = b.mention("Sylvania", "SYL", within="Sylvania on")
    event = b.event(1, "ACCUSE", "condemned", frd, syl, quad="verbal_conflict")
    said = b.sentences()[1]
    quoted = Event(
        id="hostile-e2",
        doc_id="hostile",
        event="REJECT",
        trigger=Span("said", *b.span("said")),
        sentence=said,
        actor=(Mention("Sylvania", said.start, said.start + 8, code="SYL"),),
        recipient=(frd,),
        quad="verbal_conflict",
        confidence=0.9,
    )
    article = Article(
        id="hostile",
        text=XSS_TEXT,
        title=XSS_TITLE,
        url="javascript:document.title='pwned-url'",
        published=dt.date(2024, 11, 21),
        lang="en",
    )
    return Extraction(article, b.sentences(), (frd, syl), (event, quoted))


def build_store(path: Path) -> Path:
    """Writes the two hand-built articles into a new store at ``path``."""
    with Store(path) as store:
        store.write(
            [StoredArticle(alliance_extraction()), StoredArticle(hostile_extraction())],
            actors=ACTORS,
        )
    return path


@contextmanager
def read_only_client(path: Path) -> Iterator[TestClient]:
    """The API over a store file opened read-only, through FastAPI's test client."""
    from allegiance.api import create_app

    with Store(path, read_only=True) as store, TestClient(create_app(store)) as client:
        yield client


def get_ok(client: TestClient, url: str, **params: object) -> dict:
    """GET ``url`` and return its JSON, failing the test on any status but 200."""
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


# the large store's events are all shown at the default threshold, each at a random confidence
LOW = DEFAULT_MIN_CONFIDENCE
LARGE_TYPES = {
    True: ("AGREE", "CONSULT", "COOPERATE", "AID"),
    False: ("ACCUSE", "THREATEN", "ASSAULT"),
}


def build_large_store(path: Path, *, actors: int = 300, dyads: int = 3000, seed: int = 15) -> Path:
    """A generated store of ``actors`` actors (A000..) in four camps and ``dyads`` distinct
    directed relations, one event each: cooperative inside a camp, hostile across. For the
    network view's responsiveness test; written through ``Store.write`` like any ingestion."""
    rng = random.Random(seed)
    codes = [f"A{i:03d}" for i in range(actors)]
    camp = {code: i % 4 for i, code in enumerate(codes)}
    # A few hubs take most relations, as in the news (one endpoint drawn with a skew).
    weights = [1.0 / (1 + i) ** 0.6 for i in range(actors)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < dyads:
        source = rng.choices(codes, weights)[0]
        target = rng.choice(codes)
        if source != target:
            pairs.add((source, target))
    ordered = sorted(pairs)
    per_article = 100
    batch = []
    for first in range(0, len(ordered), per_article):
        n = first // per_article
        chunk = ordered[first : first + per_article]
        doc_id = f"gen{n:03d}"
        pieces, sentences, mentions, events = [], [], [], []
        offset = 0
        for index, (source, target) in enumerate(chunk):
            friendly = camp[source] == camp[target]
            kind = rng.choice(LARGE_TYPES[friendly])
            text = f"Actor {source} reported {kind.lower()} with Actor {target}."
            sentence = Sentence(index, offset, offset + len(text), text)
            a = Mention(f"Actor {source}", offset, offset + 10, code=source, kind="country")
            trigger = Span("reported", offset + 11, offset + 19)
            r_start = offset + text.index(f"Actor {target}")
            r = Mention(f"Actor {target}", r_start, r_start + 10, code=target, kind="country")
            mentions += [a, r]
            sentences.append(sentence)
            events.append(
                Event(
                    id=f"{doc_id}-e{index}",
                    doc_id=doc_id,
                    event=kind,
                    trigger=trigger,
                    sentence=sentence,
                    actor=(a,),
                    recipient=(r,),
                    confidence=round(LOW + (1 - LOW) * rng.random(), 2),
                    extractor="tests",
                )
            )
            pieces.append(text)
            offset += len(text) + 1
        article = Article(
            id=doc_id,
            text=" ".join(pieces),
            title=f"Generated article {n}",
            published=dt.date(2024, 1, 1) + dt.timedelta(days=n),
            lang="en",
        )
        batch.append(
            StoredArticle(Extraction(article, tuple(sentences), tuple(mentions), tuple(events)))
        )
    with Store(path) as store:
        store.write(
            batch,
            actors=[Actor(code, f"Actor {code}", "country") for code in codes],
        )
    return path
