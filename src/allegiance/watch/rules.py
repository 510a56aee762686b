"""Watch rules evaluated over the store: each rule lists its current *findings*.

A finding is a fact about the store the rule cares about, with a stable key and the ids of the
events behind it. The watcher compares the findings after a round with those it recorded before:
a key that was not there before is a shift, and becomes an alert. Every rule reads the analysis
layer (:mod:`allegiance.graph`): shifts for sign changes, camps for joins, stories for aid.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from allegiance import graph
from allegiance.graph.blocs import camps_from_relations
from allegiance.graph.options import AnalysisOptions
from allegiance.models import Event
from allegiance.store import EventFilter, Store
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
    groups: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for actor in rule.actors or (None,):
        query = EventFilter(actor=actor, factuality=("asserted", *_NOT_YET))
        events = list(store.events(query))
        days = store.report_days([e.id for e in events])
        for event in events:
            event = replace(event, reported_date=days.get(event.id))
            for key in _group_keys(event, actor):
                groups[key].append(event)
    out = []
    for (actor_code, event_type, target), events in sorted(groups.items()):
        finding = _first_assertion(rule, actor_code, event_type, target, events)
        if finding is not None:
            out.append(finding)
    return out


def _group_keys(event: Event, actor: str | None) -> list[tuple[str, str, str]]:
    actors = {m.code for m in event.actor if m.code is not None}
    targets = {m.code for m in event.recipient if m.code is not None}
    chosen = [actor] if actor else sorted(actors)
    return [(a, event.event, t) for a in chosen for t in sorted(targets or {"-"}) if a != t]


def _first_assertion(
    rule: Rule, actor: str, event_type: str, target: str, events: list[Event]
) -> Finding | None:
    maybe = [e for e in events if e.factuality in _NOT_YET]
    done = [e for e in events if e.factuality == "asserted"]
    if not maybe or not done:
        return None
    first_day = min(_day(e) for e in done)
    first = [e for e in done if _day(e) == first_day]
    first_docs = {e.doc_id for e in first}
    earlier = [
        e
        for e in maybe
        if _day(e) < first_day or (_day(e) == first_day and e.doc_id not in first_docs)
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
        f"before only as {'/'.join(sorted({e.factuality for e in earlier}))}",
        subject={"actor": actor, "event": event_type, "target": target, "day": day},
        evidence=_ids(e.id for e in first),
        before=_ids(e.id for e in earlier),
    )


def _day(event: Event) -> str:
    """The report date (ISO; '' when unknown, which sorts first)."""
    return str(event.reported_date or "")


EVALUATORS: dict[str, Callable[[Store, Rule], list[Finding]]] = {
    "sign_change": sign_changes,
    "camp_join": camp_joins,
    "aid_above": aid_above,
    "first_asserted": first_asserted,
}
