"""Endpoints over the analysis layer (``allegiance.graph``): relations, blocs, the network,
flows, shifts and scenarios. The analyses share the store's connection, so they run one at a
time."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, cast

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException, Query, Request

from allegiance.api.deps import state
from allegiance.api.errors import error_responses
from allegiance.api.params import (
    CODE_PATTERN,
    CODES_PATTERN,
    INCLUDE_PATTERN,
    Limit,
    MinConfidence,
    Offset,
    Since,
    Types,
    Until,
    confidence_threshold,
    norm_code,
)
from allegiance.errors import ConfigError
from allegiance.graph.options import AnalysisOptions
from allegiance.store.locking import READ_WAIT

router = APIRouter(prefix="/api", responses=error_responses(400, 422, 503))
T = TypeVar("T")


def analysis_options(
    request: Request,
    since: Since = None,
    until: Until = None,
    type: Types = None,
    include: Annotated[
        str | None,
        Query(
            pattern=INCLUDE_PATTERN,
            description="Factualities counted beside 'asserted' (e.g. 'hypothetical,future' or "
            "'all').",
        ),
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            pattern=CODES_PATTERN,
            description="Keep dyads with one of these codes (comma-separated).",
        ),
    ] = None,
    min_confidence: MinConfidence = None,
    window_days: Annotated[
        int,
        Query(
            ge=0,
            le=3650,
            description=("Reports of one happening at most this many days apart count once."),
        ),
    ] = 7,
) -> AnalysisOptions:
    """FastAPI dependency: the analysis options of a request (validated by their
    declarations)."""
    types = tuple(t.strip().upper() for t in (type or "").split(",") if t.strip())
    codes = tuple(c for c in (norm_code(c.strip()) for c in (actor or "").split(",")) if c)
    try:
        return AnalysisOptions.including(
            include,
            since=since,
            until=until,
            types=types or None,
            actors=codes or None,
            min_confidence=confidence_threshold(request, min_confidence),
            window_days=window_days,
        )
    except ConfigError as exc:
        raise HTTPException(422, str(exc)) from exc


Options = Annotated[AnalysisOptions, Depends(analysis_options)]


def run(request: Request, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one analysis on the shared store connection, one at a time; the same question on
    unchanged data is answered from the app's cache (arguments must be hashable)."""
    app = state(request)
    with app.read_lock:
        key = (func.__module__, func.__qualname__, args, tuple(sorted(kwargs.items())))
        versioned = (key, app.data_version())
        cached = app.analyses.get(versioned)
        if cached is not None:
            return cast(T, cached)
        with app.store.borrowed(wait=READ_WAIT) as store:
            result = func(store, *args, **kwargs)
        app.analyses.put(versioned, result)
        return result


