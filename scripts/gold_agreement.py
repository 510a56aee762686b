"""Agreement between the two annotators of the real-news gold (issue 13).

    python scripts/gold_agreement.py tests/data/voa/gold_a.jsonl tests/data/voa/gold_b.jsonl
    python scripts/gold_agreement.py tests/data/written/gold.jsonl \
        tests/data/written/second/gold_second.jsonl --shared-stories

``--shared-stories`` compares only the stories the second file's annotator labelled (a second
annotation of a sample).

Each annotator's events are reduced to event keys per story (PLOVER type after the manual's
future-tense rule, actor codes, recipient codes; a reciprocal act lists all parties as actors),
as ``allegiance evaluate`` scores them. Agreement is the F1 of one annotator's keys against the
other's, at the three levels of the scorer; factuality agreement is over the keys both found;
story-level agreement on "holds a political event" is Cohen's kappa.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from allegiance.evaluate_docs import LEVELS, at_level, read_doc_gold


def _keys(path: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for g in read_doc_gold(path):
        if g.actors or g.recipients:
            out.setdefault(g.story, {}).setdefault(g.key, set()).add(g.factuality)
    return out


def _political(gold: Path) -> dict[str, bool]:
    """The annotator's story flags, from stories_X.jsonl beside gold_X.jsonl."""
    path = gold.with_name(gold.name.replace("gold", "stories", 1))
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["story"]: r["political"] for r in map(json.loads, lines) if r}


def _kappa(a: dict[str, bool], b: dict[str, bool]) -> float:
    stories = sorted(a.keys() & b.keys())
    n = len(stories)
    agree = sum(a[s] == b[s] for s in stories) / n
    pa, pb = sum(a[s] for s in stories) / n, sum(b[s] for s in stories) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (agree - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    path_a, path_b = Path(sys.argv[1]), Path(sys.argv[2])
    a, b = _keys(path_a), _keys(path_b)
    flags_a, flags_b = _political(path_a), _political(path_b)
    if "--shared-stories" in sys.argv[3:]:
        a = {s: keys for s, keys in a.items() if s in flags_b}
        flags_a = {s: flag for s, flag in flags_a.items() if s in flags_b}
    stories = sorted(a.keys() | b.keys())
    for level in LEVELS:
        c = Counter()
        for s in stories:
            ka = {at_level(k, level) for k in a.get(s, {})}
            kb = {at_level(k, level) for k in b.get(s, {})}
            c["both"] += len(ka & kb)
            c["a"] += len(ka)
            c["b"] += len(kb)
        f1 = 2 * c["both"] / (c["a"] + c["b"]) if c["a"] + c["b"] else 0.0
        print(f"{level:<10} A {c['a']:>4}  B {c['b']:>4}  both {c['both']:>4}  F1 {f1:.3f}")
    same = total = 0
    for s in stories:
        for key in a.get(s, {}).keys() & b.get(s, {}).keys():
            total += 1
            same += bool(a[s][key] & b[s][key])
    print(f"factuality agreement on {total} shared keys: {same / max(total, 1):.3f}")
    shared = len(flags_a.keys() & flags_b.keys())
    print(f"political story kappa: {_kappa(flags_a, flags_b):.3f} on {shared} stories")


if __name__ == "__main__":
    main()
