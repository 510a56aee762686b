"""``allegiance evaluate``: score extraction against gold, printed as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from allegiance.cli.options import format_option, model_options, settings_of


@click.command()
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

    settings = settings_of(**model)
    report = (
        scorer.run_contrast(gold, settings=settings)
        if contrast
        else scorer.run(gold, settings=settings, half=half)
    )
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(scorer.render_table(report))


def register(group: click.Group) -> None:
    """Add ``evaluate`` to the ``allegiance`` group."""
    group.add_command(evaluate)
