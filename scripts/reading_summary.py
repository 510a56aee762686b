"""Summarise the precision-by-reading verdicts (issue 13).

    python scripts/reading_summary.py tests/data/voa/reading_sample.jsonl \
        tests/data/voa/reading_r1.jsonl tests/data/voa/reading_r2.jsonl

The sample (drawn by scripts/draw_events.py: every test-split event at or above the default
threshold, and a seeded random 160 of those below it) is judged by two readers who saw neither
the confidence nor the stratum; items both judged give their agreement. Rates per stratum use
reader 1's verdict where both judged an item.

    python scripts/reading_summary.py --census tests/data/voa/reading_census_2026-12-01.jsonl [0.4]

A census file holds each drawn event with its verdict inline (``verdict``, ``reader``); the
optional last argument keeps only the events of at least that confidence.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

FIELDS = ("real_event", "actor_right", "recipient_right", "factuality_right", "fully_right")


def _read(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]


def _rates(name: str, rows: list[dict]) -> None:
    real = [r for r in rows if r["real_event"]]
    parts = [
        f"{name}: {len(rows)} events",
        f"real event {len(real) / len(rows):.3f}",
        f"fully right {sum(r['fully_right'] for r in rows) / len(rows):.3f}",
    ]
    for field in FIELDS[1:4]:
        parts.append(f"{field} {sum(bool(r[field]) for r in real) / max(len(real), 1):.3f}")
    print(", ".join(parts))


def main() -> None:
    if sys.argv[1] == "--census":
        least = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
        rows = [row["verdict"] for row in _read(sys.argv[2]) if row["confidence"] >= least]
        _rates("census", rows)
        return
    sample = {r["n"]: r for r in _read(sys.argv[1])}
    readers = [{r["n"]: r for r in _read(p)} for p in sys.argv[2:]]
    verdict = {}
    for reader in reversed(readers):
        verdict.update(reader)
    strata: dict[str, list[dict]] = defaultdict(list)
    for n, v in verdict.items():
        strata[sample[n]["stratum"]].append(v)
        strata["all"].append(v)
    for name, rows in sorted(strata.items()):
        _rates(name, rows)
    if len(readers) == 2:
        both = sorted(readers[0].keys() & readers[1].keys())
        for field in ("real_event", "fully_right"):
            same = sum(readers[0][n][field] == readers[1][n][field] for n in both)
            print(f"agreement on {field}: {same}/{len(both)} = {same / len(both):.3f}")


if __name__ == "__main__":
    main()
