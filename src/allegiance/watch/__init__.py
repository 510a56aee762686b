"""Live monitoring: fetch pages over HTTP(S), poll feeds, ingest incrementally, raise alerts.

>>> from allegiance.watch import Watcher, load_rules, load_sources
>>> watcher = Watcher(load_sources("feeds.txt"), load_rules("rules.yaml"),
...                   store=store, extractor=extractor, on_alert=print)
>>> watcher.run_once()          # or watcher.run_forever(parse_interval("15m"))
"""

from allegiance.watch.alerts import Alert
from allegiance.watch.config import Rule, Source, load_rules, load_sources, parse_interval
from allegiance.watch.fetch import Fetcher, FetchError, FetchOptions, FetchResult, Validators
from allegiance.watch.incremental import ingest_articles
from allegiance.watch.run import fetch_and_ingest
from allegiance.watch.watcher import RoundReport, Watcher, WatchOptions, watch_loop

__all__ = [
    "Alert",
    "FetchError",
    "FetchOptions",
    "FetchResult",
    "Fetcher",
    "RoundReport",
    "Rule",
    "Source",
    "Validators",
    "WatchOptions",
    "Watcher",
    "fetch_and_ingest",
    "ingest_articles",
    "load_rules",
    "load_sources",
    "parse_interval",
    "watch_loop",
]
