"""scripts/retraining_noise.py: its usage and its one-line errors (the run itself retrains the
verifier a dozen times and is timed in docs, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "retraining_noise.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_help_prints_the_usage():
    done = run("--help")
    assert done.returncode == 0
    assert "--runs" in done.stdout and "--shared" in done.stdout


def test_missing_corpora_are_a_one_line_error(tmp_path):
    done = run("--shared", str(tmp_path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "no VOA stories at" in done.stderr.strip().splitlines()[-1]


def test_fewer_than_one_run_is_refused(tmp_path):
    done = run("--runs", "0")
    assert done.returncode == 2
    assert "--runs must be at least 1" in done.stderr
