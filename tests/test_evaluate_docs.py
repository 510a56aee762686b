"""Document-level scoring against a real-news gold, on hand-made events (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.cli.evaluate import render_doc_table
from allegiance.errors import GoldFormatError
from allegiance.evaluate_docs import (
    GoldEvent,
    is_doc_gold,
    predicted_keys,
    read_doc_gold,
    score_documents,
)
from allegiance.models import Event, Mention, Sentence, Span

SENT = Sentence(index=0, start=0, end=40, text="x" * 40)


def event(kind, actors, recipients, *, conf=0.9, fact="asserted", trigger=5, story="s1", mode=None):
    return Event(
        id=f"{kind}{trigger}{actors}{recipients}",
        doc_id=story,
        event=kind,
        trigger=Span("t", trigger, trigger + 1),
        sentence=SENT,
        mode=mode,
        actor=tuple(Mention(c, 0, 1, code=c) for c in actors),
        recipient=tuple(Mention(c, 2, 3, code=c) for c in recipients),
        factuality=fact,
        confidence=conf,
    )


def gold(kind, actors, recipients, **kw):
    return GoldEvent(
        story=kw.pop("story", "s1"),
        event=kind,
        actors=frozenset(actors),
        recipients=frozenset(recipients),
        **kw,
    )


def test_exact_match_counts_once_and_wrong_direction_is_a_miss():
    golds = [gold("AID", ["USA"], ["UKR"]), gold("ACCUSE", ["UKR"], ["RUS"])]
    preds = {
        "s1": [
            event("AID", ["USA"], ["UKR"]),
            event("AID", ["USA"], ["UKR"], trigger=9),
            event("ACCUSE", ["RUS"], ["UKR"], trigger=12),
        ]
    }
    report = score_documents(golds, preds)
    assert report["event"] == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "tp": 1,
        "fp": 1,
        "fn": 1,
    }
    # the swapped accusation is right at the dyad levels
    assert report["type_dyad"]["tp"] == 2
    assert report["dyad"]["tp"] == 2


def test_future_aid_is_agree_on_both_sides_and_meetings_are_reciprocal():
    golds = [
        gold("AID", ["JPN"], ["UKR"], factuality="future"),
        gold("CONSULT", ["USA"], ["SAU"], mode="meet"),
    ]
    preds = {
        "s1": [
            event("AGREE", ["JPN"], ["UKR"], fact="asserted"),
            event("CONSULT", ["SAU"], ["USA"], trigger=20),
        ]
    }
    report = score_documents(golds, preds)
    assert report["event"]["tp"] == 2
    assert report["factuality_accuracy"] == 0.5  # the AGREE was read as asserted, gold future


def test_factuality_errors_name_what_the_gold_said_and_what_was_found():
    golds = [
        gold("ACCUSE", ["UKR"], ["RUS"], factuality="historical"),
        gold("AID", ["USA"], ["UKR"], factuality="historical", story="s2"),
        gold("REJECT", ["IRN"], ["USA"], factuality="negated", story="s2"),
        gold("CONSULT", ["FRA", "DEU"], [], mutual=True, story="s3"),
    ]
    preds = {
        "s1": [event("ACCUSE", ["UKR"], ["RUS"], fact="asserted")],
        "s2": [
            event("AID", ["USA"], ["UKR"], fact="asserted", story="s2"),
            event("REJECT", ["IRN"], ["USA"], fact="negated", trigger=9, story="s2"),
        ],
        "s3": [event("CONSULT", ["FRA", "DEU"], [], fact="historical", story="s3")],
    }
    report = score_documents(golds, preds)
    assert report["matched"] == 4 and report["factuality_accuracy"] == 0.25
    assert report["factuality_errors"] == [
        {"gold": "historical", "found": "asserted", "count": 2},
        {"gold": "asserted", "found": "historical", "count": 1},
    ]
    table = render_doc_table(report)
    assert (
        "factuality errors (gold -> found): historical -> asserted 2, asserted -> historical 1"
        in table
    )


def test_mutual_group_is_one_key():
    keys = predicted_keys([event("AGREE", ["ARM"], ["AZE"]), event("AGREE", ["AZE"], ["ARM"])])
    assert list(keys) == [("AGREE", frozenset({"ARM", "AZE"}), frozenset())]


def test_coordinated_actors_of_one_trigger_are_one_key():
    """The extractor gives each coordinated actor an event; the gold records the happening
    once with all its actors."""
    keys = predicted_keys(
        [event("ACCUSE", ["UN"], ["HTI"], conf=0.4), event("ACCUSE", ["FRA"], ["HTI"], conf=0.6)]
    )
    assert list(keys) == [("ACCUSE", frozenset({"UN", "FRA"}), frozenset({"HTI"}))]
    assert keys[("ACCUSE", frozenset({"UN", "FRA"}), frozenset({"HTI"}))].confidence == 0.6
    other_trigger = event("ACCUSE", ["USA"], ["HTI"], trigger=9)
    assert len(predicted_keys([event("ACCUSE", ["UN"], ["HTI"]), other_trigger])) == 2


def test_threshold_and_curve():
    golds = [gold("AID", ["USA"], ["UKR"])]
    preds = {
        "s1": [
            event("AID", ["USA"], ["UKR"], conf=0.8),
            event("ASSAULT", ["RUS"], ["UKR"], conf=0.3, trigger=20),
        ]
    }
    report = score_documents(golds, preds, threshold=0.5)
    assert report["event"]["precision"] == 1.0
    curve = {row["threshold"]: row for row in report["curve"]}
    assert curve[0.0]["precision"] == 0.5 and curve[0.9]["recall"] == 0.0
    assert "confidence" in render_doc_table(report)


def test_stories_without_gold_count_their_events_as_false():
    report = score_documents(
        [gold("AID", ["USA"], ["UKR"])],
        {"s1": [], "s2": [event("ASSAULT", ["GBR"], ["FRA"], story="s2")]},
    )
    assert report["event"]["fp"] == 1 and report["event"]["fn"] == 1


def test_uncoded_predictions_are_not_compared():
    assert predicted_keys([event("PROTEST", [], [])]) == {}


def test_reading_gold(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(
            {
                "story": "1",
                "event": "AID",
                "actor": ["USA"],
                "recipient": ["UKR"],
                "factuality": "asserted",
            }
        )
        + "\n"
    )
    assert is_doc_gold(path)
    (record,) = read_doc_gold(path)
    assert record.key == ("AID", frozenset({"USA"}), frozenset({"UKR"}))
    path.write_text('{"story": "1", "event": "DANCE"}\n')
    with pytest.raises(GoldFormatError, match="unknown event type"):
        read_doc_gold(path)
    path.write_text("[1, 2]")
    assert not is_doc_gold(path)


def test_average_precision_rewards_right_keys_ranked_first():
    golds = [gold("AID", ["USA"], ["UKR"]), gold("CONSULT", ["FRA", "DEU"], [])]
    right_first = {
        "s1": [
            event("AID", ["USA"], ["UKR"], conf=0.9),
            event("ASSAULT", ["RUS"], ["UKR"], conf=0.5, trigger=20),
        ]
    }
    wrong_first = {
        "s1": [
            event("AID", ["USA"], ["UKR"], conf=0.5),
            event("ASSAULT", ["RUS"], ["UKR"], conf=0.9, trigger=20),
        ]
    }
    first = score_documents(golds, right_first)
    second = score_documents(golds, wrong_first)
    # one of two gold keys found, at rank 1 or rank 2
    assert first["average_precision"] == 0.5 and second["average_precision"] == 0.25
    assert first["ranking_average_precision"] == 1.0
    assert second["ranking_average_precision"] == 0.5


def test_average_precision_gives_no_credit_for_ties():
    golds = [gold("AID", ["USA"], ["UKR"])]
    tied = {
        "s1": [
            event("AID", ["USA"], ["UKR"], conf=0.5),
            event("ASSAULT", ["RUS"], ["UKR"], conf=0.5, trigger=20),
        ]
    }
    assert score_documents(golds, tied)["average_precision"] == 0.5
    assert score_documents([], {"s1": []})["average_precision"] is None


def test_the_event_interval_comes_from_resampling_the_stories():
    from allegiance.evaluate_docs import bootstrap_interval

    stories = [(3, 1, 2), (0, 2, 1), (5, 0, 0), (1, 1, 4), (2, 2, 2)]
    interval = bootstrap_interval(stories, resamples=500, seed=7)
    assert interval == bootstrap_interval(stories, resamples=500, seed=7)
    low, high = interval["precision"]
    assert low < 11 / 17 < high  # the pooled precision of the five stories
    assert interval["recall"][0] < interval["recall"][1]
    alike = bootstrap_interval([(2, 1, 1)] * 5, resamples=200)
    assert alike["precision"] == [0.6667, 0.6667] and alike["f1"] == [0.6667, 0.6667]
    assert bootstrap_interval([]) is None


def test_no_stories_give_no_paired_difference():
    from allegiance.evaluate_docs import paired_difference

    assert paired_difference([], []) is None
    same = paired_difference([(2, 1, 1), (0, 1, 3)], [(2, 1, 1), (0, 1, 3)], resamples=50)
    assert same["precision"] == {"difference": 0.0, "interval": [0.0, 0.0]}


def test_the_report_and_its_table_give_the_interval():
    golds = [gold("AID", ["USA"], ["UKR"]), gold("AID", ["DEU"], ["UKR"], story="s2")]
    preds = {
        "s1": [event("AID", ["USA"], ["UKR"])],
        "s2": [event("ASSAULT", ["RUS"], ["UKR"], story="s2")],
    }
    report = score_documents(golds, preds)
    interval = report["event_interval"]
    assert interval["level"] == 0.95 and interval["resamples"] == 1000
    assert interval["precision"] == [0.0, 1.0]  # one story right, one wrong
    assert "95% interval over the stories" in render_doc_table(report)


def test_a_saved_run_is_compared_with_a_baseline_on_the_same_stories(tmp_path: Path):
    from click.testing import CliRunner

    from allegiance.cli import cli

    def lines(path: Path, rows) -> Path:
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path

    stories = [{"id": s, "text": "The United States sent aid to Ukraine."} for s in ("s1", "s2")]
    gold_file = lines(tmp_path / "gold.jsonl", [
        {"story": "s1", "event": "AID", "actor": ["USA"], "recipient": ["UKR"]},
        {"story": "s2", "event": "AID", "actor": ["USA"], "recipient": ["UKR"]},
    ])  # fmt: skip
    right = [event("AID", ["USA"], ["UKR"], story=s).to_dict() for s in ("s1", "s2")]
    wrong = [event("ASSAULT", ["USA"], ["UKR"], story="s2").to_dict()]
    result = CliRunner().invoke(cli, [
        "evaluate", str(gold_file), "--articles", str(lines(tmp_path / "a.jsonl", stories)),
        "--predictions", str(lines(tmp_path / "now.jsonl", right)),
        "--baseline", str(lines(tmp_path / "before.jsonl", right[:1] + wrong)),
        "--min-confidence", "0", "--format", "json",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["baseline"]["event"]["tp"] == 1 and report["baseline"]["event"]["fp"] == 1
    difference = report["baseline"]["difference"]
    assert difference["precision"]["difference"] == 0.5
    assert difference["recall"]["difference"] == 0.5
    low, high = difference["recall"]["interval"]
    assert 0 <= low <= 0.5 <= high <= 1


def test_a_baseline_needs_a_document_level_gold(tmp_path: Path):
    from click.testing import CliRunner

    from allegiance.cli import cli

    plover = tmp_path / "plover.json"
    plover.write_text("[]", encoding="utf-8")
    saved = tmp_path / "run.jsonl"
    saved.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(plover), "--baseline", str(saved)])
    assert result.exit_code == 2 and "document-level gold" in result.output


def test_reliability_bins_every_key_found_by_its_confidence():
    golds = [gold("AID", ["USA"], ["UKR"]), gold("ACCUSE", ["UKR"], ["RUS"])]
    found = {
        "s1": [
            event("AID", ["USA"], ["UKR"], conf=0.95),
            event("ACCUSE", ["UKR"], ["RUS"], conf=0.91, trigger=10),
            event("ASSAULT", ["RUS"], ["UKR"], conf=0.93, trigger=20),
            event("REQUEST", ["FRA"], ["UKR"], conf=0.15, trigger=30),
        ]
    }
    report = score_documents(golds, found, threshold=0.6)
    bins = {row["bin"]: row for row in report["reliability"]}
    assert set(bins) == {"0.1-0.2", "0.9-1.0"}
    assert bins["0.9-1.0"]["n"] == 3 and bins["0.9-1.0"]["observed"] == pytest.approx(0.667, 0.01)
    assert bins["0.9-1.0"]["predicted"] == pytest.approx(0.93, 0.001)
    assert bins["0.1-0.2"] == {"bin": "0.1-0.2", "n": 1, "predicted": 0.15, "observed": 0.0}
    table = render_doc_table(report)
    assert "reliability" in table and "0.9-1.0" in table
