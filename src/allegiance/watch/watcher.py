"""The watcher: poll feeds and pages, ingest what is new, evaluate the rules, raise alerts.

One round (:meth:`Watcher.run_once`):

1. every source is polled on its own: a source that times out, answers 5xx or answers something
   that is not a feed is logged, counted in the state and retried next round;
2. new feed entries (keys not seen before) have their linked page fetched (or their entry text
   used); a page listed on its own is re-read when its ETag / Last-Modified / text changed;
3. the new articles are ingested together (known ids and near-duplicates are screened out);
4. only then are the sources' item keys and validators saved, so nothing is lost on a crash;
5. the rules are evaluated; findings not recorded before become alerts, recorded in the state
   (written atomically) *before* they are delivered, so a restart never repeats one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from allegiance.batch import IngestOptions
from allegiance.errors import SourceError
from allegiance.ingest import ReadOptions, entry_article, parse_date
from allegiance.models import Article, ReadProblem
from allegiance.pipeline import Extractor
from allegiance.store import Store
from allegiance.watch.alerts import (
    Alert,
    AlertCallback,
    append_log,
    build_alerts,
    post_webhook,
)
from allegiance.watch.config import Rule, Source
from allegiance.watch.fetch import Fetcher, FetchError, FetchOptions, Validators
from allegiance.watch.incremental import ingest_articles
from allegiance.watch.pages import content_format, page_article
from allegiance.watch.rules import Finding, evaluate
from allegiance.watch.state import WatchState, load_state, save_state, state_path_for

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WatchOptions:
    fetch: FetchOptions = field(default_factory=FetchOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    state_path: Path | None = None  # default: next to the store (<db>.watch.json)
    alert_log: Path | None = None  # default: next to the store (<db>.alerts.jsonl)
    webhook: str | None = None
    max_new_items: int = 100  # per feed and round; the rest waits for the next round


@dataclass(slots=True)
class SourceReport:
    url: str
    status: str  # ok, unchanged, error
    new_items: int = 0
    message: str = ""


@dataclass(slots=True)
class RoundReport:
    sources: list[SourceReport] = field(default_factory=list)
    stored: int = 0
    events: int = 0
    new_article_ids: list[str] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)

    def summary(self) -> str:
        failed = sum(1 for s in self.sources if s.status == "error")
        return (
            f"{len(self.sources)} source(s), {failed} failed; {self.stored} new article(s), "
            f"{self.events} event(s), {len(self.alerts)} alert(s)"
        )


@dataclass(slots=True)
class _Pending:
    """What one source contributes to a round, saved only once the articles are stored."""

    url: str
    articles: list[Article | ReadProblem] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    validators: Validators | None = None


class Watcher:
    """Polls ``sources`` into ``store`` and watches ``rules``. State lives in a JSON file."""

    def __init__(
        self,
        sources: Sequence[Source],
        rules: Sequence[Rule],
        *,
        store: Store,
        extractor: Extractor,
        options: WatchOptions | None = None,
        on_alert: AlertCallback | None = None,
    ) -> None:
        self.sources, self.rules = list(sources), list(rules)
        self.store, self.extractor = store, extractor
        self.options = options or WatchOptions()
        self.on_alert = on_alert
        self.state_path = self.options.state_path or state_path_for(store.path)
        self.alert_log = self.options.alert_log or store.path.with_name(
            store.path.name + ".alerts.jsonl"
        )
        self.state: WatchState = load_state(self.state_path)

    # -- rounds ------------------------------------------------------------------------------
    def run_once(self) -> RoundReport:
        """One poll of every source, ingest, rule evaluation and alert delivery."""
        report = RoundReport()
        self._baseline()
        with Fetcher(self.options.fetch) as fetcher:
            pending = [self._poll(fetcher, source, report) for source in self.sources]
        self._ingest(pending, report)
        if report.new_article_ids:
            report.alerts = self._evaluate()
        self._deliver(report.alerts)
        log.info("round: %s", report.summary())
        return report

    def run_forever(
        self, every: float, *, stop: threading.Event | None = None, rounds: int | None = None
    ) -> None:
        """Rounds every ``every`` seconds until ``stop`` is set (or ``rounds`` were run)."""
        repeat_rounds(self.run_once, every=every, stop=stop, rounds=rounds)

    # -- polling -----------------------------------------------------------------------------
    def _poll(self, fetcher: Fetcher, source: Source, report: RoundReport) -> _Pending:
        pending = _Pending(url=source.url)
        try:
            if source.kind == "page":
                self._poll_page(fetcher, source, pending)
            else:
                self._poll_feed(fetcher, source, pending)
        except FetchError as exc:
            self._failed(source.url, exc.message, report)
            return _Pending(url=source.url)
        except Exception as exc:  # a library failing on odd input must not stop the others
            log.debug("%s: unexpected error", source.url, exc_info=True)
            self._failed(source.url, f"could not read ({type(exc).__name__})", report)
            return _Pending(url=source.url)
        status = "unchanged" if pending.validators is None else "ok"
        report.sources.append(SourceReport(source.url, status, new_items=len(pending.keys)))
        return pending

    def _failed(self, url: str, message: str, report: RoundReport) -> None:
        state = self.state.source(url)
        state.failures += 1
        state.last_error = message
        log.warning("%s: %s (failure %d; retried next round)", url, message, state.failures)
        report.sources.append(SourceReport(url, "error", message=message))

    def _poll_feed(self, fetcher: Fetcher, source: Source, pending: _Pending) -> None:
        import feedparser

        state = self.state.source(source.url)
        result = fetcher.get(source.url, validators=Validators(state.etag, state.last_modified))
        if result.not_modified:
            return
        fmt = content_format(result)
        if fmt != "feed":
            raise FetchError(source.url, f"not an RSS/Atom feed (got {fmt})", transient=True)
        entries = feedparser.parse(result.content).get("entries") or []
        seen = set(state.items)
        fresh = [(k, e) for e in entries if (k := _entry_key(e)) not in seen]
        taken = [
            k
            for k, e in fresh[: self.options.max_new_items]
            if self._take_entry(fetcher, source, e, pending)
        ]
        pending.keys.extend(taken)
        pending.validators = result.validators
        if len(taken) < len(fresh):  # entries left for the next round: no 304 shortcut then
            pending.validators = Validators()

    def _take_entry(self, fetcher: Fetcher, source: Source, entry: Any, pending: _Pending) -> bool:
        """Add the entry's article; False when its page failed transiently (retry later)."""
        link = entry.get("link")
        if source.content == "page" and link:
            try:
                result = fetcher.get(link)
                pending.articles.append(
                    page_article(
                        result,
                        options=self._read_options(),
                        fallback_date=_entry_date(entry),
                        title=entry.get("title"),
                    )
                )
                return True
            except FetchError as exc:
                if exc.transient:
                    log.warning("%s: %s; entry retried next round", link, exc.message)
                    return False
                log.info("%s: %s; using the feed's entry text", link, exc.message)
            except Exception as exc:  # the page is odd; the entry text may still do
                log.info("%s: %s; using the feed's entry text", link, exc)
        pending.articles.append(self._entry_article(entry, source))
        return True

    def _entry_article(self, entry: Any, source: Source) -> Article | ReadProblem:
        where = f"{source.url}#{_entry_key(entry)}"
        try:
            return entry_article(entry, source=where, options=self._read_options())
        except Exception as exc:  # SourceError (empty entry) or a library failing
            return ReadProblem(where, getattr(exc, "message", None) or type(exc).__name__)

    def _poll_page(self, fetcher: Fetcher, source: Source, pending: _Pending) -> None:
        state = self.state.source(source.url)
        result = fetcher.get(source.url, validators=Validators(state.etag, state.last_modified))
        if result.not_modified:
            return
        try:
            article = page_article(result, options=self._read_options())
        except SourceError as exc:
            raise FetchError(source.url, exc.message, transient=False) from exc
        pending.validators = result.validators
        if article.id not in state.items:
            pending.articles.append(article)
            pending.keys.append(article.id)

    def _read_options(self) -> ReadOptions:
        read = self.options.ingest.read
        if read.default_published is None:  # live news without a date: the day it was read
            read = replace(read, default_published=dt.datetime.now(dt.UTC).date())
        return read

    # -- ingest, rules, delivery --------------------------------------------------------------
    def _ingest(self, pending: list[_Pending], report: RoundReport) -> None:
        items = [a for p in pending for a in p.articles]
        if items:
            result = ingest_articles(
                items, store=self.store, extractor=self.extractor, options=self.options.ingest
            )
            report.stored, report.events = result.stats.stored, result.stats.events
            report.new_article_ids, report.problems = result.new_ids, result.stats.problems
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for item in pending:
            if item.validators is None and not item.keys:
                continue
            state = self.state.source(item.url)
            self.state.remember_items(item.url, item.keys)
            if item.validators is not None:
                state.etag, state.last_modified = (
                    item.validators.etag,
                    item.validators.last_modified,
                )
            state.last_ok, state.last_error, state.failures = now, None, 0
        save_state(self.state, self.state_path)

    def _baseline(self) -> None:
        """Rules never evaluated before record what the store already shows, silently."""
        fresh = [r for r in self.rules if r.name not in self.state.findings]
        if not fresh:
            return
        for name, findings in evaluate(self.store, fresh).items():
            self.state.findings[name] = sorted({f.key for f in findings})
            log.info("rule %s: baseline of %d finding(s)", name, len(findings))
        save_state(self.state, self.state_path)

    def _evaluate(self) -> list[Alert]:
        new: list[Finding] = []
        for name, findings in evaluate(self.store, self.rules).items():
            before = set(self.state.findings.get(name, ()))
            new += [f for f in findings if f.key not in before]
            self.state.findings[name] = sorted({f.key for f in findings})
        alerts = build_alerts(self.store, new, set(self.state.alerts))
        for alert in alerts:
            self.state.remember_alert(alert.id)
        if self.options.webhook:
            self.state.outbox += [a.to_dict() for a in alerts]
        save_state(self.state, self.state_path)  # recorded before delivery: never repeated
        return alerts

    def _deliver(self, alerts: list[Alert]) -> None:
        for alert in alerts:
            log.info("%s", alert.line())
            if self.on_alert:
                self.on_alert(alert)
        if alerts:
            append_log(alerts, self.alert_log)
        if self.options.webhook and self.state.outbox:
            left = post_webhook(self.options.webhook, self.state.outbox)
            if len(left) != len(self.state.outbox):
                self.state.outbox = left
                save_state(self.state, self.state_path)


