"""Shifts: per-dyad time series of the net score and the periods where a relation turns."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from allegiance.errors import ConfigError
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.sql import story_sql

if TYPE_CHECKING:
    from allegiance.store import Store

FREQS: tuple[str, ...] = ("day", "week", "month")

_WORD = "CASE {s} WHEN 1 THEN 'cooperative' WHEN -1 THEN 'hostile' ELSE 'neutral' END"


def _series_sql(options: AnalysisOptions, freq: str, changes_only: bool) -> tuple[str, list]:
    sql = story_sql(options)
    sql.add(
        "periods",
        """SELECT source, target, CAST(date_trunc(?, first_day) AS DATE) AS period,
               count(*) AS stories, sum(score) AS net,
               list_sort(flatten(list(evidence))) AS evidence,
               list_sort(flatten(list(evidence) FILTER (WHERE score > 0))) AS positive,
               list_sort(flatten(list(evidence) FILTER (WHERE score < 0))) AS negative
        FROM stories WHERE first_day IS NOT NULL GROUP BY ALL""",
        freq,
    )
    sql.add(
        "signed",
        """SELECT *, CAST(sign(net) AS INTEGER) AS sign,
               CAST(coalesce(last_value(nullif(sign(net), 0) IGNORE NULLS) OVER (
                   PARTITION BY source, target ORDER BY period
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS INTEGER)
                   AS previous_sign
        FROM periods""",
    )
    changed = "(sign <> 0 AND previous_sign <> 0 AND sign <> previous_sign)"
    return sql.query(
        f"""SELECT source, target, period, stories, net, evidence, sign, previous_sign,
               {changed} AS changed,
               CASE WHEN {changed} THEN {_WORD.format(s="previous_sign")} || ' -> ' ||
                   {_WORD.format(s="sign")} ELSE '' END AS change,
               CASE WHEN NOT {changed} THEN []::VARCHAR[] WHEN sign > 0 THEN positive
                   ELSE negative END AS drivers
        FROM signed {"WHERE " + changed if changes_only else ""}
        ORDER BY source, target, period"""
    )


def shifts(
    store: Store,
    options: AnalysisOptions | None = None,
    *,
    freq: str = "month",
    changes_only: bool = False,
) -> pd.DataFrame:
    """Per ordered dyad and period (day/week/month): stories, net score and evidence, with
    change detection: ``changed`` is true in the period where the net score's sign differs
    from the last non-zero period before it; ``drivers`` are that period's events whose score
    has the new sign."""
    if freq not in FREQS:
        raise ConfigError(f"unknown frequency {freq!r} (known: {', '.join(FREQS)})")
    query, params = _series_sql(options or AnalysisOptions(), freq, changes_only)
    return store.frame(query, params)


def series(
    store: Store, options: AnalysisOptions | None = None, *, freq: str = "month"
) -> pd.DataFrame:
    """The dyad time series alone (no change columns)."""
    table = shifts(store, options, freq=freq)
    return table[["source", "target", "period", "stories", "net", "evidence"]]
