"""Dyadic relations: per ordered actor pair, story counts by PLOVER type and quad, net score."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from allegiance.graph.options import AnalysisOptions
from allegiance.graph.plover import QUADS
from allegiance.graph.sql import story_sql
from allegiance.models import EVENT_TYPES

if TYPE_CHECKING:
    from allegiance.store import Store

RELATION_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "source_name",
    "target_name",
    "stories",
    "mentions",
    "net",
    "mean_score",
    "amount_usd",
    "first_seen",
    "last_seen",
    *EVENT_TYPES,
    *QUADS,
    "evidence",
)


def _counts(column: str, names: Iterable[str]) -> str:
    # Names come from our own constants (EVENT_TYPES, QUADS), never from users.
    return ", ".join(f"count(*) FILTER (WHERE {column} = '{n}') AS \"{n}\"" for n in names)


def relations(store: Store, options: AnalysisOptions | None = None) -> pd.DataFrame:
    """One row per ordered (source, target) pair; counts are stories (reports deduplicated).

    ``net`` is the sum of the PLOVER scores of the pair's stories (one score per story),
    ``mentions`` the number of events behind them, ``evidence`` their event ids.
    """
    sql = story_sql(options or AnalysisOptions())
    query, params = sql.query(
        f"""SELECT s.source, s.target, sa.name AS source_name, ta.name AS target_name,
               count(*) AS stories, CAST(sum(s.mentions) AS BIGINT) AS mentions,
               sum(s.score) AS net,
               avg(s.score) AS mean_score, sum(s.amount_usd) AS amount_usd,
               min(s.first_day) AS first_seen, max(s.last_day) AS last_seen,
               {_counts("s.type", EVENT_TYPES)}, {_counts("s.quad", QUADS)},
               list_sort(flatten(list(s.evidence))) AS evidence
        FROM stories s
        LEFT JOIN actors sa ON sa.code = s.source
        LEFT JOIN actors ta ON ta.code = s.target
        GROUP BY s.source, s.target, sa.name, ta.name
        ORDER BY s.source, s.target"""
    )
    return store.frame(query, params)


def stories(store: Store, options: AnalysisOptions | None = None) -> pd.DataFrame:
    """One row per story (a happening, however many articles reported it)."""
    query, params = story_sql(options or AnalysisOptions()).query(
        """SELECT source, target, type, mode, quad, score, first_day, last_day, amount_usd,
               amount_kind, mentions, evidence
        FROM stories ORDER BY first_day NULLS FIRST, source, target, type, story_no"""
    )
    return store.frame(query, params)


def evidence(store: Store, event_ids: Iterable[str]) -> pd.DataFrame:
    """The events behind a number: id, article, dates, type, factuality and sentence text."""
    ids = sorted({str(i) for i in event_ids})
    return store.frame(
        """SELECT e.id, e.article_id, a.published, a.title, a.url, e.event AS type, e.mode,
               e.factuality, e.actor_codes, e.recipient_codes, e.attributed_code,
               e.amount_usd, e.event_date,
               json_extract_string(e.record, '$.sentence.text') AS sentence,
               a.duplicate_of
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.id IN (SELECT unnest(?))
        ORDER BY a.published NULLS FIRST, e.article_id, e.sentence_idx, e.id""",
        [ids],
    )
