"""The trigger lexicon (data file) is complete and consistent; no model needed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from allegiance.errors import ConfigError
from allegiance.events.lexicon import default_lexicon, parse_lexicon, read_lexicon
from allegiance.models import EVENT_TYPES

QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}


def test_every_plover_type_has_verbal_and_nominal_triggers() -> None:
    lex = default_lexicon()
    verb_types = {s.type for s in lex.verbs.values()}
    noun_types = {s.type for s in lex.nouns.values()}
    assert verb_types == set(EVENT_TYPES)
    assert noun_types == set(EVENT_TYPES)


def test_quad_classes_follow_plover() -> None:
    lex = default_lexicon()
    assert set(lex.quad) == set(EVENT_TYPES)
    assert set(lex.quad.values()) == QUADS
    assert lex.quad["AID"] == "material_cooperation"
    assert lex.quad["ACCUSE"] == "verbal_conflict"


def test_phrasal_and_object_patterns_are_parsed() -> None:
    lex = default_lexicon()
    assert lex.phrasal[("pull", "out")].type == "RETREAT"
    assert lex.phrasal[("call", "for")].type == "REQUEST"
    impose = [e for e in lex.verb_object if "impose" in e.verbs and "sanction" in e.objects]
    assert impose and impose[0].sense.type == "SANCTION"
    assert "give" in lex.transfer_verbs and "receive" in lex.receive_verbs
    assert lex.embedding["refuse"] == "negated"
    assert lex.modals["might"] == "hypothetical" and lex.modals["will"] == "future"


def test_matcher_lemmas_cover_every_table() -> None:
    lex = default_lexicon()
    lemmas = lex.verb_lemmas()
    assert {"attack", "give", "hold", "pull", "impose", "arrive"} <= lemmas
    assert {"invasion", "talk", "sanction", "aid"} <= lex.noun_lemmas()


def test_unknown_type_is_a_config_error(tmp_path: Path) -> None:
    raw = yaml.safe_load(
        (
            Path(__file__).resolve().parents[1] / "src/allegiance/data/events/lexicon.yaml"
        ).read_text()
    )
    raw["verbs"]["attack"] = {"type": "FIGHT"}
    with pytest.raises(ConfigError, match="FIGHT"):
        parse_lexicon(raw)
    bad = tmp_path / "lex.yaml"
    bad.write_text("verbs: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError):
        read_lexicon(bad)


def test_a_bare_yaml_boolean_word_is_a_config_error() -> None:
    # YAML reads an unquoted `no` or `on` as a boolean: the shipped file quotes them
    lex = default_lexicon()
    assert "no" in lex.negations
    assert "on" in lex.noun_modifier[1].plural_preps
    raw = yaml.safe_load("negations: [not, no]\n")
    with pytest.raises(ConfigError, match="quote the word"):
        parse_lexicon(raw)
