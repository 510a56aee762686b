"""Hostile input beyond the web tests: SQL in every filter (API and CLI), client-given file paths,
request size, and the content-security policy on every kind of response."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from allegiance.api import ApiOptions, create_app
from allegiance.cli import cli
from allegiance.store import Store
from api_helpers import build_store
from test_api_ingest import _blank_extractor

HOSTILE = [
    "' OR 1=1 --",
    "USA' OR '1'='1",
    "x'); DROP TABLE events; --",
    "1; DELETE FROM articles",
    '" OR ""="',
    "%' UNION SELECT record FROM events --",
    "'; ATTACH '/etc/passwd' AS p; --",
    "read_csv('/etc/passwd')",
    "../../../../etc/passwd",
    "file:///etc/passwd",
    "USA\x00RUS",
    "*",
    "A" * 5000,
]
TOKEN = "sekrit-token"
HOLD_LOCK = (
    "import duckdb, time; c = duckdb.connect({db!r}); print('x', flush=True); time.sleep(30)"
)


def snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        tables = [r[0] for r in names]
        out: dict[str, object] = {"tables": sorted(tables)}
        for table in ("articles", "events", "mentions", "sentences", "actors"):
            out[table] = con.execute(
                f"SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) FROM {table} t"
            ).fetchone()
        return out
    finally:
        con.close()


@pytest.fixture
def served(tmp_path):
    """A released read-only store (as `allegiance serve` runs it) and a client on it."""
    db = build_store(tmp_path / "s.duckdb")
    store = Store(db, read_only=True, hold=False)
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield db, client


def _get_routes(client: TestClient) -> list[tuple[str, list[str], list[str]]]:
    schema = client.get("/openapi.json").json()
    routes = []
    for path, ops in schema["paths"].items():
        if "get" in ops and path.startswith("/api/"):
            params = ops["get"].get("parameters", [])
            query = [p["name"] for p in params if p["in"] == "query"]
            in_path = [p["name"] for p in params if p["in"] == "path"]
            routes.append((path, query, in_path))
    return routes


def test_hostile_values_in_every_api_filter_change_nothing(served):
    db, client = served
    before = snapshot(db)
    routes = _get_routes(client)
    assert sum(len(q) for _, q, _ in routes) >= 20  # every filter of every endpoint is covered
    tried = 0
    for path, query, in_path in routes:
        for value in HOSTILE:
            url = path
            for name in in_path:
                url = url.replace("{" + name + "}", quote(value, safe=""))
            for name in query or [None]:
                params = {name: value} if name else {}
                response = client.get(url, params=params)
                tried += 1
                assert response.status_code < 500, (path, name, value, response.text)
                assert "root:" not in response.text
                assert "content-security-policy" in response.headers
    assert tried > 200
    assert snapshot(db) == before


@pytest.mark.parametrize("name", ["actor", "recipient", "involving", "type", "factuality"])
def test_sql_in_an_event_filter_matches_nothing(served, name):
    _, client = served
    assert client.get("/api/events").json()["total"] > 0
    for value in HOSTILE:
        response = client.get("/api/events", params={name: value})
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            assert response.json()["total"] == 0, (name, value)


@pytest.mark.parametrize("option", ["--actor", "--source", "--target", "--type", "--factuality"])
def test_sql_in_cli_filters_matches_nothing_and_changes_nothing(tmp_path, option):
    db = build_store(tmp_path / "s.duckdb")
    before = snapshot(db)
    for value in HOSTILE:
        result = CliRunner().invoke(
            cli, ["events", "--db", str(db), option, value, "--format", "json"]
        )
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code == 0:
            assert json.loads(result.output) == [], (option, value)
    assert snapshot(db) == before


def test_no_endpoint_reads_a_path_given_by_the_client(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Kenya accused Chile of hiding the zebra-17 memo. " * 3)
    db = build_store(tmp_path / "s.duckdb")
    options = ApiOptions(max_body_bytes=1 << 20, make_extractor=_blank_extractor)
    with (
        Store(db) as store,
        TestClient(create_app(store, ingest_token=TOKEN, options=options)) as client,
    ):
        auth = {"Authorization": f"Bearer {TOKEN}"}
        bodies = [
            {"path": str(secret)},
            {"file": str(secret)},
            {"url": secret.as_uri()},
            {"articles": [{"path": str(secret)}]},
        ]
        for body in bodies:
            assert client.post("/api/articles", json=body, headers=auth).status_code == 422
        ok = client.post(
            "/api/articles",
            json={
                "text": "Sylvania thanked Freedonia.",
                "url": secret.as_uri(),
                "path": str(secret),
            },
            headers=auth,
        )
        assert ok.status_code in (200, 422)
        files = {"files": (str(secret), b"Sylvania praised Freedonia on Friday.", "text/plain")}
        assert client.post("/api/articles", files=files, headers=auth).status_code == 200
        for url in (
            f"/api/articles?path={secret}",
            "/static/..%2F..%2F..%2Fetc%2Fpasswd",
            "/../../etc/passwd",
        ):
            response = client.get(url)
            assert "zebra-17" not in response.text and "root:" not in response.text
        texts = " ".join(
            r[0] for r in store.connection.execute("SELECT text FROM articles").fetchall()
        )
    assert "zebra-17" not in texts  # the file itself never entered the store
    assert "Sylvania praised Freedonia" in texts  # the uploaded bytes did


def test_request_size_limit_without_content_length(tmp_path):
    db = build_store(tmp_path / "s.duckdb")
    before = snapshot(db)
    options = ApiOptions(max_body_bytes=64 * 1024, make_extractor=_blank_extractor)
    with (
        Store(db) as store,
        TestClient(create_app(store, ingest_token=TOKEN, options=options)) as client,
    ):
        auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

        def chunks():
            yield b'{"text": "'
            for _ in range(200):
                yield b"Freedonia sent grain to Sylvania. " * 30
            yield b'"}'

        response = client.post("/api/articles", content=chunks(), headers=auth)
        assert response.status_code == 413
        assert "content-security-policy" in response.headers
        assert json.loads(response.text)["error"]
    assert snapshot(db) == before


def test_csp_on_html_json_and_every_error(served):
    _, client = served
    responses = {
        "json": client.get("/api/stats"),
        "html": client.get("/"),
        "404": client.get("/api/articles/no-such-id"),
        "422": client.get("/api/events", params={"limit": "-1"}),
        "405": client.delete("/api/events"),
        "403": client.post("/api/articles", json={"text": "x"}),
        "unknown path": client.get("/nothing/here"),
    }
    for label, response in responses.items():
        policy = response.headers.get("content-security-policy", "")
        assert "default-src" in policy and "script-src 'self'" in policy, label
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0], label


@pytest.mark.slow
def test_a_store_locked_by_another_writer_gives_503_with_csp(tmp_path):
    db = build_store(tmp_path / "s.duckdb")
    store = Store(db, read_only=True, hold=False)  # as `allegiance serve` opens it
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK.format(db=str(db))],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"x"
        with TestClient(create_app(store)) as client:
            started = time.monotonic()
            response = client.get("/api/events")
            waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert response.status_code == 503
    assert "locked by another process" in response.json()["message"]
    assert "content-security-policy" in response.headers
    assert 4.0 <= waited < 15.0  # READ_WAIT (5 s) of back-off, then a clear answer
