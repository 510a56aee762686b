"""The notebook-facing API: ``allegiance.open(db)`` and DataFrames out.

    >>> import allegiance
    >>> with allegiance.open("allegiance.duckdb") as a:
    ...     a.flows(recipient="UKR")
    ...     a.blocs()
    ...     a.scenario(without="USA", for_="UKR").donors

Every method takes an optional :class:`AnalysisOptions` and/or keyword overrides of its
fields (``since=``, ``until=``, ``factualities=``, ``types=``, ``actors=``, ``window_days=``),
plus ``include="hypothetical,future"`` to widen the default (asserted events only).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from allegiance import graph as _graph
from allegiance.graph.options import AnalysisOptions, widen
from allegiance.graph.scenario import Scenario
from allegiance.store import EventFilter, Store

__all__ = ["Analysis", "AnalysisOptions", "Scenario", "open"]


class Analysis:
    """Read-only analysis of one store. Use as a context manager or call :meth:`close`."""

    def __init__(self, store: Store, options: AnalysisOptions | None = None) -> None:
        self.store = store
        self.options = options or AnalysisOptions()

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Analysis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _options(
        self, options: AnalysisOptions | None, overrides: dict[str, Any]
    ) -> AnalysisOptions:
        base = options or self.options
        include = overrides.pop("include", None)
        if include is not None:
            overrides["factualities"] = widen(include)
        return base.with_changes(**overrides) if overrides else base

    # -- analyses ----------------------------------------------------------------------------
    def events(self, options: AnalysisOptions | None = None, **overrides: Any) -> pd.DataFrame:
        """Stored events (duplicates left out) as one flat row each, with the sentence."""
        from allegiance.export import flatten_event

        opts = self._options(options, overrides)
        query = EventFilter(
            factuality=opts.factualities, since=_iso(opts.since_date), until=_iso(opts.until_date)
        )
        events = self.store.events(query)
        rows = [{"id": e.id, "doc_id": e.doc_id, **flatten_event(e.to_dict())} for e in events]
        out = pd.DataFrame(rows)
        if opts.types and not out.empty:
            out = out[out["event"].isin(opts.types)]
        if opts.actors and not out.empty:
            wanted = set(opts.actors)
            keep = [
                bool(wanted & set(f"{a},{r}".split(",")))
                for a, r in zip(out["actor"], out["recipient"], strict=True)
            ]
            out = out[keep]
        return out.reset_index(drop=True)

    def relations(self, options: AnalysisOptions | None = None, **overrides: Any) -> pd.DataFrame:
        return _graph.relations(self.store, self._options(options, overrides))

    def stories(self, options: AnalysisOptions | None = None, **overrides: Any) -> pd.DataFrame:
        return _graph.stories(self.store, self._options(options, overrides))

    def blocs(self, options: AnalysisOptions | None = None, **overrides: Any) -> pd.DataFrame:
        return _graph.blocs(self.store, self._options(options, overrides))

    def camps(self, options: AnalysisOptions | None = None, **overrides: Any) -> dict[str, int]:
        return _graph.camps(self.store, self._options(options, overrides))

    def flows(
        self,
        donor: str | None = None,
        recipient: str | None = None,
        *,
        sentences: bool = False,
        pledged: bool = False,
        options: AnalysisOptions | None = None,
        **overrides: Any,
    ) -> pd.DataFrame:
        return _graph.flows(
            self.store,
            self._options(options, overrides),
            donor=donor,
            recipient=recipient,
            sentences=sentences,
            pledged=pledged,
        )

    def shifts(
        self,
        freq: str = "month",
        *,
        changes_only: bool = False,
        options: AnalysisOptions | None = None,
        **overrides: Any,
    ) -> pd.DataFrame:
        return _graph.shifts(
            self.store, self._options(options, overrides), freq=freq, changes_only=changes_only
        )

    def scenario(
        self, without: str, for_: str, *, options: AnalysisOptions | None = None, **overrides: Any
    ) -> Scenario:
        """Aid shares, supporters and stated commitments for ``for_`` without ``without``."""
        return _graph.scenario(
            self.store, self._options(options, overrides), without=without, recipient=for_
        )

    def brokers(self, options: AnalysisOptions | None = None, **overrides: Any) -> pd.DataFrame:
        return _graph.brokers(self.store, self._options(options, overrides))

    def graph(self, options: AnalysisOptions | None = None, **overrides: Any) -> nx.DiGraph:
        return _graph.graph(self.store, self._options(options, overrides))

    def evidence(self, event_ids: Iterable[str]) -> pd.DataFrame:
        """The sentences (and articles) behind a list of event ids from any result."""
        return _graph.evidence(self.store, event_ids)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def open(db: str | Path, options: AnalysisOptions | None = None) -> Analysis:
    """Open a store read-only for analysis (``allegiance.open``)."""
    return Analysis(Store(db, read_only=True), options)
