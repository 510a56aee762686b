"""Analysis of the stored actor system: relations, camps, aid flows, shifts, scenarios, exports.

Pure functions over a :class:`allegiance.store.Store`; each takes an :class:`AnalysisOptions`
and returns pandas DataFrames (or a networkx graph). Heavy aggregation runs in DuckDB.
"""

from allegiance.graph.blocs import blocs, camps
from allegiance.graph.flows import flows
from allegiance.graph.network import brokers, graph
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.relations import evidence, relations, stories
from allegiance.graph.scenario import Scenario, scenario
from allegiance.graph.shifts import series, shifts

__all__ = [
    "AnalysisOptions",
    "Scenario",
    "blocs",
    "brokers",
    "camps",
    "evidence",
    "flows",
    "graph",
    "relations",
    "scenario",
    "series",
    "shifts",
    "stories",
]
