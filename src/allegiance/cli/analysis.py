"""Click commands of the analysis (relations, blocs, flows, shifts, scenario, brokers).

:mod:`allegiance.cli.main` calls :func:`register` on its group. Commands only parse
options, call :mod:`allegiance.graph` and render through :func:`allegiance.cli.output.render`.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from allegiance.cli.options import confidence_option, db_option, threshold
from allegiance.cli.output import render, table_width

if TYPE_CHECKING:
    import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])

_SUMMARY_COLUMNS = (
    "source",
    "target",
    "stories",
    "mentions",
    "net",
    "amount_usd",
    "first_seen",
    "last_seen",
)


def analysis_options(func: F) -> F:
    """--db, --since/--until, --include, --type, --actor, --window, --min-confidence, --format."""
    decorators = [
        db_option,
        click.option(
            "--since",
            type=click.DateTime(["%Y-%m-%d"]),
            default=None,
            help="Events on or after this date (event date, else report date).",
        ),
        click.option(
            "--until",
            type=click.DateTime(["%Y-%m-%d"]),
            default=None,
            help="Events on or before this date.",
        ),
        click.option(
            "--include",
            default=None,
            metavar="LIST",
            help="Also count these factualities besides asserted: "
            "hypothetical,future,historical,negated or all.",
        ),
        click.option(
            "--type",
            "types",
            default=None,
            metavar="LIST",
            help="Only these PLOVER types (comma list, e.g. AID,SUPPORT).",
        ),
        click.option(
            "--actor",
            "actors",
            default=None,
            metavar="LIST",
            help="Only dyads with one of these actor codes on either side.",
        ),
        click.option(
            "--window",
            type=click.IntRange(min=0),
            default=7,
            show_default=True,
            help="Days within which reports of one happening count once.",
        ),
        click.option(
            "--stated-support/--no-stated-support",
            default=True,
            show_default=True,
            help="Count stated support: X's statement that its side helps Y, as X SUPPORT Y.",
        ),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "json", "csv"]),
            default="table",
            show_default=True,
            help="Output format.",
        ),
    ]
    decorators.insert(-1, confidence_option)
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in (value or "").split(",") if v.strip())


def _options(
    since: dt.datetime | None,
    until: dt.datetime | None,
    include: str | None,
    types: str | None,
    actors: str | None,
    window: int,
    stated_support: bool = True,
    min_confidence: float | None = None,
) -> Any:
    from allegiance.graph.options import AnalysisOptions

    return AnalysisOptions.including(
        include,
        since=since.date() if since else None,
        until=until.date() if until else None,
        types=_codes(types),
        actors=_codes(actors),
        window_days=window,
        stated_support=stated_support,
        min_confidence=threshold(min_confidence),
    )


def _plain(value: Any) -> Any:
    if value is None or _missing(value):
        return None
    if isinstance(value, dt.date):  # pandas.Timestamp is a datetime, a date
        return value.isoformat()[:10]
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _missing(value: Any) -> bool:
    """NaN, NaT (a datetime whose isoformat is "NaT") and pandas' NA."""
    import pandas as pd

    try:
        return bool(pd.isna(value)) if not isinstance(value, list | tuple | dict) else False
    except (TypeError, ValueError):  # arrays: not one missing value
        return False


