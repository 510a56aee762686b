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

import argparse
import json
from collections import defaultdict
from pathlib import Path

FIELDS = ("real_event", "actor_right", "recipient_right", "factuality_right", "fully_right")


class Unreadable(Exception):
    """A verdict file that is missing or not JSON lines."""


def _read(path: str) -> list[dict]:
    try:
        text = Path(path).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except OSError as exc:
        raise Unreadable(f"cannot read {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise Unreadable(f"{path} is not JSON lines: {exc}") from exc


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


def _census(path: str, least: float) -> None:
    rows = [row["verdict"] for row in _read(path) if row["confidence"] >= least]
    if not rows:
        raise Unreadable(f"{path} holds no event at or above {least}")
    _rates("census", rows)


def _readers(sample_path: str, reader_paths: list[str]) -> None:
    sample = {r["n"]: r for r in _read(sample_path)}
    readers = [{r["n"]: r for r in _read(p)} for p in reader_paths]
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Summarise precision-by-reading verdicts (issue 13).",
        usage="%(prog)s SAMPLE READER [READER]\n       %(prog)s --census FILE [MIN_CONFIDENCE]",
    )
    parser.add_argument("files", nargs="*", help="the drawn sample, then one or two readers")
    parser.add_argument("--census", nargs="+", metavar="ARG", help="FILE [MIN_CONFIDENCE]")
    args = parser.parse_args()
    try:
        if args.census:
            if len(args.census) > 2 or args.files:
                parser.error("--census takes a file and at most one confidence")
            least = _confidence(args.census[1]) if len(args.census) > 1 else 0.0
            _census(args.census[0], least)
        elif len(args.files) in (2, 3):
            _readers(args.files[0], args.files[1:])
        else:
            parser.error("give a sample and one or two reader files, or --census FILE")
    except (Unreadable, ValueError) as exc:
        parser.error(str(exc))


def _confidence(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"not a confidence: {text!r}") from None


if __name__ == "__main__":
    main()
