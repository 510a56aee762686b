"""Scoring against document-level gold: the events a person found in each real news story.

The gold (``tests/data/voa/gold.jsonl``) lists, per story, every PLOVER event with its type,
actor and recipient codes, factuality and source. Both sides are reduced to *event keys* per
story and compared as sets, at three levels:

- ``event``: PLOVER type + actor codes + recipient codes (the strict figure);
- ``type_dyad``: type + the unordered set of all participants' codes;
- ``dyad``: the participants only.

Both sides are put in PLOVER's conventions first: a future cooperative act is AGREE (and so
on, :func:`allegiance.events.plover.plover_event_type`), a reciprocal act lists every party as
actor and no recipient. A predicted key keeps the highest confidence of the events that give
it, so precision and recall can be read at any confidence threshold, and how often a key of a
given confidence is right (``reliability``) says whether ``confidence`` reads as a probability
on this gold.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from allegiance.errors import GoldFormatError
from allegiance.evaluate import Tally
from allegiance.events.plover import (
    FUTURE_TO_AGREE,
    FUTURE_TO_THREATEN,
    mutual,
    plover_event_type,
    plover_participants,
)
from allegiance.judge.logistic import reliability
from allegiance.models import EVENT_TYPES, FACTUALITIES, Article, Event
from allegiance.settings import Settings

log = logging.getLogger(__name__)

LEVELS = ("event", "type_dyad", "dyad")
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
RESAMPLES = 1000  # bootstrap resamples of the stories for the event-level interval
INTERVAL = 0.95
FACTUAL = frozenset({"asserted", "historical"})

Codes = frozenset[str]
Key = tuple[str, Codes, Codes]
StoryCounts = tuple[int, int, int]  # event-level tp, fp, fn of one story


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event of the document-level gold."""

    story: str
    event: str
    actors: Codes
    recipients: Codes
    factuality: str = "asserted"
    attributed_to: str | None = None
    mutual: bool = False
    mode: str | None = None
    quote: str | None = None

    @property
    def key(self) -> Key:
        return event_key(
            plover_type(self.event, self.factuality),
            self.actors,
            self.recipients,
            reciprocal=self.mutual or (self.event == "CONSULT" and self.mode != "visit"),
        )


@dataclass(frozen=True, slots=True)
class Found:
    """What the extractor says about one event key of a story."""

    confidence: float
    factuality: str
    attributed_to: str | None


def plover_type(event: str, factuality: str) -> str:
    """PLOVER's future-tense rule, the same on both sides of the comparison."""
    if factuality == "future":
        if event in FUTURE_TO_AGREE:
            return "AGREE"
        if event == "RETREAT":
            return "CONCEDE"
        if event in FUTURE_TO_THREATEN:
            return "THREATEN"
    return event


def event_key(kind: str, actors: Codes, recipients: Codes, *, reciprocal: bool) -> Key:
    if reciprocal:
        return kind, actors | recipients, frozenset()
    return kind, actors, recipients


def at_level(key: Key, level: str) -> tuple[Any, ...]:
    kind, actors, recipients = key
    if level == "event":
        return key
    if level == "type_dyad":
        return kind, actors | recipients
    return (actors | recipients,)


# --- reading gold --------------------------------------------------------------------------


def _code_list(raw: Any, where: str) -> Codes:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise GoldFormatError(f"{where}: a list of actor codes expected")
    return frozenset(c for c in raw if c)


def gold_event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise GoldFormatError(f"{where}: JSON object expected")
    kind, fact = raw.get("event"), raw.get("factuality") or "asserted"
    if kind not in EVENT_TYPES:
        raise GoldFormatError(f"{where}: unknown event type {kind!r}")
    if fact not in FACTUALITIES:
        raise GoldFormatError(f"{where}: unknown factuality {fact!r}")
    if not isinstance(raw.get("story"), str):
        raise GoldFormatError(f"{where}: 'story' (a string id) expected")
    return GoldEvent(
        story=raw["story"],
        event=kind,
        actors=_code_list(raw.get("actor"), where),
        recipients=_code_list(raw.get("recipient"), where),
        factuality=fact,
        attributed_to=raw.get("attributed_to") or None,
        mutual=bool(raw.get("mutual")),
        mode=raw.get("mode") or None,
        quote=raw.get("quote"),
    )


