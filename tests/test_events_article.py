"""The events a user expects from the real article of DESIGN.md (../shared), full pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from allegiance.ingest.clean import clean_text
from allegiance.models import Article, Event

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "000_1ddcfbf26e8000d6.txt"

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def events(extractor) -> list[Event]:
    if not ARTICLE.is_file():
        pytest.skip("../shared not present (fresh clone)")
    text = clean_text(ARTICLE.read_text(encoding="utf-8"))  # as ingest reads it
    article = Article(id="000_1ddcfbf26e8000d6", text=text, published=dt.date(2024, 11, 20))
    return list(extractor.extract_one(article).events)


def find(events: list[Event], kind: str, actor: str, recipient: str) -> list[Event]:
    return [
        e
        for e in events
        if e.event == kind
        and any(m.code == actor for m in e.actor)
        and any(m.code == recipient for m in e.recipient)
    ]


@pytest.mark.parametrize(
    ("kind", "actor", "recipient"),
    [
        ("AID", "PRK", "RUS"),
        ("AID", "CHN", "RUS"),
        ("AID", "IRN", "RUS"),
        ("AID", "USA", "UKR"),
        ("AID", "EU", "UKR"),
        ("ASSAULT", "RUS", "UKR"),
        ("REQUEST", "NATO", "USA"),
        ("SUPPORT", "LTU", "UKR"),
        ("SUPPORT", "BEL", "UKR"),
    ],
)
def test_expected_asserted_events(events: list[Event], kind: str, actor: str, recipient: str):
    found = [e for e in find(events, kind, actor, recipient) if e.factuality == "asserted"]
    assert found, f"{actor} -{kind}-> {recipient} missing"


def test_rutte_accuses_russia_and_its_backers(events: list[Event]) -> None:
    accused = {
        m.code
        for e in events
        if e.event == "ACCUSE" and e.actor[0].code == "NATO"
        for m in e.recipient
    }
    assert {"RUS", "PRK", "IRN", "CHN"} <= accused


def test_north_korean_artillery_is_reported_by_russia(events: list[Event]) -> None:
    (event,) = [e for e in find(events, "AID", "PRK", "RUS") if e.trigger.text == "gives"]
    assert event.mode == "military"
    assert event.attributed_to is not None and event.attributed_to.code == "RUS"


def test_us_aid_amount(events: list[Event]) -> None:
    (event,) = [e for e in find(events, "AID", "USA", "UKR") if e.amount is not None]
    assert event.amount is not None
    assert event.amount.usd == 90e9 and event.amount.qualifier == "more_than"
    assert event.mode == "military"
    (eu,) = [e for e in find(events, "AID", "EU", "UKR") if e.amount is not None]
    assert eu.amount is not None and eu.amount.usd == 125e9


def test_troops_near_kursk_have_coordinates(events: list[Event]) -> None:
    located = [e for e in find(events, "AID", "PRK", "RUS") if e.location is not None]
    assert located
    loc = located[0].location
    assert loc is not None and "Kursk" in loc.text
    assert loc.lat == pytest.approx(51.7, abs=0.5) and loc.lon == pytest.approx(36.2, abs=0.5)


def test_possibilities_are_not_facts(events: list[Event]) -> None:
    pull = [e for e in events if e.trigger.text == "pull"]
    assert pull and all(e.factuality == "hypothetical" for e in pull)


def test_ending_a_war_one_does_not_fight_is_no_retreat(events: list[Event]) -> None:
    """ "he could end the war quickly": the U.S. is no party to the war it would end."""
    end = [e for e in events if e.trigger.text == "end" and "quickly" in e.sentence.text]
    assert end == []


def test_nothing_from_page_furniture(events: list[Event]) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    cutoff = text.index("ALSO READ")
    assert all(e.trigger.start < cutoff for e in events)


def test_belgian_support_is_de_croos_statement(events: list[Event]) -> None:
    (event,) = find(events, "SUPPORT", "BEL", "UKR")
    assert "De Croo" in event.sentence.text
    assert event.attributed_to is not None and event.attributed_to.code == "BEL"
    # the help he speaks of stays a possibility, told by him
    (help_,) = [e for e in events if e.sentence.index == event.sentence.index and e.event == "AID"]
    assert help_.factuality == "hypothetical"
    assert help_.attributed_to is not None and help_.attributed_to.code == "BEL"
