"""Watch rules evaluated over the store: each rule lists its current *findings*.

A finding is a fact about the store the rule cares about, with a stable key and the ids of the
events behind it. The watcher compares the findings after a round with those it recorded before:
a key that was not there before is a shift, and becomes an alert. Every rule reads the analysis
layer (:mod:`allegiance.graph`): shifts for sign changes, camps for joins, stories for aid.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from allegiance import graph
from allegiance.graph.blocs import camps_from_relations
from allegiance.graph.options import AnalysisOptions
from allegiance.store import Store
from allegiance.store.queries import EventQuery
from allegiance.watch.config import Rule

_NOT_YET = ("hypothetical", "future")
_MAX_EVIDENCE = 12


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule sees in the store now; ``key`` is stable across runs."""

    rule: str
    kind: str
    key: str
    message: str
    subject: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()  # event ids: what changed first, then the context before
    before: tuple[str, ...] = ()  # event ids of the earlier state (sign change, first asserted)


def evaluate(store: Store, rules: Iterable[Rule]) -> dict[str, list[Finding]]:
    """The findings of every rule, by rule name."""
    return {rule.name: EVALUATORS[rule.kind](store, rule) for rule in rules}


def _options(rule: Rule, **changes: Any) -> AnalysisOptions:
    scope = tuple(dict.fromkeys([*rule.actors, *(c for pair in rule.dyads for c in pair)]))
    return AnalysisOptions(factualities=rule.include, actors=scope, **changes)


def _ids(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(v) for v in list(value)[:_MAX_EVIDENCE])


# -- sign change ------------------------------------------------------------------------------
def sign_changes(store: Store, rule: Rule) -> list[Finding]:
    """A watched dyad whose net score turns sign from one period to the next."""
    table = graph.shifts(store, _options(rule), freq=rule.freq)
    out = []
    for _key, rows in table.groupby(["source", "target"], sort=True):
        out += _dyad_changes(rule, rows.sort_values("period"))
    return out


def _dyad_changes(rule: Rule, rows: pd.DataFrame) -> list[Finding]:
    out, previous = [], None
    for row in rows.itertuples(index=False):
        source, target = str(row.source), str(row.target)
        if row.changed and rule.watches(source, target):
            period = str(pd.Timestamp(row.period).date())
            out.append(
                Finding(
                    rule=rule.name,
                    kind="sign_change",
                    key=f"sign_change|{source}|{target}|{period}|{row.change}",
                    message=f"{source} -> {target} turned {row.change} ({rule.freq} of {period})",
                    subject={
                        "source": source,
                        "target": target,
                        "period": period,
                        "change": row.change,
                        "net": float(row.net),
                    },
                    evidence=_ids(row.drivers),
                    before=_ids(previous.evidence) if previous is not None else (),
                )
            )
        if row.sign != 0:
            previous = row
    return out


# -- camp join --------------------------------------------------------------------------------
def camp_joins(store: Store, rule: Rule) -> list[Finding]:
    """Each actor in the camp of a watched actor (a new key = an actor that joined it)."""
    rel = graph.relations(store, AnalysisOptions(factualities=rule.include))
    labels = camps_from_relations(rel) if not rel.empty else {}
    out = []
    for anchor in rule.actors:
        if anchor not in labels:
            continue
        members = sorted(c for c, camp in labels.items() if camp == labels[anchor] and c != anchor)
        out += [_joined(rule, anchor, member, members, rel) for member in members]
    return out


def _joined(rule: Rule, anchor: str, member: str, members: list[str], rel: pd.DataFrame) -> Finding:
    camp = {anchor, *members}
    ties = rel[
        ((rel["source"] == member) & rel["target"].isin(camp))
        | ((rel["target"] == member) & rel["source"].isin(camp))
    ]
    positive = ties[ties["net"] > 0]
    ids = sorted({str(i) for ev in positive["evidence"] for i in (ev if ev is not None else ())})
    return Finding(
        rule=rule.name,
        kind="camp_join",
        key=f"camp_join|{anchor}|{member}",
        message=f"{member} is now in the camp of {anchor} ({', '.join(sorted(camp))})",
        subject={"actor": member, "camp_of": anchor, "camp": sorted(camp)},
        evidence=_ids(ids),
    )