def _entry_key(entry: Any) -> str:
    """A feed entry's identity: its id, else its link, else a hash of title and summary."""
    for name in ("id", "link"):
        value = entry.get(name)
        if value and str(value).strip():
            return str(value).strip()
    text = f"{entry.get('title', '')}\x1f{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _entry_date(entry: Any) -> dt.date | None:
    for name in ("published", "updated", "created"):
        date = parse_date(entry.get(name))
        if date is not None:
            return date
    return None


def watch_loop(
    sources: Sequence[Source],
    rules: Sequence[Rule],
    *,
    db: Path,
    extractor: Extractor,
    every: float,
    options: WatchOptions | None = None,
    on_alert: AlertCallback | None = None,
    on_round: Callable[[RoundReport], None] | None = None,
    stop: threading.Event | None = None,
    rounds: int | None = None,
) -> None:
    """Rounds every ``every`` seconds, opening the store only for the length of a round.

    Between rounds the DuckDB file is closed, so ``allegiance relations``, ``serve`` or a
    notebook can read it while the watch goes on (DuckDB lets one process hold a file open).
    """

    def one_round() -> None:
        report = watch_round(
            sources, rules, db=db, extractor=extractor, options=options, on_alert=on_alert
        )
        if on_round:
            on_round(report)

    repeat_rounds(one_round, every=every, stop=stop, rounds=rounds)


def watch_round(
    sources: Sequence[Source],
    rules: Sequence[Rule],
    *,
    db: Path,
    extractor: Extractor,
    options: WatchOptions | None = None,
    on_alert: AlertCallback | None = None,
) -> RoundReport:
    """One round with the store open for the length of the round only."""
    with Store(db) as store:
        watcher = Watcher(
            sources, rules, store=store, extractor=extractor, options=options, on_alert=on_alert
        )
        return watcher.run_once()


def repeat_rounds(
    round_once: Callable[[], object],
    *,
    every: float,
    stop: threading.Event | None = None,
    rounds: int | None = None,
) -> None:
    """Run ``round_once`` every ``every`` seconds until ``stop`` is set or ``rounds`` ran."""
    stop = stop or threading.Event()
    done = 0
    while not stop.is_set():
        try:
            round_once()
        except Exception:  # one bad round (disk full, store locked) must not end the watch
            log.exception("watch round failed; retrying in %.0fs", every)
        done += 1
        if rounds is not None and done >= rounds:
            break
        stop.wait(every)
