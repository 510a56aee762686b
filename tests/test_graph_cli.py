"""The analysis commands, registered on a click group as `allegiance.cli.main` does."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from allegiance.cli.analysis import COMMANDS, register
from test_graph_world import article_world


@pytest.fixture(scope="module")
def group():
    @click.group()
    def cli() -> None:
        """test group"""

    register(cli)
    return cli


@pytest.fixture
def db(tmp_path):
    return str(article_world(tmp_path / "cli.duckdb"))


def _run(group, *args: str) -> str:
    result = CliRunner().invoke(group, list(args))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def test_every_command_is_registered(group):
    assert {c.name for c in COMMANDS} <= set(group.commands)
    assert {"relations", "blocs", "flows", "shifts", "scenario", "brokers"} <= set(group.commands)


def test_flows_to_ukraine_as_json(group, db):
    rows = json.loads(
        _run(group, "flows", "--db", db, "--to", "UKR", "--format", "json", "--evidence")
    )
    by_donor = {r["donor"]: r for r in rows}
    assert by_donor["USA"]["amount_usd"] == 90e9 and by_donor["EU"]["amount_usd"] == 125e9
    assert by_donor["USA"]["first_seen"] == "2024-11-20"
    assert len(by_donor["USA"]["sentences"]) == 3
    pledged = json.loads(
        _run(group, "flows", "--db", db, "--to", "UKR", "--format", "json", "--pledged")
    )
    assert {r["status"] for r in pledged} == {"delivered"}  # the world has no promised figure


def test_relations_include_widens_factuality(group, db):
    plain = json.loads(_run(group, "relations", "--db", db, "--format", "json"))
    wide = json.loads(
        _run(group, "relations", "--db", db, "--format", "json", "--include", "hypothetical")
    )
    assert sum(r["stories"] for r in wide) == sum(r["stories"] for r in plain) + 2
    table = _run(group, "relations", "--db", db, "--type", "AID", "--actor", "usa")
    assert "USA" in table and "NATO" not in table


def test_scenario_table_and_json(group, db):
    text = _run(group, "scenario", "--db", db, "--without", "USA", "--for", "UKR")
    assert "donors left: EU" in text and "BEL, EU, LTU" in text
    data = json.loads(
        _run(group, "scenario", "--db", db, "--without", "USA", "--for", "UKR", "--format", "json")
    )
    assert data["summary"]["remaining_donors"] == ["EU"]
    assert {c["stated_by"] for c in data["commitments"]} == {"LTU", "BEL", "EU"}
    csv_text = _run(
        group,
        "scenario",
        "--db",
        db,
        "--without",
        "USA",
        "--for",
        "UKR",
        "--format",
        "csv",
        "--part",
        "donors",
    )
    assert csv_text.splitlines()[0].startswith("donor,")


def test_blocs_shifts_brokers_csv(group, db):
    assert "PRK" in _run(group, "blocs", "--db", db, "--format", "csv")
    assert _run(group, "shifts", "--db", db, "--format", "csv").startswith("source,target,period")
    assert (
        _run(group, "brokers", "--db", db, "--format", "csv", "--limit", "2").strip().count("\n")
        == 2
    )


def test_scenario_csv_needs_a_part(group, db):
    result = CliRunner().invoke(
        group, ["scenario", "--db", db, "--without", "USA", "--for", "UKR", "--format", "csv"]
    )
    assert result.exit_code != 0 and "--part" in result.output


def test_stated_support_can_be_switched_off(group, db):
    on = json.loads(_run(group, "blocs", "--db", db, "--format", "json"))
    off = json.loads(_run(group, "blocs", "--db", db, "--format", "json", "--no-stated-support"))
    assert "BEL" in {m for camp in on for m in camp["members"]}
    assert "BEL" not in {m for camp in off for m in camp["members"]}
