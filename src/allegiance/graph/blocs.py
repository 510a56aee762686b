"""Camps (blocs): a partition of actors from the signed relation graph, with cohesion and ties."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import pandas as pd

from allegiance.graph.balance import Pair, disagreement, members_of, partition
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.relations import relations

if TYPE_CHECKING:
    from allegiance.store import Store

BLOC_COLUMNS: tuple[str, ...] = (
    "camp",
    "size",
    "members",
    "cohesion",
    "inside_positive",
    "inside_negative",
    "opposed_to",
    "strongest_inside",
    "strongest_across",
)
_TOP = 3


def signed_weights(rel: pd.DataFrame) -> dict[Pair, float]:
    """Undirected tie weight per actor pair: net score of both directions added."""
    weights: dict[Pair, float] = defaultdict(float)
    for source, target, net in rel[["source", "target", "net"]].itertuples(index=False):
        a, b = sorted((str(source), str(target)))
        weights[(a, b)] += float(net)
    return dict(weights)


def camps_from_relations(rel: pd.DataFrame) -> dict[str, int]:
    return partition(signed_weights(rel))


def camps(store: Store, options: AnalysisOptions | None = None) -> dict[str, int]:
    """Actor code -> camp number (1 = the largest camp)."""
    return camps_from_relations(relations(store, options))


def _tie(a: str, b: str, w: float) -> str:
    return f"{a}~{b} ({w:+.1f})"


def _strongest(ties: list[tuple[str, str, float]]) -> list[str]:
    ranked = sorted(ties, key=lambda t: (-abs(t[2]), t[0], t[1]))
    return [_tie(*t) for t in ranked[:_TOP]]


def _camp_row(
    camp: int, members: list[str], weights: dict[Pair, float], labels: dict[str, int]
) -> dict[str, object]:
    inside = [(a, b, w) for (a, b), w in weights.items() if labels[a] == labels[b] == camp]
    across = [
        (a, b, w)
        for (a, b), w in weights.items()
        if (labels[a] == camp) != (labels[b] == camp) and camp in (labels[a], labels[b])
    ]
    positive = sum(w for *_, w in inside if w > 0)
    negative = -sum(w for *_, w in inside if w < 0)
    toward: dict[int, float] = defaultdict(float)
    for a, b, w in across:
        toward[labels[b] if labels[a] == camp else labels[a]] += w
    return {
        "camp": camp,
        "size": len(members),
        "members": members,
        "cohesion": (positive - negative) / (positive + negative) if positive + negative else None,
        "inside_positive": positive,
        "inside_negative": negative,
        "opposed_to": sorted(c for c, w in toward.items() if w < 0),
        "strongest_inside": _strongest(inside),
        "strongest_across": _strongest(across),
    }


def blocs_from_relations(rel: pd.DataFrame) -> pd.DataFrame:
    weights = signed_weights(rel)
    labels = partition(weights)
    rows = [_camp_row(c, m, weights, labels) for c, m in members_of(labels).items()]
    out = pd.DataFrame(rows, columns=list(BLOC_COLUMNS))
    out.attrs["disagreement"] = disagreement(weights, labels)
    return out


def blocs(store: Store, options: AnalysisOptions | None = None) -> pd.DataFrame:
    """One row per camp: members, cohesion (-1..1 over inside ties), camps it opposes, and
    its strongest ties inside and across. ``attrs['disagreement']`` is the share of tie weight
    the partition contradicts (0 = perfectly balanced)."""
    return blocs_from_relations(relations(store, options))
