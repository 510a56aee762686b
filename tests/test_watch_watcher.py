"""The watcher against a local web site whose feeds change between polls.

These tests run a real extractor on a blank spaCy pipeline (sentences, no events): they prove
the polling, screening, state and failure handling. Alerts are proven here on hand-built events
written to the store between rounds (as a parallel ``allegiance ingest`` would), and end to end
with the real model in ``test_watch_live.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from allegiance.doc import register_extensions
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.store import Store
from allegiance.watch import Alert, Watcher, WatchOptions, load_rules, load_sources, watch_loop
from allegiance.watch.fetch import FetchOptions
from allegiance.watch.state import load_state
from test_watch_http import Site
from test_watch_rules import event, put

FIXTURES = Path(__file__).parent / "fixtures" / "watch"
FAST = FetchOptions(timeout=1.0, retries=0, backoff=0.01, host_delay=0)
FEEDS = (
    "/feeds/world.xml",
    "/feeds/region.atom",
    "/feeds/balkans.xml",
    "/feeds/slow.xml",
    "/feeds/not-a-feed.xml",
    "/briefing.html",
)
ROUND1_PAGES = ["/news/hungary-backs.html", "/news/poland-sends.html", "/news/brazil-might.html"]
ROUND2_PAGES = [
    "/news/hungary-condemns.html",
    "/news/brazil-sent.html",
    "/news/hungary-backs-copy.html",
]
NEW_BRIEFING = """<html><head><title>Ministers to meet again</title></head><body><article>
<p>The foreign ministers will meet again in Vienna next month to review the programme.</p>
<p>A date for the meeting has not been set, and the agenda is still being drafted.</p>
</article></body></html>"""


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def serve_round(site: Site, number: int) -> None:
    """The site as it stands at poll ``number`` (1 or 2)."""
    rss, atom = "application/rss+xml", "application/atom+xml"
    site.set("/robots.txt", fixture("robots.txt"), content_type="text/plain")
    site.set("/feeds/world.xml", fixture(f"world-{number}.xml"), content_type=rss)
    site.set(
        "/feeds/region.atom",
        fixture("region.atom"),
        content_type=atom,
        last_modified="Mon, 03 Mar 2025 12:00:00 GMT",
        etag=False,
    )
    site.set(
        "/feeds/balkans.xml",
        fixture("balkans.xml"),
        content_type=rss,
        fail_times=100 if number == 1 else 0,
    )
    site.set("/feeds/slow.xml", fixture("balkans.xml"), content_type=rss, delay=3.0)
    site.set("/feeds/not-a-feed.xml", fixture("news/poland-sends.html"))
    site.set("/briefing.html", fixture(f"briefing-{number}.html"))
    for page in (FIXTURES / "news").glob("*.html"):
        site.set(f"/news/{page.name}", page.read_bytes())
    site.set("/private/committee.html", fixture("news/brazil-sent.html"))


def write_inputs(site: Site, tmp_path: Path) -> tuple[Path, Path]:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(fixture("feeds.yaml").decode().replace("{{BASE}}", site.base))
    return feeds, FIXTURES / "rules.yaml"


class Run:
    """A watcher over the test site that can be stopped and started again (a restart)."""

    def __init__(self, site: Site, tmp_path: Path, extractor: Extractor, **options: object):
        self.site, self.tmp_path, self.extractor = site, tmp_path, extractor
        feeds, rules = write_inputs(site, tmp_path)
        self.sources, self.rules = load_sources(feeds), load_rules(rules)
        self.options = WatchOptions(fetch=FAST, **options)  # type: ignore[arg-type]
        self.seen: list[Alert] = []

    def round(self):  # a fresh Watcher each time: state comes only from the files
        with Store(self.tmp_path / "watch.duckdb") as store:
            watcher = Watcher(
                self.sources,
                self.rules,
                store=store,
                extractor=self.extractor,
                options=self.options,
                on_alert=self.seen.append,
            )
            return watcher.run_once()


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    yield server
    server.close()


@pytest.fixture(scope="module")
def blank_extractor() -> Extractor:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Extractor(Settings(), nlp=nlp)


def status(report) -> dict[str, str]:
    return {s.url.split("127.0.0.1:")[1].split("/", 1)[1]: s.status for s in report.sources}


def test_rounds_take_only_new_items_and_survive_bad_feeds(site, tmp_path, blank_extractor):
    run = Run(site, tmp_path, blank_extractor)
    serve_round(site, 1)
    first = run.round()
    assert status(first) == {
        "feeds/world.xml": "ok",
        "feeds/region.atom": "ok",
        "feeds/balkans.xml": "error",
        "feeds/slow.xml": "error",
        "feeds/not-a-feed.xml": "error",
        "briefing.html": "ok",
    }
    messages = {s.url.rsplit("/", 1)[1]: s.message for s in first.sources}
    assert messages["balkans.xml"] == "HTTP 500" and messages["slow.xml"] == "timed out"
    assert messages["not-a-feed.xml"] == "not an RSS/Atom feed (got html)"
    # 4 world entries (the robots-disallowed one from its feed text), 1 Atom entry, 1 page
    assert first.stored == 6 and len(first.new_article_ids) == 6
    assert [p for p in site.paths() if p.startswith("/news/")] == ROUND1_PAGES
    assert "/private/committee.html" not in site.paths()

    site.clear()
    serve_round(site, 2)
    second = run.round()
    assert status(second)["feeds/balkans.xml"] == "ok"  # recovered, taken this round
    assert status(second)["feeds/region.atom"] == "unchanged"  # 304 on Last-Modified
    assert sorted(p for p in site.paths() if p.startswith("/news/")) == sorted(ROUND2_PAGES)
    # condemns + sent + balkans item + new briefing; the syndicated copy is a near-duplicate
    assert second.stored == 5 and len(second.new_article_ids) == 4
    with Store(tmp_path / "watch.duckdb") as store:
        dupes = store.query("SELECT url FROM articles WHERE duplicate_of IS NOT NULL")
    assert [d["url"] for d in dupes] == [site.url("/news/hungary-backs-copy.html")]

    site.clear()
    third = run.round()  # a restart: new Watcher, same files
    assert third.stored == 0 and third.new_article_ids == []
    assert not [p for p in site.paths() if p.startswith(("/news/", "/private/"))]
    ok = {k: v for k, v in status(third).items() if v != "error"}
    assert set(ok.values()) == {"unchanged"}, ok
    state = load_state(tmp_path / "watch.duckdb.watch.json")
    world = state.sources[site.url("/feeds/world.xml")]
    assert len(world.items) == 7 and world.etag
    slow = state.sources[site.url("/feeds/slow.xml")]
    assert slow.failures == 3 and slow.last_error == "timed out"


def test_page_failing_transiently_is_retried_next_round(site, tmp_path, blank_extractor):
    run = Run(site, tmp_path, blank_extractor)
    serve_round(site, 1)
    site.routes["/news/poland-sends.html"].fail_times = 100
    first = run.round()
    assert first.stored == 5
    site.routes["/news/poland-sends.html"].fail_times = 0
    site.clear()
    second = run.round()
    assert [p for p in site.paths() if p.startswith("/news/")] == ["/news/poland-sends.html"]
    assert second.stored == 1


def test_alerts_are_logged_posted_and_never_repeated(site, tmp_path, blank_extractor):
    hook = Site()
    try:
        run = Run(site, tmp_path, blank_extractor, webhook=hook.url("/alerts"))
        serve_round(site, 1)
        db = tmp_path / "watch.duckdb"
        with Store(db) as store:  # history before the watcher starts: the baseline
            put(store, "h1", "2025-02-01", event("h1", 0, "SUPPORT", "HUN", "RUS"))
        run.round()
        assert run.seen == [] and hook.posts == []
        with Store(db) as store:  # another ingest adds the turn while the watcher runs
            put(store, "h2", "2025-03-10", event("h2", 0, "ACCUSE", "HUN", "RUS"))
        serve_round(site, 2)
        run.round()
        assert [a.rule for a in run.seen] == ["hungary-russia"]
        alert = run.seen[0]
        assert alert.evidence[0]["sentence"] == "HUN condemned RUS for the attacks."
        assert alert.before[0]["id"] == "h1-0"
        assert [body["id"] for _path, body in hook.posts] == [alert.id]
        assert hook.posts[0][1]["evidence"][0]["id"] == "h2-0"
        logged = (tmp_path / "watch.duckdb.alerts.jsonl").read_text().splitlines()
        assert [json.loads(line)["id"] for line in logged] == [alert.id]
        with Store(db) as store:  # new article, nothing new to alert: a restart repeats nothing
            put(store, "h3", "2025-03-11", event("h3", 0, "ACCUSE", "HUN", "RUS"))
        site.set("/briefing.html", NEW_BRIEFING)
        third = run.round()
        assert third.new_article_ids and third.alerts == [] and len(hook.posts) == 1
    finally:
        hook.close()


def test_webhook_down_keeps_alerts_for_the_next_round(site, tmp_path, blank_extractor):
    hook = Site()
    hook.post_status = 503
    try:
        run = Run(site, tmp_path, blank_extractor, webhook=hook.url("/alerts"))
        serve_round(site, 1)
        db = tmp_path / "watch.duckdb"
        with Store(db) as store:
            put(store, "h1", "2025-02-01", event("h1", 0, "SUPPORT", "HUN", "RUS"))
        run.round()
        with Store(db) as store:
            put(store, "h2", "2025-03-10", event("h2", 0, "ACCUSE", "HUN", "RUS"))
        serve_round(site, 2)
        run.round()
        assert len(run.seen) == 1 and hook.posts == []
        assert len(load_state(db.with_name("watch.duckdb.watch.json")).outbox) == 1
        hook.post_status = 200
        run.round()
        assert [body["id"] for _p, body in hook.posts] == [run.seen[0].id]
        assert load_state(db.with_name("watch.duckdb.watch.json")).outbox == []
    finally:
        hook.close()


def test_run_forever_polls_every_interval(site, tmp_path, blank_extractor):
    serve_round(site, 1)
    run = Run(site, tmp_path, blank_extractor)
    run.sources = [s for s in run.sources if s.url.endswith(("world.xml", "briefing.html"))]
    with Store(tmp_path / "watch.duckdb") as store:
        watcher = Watcher(
            run.sources, run.rules, store=store, extractor=blank_extractor, options=run.options
        )
        watcher.run_forever(0.05, rounds=3)
        assert store.counts()["articles"] == 5
    assert site.paths().count("/feeds/world.xml") == 3
    assert site.paths().count("/news/poland-sends.html") == 1


def test_watch_loop_leaves_the_store_free_between_rounds(site, tmp_path, blank_extractor):
    serve_round(site, 1)
    run = Run(site, tmp_path, blank_extractor)
    sources = [s for s in run.sources if s.url.endswith(("world.xml", "briefing.html"))]
    counts: list[int] = []

    def between_rounds(report) -> None:  # another reader opens the file while the watch runs
        with Store(tmp_path / "watch.duckdb", read_only=True) as reader:
            counts.append(reader.counts()["articles"])

    watch_loop(
        sources,
        run.rules,
        db=tmp_path / "watch.duckdb",
        extractor=blank_extractor,
        every=0.01,
        options=run.options,
        on_round=between_rounds,
        rounds=2,
    )
    assert counts == [5, 5]
