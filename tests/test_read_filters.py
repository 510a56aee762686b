"""One event filter, three front doors: which side ``actor`` means for HTTP clients, the
command line and the library (``allegiance.store.EventFilter``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import cli
from allegiance.store import EventFilter, Store
from api_helpers import build_store, get_ok, read_only_client

RUS_ACTS = {"alliance-e4"}  # Russia attacked the grid
RUS_RECEIVES = {"alliance-e2", "alliance-e5", "alliance-e6"}  # shells, troops, accusation


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("filters") / "s.duckdb")


def test_library_filter_names_each_side(db: Path) -> None:
    with Store(db, read_only=True) as store:

        def ids(f: EventFilter) -> set[str]:
            return {e.id for e in store.events(f)}

        assert ids(EventFilter(actor="RUS")) == RUS_ACTS
        assert ids(EventFilter(recipient="rus")) == RUS_RECEIVES
        assert ids(EventFilter(involving="RUS")) == RUS_ACTS | RUS_RECEIVES


def test_http_actor_is_the_actor_side(db: Path) -> None:
    with read_only_client(db) as client:

        def ids(**params: str) -> set[str]:
            return {e["id"] for e in get_ok(client, "/api/events", **params)["items"]}

        assert ids(actor="rus") == RUS_ACTS
        assert ids(recipient="RUS") == RUS_RECEIVES
        assert ids(involving="RUS") == RUS_ACTS | RUS_RECEIVES


def test_command_line_actor_is_either_side(db: Path) -> None:
    def ids(*args: str) -> set[str]:
        result = CliRunner().invoke(
            cli, ["events", "--db", str(db), "--format", "jsonl", *args], catch_exceptions=False
        )
        assert result.exit_code == 0, result.output
        return {json.loads(line)["id"] for line in result.output.splitlines() if line}

    assert ids("--actor", "rus") == RUS_ACTS | RUS_RECEIVES
    assert ids("--source", "RUS") == RUS_ACTS
    assert ids("--target", "RUS") == RUS_RECEIVES
    assert ids("--type", "aid", "--factuality", "hypothetical") == {"alliance-e7"}
    assert len(ids("--limit", "2")) == 2
