"""How much the test figures at the default threshold move when the verifier is retrained on
almost the same data: one written story (of about 170) left out at a time.

    python scripts/retraining_noise.py [--runs 12] [--seed 1] [--shared ../shared]

The first run leaves nothing out (it is ``make train``'s verifier); each other run leaves out
one written story drawn with ``--seed``. For each run it prints the test split's right and
wrong event keys at the default threshold and how many right keys sit within 0.01 above it:
counts only (test-split errors are never read). Deterministic; no downloads.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

from train_models import DATA, REPO, VERIFIER_L2, WRITTEN_WEIGHT, training_examples

from allegiance.evaluate_docs import comparable, keyed_events
from allegiance.judge.logistic import LogisticModel, TrainOptions
from allegiance.judge.relevance import article_relevance, text_relevance
from allegiance.judge.verifier import Recurrence, candidate_features, directed_views
from allegiance.pipeline import Extractor
from allegiance.settings import DEFAULT_MIN_CONFIDENCE, Settings
from allegiance.training import (
    Example,
    candidates_of,
    train_relevance,
    train_verifier,
    voa_examples,
)

Views = list[tuple[tuple, list[dict[str, float]]]]


def _training_candidates(examples: list[Example], relevance, held: dict[str, float]) -> dict:
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    pairs = ((extractor.make_doc(e.article), e) for e in examples)
    by_group: dict[str, list] = {}
    for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
        found = candidates_of(
            example, doc._.events or [], doc, relevance, article=held[example.article.id]
        )
        by_group.setdefault(example.group, []).extend(found)
    return by_group


def _test_views(stories: list[Example], relevance) -> list[tuple[frozenset, Views]]:
    """Each test story's gold keys and its candidates' verifier features, as the default
    pipeline (fast path) finds them."""
    extractor = Extractor(dataclasses.replace(Settings(), verify=False))
    out = []
    for story in stories:
        doc = extractor.nlp(extractor.make_doc(story.article))
        events = doc._.events or []
        rel = article_relevance(relevance, story.article.text, url=story.article.url)
        recurrence = Recurrence.of(events)
        views: Views = []
        for key, event in keyed_events(events):
            if comparable(key):
                sentence = text_relevance(relevance, event.sentence.text)
                features = [
                    candidate_features(v, doc, article_relevance=rel,
                                       sentence_relevance=sentence, recurrence=recurrence)
                    for v in directed_views(event)
                ]  # fmt: skip
                views.append((key, features))
        out.append((story.gold, views))
    return out


def _score(model: LogisticModel, stories: list[tuple[frozenset, Views]]) -> tuple[int, int, int]:
    right = wrong = near = 0
    for gold, views in stories:
        best: dict[tuple, float] = {}
        for key, features in views:
            p = max(model.probability(f) for f in features)
            best[key] = max(best.get(key, 0.0), p)
        kept = {k for k, p in best.items() if p >= DEFAULT_MIN_CONFIDENCE}
        right += len(kept & gold)
        wrong += len(kept - gold)
        near += sum(k in gold for k, p in best.items() if 0 <= p - DEFAULT_MIN_CONFIDENCE < 0.01)
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
    relevance, report = train_relevance(examples, TrainOptions(l2=1.0, min_count=2))
    held = dict(zip((e.article.id for e in examples), report["held_out"], strict=True))
    by_group = _training_candidates(examples, relevance, held)
    stories = voa_examples(stories_file, DATA / "voa", split="test")
    test = _test_views(stories, relevance)
    written = sorted(g for g in by_group if g.startswith("written:"))
    left_out = [None, *random.Random(args.seed).sample(written, args.runs - 1)]
    options = TrainOptions(l2=VERIFIER_L2, min_count=3)
    print(f"test split at the default threshold {DEFAULT_MIN_CONFIDENCE}, right / wrong keys:")
    for left in left_out:
        candidates = [c for g, found in by_group.items() if g != left for c in found]
        model, _ = train_verifier(candidates, options)
        right, wrong, near = _score(model, test)
        name = left or "nothing (make train)"
        print(
            f"   left out {name:<24} {right:>3} / {wrong:<3} right keys within 0.01 above: {near}"
        )


if __name__ == "__main__":
    main()
