"""Click commands ``fetch`` and ``watch``; the main CLI adds them with :func:`register`."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Any

import click

from allegiance.errors import AllegianceError
from allegiance.settings import Settings

log = logging.getLogger(__name__)


HOST_DELAY = click.option(
    "--host-delay",
    type=float,
    default=1.0,
    show_default=True,
    help="Seconds between requests to one host (a robots.txt Crawl-delay wins).",
)


def _settings(db: str | None) -> Settings:
    return Settings.from_env(db=Path(db) if db else None)


def _fail(exc: AllegianceError) -> click.ClickException:
    return click.ClickException(str(exc))


@click.command("fetch")
@click.argument("urls", nargs=-1, required=True)
@click.option(
    "--db", type=click.Path(dir_okay=False), help="Store file (default ./allegiance.duckdb)."
)
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per request.")
@click.option("--no-robots", is_flag=True, help="Ignore robots.txt (only for your own sites).")
@HOST_DELAY
def fetch_command(
    urls: tuple[str, ...], db: str | None, timeout: float, no_robots: bool, host_delay: float
) -> None:
    """Fetch pages over HTTP(S) and ingest them like local HTML."""
    from allegiance.pipeline import Extractor
    from allegiance.store import Store
    from allegiance.watch.fetch import FetchOptions
    from allegiance.watch.run import fetch_and_ingest

    settings = _settings(db)
    options = FetchOptions(timeout=timeout, respect_robots=not no_robots, host_delay=host_delay)
    try:
        with Store(settings.db) as store:
            result = fetch_and_ingest(
                list(urls), store=store, extractor=Extractor(settings), options=options
            )
    except AllegianceError as exc:
        raise _fail(exc) from exc
    for problem in result.problems:
        click.echo(f"skipped {problem}", err=True)
    stats = result.stats
    click.echo(
        f"{stats.read} article(s) read, {stats.stored} stored, {stats.unchanged} already stored, "
        f"{stats.duplicates} near-duplicate(s), {stats.events} event(s)",
        err=True,
    )
    if result.problems and not stats.read:
        raise SystemExit(1)


@click.command("watch")
@click.option(
    "--feeds",
    "feeds_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Feeds file: one URL a line ('page URL' for pages), or YAML feeds:/pages:.",
)
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Watch rules (YAML).",
)
@click.option("--every", default="15m", show_default=True, help="Poll interval: 30s, 15m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit.")
@click.option(
    "--db", type=click.Path(dir_okay=False), help="Store file (default ./allegiance.duckdb)."
)
@click.option("--webhook", help="POST each alert as JSON to this URL.")
@click.option(
    "--state",
    "state_file",
    type=click.Path(dir_okay=False),
    help="State file (default <db>.watch.json).",
)
@click.option(
    "--alert-log",
    type=click.Path(dir_okay=False),
    help="Alert log, JSON lines (default <db>.alerts.jsonl).",
)
@HOST_DELAY
def watch_command(
    feeds_file: str,
    rules_file: str | None,
    every: str,
    once: bool,
    db: str | None,
    webhook: str | None,
    state_file: str | None,
    alert_log: str | None,
    host_delay: float,
) -> None:
    """Poll feeds and pages, ingest new items, and alert when a watched relation shifts."""
    from allegiance.watch.config import load_rules, load_sources, parse_interval
    from allegiance.watch.fetch import FetchOptions
    from allegiance.watch.watcher import WatchOptions

    try:
        interval = parse_interval(every)
        sources = load_sources(feeds_file)
        rules = load_rules(rules_file) if rules_file else []
    except AllegianceError as exc:
        raise _fail(exc) from exc
    options = WatchOptions(
        fetch=FetchOptions(host_delay=host_delay),
        webhook=webhook,
        state_path=Path(state_file) if state_file else None,
        alert_log=Path(alert_log) if alert_log else None,
    )
    _run_watch(
        sources, rules, settings=_settings(db), options=options, interval=None if once else interval
    )


def _run_watch(
    sources: list[Any],
    rules: list[Any],
    *,
    settings: Settings,
    options: Any,
    interval: float | None,
) -> None:
    from allegiance.pipeline import Extractor
    from allegiance.watch.watcher import watch_loop, watch_round

    extractor = Extractor(settings)
    echo_alert = lambda alert: click.echo(alert.line())  # noqa: E731
    try:
        if interval is None:
            report = watch_round(
                sources,
                rules,
                db=settings.db,
                extractor=extractor,
                options=options,
                on_alert=echo_alert,
            )
            _echo_round(report)
            return
        click.echo(f"watching {len(sources)} source(s) every {interval:g}s; Ctrl-C stops", err=True)
        watch_loop(
            sources,
            rules,
            db=settings.db,
            extractor=extractor,
            every=interval,
            options=options,
            on_alert=echo_alert,
            on_round=_echo_round,
            stop=_stop_on_signals(),
        )
    except AllegianceError as exc:
        raise _fail(exc) from exc


def _echo_round(report: Any) -> None:
    for source in report.sources:
        if source.status == "error":
            click.echo(f"{source.url}: {source.message} (retried next round)", err=True)
    click.echo(report.summary(), err=True)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()

    def _handler(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _handler)
    signal.signal(signal.SIGTERM, _handler)
    return stop


def register(group: click.Group) -> None:
    """Add ``fetch`` and ``watch`` to the main command group."""
    group.add_command(fetch_command)
    group.add_command(watch_command)
