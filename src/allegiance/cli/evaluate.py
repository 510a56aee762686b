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
        click.echo(render_table(report))


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render_table(report: dict) -> str:
    """A plain-text table of a report of :func:`allegiance.evaluate.run` (or ``run_contrast``)."""
    from allegiance.evaluate import FLOORS

    lines = []
    headline = ["type_accuracy", "macro_f1", "actor_f1", "recipient_f1", "mode_accuracy",
                "location_accuracy", "factuality_accuracy", "attribution_accuracy",
                "event_found"]  # fmt: skip
    for key in headline:
        if key in report and report[key] is not None:
            floor = FLOORS.get(key)
            mark = "" if floor is None else ("  ok" if report[key] >= floor else "  BELOW")
            floor_text = f"  (floor {floor:.2f})" if floor is not None else ""
            lines.append(f"{key:<22}{_fmt(report[key]):>8}{floor_text}{mark}")
    if "per_type" in report:
        lines.append("")
        lines.append(f"{'type':<12}{'P':>8}{'R':>8}{'F1':>8}{'n':>6}")
        for kind, s in report["per_type"].items():
            lines.append(
                f"{kind:<12}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                f"{s['support']:>6}"
            )
    return "\n".join(lines) + "\n"


def register(group: click.Group) -> None:
    """Add ``evaluate`` to the ``allegiance`` group."""
    group.add_command(evaluate)
