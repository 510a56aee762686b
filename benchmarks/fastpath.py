"""The fast path on real news mixes: words/s against bare spaCy, and what it costs in recall.

Two streams, each timed in this one process with the same model, alternating, median of
``--rounds``:

* political: the 89 VOA stories (``../shared/news/voa``);
* mixed: the VOA stories plus our non-political articles (``tests/data/nonpolitical``: the
  bench-only ``stream.jsonl`` and ``heldout.jsonl``, never trained on, and ``articles.jsonl``,
  the relevance gate's training half), at least half the words non-political.

Rows: bare spaCy (``nlp.pipe`` on the texts), ``extract --full-parse`` and ``extract`` (the
fast path), each serialising its events as ``allegiance extract`` does. Then the sentences
parsed and skipped, the non-political articles the gate turned away (by file), and event
precision/recall on the real-news gold (dev and test splits) with and without the fast path.

Usage: python benchmarks/fastpath.py [--rounds 3] [--no-gold]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from allegiance import Extractor, Settings
from allegiance.evaluate_docs import DocEvalOptions, read_articles, run_docs
from allegiance.models import Article
from allegiance.pipeline import load_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VOA = SHARED / "news" / "voa" / "voa_stories.jsonl"
NONPOLITICAL = ROOT / "tests" / "data" / "nonpolitical"
NONPOLITICAL_FILES = ("stream.jsonl", "heldout.jsonl", "articles.jsonl")
GOLD = ROOT / "tests" / "data" / "voa" / "gold.jsonl"


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def nonpolitical() -> dict[str, list[Article]]:
    return {
        name: read_articles(NONPOLITICAL / name)
        for name in NONPOLITICAL_FILES
        if (NONPOLITICAL / name).exists()
    }


def streams() -> dict[str, list[Article]]:
    political = read_articles(VOA)
    others = [a for batch in nonpolitical().values() for a in batch]
    return {"political": political, "mixed": political + others}


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def extract_run(extractor: Extractor, articles: list[Article]):
    def run() -> None:
        for extraction in extractor.extract(articles):
            for event in extraction.events:
                json.dumps(event.to_dict())

    return run


def speed(articles: list[Article], rounds: int, extractors: dict[str, Extractor], nlp) -> dict:
    texts = [a.text for a in articles]

    def bare() -> None:
        for _doc in nlp.pipe(texts, batch_size=8):
            pass

    runs = {"bare spaCy": bare} | {k: extract_run(e, articles) for k, e in extractors.items()}
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            seconds[name].append(timed(run))
    n = words(articles)
    base = statistics.median(seconds["bare spaCy"])
    return {
        name: {
            "seconds": round(statistics.median(s), 2),
            "words_per_s": round(n / statistics.median(s)),
            "vs_bare_spacy": round(base / statistics.median(s), 2),
        }
        for name, s in seconds.items()
    }


def sentence_counts(extractor: Extractor, articles: list[Article]) -> dict[str, int]:
    parsed = skipped = untouched = 0
    for extraction in extractor.extract(articles):
        parsed += extraction.sentences_parsed
        skipped += extraction.sentences_skipped
        untouched += extraction.sentences_parsed == 0
    return {"parsed": parsed, "skipped": skipped, "articles_not_parsed": untouched}


def gate_skips(extractor: Extractor) -> dict[str, str]:
    out = {}
    for name, articles in nonpolitical().items():
        counts = sentence_counts(extractor, articles)
        out[name] = f"{counts['articles_not_parsed']}/{len(articles)} articles not parsed"
    return out


def gold_scores(full_parse: bool) -> dict[str, dict[str, float]]:
    settings = Settings(full_parse=full_parse)
    out = {}
    for split in ("dev", "test"):
        options = DocEvalOptions(articles=VOA, split=split, threshold=settings.min_confidence)
        event = run_docs(GOLD, options=options, settings=settings)["event"]
        out[split] = {k: event[k] for k in ("precision", "recall", "tp", "fp", "fn")}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-gold", action="store_true", help="skip the gold evaluation")
    args = parser.parse_args()
    if not VOA.exists():
        raise SystemExit(f"benchmarks/fastpath.py needs {VOA} (../shared beside the checkout)")
    settings = Settings()
    nlp = load_model(settings.model)
    extractors = {
        "extract --full-parse": Extractor(Settings(full_parse=True)),
        "extract (fast path)": Extractor(settings),
    }
    for extractor in extractors.values():
        extractor.extract_one(Article(id="warm-up", text="Warm-up sentence."))
    report: dict = {"machine": f"{platform.machine()}, {platform.python_version()}"}
    for name, articles in streams().items():
        share = 1 - words(read_articles(VOA)) / words(articles) if name == "mixed" else 0.0
        report[name] = {
            "articles": len(articles),
            "words": words(articles),
            "non_political_word_share": round(share, 3),
            "speed": speed(articles, args.rounds, extractors, nlp),
            "sentences": sentence_counts(extractors["extract (fast path)"], articles),
        }
    report["relevance_gate"] = gate_skips(extractors["extract (fast path)"])
    if not args.no_gold:
        report["gold"] = {
            "full_parse": gold_scores(True),
            "fast_path": gold_scores(False),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
