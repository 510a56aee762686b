"""The JSON API through FastAPI's test client, on a hand-built store."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app
from allegiance.store import Store
from api_helpers import XSS_TEXT, build_store, get_ok, read_only_client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with read_only_client(build_store(tmp_path_factory.mktemp("api") / "s.duckdb")) as c:
        yield c


_ok = get_ok


def _bad(client: TestClient, url: str, status: int = 422, **params: object) -> str:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] and body["message"]
    return body["message"]


def test_stats(client):
    assert _ok(client, "/api/stats") == {"articles": 2, "events": 9, "actors": 7, "mentions": 18}


def test_events_paginate_with_total(client):
    page = _ok(client, "/api/events", limit=4, offset=0)
    assert page["total"] == 9 and len(page["items"]) == 4
    rest = _ok(client, "/api/events", limit=4, offset=4)
    later = _ok(client, "/api/events", limit=4, offset=8)
    ids = [e["id"] for p in (page, rest, later) for e in p["items"]]
    assert len(ids) == len(set(ids)) == 9
    assert page["items"][0]["reported_date"] == "2024-11-21"  # newest report first


def test_event_filters(client):
    aid = _ok(client, "/api/events", actor="usa", recipient="UKR", type="aid")
    assert {e["id"] for e in aid["items"]} == {"alliance-e3", "alliance-e7"}
    money = next(e for e in aid["items"] if e["id"] == "alliance-e3")
    assert "$90 billion" in money["sentence"]["text"]
    assert money["article_title"].startswith("Alliance chief")
    asserted = _ok(client, "/api/events", actor="USA", factuality="asserted")
    assert [e["id"] for e in asserted["items"]] == ["alliance-e3"]
    involving = _ok(client, "/api/events", involving="RUS")
    assert involving["total"] == 4
    assert _ok(client, "/api/events", until="2024-11-20")["total"] == 7
    assert _ok(client, "/api/events", since="2024-11-21", until="2024-11-21")["total"] == 2
    assert _ok(client, "/api/events", quad="material_conflict")["total"] == 2
    assert _ok(client, "/api/events", article="hostile")["total"] == 2


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"type": "BOMB"}, "type"),
        ({"factuality": "maybe"}, "factuality"),
        ({"quad": "cooperation"}, "quad"),
        ({"since": "2024-13-01"}, "since"),
        ({"since": "0"}, "since"),
        ({"limit": 0}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"limit": "ten"}, "limit"),
        ({"actor": "x' OR 1=1 --"}, "actor"),
    ],
)
def test_bad_event_parameters_are_clear_422s(client, params, fragment):
    assert fragment in _bad(client, "/api/events", **params)


def test_a_reversed_date_range_is_empty_not_an_error(client):
    """The schema cannot say since <= until, so a reversed range is a valid, empty one."""
    assert _ok(client, "/api/events", since="2024-12-01", until="2024-11-01")["total"] == 0


def test_hostile_values_are_data(client):
    assert _ok(client, "/api/events", article="x' OR '1'='1")["total"] == 0
    assert _ok(client, "/api/articles", q="%' OR 1=1 --")["total"] == 0
    assert _ok(client, "/api/stats")["events"] == 9


def test_article_search_over_title_and_text(client):
    found = _ok(client, "/api/articles", q="artillery rockets")
    assert [a["id"] for a in found["items"]] == ["alliance"]
    assert "artillery" in found["items"][0]["snippet"]
    assert found["items"][0]["events"] == 7
    by_title = _ok(client, "/api/articles", q="HOSTILE")
    assert [a["id"] for a in by_title["items"]] == ["hostile"]
    assert _ok(client, "/api/articles", q="100%")["total"] == 0  # % is literal, not a wildcard
    assert _ok(client, "/api/articles")["total"] == 2
    assert _ok(client, "/api/articles", since="2024-11-21")["total"] == 1
    _bad(client, "/api/articles", since="yesterday")
    _bad(client, "/api/articles", q="x" * 500)


def test_article_detail_returns_text_verbatim(client):
    article = _ok(client, "/api/articles/hostile")
    assert article["text"] == XSS_TEXT
    assert [e["id"] for e in article["events"]] == ["hostile-e1", "hostile-e2"]
    assert "no article" in _bad(client, "/api/articles/nope", status=404)


def test_actors_and_actor_detail(client):
    listed = _ok(client, "/api/actors")
    codes = [a["code"] for a in listed["items"]]
    assert {"USA", "UKR", "RUS", "PRK", "NATO"} <= set(codes)
    assert codes[0] == "RUS"  # most events
    assert [a["code"] for a in _ok(client, "/api/actors", q="korea")["items"]] == ["PRK"]
    nato = _ok(client, "/api/actors/nato")
    assert nato["name"] == "North Atlantic Treaty Organization"
    assert {"person": "Mark Rutte", "role": "secretary general"}.items() <= nato["people"][
        0
    ].items()
    assert {"partner": "USA", "side": "out", "event": "REQUEST", "events": 1} in nato["partners"]
    assert nato["timeline"] and nato["events"] == 2
    assert "no actor" in _bad(client, "/api/actors/ZZZ", status=404)
    _bad(client, "/api/actors/" + "<script>")


def test_timeline_and_locations(client):
    months = _ok(client, "/api/timeline")
    assert months["period"] == "month"
    assert sum(i["events"] for i in months["items"]) == 9
    days = _ok(client, "/api/timeline", period="day", involving="RUS")["items"]
    assert {(i["period"], i["quad"]) for i in days} >= {("2024-11-20", "material_conflict")}
    _bad(client, "/api/timeline", period="decade")
    places = _ok(client, "/api/locations")["items"]
    assert [(p["name"], p["events"]) for p in places] == [("Kursk", 1)]
    assert places[0]["sample"][0]["id"] == "alliance-e5"


def test_responses_carry_csp(client):
    for url in ("/api/stats", "/api/events?type=BOMB", "/nowhere", "/openapi.json"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'self'" in csp


def test_unknown_route_is_json_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_openapi_lists_every_endpoint(client):
    paths = _ok(client, "/openapi.json")["paths"]
    for path in (
        "/api/articles",
        "/api/events",
        "/api/actors",
        "/api/actors/{code}",
        "/api/relations",
        "/api/blocs",
        "/api/flows",
        "/api/shifts",
        "/api/scenario",
    ):
        assert path in paths
    assert "post" in paths["/api/articles"]


def test_events_of_duplicate_articles_are_left_out(tmp_path):
    import dataclasses

    from allegiance.store import StoredArticle
    from api_helpers import alliance_extraction

    original = alliance_extraction()
    copy = dataclasses.replace(
        original,
        article=dataclasses.replace(original.article, id="copy", duplicate_of="alliance"),
        events=tuple(
            dataclasses.replace(e, id=f"copy-{e.id}", doc_id="copy") for e in original.events
        ),
    )
    path = build_store(tmp_path / "s.duckdb")
    with Store(path) as store:
        store.write([StoredArticle(copy)])
    with Store(path, read_only=True) as store, TestClient(create_app(store)) as client:
        data = _ok(client, "/api/events", limit=100)
        assert data["total"] == 9
        assert not any(e["doc_id"] == "copy" for e in data["items"])
        assert _ok(client, "/api/events", article="copy")["total"] == 0
        assert _ok(client, "/api/actors/USA")["events"] == 3