def read_doc_gold(path: Path) -> list[GoldEvent]:
    """The events of a document-level gold file (JSON lines); GoldFormatError if it is not."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from exc
    events = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{n}: not JSON: {exc.msg}") from exc
        events.append(gold_event(raw, f"{path}:{n}"))
    if not events:
        raise GoldFormatError(f"{path}: no gold events")
    return events


def is_doc_gold(path: Path) -> bool:
    """Whether a gold file is document-level JSON lines (else the PLOVER GSR JSON list)."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(64).lstrip()
    except OSError:
        return False
    return head.startswith(b"{")


def read_split(path: Path, name: str) -> frozenset[str]:
    """The story ids of one split ("dev" or "test") of a split file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read the split file: {exc}") from exc
    if name not in data or not isinstance(data[name], list):
        raise GoldFormatError(f"{path}: no split named {name!r}")
    return frozenset(str(s) for s in data[name])


# --- predictions ---------------------------------------------------------------------------


def _codes(mentions: Iterable[Any]) -> Codes:
    return frozenset(m.code for m in mentions if m.code)


def _group_keys(group: Sequence[Event]) -> list[tuple[Key, Event]]:
    """The keys of one trigger's events. The gold records one happening once with all its
    actors ("criticized by the UN, the U.S. and France" is one record); the extractor does
    too since 1 December, but saved predictions (``--predictions``) of earlier versions give
    each coordinated actor its own event, so those share one key, as a mutual act's do."""
    if mutual(group):
        parties = frozenset(c for e in group for c in _codes(e.actor))
        return [((plover_event_type(e), parties, frozenset()), e) for e in group]
    if len({c for e in group for c in _codes(e.actor)}) > 1:
        sides = [plover_participants(e) for e in group]
        actors = frozenset(c for source, _ in sides for c in _codes(source))
        targets = frozenset(c for _, target in sides for c in _codes(target))
        return [((plover_event_type(e), actors, targets), e) for e in group]
    keys = []
    for event in group:
        source, target = plover_participants(event)
        keys.append(((plover_event_type(event), _codes(source), _codes(target)), event))
    return keys


def keyed_events(events: Iterable[Event]) -> list[tuple[Key, Event]]:
    """Every event with its key in PLOVER's conventions (a mutual act's events share one)."""
    groups: dict[tuple[int, int, str], list[Event]] = {}
    for event in events:
        groups.setdefault((event.sentence.index, event.trigger.start, event.event), []).append(
            event
        )
    return [pair for group in groups.values() for pair in _group_keys(group)]


def comparable(key: Key) -> bool:
    """Keys with a code on at least one side: the gold has no others."""
    return bool(key[1] or key[2])


def predicted_keys(events: Iterable[Event]) -> dict[Key, Found]:
    """A story's predicted event keys, each with the best-supported reading."""
    found: dict[Key, Found] = {}
    for key, event in keyed_events(events):
        if not comparable(key):
            continue
        said = event.attributed_to.code if event.attributed_to else None
        if key not in found or event.confidence > found[key].confidence:
            found[key] = Found(event.confidence, event.factuality, said)
    return found


# --- scoring -------------------------------------------------------------------------------


class Counts(Tally):
    """The PLOVER-sentence scorer's tally, reported with its raw counts."""

    def scores(self) -> dict[str, Any]:
        base = super().scores()
        return {"precision": base["precision"], "recall": base["recall"], "f1": base["f1"],
                "tp": self.tp, "fp": self.fp, "fn": self.fn}  # fmt: skip


@dataclass(slots=True)
class DocScores:
    levels: dict[str, Counts] = field(default_factory=lambda: {lv: Counts() for lv in LEVELS})
    factual: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    curve: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in THRESHOLDS})
    factuality: Counter[str] = field(default_factory=Counter)
    # (gold factuality, found factuality) of the matched keys whose factuality is wrong
    factuality_errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    attribution: Counter[str] = field(default_factory=Counter)
    stories: int = 0
    ranked: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right)
    gold_keys: int = 0
    per_story: list[StoryCounts] = field(default_factory=list)


def _gold_by_key(gold: Sequence[GoldEvent]) -> dict[Key, list[GoldEvent]]:
    out: dict[Key, list[GoldEvent]] = {}
    for item in gold:
        if item.actors or item.recipients:
            out.setdefault(item.key, []).append(item)
    return out


