"""``allegiance evaluate``: score extraction against gold, printed as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from allegiance.cli.options import format_option, full_parse_option, model_options, settings_of


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
@click.option(
    "--articles",
    type=click.Path(exists=True, path_type=Path),
    help="The stories a document-level gold refers to (its texts).",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default=None,
    help="Score one split of split.json beside a document-level gold.",
)
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score saved `extract --format jsonl` output instead of extracting.",
)
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Saved `extract --format jsonl` output of another run: also report its scores and "
    "the difference, with a paired bootstrap interval over the stories.",
)
@click.option(
    "--negatives",
    type=click.Path(exists=True, path_type=Path),
    help="Non-political articles: also report the events they yield per article.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Events below this confidence do not count (default: the settings' threshold).",
)
@click.option(
    "--strict-codes",
    is_flag=True,
    help="Compare the gold's own codes (groups, organs) instead of the coder's convention "
    "(a group as its country, an organ as its organisation).",
)
@full_parse_option
@model_options
def evaluate(
    gold: Path,
    fmt: str,
    contrast: bool,
    half: str | None,
    articles: Path | None,
    split: str | None,
    predictions: Path | None,
    baseline: Path | None,
    negatives: Path | None,
    min_confidence: float | None,
    strict_codes: bool,
    **model: Any,
) -> None:
    """Score extraction against a gold file: a document-level real-news gold (JSON lines,
    with --articles), PLOVER GSR JSON, or a contrast set (--contrast)."""
    from allegiance import evaluate as scorer
    from allegiance import evaluate_docs

    settings = settings_of(**model)
    if evaluate_docs.is_doc_gold(gold) and not contrast:
        if articles is None:
            raise click.UsageError("a document-level gold needs --articles (the story texts)")
        options = evaluate_docs.DocEvalOptions(
            articles=articles,
            split=split,
            predictions=predictions,
            baseline=baseline,
            negatives=negatives,
            threshold=settings.min_confidence if min_confidence is None else min_confidence,
            coder_codes=not strict_codes,
        )
        report = evaluate_docs.run_docs(gold, options=options, settings=settings)
        text = render_doc_table(report)
    elif baseline is not None:
        raise click.UsageError("--baseline compares runs on a document-level gold")
    elif contrast:
        report = scorer.run_contrast(gold, settings=settings)
        text = render_table(report)
    else:
        report = scorer.run(gold, settings=settings, half=half)
        text = render_table(report)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(text)


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


def _row(name: str, s: Mapping[str, Any]) -> str:
    return (f"{name:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
            f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")  # fmt: skip


def render_doc_table(report: Mapping[str, Any]) -> str:
    """A plain-text table of a report of :func:`allegiance.evaluate_docs.run_docs`."""
    from allegiance.evaluate_docs import LEVELS

    head = f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines = [f"stories {report['stories']}, confidence >= {report['threshold']}", head]
    lines += [_row(level, report[level]) for level in (*LEVELS, "factual_only")]
    if report.get("event_interval"):
        lines.append(_interval_line(report["event_interval"]))
    for name in ("factuality_accuracy", "attribution_accuracy"):
        value = report[name]
        shown = "-" if value is None else f"{value:.3f}"
        lines.append(f"{name:<22}{shown:>6}  (on {report['matched']} matched events)")
    if report.get("factuality_errors"):
        lines.append(_factuality_errors_line(report["factuality_errors"]))
    lines += ["", f"{'type':<14}" + head[14:]]
    lines += [_row(kind, s) for kind, s in report["per_type"].items()]
    lines += ["", f"{'confidence':<14}" + head[14:]]
    lines += [_row(f">= {c['threshold']:.1f}", c) for c in report["curve"]]
    lines.append(_average_precision_line(report))
    if report.get("reliability"):
        lines += ["", *_reliability_lines(report["reliability"])]
    if "baseline" in report:
        lines += ["", *_baseline_lines(report["baseline"])]
    if "negatives" in report:
        lines += ["", _negatives_line(report)]
    return "\n".join(lines) + "\n"


_EVENT_FIGURES = (("precision", "P"), ("recall", "R"), ("f1", "F1"))


def _interval_line(interval: Mapping[str, Any]) -> str:
    shown = ", ".join(
        f"{label} {interval[name][0]:.3f}-{interval[name][1]:.3f}" for name, label in _EVENT_FIGURES
    )
    return (f"event, {interval['level']:.0%} interval over the stories "
            f"({interval['resamples']} bootstrap resamples): {shown}")  # fmt: skip


def _baseline_lines(baseline: Mapping[str, Any]) -> list[str]:
    diff = baseline["difference"]
    if diff is None:
        return [_row("baseline", baseline["event"])]
    parts = []
    for name, label in _EVENT_FIGURES:
        lo, hi = diff[name]["interval"]
        parts.append(f"{label} {diff[name]['difference']:+.3f} ({lo:+.3f} to {hi:+.3f})")
    return [
        _row("baseline", baseline["event"]),
        f"this run minus the baseline, {diff['level']:.0%} paired interval over the stories: "
        + ", ".join(parts),
    ]


def _average_precision_line(report: Mapping[str, Any]) -> str:
    def shown(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    over_gold = shown(report.get("average_precision"))
    over_found = shown(report.get("ranking_average_precision"))
    return f"average precision {over_gold} over the gold keys, {over_found} over the keys found"


def _reliability_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = [f"{'reliability':<14}{'keys':>6}{'mean':>7}{'right':>7}"]
    lines += [f"{r['bin']:<14}{r['n']:>6}{r['predicted']:>7.3f}{r['observed']:>7.3f}" for r in rows]
    return lines


def _factuality_errors_line(errors: Sequence[Mapping[str, Any]]) -> str:
    pairs = ", ".join(f"{e['gold']} -> {e['found']} {e['count']}" for e in errors)
    return f"factuality errors (gold -> found): {pairs}"


def _negatives_line(report: Mapping[str, Any]) -> str:
    neg = report["negatives"]
    return (f"non-political articles {neg['articles']}: {neg['events_per_article']:.3f} events, "
            f"{neg['asserted_per_article']:.3f} asserted per article, "
            f"{neg['articles_with_events']} with any")  # fmt: skip


def register(group: click.Group) -> None:
    """Add ``evaluate`` to the ``allegiance`` group."""
    group.add_command(evaluate)
