"""An experiment, not kept: a second model that judges a story's event keys together.

    python scripts/try_key_model.py [--shared ../shared] [--penalties 1,4,16]

Why: the verifier scores each candidate alone; a key's confidence is its best candidate's. Of
the wrong keys on text nobody read, about half name a pair of parties the gold holds with
another type (session 51, ``try_naive_candidates.py --kinds``): the rules read several acts
between the story's parties where the story tells one. What the verifier cannot see is how a
key stands against the story's other keys: is it the best-scored key of its pair of parties,
of its trigger; is the reverse direction scored higher; how many candidates and sentences
support it. This builds those features for every key (with its best held-out verifier
probability), trains a logistic model on the keys of the candidates the rules gave the
written stories before they were read from them (``tests/data/written/unread.jsonl``, each
scored by the verifier's fold model not trained on its story, as ``make train`` calibrates),
and prints average precision and right / wrong keys at as many keys as the shipped verifier
keeps at 0.43, 0.5 and 0.6: cross-validated by story on the unread keys, and with the model
trained on all of them on held-out dev (the fold models' probabilities), the VOA test split
and the 32 fresh written stories (the shipped verifier's; counts only, no error read). The
shipped models are not touched; nothing is written. Deterministic; no downloads. Results:
docs/accuracy.md, "What has been tried".
"""

from __future__ import annotations

import argparse
import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from train_models import DATA, RELEVANCE_OPTIONS, REPO, UNREAD, VERIFIER_L2, training_examples

from allegiance.evaluate_docs import average_precision, comparable, keyed_events, read_predictions
from allegiance.judge.logistic import TrainOptions, Unseen, _fit, _platt, heldout_margins, sigmoid
from allegiance.judge.verifier import directed_views
from allegiance.models import Event
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.training import (
    _identity,
    _recoded,
    candidates_of,
    train_relevance,
    voa_examples,
    written_examples,
)

CUTS = (0.43, 0.5, 0.6)
FOLDS = 5


@dataclasses.dataclass
class Key:
    """One event key of a story with what supports it."""

    story: str
    key: tuple
    right: bool
    probabilities: list[float] = dataclasses.field(default_factory=list)
    sentences: set[int] = dataclasses.field(default_factory=set)
    triggers: set[tuple[int, int]] = dataclasses.field(default_factory=set)

    @property
    def p(self) -> float:
        return max(self.probabilities)


def _bucket(value: float, edges: Sequence[float]) -> str:
    return str(sum(value >= e for e in edges))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def add(keys: dict, story: str, key: tuple, event: Event, p: float, right: bool) -> None:
    found = keys.setdefault((story, key), Key(story, key, right))
    found.probabilities.append(p)
    found.sentences.add(event.sentence.index)
    found.triggers.add((event.sentence.index, event.trigger.start))


def key_features(key: Key, story: list[Key]) -> dict[str, float]:
    """How a key stands against its story's other keys (``story`` holds it too)."""
    kind, actors, recipients = key.key
    dyad = actors | recipients
    rivals = [k.p for k in story if k is not key and (k.key[1] | k.key[2]) == dyad]
    top = not rivals or key.p >= max(rivals)
    trigger_best = max(k.p for k in story if k.triggers & key.triggers)
    reverse = [k.p for k in story if k.key == (kind, recipients, actors) and k is not key]
    support = sum(len(k.probabilities) for k in story if (k.key[1] | k.key[2]) == dyad)
    features = {
        "logit": _logit(key.p),
        f"p={_bucket(key.p, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9))}": 1.0,
        f"candidates={_bucket(len(key.probabilities), (2, 3, 5))}": 1.0,
        f"sentences={_bucket(len(key.sentences), (2, 3))}": 1.0,
        f"rivals={_bucket(len(rivals), (1, 2, 4))}": 1.0,
        f"dyad_top={top}": 1.0,
        f"{kind}|dyad_top={top}": 1.0,
        "gap": key.p - max(rivals) if rivals else 0.0,
        f"trigger_top={key.p >= trigger_best}": 1.0,
        f"same_code={bool(actors & recipients)}": 1.0,
        f"one_side={not actors or not recipients}": 1.0,
        f"first={_bucket(min(key.sentences), (1, 3, 6, 12))}": 1.0,
        f"keys={_bucket(len(story), (5, 10, 20, 40))}": 1.0,
        f"share={_bucket(len(key.probabilities) / support, (0.34, 0.5, 0.99))}": 1.0,
    }
    if reverse:
        features[f"reverse_higher={max(reverse) > key.p}"] = 1.0
    return features


def featured(keys: Iterable[Key]) -> list[tuple[Key, dict[str, float]]]:
    stories: dict[str, list[Key]] = defaultdict(list)
    for key in keys:
        stories[key.story].append(key)
    return [(k, key_features(k, story)) for story in stories.values() for k in story]


