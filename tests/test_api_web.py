"""The served pages: index and offline docs, headers, the CLI command."""

from __future__ import annotations

import click
from click.testing import CliRunner
from fastapi.testclient import TestClient

from allegiance.api import ApiOptions, create_app
from allegiance.cli.serve import register, serve
from allegiance.store import Store
from api_helpers import build_store


def test_pages_without_built_assets_say_how_to_build(tmp_path):
    with Store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        options = ApiOptions(static_dir=tmp_path / "not-built")
        with TestClient(create_app(store, options=options)) as client:
            for url in ("/", "/docs"):
                page = client.get(url)
                assert page.status_code == 503 and "make web" in page.text
                assert "<script" not in page.text
            assert client.get("/api/stats").status_code == 200


def test_built_pages_load_only_local_scripts(tmp_path):
    static = tmp_path / "static"
    (static / "vendor").mkdir(parents=True)
    (static / "index.html").write_text('<script src="/static/app.js"></script>')
    (static / "app.js").write_text("console.log('ok');")
    with Store(build_store(tmp_path / "s.duckdb"), read_only=True) as store:
        client = TestClient(create_app(store, options=ApiOptions(static_dir=static)))
        with client:
            index = client.get("/")
            assert index.status_code == 200 and "app.js" in index.text
            script = client.get("/static/app.js")
            assert script.status_code == 200
            assert "script-src 'self'" in script.headers["content-security-policy"]
            assert script.headers["x-content-type-options"] == "nosniff"
            assert client.get("/favicon.ico").status_code == 204


def test_serve_command_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(serve, ["--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no such store" in result.output


def test_register_adds_serve():
    group = click.Group("allegiance")
    register(group)
    assert group.commands["serve"] is serve
    assert "--token" in CliRunner().invoke(group, ["serve", "--help"]).output
