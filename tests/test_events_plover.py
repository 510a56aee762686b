"""PLOVER JSON output of our Event records (hand-built events, no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from allegiance.events.plover import plover_event_type, to_plover
from allegiance.models import Amount, Article, Event, Location, Mention, Sentence, Span

ARTICLE = Article(id="a1", text="x", published=dt.date(2024, 11, 20), url="https://example.org/1")
SENT = Sentence(index=3, start=0, end=48, text="Norway will send 40 million euros to Moldova.")


def make_event(**changes) -> Event:
    base = Event(
        id="e1",
        doc_id="a1",
        event="AID",
        trigger=Span(text="send", start=12, end=16),
        sentence=SENT,
        mode="economic",
        context=("economic",),
        quad="material_cooperation",
        actor=(Mention(text="Norway", start=0, end=6, code="NOR", sector="GOV"),),
        recipient=(Mention(text="Moldova", start=36, end=43, code="MDA"),),
        amount=Amount(text="40 million euros", value=4e7, currency="EUR", usd=4.3e7),
        location=Location(text="Oslo", name="Oslo", lat=59.9, lon=10.7, country="NOR"),
        reported_date="2024-11-20",
        confidence=0.9,
        extractor="allegiance/0.1.0 rules",
    )
    return dataclasses.replace(base, **changes)


def test_record_shape() -> None:
    record = to_plover(make_event(), ARTICLE)
    assert record["event"] == "AID" and record["mode"] == "economic"
    assert record["source"] == [{"actorText": "Norway", "code": "NOR", "sector": "GOV"}]
    assert record["target"][0]["code"] == "MDA"
    assert record["eventText"] == "send" and record["text"] == SENT.text
    assert record["eventLoc"]["lat"] == 59.9 and record["eventLoc"]["name"] == "Oslo"
    assert record["date"] == "2024-11-20"
    assert record["amount"]["usd"] == 4.3e7
    assert "attributedTo" not in record  # only non-null fields, as in PLOVER files


def test_future_cooperation_is_agree_and_future_conflict_is_threaten() -> None:
    assert plover_event_type(make_event(factuality="future")) == "AGREE"
    assert plover_event_type(make_event(event="RETREAT", factuality="future")) == "CONCEDE"
    assert plover_event_type(make_event(event="ASSAULT", factuality="future")) == "THREATEN"
    assert plover_event_type(make_event(event="ASSAULT")) == "ASSAULT"
    record = to_plover(make_event(factuality="future"), ARTICLE)
    assert record["event"] == "AGREE" and "future" in record["context"]
    assert "mode" not in record  # AID's mode does not carry over to AGREE


def test_counts_become_plover_size_and_dead() -> None:
    dead = Amount(text="12 people were killed", value=12, kind="dead")
    record = to_plover(make_event(event="ASSAULT", amount=dead), ARTICLE)
    assert record["dead"] == 12
    troops = Amount(text="3,000 troops", value=3000, kind="troops")
    assert to_plover(make_event(event="MOBILIZE", amount=troops), ARTICLE)["size"] == 3000


def test_a_mutual_act_is_one_reciprocal_record() -> None:
    from allegiance.events.plover import plover_records

    nor = Mention(text="Norway", start=0, end=6, code="NOR")
    mda = Mention(text="Moldova", start=11, end=18, code="MDA")
    pair = [
        make_event(id="e1", event="SUPPORT", actor=(nor,), recipient=(mda,)),
        make_event(id="e2", event="SUPPORT", actor=(mda,), recipient=(nor,)),
    ]
    (record,) = plover_records(pair, ARTICLE)
    assert [a["code"] for a in record["source"]] == ["NOR", "MDA"] and "target" not in record
    # two donors of one shipment to a third party stay two directed records
    donors = [
        make_event(id="e1", actor=(nor,)),
        make_event(id="e2", actor=(Mention(text="Sweden", start=0, end=6, code="SWE"),)),
    ]
    assert [r["source"][0]["code"] for r in plover_records(donors, ARTICLE)] == ["NOR", "SWE"]


def test_exported_mutual_act_is_one_record(tmp_path) -> None:
    import io
    import json

    from allegiance.export import write_plover
    from allegiance.models import Extraction
    from allegiance.store import Store, StoredArticle
    from api_helpers import ACTORS, _Builder

    text = "Freedonia and Sylvania signed a pact."
    b = _Builder(text, "pact")
    frd, syl = b.mention("Freedonia", "FRD"), b.mention("Sylvania", "SYL")
    events = (b.event(0, "SUPPORT", "signed", frd, syl), b.event(1, "SUPPORT", "signed", syl, frd))
    article = Article(id="pact", text=text, lang="en")
    with Store(tmp_path / "p.duckdb") as store:
        store.write([StoredArticle(Extraction(article, b.sentences(), (frd, syl), events))],
                    actors=ACTORS)  # fmt: skip
        out = io.StringIO()
        assert write_plover(store, out) == 1
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(a["code"] for a in record["source"]) == ["FRD", "SYL"]
