"""``fetch`` and ``watch`` commands, added to a click group through ``register``."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from allegiance.cli.watch import register
from allegiance.store import Store
from test_watch_http import Site
from test_watch_watcher import FIXTURES, serve_round, write_inputs


@click.group()
def cli() -> None:
    """A stand-in for the main group (`allegiance.cli.main` calls register the same way)."""


register(cli)


@pytest.fixture
def site():
    server = Site()
    serve_round(server, 1)
    yield server
    server.close()


def test_watch_rejects_bad_interval_and_rules(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/rss.xml\n")
    result = CliRunner().invoke(cli, ["watch", "--feeds", str(feeds), "--every", "soon"])
    assert result.exit_code == 1 and "not an interval" in result.output
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules: [whatever]\n")
    result = CliRunner().invoke(cli, ["watch", "--feeds", str(feeds), "--rules", str(rules)])
    assert result.exit_code == 1 and "unknown rule 'whatever'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.model
def test_fetch_command_ingests_pages(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    urls = [site.url("/news/poland-sends.html"), site.url("/private/committee.html")]
    result = CliRunner().invoke(cli, ["fetch", *urls, "--db", str(db), "--host-delay", "0"])
    assert result.exit_code == 0, result.output
    assert "robots.txt" in result.output and "1 stored" in result.output
    with Store(db) as store:
        [event] = store.events()
    assert (event.event, event.actor[0].code, event.recipient[0].code) == (
        "AID",
        "POL",
        "UKR",
    )


@pytest.mark.model
def test_watch_once_prints_alert_lines(site: Site, tmp_path: Path) -> None:
    feeds, rules = write_inputs(site, tmp_path)
    db = tmp_path / "w.duckdb"
    args = ["watch", "--feeds", str(feeds), "--rules", str(rules), "--once", "--db", str(db)]
    args += ["--host-delay", "0"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("ALERT ")]
    assert len(lines) == 1 and "[ukraine-camp] POL is now in the camp of UKR" in lines[0]
    # the CLI waits 20 s per request, so the slow feed is read this time: 2 failures, not 3
    assert "7 new article(s)" in result.output and "2 failed" in result.output
    logged = [json.loads(x) for x in (tmp_path / "w.duckdb.alerts.jsonl").read_text().splitlines()]
    assert [x["key"] for x in logged] == ["camp_join|UKR|POL"]
    assert (FIXTURES / "rules.yaml").exists()
