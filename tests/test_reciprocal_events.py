"""A reciprocal act is one event with every party as actor and no recipient (PLOVER manual,
"Compound and Reciprocal Actors"); the store keeps it so, and the analyses read it as each
party acting toward the others."""

from __future__ import annotations

import dataclasses

import pytest

from allegiance import graph
from allegiance.graph.options import AnalysisOptions
from allegiance.models import Article, Extraction
from allegiance.store import Store, StoredArticle
from allegiance.store.filters import EventFilter
from api_helpers import ACTORS, _Builder

TEXT = "Freedonia and Sylvania signed a defence pact. Freedonia condemned Ruritania."


def _write(path):
    b = _Builder(TEXT, "pact")
    frd, syl = b.mention("Freedonia", "FRD"), b.mention("Sylvania", "SYL")
    frd2, rur = (
        b.mention("Freedonia", "FRD", within="Freedonia condemned"),
        b.mention("Ruritania", "RUR"),
    )
    signed = dataclasses.replace(
        b.event(0, "SUPPORT", "signed", frd, syl), actor=(frd, syl), recipient=(), mutual=True
    )
    condemned = b.event(1, "ACCUSE", "condemned", frd2, rur)
    article = Article(id="pact", text=TEXT, lang="en")
    extraction = Extraction(article, b.sentences(), (frd, syl, frd2, rur), (signed, condemned))
    with Store(path) as opened:
        opened.write([StoredArticle(extraction)], actors=ACTORS)


@pytest.fixture
def store(tmp_path):
    _write(tmp_path / "r.duckdb")
    with Store(tmp_path / "r.duckdb") as opened:
        yield opened


def test_a_reciprocal_event_reads_back_as_written(store):
    (signed,) = [e for e in store.events() if e.event == "SUPPORT"]
    assert signed.mutual and [m.code for m in signed.actor] == ["FRD", "SYL"]
    assert signed.recipient == ()
    (condemned,) = [e for e in store.events() if e.event == "ACCUSE"]
    assert not condemned.mutual


def test_each_party_of_a_reciprocal_act_acts_toward_the_other(store):
    rel = graph.relations(store, AnalysisOptions(min_confidence=0))
    pairs = {(r.source, r.target) for r in rel.itertuples()}
    assert {("FRD", "SYL"), ("SYL", "FRD"), ("FRD", "RUR")} <= pairs
    assert ("FRD", "FRD") not in pairs and ("SYL", "SYL") not in pairs


def test_a_party_of_a_reciprocal_act_is_found_on_the_recipient_side(store):
    found = {e.event for e in store.events(EventFilter(recipient="SYL"))}
    assert found == {"SUPPORT"}
    assert {e.event for e in store.events(EventFilter(recipient="RUR"))} == {"ACCUSE"}


def test_a_reciprocal_act_makes_partners_of_its_parties(store):
    partners = {(r["partner"], r["event"]) for r in store.actor_partners("SYL")}
    assert ("FRD", "SUPPORT") in partners


@pytest.mark.browser
def test_the_events_table_shows_a_reciprocal_act_done_to_each_other(tmp_path):
    from web_server import browser_page, open_view, require_browser, serving

    require_browser()
    _write(tmp_path / "r.duckdb")
    with serving(tmp_path / "r.duckdb") as url, browser_page() as page:
        open_view(page, f"{url}/#/events?type=SUPPORT&min_confidence=0")
        row = page.locator(".events-table tbody tr").first
        cells = row.locator("td").all_inner_texts()
        assert "FRD, SYL" in cells and "each other" in cells
