"""An experiment, not kept: the verifier also trained on candidates the rules gave before they
were read from a story.

    python scripts/try_naive_candidates.py [--shared ../shared] [--weights 0.5,1] [--out DIR]
    python scripts/try_naive_candidates.py --shipped [--batches 447f967,1afcd7a,f4e78b8]
    python scripts/try_naive_candidates.py --kinds
    python scripts/try_naive_candidates.py --calibrate

``--kinds`` (session 51) sorts the raw candidates' wrong keys at 0.6 by how they differ from the
story's gold, and the gold keys no raw candidate proposes by what was proposed instead.
``--calibrate`` (session 51) fits the shipped verifier's calibration (Platt) on the raw
candidates instead of held-out dev and prints what a confidence then means on the VOA test split
and the 32 fresh stories (keys per bin and the share right, right / wrong keys at 0.5 to 0.7;
counts only), beside the shipped calibration.

Why: out of sample (the VOA test split, the fresh written stories) precision at the default is
about 0.72, against about 0.88 on held-out dev, because the verifier only ever sees candidates
of stories the rules were read from; it never sees how the rules fail on text nobody has read.
Each batch of written training stories was added by one commit; the parent of that commit holds
the rules as they were before anyone read the batch. Their raw candidates for the batch's stories
(verifier off, every sentence parsed; today's story texts) are ``tests/data/written/unread.jsonl``
(``scripts/save_unread_candidates.py``); this script reads the batches' stories from it against
today's parse, scores them against today's gold, adds them to ``make train``'s candidates at each
weight (same story, same fold) and prints the held-out dev figures. With ``--out`` it writes each
variant's model files there, to extract with. Deterministic; no downloads; needs the git history
(which stories each batch added). Results: docs/accuracy.md, "What has been tried".
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from pathlib import Path

from save_unread_candidates import BATCH_COMMITS, story_ids
from train_models import (
    DATA,
    RELEVANCE_OPTIONS,
    REPO,
    UNREAD,
    VERIFIER_L2,
    training_examples,
    verifier_candidates,
)

from allegiance.evaluate_docs import comparable, read_predictions
from allegiance.judge.components import RELEVANCE_FILE, VERIFIER_FILE, shipped_model
from allegiance.judge.logistic import LogisticModel, TrainOptions, file_hash, load_model
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.training import (
    candidates_of,
    heldout_average_precision,
    heldout_curve,
    train_relevance,
    train_verifier,
    written_examples,
)


def _raw_stories(batches: list[str], written: list) -> list:
    """Each story of the batches with its raw candidates from the rules before it was read
    and today's parse of its text."""
    by_id = {e.article.id: e for e in written}
    unread = read_predictions(UNREAD)
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    stories = []
    for commit in batches:
        added = story_ids(commit)
        for sid in (sid for sid in unread if sid in added):
            doc = extractor.nlp(extractor.make_doc(by_id[sid].article))
            stories.append((by_id[sid], unread[sid], doc))
    return stories


def _shipped_models() -> tuple[LogisticModel, LogisticModel]:
    """The package's relevance gate and verifier."""
    return load_model(shipped_model(RELEVANCE_FILE)), load_model(shipped_model(VERIFIER_FILE))


def _story_keys(example, events, doc, relevance, verifier) -> dict[tuple, tuple[float, bool]]:
    """A story's comparable keys, each with its best probability and whether it is right."""
    best: dict[tuple, tuple[float, bool]] = {}
    for cand in candidates_of(example, events, doc, relevance):
        if cand.key is not None:
            p = max(best.get(cand.key, (0.0, False))[0], verifier.probability(cand.features))
            best[cand.key] = (p, cand.right)
    return best


def _raw_candidates(stories: list, relevance, held: dict, *, weight: float) -> list:
    out = []
    for example, events, doc in stories:
        example = dataclasses.replace(example, weight=weight)
        rel = held[example.article.id]
        out += candidates_of(example, events, doc, relevance, article=rel)
    return out


