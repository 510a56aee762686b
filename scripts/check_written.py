"""Check a batch of written stories and their gold before it joins ``tests/data/written``.

    python scripts/check_written.py /tmp/w23             # a new batch, before merging
    python scripts/check_written.py tests/data/written             # every story

reads ``<prefix>_articles.jsonl``, ``<prefix>_gold.jsonl`` and ``<prefix>_stories.jsonl`` (or
``articles.jsonl``, ``gold.jsonl`` and ``stories.jsonl`` in a directory) and
prints one line per problem: a missing field, an unknown event type or factuality, a code the
knowledge base does not have, a quote that is not a verbatim sentence of its story, a political
story without events or a non-political one with some. Exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from allegiance.actors import load_kb
from allegiance.models import EVENT_TYPES, FACTUALITIES

ARTICLE_FIELDS = ("id", "url", "section", "title", "author", "published", "keywords", "text")
GOLD_FIELDS = ("story", "event", "mode", "actor", "recipient", "mutual", "factuality",
               "attributed_to", "amount", "location", "trigger", "quote", "note")  # fmt: skip


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _codes_of(event: dict[str, Any]) -> list[str]:
    said = event.get("attributed_to")
    return [*event.get("actor", []), *event.get("recipient", []),
            *([said] if said not in (None, "OTHER") else [])]  # fmt: skip


def gold_problems(event: dict[str, Any], texts: dict[str, str], codes: set[str]) -> list[str]:
    """What is wrong with one gold record."""
    found = [f"missing {f}" for f in GOLD_FIELDS if f not in event]
    if event.get("story") not in texts:
        return [*found, f"unknown story {event.get('story')}"]
    if event.get("event") not in EVENT_TYPES:
        found.append(f"event {event.get('event')}")
    if event.get("factuality") not in FACTUALITIES:
        found.append(f"factuality {event.get('factuality')}")
    found += [f"code {c!r} not in the knowledge base" for c in _codes_of(event) if c not in codes]
    if not event.get("quote") or event["quote"] not in texts[event["story"]]:
        found.append("quote not found verbatim in its story")
    return found


def batch_file(prefix: Path, name: str) -> Path:
    return prefix / f"{name}.jsonl" if prefix.is_dir() else Path(f"{prefix}_{name}.jsonl")


def batch_problems(prefix: Path) -> list[str]:
    articles = _rows(batch_file(prefix, "articles"))
    stories = {s["story"]: s for s in _rows(batch_file(prefix, "stories"))}
    gold = _rows(batch_file(prefix, "gold"))
    texts = {a["id"]: a["text"] for a in articles}
    codes = set(load_kb().actors)
    found = [f"article {a.get('id')}: missing {f}" for a in articles for f in ARTICLE_FIELDS
             if f not in a]  # fmt: skip
    found += [f"story {s} has no line in _stories.jsonl" for s in texts if s not in stories]
    for n, event in enumerate(gold, 1):
        found += [f"gold line {n}: {p}" for p in gold_problems(event, texts, codes)]
    counts = Counter(e.get("story") for e in gold)
    for story, row in stories.items():
        if bool(row.get("political")) != bool(counts[story]):
            found.append(f"story {story}: political={row.get('political')}, {counts[story]} events")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("prefix", type=Path, help="path before _articles.jsonl")
    args = parser.parse_args()
    problems = batch_problems(args.prefix)
    for problem in problems:
        print(problem)
    events = len(_rows(batch_file(args.prefix, "gold")))
    print(f"{events} gold events, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
