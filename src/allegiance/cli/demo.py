"""`allegiance demo`: the whole flow on the bundled sample articles."""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import click

from allegiance.batch import IngestOptions, ingest
from allegiance.cli.options import full_parse_option, model_options, settings_of
from allegiance.cli.output import render
from allegiance.export import flatten_event
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.store import EventFilter, Store

SAMPLE_SUFFIXES = (".jsonl", ".html", ".txt")


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to build the demo store (default: allegiance-demo.duckdb here).",
)
@click.option("--serve/--no-serve", default=True, show_default=True, help="Then open the web UI.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@full_parse_option
@model_options
def demo(db: Path | None, serve: bool, port: int, **model: Any) -> None:
    """Ingest the bundled sample articles, show what was found, then serve the web UI."""
    store = db or Path("allegiance-demo.duckdb")
    if serve:
        from allegiance.api import check_port

        check_port("127.0.0.1", port)  # before the model loads, not after the ingest
    run_demo(db=store, settings=settings_of(**model), echo=click.echo, command=command_name())
    if serve:
        from allegiance.api import serve as run_server

        click.echo(f"\nWeb UI: http://127.0.0.1:{port}/  (Ctrl-C to stop)")
        run_server(store, host="127.0.0.1", port=port)


def sample_paths() -> list[Path]:
    """The bundled sample articles (package data)."""
    folder = Path(str(resources.files("allegiance") / "samples"))
    return sorted(p for p in folder.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def command_name(argv0: str | None = None) -> str:
    """How to run allegiance again as typed in this shell: the running executable's path when
    it is not the one on PATH (a venv that is not active, ``make demo``), ``python -m
    allegiance`` under ``-m``."""
    argv0 = argv0 if argv0 is not None else sys.argv[0]
    if argv0.endswith("__main__.py") or not argv0:
        return f"{shlex.quote(sys.executable)} -m allegiance"
    found = shutil.which("allegiance")
    if "/" not in argv0 and found:
        return argv0
    if found and Path(found).resolve() == Path(argv0).resolve():
        return "allegiance"
    return shlex.quote(argv0)


def run_demo(
    *,
    db: Path,
    settings: Settings,
    echo: Callable[[str], None],
    command: str = "allegiance",
) -> None:
    paths = sample_paths()
    echo(f"Reading {len(paths)} sample files into {db} with {settings.model} ...")
    extractor = Extractor(settings)
    with Store(db) as store:
        stats = ingest(paths, store=store, extractor=extractor, options=IngestOptions())
        echo(
            f"{stats.stored} articles stored, {stats.unchanged} already there, "
            f"{stats.events} events found.\n"
        )
        echo("Actors (by mentions):")
        echo(render(store.actors(limit=12), "table") + "\n")
        cut = settings.min_confidence
        rows = [flatten_event(e.to_dict()) for e in store.events(EventFilter(min_confidence=cut))]
        stored = store.count_events(EventFilter())
        echo(
            f"Events at confidence >= {cut:g} ({len(rows)} of {stored}; asserted, "
            "hypothetical, negated ... each with its evidence sentence):"
        )
        echo(render([{k: r[k] for k in _COLUMNS} for r in rows], "table"))
    db_arg = shlex.quote(str(db))
    echo(f"\nExplore further: {command} events --db {db_arg} --format json | less")
    echo(f"Every event, whatever its confidence: {command} events --db {db_arg} --min-confidence 0")


_COLUMNS = ("event", "actor", "recipient", "factuality", "said_by", "amount_usd", "sentence")


def register(group: click.Group) -> None:
    """Add ``demo`` to the ``allegiance`` group."""
    group.add_command(demo)
