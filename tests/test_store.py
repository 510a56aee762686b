from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from allegiance.errors import StoreError
from allegiance.models import Article, Event, Extraction, Mention, Sentence, Span
from allegiance.store import Store, StoredArticle
from allegiance.store.migrations import MIGRATIONS
from allegiance.store.queries import EventQuery

TEXT = "Ruritania shelled Freedonia. Freedonia asked Ruritania for talks."


def _extraction(article_id: str = "a1", *, duplicate_of: str | None = None) -> Extraction:
    article = Article(
        id=article_id, text=TEXT, published=dt.date(2024, 5, 1), duplicate_of=duplicate_of
    )
    first = Sentence(0, 0, 28, TEXT[:28])
    second = Sentence(1, 29, len(TEXT), TEXT[29:])
    rur, fre = Mention("Ruritania", 0, 9, code="RUR"), Mention("Freedonia", 18, 27, code="FRE")
    event = Event(
        id=f"{article_id}-e1",
        doc_id=article_id,
        event="ASSAULT",
        trigger=Span("shelled", 10, 17),
        sentence=first,
        actor=(rur,),
        recipient=(fre,),
        factuality="asserted",
    )
    hypothetical = Event(
        id=f"{article_id}-e2",
        doc_id=article_id,
        event="REQUEST",
        trigger=Span("asked", 39, 44),
        sentence=second,
        actor=(Mention("Freedonia", 29, 38, code="FRE"),),
        recipient=(rur,),
        factuality="hypothetical",
    )
    return Extraction(article, (first, second), (rur, fre), (event, hypothetical))


def test_migrations_are_ordered_and_recorded(tmp_path):
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == MIGRATIONS[-1].version
    with Store(tmp_path / "s.duckdb") as store:  # reopening applies nothing twice
        rows = store.query("SELECT count(*) AS n FROM schema_migrations")
        assert rows[0]["n"] == len(MIGRATIONS)


def test_write_is_idempotent(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])
        first = store.counts()
        store.write([StoredArticle(_extraction())])
        assert (
            store.counts()
            == first
            == {
                "articles": 1,
                "sentences": 2,
                "mentions": 2,
                "actors": 0,
                "events": 2,
            }
        )


def test_event_filters(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])
        assert [e["event"] for e in store.events(EventQuery(source="rur"))] == ["ASSAULT"]
        assert [e["event"] for e in store.events(EventQuery(target="RUR"))] == ["REQUEST"]
        assert len(store.events(EventQuery(actor="FRE"))) == 2
        only = store.events(EventQuery(factuality=("asserted",)))
        assert [e["factuality"] for e in only] == ["asserted"]
        assert store.events(EventQuery(since="2024-06-01")) == []


def test_hostile_filter_values_are_data_not_sql(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])
        hostile = "x') OR 1=1; DROP TABLE events; --"
        assert store.events(EventQuery(actor=hostile, type=hostile)) == []
        assert store.counts()["events"] == 2


def test_duplicates_are_left_out_of_event_counts(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            [StoredArticle(_extraction("a1")), StoredArticle(_extraction("a2", duplicate_of="a1"))]
        )
        assert len(store.events()) == 2
        assert len(store.events(EventQuery(include_duplicates=True))) == 4


def test_failed_batch_keeps_what_was_stored(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction("a1"))])
        broken = _extraction("a2")
        clash = Extraction(
            broken.article, broken.sentences, broken.mentions, broken.events + broken.events
        )  # duplicate event ids
        with pytest.raises(StoreError):
            store.write([StoredArticle(clash)])
        assert store.counts()["articles"] == 1
        assert store.known_ids(["a1", "a2"]) == {"a1"}


def test_read_only_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_garbage_file_is_a_clear_error(tmp_path):
    path = tmp_path / "not-a-db.duckdb"
    path.write_bytes(b"this is not a database\n" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_signatures_skip_duplicates(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            [
                StoredArticle(_extraction("a1"), minhash=b"\x01\x02"),
                StoredArticle(_extraction("a2", duplicate_of="a1"), minhash=b"\x01\x02"),
            ]
        )
        assert list(store.signatures()) == [("a1", b"\x01\x02")]
    assert duckdb.connect(str(tmp_path / "s.duckdb")).execute(
        "SELECT count(*) FROM articles"
    ).fetchone() == (2,)
