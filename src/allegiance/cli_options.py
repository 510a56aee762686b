"""Click options shared by every command group (the core CLI, analyses, the server)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from allegiance.settings import DEFAULT_DB

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db FILE`` (env ALLEGIANCE_DB, default ./allegiance.duckdb)."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="ALLEGIANCE_DB",
        default=DEFAULT_DB,
        show_default=True,
        help="DuckDB store file (env ALLEGIANCE_DB).",
    )(func)
