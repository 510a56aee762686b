"""An experiment, not kept: a learned extractor of who did what to whom, from our gold, beside
the rules.

    python scripts/try_pair_model.py [--shared ../shared] [--penalties 1,4,16]

Why: every other lever has been tried on the rules' candidates (docs/accuracy.md, "What has
been tried"), and the docs conclude that precision on unseen news needs a learned candidate
generator. This is the smallest such generator our gold supports, measured. For every ordered
pair of differently coded mentions in a sentence (the nearest two in the parse), it reads the
dependency path between them, the word where the path turns (usually the verb of the act),
each side's role and preposition, their kinds, negation and modals; a logistic model gives the
probability that the gold holds an event from the first to the second there (a gold quote is
the sentence), and one model per type the probability of each type given an event. Trained on
the written stories and the VOA dev stories (their gold quotes); scored held out, five folds
by writer (a story shares a fold with its writer's others; each VOA story is its own). Prints:

1. the pair extractor alone: its keys (one code each side; a meeting as a reciprocal key)
   right / wrong at probability cuts, held out on the written and dev stories, and trained on
   all of them on the VOA test split and the 32 fresh stories (counts only, no error read);
2. beside the rules: for each rule key, the pair extractor's probability of that key and of
   any event between its parties, with the key's verifier probability (as in
   ``try_key_model.py``), in a logistic model trained on the keys of the unread candidates
   (by writer, five folds), then on all of them for held-out dev, test and fresh: average
   precision and right / wrong keys among as many as the shipped verifier keeps at 0.43, 0.5
   and 0.6.

The shipped models are not touched; nothing is written. Deterministic; no downloads.
Results: docs/accuracy-log.md, session 52.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import defaultdict
from pathlib import Path

from train_models import DATA, REPO
from try_key_model import Key, _bucket, _logit, compared, shipped_keys, training_keys
from try_sentence_types import _same_text

from allegiance.evaluate_docs import read_doc_gold
from allegiance.judge.logistic import TrainOptions, _fit
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.training import voa_examples, written_examples

FOLDS = 5
PAIR_PENALTY = 4.0  # the pair model's L2 (its type models: half)
RECIPROCAL = frozenset({"CONSULT"})  # a meeting is one key for both parties (the scorer's rule)
SETS = {"unread": "written", "dev": "dev", "VOA test": "test", "fresh": "fresh"}


@dataclasses.dataclass
class Pair:
    """Two differently coded parties of one sentence, the first acting on the second."""

    source: str  # written, dev, test, fresh
    story: str  # the example's group, as the rule keys name it
    actor: str
    recipient: str
    features: dict[str, float]
    types: frozenset[str]  # the gold's types for this pair in this sentence


def _ancestors(token) -> dict[int, int]:
    out, depth = {}, 0
    while True:
        out[token.i] = depth
        if token.head.i == token.i:
            return out
        token, depth = token.head, depth + 1


def _meeting(a, b):
    """The token where the paths of ``a`` and ``b`` meet, and the path's length."""
    above, depth = _ancestors(a), 0
    while b.i not in above:
        if b.head.i == b.i:
            return None, 99
        b, depth = b.head, depth + 1
    return b, above[b.i] + depth


def _climb(token, top) -> list:
    out = []
    while token.i != top.i:
        out.append(token)
        token = token.head
    return out


def _preposition(chain: list) -> str:
    last = chain[-1] if chain else None
    if last is not None and last.dep_ == "prep":
        return last.lower_
    return "-"


def pair_features(a, b, actor, recipient) -> dict[str, float]:
    top, distance = _meeting(a, b)
    if top is None:
        return {"unjoined": 1.0}
    up, down = _climb(a, top), _climb(b, top)
    lemma = top.lemma_.lower()
    role_a = up[-1].dep_ if up else "self"
    role_b = down[-1].dep_ if down else "self"
    prep_a, prep_b = _preposition(up), _preposition(down)
    path = "^".join(t.dep_ for t in up) + f"|{top.pos_}|" + "v".join(t.dep_ for t in down[::-1])
    features = {
        f"path={path}": 1.0, f"turn={lemma}": 1.0, f"turn_pos={top.pos_}": 1.0,
        f"turn_tag={top.tag_}": 1.0, f"distance={min(distance, 8)}": 1.0,
        f"roles={role_a}|{role_b}": 1.0, f"a_role={role_a}": 1.0, f"b_role={role_b}": 1.0,
        f"turn_roles={lemma}|{role_a}|{role_b}": 1.0, f"a_prep={prep_a}": 1.0,
        f"b_prep={prep_b}": 1.0, f"turn_bprep={lemma}|{prep_b}": 1.0,
        f"order={a.i < b.i}": 1.0, f"kinds={actor.kind or '-'}|{recipient.kind or '-'}": 1.0,
        f"a_kind={actor.kind or '-'}": 1.0, f"b_kind={recipient.kind or '-'}": 1.0,
        f"turn_dep={top.dep_}": 1.0,
    }  # fmt: skip
    for token in up[1:] + down[1:]:
        features[f"on_path={token.lemma_.lower()}"] = 1.0
    for child in top.children:
        if child.dep_ == "neg":
            features["negated"] = 1.0
        elif child.dep_ == "aux" and child.tag_ == "MD":
            features[f"modal={child.lower_}"] = 1.0
    if top.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp"):
        features[f"turn_under={top.head.lemma_.lower()}"] = 1.0
    return features


