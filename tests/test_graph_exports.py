"""GraphML/GEXF round trips and the GDELT 2.0 event-table export."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from allegiance import graph
from allegiance.errors import ConfigError
from allegiance.graph import exports
from allegiance.store import Store
from test_graph_world import article_world


@pytest.fixture
def world(tmp_path):
    with Store(article_world(tmp_path / "world.duckdb"), read_only=True) as store:
        yield store


def test_graphml_round_trip_keeps_nodes_and_edges(world, tmp_path):
    path = tmp_path / "g.graphml"
    count = exports.write_graphml(world, path)
    original, loaded = graph.graph(world), nx.read_graphml(path)
    assert count == original.number_of_edges() > 0
    assert set(loaded.nodes) == set(original.nodes)
    assert set(loaded.edges) == set(original.edges)
    assert loaded.nodes["UKR"]["camp"] == original.nodes["UKR"]["camp"]
    assert loaded.nodes["PRK"]["name"] == "North Korea"
    assert loaded.edges["USA", "UKR"]["amount_usd"] == 90e9
    assert loaded.edges["RUS", "UKR"]["net"] == -9


def test_gexf_loads_back(world, tmp_path):
    path = tmp_path / "g.gexf"
    exports.export(world, "gexf", path)
    loaded = nx.read_gexf(path)
    assert set(loaded.nodes) == set(graph.graph(world).nodes)
    assert loaded.number_of_edges() == graph.graph(world).number_of_edges()


def test_gdelt_rows_have_the_61_columns(world):
    out = io.StringIO()
    count = exports.write_gdelt(world, out, header=True)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert len(exports.GDELT_COLUMNS) == 61
    assert rows[0] == list(exports.GDELT_COLUMNS)
    assert count == len(rows) - 1 > 0
    assert all(len(r) == 61 for r in rows)
    records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    usa = next(r for r in records if (r["Actor1Code"], r["Actor2Code"]) == ("USA", "UKR"))
    assert (usa["EventCode"], usa["EventRootCode"], usa["QuadClass"]) == ("072", "07", "2")
    assert (usa["GoldsteinScale"], usa["NumArticles"], usa["NumMentions"]) == ("10.0", "3", "3")
    assert usa["SQLDATE"] == "20241120" and usa["Actor1Name"] == "United States"
    assault = next(r for r in records if r["Actor1Code"] == "RUS")
    assert (assault["EventCode"], assault["QuadClass"], assault["GoldsteinScale"]) == (
        "190",
        "4",
        "-9.0",
    )
    assert len({r["GLOBALEVENTID"] for r in records}) == len(records)


def test_gdelt_without_header_is_like_gdelt_files(world):
    out = io.StringIO()
    exports.export(world, "gdelt", out)
    first = out.getvalue().splitlines()[0].split("\t")
    assert first[0] == "1" and len(first) == 61


def test_unknown_export_format(world, tmp_path):
    with pytest.raises(ConfigError, match="unknown export format"):
        exports.export(world, "pdf", tmp_path / "x")
