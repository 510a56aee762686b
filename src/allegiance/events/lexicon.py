"""The trigger lexicon: PLOVER senses of verbs, nouns and phrases, read from package data."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from allegiance.errors import ConfigError
from allegiance.models import EVENT_TYPES
from allegiance.yamlfile import load_yaml

log = logging.getLogger(__name__)

DEFAULT_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class Sense:
    """What a trigger means in PLOVER terms."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    confidence: float = DEFAULT_CONFIDENCE
    needs: str | None = None
    plural_only: bool = False
    possessor_patient: bool = False  # "X's arrest": X undergoes the event
    mutual: bool = False  # "X and Y signed a deal": each is the other's recipient


@dataclass(frozen=True, slots=True)
class VerbObject:
    verbs: frozenset[str]
    objects: frozenset[str]
    sense: Sense


@dataclass(frozen=True, slots=True)
class NounModifier:
    """A noun whose sense depends on its modifiers ("air strike") or, in the plural, on a
    preposition ("strikes on Gaza")."""

    nouns: frozenset[str]
    modifiers: frozenset[str]
    plural_preps: frozenset[str]
    sense: Sense


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All tables of ``data/events/lexicon.yaml``, as frozen lookups."""

    quad: dict[str, str]
    verbs: dict[str, Sense]
    nouns: dict[str, Sense]
    phrasal: dict[tuple[str, str], Sense]
    verb_object: tuple[VerbObject, ...]
    transfer_verbs: frozenset[str]
    receive_verbs: frozenset[str]
    aid_objects: dict[str, str]  # object lemma -> kind (military, economic, ...)
    light_verbs: frozenset[str]
    material_modifiers: frozenset[str]
    request_modes: dict[str, str]
    mode_cues: dict[str, dict[str, str]]  # type -> cue lemma -> mode
    context_cues: dict[str, str]  # cue lemma -> context
    reporting_verbs: frozenset[str]
    embedding: dict[str, str]  # lemma -> negated/future/hypothetical/transparent
    object_control: frozenset[str]
    modals: dict[str, str]
    deontic_modals: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    historical_cues: re.Pattern[str]  # any of the phrases (compiled once: it runs per event)
    evaluative: dict[str, str]  # lemma -> negative/positive
    verb_subject: tuple[VerbObject, ...] = ()
    carrier_nouns: frozenset[str] = frozenset()
    noun_modifier: tuple[NounModifier, ...] = ()
    pledge_verbs: frozenset[str] = frozenset()
    arrival_verbs: frozenset[str] = frozenset()
    host_verbs: frozenset[str] = frozenset()  # "told visiting President X": X is the visitor
    content_nouns: frozenset[str] = frozenset()
    gerund_control: frozenset[str] = frozenset()
    not_transferred: frozenset[str] = frozenset()
    deadline_spans: frozenset[str] = frozenset()  # "given X 14 days to act": an ultimatum
    collective_nouns: frozenset[str] = frozenset()
    crew_nouns: frozenset[str] = frozenset()
    deliberation_verbs: frozenset[str] = frozenset()
    duration_nouns: frozenset[str] = frozenset()  # "led eight hours of talks"
    local_parties: frozenset[str] = frozenset()
    stance_adjectives: dict[str, Sense] = field(default_factory=dict)
    wrongdoing_verbs: frozenset[str] = frozenset()
    commentator_nouns: frozenset[str] = frozenset()
    institution_nouns: frozenset[str] = frozenset()
    official_nouns: frozenset[str] = frozenset()
    habitual_words: frozenset[str] = frozenset()
    label_verbs: frozenset[str] = frozenset()  # "called the vote a sham"
    response_verbs: frozenset[str] = frozenset()  # "would respond in kind"
    response_manners: frozenset[str] = frozenset()
    response_provocations: frozenset[str] = frozenset()  # "to any Indian misadventure"

    def verb_lemmas(self) -> set[str]:
        """Every lemma that can start a verbal trigger (for the matcher)."""
        lemmas = set(self.verbs) | self.transfer_verbs | self.receive_verbs | self.light_verbs
        lemmas |= self.pledge_verbs | self.label_verbs | self.response_verbs
        lemmas |= {verb for verb, _ in self.phrasal}
        for entry in (*self.verb_object, *self.verb_subject):
            lemmas |= entry.verbs
        return lemmas

    def noun_lemmas(self) -> set[str]:
        return set(self.nouns)


def _sense(raw: dict[str, Any], where: str) -> Sense:
    kind = raw.get("type")
    if kind not in EVENT_TYPES:
        raise ConfigError(f"event lexicon: {where}: unknown event type {kind!r}")
    return Sense(
        type=kind,
        mode=raw.get("mode"),
        context=tuple(raw.get("context") or ()),
        confidence=float(raw.get("confidence", DEFAULT_CONFIDENCE)),
        needs=raw.get("needs"),
        plural_only=bool(raw.get("plural_only", False)),
        mutual=bool(raw.get("mutual", False)),
        possessor_patient=raw.get("possessor") == "patient",
    )


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    """{label: [words]} -> {word: label}; the first label listed wins."""
    out: dict[str, str] = {}
    for label, words in groups.items():
        for word in words:
            out.setdefault(str(word).lower(), label)
    return out


def _verb_objects(rows: list[dict[str, Any]], key: str = "objects") -> tuple[VerbObject, ...]:
    out = []
    for i, row in enumerate(rows):
        sense = _sense(row, f"verb_{key}[{i}]")
        out.append(VerbObject(frozenset(row["verbs"]), frozenset(row[key]), sense))
    return tuple(out)


def _noun_modifiers(rows: list[dict[str, Any]]) -> tuple[NounModifier, ...]:
    out = []
    for i, row in enumerate(rows):
        out.append(
            NounModifier(
                nouns=frozenset(row["nouns"]),
                modifiers=frozenset(row.get("modifiers") or ()),
                plural_preps=frozenset(row.get("plural_preps") or ()),
                sense=_sense(row, f"noun_modifier[{i}]"),
            )
        )
    return tuple(out)


def _phrasal(raw: dict[str, Any]) -> dict[tuple[str, str], Sense]:
    out = {}
    for phrase, spec in raw.items():
        verb, _, particle = phrase.partition(" ")
        out[(verb, particle)] = _sense(spec, f"phrasal {phrase!r}")
    return out


def _check_words(data: Any, where: str = "lexicon") -> None:
    """Every listed word must be text: YAML reads a bare ``no`` or ``on`` as a boolean."""
    if isinstance(data, dict):
        for key, value in data.items():
            _check_words(value, f"{where}.{key}")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, bool):
                raise ConfigError(f"event lexicon: {where} has {item!r}; quote the word")
            _check_words(item, where)


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed YAML mapping."""
    _check_words(data)
    try:
        return Lexicon(
            quad=dict(data["quad"]),
            verbs={k: _sense(v, f"verb {k!r}") for k, v in data["verbs"].items()},
            nouns={k: _sense(v, f"noun {k!r}") for k, v in data["nouns"].items()},
            phrasal=_phrasal(data.get("phrasal") or {}),
            verb_object=_verb_objects(data.get("verb_object") or []),
            transfer_verbs=frozenset(data.get("transfer_verbs") or ()),
            receive_verbs=frozenset(data.get("receive_verbs") or ()),
            aid_objects=_invert(data.get("aid_objects") or {}),
            light_verbs=frozenset(data.get("light_verbs") or ()),
            material_modifiers=frozenset(data.get("material_modifiers") or ()),
            request_modes=dict(data.get("request_modes") or {}),
            mode_cues={t: _invert(g) for t, g in (data.get("mode_cues") or {}).items()},
            context_cues=_invert(data.get("context_cues") or {}),
            reporting_verbs=frozenset(data.get("reporting_verbs") or ()),
            embedding=_invert(data.get("embedding") or {}),
            object_control=frozenset(data.get("object_control") or ()),
            modals=_invert(data.get("modals") or {}),
            deontic_modals=frozenset(data.get("deontic_modals") or ()),
            wrongdoing_verbs=frozenset(data.get("wrongdoing_verbs") or ()),
            commentator_nouns=frozenset(data.get("commentator_nouns") or ()),
            institution_nouns=frozenset(data.get("institution_nouns") or ()),
            official_nouns=frozenset(data.get("official_nouns") or ()),
            habitual_words=frozenset(data.get("habitual_words") or ()),
            label_verbs=frozenset(data.get("label_verbs") or ()),
            response_verbs=frozenset(data.get("response_verbs") or ()),
            response_manners=frozenset(data.get("response_manners") or ()),
            response_provocations=frozenset(data.get("response_provocations") or ()),
            conditional_marks=frozenset(data.get("conditional_marks") or ()),
            negations=frozenset(data.get("negations") or ()),
            historical_cues=_phrase_pattern(data.get("historical_cues") or ()),
            evaluative=_invert(data.get("evaluative") or {}),
            verb_subject=_verb_objects(data.get("verb_subject") or [], "subjects"),
            carrier_nouns=frozenset(data.get("carrier_nouns") or ()),
            noun_modifier=_noun_modifiers(data.get("noun_modifier") or []),
            pledge_verbs=frozenset(data.get("pledge_verbs") or ()),
            arrival_verbs=frozenset(data.get("arrival_verbs") or ()),
            host_verbs=frozenset(data.get("host_verbs") or ()),
            content_nouns=frozenset(data.get("content_nouns") or ()),
            gerund_control=frozenset(data.get("gerund_control") or ()),
            not_transferred=frozenset(data.get("not_transferred") or ()),
            deadline_spans=frozenset(data.get("deadline_spans") or ()),
            collective_nouns=frozenset(data.get("collective_nouns") or ()),
            crew_nouns=frozenset(data.get("crew_nouns") or ()),
            deliberation_verbs=frozenset(data.get("deliberation_verbs") or ()),
            duration_nouns=frozenset(data.get("duration_nouns") or ()),
            local_parties=frozenset(data.get("local_parties") or ()),
            stance_adjectives={
                k: _sense(v, f"stance adjective {k!r}")
                for k, v in (data.get("stance_adjectives") or {}).items()
            },
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"event lexicon is malformed: {exc}") from exc


def read_lexicon(path: Path) -> Lexicon:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read event lexicon {path}: {exc}") from exc
    return parse_lexicon(data)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One alternation of the phrases, longest first, each a whole-word match (none: a pattern
    that matches nothing)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    if not ordered:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, ordered))))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``allegiance/data/events/lexicon.yaml`` (read once)."""
    ref = resources.files("allegiance").joinpath("data/events/lexicon.yaml")
    with resources.as_file(ref) as path:
        lex = read_lexicon(Path(path))
    log.debug("event lexicon: %d verbs, %d nouns", len(lex.verbs), len(lex.nouns))
    return lex
