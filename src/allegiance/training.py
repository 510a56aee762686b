"""Training the relevance gate and the verifier: ``make train`` (scripts/train_models.py).

Data, all of it ours or openly licensed, none of it the real-news test split:
- the dev split of the VOA real-news gold (``tests/data/voa``): every rule candidate of a dev
  story is right when its event key (type, actor codes, recipient codes) is in the story's gold;
- the PLOVER gold sentences (CC BY-SA, Open Event Data Alliance; ``../shared/gold/plover``):
  a candidate is right when it is the sentence's coded event (codes in CAMEO conventions);
- our written news stories with their gold (``tests/data/written``), read as the dev stories
  are; and what the rules proposed for them before anyone read them (``unread.jsonl``), on
  which the verifier's probability is calibrated;
- our factuality contrast set (``tests/data/factuality_contrast.jsonl``);
- the training half of our non-political articles (``tests/data/nonpolitical``): every
  candidate there is wrong, and the articles are the relevance gate's negatives.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from allegiance.evaluate_docs import (
    THRESHOLDS,
    Key,
    average_precision,
    comparable,
    in_coder_codes,
    keyed_events,
    plover_type,
    read_doc_gold,
    read_split,
)
from allegiance.judge.logistic import (
    LogisticModel,
    TrainOptions,
    Unseen,
    calibrated_heldout,
    reliability,
    train,
)
from allegiance.judge.relevance import article_relevance, text_features, text_relevance
from allegiance.judge.verifier import Recurrence, candidate_features, directed_views
from allegiance.models import Article, Event
from allegiance.settings import Settings

log = logging.getLogger(__name__)

Recode = Callable[[str], str | None]
# Without unread candidates (train_verifier), the verifier's probability is calibrated on these
# (news articles, not manual sentences).
REAL_NEWS = frozenset({"voa", "nonpolitical"})


@dataclass(frozen=True, slots=True)
class Example:
    """A text to learn from: its relevance label and, for the verifier, its gold event keys."""

    group: str  # examples of one group share a fold (a story, a contrast group)
    article: Article
    political: bool
    gold: frozenset[Key] = frozenset()
    weight: float = 1.0
    source: str = ""
    recode: Recode | None = field(default=None, compare=False)  # our codes -> the gold's


def _identity(code: str) -> str | None:
    return code


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _article(raw: dict[str, Any], ident: str) -> Article:
    published = raw.get("published")
    return Article.from_dict(
        {
            "id": ident,
            "text": raw["text"],
            "title": raw.get("title"),
            "url": raw.get("url"),
            "published": str(published)[:10] if published else None,
        }
    )


def voa_examples(stories: Path, gold_dir: Path, *, split: str = "dev") -> list[Example]:
    """The stories of one split of the real-news gold."""
    wanted = read_split(gold_dir / "split.json", split)
    raws = [raw for raw in _read_jsonl(stories) if str(raw["id"]) in wanted]
    return _gold_examples(raws, gold_dir, source="voa", weight=1.0)


def written_examples(data_dir: Path, *, weight: float = 1.0) -> list[Example]:
    """Our written news stories with their gold (``tests/data/written``): every story."""
    raws = _read_jsonl(data_dir / "articles.jsonl")
    return _gold_examples(raws, data_dir, source="written", weight=weight)


def _gold_examples(
    raws: Sequence[dict[str, Any]], gold_dir: Path, *, source: str, weight: float
) -> list[Example]:
    """Stories annotated at the document level (``gold.jsonl``, ``stories.jsonl``)."""
    gold = in_coder_codes(read_doc_gold(gold_dir / "gold.jsonl"), Settings())
    political = {r["story"]: r["political"] for r in _read_jsonl(gold_dir / "stories.jsonl")}
    keys: dict[str, set[Key]] = {}
    for item in gold:
        keys.setdefault(item.story, set()).add(item.key)
    return [
        Example(
            f"{source}:{raw['id']}",
            _article(raw, str(raw["id"])),
            political.get(str(raw["id"]), True),
            frozenset(keys.get(str(raw["id"]), ())),
            weight,
            source,
        )
        for raw in raws
    ]


def nonpolitical_examples(path: Path, *, half: str = "train") -> list[Example]:
    """Our non-political articles: even-numbered ids train, odd-numbered ones are held out."""
    out = []
    for raw in _read_jsonl(path):
        number = int(str(raw["id"]).rsplit("-", 1)[-1])
        if (number % 2 == 0) == (half == "train"):
            out.append(
                Example(
                    f"np:{raw['id']}", _article(raw, str(raw["id"])), False, source="nonpolitical"
                )
            )
    return out


def contrast_examples(path: Path) -> list[Example]:
    out = []
    for i, raw in enumerate(_read_jsonl(path)):
        actor, recipient = raw.get("actor"), raw.get("recipient")
        kind = plover_type(raw["event"], raw["factuality"])
        key = (kind, frozenset(c for c in (actor,) if c), frozenset(c for c in (recipient,) if c))
        article = Article(id=f"contrast-{i}", text=raw["text"])
        out.append(
            Example(f"contrast:{raw['group']}", article, True, frozenset({key}), 0.25, "contrast")
        )
    return out


def plover_examples(path: Path, recode: Recode) -> list[Example]:
    """The PLOVER manual's gold sentences, each with its one coded event."""
    from allegiance.evaluate import read_gold

    out = []
    for i, record in enumerate(read_gold(path)):
        key = (record.event, record.actors, record.recipients)
        article = Article(id=f"plover-{i}", text=record.text)
        out.append(
            Example(f"plover:{i // 4}", article, True, frozenset({key}), 0.25, "plover", recode)
        )
    return out


