"""`make bench`: extraction throughput against bare spaCy, workers, Ray, memory. Prints figures.

Usage: python benchmarks/run.py [--words 200000] [--skip-ray]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import threading
import time
from pathlib import Path

from corpus import corpus, word_count

from allegiance import Extractor, Settings
from allegiance.batch import IngestOptions, ingest
from allegiance.pipeline import load_model
from allegiance.store import Store


def _rate(words: int, articles: int, seconds: float) -> dict[str, float]:
    return {
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds),
        "articles_per_s": round(articles / seconds, 2),
    }


def bare_spacy(texts: list[str], model: str, batch_size: int) -> float:
    nlp = load_model(model)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def extract_only(articles, settings: Settings) -> float:
    extractor = Extractor(settings)
    assert extractor.nlp is not None  # load outside the timing, like bare spaCy
    started = time.perf_counter()
    for extraction in extractor.extract(articles):
        for event in extraction.events:
            json.dumps(event.to_dict())  # what `allegiance extract` does per event
    return time.perf_counter() - started


def ingest_duckdb(articles, settings: Settings, folder: Path) -> float:
    extractor = Extractor(settings)
    assert extractor.nlp is not None
    source = folder / "bench.jsonl"
    source.write_text(
        "\n".join(
            json.dumps({"id": a.id, "text": a.text, "published": str(a.published or "")})
            for a in articles
        )
    )
    started = time.perf_counter()
    with Store(folder / "bench.duckdb") as store:
        ingest(
            [source], store=store, extractor=extractor, options=IngestOptions(near_duplicates=False)
        )
    return time.perf_counter() - started


def parallel(articles, settings: Settings, workers: int) -> float:
    started = time.perf_counter()
    for _ in Extractor(Settings(model=settings.model, workers=workers)).extract(articles):
        pass
    return time.perf_counter() - started


class PeakRss:
    """Samples the RSS of processes whose command line matches, keeps the peak of each."""

    def __init__(self, needle: str) -> None:
        import psutil

        self.psutil, self.needle, self.peak = psutil, needle, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            for proc in self.psutil.process_iter(["cmdline", "memory_info"]):
                cmd = " ".join(proc.info["cmdline"] or ())
                if self.needle in cmd and proc.info["memory_info"]:
                    self.peak = max(self.peak, proc.info["memory_info"].rss)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def ray_run(articles, settings: Settings, folder: Path, workers: int) -> tuple[float, float, int]:
    import ray

    from allegiance.scale.ray_job import RayOptions, run_ray

    source = folder / "ray-input"
    source.mkdir()
    for i in range(0, len(articles), 20):  # shards of 20 articles
        chunk = articles[i : i + 20]
        (source / f"part-{i // 20:05d}.jsonl").write_text(
            "\n".join(json.dumps({"id": a.id, "text": a.text}) for a in chunk)
        )
    started = time.perf_counter()
    ray.init(
        num_cpus=workers, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1"
    )
    ready = time.perf_counter()
    with PeakRss("ExtractFiles") as peak:
        run_ray(
            [source],
            out_dir=folder / "shards",
            settings=settings,
            options=RayOptions(workers=workers),
        )
    done = time.perf_counter()
    ray.shutdown()
    return done - ready, ready - started, peak.peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()
    settings = Settings.from_env()
    articles = corpus(args.words)
    words, n = word_count(articles), len(articles)
    texts = [a.text for a in articles]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"corpus: {n} articles, {words} words (../shared/corpus repeated); model {settings.model}"
    )
    results: dict[str, dict[str, float]] = {}
    results["bare_spacy"] = _rate(words, n, bare_spacy(texts, settings.model, settings.batch_size))
    results["extract"] = _rate(words, n, extract_only(articles, settings))
    with tempfile.TemporaryDirectory() as tmp:
        results["ingest_duckdb"] = _rate(words, n, ingest_duckdb(articles, settings, Path(tmp)))
    single_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    results["workers_1"] = _rate(words, n, parallel(articles, settings, 1))
    results["workers_2"] = _rate(words, n, parallel(articles, settings, 2))
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    if not args.skip_ray:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, startup, ray_rss = ray_run(articles, settings, Path(tmp), 2)
        results["ray_2_workers"] = {
            **_rate(words, n, seconds),
            "startup_s": round(startup, 1),
            "peak_rss_mb_per_worker": round(ray_rss / 2**20),
        }
    base = results["bare_spacy"]["words_per_s"]
    for name, row in results.items():
        print(
            f"{name:>14}: {row['words_per_s']:>7} words/s  {row['articles_per_s']:>6} articles/s"
            f"  {row['seconds']:>7}s  ratio to bare spaCy {row['words_per_s'] / base:.2f}"
            + (
                f"  (+{row['startup_s']}s cluster start, peak {row['peak_rss_mb_per_worker']} MB"
                "/worker)"
                if "startup_s" in row
                else ""
            )
        )
    speedup = results["workers_2"]["words_per_s"] / results["workers_1"]["words_per_s"]
    print(f"speed-up of 2 workers over 1: {speedup:.2f}x")
    print(
        f"peak RSS: main process {single_rss / 2**20:.0f} MB, largest local worker "
        f"{child_rss / 2**20:.0f} MB"
    )


if __name__ == "__main__":
    main()