def _score_matches(scores: DocScores, found: Mapping[Key, Found], gold: Mapping) -> None:
    for key in found.keys() & gold.keys():
        readings = gold[key]
        scores.factuality["n"] += 1
        right = any(g.factuality == found[key].factuality for g in readings)
        scores.factuality["right"] += right
        if not right:
            said = "/".join(sorted({g.factuality for g in readings}))
            scores.factuality_errors[(said, found[key].factuality)] += 1
        scores.attribution["n"] += 1
        scores.attribution["right"] += any(
            g.attributed_to == found[key].attributed_to for g in readings
        )


def score_story(
    scores: DocScores, gold: Sequence[GoldEvent], found: Mapping[Key, Found], *, threshold: float
) -> None:
    """Add one story: ``found`` holds every predicted key; ``threshold`` is the default cut."""
    scores.stories += 1
    gold_keys = _gold_by_key(gold)
    kept = {k: f for k, f in found.items() if f.confidence >= threshold}
    for level, counts in scores.levels.items():
        counts.add({at_level(k, level) for k in kept}, {at_level(k, level) for k in gold_keys})
    right = len(kept.keys() & gold_keys.keys())
    scores.per_story.append((right, len(kept) - right, len(gold_keys) - right))
    factual_gold = {k for k, v in gold_keys.items() if any(g.factuality in FACTUAL for g in v)}
    scores.factual.add({k for k, f in kept.items() if f.factuality in FACTUAL}, factual_gold)
    for kind in {k[0] for k in kept} | {k[0] for k in gold_keys}:
        counts = scores.per_type.setdefault(kind, Counts())
        counts.add({k for k in kept if k[0] == kind}, {k for k in gold_keys if k[0] == kind})
    for cut, counts in scores.curve.items():
        counts.add({k for k, f in found.items() if f.confidence >= cut}, set(gold_keys))
    scores.ranked.extend((f.confidence, k in gold_keys) for k, f in found.items())
    scores.gold_keys += len(gold_keys)
    _score_matches(scores, kept, gold_keys)


def average_precision(ranked: Iterable[tuple[float, bool]], relevant: int) -> float | None:
    """Precision averaged over the ranks of the right keys, most confident first, divided by
    ``relevant``: a measure of the ranking that does not depend on one threshold. Ties in
    confidence put the wrong keys first (no credit for an arbitrary order)."""
    if relevant <= 0:
        return None
    total, hits = 0.0, 0
    for rank, (_, right) in enumerate(sorted(ranked, key=lambda r: (-r[0], r[1])), start=1):
        if right:
            hits += 1
            total += hits / rank
    return round(total / relevant, 4)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _resampled(
    runs: Sequence[Sequence[StoryCounts]], *, resamples: int, seed: int
) -> Iterator[list[tuple[float, float, float]]]:
    """Precision, recall and F1 of each run on the same stories drawn again with replacement."""
    rng = random.Random(seed)
    n = len(runs[0])
    for _ in range(resamples):
        picks = [rng.randrange(n) for _ in range(n)]
        yield [_prf(*(sum(run[i][c] for i in picks) for c in range(3))) for run in runs]


def _percentiles(values: list[float], level: float) -> list[float]:
    values = sorted(values)
    last = len(values) - 1
    return [round(values[int((1 - level) / 2 * last)], 4),
            round(values[int((1 + level) / 2 * last)], 4)]  # fmt: skip


def bootstrap_interval(
    stories: Sequence[StoryCounts],
    *,
    resamples: int = RESAMPLES,
    level: float = INTERVAL,
    seed: int = 0,
) -> dict[str, Any] | None:
    """Percentile intervals of event precision, recall and F1 when the stories are drawn again
    with replacement: how much the figures depend on which stories were scored (a 30-story
    split moves by several points with a few stories). Fixed seed: same counts, same interval."""
    if not stories:
        return None
    draws = [d[0] for d in _resampled([stories], resamples=resamples, seed=seed)]
    out: dict[str, Any] = {"level": level, "resamples": resamples, "seed": seed}
    for i, name in enumerate(("precision", "recall", "f1")):
        out[name] = _percentiles([d[i] for d in draws], level)
    return out


def paired_difference(
    current: Sequence[StoryCounts],
    baseline: Sequence[StoryCounts],
    *,
    resamples: int = RESAMPLES,
    level: float = INTERVAL,
    seed: int = 0,
) -> dict[str, Any] | None:
    """Current minus baseline event precision, recall and F1 on the same stories, with a paired
    bootstrap interval: each resample draws the same stories for both runs, so what the two
    runs share cancels out and only their difference varies. None without stories."""
    if not current:
        return None
    ours, theirs = (_prf(*map(sum, zip(*run, strict=True))) for run in (current, baseline))
    point = [a - b for a, b in zip(ours, theirs, strict=True)]
    draws = list(_resampled([current, baseline], resamples=resamples, seed=seed))
    out: dict[str, Any] = {"level": level, "resamples": resamples, "seed": seed}
    for i, name in enumerate(("precision", "recall", "f1")):
        diffs = [cur[i] - base[i] for cur, base in draws]
        out[name] = {"difference": round(point[i], 4), "interval": _percentiles(diffs, level)}
    return out


