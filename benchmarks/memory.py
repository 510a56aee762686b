"""Flat memory on a large ingest, and resume after a kill halfway.

Usage: python benchmarks/memory.py [--words 1000000] [--workers 2]

Writes a corpus of the ../shared articles repeated (distinct ids, near-duplicate detection off
so every copy is really extracted), runs `allegiance ingest` as a subprocess while sampling the
RSS of its whole process tree, kills it halfway, resumes, and prints the figures.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from corpus import corpus, word_count


def _tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(total RSS of the tree, largest single process RSS), in bytes."""
    try:
        procs = [proc, *proc.children(recursive=True)]
        sizes = [p.memory_info().rss for p in procs if p.is_running()]
    except psutil.Error:
        return 0, 0
    return sum(sizes), max(sizes, default=0)


def _run(cmd: list[str], *, kill_after: float | None = None) -> dict:
    started = time.perf_counter()
    popen = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(popen.pid)
    samples: list[tuple[float, int, int]] = []
    while popen.poll() is None:
        elapsed = time.perf_counter() - started
        samples.append((elapsed, *_tree_rss(proc)))
        if kill_after is not None and elapsed > kill_after:
            for child in proc.children(recursive=True):
                child.send_signal(signal.SIGKILL)
            popen.send_signal(signal.SIGKILL)
        time.sleep(0.5)
    stderr = popen.stderr.read() if popen.stderr else ""
    return {
        "seconds": time.perf_counter() - started,
        "samples": samples,
        "summary": stderr.strip().splitlines()[-1:] or [""],
        "rc": popen.returncode,
    }


def _quartiles(samples: list[tuple[float, int, int]]) -> list[float]:
    if not samples:
        return []
    n = len(samples)
    return [max(s[1] for s in samples[: max(1, n * q // 4)]) / 2**20 for q in (1, 2, 3, 4)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles = corpus(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        source, db = Path(tmp) / "big.jsonl", Path(tmp) / "big.duckdb"
        source.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in articles))
        cmd = [
            sys.executable,
            "-m",
            "allegiance",
            "ingest",
            str(source),
            "--db",
            str(db),
            "-q",
            "--workers",
            str(args.workers),
            "--no-dedup",
        ]
        print(
            f"corpus: {len(articles)} articles, {word_count(articles)} words; "
            f"{args.workers} workers"
        )
        full = _run(cmd)
        peaks = _quartiles(full["samples"])
        largest = max((s[2] for s in full["samples"]), default=0) / 2**20
        print(
            f"full run: {full['seconds']:.0f}s, {word_count(articles) / full['seconds']:.0f} "
            f"words/s; {full['summary'][0]}"
        )
        print(
            "peak RSS of the process tree by quarter of the run (MB): "
            + ", ".join(f"{p:.0f}" for p in peaks)
        )
        print(f"largest single process: {largest:.0f} MB")
        db.unlink()
        half = _run(cmd, kill_after=full["seconds"] / 2)
        resumed = _run(cmd)
        print(
            f"killed at {full['seconds'] / 2:.0f}s (rc {half['rc']}); resume: "
            f"{resumed['seconds']:.0f}s; {resumed['summary'][0]}"
        )


if __name__ == "__main__":
    main()
