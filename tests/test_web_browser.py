"""The web UI in headless Chromium (Debian's package, driven by Playwright) on a hand-built
store: the network and its edge evidence, every view, and article text that stays inert."""

from __future__ import annotations

import pytest

from api_helpers import XSS_TITLE, build_store
from web_server import (
    browser_page,
    click_edge,
    open_view,
    require_browser,
    screenshot,
    serving,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_browser()
    db = build_store(tmp_path_factory.mktemp("web") / "s.duckdb")
    with serving(db) as url:
        yield url


@pytest.fixture
def page(site):
    with browser_page() as page:
        problems: list[str] = []
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.problems = problems
        yield page


def test_network_shows_actors_and_edge_evidence(site, page):
    open_view(page, f"{site}/#/network")
    nodes = page.evaluate("window.allegiance.cy.nodes().map(n => n.id())")
    assert {"USA", "UKR", "RUS", "PRK", "NATO"} <= set(nodes)
    camps = page.evaluate(
        "Object.fromEntries(window.allegiance.cy.nodes().map(n => [n.id(), n.data('camp')]))"
    )
    assert camps["USA"] == camps["UKR"] != camps["RUS"] == camps["PRK"]
    click_edge(page, "USA->UKR")
    page.wait_for_selector("#edge-title")
    assert page.inner_text("#edge-title").startswith("USA → UKR")
    panel = page.inner_text("#edge-events")
    assert "more than $90 billion in military aid to Ukraine" in panel
    assert page.locator("#edge-events mark.trigger").first.inner_text() == "provided"
    screenshot(page, "network.png")
    assert page.problems == []


def test_network_filters_by_event_type(site, page):
    open_view(page, f"{site}/#/network?type=ASSAULT")
    edges = page.evaluate("window.allegiance.cy.edges().map(e => e.id())")
    assert edges == ["RUS->UKR"]


def test_hostile_article_text_is_inert(site, page):
    open_view(page, f"{site}/#/article/hostile")
    assert page.inner_text("#article-title") == XSS_TITLE
    text = page.inner_text("#article-text")
    assert '<script>document.title="pwned-script"</script>' in text
    assert "<img src=x onerror=" in text
    page.wait_for_timeout(300)
    assert page.title() == "allegiance"  # no handler or script of the article ran
    assert page.locator("#view img").count() == 0
    assert page.locator("#view script").count() == 0
    assert page.locator("#view a[href^='javascript']").count() == 0
    screenshot(page, "hostile-article.png")
    open_view(page, f"{site}/#/events?actor=SYL")
    assert "<script>document.title" in page.inner_text("#events-results")
    assert page.title() == "allegiance"
    screenshot(page, "hostile-events.png")
    assert page.problems == []


def test_events_table_marks_actor_trigger_recipient(site, page):
    open_view(page, f"{site}/#/events?type=AID&factuality=asserted&actor=USA")
    row = page.locator(".events-table tbody tr").first
    assert row.locator("mark.actor").inner_text() == "Washington"
    assert row.locator("mark.trigger").inner_text() == "provided"
    assert row.locator("mark.recipient").inner_text() == "Ukraine"
    assert "asserted" in row.inner_text()
    open_view(page, f"{site}/#/events?actor=PRK&type=AID")
    assert "said by Moscow" in page.inner_text("#events-results").replace(
        "\t", " "
    ) or "Moscow (RUS)" in page.inner_text("#events-results")
    screenshot(page, "events.png")


def test_actor_flows_timeline_scenario_views(site, page):
    open_view(page, f"{site}/#/actor/NATO")
    body = page.inner_text("#view")
    assert "Mark Rutte" in body and "secretary general" in body and "NATO → USA" in body
    assert "NATO → RUS" in page.inner_text("#view table >> nth=1")  # signed relations
    screenshot(page, "actor.png")
    open_view(page, f"{site}/#/flows")
    flows = page.inner_text("#flows")
    assert "USA" in flows and "UKR" in flows and "$90 bn" in flows
    assert "Status" not in flows
    page.check("#flows-pledged")
    page.click("#view form.filters button[type=submit]")
    page.wait_for_selector("#flows th:has-text('Status')")
    assert "delivered" in page.inner_text("#flows")
    screenshot(page, "flows.png")
    open_view(page, f"{site}/#/timeline?period=day")
    assert page.locator("#timeline rect").count() >= 3
    open_view(page, f"{site}/#/scenario?without=USA&recipient=UKR")
    summary = page.inner_text("#scenario-summary")
    assert "Without USA" in summary and "$90 bn" in summary
    screenshot(page, "scenario.png")
    assert page.problems == []


def test_map_draws_offline_basemap_and_places(site, page):
    open_view(page, f"{site}/#/map")
    assert page.locator("#map path.country").count() > 150
    page.locator("#map circle.place").first.click()
    assert "Kursk" in page.inner_text("#place-events")
    assert "deployed" in page.inner_text("#place-events")
    screenshot(page, "map.png")
    assert page.problems == []


def test_api_docs_render_offline(site, page):
    page.goto(f"{site}/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".opblock").count() >= 10
    screenshot(page, "docs.png")
    assert page.problems == []
