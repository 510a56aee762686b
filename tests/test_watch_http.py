"""The fetcher against a real local HTTP server (http.server on 127.0.0.1, free port).

``Site`` is also the server of the watcher tests: routes can be changed between polls, answer
slowly, fail a number of times, and every request is recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from allegiance.ingest import ReadOptions
from allegiance.watch.fetch import USER_AGENT, Fetcher, FetchError, FetchOptions, Validators
from allegiance.watch.pages import page_article, result_articles

FAST = FetchOptions(timeout=1.0, retries=1, backoff=0.01, host_delay=0)


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: bool = True
    last_modified: str | None = None
    delay: float = 0.0
    fail_times: int = 0  # answer 500 this many times first
    headers: dict[str, str] = field(default_factory=dict)


class Site:
    """A small web site on 127.0.0.1 that records what it is asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.posts: list[tuple[str, Any]] = []
        self.post_status = 200
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: bytes | str, **options: Any) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data.replace(b"{{BASE}}", self.base.encode()), **options)

    def paths(self, method: str = "GET") -> list[str]:
        with self._lock:
            return [p for m, p, _h in self.requests if m == method]

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            with site._lock:
                site.requests.append(("GET", self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            time.sleep(route.delay)
            if route.fail_times > 0:
                route.fail_times -= 1
                self._send(500, b"server error", "text/plain")
                return
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"' if route.etag else None
            if self._unchanged(route, etag):
                self._send(304, b"", None, etag=etag, route=route)
                return
            self._send(route.status, route.body, route.content_type, etag=etag, route=route)

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = json.loads(self.rfile.read(length) or b"null")
            with site._lock:
                site.requests.append(("POST", self.path, dict(self.headers)))
                if site.post_status < 300:
                    site.posts.append((self.path, body))
            self._send(site.post_status, b"{}", "application/json")

        def _unchanged(self, route: Route, etag: str | None) -> bool:
            if etag and self.headers.get("if-none-match") == etag:
                return True
            since = self.headers.get("if-modified-since")
            return bool(route.last_modified and since == route.last_modified)

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str | None,
            *,
            etag: str | None = None,
            route: Route | None = None,
        ) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if etag:
                self.send_header("ETag", etag)
            if route and route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            for name, value in (route.headers if route else {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)  # the client may have given up waiting

    return Handler


@pytest.fixture
def site():
    server = Site()
    server.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    yield server
    server.close()


PAGE = """<html><head><meta charset="{meta}"><title>Talks in Geneva</title>
<meta property="article:published_time" content="2025-03-03"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks in Geneva</h1>
<p>{body}</p><p>The delegations agreed to meet again in April after a long day of talks
about grain shipments and the exchange of prisoners.</p></article>
<footer>Copyright 2025 The Daily Example</footer></body></html>"""


def test_get_sends_user_agent_and_reads_page(site: Site) -> None:
    site.set("/a.html", PAGE.format(meta="utf-8", body="Negotiators from both sides met."))
    with Fetcher(FAST) as fetcher:
        result = fetcher.get(site.url("/a.html"))
    assert result.status == 200 and result.content_type == "text/html"
    article = page_article(result, options=ReadOptions())
    assert "Negotiators from both sides met." in article.text
    assert "Copyright" not in article.text and article.url == site.url("/a.html")
    assert str(article.published) == "2025-03-03"
    agents = {h.get("User-Agent") for m, p, h in site.requests}
    assert agents == {USER_AGENT}


def test_header_charset_wins_over_meta(site: Site) -> None:
    text = "Zürich und Genève: die Gespräche gingen weiter."
    page = PAGE.format(meta="iso-8859-1", body=text)
    site.set("/c.html", page.encode("utf-8"), content_type="text/html; charset=utf-8")
    with Fetcher(FAST) as fetcher:
        result = fetcher.get(site.url("/c.html"))
    assert result.charset == "utf-8"
    assert text in page_article(result, options=ReadOptions()).text


def test_meta_charset_used_without_header(site: Site) -> None:
    text = "Die Gespräche in Zürich gingen weiter, sagte der Sprecher."
    site.set(
        "/l.html",
        PAGE.format(meta="windows-1252", body=text).encode("cp1252"),
        content_type="text/html",
    )
    with Fetcher(FAST) as fetcher:
        result = fetcher.get(site.url("/l.html"))
    assert text in page_article(result, options=ReadOptions()).text


def test_retries_5xx_then_succeeds(site: Site) -> None:
    site.set("/flaky.html", PAGE.format(meta="utf-8", body="x"), fail_times=1)
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/flaky.html")).status == 200
    assert site.paths().count("/flaky.html") == 2


def test_gives_up_after_retries_on_500(site: Site) -> None:
    site.set("/down.xml", "oops", fail_times=10)
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/down.xml"))
    assert caught.value.transient and caught.value.status == 500
    assert site.paths().count("/down.xml") == 1 + FAST.retries


def test_timeout_is_transient_error(site: Site) -> None:
    site.set("/slow.xml", "<rss/>", delay=2.5)
    options = FetchOptions(timeout=0.5, retries=0, backoff=0.01, host_delay=0)
    started = time.monotonic()
    with Fetcher(options) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/slow.xml"))
    assert caught.value.transient and "timed out" in caught.value.message
    assert time.monotonic() - started < 2.0


def test_robots_disallow_is_respected_and_cached(site: Site) -> None:
    site.set("/private/memo.html", PAGE.format(meta="utf-8", body="secret"))
    site.set("/ok.html", PAGE.format(meta="utf-8", body="fine"))
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"robots\.txt"):
            fetcher.get(site.url("/private/memo.html"))
        fetcher.get(site.url("/ok.html"))
    assert "/private/memo.html" not in site.paths()
    assert site.paths().count("/robots.txt") == 1


def test_missing_robots_allows_everything(site: Site) -> None:
    del site.routes["/robots.txt"]
    site.set("/private/memo.html", PAGE.format(meta="utf-8", body="open"))
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/private/memo.html")).status == 200


def test_redirects_are_followed_and_checked_against_robots(site: Site) -> None:
    site.set("/old.html", "", status=301, headers={"Location": "/new.html"}, etag=False)
    site.set("/new.html", PAGE.format(meta="utf-8", body="moved"))
    site.set("/sneaky.html", "", status=302, headers={"Location": "/private/x.html"}, etag=False)
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/old.html")).url == site.url("/new.html")
        with pytest.raises(FetchError, match=r"robots\.txt"):
            fetcher.get(site.url("/sneaky.html"))
    assert "/private/x.html" not in site.paths()


def test_conditional_get_with_etag_and_last_modified(site: Site) -> None:
    stamp = "Mon, 03 Mar 2025 10:00:00 GMT"
    site.set("/feed.xml", "<rss/>", content_type="application/rss+xml", last_modified=stamp)
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.url("/feed.xml"))
        assert first.validators.etag and first.validators.last_modified == stamp
        again = fetcher.get(site.url("/feed.xml"), validators=first.validators)
        assert again.not_modified and again.content == b""
        site.routes["/feed.xml"].etag = False
        only_date = fetcher.get(site.url("/feed.xml"), validators=Validators(last_modified=stamp))
        assert only_date.not_modified
    sent = [h for m, p, h in site.requests if p == "/feed.xml"]
    assert "If-None-Match" in sent[1] and "If-Modified-Since" in sent[2]


def test_unreachable_server_is_transient() -> None:
    probe = Site()
    url = probe.url("/x.html")
    probe.close()
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.transient


def test_result_articles_reads_feeds_and_pages(site: Site) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><guid>n1</guid><title>One</title><description>Envoys met in Oslo on Monday to
    discuss the ceasefire.</description></item></channel></rss>"""
    site.set("/f.xml", feed, content_type="application/rss+xml")
    with Fetcher(FAST) as fetcher:
        items = list(result_articles(fetcher.get(site.url("/f.xml")), options=ReadOptions()))
    assert [getattr(a, "id", None) for a in items] == ["n1"]


def test_requests_to_one_host_are_paced_by_crawl_delay(site: Site) -> None:
    site.set("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    site.set("/p.html", PAGE.format(meta="utf-8", body="paced"))
    with Fetcher(FAST) as fetcher:
        started = time.monotonic()
        for _ in range(3):
            fetcher.get(site.url("/p.html"))
        assert time.monotonic() - started >= 2.0