def rows_of(table: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame -> JSON-safe rows (ISO dates, None for NaN, plain lists)."""
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_dict("records")]


def _echo(table: pd.DataFrame, fmt: str) -> None:
    text = render(rows_of(table), fmt)
    if text:
        click.echo(text)


def _check(store: Any, *codes: str | None, filters: dict[str, Any] | None = None) -> None:
    """Unknown actor codes (a typo, a code never seen) end the command with close matches,
    not with an empty or a 100% answer."""
    given = [c for c in (*codes, *_codes((filters or {}).get("actors"))) if c]
    if given:
        from allegiance.codes import check_codes, known_actors

        check_codes(given, known_actors(store))


def _open(db: Path) -> Any:
    from allegiance.store import Store

    return Store(db, read_only=True)


def _type_summary(row: pd.Series) -> str:
    from allegiance.models import EVENT_TYPES

    return " ".join(f"{t}:{int(row[t])}" for t in EVENT_TYPES if row.get(t))


@click.command()
@analysis_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Strongest N pairs.")
def relations(db: Path, fmt: str, limit: int | None, **filters: Any) -> None:
    """Relations per ordered actor pair: stories by type and quad, net PLOVER score, amounts."""
    from allegiance.graph import relations as compute

    with _open(db) as store:
        _check(store, filters=filters)
        table = compute(store, _options(**filters))
    if limit:
        table = table.reindex(table["net"].abs().sort_values(ascending=False).index)[:limit]
    if fmt == "table" and not table.empty:
        table = table.assign(types=table.apply(_type_summary, axis=1))
        table = table[[*_SUMMARY_COLUMNS, "types"]]
    _echo(table, fmt)


@click.command()
@analysis_options
def blocs(db: Path, fmt: str, **filters: Any) -> None:
    """Camps from the signed relation graph: members, cohesion, strongest ties."""
    from allegiance.graph import blocs as compute

    with _open(db) as store:
        _check(store, filters=filters)
        table = compute(store, _options(**filters))
    _echo(table, fmt)


@click.command()
@analysis_options
@click.option("--from", "--donor", "donor", default=None, help="Donor actor code.")
@click.option("--to", "--recipient", "recipient", default=None, help="Recipient actor code.")
@click.option("--evidence/--no-evidence", default=False, help="Add the evidence sentences.")
@click.option("--pledged", is_flag=True, help="Add promised aid with a figure (status column).")
def flows(
    db: Path,
    fmt: str,
    donor: str | None,
    recipient: str | None,
    evidence: bool,
    pledged: bool,
    **filters: Any,
) -> None:
    """Aid flows donor -> recipient in USD and counts, by mode; a repeated figure counts once."""
    from allegiance.graph import flows as compute

    with _open(db) as store:
        _check(store, donor, recipient, filters=filters)
        table = compute(
            store,
            _options(**filters),
            donor=donor,
            recipient=recipient,
            sentences=evidence,
            pledged=pledged,
        )
    if fmt == "table" and evidence:  # the sentences are the evidence a reader wants
        table = table.drop(columns=["evidence"])
    _echo(table, fmt)


@click.command()
@analysis_options
@click.option(
    "--freq", type=click.Choice(["day", "week", "month"]), default="month", show_default=True
)
@click.option("--changes-only", is_flag=True, help="Only the periods where a relation turns.")
def shifts(db: Path, fmt: str, freq: str, changes_only: bool, **filters: Any) -> None:
    """Per-dyad time series of the net score, and where a relation changes sign."""
    from allegiance.graph import shifts as compute

    with _open(db) as store:
        _check(store, filters=filters)
        table = compute(store, _options(**filters), freq=freq, changes_only=changes_only)
    _echo(table, fmt)


@click.command()
@analysis_options
@click.option("--without", required=True, help="The backer that leaves (e.g. USA).")
@click.option("--for", "for_", required=True, help="The recipient (e.g. UKR).")
@click.option(
    "--part",
    type=click.Choice(["all", "donors", "supporters", "commitments"]),
    default="all",
    show_default=True,
    help="Which part to print (csv needs one).",
)
def scenario(db: Path, fmt: str, without: str, for_: str, part: str, **filters: Any) -> None:
    """What support remains for a recipient if one backer leaves."""
    from allegiance.graph import scenario as compute

    with _open(db) as store:
        _check(store, without, for_, filters=filters)
        result = compute(store, _options(**filters), without=without, recipient=for_)
    parts = {
        "donors": result.donors,
        "supporters": result.supporters,
        "commitments": result.commitments,
    }
    if part != "all":
        _echo(parts[part], fmt)
    elif fmt == "json":
        data = {"summary": result.summary, **{k: rows_of(v) for k, v in parts.items()}}
        click.echo(_json(data))
    elif fmt == "csv":
        raise click.UsageError(
            "--format csv prints one table: add --part donors|supporters|commitments"
        )
    else:
        _print_scenario(result.summary, parts)


def _json(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _print_scenario(summary: dict[str, Any], parts: dict[str, pd.DataFrame]) -> None:
    share = summary["remaining_share"]
    line = (
        f"Without {summary['without']}, aid to {summary['recipient']}: "
        f"{summary['aid_remaining_usd']:,.0f} USD of {summary['aid_total_usd']:,.0f} "
        f"remains ({'n/a' if share is None else f'{share:.0%}'}); donors left: "
        f"{', '.join(summary['remaining_donors']) or 'none'}; stated commitments by: "
        f"{', '.join(summary['committed']) or 'none'}"
    )
    click.echo(textwrap.fill(line, width=table_width()))
    columns = {
        "donors": ["donor", "amount_usd", "events", "share_before", "share_after", "sentences"],
        "supporters": ["actor", "name", "net", "stories", "sentences"],
        "commitments": ["stated_by", "type", "factuality", "reported", "sentence"],
    }
    for name, table in parts.items():
        click.echo(f"\n{name}:")
        _echo(table[columns[name]] if not table.empty else table, "table")


@click.command()
@analysis_options
@click.option("--limit", type=click.IntRange(min=1), default=None)
def brokers(db: Path, fmt: str, limit: int | None, **filters: Any) -> None:
    """Actors between camps: betweenness on the relation graph and ties across camps."""
    from allegiance.graph import brokers as compute

    with _open(db) as store:
        _check(store, filters=filters)
        table = compute(store, _options(**filters))
    _echo(table.head(limit) if limit else table, fmt)


COMMANDS = (relations, blocs, flows, shifts, scenario, brokers)


def register(group: click.Group) -> None:
    """Add the analysis commands to the ``allegiance`` group."""
    for command in COMMANDS:
        group.add_command(command)
