"""The trained verifier: the probability that a rule candidate is a right event.

The rules propose candidates; this model sees each one as a set of named features (the trigger
and its sense, the sentence, where the actor and recipient sit in the parse, what kind of
actors they are, the article's relevance, the factuality cues) and gives the calibrated
probability that the event is real, of its type, with its actor and recipient.
:func:`candidate_features` is a pure function of the event and its parsed ``Doc``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from allegiance.doc import inside_quotes
from allegiance.events.noun_phrases import tree_distance
from allegiance.judge.logistic import LogisticModel
from allegiance.models import Event, Mention


def _bucket(value: float, edges: Sequence[float]) -> str:
    return str(sum(value >= e for e in edges))


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _side(name: str, mentions: Sequence[Mention], doc: Doc, trigger: Token | None) -> dict:
    coded = [m for m in mentions if m.code]
    out: dict[str, float] = {f"{name}_n={min(len(coded), 2)}": 1.0}
    if not mentions:
        return {**out, f"{name}=none": 1.0}
    first = coded[0] if coded else mentions[0]
    out[f"{name}_kind={first.kind or 'uncoded'}"] = 1.0
    out[f"{name}_sector={first.sector or '-'}"] = 1.0
    out[f"{name}_coded={bool(coded)}"] = 1.0
    head = _head(doc, first.start, first.end)
    if head is not None and trigger is not None:
        out[f"{name}_dep={head.dep_}"] = 1.0
        out[f"{name}_path={_bucket(tree_distance(head, trigger), (2, 3, 5))}"] = 1.0
        out[f"{name}_ent={head.ent_type_ or '-'}"] = 1.0
    return out


def _typed_sides(kind: str, actor: dict, recipient: dict) -> dict[str, float]:
    """Each type with the shape of its participants: an empty recipient is normal for
    MOBILIZE and a sign of a miss for AID."""
    sides = [k for k in (*actor, *recipient) if "_n=" in k or "_kind=" in k]
    return {f"{kind}|{k}": 1.0 for k in sides}


def _sentence(event: Event) -> dict[str, float]:
    text = event.sentence.text
    offset = event.trigger.start - event.sentence.start
    return {
        f"sent_len={_bucket(len(text), (60, 120, 200, 300))}": 1.0,
        f"sent_index={_bucket(event.sentence.index, (1, 2, 5, 15))}": 1.0,
        f"in_quotes={inside_quotes(text, offset)}": 1.0,
    }


def _trigger(event: Event, token: Token | None) -> dict[str, float]:
    lemma = token.lemma_.lower() if token is not None else event.trigger.text.lower()
    out = {
        f"type={event.event}": 1.0,
        f"lemma={lemma}": 1.0,
        f"type_lemma={event.event}|{lemma}": 1.0,
        f"mode={event.mode or '-'}": 1.0,
        f"fact={event.factuality}": 1.0,
        f"type_fact={event.event}|{event.factuality}": 1.0,
        f"rule_conf={_bucket(event.confidence, (0.55, 0.65, 0.75, 0.85))}": 1.0,
        f"extractor={event.extractor.rsplit(' ', 1)[-1]}": 1.0,
    }
    if token is not None:
        out[f"trigger_pos={token.pos_}"] = 1.0
        out[f"trigger_dep={token.dep_}"] = 1.0
        out[f"trigger_tag={token.tag_}"] = 1.0
    return out


def _codes(mentions: Iterable[Mention]) -> frozenset[str]:
    return frozenset(m.code for m in mentions if m.code)


def _relations(event: Event) -> dict[str, float]:
    actors, recipients = _codes(event.actor), _codes(event.recipient)
    said = event.attributed_to.code if event.attributed_to else None
    return {
        f"same_code={bool(actors & recipients)}": 1.0,
        f"attributed={'none' if said is None else 'actor' if said in actors else 'other'}": 1.0,
        f"amount={event.amount.kind if event.amount else '-'}": 1.0,
        f"located={event.location is not None}": 1.0,
        f"dated={event.event_date is not None}": 1.0,
    }


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How often the article's candidates name each dyad (unordered codes of both sides), each
    type with its dyad, and each code: a happening the story is about recurs, an aside does
    not."""

    dyads: Counter[frozenset[str]] = field(default_factory=Counter)
    typed: Counter[tuple[str, frozenset[str]]] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, events: Iterable[Event]) -> Recurrence:
        found = cls()
        for event in (view for e in events for view in directed_views(e)):
            dyad = _codes(event.actor) | _codes(event.recipient)
            found.dyads[dyad] += 1
            found.typed[(event.event, dyad)] += 1
            found.codes.update(dyad)
        return found

    def features(self, event: Event) -> dict[str, float]:
        actors = _codes(event.actor)
        dyad = actors | _codes(event.recipient)
        if not dyad:
            return {"recurs=none": 1.0}
        actor = max((self.codes[c] for c in actors), default=0)
        return {
            f"dyad_recurs={_bucket(self.dyads[dyad] - 1, (1, 2, 4))}": 1.0,
            f"type_dyad_recurs={_bucket(self.typed[(event.event, dyad)] - 1, (1, 2))}": 1.0,
            f"actor_recurs={_bucket(actor - 1, (1, 3, 6))}": 1.0,
        }


def candidate_features(
    event: Event,
    doc: Doc,
    *,
    article_relevance: float,
    sentence_relevance: float,
    recurrence: Recurrence,
) -> dict[str, float]:
    """The named features of one candidate event in its parsed document; ``recurrence``
    counts over the article's candidates (``Recurrence.of`` once per article)."""
    trigger = _head(doc, event.trigger.start, event.trigger.end)
    actor = _side("actor", event.actor, doc, trigger)
    recipient = _side("recipient", event.recipient, doc, trigger)
    return {
        "bias_relevance": article_relevance,
        "sentence_relevance": sentence_relevance,
        f"relevance={_bucket(article_relevance, (0.2, 0.5, 0.8))}": 1.0,
        **_trigger(event, trigger),
        **actor,
        **recipient,
        **_typed_sides(event.event, actor, recipient),
        **_sentence(event),
        **_relations(event),
        **recurrence.features(event),
    }


def directed_views(event: Event) -> list[Event]:
    """The candidate as the verifier reads it: a reciprocal act once from each party, the
    others as its recipients (the rules find it so; its probability is the best view's)."""
    if not event.mutual or len(event.actor) < 2:
        return [event]
    if event.event == "CONSULT":  # a meeting is read from the side named first
        return [replace(event, actor=event.actor[:1], recipient=event.actor[1:])]
    return [
        replace(event, actor=(party,), recipient=tuple(m for m in event.actor if m != party))
        for party in event.actor
    ]


def verified(event: Event, model: LogisticModel, views: Sequence[dict[str, float]]) -> Event:
    """The event with its confidence set to the verifier's calibrated probability (the
    highest of its views' features, ``directed_views``)."""
    return replace(event, confidence=round(max(model.probability(f) for f in views), 4))