def _ratio(counter: Counter[str]) -> float | None:
    return round(counter["right"] / counter["n"], 4) if counter["n"] else None


def doc_report(scores: DocScores, *, threshold: float) -> dict[str, Any]:
    return {
        "stories": scores.stories,
        "threshold": threshold,
        **{level: counts.scores() for level, counts in scores.levels.items()},
        "event_interval": bootstrap_interval(scores.per_story),
        "factual_only": scores.factual.scores(),
        "factuality_accuracy": _ratio(scores.factuality),
        "attribution_accuracy": _ratio(scores.attribution),
        "matched": scores.factuality["n"],
        "factuality_errors": [
            {"gold": gold, "found": found, "count": n}
            for (gold, found), n in sorted(
                scores.factuality_errors.items(), key=lambda item: (-item[1], item[0])
            )
        ],
        "per_type": {k: scores.per_type[k].scores() for k in sorted(scores.per_type)},
        "curve": [{"threshold": t, **c.scores()} for t, c in scores.curve.items()],
        # over the gold keys (missed keys count as zero), and over the keys found at all
        "average_precision": average_precision(scores.ranked, scores.gold_keys),
        "ranking_average_precision": average_precision(
            scores.ranked, sum(right for _, right in scores.ranked)
        ),
        "reliability": key_reliability(scores.ranked),
    }


def key_reliability(ranked: Sequence[tuple[float, bool]]) -> list[dict[str, Any]]:
    """The keys found at any confidence in bins of 0.1: how many, their mean confidence and
    the share of them that is right (a calibrated confidence reads the same)."""
    return reliability([c for c, _ in ranked], [int(right) for _, right in ranked])


def score_documents(
    gold: Sequence[GoldEvent],
    predictions: Mapping[str, Sequence[Event]],
    *,
    threshold: float = 0.0,
) -> dict[str, Any]:
    """Scores of the predicted events of each story against the gold; a JSON-ready report.

    ``predictions`` maps every story to score (also those without gold events) to its
    events; gold events of stories not in it are ignored."""
    return doc_report(_scored(gold, predictions, threshold=threshold), threshold=threshold)


def _scored(
    gold: Sequence[GoldEvent], predictions: Mapping[str, Sequence[Event]], *, threshold: float
) -> DocScores:
    by_story: dict[str, list[GoldEvent]] = {}
    for item in gold:
        by_story.setdefault(item.story, []).append(item)
    scores = DocScores()
    for story, events in predictions.items():
        score_story(scores, by_story.get(story, []), predicted_keys(events), threshold=threshold)
    return scores


def compared(
    gold: Sequence[GoldEvent],
    ours: DocScores,
    baseline: Mapping[str, Sequence[Event]],
    *,
    stories: Sequence[str],
    threshold: float,
) -> dict[str, Any]:
    """A baseline run's event scores on the stories ``ours`` scored (in the same order), and
    the current run's difference from it with its paired interval."""
    theirs = _scored(gold, {s: baseline.get(s, []) for s in stories}, threshold=threshold)
    return {
        "event": theirs.levels["event"].scores(),
        "difference": paired_difference(ours.per_story, theirs.per_story),
    }


# --- running -------------------------------------------------------------------------------


def events_by_story(records: Iterable[Mapping[str, Any]]) -> dict[str, list[Event]]:
    """Events read back from ``allegiance extract --format jsonl`` output, by article id."""
    out: dict[str, list[Event]] = {}
    for raw in records:
        event = Event.from_dict(dict(raw))
        out.setdefault(event.doc_id, []).append(event)
    return out


