"""What a reaction answers (events.discourse), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.discourse import answered_thing, with_answered_parties
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.senses import Trigger
from allegiance.models import Mention

# "India accused Pakistan . Nairobi welcomed the decision ."
WORDS = ["India", "accused", "Pakistan", ".", "Nairobi", "welcomed", "the", "decision", "."]
HEADS = [1, 1, 1, 1, 5, 5, 7, 5, 5]
DEPS = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]


def _doc() -> Doc:
    lemmas = [w.lower() for w in WORDS]
    lemmas[1], lemmas[5] = "accuse", "welcome"
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, lemmas=lemmas)


def _mention(doc: Doc, i: int, code: str, sentence: int) -> Mention:
    tok = doc[i]
    return Mention(tok.text, tok.idx, tok.idx + len(tok), code=code, kind="country",
                   sentence_index=sentence)  # fmt: skip


def _found(doc: Doc, verb: int, kind: str, actor: Mention, recipients: list) -> Found:
    trigger = Trigger(doc[verb], Sense(type=kind), verb=doc[verb])
    return Found(trigger, [actor], recipients)


def _story(sentence_of_welcome: int = 1) -> list[Found]:
    doc = _doc()
    accused = _found(doc, 1, "ACCUSE", _mention(doc, 0, "IND", 0), [_mention(doc, 2, "PAK", 0)])
    welcomed = _found(doc, 5, "SUPPORT", _mention(doc, 4, "KEN", sentence_of_welcome), [])
    return [accused, welcomed]


def test_a_reaction_to_a_definite_act_takes_the_act_s_actors():
    accused, welcomed = with_answered_parties(_story())
    assert [m.code for m in welcomed.recipients] == ["IND"]
    assert accused.recipients[0].code == "PAK"


def test_an_act_told_too_long_before_is_not_answered():
    _, welcomed = with_answered_parties(_story(sentence_of_welcome=4))
    assert welcomed.recipients == []


def test_only_a_definite_act_or_document_is_answered():
    doc = Doc(spacy.blank("en").vocab, words=["Kenya", "welcomed", "decisions", "."],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              lemmas=["kenya", "welcome", "decision", "."])  # fmt: skip
    welcomed = _found(doc, 1, "SUPPORT", _mention(doc, 0, "KEN", 0), [])
    assert answered_thing(welcomed) is None
    assert answered_thing(_story()[1]) is not None
