"""The web UI on a store built from the real article in ../shared/corpus by the real pipeline
(ingest with the spaCy model): the network and the USA -> UKR evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from allegiance.batch import IngestOptions, ingest
from allegiance.ingest import ReadOptions
from allegiance.store import Store
from web_server import (
    browser_page,
    click_edge,
    open_view,
    require_browser,
    screenshot,
    serving,
)

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.shared]
ARTICLE = "corpus/000_1ddcfbf26e8000d6.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared_dir, extractor):
    require_browser()
    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    options = IngestOptions(read=ReadOptions(default_published=dt.date(2024, 11, 20)))
    with Store(db) as store:
        stats = ingest([shared_dir / ARTICLE], store=store, extractor=extractor, options=options)
    assert stats.stored == 1 and stats.events > 0
    with serving(db) as url:
        yield url


def test_real_article_network_and_edge_evidence(site):
    with browser_page() as page:
        # every stored event: this checks the view, not where the threshold falls
        open_view(page, f"{site}/#/network?min_confidence=0")
        nodes = set(page.evaluate("window.allegiance.cy.nodes().map(n => n.id())"))
        assert {"USA", "UKR", "RUS", "PRK", "NATO"} <= nodes
        edges = page.evaluate("window.allegiance.cy.edges().map(e => e.id())")
        assert "USA->UKR" in edges
        click_edge(page, "USA->UKR")
        page.wait_for_selector("#edge-title")
        assert page.inner_text("#edge-title").startswith("USA → UKR")
        assert "$90 billion" in page.inner_text("#edge-events")
        screenshot(page, "real-network.png")
