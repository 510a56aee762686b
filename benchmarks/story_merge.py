"""Story merging across articles (issue 7): duplicate and over-merge rates on our test set.

    /work/venv/bin/python benchmarks/story_merge.py [--db PATH] [--window 7] [--json]

Ingests ``tests/data/stories/articles.jsonl`` (written by us: clusters of differently worded
reports of one happening, look-alike but distinct events, two syndicated near-copies) with the
real extractor into a DuckDB store, computes stories and compares them with
``tests/data/stories/gold.jsonl``. The metrics are defined in docs/accuracy.md ("Story merging").
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from allegiance import Extractor, Settings
from allegiance.batch import ingest
from allegiance.graph import AnalysisOptions, stories
from allegiance.models import IngestStats
from allegiance.store import Store

log = logging.getLogger("story_merge")

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories"
ARTICLES = DATA / "articles.jsonl"
GOLD = DATA / "gold.jsonl"

Key = tuple[str, str, str]  # source, target, type


@dataclass(slots=True)
class MergeReport:
    """The figures the benchmark prints; see docs/accuracy.md for the definitions."""

    gold_stories: int = 0
    gold_mentions: int = 0  # gold articles that are not syndicated copies
    extracted_mentions: int = 0  # of those, articles with >= 1 event of the gold dyad and type
    missed: list[str] = field(default_factory=list)  # article ids not extracted at all
    missed_why: dict[str, str] = field(default_factory=dict)  # article id -> what was extracted
    scored_stories: int = 0  # gold stories with >= 1 extracted mention
    predicted_stories: int = 0  # stories on a gold (source, target, type) with a gold mention
    split_stories: list[str] = field(default_factory=list)  # gold ids in > 1 predicted story
    surplus_stories: int = 0  # sum over gold stories of (predicted stories - 1)
    over_merged: list[list[str]] = field(default_factory=list)  # gold ids sharing a story
    duplicate_rate: float = 0.0
    unmerged_rate: float = 0.0
    over_merge_rate: float = 0.0
    syndicated_copies: int = 0
    syndicated_marked: int = 0  # copies stored with duplicate_of set
    syndicated_mentions: int = 0  # story mentions coming from copies (must be 0)
    splits_by_cause: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build_store(db: Path, extractor: Extractor) -> IngestStats:
    """Ingest the test set into a fresh store at ``db`` (syndicated copies marked)."""
    with Store(db) as store:
        return ingest([ARTICLES], store=store, extractor=extractor)


def _event_articles(store: Store) -> dict[str, str]:
    rows = store.connection.execute("SELECT id, article_id FROM events").fetchall()
    return {str(event): str(article) for event, article in rows}


def _marked_copies(store: Store) -> set[str]:
    rows = store.connection.execute(
        "SELECT id FROM articles WHERE duplicate_of IS NOT NULL"
    ).fetchall()
    return {str(r[0]) for r in rows}


def _story_rows(store: Store, options: AnalysisOptions) -> list[dict[str, Any]]:
    table = stories(store, options)
    return [dict(row) for row in table.to_dict(orient="records")]


def _gold_key(row: dict[str, Any]) -> Key:
    return (row["source"], row["target"], row["type"])


def _assign(
    rows: list[dict[str, Any]], gold: dict[str, dict[str, Any]], event_article: dict[str, str]
) -> list[tuple[int, set[str], set[str]]]:
    """Per predicted story on a gold key: (index, gold story ids, gold article ids) in it."""
    out = []
    for index, row in enumerate(rows):
        key = (row["source"], row["target"], row["type"])
        articles = {event_article.get(str(e), "") for e in row["evidence"]}
        hits = {a for a in articles if a in gold and _gold_key(gold[a]) == key}
        if hits:
            out.append((index, {gold[a]["story"] for a in hits}, hits))
    return out


def _split_cause(parts: list[dict[str, Any]]) -> str:
    """Why one gold story landed in several predicted stories: the fields that differ."""
    fields = ("amount_usd", "amount_kind", "mode", "first_day")
    differ = [f for f in fields if len({_plain(p[f]) for p in parts}) > 1]
    return "+".join(differ) or "other"


def _plain(value: Any) -> Any:
    """None for missing values (pandas gives NaN, and NaN != NaN in a set)."""
    return None if value is None or value != value else value


def measure(store: Store, options: AnalysisOptions | None = None) -> MergeReport:
    """Compare the stories of a store built by :func:`build_store` with the gold file."""
    options = options or AnalysisOptions()
    gold_rows = read_jsonl(GOLD)
    copies = {g["article"] for g in gold_rows if g["kind"] == "syndicated"}
    gold = {g["article"]: g for g in gold_rows if g["kind"] != "syndicated"}
    rows = _story_rows(store, options)
    event_article = _event_articles(store)
    assigned = _assign(rows, gold, event_article)
    report = MergeReport(gold_stories=len({g["story"] for g in gold.values()}))
    report.gold_mentions = len(gold)
    extracted = set().union(*(hits for _, _, hits in assigned)) if assigned else set()
    report.extracted_mentions = len(extracted)
    report.missed = sorted(set(gold) - extracted)
    report.missed_why = {a: _miss_cause(store, gold[a]) for a in report.missed}
    _score_splits(report, assigned, rows)
    _score_merges(report, assigned)
    _score_copies(report, store, rows, event_article, copies)
    return report


def _miss_cause(store: Store, gold: dict[str, Any]) -> str:
    """What the extractor made of a missed article: the dyad with another type, or less."""
    rows = store.connection.execute(
        """SELECT event, list_contains(actor_codes, ?) AS src, list_contains(recipient_codes, ?)
           FROM events WHERE article_id = ? ORDER BY sentence_idx, id""",
        [gold["source"], gold["target"], gold["article"]],
    ).fetchall()
    dyad = sorted({str(t) for t, s, r in rows if s and r})
    if dyad:
        return "dyad as " + "/".join(dyad)
    if any(s or r for _, s, r in rows):
        return "one side only"
    return "no event" if not rows else "other actors"


def _score_splits(
    report: MergeReport, assigned: list[tuple[int, set[str], set[str]]], rows: list[dict[str, Any]]
) -> None:
    per_story: dict[str, set[int]] = defaultdict(set)
    for index, story_ids, _ in assigned:
        for sid in story_ids:
            per_story[sid].add(index)
    report.scored_stories = len(per_story)
    report.predicted_stories = len(assigned)
    causes: dict[str, int] = defaultdict(int)
    for sid, indexes in sorted(per_story.items()):
        if len(indexes) > 1:
            report.split_stories.append(sid)
            report.surplus_stories += len(indexes) - 1
            causes[_split_cause([rows[i] for i in sorted(indexes)])] += 1
    report.splits_by_cause = dict(causes)
    report.duplicate_rate = _ratio(len(report.split_stories), report.scored_stories)
    mergeable = report.extracted_mentions - report.scored_stories
    report.unmerged_rate = _ratio(report.surplus_stories, mergeable)


def _score_merges(report: MergeReport, assigned: list[tuple[int, set[str], set[str]]]) -> None:
    report.over_merged = [sorted(ids) for _, ids, _ in assigned if len(ids) > 1]
    report.over_merge_rate = _ratio(len(report.over_merged), report.predicted_stories)


def _score_copies(
    report: MergeReport,
    store: Store,
    rows: list[dict[str, Any]],
    event_article: dict[str, str],
    copies: set[str],
) -> None:
    report.syndicated_copies = len(copies)
    report.syndicated_marked = len(copies & _marked_copies(store))
    used = [event_article.get(str(e)) for row in rows for e in row["evidence"]]
    report.syndicated_mentions = sum(1 for a in used if a in copies)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def run(db: Path, *, window_days: int = 7, extractor: Extractor | None = None) -> MergeReport:
    """Build the store at ``db`` (if new) and measure it."""
    if not db.exists():
        build_store(db, extractor or Extractor(Settings()))
    with Store(db, read_only=True) as store:
        return measure(store, AnalysisOptions(window_days=window_days))


def _print(report: MergeReport) -> None:
    r = report
    lines = [
        f"gold stories                {r.gold_stories}",
        f"gold mentions (articles)    {r.gold_mentions}",
        f"extracted mentions          {r.extracted_mentions}  (missed: {len(r.missed)})",
        f"missed articles             {r.missed_why or '-'}",
        f"scored gold stories         {r.scored_stories}",
        f"predicted stories           {r.predicted_stories}",
        f"duplicate rate              {r.duplicate_rate:.3f}  split: {r.split_stories}",
        f"unmerged-mention rate       {r.unmerged_rate:.3f}  surplus stories: {r.surplus_stories}",
        f"splits by cause             {r.splits_by_cause}",
        f"over-merge rate             {r.over_merge_rate:.3f}  merged: {r.over_merged}",
        f"syndicated copies           {r.syndicated_copies} (marked {r.syndicated_marked}, "
        f"mentions counted {r.syndicated_mentions})",
    ]
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to build/reuse (default: a temp file)")
    parser.add_argument("--window", type=int, default=7, help="story window in days")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        report = run(args.db or Path(tmp) / "stories.duckdb", window_days=args.window)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        _print(report)


if __name__ == "__main__":
    main()
