"""Aid flows: AID stories donor -> recipient, in USD and counts, by mode, with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from allegiance.graph.options import AnalysisOptions
from allegiance.graph.relations import evidence
from allegiance.graph.sql import story_sql

if TYPE_CHECKING:
    from allegiance.store import Store

AID_MODES: tuple[str, ...] = ("military", "economic", "humanitarian")


# A promise of aid with a figure ("pledged $500 million in aid") is an AGREE in PLOVER.
PLEDGE = "(type = 'AGREE' AND amount_usd IS NOT NULL)"


def _where(donor: str | None, recipient: str | None, pledged: bool) -> tuple[str, list[Any]]:
    where, params = [f"(type = 'AID' OR {PLEDGE})" if pledged else "type = 'AID'"], []
    if donor:
        where.append("source = ?")
        params.append(donor.upper())
    if recipient:
        where.append("target = ?")
        params.append(recipient.upper())
    return " AND ".join(where), params


def flows(
    store: Store,
    options: AnalysisOptions | None = None,
    *,
    donor: str | None = None,
    recipient: str | None = None,
    by_mode: bool = True,
    sentences: bool = False,
    pledged: bool = False,
) -> pd.DataFrame:
    """Donor -> recipient aid: ``amount_usd`` sums one figure per story (a figure repeated by
    several articles counts once), ``stories``/``events`` count happenings and reports.

    An amount given for several donors or recipients at once is split equally between the
    pairs. Mode is military, economic, humanitarian or unspecified. ``pledged`` adds promises
    of aid with a figure (AGREE events), in rows of their own: ``status`` is "delivered" or
    "pledged".
    """
    where, params = _where(donor, recipient, pledged)
    status = (
        f"CASE WHEN {PLEDGE} THEN 'pledged' ELSE 'delivered' END AS status, " if pledged else ""
    )
    mode = (
        (
            f"coalesce(CASE WHEN mode IN ({', '.join(repr(m) for m in AID_MODES)}) "
            "THEN mode END, 'unspecified')"
        )
        if by_mode
        else "'all'"
    )
    query, all_params = story_sql(options or AnalysisOptions()).query(
        f"""SELECT source AS donor, target AS recipient, {status}{mode} AS mode,
               sum(amount_usd) AS amount_usd, count(amount_usd) AS figures,
               count(*) AS stories, CAST(sum(mentions) AS BIGINT) AS events,
               min(first_day) AS first_seen, max(last_day) AS last_seen,
               list_sort(flatten(list(evidence))) AS evidence
        FROM stories WHERE {where}
        GROUP BY ALL
        ORDER BY amount_usd DESC NULLS LAST, events DESC, donor, recipient, mode""",
        *params,
    )
    out = store.frame(query, all_params)
    return add_sentences(store, out) if sentences else out


def add_sentences(store: Store, table: pd.DataFrame, column: str = "evidence") -> pd.DataFrame:
    """A copy of ``table`` with a ``sentences`` column: the text behind each row's evidence."""
    out = table.copy()
    ids = {i for row in out[column] for i in (row if row is not None else ())}
    text = dict(evidence(store, ids)[["id", "sentence"]].itertuples(index=False)) if ids else {}
    out["sentences"] = [
        list(dict.fromkeys(text[i] for i in (row if row is not None else ()) if text.get(i)))
        for row in out[column]
    ]
    return out
