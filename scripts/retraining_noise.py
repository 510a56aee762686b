"""How much the test figures at the default threshold move when the verifier is retrained on
almost the same data: one written story (of 192) left out at a time.

    python scripts/retraining_noise.py [--runs 12] [--seed 1] [--shared ../shared]

The first run leaves nothing out (it is ``make train``'s verifier); each other run leaves out
one written story drawn with ``--seed`` (and its candidates before it was read, which
``make train`` calibrates on). For each run it prints the test split's right and
wrong event keys at the default threshold and how many right keys sit within 0.01 above it:
counts only (test-split errors are never read). Deterministic; no downloads.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

from train_models import (
    DATA,
    RELEVANCE_OPTIONS,
    REPO,
    UNREAD,
    VERIFIER_L2,
    WRITTEN_WEIGHT,
    training_examples,
    verifier_data,
)

from allegiance.evaluate_docs import predicted_keys, read_predictions
from allegiance.judge.components import Verifier
from allegiance.judge.logistic import TrainOptions
from allegiance.models import Event
from allegiance.pipeline import Extractor
from allegiance.settings import DEFAULT_MIN_CONFIDENCE, Settings
from allegiance.training import Example, train_relevance, train_verifier, voa_examples


def _unverified(stories: list[Example]) -> list[tuple[frozenset, object, tuple[Event, ...]]]:
    """Each test story's gold keys, its parsed doc and its rule candidates, as the default
    pipeline (fast path) finds them before the verifier."""
    extractor = Extractor(dataclasses.replace(Settings(), verify=False))
    out = []
    for story in stories:
        doc = extractor.nlp(extractor.make_doc(story.article))
        out.append((story.gold, doc, tuple(doc._.events or ())))
    return out


def _score(verifier: Verifier, stories: list) -> tuple[int, int, int]:
    """Right and wrong keys at the default threshold, and right keys just above it, with the
    pipeline's own verifier component scoring each story's candidates."""
    right = wrong = near = 0
    for gold, doc, events in stories:
        doc._.events = list(events)
        found = predicted_keys(verifier(doc)._.events)
        kept = {k for k, f in found.items() if f.confidence >= DEFAULT_MIN_CONFIDENCE}
        right += len(kept & gold)
        wrong += len(kept - gold)
        near += sum(
            k in gold for k, f in found.items() if 0 <= f.confidence - DEFAULT_MIN_CONFIDENCE < 0.01
        )
    return right, wrong, near


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    stories_file = args.shared / "news" / "voa" / "voa_stories.jsonl"
    if not stories_file.is_file():
        parser.error(f"no VOA stories at {stories_file} (give the shared corpora with --shared)")
    examples = training_examples(args.shared, written_weight=WRITTEN_WEIGHT)
    relevance, report = train_relevance(examples, RELEVANCE_OPTIONS)
    candidates, unread = verifier_data(
        examples, relevance, report["held_out"], unread=read_predictions(UNREAD)
    )
    test = _unverified(voa_examples(stories_file, DATA / "voa", split="test"))
    written = sorted(e.group for e in examples if e.source == "written")
    left_out = [None, *random.Random(args.seed).sample(written, args.runs - 1)]
    options = TrainOptions(l2=VERIFIER_L2, min_count=3)
    print(f"test split at the default threshold {DEFAULT_MIN_CONFIDENCE}, right / wrong keys:")
    for left in left_out:
        model, _ = train_verifier(
            [c for c in candidates if c.group != left],
            options,
            unread=[c for c in unread if c.group != left],
        )
        right, wrong, near = _score(Verifier(model, relevance), test)
        name = left or "nothing (make train)"
        print(
            f"   left out {name:<24} {right:>3} / {wrong:<3} right keys within 0.01 above: {near}"
        )


if __name__ == "__main__":
    main()
