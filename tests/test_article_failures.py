"""An article one of our components cannot read is reported once and skipped; the rest of the
batch goes on, and nothing is stored for it (a later run tries it again).

Found on a story written this session: "nearly half of Haiti's 11.7 million people" made the
amount reader take "11.7" for a year, raise, and end a whole `allegiance extract` run with exit
2 on the third of eight stories. That bug is fixed (`tests/test_amounts.py`); here a failure is
injected into the event component to check the handling itself.
"""

from __future__ import annotations

import json
import logging

import pytest
import spacy
from click.testing import CliRunner

from allegiance.cli import cli
from allegiance.doc import guarded, register_extensions
from allegiance.models import Article, Extraction

GOOD = "Russian forces attacked Ukrainian towns overnight, Kyiv said."
BAD = "Kenya sent police officers to Haiti. UNREADABLE"
LATER = "Chile sent two transport planes with medical supplies to Ecuador on Friday."


@pytest.fixture
def failing_events(monkeypatch):
    """The event component raises on any article that holds the word UNREADABLE."""
    import allegiance.events as events

    real = events.extract_events

    def extract(doc, *args, **kwargs):
        if "UNREADABLE" in doc.text:
            raise ValueError("cannot read this")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(events, "extract_events", extract)


def _stories(tmp_path):
    path = tmp_path / "stories.jsonl"
    rows = [
        {"id": "good", "text": GOOD},
        {"id": "bad", "text": BAD},
        {"id": "later", "text": LATER},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_a_step_that_raises_marks_the_doc_and_later_steps_pass_it_by():
    register_extensions()
    doc = spacy.blank("en")("Some text.")

    def boom(d):
        raise KeyError("x")

    seen = []
    doc = guarded(doc, boom, name="first")
    doc = guarded(doc, lambda d: seen.append(d) or d, name="second")
    assert doc._.failure == "first: KeyError: 'x'" and not seen


def test_a_failure_is_a_problem_and_survives_a_round_trip():
    failed = Extraction(article=Article(id="a", text="t", source="f.jsonl:3"), failure="x: boom")
    assert str(failed.problem()) == "f.jsonl:3: article a could not be read (x: boom)"
    assert Extraction.from_dict(failed.to_dict()) == failed
    assert Extraction(article=Article(id="b", text="t")).problem() is None


@pytest.mark.model
def test_the_batch_goes_on_past_an_article_that_fails(extractor, failing_events):
    articles = [Article(id=i, text=t) for i, t in (("good", GOOD), ("bad", BAD), ("later", LATER))]
    found = {x.article.id: x for x in extractor.extract(articles)}
    assert list(found) == ["good", "bad", "later"]
    assert found["bad"].failure == "allegiance_events: ValueError: cannot read this"
    assert not found["bad"].events
    assert found["good"].events and found["later"].events


@pytest.mark.model
def test_extract_names_the_article_once_and_exits_1(tmp_path, failing_events):
    result = CliRunner().invoke(cli, ["extract", str(_stories(tmp_path)), "--min-confidence", "0"])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("article bad could not be read") == 1, result.stderr
    assert "Traceback" not in result.stderr
    ids = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert ids == {"good", "later"}


@pytest.mark.model
def test_ingest_stores_the_rest_and_not_the_failed_article(tmp_path, failing_events):
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(cli, ["ingest", str(_stories(tmp_path)), "--db", db, "-q"])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("article bad could not be read") == 1, result.stderr
    listed = CliRunner().invoke(cli, ["articles", "--db", db, "--format", "json"])
    assert {a["id"] for a in json.loads(listed.stdout)} == {"good", "later"}


@pytest.mark.model
def test_evaluation_scores_a_failed_article_as_emitting_nothing(failing_events, caplog):
    from allegiance.evaluate_docs import extract_stories
    from allegiance.settings import Settings

    articles = [Article(id="good", text=GOOD), Article(id="bad", text=BAD)]
    with caplog.at_level(logging.WARNING):
        found = extract_stories(articles, settings=Settings())
    assert found["bad"] == [] and found["good"]
    assert "article bad could not be read" in caplog.text


def test_extractions_made_elsewhere_are_screened_as_ingest_screens_them(tmp_path):
    # the Ray and watch paths: a failed extraction is read and kept like any new article,
    # then reported, not stored
    from allegiance.batch import store_extractions
    from allegiance.ingest import signature
    from allegiance.store import Store

    good = Extraction(article=Article(id="good", text=GOOD))
    bad = Extraction(article=Article(id="bad", text=BAD), failure="x: boom")
    items = [(x, signature(x.article.text)) for x in (good, bad)]
    with Store(tmp_path / "s.duckdb") as store:
        stats = store_extractions(items, store=store)
        assert store.all_ids() == {"good"}
    assert stats.read == 2 and stats.stored == 1
    assert [str(p) for p in stats.problems] == ["bad: article bad could not be read (x: boom)"]
