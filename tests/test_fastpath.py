"""The fast path with the real model: what it parses and skips, that it finds what the full
parse finds on political text, its counts in the ingest summary, and ``--full-parse``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from allegiance import Extractor, Settings
from allegiance.cli import cli
from allegiance.models import Article

pytestmark = pytest.mark.model

# Written for these tests: political sentences with scene-setting between them.
POLITICAL = (
    "Germany pledges more aid to Ukraine\n"
    "Berlin has given Kyiv military aid worth about 28 billion euros since the war began, "
    "the German defence minister said on Monday. The weather in the capital was mild and "
    "the streets were quiet. Russian forces attacked the city of Kharkiv overnight with "
    "drones, officials said. Many residents spent the night underground, drinking tea and "
    "waiting for the morning. On Tuesday the foreign ministers of France and Poland met "
    "in Warsaw to discuss air defence."
)
SPORT_URL = "https://news.example/sport/football/ireland-portugal"  # its section says sport
SPORT = (
    "Ireland stun Portugal with a late winner\n"
    "Ireland came from behind to win 2-1 in Dublin on Tuesday night. The winner arrived in "
    "the 89th minute, a low shot into the far corner. The crowd of 49,000 stayed long after "
    "the final whistle, singing in the rain."
)


@pytest.fixture(scope="module")
def full_extractor():
    return Extractor(Settings(full_parse=True))


def keys(extraction, threshold=0.3):
    return {
        (e.event, e.trigger.start, tuple(m.code for m in e.actor), e.factuality)
        for e in extraction.events
        if e.confidence >= threshold
    }


def test_scene_setting_is_skipped_and_the_events_are_those_of_the_full_parse(
    extractor, full_extractor
):
    article = Article(id="political", text=POLITICAL)
    fast, full = extractor.extract_one(article), full_extractor.extract_one(article)
    assert fast.sentences_skipped >= 2 and fast.sentences_parsed >= 3
    assert full.sentences_skipped == 0 and full.sentences_parsed == len(full.sentences)
    assert keys(fast, 0.0) and keys(fast, 0.0) == keys(full, 0.0)
    for sentence in fast.sentences:
        assert POLITICAL[sentence.start : sentence.end] == sentence.text
    assert "The weather in the capital was mild" in " ".join(s.text for s in fast.sentences)


def test_an_article_the_gate_finds_non_political_is_not_parsed(extractor):
    extraction = extractor.extract_one(Article(id="sport", text=SPORT, url=SPORT_URL))
    assert extraction.sentences_parsed == 0
    assert extraction.sentences_skipped == len(extraction.sentences) >= 3
    assert extraction.events == ()


def test_mentions_in_skipped_sentences_are_still_found(extractor):
    extraction = extractor.extract_one(Article(id="political", text=POLITICAL))
    skipped_start = POLITICAL.index("Many residents")
    assert any(m.start < skipped_start for m in extraction.mentions)
    codes = {m.code for m in extraction.mentions}
    assert {"DEU", "UKR", "RUS"} <= codes


def test_ingest_counts_sentences_per_article_and_full_parse_turns_the_fast_path_off(tmp_path):
    source = tmp_path / "news.jsonl"
    rows = [
        {"id": "political", "text": POLITICAL},
        {"id": "sport", "text": SPORT, "url": SPORT_URL},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows))
    runner = CliRunner()
    fast = runner.invoke(cli, ["ingest", str(source), "--db", str(tmp_path / "a.duckdb"),
                               "--format", "json"])  # fmt: skip
    assert fast.exit_code == 0, fast.output
    stats = json.loads(fast.stdout)
    by_id = {a["id"]: a for a in stats["articles"]}
    assert by_id["sport"]["parsed"] == 0 and by_id["sport"]["skipped"] >= 3
    assert by_id["political"]["parsed"] >= 3 and by_id["political"]["skipped"] >= 2
    assert stats["sentences_skipped"] == sum(a["skipped"] for a in stats["articles"])
    full = runner.invoke(cli, ["ingest", str(source), "--db", str(tmp_path / "b.duckdb"),
                               "--format", "json", "--full-parse"])  # fmt: skip
    assert json.loads(full.stdout)["sentences_skipped"] == 0
    text = runner.invoke(cli, ["ingest", str(source), "--db", str(tmp_path / "c.duckdb")])
    assert "skipped (" in text.stderr and "by the fast path" in text.stderr


def test_a_model_without_lemmatizer_tables_parses_everything():
    import spacy

    from allegiance.fastpath import fast_path_for

    assert fast_path_for(spacy.blank("en")) is None
