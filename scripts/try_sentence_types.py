"""An experiment, not kept: what the gold's sentences say about event types, as a verifier feature.

    python scripts/try_sentence_types.py [--shared ../shared] [--penalties 0.3,1,4] [--same-code]

Why: the verifier only learns from the rules' candidates, so it never sees the wording of the
events the rules miss, and its features name the trigger, not the words around it. This trains
a second model on every sentence of the training stories (written stories, VOA dev,
non-political articles): for each PLOVER type, does the gold hold an event of that type whose
quote is this sentence? (bag of words, one weight per type and word). Its probability for the
candidate's own type is added to the verifier's features (as a number and in buckets), held
out by story with ``make train``'s folds, so no candidate is scored by a sentence model that
saw its story. Prints, per penalty of the sentence model, how well that probability separates
right from wrong candidates, the held-out dev keys right / wrong and average precision, and
the right / wrong keys on the VOA test split and the 32 fresh written stories (counts only,
scored as ``make train``'s dev curve scores keys: a story's best probability per key; no error
is read). The shipped models are not touched; nothing is written. Deterministic; no downloads.
``--same-code`` also tries one conjunction instead (session 51): the candidate's type with
whether one code is on both sides (a state acting on itself), which the verifier sees only
apart. Results: docs/accuracy.md, "What has been tried".
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

from train_models import DATA, RELEVANCE_OPTIONS, REPO, VERIFIER_L2, training_examples

from allegiance.evaluate_docs import comparable, keyed_events, read_doc_gold
from allegiance.judge.logistic import LogisticModel, TrainOptions, _fit
from allegiance.judge.relevance import article_relevance, text_features, text_relevance
from allegiance.judge.verifier import Recurrence, candidate_features, directed_views
from allegiance.pipeline import Extractor
from allegiance.settings import Settings
from allegiance.training import (
    Candidate,
    _identity,
    _recoded,
    heldout_average_precision,
    heldout_curve,
    train_relevance,
    train_verifier,
    voa_examples,
    written_examples,
)

TYPES = (
    "ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)  # fmt: skip
FOLDS = 5


@dataclasses.dataclass(frozen=True)
class Scored:
    """A rule candidate with the sentence it was found in and its PLOVER type."""

    candidate: Candidate
    sentence: str
    kind: str


def gold_types_by_quote() -> dict[str, list[tuple[str, str]]]:
    """Each training story's gold quotes with their event type (PLOVER's conventions)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for source, path in (("written", DATA / "written"), ("voa", DATA / "voa")):
        for gold in read_doc_gold(path / "gold.jsonl"):
            if gold.quote:
                out.setdefault(f"{source}:{gold.story}", []).append((gold.quote, gold.key[0]))
    return out


def _same_text(sentence: str, quote: str) -> bool:
    s, q = " ".join(sentence.split()), " ".join(quote.split())
    return q in s or s in q or s[:40] in q or q[:40] in s


def type_features(text: str, kind: str) -> dict[str, float]:
    features = {f"{kind}|{k}": v for k, v in text_features(text).items()}
    features[f"T={kind}"] = 1.0
    return features


def sentence_rows(doc, quotes: list[tuple[str, str]]) -> Iterator[tuple[dict, int]]:
    """Every sentence of a story once per type, labelled by whether the gold holds it there."""
    for sentence in doc.sents:
        here = {kind for quote, kind in quotes if _same_text(sentence.text, quote)}
        for kind in TYPES:
            yield type_features(sentence.text, kind), int(kind in here)


def story_candidates(example, doc, relevance, article: float) -> list[Scored]:
    """As ``training.candidates_of``, keeping each candidate's sentence and type."""
    events = doc._.events or []
    recurrence, recode = Recurrence.of(events), example.recode or _identity
    out = []
    for key, event in keyed_events(events):
        sentence = text_relevance(relevance, event.sentence.text)
        right = _recoded(key, recode) in example.gold
        for view in directed_views(event):
            features = candidate_features(
                view, doc, article_relevance=article, sentence_relevance=sentence,
                recurrence=recurrence,
            )  # fmt: skip
            candidate = Candidate(
                example.group, example.source, features, right, example.weight,
                key if comparable(key) else None,
            )  # fmt: skip
            out.append(Scored(candidate, event.sentence.text, key[0]))
    return out


def with_sentence_type(scored: Scored, p: float) -> Candidate:
    features = dict(scored.candidate.features)
    features["sent_type_p"] = p
    features[f"sent_type={sum(p >= e for e in (0.1, 0.3, 0.5, 0.7))}"] = 1.0
    features[f"{scored.kind}|sent_type={sum(p >= e for e in (0.2, 0.5))}"] = 1.0
    return dataclasses.replace(scored.candidate, features=features)


def fit(rows: list[tuple[str, dict, int]], penalty: float) -> LogisticModel:
    import numpy as np

    labels = np.array([y for *_, y in rows], float)
    options = TrainOptions(l2=penalty, min_count=3)
    return _fit([f for _, f, _ in rows], labels, np.ones(len(rows)), options)


def heldout_types(scored: list[Scored], rows: list, penalty: float) -> list[float]:
    """Each candidate's sentence-type probability from a model not trained on its story (the
    verifier's folds: groups in sorted order)."""
    names = sorted({s.candidate.group for s in scored})
    fold_of = {g: i % FOLDS for i, g in enumerate(names)}
    out = [0.0] * len(scored)
    for fold in range(FOLDS):
        model = fit([r for r in rows if fold_of.get(r[0], -1) != fold], penalty)
        for i, s in enumerate(scored):
            if fold_of[s.candidate.group] == fold:
                out[i] = model.probability(type_features(s.sentence, s.kind))
    return out


