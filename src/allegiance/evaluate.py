"""Scoring against gold: PLOVER GSR records and our factuality contrast set.

``run(gold)`` reads PLOVER gold-standard records (a JSON list; the 2016 category names
DEMAND, DISAPPROVE, INVESTIGATE and FIGHT are mapped to REQUEST, ACCUSE, ACCUSE and
ASSAULT), extracts events from each record's ``text`` with the normal pipeline, takes the
sentence's main predicted event (the one highest in the parse, asserted readings first) and
reports type accuracy, per-type P/R/F1 and macro-F1, actor/recipient code P/R/F1 (sets of
codes per sentence), mode accuracy and location accuracy.

    allegiance evaluate ../shared/gold/plover/PLOVER_GSR_CAMEO.json --format table

(the command, and the table it prints, live in :mod:`allegiance.cli.evaluate`).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from allegiance.doc import trigger_span
from allegiance.errors import AllegianceError, ConfigError, GoldFormatError
from allegiance.events.plover import mutual, plover_event_type, plover_participants
from allegiance.models import Article, Event
from allegiance.pipeline import Extractor
from allegiance.settings import Settings

log = logging.getLogger(__name__)

# The quality gate of issue 4: CI fails when a figure drops below its floor.
FLOORS: dict[str, float] = {
    "type_accuracy": 0.75,
    "macro_f1": 0.65,
    "actor_f1": 0.85,
    "recipient_f1": 0.75,
    "factuality_accuracy": 0.90,
}

TYPE_MAP_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                 "FIGHT": "ASSAULT"}  # fmt: skip
# 2016 gold mode names -> current PLOVER mode names (where a counterpart exists).
MODE_MAP_2016 = {
    "confiscate": "seize", "detain": "arrest", "assassinate": "targeted", "host": "visit",
    "strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
    "riot-spon": "riot", "ban": "restrict", "heavy-weapons": "heavy-weapons",
}  # fmt: skip
FACT_ORDER = {"asserted": 0, "historical": 0, "future": 1, "hypothetical": 2, "negated": 3}


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    event: str
    actors: frozenset[str]
    recipients: frozenset[str]
    mode: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    event: str | None = None
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    mode: str | None = None
    location: str | None = None
    factuality: str | None = None


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> None:
        p, g = set(predicted), set(gold)
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "support": self.tp + self.fn}  # fmt: skip


# --- reading gold --------------------------------------------------------------------------


def _codes(raw: Any, where: str) -> frozenset[str]:
    if raw in (None, ""):
        return frozenset()
    if isinstance(raw, str):  # a few records carry a stray string here: no actor coded
        return frozenset()
    if not isinstance(raw, list):
        raise GoldFormatError(f"{where}: actor list expected, got {type(raw).__name__}")
    return frozenset(a["code"] for a in raw if isinstance(a, dict) and a.get("code"))


def _gold_record(raw: Any, i: int) -> GoldRecord | None:
    if not isinstance(raw, dict):
        raise GoldFormatError(f"record {i}: JSON object expected")
    kind = raw.get("event")
    if kind == "DOCUMENT":
        return None
    if not isinstance(kind, str) or not isinstance(raw.get("text"), str):
        raise GoldFormatError(f"record {i} ({raw.get('id')}): needs string 'event' and 'text'")
    where = f"record {i} ({raw.get('id')})"
    loc = raw.get("eventLoc")
    mode = raw.get("mode") or None
    return GoldRecord(
        id=str(raw.get("id", i)),
        text=raw["text"],
        event=TYPE_MAP_2016.get(kind, kind),
        actors=_codes(raw.get("source"), where),
        recipients=_codes(raw.get("target"), where),
        mode=MODE_MAP_2016.get(mode, mode) if mode else None,
        location=loc.get("name") if isinstance(loc, dict) else None,
    )


def read_gold(path: Path) -> list[GoldRecord]:
    """PLOVER GSR records of a JSON file; GoldFormatError if it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: not JSON: {exc}") from exc
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: a JSON list of PLOVER records expected")
    records = [r for i, raw in enumerate(data) if (r := _gold_record(raw, i)) is not None]
    if not records:
        raise GoldFormatError(f"{path}: no gold records")
    return records


# --- predicting ----------------------------------------------------------------------------


