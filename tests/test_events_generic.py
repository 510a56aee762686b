"""Generic and habitual mentions tell no happening (events.generic, thirty-second change of
issue 13), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.generic import (
    a_present_habit,
    a_standing_insurgency,
    a_tally,
    any_condemned,
    as_opposed_to,
)
from allegiance.events.lexicon import default_lexicon

LEX = default_lexicon()


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """(word, head, dep, tag, lemma) per token."""
    words, heads, deps, tags, lemmas = (list(c) for c in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags,
               lemmas=lemmas)  # fmt: skip


def _conducts(tag: str, adverb: str) -> Doc:
    return _doc([
        ("The", 1, "det", "DT", "the"), ("group", 3, "nsubj", "NN", "group"),
        (adverb, 3, "advmod", "RB", adverb), ("conducts", 3, "ROOT", tag, "conduct"),
        ("bombings", 3, "dobj", "NNS", "bombing"), (".", 3, "punct", ".", "."),
    ])  # fmt: skip


def test_a_present_habit_is_no_happening_a_past_one_or_a_plain_one_may_be():
    assert a_present_habit(_conducts("VBZ", "frequently")[3], LEX)
    assert not a_present_habit(_conducts("VBD", "frequently")[3], LEX)
    assert not a_present_habit(_conducts("VBZ", "again")[3], LEX)


def _fighting(obj: str) -> Doc:
    return _doc([
        ("Rebels", 2, "nsubj", "NNS", "rebel"), ("are", 2, "aux", "VBP", "be"),
        ("fighting", 2, "ROOT", "VBG", "fight"), ("an", 4, "det", "DT", "an"),
        (obj, 2, "dobj", "NN", obj), (",", 2, "punct", ",", ","),
        ("accusing", 2, "advcl", "VBG", "accuse"), ("the", 8, "det", "DT", "the"),
        ("state", 6, "dobj", "NN", "state"), (".", 2, "punct", ".", "."),
    ])  # fmt: skip


def test_a_standing_insurgency_and_what_its_participle_says_are_background():
    doc = _fighting("insurgency")
    assert a_standing_insurgency(doc[2]) and a_standing_insurgency(doc[6])
    other = _fighting("army")
    assert not a_standing_insurgency(other[2]) and not a_standing_insurgency(other[6])


def test_as_opposed_to_is_a_comparison():
    doc = _doc([
        ("training", 1, "nsubj", "NN", "training"), ("is", 1, "ROOT", "VBZ", "be"),
        ("local", 1, "acomp", "JJ", "local"), (",", 1, "punct", ",", ","),
        ("as", 5, "mark", "IN", "as"), ("opposed", 1, "advcl", "VBN", "oppose"),
        ("to", 5, "prep", "IN", "to"), ("imports", 6, "pobj", "NNS", "import"),
    ])  # fmt: skip
    assert as_opposed_to(doc[5])
    plain = _doc([
        ("Turkey", 1, "nsubj", "NNP", "Turkey"), ("opposed", 1, "ROOT", "VBD", "oppose"),
        ("the", 3, "det", "DT", "the"), ("plan", 1, "dobj", "NN", "plan"),
    ])  # fmt: skip
    assert not as_opposed_to(plain[1])


def _condemns(det: str, verb: str = "condemn") -> Doc:
    return _doc([
        ("It", 1, "nsubj", "PRP", "it"), (verb + "s", 1, "ROOT", "VBZ", verb),
        (det, 3, "det", "DT", det), ("violence", 1, "dobj", "NN", "violence"),
    ])  # fmt: skip


def test_condemning_any_violence_targets_no_one_opposing_any_sale_does():
    assert any_condemned(_condemns("any")[1])
    assert not any_condemned(_condemns("the")[1])
    assert not any_condemned(_condemns("any", verb="oppose")[1])


def _killed_in(count: str) -> Doc:
    """ "Rebels killed 40 people in <count> attacks ." """
    return _doc([
        ("Rebels", 1, "nsubj", "NNS", "rebel"), ("killed", 1, "ROOT", "VBD", "kill"),
        ("40", 3, "nummod", "CD", "40"), ("people", 1, "dobj", "NNS", "people"),
        ("in", 1, "prep", "IN", "in"), (count, 6, "nummod", "CD", count),
        ("attacks", 4, "pobj", "NNS", "attack"), (".", 1, "punct", ".", "."),
    ])  # fmt: skip


def test_a_toll_over_many_attacks_is_a_tally_over_two_may_be_the_story():
    assert a_tally(_killed_in("500")[1])
    assert a_tally(_killed_in("1,200")[1])
    assert not a_tally(_killed_in("two")[1])
