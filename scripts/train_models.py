"""Train the relevance gate and the verifier (``make train``); deterministic, no downloads.

    python scripts/train_models.py [--shared ../shared] [--out src/allegiance/data/models]

Writes ``relevance.json`` and ``verifier.json`` (JSON logistic models, see
``allegiance.judge.logistic``) and prints what they learned: example counts, held-out
reliability curves and the strongest features. Same data, same files, same hashes.
The verifier's probability is calibrated on what the rules gave our written stories before
anyone read them (``tests/data/written/unread.jsonl``), the kind of text a user brings;
``--no-calibrate-on-unread`` calibrates on the held-out dev candidates as before session 51.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from allegiance.evaluate_docs import THRESHOLDS, read_predictions
from allegiance.judge.logistic import TrainOptions, file_hash
from allegiance.pipeline import Extractor
from allegiance.settings import DEFAULT_MIN_CONFIDENCE, Settings
from allegiance.training import (
    candidates_of,
    contrast_examples,
    default_threshold,
    fold_seed_precision,
    heldout_average_precision,
    heldout_curve,
    nonpolitical_examples,
    plover_examples,
    train_relevance,
    train_verifier,
    voa_examples,
    written_examples,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
WRITTEN_WEIGHT = 1.0  # both chosen on the held-out dev ranking (docs/accuracy.md)
VERIFIER_L2 = 16.0
RELEVANCE_OPTIONS = TrainOptions(l2=1.0, min_count=2)
UNREAD = DATA / "written" / "unread.jsonl"  # scripts/save_unread_candidates.py
PRECISION_TARGET = 0.85  # held-out dev precision the default threshold keeps (default_threshold)


def training_examples(shared: Path, *, written_weight: float) -> list:
    from allegiance.actors import load_kb, to_gold_code

    kb = load_kb()
    return [
        *voa_examples(shared / "news" / "voa" / "voa_stories.jsonl", DATA / "voa", split="dev"),
        *(written_examples(DATA / "written", weight=written_weight) if written_weight else ()),
        *nonpolitical_examples(DATA / "nonpolitical" / "articles.jsonl", half="train"),
        *contrast_examples(DATA / "factuality_contrast.jsonl"),
        *plover_examples(shared / "gold" / "plover" / "PLOVER_GSR_CAMEO.json",
                         lambda code: to_gold_code(code, kb)),
    ]  # fmt: skip


def verifier_candidates(examples: list, relevance, held_relevance: list[float]) -> list:
    """Every rule candidate of the training examples (parsed whole), each with the relevance
    its article had under a relevance model not trained on it (``held_relevance``, in the
    order of ``examples``)."""
    return verifier_data(examples, relevance, held_relevance, unread={})[0]


def verifier_data(
    examples: list, relevance, held_relevance: list[float], *, unread: dict
) -> tuple[list, list]:
    """The candidates of ``verifier_candidates`` and, for each written story in ``unread``
    (``read_predictions(UNREAD)``), the candidates the rules gave it before they were read
    from it, read against today's parse of the story (``make train`` calibrates on those)."""
    held = dict(zip((e.article.id for e in examples), held_relevance, strict=True))
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    pairs = ((extractor.make_doc(e.article), e) for e in examples)
    candidates, before = [], []
    for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
        rel = held[example.article.id]
        candidates += candidates_of(example, doc._.events or [], doc, relevance, article=rel)
        if example.source == "written" and example.article.id in unread:
            found = unread[example.article.id]
            before += candidates_of(example, found, doc, relevance, article=rel)
    return candidates, before


def _show(name: str, model, report: dict) -> None:
    print(f"== {name}: {json.dumps(model.meta)}")
    for row in report["reliability"]:
        print(f"   {row['bin']}  n={row['n']:>5}  predicted {row['predicted']:.3f}  "
              f"observed {row['observed']:.3f}")  # fmt: skip
    top = model.top_weights(12)
    print("   for:     " + ", ".join(f"{k} {v:+.2f}" for k, v in top["for"]))
    print("   against: " + ", ".join(f"{k} {v:+.2f}" for k, v in top["against"]))


