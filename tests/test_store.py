from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from allegiance.errors import StoreError
from allegiance.models import Article, Event, Extraction, Mention, Sentence, Span
from allegiance.store import EventFilter, Store, StoredArticle
from allegiance.store.migrations import MIGRATIONS

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
        assert [e.event for e in store.events(EventFilter(actor="rur"))] == ["ASSAULT"]
        assert [e.event for e in store.events(EventFilter(recipient="RUR"))] == ["REQUEST"]
        assert len(list(store.events(EventFilter(involving="FRE")))) == 2
        only = store.events(EventFilter(factuality=("asserted",)))
        assert [e.factuality for e in only] == ["asserted"]
        assert list(store.events(EventFilter(since="2024-06-01"))) == []


def test_hostile_filter_values_are_data_not_sql(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])
        hostile = "x') OR 1=1; DROP TABLE events; --"
        assert list(store.events(EventFilter(involving=hostile, types=(hostile,)))) == []
        assert store.counts()["events"] == 2


def test_duplicates_are_left_out_of_event_counts(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            [StoredArticle(_extraction("a1")), StoredArticle(_extraction("a2", duplicate_of="a1"))]
        )
        assert len(list(store.events())) == 2
        assert len(list(store.events(EventFilter(include_duplicates=True)))) == 4


def test_duplicates_the_caller_knows_are_left_out_without_a_look_up(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            [StoredArticle(_extraction("a1")), StoredArticle(_extraction("a2", duplicate_of="a1"))]
        )
        assert store.duplicate_articles_with_events() == ("a2",)
        known = EventFilter(known_duplicates=("a2",))
        assert {e.doc_id for e in store.events(known)} == {"a1"}
        assert store.count_events(known) == 2
        # the caller knows of no duplicate with events: nothing is left out
        assert store.count_events(EventFilter(known_duplicates=())) == 4


def test_event_filter_fields(tmp_path):
    with pytest.raises(TypeError):
        EventFilter("RUR")  # type: ignore[call-arg]  # keyword-only: no guessing which side
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])

        def ids(**fields: object) -> list[str]:
            return [e.id for e in store.events(EventFilter(**fields))]  # type: ignore[arg-type]

        assert ids(actor="FRE") == ["a1-e2"]  # actor side only
        assert ids(recipient="FRE") == ["a1-e1"]  # recipient side only
        assert ids(involving="fre") == ["a1-e1", "a1-e2"]  # either side
        assert ids(actor="RUR", recipient="RUR") == []
        assert ids(types=("assault", "AGREE")) == ["a1-e1"]
        assert ids(factuality=("hypothetical", "future")) == ["a1-e2"]
        assert ids(since=dt.date(2024, 5, 1), until="2024-05-01") == ["a1-e1", "a1-e2"]
        assert ids(until="2024-04-30") == []
        assert ids(article="a1") == ["a1-e1", "a1-e2"]
        assert ids(article="a2") == []
        assert [e.id for e in store.events(limit=1)] == ["a1-e1"]


def test_events_are_the_typed_records_written(tmp_path):
    extraction = _extraction()
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(extraction)])
        events = list(store.events())
        assert events == list(extraction.events)
        assert all(isinstance(e, Event) for e in events)


def test_a_reader_runs_the_store_reads_on_its_own_cursor(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])
        with store.reader() as reader:
            assert list(reader.events()) == list(store.events())
            assert reader.counts(("events", "articles")) == {"events": 2, "articles": 1}
            assert reader.article("a1") == Article("a1", TEXT, published=dt.date(2024, 5, 1))
            assert reader.article("nope") is None
            total, page = reader.event_page(EventFilter(involving="RUR"), limit=1, offset=0)
            assert total == 2 and page[0]["article_title"] is None


def test_failed_analysis_query_is_a_store_error(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredArticle(_extraction())])
        assert store.frame("SELECT count(*) AS n FROM events WHERE factuality = ?", ["asserted"])[
            "n"
        ].tolist() == [1]
        with pytest.raises(StoreError, match="analysis query failed"):
            store.frame("SELECT nope FROM events")


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
