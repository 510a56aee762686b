"""scripts/reading_summary.py: its usage, its errors, and the rates it prints for a census."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "reading_summary.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def verdict(real: bool, fully: bool) -> dict:
    return {
        "real_event": real,
        "actor_right": real,
        "recipient_right": fully,
        "factuality_right": True,
        "fully_right": fully,
    }


def test_help_prints_both_usages():
    done = run("--help")
    assert done.returncode == 0
    assert "--census FILE [MIN_CONFIDENCE]" in done.stdout


def test_a_missing_file_is_a_one_line_error(tmp_path):
    done = run("--census", str(tmp_path / "nope.jsonl"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith("No such file or directory")


def test_a_census_is_summarised_above_a_confidence(tmp_path):
    rows = [
        {"confidence": 0.9, "verdict": verdict(True, True)},
        {"confidence": 0.8, "verdict": verdict(True, False)},
        {"confidence": 0.75, "verdict": verdict(False, False)},
        {"confidence": 0.2, "verdict": verdict(False, False)},
    ]
    path = tmp_path / "census.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    done = run("--census", str(path), "0.7")
    assert done.returncode == 0
    assert done.stdout.startswith("census: 3 events, real event 0.667, fully right 0.333")
    assert "recipient_right 0.500" in done.stdout


def test_a_threshold_that_is_no_number_is_refused(tmp_path):
    path = tmp_path / "census.jsonl"
    path.write_text(json.dumps({"confidence": 0.9, "verdict": verdict(True, True)}) + "\n")
    done = run("--census", str(path), "high")
    assert done.returncode == 2
    assert "not a confidence: 'high'" in done.stderr
