"""Relations, blocs, network, flows, shifts and scenario over the hand-built store."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app
from allegiance.store import Store
from api_helpers import build_store, get_ok, read_only_client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with read_only_client(build_store(tmp_path_factory.mktemp("analysis") / "s.duckdb")) as c:
        yield c


_ok = get_ok


def test_relations_are_signed(client):
    rows = {(r["source"], r["target"]): r for r in _ok(client, "/api/relations")["items"]}
    assert rows[("USA", "UKR")]["net"] > 0 and rows[("USA", "UKR")]["amount_usd"] == 9e10
    assert rows[("RUS", "UKR")]["net"] < 0
    assert rows[("USA", "UKR")]["evidence"] == ["alliance-e3"]  # the hypothetical one is left out
    widened = {
        (r["source"], r["target"]): r
        for r in _ok(client, "/api/relations", include="hypothetical")["items"]
    }
    assert sorted(widened[("USA", "UKR")]["evidence"]) == ["alliance-e3", "alliance-e7"]


def test_network_nodes_have_camps_and_edges_evidence(client):
    data = _ok(client, "/api/network")
    camps = {n["id"]: n["camp"] for n in data["nodes"]}
    assert {"USA", "UKR", "RUS", "PRK", "NATO"} <= set(camps)
    assert camps["USA"] == camps["UKR"] == camps["NATO"] != camps["RUS"] == camps["PRK"]
    evidence = _ok(client, "/api/relations/evidence", source="USA", target="UKR")
    assert [e["id"] for e in evidence["items"]] == ["alliance-e3"]
    assert "$90 billion" in evidence["items"][0]["sentence"]["text"]
    only_aid = _ok(client, "/api/network", type="ASSAULT")
    assert [(e["source"], e["target"]) for e in only_aid["edges"]] == [("RUS", "UKR")]


def test_blocs(client):
    data = _ok(client, "/api/blocs")
    members = sorted(sorted(b["members"]) for b in data["items"])
    assert ["PRK", "RUS"] in members
    assert data["disagreement"] is not None


def test_flows_with_sentences(client):
    items = _ok(client, "/api/flows", recipient="ukr")["items"]
    assert [(f["donor"], f["amount_usd"]) for f in items] == [("USA", 9e10)]
    assert any("$90 billion" in s for s in items[0]["sentences"])
    pledged = _ok(client, "/api/flows", recipient="ukr", pledged="true")["items"]
    assert [(f["donor"], f["status"]) for f in pledged] == [("USA", "delivered")]
    prk = _ok(client, "/api/flows", donor="PRK")["items"]
    assert [(f["recipient"], f["mode"]) for f in prk] == [("RUS", "military")]


def test_shifts(client):
    items = _ok(client, "/api/shifts", freq="day")["items"]
    assert {"source", "target", "period", "net", "changed"} <= set(items[0])
    assert any(i["source"] == "RUS" and i["target"] == "UKR" and i["net"] < 0 for i in items)


def test_scenario(client):
    data = _ok(client, "/api/scenario", without="USA", recipient="UKR")
    assert data["summary"]["aid_total_usd"] == 9e10
    assert data["summary"]["aid_remaining_usd"] == 0
    assert [d["donor"] for d in data["donors"]] == ["USA"] and data["donors"][0]["leaves"]
    assert {s["actor"] for s in data["supporters"]} <= {"NATO"}


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/relations", {"type": "BOMB"}),
        ("/api/relations", {"include": "rumour"}),
        ("/api/relations", {"since": "2024-02-30"}),
        ("/api/blocs", {"min_confidence": 2}),
        ("/api/network", {"window_days": -1}),
        ("/api/flows", {"donor": "<b>"}),
        ("/api/shifts", {"freq": "decade"}),
        ("/api/scenario", {"without": "USA"}),
        ("/api/scenario", {"recipient": "UKR", "without": "a b"}),
        ("/api/relations/evidence", {"source": "USA"}),
    ],
)
def test_bad_analysis_parameters(client, url, params):
    response = client.get(url, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["message"]


def test_answers_are_reused_until_the_data_changes(tmp_path):
    """Analyses are cached per data version: a second ask is not recomputed; a write by
    another process (a released store) is seen on the next ask."""
    from allegiance.models import Article, Extraction
    from allegiance.store import StoredArticle
    from api_helpers import ACTORS, _Builder

    path = build_store(tmp_path / "c.duckdb")
    released = Store(path, read_only=True, hold=False)
    with TestClient(create_app(released)) as client:
        cache = client.app.state.allegiance.analyses
        first = _ok(client, "/api/relations")
        assert _ok(client, "/api/relations") == first
        assert (cache.misses, cache.hits) == (1, 1)
        _ok(client, "/api/relations", include="hypothetical")  # other options: computed
        assert cache.misses == 2

        text = "Sylvania attacked Freedonia."
        b = _Builder(text, "later")
        syl, frd = b.mention("Sylvania", "SYL"), b.mention("Freedonia", "FRD")
        event = b.event(0, "ASSAULT", "attacked", syl, frd, quad="material_conflict")
        article = Article(id="later", text=text, lang="en")
        with Store(path) as writer:
            writer.write(
                [StoredArticle(Extraction(article, b.sentences(), (syl, frd), (event,)))],
                actors=ACTORS,
            )
        after = _ok(client, "/api/relations")
        stories = lambda data: {  # noqa: E731
            (r["source"], r["target"]): r["stories"] for r in data["items"]
        }
        assert stories(after)[("SYL", "FRD")] == stories(first)[("SYL", "FRD")] + 1
        assert cache.misses == 3
