"""The core commands: extract, ingest, attach, and reading or exporting the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from allegiance.cli.errors import EXIT_PROBLEMS, UserError
from allegiance.cli.options import (
    confidence_option,
    date_option,
    db_option,
    format_option,
    full_parse_option,
    iso_date,
    model_options,
    settings_of,
    threshold,
)
from allegiance.cli.output import render
from allegiance.errors import first_line
from allegiance.export import flatten_event
from allegiance.models import IngestStats
from allegiance.settings import Settings


def require_paths(paths: Sequence[str]) -> None:
    """A path that does not exist ends the command at once (exit 2), before the model loads:
    nothing would be processed for it."""
    from allegiance.ingest import missing_paths

    missing = missing_paths(paths)
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise UserError(f"{missing[0]}: no such file or directory{more}")


def _echo_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    text = render(rows, fmt)
    if text:
        click.echo(text)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(("jsonl", "json", "csv", "table", "plover"), default="jsonl")
@date_option("--published", "Publication date for inputs that carry none (YYYY-MM-DD).")
@confidence_option
@full_parse_option
@model_options
def extract(
    paths: tuple[str, ...],
    fmt: str,
    published: dt.datetime | None,
    min_confidence: float | None,
    **model: Any,
) -> None:
    """Events of PATHS (files, directories, or - for stdin) to stdout; no database."""
    from allegiance.ingest import ReadOptions, read_sources, why_not_english
    from allegiance.models import ReadProblem
    from allegiance.pipeline import Extractor

    require_paths(paths)
    extractor = Extractor(settings_of(**model))
    options = ReadOptions(default_published=published.date() if published else None)
    problems: list[ReadProblem] = []

    def articles():
        for item in read_sources(paths, options=options, stdin=sys.stdin.buffer):
            if isinstance(item, ReadProblem):
                problems.append(item)
                click.echo(f"skipped: {item}", err=True)
            elif (reason := why_not_english(item)) is None:
                yield item
            else:
                click.echo(f"skipped: {item.source}: {reason}", err=True)

    records: list[dict[str, Any]] = []
    cut = threshold(min_confidence)
    for extraction in extractor.extract(articles()):
        problem = extraction.problem()
        if problem is not None:
            problems.append(problem)
            click.echo(f"skipped: {problem}", err=True)
            continue
        batch = _event_output(extraction, fmt, cut)
        if fmt == "jsonl":
            for record in batch:
                click.echo(json.dumps(record, ensure_ascii=False))
        else:
            records.extend(batch)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "plover":
        click.echo(render(records, "jsonl"))
    elif fmt in ("csv", "table"):
        click.echo(render([flatten_event(r) for r in records], fmt))
    sys.exit(EXIT_PROBLEMS if problems else 0)


def _event_output(extraction: Any, fmt: str, cut: float) -> list[dict[str, Any]]:
    events = [e for e in extraction.events if e.confidence >= cut]
    if fmt == "plover":
        from allegiance.events.plover import plover_records

        return plover_records(events, extraction.article)
    return [e.to_dict() for e in events]


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@date_option("--published", "Publication date for inputs that carry none (YYYY-MM-DD).")
@click.option("--force", is_flag=True, help="Re-extract articles that are already stored.")
@click.option(
    "--no-dedup", is_flag=True, help="Extract near-duplicate (syndicated) copies like originals."
)
@click.option("--commit-every", default=32, show_default=True, help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="Only errors: no progress bar, no summary line.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Local worker processes for extraction.",
)
@click.option(
    "--ray",
    "ray_address",
    is_flag=False,
    flag_value="local",
    default=None,
    metavar="[ADDRESS]",
    help="Extract on Ray: a local cluster, or the cluster at ADDRESS.",
)
@click.option(
    "--ray-out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the Ray job writes its Parquet shards (default: beside the store).",
)
@format_option(("text", "json"), default="text")
@full_parse_option
@model_options
def ingest(
    paths: tuple[str, ...],
    fmt: str,
    db: Path,
    published: dt.datetime | None,
    force: bool,
    no_dedup: bool,
    commit_every: int,
    quiet: bool,
    workers: int,
    ray_address: str | None,
    ray_out: Path | None,
    **model: Any,
) -> None:
    """Read PATHS (files, directories, - for stdin) into the store."""
    from allegiance.batch import IngestOptions
    from allegiance.batch import ingest as run_ingest
    from allegiance.ingest import ReadOptions
    from allegiance.pipeline import Extractor
    from allegiance.store import Store

    require_paths(paths)
    read = ReadOptions(default_published=published.date() if published else None)
    options = IngestOptions(
        commit_every=max(1, commit_every), force=force, near_duplicates=not no_dedup, read=read
    )
    settings = settings_of(workers=workers, **model)
    started = time.perf_counter()
    if ray_address:
        out = ray_out or db.with_name(db.stem + "-shards")
        _run_ray(paths, out, settings, read, workers, ray_address)
        _attach(out, db, options, settings, started, fmt=fmt)
        return
    extractor = Extractor(settings)
    with Store(db) as store, _Progress(enabled=not quiet) as progress:
        stats = run_ingest(
            paths, store=store, extractor=extractor, options=options, on_progress=progress.update
        )
    _print_summary(stats, db, time.perf_counter() - started, quiet=quiet, fmt=fmt)
    sys.exit(EXIT_PROBLEMS if stats.problems else 0)


def _run_ray(
    paths: Sequence[str], out: Path, settings: Settings, read: Any, workers: int, address: str
) -> None:
    from allegiance.scale.ray_job import RayOptions, run_ray

    options = RayOptions(address=None if address == "local" else address, workers=workers)
    click.echo(f"extracting on Ray ({address}, {workers} workers) into {out} ...", err=True)
    run_ray(paths, out_dir=out, settings=settings, read=read, options=options)


def _attach(
    shards: Path, db: Path, options: Any, settings: Settings, started: float, *, fmt: str = "text"
) -> None:
    from allegiance.batch import store_extractions
    from allegiance.pipeline import Extractor
    from allegiance.scale.shards import read_shards
    from allegiance.store import Store

    lookup = Extractor(settings).actor_record
    with Store(db) as store:
        stats = store_extractions(
            read_shards(shards), store=store, options=options, actor_lookup=lookup
        )
    _print_summary(stats, db, time.perf_counter() - started, fmt=fmt)
    sys.exit(EXIT_PROBLEMS if stats.problems else 0)


def _stats_record(stats: IngestStats, db: Path, seconds: float) -> dict[str, Any]:
    data = dataclasses.asdict(stats)
    data["problems"] = [str(p) for p in stats.problems]
    data.update(seconds=round(seconds, 2), db=str(db))
    return data


def _sentence_summary(stats: IngestStats) -> str:
    """ "sentences: 410 parsed, 290 skipped (41%)", or that nothing was skipped."""
    total = stats.sentences_parsed + stats.sentences_skipped
    if not stats.sentences_skipped:
        return f"sentences: {total} parsed"
    share = 100 * stats.sentences_skipped / total
    return (
        f"sentences: {stats.sentences_parsed} parsed, {stats.sentences_skipped} skipped "
        f"({share:.0f}%, by the fast path)"
    )


@click.command()
@click.argument("shards", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--force", is_flag=True, help="Replace articles that are already stored.")
@model_options
def attach(shards: Path, db: Path, force: bool, **model: Any) -> None:
    """Bring the Parquet shards of a Ray job (a directory) into the store."""
    from allegiance.batch import IngestOptions

    _attach(shards, db, IngestOptions(force=force), settings_of(**model), time.perf_counter())


class _Progress:
    """A progress line on stderr: articles read, stored, events found, articles/s."""

    def __init__(self, *, enabled: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.enabled = enabled
        self.started = time.perf_counter()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
            disable=not enabled,
        )
        self._task = self._progress.add_task("starting", total=None)

    def __enter__(self) -> _Progress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def update(self, stats: IngestStats) -> None:
        rate = stats.read / max(time.perf_counter() - self.started, 1e-9)
        text = (
            f"{stats.read} read · {stats.stored + stats.unchanged} done · "
            f"sentences {stats.sentences_parsed} parsed, {stats.sentences_skipped} skipped · "
            f"{stats.events} events · {rate:.1f} articles/s"
        )
        self._progress.update(self._task, description=text)


def _print_summary(
    stats: IngestStats, db: Path, seconds: float, *, quiet: bool = False, fmt: str = "text"
) -> None:
    """Each skipped input once; then the counts, unless ``quiet`` (errors only); with
    ``fmt="json"`` the counts go to stdout as one JSON object (per article too)."""
    for problem in stats.problems:
        click.echo(f"skipped: {problem}", err=True)
    if fmt == "json":
        click.echo(json.dumps(_stats_record(stats, db, seconds), ensure_ascii=False))
        return
    if quiet:
        return
    click.echo(
        f"{stats.read} articles read, {stats.stored} stored ({stats.duplicates} near-duplicates), "
        f"{stats.unchanged} already stored, {stats.skipped_language} not English, "
        f"{len(stats.problems)} inputs skipped, {stats.events} events; "
        f"{_sentence_summary(stats)}; {seconds:.1f}s -> {db}",
        err=True,
    )


@click.command()
@db_option
@date_option("--since", "Published on or after this date.")
@date_option("--until", "Published on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@format_option()
def articles(
    db: Path, since: dt.datetime | None, until: dt.datetime | None, limit: int | None, fmt: str
) -> None:
    """List stored articles."""
    from allegiance.store import Store

    with Store(db, read_only=True) as store:
        rows = store.articles(since=iso_date(since), until=iso_date(until), limit=limit)
    _echo_rows(rows, fmt)


@click.command()
@db_option
@click.option("--actor", help="Actor code on either side (e.g. USA).")
@click.option("--source", help="Actor code on the actor side.")
@click.option("--target", help="Actor code on the recipient side.")
@click.option("--type", "event_type", help="PLOVER event type (e.g. AID).")
@click.option("--factuality", default=None, help="Comma list; default: every factuality.")
@date_option("--since", "Reported on or after this date.")
@date_option("--until", "Reported on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@confidence_option
@format_option(("table", "json", "jsonl", "csv"))
def events(
    db: Path,
    actor: str | None,
    source: str | None,
    target: str | None,
    event_type: str | None,
    factuality: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    limit: int | None,
    min_confidence: float | None,
    fmt: str,
) -> None:
    """List stored events with their evidence sentence."""
    from allegiance.store import EventFilter, Store

    query = EventFilter(
        involving=actor,
        actor=source,
        recipient=target,
        types=(event_type,) if event_type else (),
        factuality=_split(factuality) or (),
        since=iso_date(since),
        until=iso_date(until),
        min_confidence=threshold(min_confidence),
    )
    with Store(db, read_only=True) as store:
        if actor or source or target:
            from allegiance.codes import check_codes, known_actors

            check_codes((actor, source, target), known_actors(store))
        records = [e.to_dict() for e in store.events(query, limit=limit)]
    rows = records if fmt in ("json", "jsonl") else [flatten_event(r) for r in records]
    _echo_rows(rows, fmt)


def _split(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(v.strip().lower() for v in value.split(",") if v.strip())


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None)
@format_option()
def actors(db: Path, limit: int | None, fmt: str) -> None:
    """List the actors found in the store, with mention counts."""
    from allegiance.store import Store

    with Store(db, read_only=True) as store:
        rows = store.actors(limit=limit)
    _echo_rows(rows, fmt)


@click.command()
@click.argument("code")
@format_option(("table", "json"))
@model_options
def actor(code: str, fmt: str, **model: Any) -> None:
    """Show one actor of the knowledge base: names, aliases, roles."""
    from allegiance.actors import load_kb
    from allegiance.codes import close_matches
    from allegiance.errors import UnknownActorError

    kb = load_kb(settings_of(**model))
    info = kb.describe(code)
    if info is None:
        known = {c: a.name for c, a in kb.actors.items()}
        raise UnknownActorError(code, close_matches(code, known))
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
    else:
        for key, value in info.items():
            click.echo(f"{key:>10}: {_plain(value)}")


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return "" if value is None else str(value)


EXPORT_FORMATS = ["parquet", "jsonl", "csv", "plover", "graphml", "gexf", "gdelt"]


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="parquet: a directory of tables; jsonl/csv/plover: events; graphml/gexf: the relation "
    "graph; gdelt: a GDELT 2.0 event table (tab-separated).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output file (directory for parquet); default stdout.",
)
@confidence_option
def export(db: Path, fmt: str, out: Path | None, min_confidence: float | None) -> None:
    """Export the store (parquet: every stored row; the other formats: events at or above
    the confidence threshold)."""
    cut = threshold(min_confidence)
    try:
        _export(db, fmt, out, cut)
    except BrokenPipeError:
        raise  # a reader that stopped early: the group exits quietly
    except OSError as exc:  # the output cannot be written: a full disk, a missing directory
        where = exc.filename or out or "stdout"
        raise UserError(f"cannot write {where}: {exc.strerror or first_line(exc)}") from exc


def _export(db: Path, fmt: str, out: Path | None, cut: float) -> None:
    from allegiance import export as exporter
    from allegiance.graph.options import AnalysisOptions
    from allegiance.store import EventFilter, Store

    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            files = exporter.export_parquet(store, out or Path("allegiance-parquet"))
            click.echo(f"wrote {len(files)} tables to {files[0].parent}", err=True)
            return
        if fmt in ("graphml", "gexf", "gdelt"):
            count = _export_graph(store, fmt, out, AnalysisOptions(min_confidence=cut))
            click.echo(f"exported {count} {'rows' if fmt == 'gdelt' else 'edges'}", err=True)
            return
        writers = {
            "jsonl": exporter.write_jsonl,
            "csv": exporter.write_csv,
            "plover": exporter.write_plover,
        }
        query = EventFilter(include_duplicates=True, min_confidence=cut)
        with _open_out(out) as handle:
            count = writers[fmt](store, handle, query)
    click.echo(f"exported {count} events", err=True)


def _export_graph(
    store: Any, fmt: str, out: Path | None, options: Any = None, *, header: bool = False
) -> int:
    """For ``allegiance export --format graphml|gexf|gdelt``: to a file, or stdout if None."""
    from allegiance.graph.exports import export

    if out is not None:
        return export(store, fmt, out, options, header=header)
    stream = sys.stdout if fmt == "gdelt" else sys.stdout.buffer
    return export(store, fmt, stream, options, header=header)


class _open_out:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.handle: Any = None

    def __enter__(self) -> Any:
        self.handle = self.path.open("w", encoding="utf-8") if self.path else sys.stdout
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.path:
            self.handle.close()


COMMANDS = (extract, ingest, attach, articles, events, actors, actor, export)


def register(group: click.Group) -> None:
    """Add the core commands to the ``allegiance`` group."""
    for command in COMMANDS:
        group.add_command(command)
