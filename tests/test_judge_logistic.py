"""The small logistic model behind the relevance gate and the verifier (no spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import ModelFileError
from allegiance.judge.logistic import (
    LogisticModel,
    TrainOptions,
    Unseen,
    calibrated_heldout,
    cross_margins,
    file_hash,
    heldout_margins,
    load_model,
    reliability,
    train,
)
from allegiance.judge.relevance import section_verdict, text_features


def _data():
    rows, labels, groups = [], [], []
    for i in range(60):
        good = i % 3 != 0
        rows.append({"signal": 1.0 if good else 0.0, f"noise={i % 7}": 1.0})
        labels.append(int(good))
        groups.append(f"g{i // 2}")
    return rows, labels, groups


def test_training_is_reproducible_and_learns_the_signal(tmp_path: Path):
    rows, labels, groups = _data()
    first, held = train(rows, labels, groups=groups)
    second, _ = train(rows, labels, groups=groups)
    (tmp_path / "a.json").write_text(first.to_json())
    (tmp_path / "b.json").write_text(second.to_json())
    assert file_hash(tmp_path / "a.json") == file_hash(tmp_path / "b.json")
    assert first.probability({"signal": 1.0}) > 0.8 > 0.2 > first.probability({})
    assert len(held) == len(rows)
    curve = reliability(held, labels)
    assert sum(row["n"] for row in curve) == len(rows)


def test_a_fold_seed_is_a_fixed_reassignment_of_the_folds():
    rows, labels, groups = _data()
    weights = [1.0] * len(rows)
    shipped = cross_margins(rows, labels, groups, weights, TrainOptions())
    assert cross_margins(rows, labels, groups, weights, TrainOptions(fold_seed=0)) == shipped
    shuffled = cross_margins(rows, labels, groups, weights, TrainOptions(fold_seed=3))
    assert shuffled != shipped and len(shuffled) == len(shipped)
    again = cross_margins(rows, labels, groups, weights, TrainOptions(fold_seed=3))
    assert again == shuffled  # a seed is a fixed assignment


def test_unseen_rows_are_scored_by_the_fold_model_that_did_not_see_their_group():
    rows, labels, groups = _data()
    weights = [1.0] * len(rows)
    # each unseen row is a copy of a training row: the same features, the same group
    picks = [0, 7, 31, 58]
    unseen = Unseen(
        [rows[i] for i in picks], [labels[i] for i in picks], [groups[i] for i in picks]
    )
    held, held_unseen = heldout_margins(rows, labels, groups, weights, TrainOptions(), unseen)
    assert held == cross_margins(rows, labels, groups, weights, TrainOptions())
    assert held_unseen == [held[i] for i in picks]
    # a group the training rows do not have is scored too (by the first fold's model)
    stranger = Unseen([{"signal": 1.0}], [1], ["nobody"])
    _, scored = heldout_margins(rows, labels, groups, weights, TrainOptions(), stranger)
    assert scored[0] > 0


def test_calibrating_on_unseen_rows_reads_their_rate_not_the_training_rows():
    rows, labels, groups = _data()
    good = [{"signal": 1.0, "noise=0": 1.0}] * 20
    # the same good-looking rows, right only a quarter of the time where the model is used
    unseen = Unseen(good, [int(i % 4 == 0) for i in range(20)], [f"g{i}" for i in range(20)])
    plain, _, _ = calibrated_heldout(rows, labels, groups=groups)
    on_unseen, a, b = calibrated_heldout(rows, labels, groups=groups, unseen=unseen)
    signal = [i for i, row in enumerate(rows) if row["signal"]]
    assert max(on_unseen[i] for i in signal) < 0.5 < min(plain[i] for i in signal)
    model, _ = train(rows, labels, groups=groups, unseen=unseen)
    assert (model.platt_a, model.platt_b) == (a, b)
    assert model.probability({"signal": 1.0, "noise=0": 1.0}) < 0.5


def test_round_trip(tmp_path: Path):
    model = LogisticModel({"a": 1.5, "b": -0.25}, 0.1, 2.0, -0.5, {"what": "test"})
    path = tmp_path / "m.json"
    path.write_text(model.to_json())
    loaded = load_model(path)
    assert loaded.probability({"a": 1.0}) == pytest.approx(model.probability({"a": 1.0}))
    assert loaded.meta == {"what": "test"}


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        '{"format": "other/1"}',
        "[1, 2]",
        '{"format": "allegiance-logistic/1", "weights": 3}',
    ],
)
def test_corrupt_model_file_is_one_error(tmp_path: Path, content: str):
    path = tmp_path / "m.json"
    path.write_text(content)
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_missing_model_file(tmp_path: Path):
    with pytest.raises(ModelFileError, match="missing"):
        load_model(tmp_path / "nope.json")


@pytest.mark.parametrize(
    ("url", "section", "verdict"),
    [
        ("https://news.example.org/sport/match-report", None, False),
        ("https://news.example.org/world/europe/summit", None, None),
        (None, "Arts", False),
        ("https://news.example.org/business/tariffs", None, None),  # left to the model
        (None, "Africa", None),
    ],
)
def test_section_verdict(url, section, verdict):
    assert section_verdict(url=url, section=section) is verdict


def test_text_features_are_normalised():
    features = text_features("The minister met the minister of defence.")
    assert set(features) == {"w=minister", "w=met", "w=defence"}
    assert sum(v * v for v in features.values()) == pytest.approx(1.0)
    assert text_features("") == {}
