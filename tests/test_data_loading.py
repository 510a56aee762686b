"""The readers of our data files: the fast YAML loader reads what PyYAML's own reads, place
names normalise the same on the ASCII shortcut as through accent folding, and a lexicon's
phrase pattern matches whole phrases only."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from allegiance.actors.kb import folded
from allegiance.events.lexicon import _phrase_pattern
from allegiance.events.places import normalise_place
from allegiance.yamlfile import load_yaml


def _data_files() -> list[Path]:
    root = Path(str(resources.files("allegiance") / "data"))
    return sorted(root.rglob("*.yaml"))


def test_there_are_data_files() -> None:
    assert len(_data_files()) >= 5


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_fast_loader_reads_what_pyyaml_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


def test_fast_loader_is_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


def test_fast_loader_reports_bad_yaml() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("key: [unclosed")


@pytest.mark.parametrize(
    "name",
    ["The  Hague", "Washington, D.C.", "St. Petersburg", "Kyiv", "N'Djamena", "the Gulf"],
)
def test_ascii_names_normalise_as_folded(name: str) -> None:
    slow = folded(name).strip()
    slow = " ".join(slow.split()).strip(' .,;:!?"()')
    slow = slow[4:] if slow.startswith("the ") else slow
    assert normalise_place(name) == slow


def test_accented_names_fold() -> None:
    assert normalise_place("São Paulo") == "sao paulo"
    assert normalise_place("Kyïv’s") == "kyiv's"


def test_phrase_pattern_matches_whole_phrases_longest_first() -> None:
    pattern = _phrase_pattern(["years ago", "years", "ago"])
    assert pattern.search("two years ago, they").group(0) == "years ago"
    assert pattern.search("yearsago") is None


def test_phrase_pattern_of_nothing_matches_nothing() -> None:
    assert _phrase_pattern([]).search("anything at all") is None