# --- relevance -----------------------------------------------------------------------------


def train_relevance(
    examples: Sequence[Example], options: TrainOptions
) -> tuple[LogisticModel, dict]:
    """The bag-of-words relevance model and its held-out reliability."""
    rows = [text_features(e.article.text) for e in examples]
    labels = [int(e.political) for e in examples]
    groups = [e.group for e in examples]
    weights = [e.weight for e in examples]
    meta = {"what": "relevance", "examples": len(rows), "positives": sum(labels)}
    model, held = train(rows, labels, groups=groups, weights=weights, options=options, meta=meta)
    return model, {"reliability": reliability(held, labels), "held_out": held}


# --- verifier ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    group: str
    source: str
    features: dict[str, float]
    right: bool
    weight: float
    key: Key | None = None  # the candidate's event key (comparable ones only)


def _recoded(key: Key, recode: Recode) -> Key:
    kind, actors, recipients = key
    return (
        kind,
        frozenset(c for a in actors if (c := recode(a))),
        frozenset(c for r in recipients if (c := recode(r))),
    )


def candidates_of(
    example: Example,
    events: Sequence[Event],
    doc: Any,
    relevance: LogisticModel,
    *,
    article: float | None = None,
) -> Iterator[Candidate]:
    """Every rule candidate of one example, with its features and whether it is right.

    ``article`` is the article's relevance as a model not trained on it saw it (held out);
    without it the relevance model is asked."""
    text, url = example.article.text, example.article.url
    rel = article if article is not None else article_relevance(relevance, text, url=url)
    recode = example.recode or _identity
    recurrence = Recurrence.of(events)
    for key, event in keyed_events(events):
        sentence = text_relevance(relevance, event.sentence.text)
        right = _recoded(key, recode) in example.gold
        for view in directed_views(event):
            features = candidate_features(
                view, doc, article_relevance=rel, sentence_relevance=sentence, recurrence=recurrence
            )
            yield Candidate(example.group, example.source, features, right, example.weight,
                            key if comparable(key) else None)  # fmt: skip


def _verifier_data(candidates: Sequence[Candidate]) -> dict[str, Any]:
    return {
        "rows": [c.features for c in candidates],
        "labels": [int(c.right) for c in candidates],
        "groups": [c.group for c in candidates],
        "weights": [c.weight for c in candidates],
        "calibrate_on": [c.source in REAL_NEWS for c in candidates],
    }


def _unseen(candidates: Sequence[Candidate]) -> Unseen | None:
    if not candidates:
        return None
    return Unseen([c.features for c in candidates], [int(c.right) for c in candidates],
                  [c.group for c in candidates])  # fmt: skip


