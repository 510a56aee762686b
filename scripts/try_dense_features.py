"""An experiment, not kept: the parser's own token vectors as verifier features.

    python scripts/try_dense_features.py [--shared ../shared]

``en_core_web_sm`` sets ``doc.tensor`` (96 numbers a token, from its tok2vec layer). This adds
them to the verifier's named features of each training candidate (the trigger's row, the
sentence's mean, the actor's and the recipient's head rows, in the combinations below, at
three scales) and prints, for each variant, the held-out dev average precision and the dev
keys right / wrong at 0.5 to 0.8, each story scored by a model not trained on it (the same
folds and penalty as ``make train``). The shipped verifier is not touched; nothing is
written. Deterministic; no downloads. Results: docs/accuracy.md, "What has been tried".
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from spacy.tokens import Doc
from train_models import RELEVANCE_OPTIONS, REPO, VERIFIER_L2, training_examples

import allegiance.training as training
from allegiance.evaluate_docs import keyed_events
from allegiance.judge.logistic import TrainOptions
from allegiance.judge.verifier import _head, directed_views
from allegiance.models import Event
from allegiance.pipeline import Extractor
from allegiance.settings import Settings

VARIANTS = {
    "none": (),
    "trigger": ("Dt_",),
    "trigger+sentence": ("Dt_", "Ds_"),
    "trigger+actor+recipient": ("Dt_", "Da_", "Dr_"),
    "all four": ("Dt_", "Ds_", "Da_", "Dr_"),
}
SCALED = (("trigger", 0.3), ("trigger", 3.0), ("all four", 0.3))


def _row(doc: Doc, start: int, end: int, prefix: str) -> dict[str, float]:
    token = _head(doc, start, end)
    if token is None or doc.tensor.shape[0] != len(doc):
        return {}
    return {f"{prefix}{i}": float(x) for i, x in enumerate(doc.tensor[token.i])}


def dense_features(event: Event, doc: Doc) -> dict[str, float]:
    out = _row(doc, event.trigger.start, event.trigger.end, "Dt_")
    span = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    if span is not None and len(span) and doc.tensor.shape[0] == len(doc):
        mean = doc.tensor[span.start : span.end].mean(0)
        out |= {f"Ds_{i}": float(x) for i, x in enumerate(mean)}
    for prefix, side in (("Da_", event.actor), ("Dr_", event.recipient)):
        if side:
            out |= _row(doc, side[0].start, side[0].end, prefix)
    return out


def candidates(examples: list, relevance, held_relevance: list[float]) -> list:
    held = dict(zip((e.article.id for e in examples), held_relevance, strict=True))
    extractor = Extractor(dataclasses.replace(Settings(), verify=False, full_parse=True))
    pairs = ((extractor.make_doc(e.article), e) for e in examples)
    out = []
    for doc, example in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=8):
        events = doc._.events or []
        rel = held[example.article.id]
        found = list(training.candidates_of(example, events, doc, relevance, article=rel))
        views = [v for _, e in keyed_events(events) for v in directed_views(e)]
        for cand, view in zip(found, views, strict=True):
            features = cand.features | dense_features(view, doc)
            out.append(dataclasses.replace(cand, features=features))
    return out


def _variant(cands: list, keep: tuple[str, ...], scale: float) -> list:
    def kept(features: dict[str, float]) -> dict[str, float]:
        return {k: v * scale if k[0] == "D" else v for k, v in features.items()
                if k[0] != "D" or k[:3] in keep}  # fmt: skip

    return [dataclasses.replace(c, features=kept(c.features)) for c in cands]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    examples = training_examples(args.shared, written_weight=1.0)
    relevance, report = training.train_relevance(examples, RELEVANCE_OPTIONS)
    cands = candidates(examples, relevance, report["held_out"])
    runs = [(name, 1.0) for name in VARIANTS] + list(SCALED)
    for name, scale in runs:
        rows = _variant(cands, VARIANTS[name], scale)
        _, held = training.train_verifier(rows, TrainOptions(l2=VERIFIER_L2, min_count=3))
        ap = training.heldout_average_precision(rows, held["held_out"], examples)
        curve = training.heldout_curve(rows, held["held_out"], examples)
        cuts = "  ".join(f">={r['threshold']:.1f} {r['tp']}/{r['fp']}" for r in curve
                         if 0.5 <= r["threshold"] <= 0.8)  # fmt: skip
        print(f"{name:<24} x{scale:<4} AP {ap['average_precision']:.4f} / "
              f"{ap['ranking_average_precision']:.4f}  {cuts}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
