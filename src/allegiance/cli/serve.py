"""``allegiance serve``: the click command, registered on the main group by ``register``."""

from __future__ import annotations

from pathlib import Path

import click

from allegiance.cli.options import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="ALLEGIANCE_TOKEN",
    default=None,
    help="Enable POST /api/articles, requiring 'Authorization: Bearer TOKEN' "
    "(env ALLEGIANCE_TOKEN). Without it the store is opened read-only.",
)
def serve(db: Path, host: str, port: int, token: str | None) -> None:
    """Serve the HTTP API and the web UI (open http://HOST:PORT/)."""
    from allegiance.api import check_port
    from allegiance.api import serve as run

    if not token and not db.exists():
        raise click.UsageError(f"{db}: no such store (run `allegiance ingest --db {db}` first)")
    check_port(host, port)
    click.echo(f"allegiance: http://{host}:{port}/  (API docs at /docs; Ctrl-C to stop)", err=True)
    run(db, host=host, port=port, token=token)


def register(group: click.Group) -> None:
    """Add ``serve`` to the ``allegiance`` command group."""
    group.add_command(serve)