def read_predictions(path: Path) -> dict[str, list[Event]]:
    """Extractor output saved earlier (JSON lines of events), by article id."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return events_by_story(json.loads(line) for line in lines if line.strip())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise GoldFormatError(f"{path}: not an events JSONL file: {exc}") from exc


def events_per_article(predictions: Mapping[str, Sequence[Event]], *, threshold: float) -> dict:
    """How many events (asserted ones apart) non-political articles yield: should be ~0."""
    kept = {a: [e for e in ev if e.confidence >= threshold] for a, ev in predictions.items()}
    n = len(kept) or 1
    asserted = sum(1 for ev in kept.values() for e in ev if e.factuality == "asserted")
    return {
        "articles": len(kept),
        "threshold": threshold,
        "events_per_article": round(sum(len(ev) for ev in kept.values()) / n, 4),
        "asserted_per_article": round(asserted / n, 4),
        "articles_with_events": sum(1 for ev in kept.values() if ev),
    }


def read_articles(path: Path) -> list[Article]:
    """The stories a gold refers to (any input format the readers take)."""
    from allegiance.ingest import read_sources

    articles = [a for a in read_sources([path]) if isinstance(a, Article)]
    if not articles:
        raise GoldFormatError(f"{path}: no articles to score")
    return articles


def extract_stories(articles: Sequence[Article], *, settings: Settings) -> dict[str, list[Event]]:
    """Every article's events through the normal pipeline, by article id."""
    from allegiance.pipeline import Extractor

    out: dict[str, list[Event]] = {}
    for extraction in Extractor(settings).extract(articles):
        if (problem := extraction.problem()) is not None:
            log.warning("%s; scored as emitting nothing", problem)
        out[extraction.article.id] = list(extraction.events)
    return out


@dataclass(frozen=True, slots=True)
class DocEvalOptions:
    """What ``allegiance evaluate`` scores against a document-level gold."""

    articles: Path  # the story texts (the gold holds only their ids)
    split: str | None = None  # "dev" or "test": stories of split.json beside the gold
    predictions: Path | None = None  # score saved extractor output instead of extracting
    baseline: Path | None = None  # saved output of another run to compare with
    negatives: Path | None = None  # non-political articles: events per article
    threshold: float = 0.0
    # compare in the coder's convention (groups as their country, organs as their parent)
    coder_codes: bool = True


# kinds whose mentions the resolver codes as their country when they have one (a state's
# army or guard corps: the Sudanese Armed Forces as SDN)
CODED_AS_COUNTRY = frozenset({"group", "igo", "organisation"})


def in_coder_codes(gold: Sequence[GoldEvent], settings: Settings) -> list[GoldEvent]:
    """The gold in the coder's (CAMEO) convention: a group counts as the country it is coded
    under (the Taliban as AFG, Hamas as PSE), an organ as its organisation (the Security
    Council, UNICEF as UN) and a state's organisation as its state (the IRGC as IRN), as the
    knowledge base codes their mentions."""
    from allegiance.actors import load_kb

    kb = load_kb(settings)

    def coarse(code: str) -> str:
        actor = kb.get(code)
        return actor.country if actor and actor.kind in CODED_AS_COUNTRY and actor.country else code

    def recoded(codes: Codes) -> Codes:
        return frozenset(coarse(c) for c in codes)

    return [dataclasses.replace(g, actors=recoded(g.actors), recipients=recoded(g.recipients))
            for g in gold]  # fmt: skip


def run_docs(gold_path: Path, *, options: DocEvalOptions, settings: Settings) -> dict[str, Any]:
    """Score the pipeline (or saved predictions) on a document-level gold; a JSON-ready report."""
    gold = read_doc_gold(gold_path)
    if options.coder_codes:
        gold = in_coder_codes(gold, settings)
    articles = read_articles(options.articles)
    if options.split:
        wanted = read_split(Path(gold_path).parent / "split.json", options.split)
        articles = [a for a in articles if a.id in wanted]
    # a saved run is read before extracting, so a bad file fails at once
    baseline = read_predictions(options.baseline) if options.baseline else None
    if options.predictions:
        saved = read_predictions(options.predictions)
        predictions = {a.id: saved.get(a.id, []) for a in articles}
    else:
        predictions = extract_stories(articles, settings=settings)
    scores = _scored(gold, predictions, threshold=options.threshold)
    report = doc_report(scores, threshold=options.threshold)
    report.update(gold=str(gold_path), split=options.split, coder_codes=options.coder_codes)
    if baseline is not None:
        found = compared(gold, scores, baseline, stories=list(predictions),
                         threshold=options.threshold)  # fmt: skip
        report["baseline"] = {"predictions": str(options.baseline), **found}
    if options.negatives:
        negatives = extract_stories(read_articles(options.negatives), settings=settings)
        report["negatives"] = events_per_article(negatives, threshold=options.threshold)
    return report