def _show_fold_seeds(precision: dict[float, list[float]]) -> None:
    runs = len(next(iter(precision.values())))
    print(f"== held-out dev precision over {runs} fold assignments "
          f"(mean, min-max, runs >= {PRECISION_TARGET}):")  # fmt: skip
    for cut, values in precision.items():
        mean = sum(values) / len(values)
        reached = sum(v >= PRECISION_TARGET for v in values)
        print(f"   >= {cut:.2f}  {mean:.3f}  {min(values):.3f}-{max(values):.3f}  {reached}/{runs}")
    chosen = [c for c, v in precision.items() if c > 0 and sum(v) / len(v) >= PRECISION_TARGET]
    if chosen:
        print(f"   lowest threshold with mean precision >= {PRECISION_TARGET}: {min(chosen):.2f}")
    steady = default_threshold(precision, current=DEFAULT_MIN_CONFIDENCE, target=PRECISION_TARGET)
    verdict = "stays" if steady == DEFAULT_MIN_CONFIDENCE else "moves to"
    print(
        f"   default threshold (stays while its mean reaches {PRECISION_TARGET}; lower only "
        f"where all {runs} do): {DEFAULT_MIN_CONFIDENCE} {verdict} {steady:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "allegiance" / "data" / "models")
    parser.add_argument("--written-weight", type=float, default=WRITTEN_WEIGHT,
                        help="weight of our written stories (0 leaves them out)")  # fmt: skip
    parser.add_argument("--verifier-l2", type=float, default=VERIFIER_L2, help="L2 penalty")
    parser.add_argument("--fold-seeds", type=int, default=0,
                        help="also print the held-out dev precision under this many fold "
                             "assignments (the shipped model is unchanged)")  # fmt: skip
    parser.add_argument("--calibrate-on-unread", action=argparse.BooleanOptionalAction,
                        default=True, help="calibrate on the written stories' candidates "
                        "before they were read (default), not on held-out dev")  # fmt: skip
    args = parser.parse_args()
    examples = training_examples(args.shared, written_weight=args.written_weight)
    relevance, rel_report = train_relevance(examples, RELEVANCE_OPTIONS)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "relevance.json").write_text(relevance.to_json(), encoding="utf-8")
    _show("relevance", relevance, rel_report)

    unread = read_predictions(UNREAD) if args.calibrate_on_unread else {}
    candidates, before = verifier_data(examples, relevance, rel_report["held_out"], unread=unread)
    options = TrainOptions(l2=args.verifier_l2, min_count=3)
    verifier, ver_report = train_verifier(candidates, options, unread=before)
    (args.out / "verifier.json").write_text(verifier.to_json(), encoding="utf-8")
    _show("verifier", verifier, ver_report)
    print("== real-news dev stories, held-out verifier probabilities (document level):")
    cuts = sorted({*THRESHOLDS, DEFAULT_MIN_CONFIDENCE})
    for row in heldout_curve(candidates, ver_report["held_out"], examples, thresholds=cuts):
        print(f"   >= {row['threshold']:.2f}  P {row['precision']:.3f}  R {row['recall']:.3f}  "
              f"tp {row['tp']:>4} fp {row['fp']:>4} fn {row['fn']:>4}")  # fmt: skip
    ap = heldout_average_precision(candidates, ver_report["held_out"], examples)
    print(f"   average precision {ap['average_precision']}  "
          f"over the keys found {ap['ranking_average_precision']}")  # fmt: skip
    if args.fold_seeds:
        _show_fold_seeds(fold_seed_precision(candidates, examples, options, seeds=args.fold_seeds,
                                             unread=before, thresholds=cuts))  # fmt: skip
    for name in ("relevance.json", "verifier.json"):
        path = args.out / name
        shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        print(f"{shown}  {path.stat().st_size:,} bytes  sha256 {file_hash(path)}")


if __name__ == "__main__":
    main()
