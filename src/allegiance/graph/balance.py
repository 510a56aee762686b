"""Signed community detection: correlation clustering plus the "enemy of my enemy" completion.

Deterministic: nodes are visited in a fixed order (strongest first, then by code) and ties are
broken by cluster number, so the same relations always give the same camps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

Pair = tuple[str, str]
Adjacency = dict[str, dict[str, float]]

_EPS = 1e-9
_MAX_PASSES = 50


def adjacency(weights: Mapping[Pair, float]) -> Adjacency:
    """Symmetric adjacency of an undirected signed graph (zero weights keep the node)."""
    adj: Adjacency = defaultdict(dict)
    for (a, b), w in weights.items():
        if a == b:
            continue
        adj[a][b] = adj[a].get(b, 0.0) + w
        adj[b][a] = adj[b].get(a, 0.0) + w
    return dict(adj)


def node_order(adj: Adjacency) -> list[str]:
    return sorted(adj, key=lambda n: (-sum(abs(w) for w in adj[n].values()), n))


def _pull(adj: Adjacency, node: str, labels: Mapping[str, int]) -> dict[int, float]:
    """Sum of the node's tie weights into every cluster it touches."""
    pull: dict[int, float] = defaultdict(float)
    for other, w in adj[node].items():
        if other in labels:
            pull[labels[other]] += w
    return pull


def _greedy(adj: Adjacency, order: list[str]) -> dict[str, int]:
    labels: dict[str, int] = {}
    next_label = 0
    for node in order:
        pull = _pull(adj, node, labels)
        best = max(pull.items(), key=lambda kv: (kv[1], -kv[0]), default=(None, 0.0))
        if best[0] is not None and best[1] > _EPS:
            labels[node] = best[0]
        else:
            labels[node] = next_label
            next_label += 1
    return labels


def _local_moves(adj: Adjacency, order: list[str], labels: dict[str, int]) -> None:
    """Move single nodes while that lowers disagreement (a fixed point of 1-node moves)."""
    for _ in range(_MAX_PASSES):
        moved = False
        for node in order:
            own = labels[node]
            pull = _pull(adj, node, labels)
            fresh = max(labels.values()) + 1
            options = {**pull, fresh: 0.0}
            target = max(options.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            if options[target] > pull.get(own, 0.0) + _EPS:
                labels[node] = target
                moved = True
        if not moved:
            return


def _cluster_weights(adj: Adjacency, labels: Mapping[str, int]) -> dict[int, dict[int, float]]:
    """Total tie weight between every two clusters (symmetric)."""
    total: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for a, row in adj.items():
        for b, w in row.items():
            if labels[a] != labels[b]:
                total[labels[a]][labels[b]] += w
    return total


def _best_merge(labels: Mapping[str, int], weights: dict[int, dict[int, float]]) -> Pair | None:
    clusters = sorted(set(labels.values()))
    enemies = {c: {d for d, w in weights[c].items() if w < -_EPS} for c in clusters}
    best: tuple[tuple[float, float], Pair] | None = None
    for i, a in enumerate(clusters):
        if not enemies[a]:
            continue
        for b in clusters[i + 1 :]:
            ab = weights[a].get(b, 0.0)
            common = enemies[a] & enemies[b]
            if ab < -_EPS or not common:
                continue
            strength = sum(min(-weights[a][c], -weights[b][c]) for c in common)
            if best is None or (ab, strength) > best[0]:
                best = ((ab, strength), (str(a), str(b)))
    return best[1] if best else None


def _complete(adj: Adjacency, labels: dict[str, int]) -> None:
    """Merge non-hostile clusters that share an enemy: the enemy of my enemy is my friend."""
    while True:
        pair = _best_merge(labels, _cluster_weights(adj, labels))
        if pair is None:
            return
        keep, gone = int(pair[0]), int(pair[1])
        for node, label in labels.items():
            if label == gone:
                labels[node] = keep


def _renumber(labels: Mapping[str, int]) -> dict[str, int]:
    """Camps numbered 1.. by size (largest first), then by their first member's code."""
    members: dict[int, list[str]] = defaultdict(list)
    for node, label in labels.items():
        members[label].append(node)
    ranked = sorted(members.values(), key=lambda m: (-len(m), min(m)))
    return {node: rank for rank, group in enumerate(ranked, 1) for node in group}


def partition(weights: Mapping[Pair, float], *, complete: bool = True) -> dict[str, int]:
    """Camp number (1..) of every node of the signed graph given by pair weights."""
    adj = adjacency(weights)
    order = node_order(adj)
    labels = _greedy(adj, order)
    _local_moves(adj, order, labels)
    if complete:
        _complete(adj, labels)
    return _renumber(labels)


def disagreement(weights: Mapping[Pair, float], labels: Mapping[str, int]) -> float:
    """Share of absolute tie weight the partition contradicts (0 = perfectly balanced)."""
    bad = total = 0.0
    for (a, b), w in weights.items():
        same = labels.get(a) == labels.get(b)
        total += abs(w)
        if (w > 0 and not same) or (w < 0 and same):
            bad += abs(w)
    return bad / total if total else 0.0


def members_of(labels: Mapping[str, int]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for node in sorted(labels):
        groups[labels[node]].append(node)
    return dict(sorted(groups.items()))


def pairs(items: Iterable[str]) -> list[Pair]:
    ordered = sorted(items)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
