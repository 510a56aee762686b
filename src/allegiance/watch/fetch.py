"""HTTP(S) fetching for live monitoring: polite, bounded, conditional, robots-aware.

One :class:`Fetcher` holds an ``httpx.Client`` and a per-host robots.txt cache. Every request
carries our User-Agent and a timeout; 5xx, 429 and network timeouts are retried with
exponential back-off; redirects are followed hop by hop (each hop checked against robots.txt);
``ETag`` / ``Last-Modified`` of a previous answer make the request conditional (304 = unchanged).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from allegiance.errors import SourceError

log = logging.getLogger(__name__)

USER_AGENT = "allegiance/0.1 (+https://github.com/allegiance/allegiance)"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_RETRY_AFTER = 60.0


class FetchError(SourceError):
    """A URL could not be fetched. ``transient`` errors (timeouts, 5xx) are worth retrying."""

    def __init__(self, url: str, message: str, *, transient: bool, status: int | None = None):
        super().__init__(url, message)
        self.transient = transient
        self.status = status


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How pages are fetched (timeouts in seconds; back-off doubles after each retry)."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    respect_robots: bool = True
    robots_ttl: float = 3600.0
    host_delay: float = 1.0  # seconds between requests to one host (robots Crawl-delay wins)
    max_host_delay: float = 30.0


@dataclass(frozen=True, slots=True)
class Validators:
    """What makes a request conditional: the previous answer's ETag and Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One answer: ``not_modified`` when the server said 304 (then ``content`` is empty)."""

    url: str  # the final URL, after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    charset: str | None = None
    validators: Validators = field(default_factory=Validators)
    not_modified: bool = False


class Fetcher:
    """Fetches URLs with retries, redirects, conditional GET and robots.txt. A context manager."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._client = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=self.options.timeout,
            follow_redirects=False,
        )
        self._robots: dict[str, tuple[float, RobotFileParser]] = {}
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ------------------------------------------------------------------------------
    def get(self, url: str, *, validators: Validators | None = None) -> FetchResult:
        """GET ``url`` following redirects; :class:`FetchError` when it cannot be had."""
        headers = (validators or Validators()).headers()
        for _hop in range(self.options.max_redirects + 1):
            self._check_robots(url)
            self._pace(url)
            response = self._request(url, headers)
            if response.status_code not in _REDIRECTS:
                return _result(url, response)
            location = response.headers.get("location")
            if not location:
                raise FetchError(url, "redirect without a Location header", transient=False)
            url = urljoin(url, location)
            log.debug("redirected to %s", url)
        raise FetchError(url, f"more than {self.options.max_redirects} redirects", transient=False)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our User-Agent fetch it."""
        if not self.options.respect_robots:
            return True
        parser = self._robots_for(url)
        return parser.can_fetch(self.options.user_agent, url)

    # -- internals ---------------------------------------------------------------------------
    def _pace(self, url: str) -> None:
        """Wait so that one host gets at most one request per ``host_delay`` (or Crawl-delay)."""
        host = urlsplit(url).netloc
        delay = self.options.host_delay
        if self.options.respect_robots:
            crawl_delay = self._robots_for(url).crawl_delay(self.options.user_agent)
            delay = max(delay, float(crawl_delay or 0))
        delay = min(delay, self.options.max_host_delay)
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _check_robots(self, url: str) -> None:
        scheme = urlsplit(url).scheme
        if scheme not in ("http", "https"):
            raise FetchError(url, f"not an HTTP(S) URL (scheme {scheme!r})", transient=False)
        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt", transient=False)

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """One GET with retries on timeouts, network errors, 429 and 5xx; body read (bounded)."""
        attempt = 0
        while True:
            try:
                response = self._read(url, headers)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                problem = _network_problem(exc)
                if attempt >= self.options.retries:
                    raise FetchError(url, problem, transient=True) from exc
                delay = self._delay(attempt, None)
            else:
                if response.status_code not in _RETRY_STATUS:
                    return response
                problem = f"HTTP {response.status_code}"
                if attempt >= self.options.retries:
                    raise FetchError(url, problem, transient=True, status=response.status_code)
                delay = self._delay(attempt, response.headers.get("retry-after"))
            log.info("%s: %s, retrying in %.2fs", url, problem, delay)
            time.sleep(delay)
            attempt += 1

    def _read(self, url: str, headers: dict[str, str]) -> httpx.Response:
        with self._client.stream("GET", url, headers=headers) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.options.max_bytes:
                    raise FetchError(
                        url, f"response larger than {self.options.max_bytes} bytes", transient=False
                    )
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=bytes(body),
            request=response.request,
        )

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        delay = self.options.backoff * (2**attempt)
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), _MAX_RETRY_AFTER))
        return delay

    def _robots_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(host)
        if cached and time.monotonic() - cached[0] < self.options.robots_ttl:
            return cached[1]
        parser = self._load_robots(host)
        self._robots[host] = (time.monotonic(), parser)
        return parser

    def _load_robots(self, host: str) -> RobotFileParser:
        """robots.txt as RFC 9309 reads it: 4xx = no rules; 5xx or unreachable = retry later."""
        robots_url = f"{host}/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            response = self._request(robots_url, {})
        except FetchError as exc:
            raise FetchError(
                host, f"robots.txt unreachable ({exc.message})", transient=True
            ) from exc
        if 400 <= response.status_code < 500 or response.status_code in _REDIRECTS:
            parser.parse([])
        else:
            parser.parse(response.text.splitlines())
        return parser


def _result(url: str, response: httpx.Response) -> FetchResult:
    validators = Validators(
        etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified")
    )
    if response.status_code == 304:
        return FetchResult(url=url, status=304, validators=validators, not_modified=True)
    if response.status_code >= 400:
        transient = response.status_code in _RETRY_STATUS
        message = f"HTTP {response.status_code}"
        raise FetchError(url, message, transient=transient, status=response.status_code)
    return FetchResult(
        url=url,
        status=response.status_code,
        content=response.content,
        content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
        charset=response.charset_encoding,
        validators=validators,
    )


def _network_problem(exc: Exception) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    detail = " ".join(str(exc).split())[:160]
    return f"network error ({type(exc).__name__}{': ' + detail if detail else ''})"
