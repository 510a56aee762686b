"""Scenario: what support remains for a recipient if one backer leaves."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from allegiance.graph.blocs import camps_from_relations
from allegiance.graph.flows import add_sentences, flows
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.relations import relations
from allegiance.store.filters import target_codes

if TYPE_CHECKING:
    from allegiance.store import Store

# Stated commitments: verbal support of any factuality but negated, and material help that is
# promised or conditional (future/hypothetical) rather than reported as done.
_VERBAL = ("SUPPORT", "AGREE")
_MATERIAL = ("AID", "COOPERATE")
_PROMISED = ("future", "hypothetical")


@dataclass(frozen=True, slots=True)
class Scenario:
    """The answer to "without X, what support for Y remains"; every part is a DataFrame."""

    without: str
    recipient: str
    donors: pd.DataFrame  # donor, amount_usd, share_before, share_after, events, evidence
    supporters: pd.DataFrame  # positive net relation toward the recipient; camp, same_camp
    commitments: pd.DataFrame  # stated future/conditional help, with sentences
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "donors": self.donors.to_dict("records"),
            "supporters": self.supporters.to_dict("records"),
            "commitments": self.commitments.to_dict("records"),
        }


def _donors(store: Store, options: AnalysisOptions, without: str, recipient: str) -> pd.DataFrame:
    aid = flows(store, options, recipient=recipient, by_mode=False, sentences=True)
    total = float(aid["amount_usd"].fillna(0).sum())
    out = aid.drop(columns=["mode", "recipient"]).copy()
    out["leaves"] = out["donor"] == without
    remaining = float(out.loc[~out["leaves"], "amount_usd"].fillna(0).sum())
    out["share_before"] = out["amount_usd"].fillna(0) / total if total else 0.0
    out["share_after"] = [
        (0.0 if leaves else (amount or 0.0) / remaining) if remaining else 0.0
        for leaves, amount in zip(out["leaves"], out["amount_usd"], strict=True)
    ]
    return out


def _supporters(
    store: Store, options: AnalysisOptions, without: str, recipient: str
) -> pd.DataFrame:
    rel = relations(store, options)
    toward = rel[(rel["target"] == recipient) & (rel["source"] != without) & (rel["net"] > 0)]
    columns = [
        "source",
        "source_name",
        "net",
        "stories",
        "mentions",
        "AID",
        "SUPPORT",
        "COOPERATE",
        "AGREE",
        "evidence",
    ]
    out = toward[columns].rename(columns={"source": "actor", "source_name": "name"})
    camps = camps_from_relations(rel)
    out.insert(2, "camp", [camps.get(code, 0) for code in out["actor"]])
    out.insert(3, "same_camp", out["camp"] == camps.get(recipient, -1))
    return out.sort_values(["net", "actor"], ascending=[False, True]).reset_index(drop=True)


# Who states a commitment: each of the event's actors (a speaker's stated support of the
# recipient is a SUPPORT event of the speaker, made by the extractor; a joint pledge is one
# event with all its actors); 'attributed' when that actor says so.


def _commitments(
    store: Store, options: AnalysisOptions, without: str, recipient: str
) -> pd.DataFrame:
    where = [
        "a.duplicate_of IS NULL",
        f"list_contains({target_codes('e')}, ?)",
        "e.factuality <> 'negated'",
        "(list_contains(?, e.event) OR (list_contains(?, e.event) "
        "AND list_contains(?, e.factuality)))",
    ]
    params: list[Any] = [recipient, list(_VERBAL), list(_MATERIAL), list(_PROMISED)]
    for op, value in ((">=", options.since_date), ("<=", options.until_date)):
        if value:
            where.append(f"coalesce(e.reported_date, a.published) {op} ?")
            params.append(value)
    return store.frame(
        f"""
        SELECT stated_by,
               CASE WHEN attributed_code = stated_by THEN 'attributed' ELSE 'actor' END
                   AS stated_how,
               actors, type, mode, factuality, reported, sentence, id, article_id, sentence_idx
        FROM (
            SELECT unnest(list_distinct(e.actor_codes)) AS stated_by, e.attributed_code,
                   e.actor_codes AS actors, e.event AS type, e.mode, e.factuality,
                   coalesce(e.reported_date, a.published) AS reported,
                   json_extract_string(e.record, '$.sentence.text') AS sentence,
                   e.id, e.article_id, e.sentence_idx
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {" AND ".join(where)})
        WHERE stated_by IS NOT NULL AND stated_by <> ? AND stated_by <> ?
        ORDER BY reported NULLS FIRST, article_id, sentence_idx, id""",
        [*params, without, recipient],
    )


def scenario(
    store: Store, options: AnalysisOptions | None = None, *, without: str, recipient: str
) -> Scenario:
    """Aid to ``recipient`` by donor with and without ``without``; remaining supporters;
    their stated commitments (future or conditional help, verbal support), with sentences."""
    options = options or AnalysisOptions()
    without, recipient = without.upper(), recipient.upper()
    donors = _donors(store, options, without, recipient)
    leaving = donors.loc[donors["leaves"], "amount_usd"].fillna(0).sum()
    total = donors["amount_usd"].fillna(0).sum()
    commitments = _commitments(store, options, without, recipient)
    summary = {
        "without": without,
        "recipient": recipient,
        "aid_total_usd": float(total),
        "aid_leaving_usd": float(leaving),
        "aid_remaining_usd": float(total - leaving),
        "remaining_share": float((total - leaving) / total) if total else None,
        "remaining_donors": sorted(donors.loc[~donors["leaves"], "donor"].tolist()),
        "committed": sorted(set(commitments["stated_by"].dropna())),
    }
    supporters = _supporters(store, options, without, recipient)
    return Scenario(
        without, recipient, donors, add_sentences(store, supporters), commitments, summary
    )