def train_verifier(
    candidates: Sequence[Candidate], options: TrainOptions, *, unread: Sequence[Candidate] = ()
) -> tuple[LogisticModel, dict]:
    """The verifier, trained on ``candidates``; calibrated on the ``unread`` candidates (the
    rules' output on stories before they were read from them, each scored by the fold model
    not trained on its story) when given, else on the held-out real-news candidates."""
    data = _verifier_data(candidates)
    labels = data["labels"]
    meta = {"what": "verifier", "candidates": len(labels), "right": sum(labels)}
    if unread:
        meta |= {"calibrated_on_unread": len(unread), "unread_right": sum(c.right for c in unread)}
    model, held = train(**data, options=options, meta=meta, unseen=_unseen(unread))
    return model, {"reliability": reliability(held, labels), "held_out": held}


def _heldout_keys(
    candidates: Sequence[Candidate], held: Sequence[float], examples: Sequence[Example]
) -> tuple[dict[tuple[str, Key], float], set[tuple[str, Key]]]:
    """Each dev story's event keys with their best held-out probability, and its gold keys."""
    best: dict[tuple[str, Key], float] = {}
    for cand, p in zip(candidates, held, strict=True):
        if cand.source == "voa" and cand.key is not None:
            slot = (cand.group, cand.key)
            best[slot] = max(best.get(slot, 0.0), p)
    gold = {(e.group, k) for e in examples if e.source == "voa" for k in e.gold if comparable(k)}
    return best, gold


def heldout_average_precision(
    candidates: Sequence[Candidate], held: Sequence[float], examples: Sequence[Example]
) -> dict[str, float | None]:
    """Average precision of the held-out ranking on the dev stories: over their gold keys
    (missed keys count as zero) and over the keys the rules found."""
    best, gold = _heldout_keys(candidates, held, examples)
    ranked = [(p, slot in gold) for slot, p in best.items()]
    return {
        "average_precision": average_precision(ranked, len(gold)),
        "ranking_average_precision": average_precision(ranked, sum(r for _, r in ranked)),
    }


def fold_seed_precision(
    candidates: Sequence[Candidate], examples: Sequence[Example], options: TrainOptions,
    *, seeds: int, unread: Sequence[Candidate] = (), thresholds: Sequence[float] = THRESHOLDS,
) -> dict[float, list[float]]:  # fmt: skip
    """The held-out dev precision at each threshold under ``seeds`` assignments of the dev
    stories to folds (the shipped one, then shuffles): how much the threshold choice rests
    on which stories share a fold. Calibrated as ``train_verifier`` is."""
    out: dict[float, list[float]] = {cut: [] for cut in thresholds}
    data = _verifier_data(candidates)
    for seed in range(seeds):
        seeded = dataclasses.replace(options, fold_seed=seed)
        held, _, _ = calibrated_heldout(**data, options=seeded, unseen=_unseen(unread))
        for row in heldout_curve(candidates, held, examples, thresholds=thresholds):
            out[row["threshold"]].append(row["precision"])
    return out


def default_threshold(
    precision: dict[float, list[float]], *, current: float, target: float
) -> float:
    """The default threshold the dev figures support (``fold_seed_precision``), held steady
    against retraining noise: the current default stays while its mean held-out precision over
    the fold assignments reaches ``target``, and gives way to a lower threshold only where every
    assignment reaches it; when the current one falls short, the lowest threshold whose mean
    reaches it (the highest there is if none does)."""
    means = {cut: sum(values) / len(values) for cut, values in precision.items() if values}
    if means.get(current, 0.0) >= target:
        lower = [cut for cut in means if 0 < cut < current and min(precision[cut]) >= target]
        return min(lower, default=current)
    reaching = [cut for cut, mean in means.items() if cut > 0 and mean >= target]
    return min(reaching, default=max(means))


def heldout_curve(
    candidates: Sequence[Candidate], held: Sequence[float], examples: Sequence[Example],
    *, thresholds: Sequence[float] = THRESHOLDS,
) -> list[dict[str, Any]]:  # fmt: skip
    """Document-level precision and recall on the real-news dev stories at each threshold,
    from held-out verifier probabilities (each story scored by a model not trained on it)."""
    best, gold = _heldout_keys(candidates, held, examples)
    rows = []
    for cut in thresholds:
        kept = {slot for slot, p in best.items() if p >= cut}
        tp = len(kept & gold)
        precision = tp / len(kept) if kept else 0.0
        rows.append({"threshold": cut, "precision": round(precision, 4),
                     "recall": round(tp / len(gold), 4) if gold else 0.0,
                     "tp": tp, "fp": len(kept) - tp, "fn": len(gold) - tp})  # fmt: skip
    return rows
