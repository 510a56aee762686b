"""Count import cycles between allegiance's modules (imports inside functions included).

python scripts/import_cycles.py      # prints each cycle; exit 1 if there is any
"""

from __future__ import annotations

import sys

import grimp
import networkx as nx


def main() -> int:
    graph = grimp.build_graph("allegiance", include_external_packages=False)
    g = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            g.add_edge(module, imported)
    cycles = [c for c in nx.strongly_connected_components(g) if len(c) > 1]
    for cycle in cycles:
        print(" <-> ".join(sorted(cycle)))
    print(f"{len(cycles)} import cycles among {g.number_of_nodes()} modules")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