def plain(value: Any) -> Any:
    """A JSON-ready copy of a cell of an analysis frame (numpy, NaN, dates, lists)."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, int):
        return value
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return None if pd.isna(value) else value.isoformat()[:10]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return plain(items) if not isinstance(items, list) else [plain(v) for v in items]
    if hasattr(value, "item"):
        return plain(value.item())
    return None if pd.isna(value) else str(value)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _relations(request: Request, options: AnalysisOptions) -> pd.DataFrame:
    from allegiance.graph.relations import relations

    return run(request, relations, options)


@router.get("/relations", summary="Dyadic relations: signed, weighted by PLOVER scores")
def relations_endpoint(
    request: Request,
    options: Options,
    limit: Limit = 500,
    offset: Offset = 0,
) -> dict[str, Any]:
    """One row per ordered (source, target) pair, most stories first, a page at a time; counts
    are stories (reports deduplicated); ``net`` is the sum of PLOVER scores; ``evidence`` lists
    the event ids behind the row."""
    frame = _relations(request, options)
    if not frame.empty:
        frame = frame.sort_values(["stories", "source", "target"], ascending=[False, True, True])
    page = frame.iloc[offset : offset + limit]
    return {"total": len(frame), "limit": limit, "offset": offset, "items": records(page)}


@router.get("/relations/evidence", summary="The events behind one relation (for an edge)")
def relation_evidence(
    request: Request,
    options: Options,
    source: Annotated[str, Query(pattern=CODE_PATTERN)],
    target: Annotated[str, Query(pattern=CODE_PATTERN)],
) -> dict[str, Any]:
    src, tgt = norm_code(source) or source, norm_code(target) or target
    rel = _relations(request, options.with_changes(actors=(src,)))
    rows = rel[(rel["source"] == src) & (rel["target"] == tgt)]
    ids = [str(i) for ids in rows["evidence"] for i in ids] if len(rows) else []
    return {"source": src, "target": tgt, "items": event_records(request, ids)}


def event_records(request: Request, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    with state(request).store.reader(wait=READ_WAIT) as reader:
        return reader.event_records(ids)


@router.get("/blocs", summary="Camps from the signed relation graph")
def blocs_endpoint(request: Request, options: Options) -> dict[str, Any]:
    from allegiance.graph.blocs import blocs_from_relations

    frame = blocs_from_relations(_relations(request, options))
    return {"items": records(frame), "disagreement": plain(frame.attrs.get("disagreement"))}


@router.get("/network", summary="Nodes (with camps) and edges for the actor network view")
def network(request: Request, options: Options) -> dict[str, Any]:
    from allegiance.graph.blocs import camps_from_relations

    rel = _relations(request, options)
    camps = camps_from_relations(rel) if len(rel) else {}
    edges = records(rel)
    names: dict[str, str | None] = {}
    for edge in edges:
        names.setdefault(edge["source"], edge.get("source_name"))
        names.setdefault(edge["target"], edge.get("target_name"))
    nodes = [
        {
            "id": code,
            "name": name,
            "camp": camps.get(code),
            "stories": sum(e["stories"] for e in edges if code in (e["source"], e["target"])),
        }
        for code, name in sorted(names.items())
    ]
    return {"nodes": nodes, "edges": edges}


@router.get("/flows", summary="Aid flows donor -> recipient, in USD, with evidence")
def flows_endpoint(
    request: Request,
    options: Options,
    donor: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    recipient: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    by_mode: bool = True,
    pledged: bool = False,
) -> dict[str, Any]:
    """``amount_usd`` sums one figure per story; ``sentences`` are the evidence texts;
    ``pledged`` adds promised aid with a figure (``status``: delivered or pledged)."""
    from allegiance.graph.flows import flows

    frame = run(
        request,
        flows,
        options,
        donor=norm_code(donor),
        recipient=norm_code(recipient),
        by_mode=by_mode,
        sentences=True,
        pledged=pledged,
    )
    return {"items": records(frame)}


@router.get("/shifts", summary="Dyad time series of the net score and where relations turn")
def shifts_endpoint(
    request: Request,
    options: Options,
    freq: Literal["day", "week", "month"] = "month",
    changes_only: bool = False,
) -> dict[str, Any]:
    from allegiance.graph.shifts import shifts

    return {"items": records(run(request, shifts, options, freq=freq, changes_only=changes_only))}


@router.get("/scenario", summary='"Without X, what support for Y remains"')
def scenario_endpoint(
    request: Request,
    options: Options,
    without: Annotated[str, Query(pattern=CODE_PATTERN, description="The backer that leaves.")],
    recipient: Annotated[str, Query(pattern=CODE_PATTERN, description="The one supported.")],
) -> dict[str, Any]:
    from allegiance.graph.scenario import scenario

    result = run(
        request,
        scenario,
        options,
        without=norm_code(without) or without,
        recipient=norm_code(recipient) or recipient,
    )
    return {
        "summary": plain(result.summary),
        "donors": records(result.donors),
        "supporters": records(result.supporters),
        "commitments": records(result.commitments),
    }
