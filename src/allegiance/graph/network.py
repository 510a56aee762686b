"""The relation graph as networkx, and brokers (betweenness, ties across camps)."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from allegiance.graph.blocs import camps_from_relations
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.plover import QUADS
from allegiance.graph.relations import relations
from allegiance.models import EVENT_TYPES

if TYPE_CHECKING:
    from allegiance.store import Store

BROKER_COLUMNS: tuple[str, ...] = (
    "actor", "name", "camp", "betweenness", "partners", "ties_across", "friendly_across",
    "camps_touched",
)  # fmt: skip
EDGE_NUMBERS: tuple[str, ...] = ("stories", "mentions", "net", "mean_score", "amount_usd")


def _scalar(value: Any) -> Any:
    """A value GraphML/GEXF can hold (no None, no NaN, dates as ISO text)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.date):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value


def _edge_attrs(row: dict[str, Any]) -> dict[str, Any]:
    keys = (*EDGE_NUMBERS, "first_seen", "last_seen", *QUADS, *EVENT_TYPES)
    attrs = {k: _scalar(row.get(k)) for k in keys}
    attrs["amount_usd"] = attrs["amount_usd"] or 0.0
    return {k: v for k, v in attrs.items() if v is not None}


def graph_from_relations(rel: pd.DataFrame) -> nx.DiGraph:
    labels = camps_from_relations(rel)
    g = nx.DiGraph()
    names = {
        **dict(zip(rel["source"], rel["source_name"], strict=True)),
        **dict(zip(rel["target"], rel["target_name"], strict=True)),
    }
    for code in sorted(names):
        name = names[code] if isinstance(names[code], str) else code
        g.add_node(code, code=code, name=name, camp=int(labels.get(code, 0)))
    for row in rel.to_dict("records"):
        g.add_edge(row["source"], row["target"], **_edge_attrs(row))
    return g


def graph(store: Store, options: AnalysisOptions | None = None) -> nx.DiGraph:
    """Actors as nodes (code, name, camp), ordered relations as edges (counts, net, amount)."""
    return graph_from_relations(relations(store, options))


def brokers_from_relations(rel: pd.DataFrame) -> pd.DataFrame:
    g = graph_from_relations(rel)
    undirected = nx.Graph(g.to_undirected(as_view=False))
    betweenness = nx.betweenness_centrality(undirected, normalized=True) if len(g) > 2 else {}
    rows = []
    for code, data in sorted(g.nodes(data=True)):
        partners = set(undirected.neighbors(code))
        across = [p for p in partners if g.nodes[p]["camp"] != data["camp"]]
        friendly = [p for p in across if _tie(g, code, p) > 0]
        rows.append(
            {
                "actor": code,
                "name": data["name"],
                "camp": data["camp"],
                "betweenness": float(betweenness.get(code, 0.0)),
                "partners": len(partners),
                "ties_across": len(across),
                "friendly_across": sorted(friendly),
                "camps_touched": len({g.nodes[p]["camp"] for p in partners} | {data["camp"]}),
            }
        )
    out = pd.DataFrame(rows, columns=list(BROKER_COLUMNS))
    if out.empty:
        return out
    order = ["betweenness", "ties_across", "actor"]
    return out.sort_values(order, ascending=[False, False, True]).reset_index(drop=True)


def _tie(g: nx.DiGraph, a: str, b: str) -> float:
    return sum(
        float(g.edges[u, v].get("net", 0.0)) for u, v in ((a, b), (b, a)) if g.has_edge(u, v)
    )


def brokers(store: Store, options: AnalysisOptions | None = None) -> pd.DataFrame:
    """Actors ranked by betweenness on the (undirected) relation graph, with their ties to
    other camps; ``friendly_across`` lists partners in other camps they are on good terms with."""
    return brokers_from_relations(relations(store, options))