def gold_pairs(golds: list, sentence: str) -> dict[tuple[str, str], set[str]]:
    """The gold's events whose quote is this sentence, as (actor, recipient) pairs with their
    types; a reciprocal event holds both directions."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for gold in (g for g in golds if g.quote and _same_text(sentence, g.quote)):
        kind, actors, recipients = gold.key
        targets = recipients or actors
        for a in actors:
            for b in targets:
                if a != b and (recipients or len(actors) > 1):
                    out[(a, b)].add(kind)
    return out


def _head(doc, mention):
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def story_pairs(source: str, group: str, doc, golds: list) -> list[Pair]:
    heads = ((m, _head(doc, m)) for m in (doc._.mentions or []) if m.code)
    coded = [(m, h) for m, h in heads if h is not None]
    out = []
    for sentence in doc.sents:
        here = [(m, h) for m, h in coded if sentence.start <= h.i < sentence.end]
        labels = gold_pairs(golds, sentence.text)
        nearest: dict[tuple[str, str], tuple] = {}
        for m, a in here:
            for n, b in here:
                if m.code == n.code or a.i == b.i:
                    continue
                distance = _meeting(a, b)[1]
                if distance < nearest.get((m.code, n.code), (99,))[0]:
                    nearest[(m.code, n.code)] = (distance, m, n, a, b)
        for (x, y), (_, m, n, a, b) in nearest.items():
            types = frozenset(labels.get((x, y), ()))
            out.append(Pair(source, group, x, y, pair_features(a, b, m, n), types))
    return out


def all_pairs(shared: Path) -> list[Pair]:
    stories = shared / "news/voa/voa_stories.jsonl"
    sets = {
        "written": (written_examples(DATA / "written"), DATA / "written"),
        "dev": (voa_examples(stories, DATA / "voa", split="dev"), DATA / "voa"),
        "test": (voa_examples(stories, DATA / "voa", split="test"), None),
        "fresh": (written_examples(DATA / "fresh"), DATA / "fresh"),
    }
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    out = []
    for source, (examples, gold_dir) in sets.items():
        golds: dict[str, list] = defaultdict(list)
        for gold in read_doc_gold(gold_dir / "gold.jsonl") if gold_dir else ():
            golds[gold.story].append(gold)
        pairs = ((extractor.make_doc(e.article), e) for e in examples)
        for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
            out += story_pairs(source, example.group, doc, golds[example.article.id])
    return out


def _fit_rows(rows: list[dict], labels: list, penalty: float):
    import numpy as np

    return _fit(rows, np.array(labels, float), np.ones(len(rows)),
                TrainOptions(l2=penalty, min_count=2))  # fmt: skip


class PairModel:
    """Is there an event from the first party to the second here; of which type."""

    def __init__(self, pairs: list[Pair], penalty: float) -> None:
        self.event = _fit_rows([p.features for p in pairs], [bool(p.types) for p in pairs],
                               penalty)  # fmt: skip
        found = [p for p in pairs if p.types]
        kinds = sorted({t for p in found for t in p.types})
        self.kinds = {t: _fit_rows([p.features for p in found], [t in p.types for p in found],
                                   penalty / 2) for t in kinds}  # fmt: skip

    def score(self, pair: Pair) -> tuple[float, dict[str, float]]:
        p_event = self.event.probability(pair.features)
        by_kind = {t: m.probability(pair.features) for t, m in self.kinds.items()}
        total = sum(by_kind.values()) or 1.0
        return p_event, {t: p_event * p / total for t, p in by_kind.items()}


def writer(story: str) -> str:
    """``written:w12-03`` -> ``written:w12``; a VOA story is its own."""
    return story.split("-")[0] if story.startswith("written:") else story


def folds(stories: set[str]) -> dict[str, int]:
    writers = sorted({writer(s) for s in stories})
    fold = {w: i % FOLDS for i, w in enumerate(writers)}
    return {s: fold[writer(s)] for s in stories}


@dataclasses.dataclass
class PairScores:
    keys: dict[tuple[str, str], dict[tuple, float]]  # (source, story) -> key -> probability
    events: dict[tuple[str, str, str, str], float]  # (source, story, actor, recipient) -> p

    def add(self, pair: Pair, p_event: float, typed: dict[str, float]) -> None:
        slot = (pair.source, pair.story)
        event = (*slot, pair.actor, pair.recipient)
        self.events[event] = max(self.events.get(event, 0.0), p_event)
        keys = self.keys.setdefault(slot, {})
        for kind, p in typed.items():
            if kind in RECIPROCAL:
                key = (kind, frozenset({pair.actor, pair.recipient}), frozenset())
            else:
                key = (kind, frozenset({pair.actor}), frozenset({pair.recipient}))
            keys[key] = max(keys.get(key, 0.0), p)


def pair_scores(pairs: list[Pair], penalty: float) -> PairScores:
    """Held out (by writer) on the training sources; trained on all of them for the rest."""
    train = [p for p in pairs if p.source in ("written", "dev")]
    fold = folds({p.story for p in train})
    scores = PairScores({}, {})
    for f in range(FOLDS):
        model = PairModel([p for p in train if fold[p.story] != f], penalty)
        for pair in (p for p in train if fold[p.story] == f):
            scores.add(pair, *model.score(pair))
    model = PairModel(train, penalty)
    for pair in (p for p in pairs if p.source not in ("written", "dev")):
        scores.add(pair, *model.score(pair))
    return scores


def alone(scores: PairScores, gold: dict[tuple[str, str], frozenset]) -> None:
    for source in ("written", "dev", "test", "fresh"):
        cells = []
        for cut in (0.3, 0.4, 0.5, 0.6):
            found = [k in gold.get(slot, ()) for slot, keys in scores.keys.items()
                     if slot[0] == source for k, p in keys.items() if p >= cut]  # fmt: skip
            cells.append(f"{cut}: {sum(found)}/{len(found) - sum(found)}")
        print(f"   {source:<8}" + "  ".join(cells))


def beside_features(key: Key, source: str, scores: PairScores) -> dict[str, float]:
    kind, actors, recipients = key.key
    slot = (source, key.story)
    targets = recipients or actors
    pairs = [(a, b) for a in actors for b in targets if a != b]
    p_bucket = _bucket(key.p, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9))
    features = {"logit": _logit(key.p), f"p={p_bucket}": 1.0}
    if not pairs:
        return {**features, "no_pair": 1.0}
    keys = scores.keys.get(slot, {})
    single = [keys.get((kind, frozenset({a}), frozenset({b})), 0.0) for a, b in pairs]
    joint = [keys.get((kind, frozenset({a, b}), frozenset()), 0.0) for a, b in pairs]
    p_key = max(single + joint)
    p_event = max(scores.events.get((*slot, a, b), -1.0) for a, b in pairs)
    key_bucket = _bucket(p_key, (0.02, 0.1, 0.2, 0.3, 0.5))
    event_bucket = _bucket(p_event, (0.0, 0.05, 0.1, 0.2, 0.3, 0.5))
    return {
        **features,
        "pair_key": p_key,
        f"pair_key={key_bucket}": 1.0,
        "pair_event": max(p_event, 0.0),
        f"pair_event={event_bucket}": 1.0,
    }


def beside(rule_keys: dict[str, list[Key]], scores: PairScores, penalty: float) -> None:
    rows = {name: [(k, beside_features(k, SETS[name], scores)) for k in keys]
            for name, keys in rule_keys.items()}  # fmt: skip
    unread = rows["unread"]
    fold = folds({k.story for k, _ in unread})
    held = [0.0] * len(unread)
    for f in range(FOLDS):
        train = [r for r in unread if fold[r[0].story] != f]
        model = _fit_rows([x for _, x in train], [k.right for k, _ in train], penalty)
        for i, (key, x) in enumerate(unread):
            if fold[key.story] == f:
                held[i] = model.probability(x)
    print(f"   unread (5 folds by writer)  {compared([k for k, _ in unread], held)}")
    model = _fit_rows([x for _, x in unread], [k.right for k, _ in unread], penalty)
    for name in ("dev", "VOA test", "fresh"):
        keys = [k for k, _ in rows[name]]
        print(f"   {name:<28}{compared(keys, [model.probability(x) for _, x in rows[name]])}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--penalties", default="1,4,16")
    args = parser.parse_args()
    pairs = all_pairs(args.shared)
    print(f"{len(pairs)} pairs, {sum(bool(p.types) for p in pairs)} holding a gold event")
    sets, _ = training_keys(args.shared)
    sets |= shipped_keys(args.shared)
    rule_keys = {name: list(keys.values()) for name, keys in sets.items()}
    stories = args.shared / "news/voa/voa_stories.jsonl"
    gold = {(source, e.group): e.gold for source, found in (
        ("written", written_examples(DATA / "written")),
        ("dev", voa_examples(stories, DATA / "voa", split="dev")),
        ("test", voa_examples(stories, DATA / "voa", split="test")),
        ("fresh", written_examples(DATA / "fresh"))) for e in found}  # fmt: skip
    scores = pair_scores(pairs, PAIR_PENALTY)
    print("the pair extractor alone (its keys right / wrong at each probability):")
    alone(scores, gold)
    for penalty in map(float, args.penalties.split(",")):
        print(f"beside the rules, penalty {penalty} (shipped -> with the pair extractor):")
        beside(rule_keys, scores, penalty)


if __name__ == "__main__":
    main()
