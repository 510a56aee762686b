"""Watcher state in a small JSON file next to the store, written atomically.

It holds, per source, the validators of the last answer (ETag, Last-Modified) and the item keys
already taken; the findings of the last rule evaluation (so only changes alert); the ids of
alerts already raised (so a restart repeats none); and webhook deliveries still owed.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from allegiance.errors import ConfigError

log = logging.getLogger(__name__)

STATE_VERSION = 1
MAX_ITEMS_PER_FEED = 5000  # oldest item keys are forgotten beyond this (feeds hold far fewer)
MAX_ALERT_IDS = 100_000


@dataclass(slots=True)
class SourceState:
    etag: str | None = None
    last_modified: str | None = None
    items: list[str] = field(default_factory=list)  # keys (entry id or link) already taken
    last_ok: str | None = None  # ISO timestamp of the last good poll
    last_error: str | None = None
    failures: int = 0  # consecutive failed polls


@dataclass(slots=True)
class WatchState:
    sources: dict[str, SourceState] = field(default_factory=dict)
    findings: dict[str, list[str]] = field(default_factory=dict)  # rule name -> finding keys
    alerts: list[str] = field(default_factory=list)  # ids of alerts raised, oldest first
    outbox: list[dict[str, Any]] = field(default_factory=list)  # webhook payloads not delivered
    baseline: bool = False  # the findings of the store before the first round are recorded

    def source(self, url: str) -> SourceState:
        return self.sources.setdefault(url, SourceState())

    def remember_items(self, url: str, keys: list[str]) -> None:
        state = self.source(url)
        known = set(state.items)
        state.items.extend(k for k in keys if k not in known)
        del state.items[:-MAX_ITEMS_PER_FEED]

    def remember_alert(self, alert_id: str) -> None:
        self.alerts.append(alert_id)
        del self.alerts[:-MAX_ALERT_IDS]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = STATE_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WatchState:
        sources = {url: SourceState(**value) for url, value in data.get("sources", {}).items()}
        return cls(
            sources=sources,
            findings={k: list(v) for k, v in data.get("findings", {}).items()},
            alerts=list(data.get("alerts", [])),
            outbox=list(data.get("outbox", [])),
            baseline=bool(data.get("baseline", False)),
        )


def state_path_for(db: str | Path) -> Path:
    """The default state file: ``allegiance.duckdb`` -> ``allegiance.duckdb.watch.json``."""
    db = Path(db)
    return db.with_name(db.name + ".watch.json")


def load_state(path: Path) -> WatchState:
    """The saved state, or a fresh one when the file does not exist yet."""
    if not path.exists():
        return WatchState()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            raise ConfigError(f"{path}: unknown watch state version {data.get('version')!r}")
        return WatchState.from_dict(data)
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: unreadable watch state ({exc})") from exc


def save_state(state: WatchState, path: Path) -> None:
    """Write temp file + fsync + rename: a crash leaves the old or the new state, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state.to_dict(), handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