# -- aid above an amount ----------------------------------------------------------------------
def aid_above(store: Store, rule: Rule) -> list[Finding]:
    """Aid stories (one per happening, however many reports) of at least ``rule.usd``."""
    table = graph.stories(store, _options(rule, types=("AID",)))
    out = []
    for row in table.itertuples(index=False):
        usd = row.amount_usd
        if usd is None or pd.isna(usd) or float(usd) < rule.usd:
            continue
        source, target = str(row.source), str(row.target)
        if not rule.watches(source, target):
            continue
        day = str(pd.Timestamp(row.first_day).date()) if not pd.isna(row.first_day) else "?"
        mode = row.mode if isinstance(row.mode, str) else "unspecified"
        out.append(
            Finding(
                rule=rule.name,
                kind="aid_above",
                key=f"aid_above|{source}|{target}|{mode}|{round(float(usd))}|{day}",
                message=f"{source} -> {target}: {mode} aid of ${float(usd):,.0f} ({day})",
                subject={
                    "donor": source,
                    "recipient": target,
                    "mode": mode,
                    "usd": float(usd),
                    "day": day,
                },
                evidence=_ids(row.evidence),
            )
        )
    return out


# -- first asserted ---------------------------------------------------------------------------
def first_asserted(store: Store, rule: Rule) -> list[Finding]:
    """A watched actor doing, for the first time, what was reported before only as possible."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for actor in rule.actors or (None,):
        query = EventQuery(source=actor, factuality=("asserted", *_NOT_YET))
        records = store.events(query)
        days = _report_days(store, [r["id"] for r in records])
        for record in records:
            record = {**record, "reported_date": days.get(record["id"])}
            for key in _group_keys(record, actor):
                groups[key].append(record)
    out = []
    for (actor_code, event_type, target), records in sorted(groups.items()):
        finding = _first_assertion(rule, actor_code, event_type, target, records)
        if finding is not None:
            out.append(finding)
    return out


def _group_keys(record: dict[str, Any], actor: str | None) -> list[tuple[str, str, str]]:
    actors = {m.get("code") for m in record.get("actor") or ()} - {None}
    targets = {m.get("code") for m in record.get("recipient") or ()} - {None}
    chosen = [actor] if actor else sorted(actors)
    return [(a, record["event"], t) for a in chosen for t in sorted(targets or {"-"}) if a != t]


def _first_assertion(
    rule: Rule, actor: str, event_type: str, target: str, records: list[dict[str, Any]]
) -> Finding | None:
    maybe = [r for r in records if r.get("factuality") in _NOT_YET]
    done = [r for r in records if r.get("factuality") == "asserted"]
    if not maybe or not done:
        return None
    first_day = min(_day(r) for r in done)
    first = [r for r in done if _day(r) == first_day]
    first_docs = {r.get("doc_id") for r in first}
    earlier = [
        r
        for r in maybe
        if _day(r) < first_day or (_day(r) == first_day and r.get("doc_id") not in first_docs)
    ]
    if not earlier:
        return None
    day = first_day or "?"
    toward = f" toward {target}" if target != "-" else ""
    return Finding(
        rule=rule.name,
        kind="first_asserted",
        key=f"first_asserted|{actor}|{event_type}|{target}",
        message=f"{actor} {event_type}{toward}: first reported as done ({day}), "
        f"before only as {'/'.join(sorted({r['factuality'] for r in earlier}))}",
        subject={"actor": actor, "event": event_type, "target": target, "day": day},
        evidence=_ids(r["id"] for r in first),
        before=_ids(r["id"] for r in earlier),
    )


def _report_days(store: Store, ids: list[str]) -> dict[str, str]:
    """Event id -> report date as stored (the article's date when the event has none)."""
    if not ids:
        return {}
    rows = store.query(
        "SELECT id, CAST(reported_date AS VARCHAR) AS day FROM events "
        "WHERE id IN (SELECT unnest(?))",
        [ids],
    )
    return {str(r["id"]): str(r["day"] or "") for r in rows}


def _day(record: dict[str, Any]) -> str:
    """The report date (ISO; '' when unknown, which sorts first)."""
    return str(record.get("reported_date") or "")


EVALUATORS: dict[str, Callable[[Store, Rule], list[Finding]]] = {
    "sign_change": sign_changes,
    "camp_join": camp_joins,
    "aid_above": aid_above,
    "first_asserted": first_asserted,
}