def _shipped_scores(stories: list, *, cut: float = 0.6) -> None:
    """The raw candidates' keys as the shipped models score them at run time: right / wrong
    at ``cut`` and above, in all and per type."""
    relevance, verifier = _shipped_models()
    counts: dict[str, list[int]] = {}
    for example, events, doc in stories:
        for key, (p, right) in _story_keys(example, events, doc, relevance, verifier).items():
            if p >= cut:
                counts.setdefault(key[0], [0, 0])[0 if right else 1] += 1
    right, wrong = (sum(c[i] for c in counts.values()) for i in (0, 1))
    print(f"shipped verifier, keys at {cut} and above: {right} right / {wrong} wrong")
    print("   " + ", ".join(f"{t} {r}/{w}" for t, (r, w) in sorted(counts.items())))


def _wrong_kind(key: tuple, gold: frozenset) -> str:
    """How a wrong key differs from the story's gold keys (the first that applies)."""
    kind, actors, recipients = key
    parties = actors | recipients
    tests = (
        ("the gold holds the pair, in this direction, with another type",
         lambda g: g[1] == actors and g[2] == recipients),
        ("type and actor right, another recipient", lambda g: g[0] == kind and g[1] == actors),
        ("type and recipient right, another actor",
         lambda g: g[0] == kind and g[2] == recipients),
        ("type and parties right, another direction or split",
         lambda g: g[0] == kind and g[1] | g[2] == parties),
        ("type right, some party shared", lambda g: g[0] == kind and (g[1] | g[2]) & parties),
        ("another type, some party shared", lambda g: (g[1] | g[2]) & parties),
    )  # fmt: skip
    return next((name for name, test in tests if any(test(g) for g in gold)), "nothing like it")


def _missed_kind(key: tuple, proposed: set) -> str:
    """What the raw candidates proposed instead of a gold key they missed."""
    kind, actors, recipients = key
    tests = (
        ("its type and actor, other recipients", lambda k: k[0] == kind and k[1] == actors),
        ("its type, some party shared",
         lambda k: k[0] == kind and (k[1] | k[2]) & (actors | recipients)),
        ("its pair, another type", lambda k: k[1] == actors and k[2] == recipients),
        ("its type, other parties", lambda k: k[0] == kind),
    )  # fmt: skip
    return next((n for n, test in tests if any(test(k) for k in proposed)), "not its type")


def _kinds(stories: list, *, cut: float = 0.6) -> None:
    """The raw candidates' wrong keys at ``cut`` by how they differ from the gold, and the
    gold keys no raw candidate proposes (at any probability) by what was proposed."""
    relevance, verifier = _shipped_models()
    wrong: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    same: Counter[tuple[str, bool]] = Counter()  # one code on both sides, by type
    kept = gold_total = 0
    for example, events, doc in stories:
        best = _story_keys(example, events, doc, relevance, verifier)
        shown = [k for k, (p, _) in best.items() if p >= cut]
        kept += len(shown)
        wrong.update(_wrong_kind(k, example.gold) for k in shown if not best[k][1])
        same.update((k[0], best[k][1]) for k in shown if k[1] and k[1] == k[2])
        gold = [k for k in example.gold if comparable(k)]
        gold_total += len(gold)
        missed.update(_missed_kind(k, set(best)) for k in gold if k not in best)
    print(f"keys at {cut} and above: {kept}, wrong {sum(wrong.values())}:")
    for name, n in wrong.most_common():
        print(f"   {n:>5}  {name}")
    print("keys with one code on both sides, right / wrong: " + ", ".join(
        f"{t} {same[(t, True)]}/{same[(t, False)]}" for t in sorted({t for t, _ in same})
    ))  # fmt: skip
    print(f"gold keys no raw candidate proposes: {sum(missed.values())} of {gold_total}:")
    for name, n in missed.most_common():
        print(f"   {n:>5}  {name}")


