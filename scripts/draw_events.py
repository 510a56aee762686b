"""Draw emitted events at random for precision by reading (issue 13).

    python scripts/draw_events.py --stories ../shared/news/voa/voa_stories.jsonl \
        --split test --n 220 --seed 13 --out tests/data/voa/reading_sample.jsonl

Runs the normal pipeline on the stories of one split of tests/data/voa/split.json (``--split
all``: every story of the file, e.g. ``tests/data/fresh/articles.jsonl``), keeps the events at
or above the default confidence threshold (``--min-confidence``), and writes a seeded random
sample, one event per line with its sentence, ready for a reader's verdict.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from allegiance.evaluate_docs import extract_stories, read_articles, read_split
from allegiance.settings import Settings

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "voa"


def _brief(mentions: list) -> list[dict]:
    return [{"text": m.text, "code": m.code} for m in mentions]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=Path, required=True)
    parser.add_argument("--split", default="test", help="dev, test, or all (every story)")
    parser.add_argument("--n", type=int, default=220)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--below", type=float, default=None, help="only events under this")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    settings = Settings.from_env()
    cut = settings.min_confidence if args.min_confidence is None else args.min_confidence
    articles = read_articles(args.stories)
    if args.split != "all":
        wanted = read_split(GOLD_DIR / "split.json", args.split)
        articles = [a for a in articles if a.id in wanted]
    events = [e for evs in extract_stories(articles, settings=settings).values() for e in evs]
    top = 2.0 if args.below is None else args.below
    kept = sorted((e for e in events if cut <= e.confidence < top), key=lambda e: e.id)
    sample = random.Random(args.seed).sample(kept, min(args.n, len(kept)))
    with args.out.open("w", encoding="utf-8") as out:
        for e in sample:
            row = {"id": e.id, "story": e.doc_id, "event": e.event, "mode": e.mode,
                   "actor": _brief(list(e.actor)), "recipient": _brief(list(e.recipient)),
                   "factuality": e.factuality,
                   "attributed_to": e.attributed_to.code if e.attributed_to else None,
                   "trigger": e.trigger.text, "sentence": e.sentence.text,
                   "confidence": e.confidence}  # fmt: skip
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(sample)} of {len(kept)} events (of {len(events)} emitted) at >= {cut}")


if __name__ == "__main__":
    main()
