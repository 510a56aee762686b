"""An experiment, not kept: the verifier trained on the unread candidates instead of the
written stories' own.

    python scripts/try_unread_instead.py [--shared ../shared] [--weights 1,2]

Why: the verifier learns from the rules' candidates on the written stories, and the rules were
read from those stories, so it learns how the rules do where they were tuned. The candidates
the rules gave the same stories before anyone read them (``tests/data/written/unread.jsonl``)
show how they do on text nobody read. Session 50 added them beside the written candidates
(``try_naive_candidates.py``); this trains on them instead (each weight), and on them with the
written candidates at half weight, and prints the held-out dev keys at the default, and for
the VOA test split and the 32 fresh stories the average precision of the key ranking and the
right / wrong keys among as many keys as the shipped verifier keeps at the default (counts
only, a story's best probability per key; every verifier calibrated on the unread candidates
as ``make train`` calibrates). The shipped models are not touched; nothing is written.
Deterministic; no downloads. Results: docs/accuracy-log.md, session 52.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from train_models import (
    RELEVANCE_OPTIONS,
    REPO,
    UNREAD,
    VERIFIER_L2,
    training_examples,
    verifier_data,
)
from try_sentence_types import heldout_sets

from allegiance.evaluate_docs import average_precision, read_predictions
from allegiance.judge.logistic import LogisticModel, TrainOptions
from allegiance.pipeline import Extractor
from allegiance.settings import DEFAULT_MIN_CONFIDENCE, Settings
from allegiance.training import Candidate, heldout_curve, train_relevance, train_verifier


def best_keys(scored: list, model: LogisticModel) -> list[tuple[float, bool]]:
    best: dict[tuple, tuple[float, bool]] = {}
    for candidate in (s.candidate for s in scored):
        if candidate.key is not None:
            slot, p = (candidate.group, candidate.key), model.probability(candidate.features)
            if p > best.get(slot, (-1.0, False))[0]:
                best[slot] = (p, candidate.right)
    return list(best.values())


def report(name: str, candidates: list[Candidate], unread: list[Candidate], context) -> None:
    examples, heldout, shown = context
    model, result = train_verifier(candidates, TrainOptions(l2=VERIFIER_L2, min_count=3),
                                   unread=unread)  # fmt: skip
    cut = DEFAULT_MIN_CONFIDENCE
    dev = heldout_curve(candidates, result["held_out"], examples, thresholds=(cut,))[0]
    cells = [f"{name}: held-out dev at {cut} {dev['tp']}/{dev['fp']}"]
    for set_name, scored in heldout.items():
        keys = best_keys(scored, model)
        top = sorted(keys, key=lambda k: -k[0])[: shown[set_name]]
        right = sum(r for _, r in top)
        found = average_precision(keys, sum(r for _, r in keys)) or 0.0
        cells.append(f"{set_name} AP {found:.4f}, {right}/{len(top) - right}")
    print("  ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--weights", default="1,2")
    args = parser.parse_args()
    examples = training_examples(args.shared, written_weight=1.0)
    relevance, rel = train_relevance(examples, RELEVANCE_OPTIONS)
    unread = read_predictions(UNREAD)
    candidates, before = verifier_data(examples, relevance, rel["held_out"], unread=unread)
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    heldout = heldout_sets(args.shared, relevance, extractor)
    shipped, _ = train_verifier(candidates, TrainOptions(l2=VERIFIER_L2, min_count=3),
                                unread=before)  # fmt: skip
    shown = {name: sum(p >= DEFAULT_MIN_CONFIDENCE for p, _ in best_keys(scored, shipped))
             for name, scored in heldout.items()}  # fmt: skip
    context = (examples, heldout, shown)
    report("as make train", candidates, before, context)
    others = [c for c in candidates if c.source != "written"]
    halved = [dataclasses.replace(c, weight=0.5) for c in candidates if c.source == "written"]
    for weight in map(float, args.weights.split(",")):
        naive = [dataclasses.replace(c, weight=weight) for c in before]
        report(f"unread (weight {weight}) instead", [*others, *naive], before, context)
        report(f"unread (weight {weight}) + written at 0.5", [*others, *naive, *halved], before,
               context)  # fmt: skip


if __name__ == "__main__":
    main()
