"""The small logistic model behind the relevance gate and the verifier (no spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import ModelFileError
from allegiance.judge.logistic import (
    LogisticModel,
    TrainOptions,
    cross_margins,
    file_hash,
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
