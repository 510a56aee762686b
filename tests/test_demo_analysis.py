"""What the demo shows (issue 13): its camps, its aid flows, and events that never have one
mention on both sides. The bundled samples go through the real pipeline into a DuckDB file."""

from __future__ import annotations

import pytest

import allegiance
from allegiance.batch import IngestOptions, ingest
from allegiance.cli.demo import sample_paths
from allegiance.graph.options import AnalysisOptions
from allegiance.settings import DEFAULT_MIN_CONFIDENCE
from allegiance.store import EventFilter, Store

pytestmark = pytest.mark.model

DEFAULT = AnalysisOptions(min_confidence=DEFAULT_MIN_CONFIDENCE)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(db) as store:
        ingest(sample_paths(), store=store, extractor=extractor, options=IngestOptions())
    return db


def test_backers_of_russia_share_its_camp_and_ukraines_backers_the_other(demo_db):
    camps = allegiance.open(demo_db, DEFAULT).camps()
    assert camps["PRK"] == camps["IRN"] == camps["CHN"] == camps["RUS"]
    assert camps["USA"] == camps["DEU"] == camps["UKR"] != camps["RUS"]


def test_aid_flows_to_ukraine_by_donor(demo_db):
    flows = allegiance.open(demo_db, DEFAULT).flows(recipient="UKR", pledged=True)
    status = {(row.donor, row.status) for row in flows.itertuples()}
    assert {("DEU", "delivered"), ("USA", "delivered"), ("EU", "delivered")} <= status
    assert ("NLD", "pledged") in status


def test_no_event_has_one_mention_as_actor_and_recipient(demo_db):
    with Store(demo_db, read_only=True) as store:
        events = list(store.events(EventFilter()))
    assert events
    for event in events:
        actors = {(m.start, m.end) for m in event.actor}
        assert not actors & {(m.start, m.end) for m in event.recipient}, event.sentence.text


def test_the_demo_lists_the_events_at_the_default_threshold(tmp_path, extractor, monkeypatch):
    from allegiance.cli import demo as demo_module
    from allegiance.settings import Settings

    monkeypatch.setattr(demo_module, "Extractor", lambda settings: extractor)
    lines: list[str] = []
    db = tmp_path / "demo.duckdb"
    demo_module.run_demo(db=db, settings=Settings(), echo=lines.append)
    with Store(db, read_only=True) as store:
        above = list(store.events(EventFilter(min_confidence=DEFAULT_MIN_CONFIDENCE)))
        every = list(store.events(EventFilter()))
    assert 0 < len(above) < len(every)
    heading = f"Events at confidence >= {DEFAULT_MIN_CONFIDENCE:g} ({len(above)} of {len(every)};"
    at = next((n for n, line in enumerate(lines) if line.startswith(heading)), None)
    assert at is not None
    table = lines[at + 1]
    rows = [line for line in table.splitlines()[2:] if not line.startswith(" ")]  # wrapped cells
    assert len(rows) == len(above)


def test_poland_backing_nato_s_plan_makes_no_camp_with_spain_that_refused_it(demo_db):
    camps = allegiance.open(demo_db, DEFAULT).camps()
    assert camps.get("POL") is None or camps.get("POL") != camps.get("ESP")
