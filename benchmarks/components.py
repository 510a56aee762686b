"""Where extraction time goes: each pipeline component timed over the corpus. Prints figures.

Usage: python benchmarks/components.py [--rounds 1]

Each article is made into a Doc and passed through the pipeline's components one by one
(after one warm-up article), so spaCy's own components and ours are timed on the same docs.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from corpus import base_articles, word_count

from allegiance import Extractor, Settings

OURS = (
    "allegiance_relevance",
    "allegiance_lines",
    "allegiance_actor_ruler",
    "allegiance_actor_resolver",
    "allegiance_events",
    "allegiance_verifier",
)
JUDGE = ("allegiance_relevance", "allegiance_verifier")  # issue 13's budget: <= 10 % added


def time_components(extractor: Extractor, texts: list[str], rounds: int) -> Counter[str]:
    nlp = extractor.nlp
    spent: Counter[str] = Counter()
    for _ in range(rounds):
        for article in extractor_articles(texts):
            doc = extractor.make_doc(article)
            for name, component in nlp.pipeline:
                started = time.perf_counter()
                doc = component(doc)
                spent[name] += time.perf_counter() - started
    return spent


def pipe_seconds(extractor: Extractor, texts: list[str], *, ours: bool) -> float:
    """Batched ``nlp.pipe`` over the texts, with or without our components."""
    nlp = extractor.nlp
    docs = [extractor.make_doc(a) for a in extractor_articles(texts)]
    disabled = [] if ours else [n for n in OURS if n in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        started = time.perf_counter()
        for _doc in nlp.pipe(docs, batch_size=extractor.settings.batch_size):
            pass
        return time.perf_counter() - started


def extractor_articles(texts: list[str]):
    from allegiance.models import Article

    return [Article(id=f"c{i}", text=t) for i, t in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    articles = base_articles()
    texts = [a.text for a in articles]
    extractor = Extractor(Settings())
    extractor.extract_one(articles[0])  # warm-up: lazy tables, caches
    spent = time_components(extractor, texts, args.rounds)
    total = sum(spent.values())
    words = word_count(articles) * args.rounds
    print(f"{len(texts)} articles x {args.rounds} rounds, {words:,} words, {total:.2f} s")
    for name, seconds in spent.most_common():
        mark = "  (ours)" if name in OURS else ""
        print(f"  {name:28} {seconds:7.2f} s  {100 * seconds / total:5.1f} %{mark}")
    ours = sum(spent[n] for n in OURS)
    print(f"our components: {100 * ours / total:.1f} % of the component time above")
    judge = sum(spent[n] for n in JUDGE)
    print(f"relevance gate + verifier: {100 * judge / (total - judge):.1f} % added to the rest")
    batched_texts = texts * args.rounds
    # best of three alternating runs: a 1.4 s run moves by several percent with machine noise
    bare = full = float("inf")
    for _ in range(3):
        bare = min(bare, pipe_seconds(extractor, batched_texts, ours=False))
        full = min(full, pipe_seconds(extractor, batched_texts, ours=True))
    print(f"nlp.pipe, spaCy only: {bare:.2f} s ({words / bare:,.0f} words/s)")
    print(f"nlp.pipe, with ours:  {full:.2f} s ({words / full:,.0f} words/s)")
    print(f"our components: {100 * (full - bare) / full:.1f} % of pipeline time (budget 25 %)")


if __name__ == "__main__":
    main()
