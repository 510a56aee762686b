"""`allegiance demo`: the whole flow on the bundled sample articles."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from allegiance.batch import IngestOptions, ingest
from allegiance.output import flatten_event, render
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.store import EventFilter, Store

SAMPLE_SUFFIXES = (".jsonl", ".html", ".txt")


def sample_paths() -> list[Path]:
    """The bundled sample articles (package data)."""
    folder = Path(str(resources.files("allegiance") / "samples"))
    return sorted(p for p in folder.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def run_demo(*, db: Path, settings: Settings, echo: Callable[[str], None]) -> None:
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
        rows = [flatten_event(e.to_dict()) for e in store.events(EventFilter())]
        echo("Events (asserted, hypothetical, negated ... each with its evidence sentence):")
        echo(render([{k: r[k] for k in _COLUMNS} for r in rows], "table"))
    echo(f"\nExplore further: allegiance events --db {db} --format json | less")


_COLUMNS = ("event", "actor", "recipient", "factuality", "said_by", "amount_usd", "sentence")
