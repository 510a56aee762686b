"""The SQL every analysis starts from: filtered events -> dyad mentions -> stories.

All user values travel as parameters; the only text spliced into SQL is ours (PLOVER type names
from :data:`allegiance.models.EVENT_TYPES`, quad names, column lists). A mention is one
(event, actor code, recipient code); a story is the mentions of one happening (see
``AnalysisOptions``); syndicated copies (``articles.duplicate_of``) are always left out.
The queries run through ``Store.frame``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from allegiance.graph.options import AnalysisOptions
from allegiance.graph.plover import tables
from allegiance.store.filters import target_codes

# The event day: the event date when known to the day, else the report/publication date.
_DAY = (
    "coalesce(CASE WHEN length(e.event_date) = 10 THEN try_cast(e.event_date AS DATE) END, "
    "e.reported_date, a.published)"
)
_STORY_KEY = "source, target, type, mode_key, amount_key"


@dataclass(slots=True)
class Sql:
    """A growing WITH clause and its parameters, in order."""

    ctes: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, name: str, body: str, *params: Any) -> None:
        self.ctes.append(f"{name} AS ({body})")
        self.params.extend(params)

    def query(self, select: str, *params: Any) -> tuple[str, list[Any]]:
        return f"WITH {', '.join(self.ctes)}\n{select}", [*self.params, *params]


def _lookup_tables(sql: Sql) -> None:
    table = tables()
    rows = table.score_rows()
    values = ", ".join("(?, ?, CAST(? AS DOUBLE))" for _ in rows)
    sql.add(
        "plover_scores",
        f"SELECT * FROM (VALUES {values}) t(type, mode, score)",
        *(v for row in rows for v in row),
    )
    quads = sorted(table.quad.items())
    values = ", ".join("(?, ?)" for _ in quads)
    sql.add(
        "plover_quads",
        f"SELECT * FROM (VALUES {values}) t(type, quad)",
        *(v for row in quads for v in row),
    )


def _event_filter(options: AnalysisOptions) -> tuple[str, list[Any]]:
    where = [
        "a.duplicate_of IS NULL",
        "list_contains(?, e.factuality)",
        "coalesce(e.confidence, 1.0) >= ?",
    ]
    params: list[Any] = [list(options.factualities), options.min_confidence]
    if options.types:
        where.append("list_contains(?, e.event)")
        params.append(list(options.types))
    if not options.stated_support:
        where.append(f"NOT coalesce({STATED_SUPPORT}, false)")
    return " AND ".join(where), params


def _events_cte(sql: Sql, options: AnalysisOptions) -> None:
    where, params = _event_filter(options)
    sql.add(
        "ev",
        f"""SELECT e.id, e.article_id, e.event AS type, e.mode,
               coalesce(e.quad, q.quad) AS quad, e.actor_codes,
               {target_codes("e")} AS recipient_codes, coalesce(e.mutual, false) AS mutual,
               e.factuality, e.attributed_code, e.amount_usd, e.amount_kind,
               e.sentence_idx, {_DAY} AS day,
               coalesce(ms.score, bs.score, 0.0) AS score
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN plover_quads q ON q.type = e.event
        LEFT JOIN plover_scores ms ON ms.type = e.event AND ms.mode = e.mode
        LEFT JOIN plover_scores bs ON bs.type = e.event AND bs.mode = ''
        WHERE {where}""",
        *params,
    )


# A stated support: a SUPPORT event its own actor is the source of ("X said Europe would keep
# helping Y", "X said Y should be supported"); the extractor makes these (events/stance.py).
STATED_SUPPORT = "(e.event = 'SUPPORT' AND list_contains(e.actor_codes, e.attributed_code))"


def _codes(column: str) -> str:
    """The distinct codes of a list column, or [NULL] when empty (one row survives unnest)."""
    return (
        f"CASE WHEN coalesce(len({column}), 0) = 0 THEN [NULL::VARCHAR] "
        f"ELSE list_distinct({column}) END"
    )


def _dyad_ctes(sql: Sql, options: AnalysisOptions, *, pairs_only: bool) -> None:
    sql.add(
        "src",
        f"SELECT *, unnest({_codes('actor_codes')}) AS source, "
        "greatest(len(list_distinct(actor_codes)), 1) AS n_src FROM ev",
    )
    sql.add(
        "dy",
        f"SELECT *, unnest({_codes('recipient_codes')}) AS target, "
        "greatest(len(list_distinct(recipient_codes)) - CAST(mutual AS INTEGER), 1) AS n_tgt "
        "FROM src",
    )
    where = ["(source IS NULL OR target IS NULL OR source <> target)"]
    params: list[Any] = []
    if pairs_only:
        where.append("source IS NOT NULL AND target IS NOT NULL")
    if options.since_date:
        where.append("day >= ?")
        params.append(options.since_date)
    if options.until_date:
        where.append("day <= ?")
        params.append(options.until_date)
    if options.actors:
        where.append("(list_contains(?, source) OR list_contains(?, target))")
        params += [list(options.actors), list(options.actors)]
    sql.add(
        "dm",
        """SELECT *, amount_usd / (n_src * n_tgt) AS pair_usd,
               CASE WHEN amount_usd IS NULL THEN coalesce(mode, '') ELSE '*' END AS mode_key,
               -- the kind of a quantity without a USD figure ("four dead", "two systems")
               -- must not split reports of one happening (tests/data/stories)
               CASE WHEN amount_usd IS NULL THEN ''
                    ELSE coalesce(amount_kind, '') || ':' || CAST(round(amount_usd) AS VARCHAR)
               END AS amount_key
        FROM dy WHERE """
        + " AND ".join(where),
        *params,
    )


def _story_ctes(sql: Sql, options: AnalysisOptions) -> None:
    order = f"PARTITION BY {_STORY_KEY} ORDER BY day NULLS FIRST, id"
    sql.add(
        "marked",
        f"SELECT *, lag(day) OVER w AS prev_day, row_number() OVER w AS rn "
        f"FROM dm WINDOW w AS ({order})",
    )
    starts = (
        "CASE WHEN rn = 1 THEN 1 WHEN day IS NULL AND prev_day IS NULL THEN 0 "
        "WHEN day IS NULL OR prev_day IS NULL THEN 1 "
        "WHEN day - prev_day > ? THEN 1 ELSE 0 END"
    )
    sql.add(
        "mentions",
        f"SELECT *, sum({starts}) OVER ({order} ROWS UNBOUNDED PRECEDING) AS story_no FROM marked",
        options.window_days,
    )
    sql.add(
        "stories",
        f"""SELECT {_STORY_KEY}, story_no,
               arg_min(mode, struct_pack(d := day, i := id)) FILTER (WHERE mode IS NOT NULL)
                   AS mode,
               any_value(quad) AS quad, avg(score) AS score,
               min(day) AS first_day, max(day) AS last_day,
               max(pair_usd) AS amount_usd, any_value(amount_kind) AS amount_kind,
               count(*) AS mentions, list_sort(list(id)) AS evidence
        FROM mentions GROUP BY {_STORY_KEY}, story_no""",
    )


def story_sql(options: AnalysisOptions, *, pairs_only: bool = True) -> Sql:
    """WITH clause defining ``mentions`` (one row per event and dyad) and ``stories``."""
    sql = Sql()
    _lookup_tables(sql)
    _events_cte(sql, options)
    _dyad_ctes(sql, options, pairs_only=pairs_only)
    _story_ctes(sql, options)
    return sql