def training_keys(shared: Path) -> tuple[dict[str, dict], list]:
    """The keys of the unread candidates and of the VOA dev candidates, each event with its
    best held-out verifier probability (``make train``'s folds and calibration)."""
    examples = training_examples(shared, written_weight=1.0)
    relevance, report = train_relevance(examples, RELEVANCE_OPTIONS)
    held = dict(zip((e.article.id for e in examples), report["held_out"], strict=True))
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    unread = read_predictions(UNREAD)
    rows: list = []  # (source, candidate, key, event)
    pairs = ((extractor.make_doc(e.article), e) for e in examples)
    for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
        rel = held[example.article.id]
        rows += _tagged("train", example, doc._.events or [], doc, relevance, rel)
        if example.source == "written" and example.article.id in unread:
            rows += _tagged("unread", example, unread[example.article.id], doc, relevance, rel)
    train = [r for r in rows if r[0] == "train"]
    unread_rows = [r for r in rows if r[0] == "unread"]
    before = [r[1] for r in unread_rows]
    margins, unseen_margins = heldout_margins(
        [c.features for _, c, *_ in train], [int(c.right) for _, c, *_ in train],
        [c.group for _, c, *_ in train], [c.weight for _, c, *_ in train],
        TrainOptions(l2=VERIFIER_L2, min_count=3),
        Unseen([c.features for c in before], [int(c.right) for c in before],
               [c.group for c in before]),
    )  # fmt: skip
    import numpy as np

    a, b = _platt(np.array(unseen_margins), np.array([c.right for c in before], float))
    sets: dict[str, dict] = {"unread": {}, "dev": {}}
    scored = [
        ("dev" if r[1].source == "voa" else None, r, m) for r, m in zip(train, margins, strict=True)
    ]  # the training candidates: only the VOA dev stories' are kept
    scored += [("unread", r, m) for r, m in zip(unread_rows, unseen_margins, strict=True)]
    for name, (_, cand, key, event), m in scored:
        if name and cand.key is not None:
            add(sets[name], cand.group, key, event, sigmoid(a * m + b), cand.right)
    return sets, examples


def _tagged(tag: str, example, events: Sequence[Event], doc, relevance, rel: float) -> list:
    candidates = list(candidates_of(example, events, doc, relevance, article=rel))
    views = [(k, e) for k, e in keyed_events(events) for _ in directed_views(e)]
    return [(tag, c, k, e) for c, (k, e) in zip(candidates, views, strict=True)]


def shipped_keys(shared: Path) -> dict[str, dict]:
    """The keys of the VOA test split and the fresh stories, with the shipped confidences."""
    extractor = Extractor(Settings())  # as `allegiance extract` runs
    sets = {
        "VOA test": voa_examples(shared / "news/voa/voa_stories.jsonl", DATA / "voa", split="test"),
        "fresh": written_examples(DATA / "fresh"),
    }
    out: dict[str, dict] = {}
    for name, examples in sets.items():
        out[name] = {}
        pairs = ((extractor.make_doc(e.article), e) for e in examples)
        for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
            recode = example.recode or _identity
            for key, event in keyed_events(doc._.events or []):
                if comparable(key):
                    right = _recoded(key, recode) in example.gold
                    add(out[name], example.group, key, event, event.confidence, right)
    return out


def fit(rows: list[tuple[Key, dict]], penalty: float):
    import numpy as np

    labels = np.array([k.right for k, _ in rows], float)
    return _fit([f for _, f in rows], labels, np.ones(len(rows)),
                TrainOptions(l2=penalty, min_count=3))  # fmt: skip


def cross_validated(rows: list[tuple[Key, dict]], penalty: float) -> list[float]:
    fold = {s: i % FOLDS for i, s in enumerate(sorted({k.story for k, _ in rows}))}
    out = [0.0] * len(rows)
    for f in range(FOLDS):
        model = fit([r for r in rows if fold[r[0].story] != f], penalty)
        for i, (key, features) in enumerate(rows):
            if fold[key.story] == f:
                out[i] = model.probability(features)
    return out


def ranking_ap(rights: list[bool], scores: list[float]) -> float:
    """Average precision of a ranking over the keys it ranks (``evaluate_docs``'s measure)."""
    return average_precision(zip(scores, rights, strict=True), sum(rights)) or 0.0


def compared(keys: list[Key], scores: list[float]) -> str:
    """AP of both rankings; right / wrong among as many keys as the shipped cut keeps."""
    rights = [k.right for k in keys]
    base = [k.p for k in keys]
    cells = [f"AP {ranking_ap(rights, base):.4f} -> {ranking_ap(rights, scores):.4f}"]
    for cut in CUTS:
        n = sum(p >= cut for p in base)
        old = sum(r for r, p in zip(rights, base, strict=True) if p >= cut)
        top = sorted(range(len(keys)), key=lambda i: -scores[i])[:n]
        new = sum(rights[i] for i in top)
        cells.append(f"{cut}: {old}/{n - old} -> {new}/{n - new}")
    return "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--penalties", default="1,4,16")
    args = parser.parse_args()
    sets, _ = training_keys(args.shared)
    sets |= shipped_keys(args.shared)
    rows = {name: featured(keys.values()) for name, keys in sets.items()}
    for name, found in rows.items():
        right = sum(k.right for k, _ in found)
        print(f"{name}: {len(found)} keys, {right} right")
    for penalty in map(float, args.penalties.split(",")):
        print(f"key model, penalty {penalty} (shipped -> key model)")
        unread = rows["unread"]
        print(f"   unread (by story, 5 folds)  "
              f"{compared([k for k, _ in unread], cross_validated(unread, penalty))}")  # fmt: skip
        model = fit(unread, penalty)
        for name in ("dev", "VOA test", "fresh"):
            keys = [k for k, _ in rows[name]]
            scores = [model.probability(f) for _, f in rows[name]]
            print(f"   {name:<28}{compared(keys, scores)}")


if __name__ == "__main__":
    main()