def parse_all(extractor: Extractor, texts: Sequence[tuple[str, str]]) -> Iterator[Doc]:
    """Docs with ``doc._.events`` for (id, text) pairs, through the extractor's pipeline."""
    articles = [Article(id=ident, text=text) for ident, text in texts]
    docs = (extractor.make_doc(a) for a in articles)
    yield from extractor.nlp.pipe(docs, batch_size=extractor.settings.batch_size)


def _depth(doc: Doc, event: Event) -> int:
    span = trigger_span(doc, event)
    return len(list(span.root.ancestors)) if span is not None else 99


def group_by_trigger(events: Sequence[Event]) -> list[list[Event]]:
    groups: dict[int, list[Event]] = {}
    for event in events:
        groups.setdefault(event.trigger.start, []).append(event)
    return list(groups.values())


def main_event(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """The events of the sentence's main trigger: asserted first, then highest in the parse."""
    groups = group_by_trigger(events)
    if not groups:
        return []
    return min(
        groups,
        key=lambda g: (FACT_ORDER.get(g[0].factuality, 4) > 2, _depth(doc, g[0]),
                       -g[0].confidence, g[0].trigger.start),
    )  # fmt: skip


def gold_code_function() -> Any:
    """Our actor codes in the CAMEO conventions of the gold (NATO -> IGO), if the KB is there."""
    try:
        from allegiance.actors import load_kb, to_gold_code

        kb = load_kb()
    except (ImportError, AllegianceError) as exc:
        log.warning("actor knowledge base unavailable (%s): codes compared as they are", exc)
        return lambda code: code
    return lambda code: to_gold_code(code, kb)


def prediction(group: Sequence[Event], to_gold: Any) -> Prediction:
    if not group:
        return Prediction()
    first = group[0]
    sides = [plover_participants(e) for e in group]
    actors = {to_gold(m.code) for source, _ in sides for m in source if m.code}
    recipients = {to_gold(m.code) for _, target in sides for m in target if m.code}
    if mutual(group):  # PLOVER lists every party of a reciprocal act as actor, no recipient
        recipients = set()
    loc = first.location
    return Prediction(
        event=plover_event_type(first),
        actors=frozenset(c for c in actors if c),
        recipients=frozenset(c for c in recipients if c),
        mode=first.mode,
        location=(loc.name or loc.text) if loc else None,
        factuality=first.factuality,
    )


# --- scoring -------------------------------------------------------------------------------


@dataclass(slots=True)
class Scores:
    n: int = 0
    correct: int = 0
    per_type: dict[str, Tally] = field(default_factory=dict)
    actors: Tally = field(default_factory=Tally)
    recipients: Tally = field(default_factory=Tally)
    mode: Counter[str] = field(default_factory=Counter)
    location: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


def _same_place(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    p, g = predicted.lower(), gold.lower()
    return p in g or g in p


def score(scores: Scores, gold: GoldRecord, pred: Prediction) -> None:
    scores.n += 1
    predicted = pred.event or "NONE"
    scores.correct += predicted == gold.event
    scores.confusion[(gold.event, predicted)] += 1
    for kind in {gold.event, predicted} - {"NONE"}:
        tally = scores.per_type.setdefault(kind, Tally())
        tally.tp += predicted == kind == gold.event
        tally.fp += predicted == kind != gold.event
        tally.fn += gold.event == kind != predicted
    scores.actors.add(pred.actors, gold.actors)
    scores.recipients.add(pred.recipients, gold.recipients)
    if gold.mode:
        scores.mode["n"] += 1
        scores.mode["correct"] += pred.mode == gold.mode
    if gold.location:
        scores.location["n"] += 1
        scores.location["correct"] += _same_place(pred.location, gold.location)


def _ratio(counter: Counter[str]) -> float | None:
    return round(counter["correct"] / counter["n"], 4) if counter["n"] else None


def report_of(scores: Scores) -> dict[str, Any]:
    gold_types = sorted({g for g, _ in scores.confusion})
    per_type = {t: scores.per_type.get(t, Tally()).scores() for t in gold_types}
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    confusions = [
        {"gold": g, "predicted": p, "count": c}
        for (g, p), c in scores.confusion.most_common()
        if g != p
    ][:20]
    return {
        "sentences": scores.n,
        "type_accuracy": round(scores.correct / scores.n, 4) if scores.n else 0.0,
        "macro_f1": round(macro, 4),
        "per_type": per_type,
        "actor": scores.actors.scores(),
        "recipient": scores.recipients.scores(),
        "actor_f1": scores.actors.scores()["f1"],
        "recipient_f1": scores.recipients.scores()["f1"],
        "mode_accuracy": _ratio(scores.mode),
        "mode_n": scores.mode["n"],
        "location_accuracy": _ratio(scores.location),
        "location_n": scores.location["n"],
        "top_confusions": confusions,
    }


HALVES = ("even", "odd")


def run(
    gold_path: Path,
    *,
    settings: Settings,
    extractor: Extractor | None = None,
    half: str | None = None,
) -> dict:
    """Score the pipeline on a PLOVER GSR gold file; a JSON-ready report.

    ``half`` ("even"/"odd") scores every other gold sentence only: a fixed split, so that rules
    changed while reading one half's errors can be checked on the other."""
    records = read_gold(gold_path)
    if half is not None:
        if half not in HALVES:
            raise ConfigError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
        records = records[HALVES.index(half) :: 2]
    extractor = extractor or Extractor(settings)
    to_gold = gold_code_function()
    scores = Scores()
    docs = parse_all(extractor, [(r.id, r.text) for r in records])
    for record, doc in zip(records, docs, strict=True):
        score(scores, record, prediction(main_event(doc, doc._.events or []), to_gold))
    report = report_of(scores)
    report["gold"] = str(gold_path)
    report["half"] = half
    report["floors"] = dict(FLOORS)
    return report


# --- factuality contrast set ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContrastItem:
    group: Any
    text: str
    factuality: str
    event: str | None
    actor: str | None
    recipient: str | None
    attributed_to: str | None


def read_contrast(path: Path) -> list[ContrastItem]:
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc.strerror}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(
                ContrastItem(
                    group=raw.get("group"),
                    text=raw["text"],
                    factuality=raw["factuality"],
                    event=raw.get("event"),
                    actor=raw.get("actor"),
                    recipient=raw.get("recipient"),
                    attributed_to=raw.get("attributed_to"),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise GoldFormatError(f"{path}:{n}: not a contrast record: {exc}") from exc
    if not items:
        raise GoldFormatError(f"{path}: no contrast records")
    return items


def _match_rank(item: ContrastItem, event: Event) -> tuple[int, int, int]:
    actors = {m.code for m in event.actor}
    recipients = {m.code for m in event.recipient}
    return (
        -(item.event is not None and item.event in {event.event, plover_event_type(event)}),
        -((item.actor in actors) + (item.recipient in recipients)),
        event.trigger.start,
    )


def contrast_match(item: ContrastItem, events: Sequence[Event]) -> Event | None:
    """The predicted event that is the item's event (type, then actor/recipient agreement)."""
    if not events:
        return None
    return min(events, key=lambda e: _match_rank(item, e))


def run_contrast(path: Path, *, settings: Settings, extractor: Extractor | None = None) -> dict:
    """Factuality (and attribution) accuracy over the contrast set."""
    items = read_contrast(path)
    extractor = extractor or Extractor(settings)
    docs = parse_all(extractor, [(f"c{i}", it.text) for i, it in enumerate(items)])
    right, found, attributed = Counter[str](), 0, 0
    wrong = []
    for item, doc in zip(items, docs, strict=True):
        event = contrast_match(item, doc._.events or [])
        found += event is not None
        predicted = event.factuality if event else None
        right[item.factuality] += predicted == item.factuality
        said = event.attributed_to.code if event and event.attributed_to else None
        attributed += said == item.attributed_to
        if predicted != item.factuality:
            wrong.append({"text": item.text, "gold": item.factuality, "predicted": predicted})
    by_class = Counter(it.factuality for it in items)
    return {
        "items": len(items),
        "groups": len({it.group for it in items}),
        "factuality_accuracy": round(sum(right.values()) / len(items), 4),
        "per_factuality": {k: round(right[k] / n, 4) for k, n in sorted(by_class.items())},
        "event_found": round(found / len(items), 4),
        "attribution_accuracy": round(attributed / len(items), 4),
        "errors": wrong[:30],
        "floors": {"factuality_accuracy": FLOORS["factuality_accuracy"]},
    }


# --- floors --------------------------------------------------------------------------------


def failures(report: dict) -> list[str]:
    """Figures of a report that are below their floors."""
    return [k for k, floor in FLOORS.items() if k in report and report[k] < floor]