def _calibrated(stories: list, shared: Path) -> None:
    """The shipped verifier's margins, calibrated on the raw candidates, on the held-out sets."""
    import numpy as np
    from try_sentence_types import heldout_sets

    from allegiance.judge.logistic import _platt, reliability, sigmoid

    relevance, verifier = _shipped_models()
    margins, labels = [], []
    for example, events, doc in stories:
        for cand in candidates_of(example, events, doc, relevance):
            margins.append(verifier.margin(cand.features))
            labels.append(float(cand.right))
    a, b = _platt(np.array(margins), np.array(labels))
    print(f"calibration: shipped a {verifier.platt_a:.3f} b {verifier.platt_b:.3f}; "
          f"on {len(margins)} raw candidates a {a:.3f} b {b:.3f}")  # fmt: skip
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    for name, scored in heldout_sets(shared, relevance, extractor).items():
        best: dict[tuple, tuple[float, bool]] = {}
        for s in scored:
            if s.candidate.key is not None:
                slot, m = (
                    (s.candidate.group, s.candidate.key),
                    verifier.margin(s.candidate.features),
                )
                if slot not in best or m > best[slot][0]:
                    best[slot] = (m, s.candidate.right)
        for label, (pa, pb) in (("shipped", (verifier.platt_a, verifier.platt_b)), ("raw", (a, b))):
            probs = [sigmoid(pa * m + pb) for m, _ in best.values()]
            rights = [int(r) for _, r in best.values()]
            bins = [r for r in reliability(probs, rights) if r["bin"] >= "0.5"]
            cells = "  ".join(f"{r['bin']}: {r['n']} {r['predicted']:.2f}->{r['observed']:.2f}"
                              for r in bins)  # fmt: skip
            kept = {cut: [r for p, r in zip(probs, rights, strict=True) if p >= cut]
                    for cut in (0.5, 0.6, 0.7)}  # fmt: skip
            cuts = "  ".join(f"{c}: {sum(k)}/{len(k) - sum(k)}" for c, k in kept.items())
            print(f"{name}, {label} calibration: {cells}\n   right/wrong keys {cuts}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--weights", default="0.5,1")
    parser.add_argument("--batches", default=",".join(BATCH_COMMITS))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--shipped", action="store_true",
                        help="only score the raw candidates with the shipped models")  # fmt: skip
    parser.add_argument("--calibrate", action="store_true",
                        help="calibrate the shipped verifier on the raw candidates")  # fmt: skip
    parser.add_argument("--kinds", action="store_true",
                        help="sort the raw candidates' wrong and missed keys by kind")  # fmt: skip
    args = parser.parse_args()
    stories = _raw_stories(args.batches.split(","), written_examples(DATA / "written"))
    print(f"{len(stories)} stories with raw candidates from {args.batches}")
    if args.calibrate:
        _calibrated(stories, args.shared)
        return
    if args.shipped or args.kinds:
        (_kinds if args.kinds else _shipped_scores)(stories)
        return
    examples = training_examples(args.shared, written_weight=1.0)
    relevance, rel_report = train_relevance(examples, RELEVANCE_OPTIONS)
    candidates = verifier_candidates(examples, relevance, rel_report["held_out"])
    held = dict(zip((e.article.id for e in examples), rel_report["held_out"], strict=True))
    options = TrainOptions(l2=VERIFIER_L2, min_count=3)
    for weight in [0.0, *map(float, args.weights.split(","))]:
        naive = _raw_candidates(stories, relevance, held, weight=weight) if weight else []
        model, report = train_verifier([*candidates, *naive], options)
        mine = report["held_out"][: len(candidates)]
        curve = {row["threshold"]: row for row in heldout_curve(candidates, mine, examples)}
        ap = heldout_average_precision(candidates, mine, examples)
        cells = "  ".join(
            f"{cut}: {curve[cut]['tp']}/{curve[cut]['fp']}" for cut in (0.5, 0.6, 0.7)
        )
        right = sum(c.right for c in naive)
        print(f"weight {weight}: {len(naive)} raw candidates ({right} right); held-out dev "
              f"right/wrong keys {cells}; AP {ap['average_precision']} / "
              f"{ap['ranking_average_precision']}")  # fmt: skip
        if args.out:
            target = args.out / f"weight_{weight}"
            target.mkdir(parents=True, exist_ok=True)
            (target / "verifier.json").write_text(model.to_json(), encoding="utf-8")
            (target / "relevance.json").write_text(relevance.to_json(), encoding="utf-8")
            print(f"   {target / 'verifier.json'} sha256 {file_hash(target / 'verifier.json')}")


if __name__ == "__main__":
    main()
