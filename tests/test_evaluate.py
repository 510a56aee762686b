"""Reading gold files and scoring arithmetic (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.cli.evaluate import render_table
from allegiance.errors import GoldFormatError
from allegiance.evaluate import FLOORS, Tally, failures, read_contrast, read_gold


def write(tmp_path: Path, data, name: str = "gold.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_reads_plover_records_and_maps_2016_names(tmp_path: Path) -> None:
    records = [
        {"id": "d", "event": "DOCUMENT", "eventText": "notes"},
        {"id": "1", "event": "FIGHT", "text": "Rebels shelled the town.",
         "source": [{"code": "SDN"}], "target": "", "mode": "confiscate",
         "eventLoc": {"name": "Juba"}},
        {"id": "2", "event": "DEMAND", "text": "A asked B.", "source": [], "target": []},
    ]  # fmt: skip
    gold = read_gold(write(tmp_path, records))
    assert [g.event for g in gold] == ["ASSAULT", "REQUEST"]
    assert gold[0].actors == {"SDN"} and gold[0].recipients == frozenset()
    assert gold[0].mode == "seize" and gold[0].location == "Juba"


@pytest.mark.parametrize(
    "content",
    ["not json", json.dumps({"event": "AGREE"}), json.dumps([{"event": "AGREE"}]),
     json.dumps([]), json.dumps([{"event": "AGREE", "text": "x", "source": 5}])],
)  # fmt: skip
def test_bad_gold_is_a_clear_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(GoldFormatError):
        read_gold(write(tmp_path, content))


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read"):
        read_gold(tmp_path / "absent.json")


def test_contrast_reader(tmp_path: Path) -> None:
    line = {"group": 1, "text": "A hit B.", "factuality": "asserted", "event": "ASSAULT"}
    items = read_contrast(write(tmp_path, json.dumps(line) + "\n\n", "c.jsonl"))
    assert items[0].factuality == "asserted" and items[0].actor is None
    with pytest.raises(GoldFormatError, match=":1:"):
        read_contrast(write(tmp_path, '{"text": 1}\n', "bad.jsonl"))


def test_tally_scores() -> None:
    tally = Tally()
    tally.add({"USA", "GBR"}, {"USA"})
    tally.add(set(), {"FRA"})
    scores = tally.scores()
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5 and scores["f1"] == 0.5


def test_table_marks_figures_below_floor() -> None:
    report = {
        "type_accuracy": 0.8,
        "macro_f1": 0.5,
        "per_type": {"AID": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "support": 2}},
    }
    table = render_table(report)
    assert "type_accuracy" in table and "BELOW" in table and "AID" in table
    assert failures(report) == ["macro_f1"]
    assert FLOORS["type_accuracy"] == 0.75


@pytest.mark.model
def test_halves_split_the_gold_in_two(tmp_path: Path, extractor) -> None:
    from allegiance.errors import ConfigError
    from allegiance.evaluate import run

    records = [
        {"id": str(i), "event": "FIGHT", "text": f"Rebels shelled town number {i}.",
         "source": [{"code": "SDN"}], "target": []}
        for i in range(5)
    ]  # fmt: skip
    path = write(tmp_path, records)
    sizes = [
        run(path, settings=extractor.settings, extractor=extractor, half=h)["sentences"]
        for h in (None, "even", "odd")
    ]
    assert sizes == [5, 3, 2]
    with pytest.raises(ConfigError, match="half"):
        run(path, settings=extractor.settings, extractor=extractor, half="third")


def test_mutual_act_is_scored_as_plover_reciprocal_actors() -> None:
    from allegiance.evaluate import prediction
    from allegiance.models import Event, Mention, Sentence, Span

    def event(actor: str, recipient: str) -> Event:
        return Event(
            id=actor, doc_id="d", event="SUPPORT", trigger=Span("signed", 0, 6),
            sentence=Sentence(0, 0, 6, "signed"), actor=(Mention(actor, 0, 1, code=actor),),
            recipient=(Mention(recipient, 2, 3, code=recipient),),
        )  # fmt: skip

    same = lambda code: code  # noqa: E731
    mutual = prediction([event("JPN", "KOR"), event("KOR", "JPN")], same)
    assert mutual.actors == {"JPN", "KOR"} and mutual.recipients == frozenset()
    domestic = prediction([event("SDN", "SDN")], same)  # one party on both sides stays
    assert domestic.recipients == {"SDN"}
