"""Quality gate of issue 4: the figures of docs/accuracy.md may not drop below their floors.

The floors live in one place, ``allegiance.evaluate.FLOORS``; the same numbers are produced by
``allegiance evaluate GOLD`` and ``allegiance evaluate tests/data/factuality_contrast.jsonl
--contrast``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.evaluate import FLOORS, run, run_contrast

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold" / "plover" / "PLOVER_GSR_CAMEO.json"
CONTRAST = REPO / "tests" / "data" / "factuality_contrast.jsonl"

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def gold_report(extractor) -> dict:
    if not GOLD.is_file():
        pytest.skip("../shared not present (fresh clone)")
    return run(GOLD, settings=extractor.settings, extractor=extractor)


@pytest.mark.parametrize("figure", ["type_accuracy", "macro_f1", "actor_f1", "recipient_f1"])
def test_gold_figure_meets_floor(gold_report: dict, figure: str) -> None:
    assert gold_report[figure] >= FLOORS[figure], (
        f"{figure} {gold_report[figure]:.3f} < floor {FLOORS[figure]}"
    )


def test_gold_report_is_complete(gold_report: dict) -> None:
    assert gold_report["sentences"] > 300
    assert set(gold_report["per_type"]) == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
    assert gold_report["mode_accuracy"] is not None and gold_report["location_accuracy"] is not None


def test_contrast_factuality_meets_floor(extractor) -> None:
    report = run_contrast(CONTRAST, settings=extractor.settings, extractor=extractor)
    assert report["items"] >= 300 and report["groups"] >= 60
    assert report["factuality_accuracy"] >= FLOORS["factuality_accuracy"]