def parsed(examples, extractor) -> Iterator:
    pairs = ((extractor.make_doc(e.article), e) for e in examples)
    for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
        yield example, doc


def training_data(examples, relevance, held: dict, extractor) -> tuple[list[Scored], list]:
    quotes = gold_types_by_quote()
    scored, rows = [], []
    for example, doc in parsed(examples, extractor):
        scored += story_candidates(example, doc, relevance, held[example.article.id])
        if example.source in ("written", "voa", "nonpolitical"):
            quoted = quotes.get(example.group, [])
            rows += [(example.group, f, y) for f, y in sentence_rows(doc, quoted)]
    return scored, rows


def separation(scored: list[Scored], probabilities: list[float]) -> str:
    cells = []
    for lo, hi in ((0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01)):
        idx = [i for i, p in enumerate(probabilities) if lo <= p < hi]
        if idx:
            rate = sum(scored[i].candidate.right for i in idx) / len(idx)
            cells.append(f"{lo}-{min(hi, 1)}: {len(idx)} ({rate:.2f} right)")
    return "; ".join(cells)


def heldout_sets(shared: Path, relevance, extractor) -> dict[str, list[tuple]]:
    """The VOA test split and the fresh stories: each candidate with its story's relevance."""
    sets = {
        "VOA test": voa_examples(shared / "news/voa/voa_stories.jsonl", DATA / "voa", split="test"),
        "fresh": written_examples(DATA / "fresh"),
    }
    out = {}
    for name, examples in sets.items():
        out[name] = []
        for example, doc in parsed(examples, extractor):
            article = article_relevance(relevance, example.article.text, url=example.article.url)
            out[name] += story_candidates(example, doc, relevance, article)
    return out


def with_same_code(scored: Scored) -> Candidate:
    features = dict(scored.candidate.features)
    same = "same_code=True" in features
    features[f"{scored.kind}|same_code={same}"] = 1.0
    return dataclasses.replace(scored.candidate, features=features)


Featurize = Callable[[Scored], Candidate]


def key_counts(scored: list[Scored], verifier, featurize: Featurize) -> str:
    """Right / wrong keys at 0.6 and 0.7, a story's best probability per key."""
    best: dict[tuple, tuple[float, bool]] = {}
    for s in scored:
        if s.candidate.key is None:
            continue
        features = featurize(s).features
        slot, q = (s.candidate.group, s.candidate.key), verifier.probability(features)
        if q > best.get(slot, (0.0, False))[0]:
            best[slot] = (q, s.candidate.right)
    cells = []
    for cut in (0.6, 0.7):
        kept = [right for q, right in best.values() if q >= cut]
        cells.append(f"{cut}: {sum(kept)}/{len(kept) - sum(kept)}")
    return "  ".join(cells)


def report(name: str, candidates: list[Candidate], examples, heldout, featurize: Featurize) -> None:
    options = TrainOptions(l2=VERIFIER_L2, min_count=3)
    verifier, result = train_verifier(candidates, options)
    curve = {r["threshold"]: r for r in heldout_curve(candidates, result["held_out"], examples)}
    ap = heldout_average_precision(candidates, result["held_out"], examples)
    dev = "  ".join(f"{t}: {curve[t]['tp']}/{curve[t]['fp']}" for t in (0.5, 0.6, 0.7))
    print(f"{name}\n   held-out dev {dev}  AP {ap['average_precision']} / "
          f"{ap['ranking_average_precision']}")  # fmt: skip
    for set_name, scored in heldout.items():
        print(f"   {set_name} {key_counts(scored, verifier, featurize)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--penalties", default="0.3,1,4")
    parser.add_argument("--same-code", action="store_true")
    args = parser.parse_args()
    examples = training_examples(args.shared, written_weight=1.0)
    relevance, rel_report = train_relevance(examples, RELEVANCE_OPTIONS)
    held = dict(zip((e.article.id for e in examples), rel_report["held_out"], strict=True))
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    scored, rows = training_data(examples, relevance, held, extractor)
    print(f"{len(scored)} candidates; {len(rows)} sentence-type rows, "
          f"{sum(y for *_, y in rows)} holding their type")  # fmt: skip
    heldout = heldout_sets(args.shared, relevance, extractor)
    report("shipped features", [s.candidate for s in scored], examples, heldout, _as_is)
    for penalty in map(float, args.penalties.split(",")):
        probabilities = heldout_types(scored, rows, penalty)
        print(f"sentence-type penalty {penalty}: {separation(scored, probabilities)}")
        candidates = [with_sentence_type(s, p) for s, p in zip(scored, probabilities, strict=True)]
        report("   + sentence type", candidates, examples, heldout, _typed(fit(rows, penalty)))
    if args.same_code:
        candidates = [with_same_code(s) for s in scored]
        report("+ type with same code", candidates, examples, heldout, with_same_code)


def _as_is(scored: Scored) -> Candidate:
    return scored.candidate


def _typed(types: LogisticModel) -> Featurize:
    def featurize(scored: Scored) -> Candidate:
        p = types.probability(type_features(scored.sentence, scored.kind))
        return with_sentence_type(scored, p)

    return featurize


if __name__ == "__main__":
    main()
