"""Whom a rejection of a told charge answers, what "what X called Y" names, and whom a
warning beside an accusation addresses (twenty-eighth change, issue 13), on hand-built
parses: the rules are pure functions of the parse and the sentence's candidates."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.addressed import warnings_addressed
from allegiance.events.discourse import told_act_rejected
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.object_parties import what_it_called
from allegiance.events.senses import Trigger
from allegiance.models import Mention


def _doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def _charge(relative: str | None, adverb: str | None = None) -> Doc:
    """ "Oslo accused Riga of fraud , a charge [that] Riga [adverb] rejected" """
    words = ["Oslo", "accused", "Riga", "of", "fraud", ",", "a", "charge"]
    heads = [1, 1, 1, 1, 3, 1, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "det", "npadvmod"]
    tail = [w for w in (relative, "Riga", adverb, "rejected") if w is not None]
    verb = len(words) + len(tail) - 1
    for word in tail[:-1]:
        words.append(word)
        heads.append(verb)
        deps.append({"that": "dobj", "Riga": "nsubj"}.get(word, "advmod"))
    words.append("rejected")
    heads.append(7)
    deps.append("relcl")
    lemmas = [w.lower() for w in words[:-1]] + ["reject"]
    return _doc(words, heads, deps, lemmas)


def test_a_charge_rejected_in_a_relative_clause_is_the_charge_told():
    for relative in ("that", None):
        doc = _charge(relative)
        assert told_act_rejected(doc[-1]) == doc[7]


def test_a_charge_rejected_again_and_again_is_a_standing_position():
    doc = _charge("that", "repeatedly")
    assert told_act_rejected(doc[-1]) is None


def test_a_rejection_heading_its_own_clause_answers_nothing_by_this_rule():
    doc = _doc(["Riga", "rejected", "a", "charge"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "det", "dobj"], ["riga", "reject", "a", "charge"])  # fmt: skip
    assert told_act_rejected(doc[1]) is None


def _called(first: str) -> Doc:
    words = ["He", "rejected", first, "he", "called", "Oslo", "'s", "meddling"]
    return _doc(words, [1, 1, 4, 4, 1, 7, 5, 4],
                ["nsubj", "ROOT", "dobj", "nsubj", "ccomp", "poss", "case", "oprd"],
                [w.lower() for w in words[:4]] + ["call", "oslo", "'s", "meddling"])  # fmt: skip


def test_what_a_speaker_called_something_is_that_thing():
    doc = _called("what")
    assert what_it_called(doc[1]) == doc[7]


def test_a_clause_called_without_what_names_no_thing():
    doc = _called("as")
    assert what_it_called(doc[1]) is None


def _mention(doc: Doc, i: int, code: str) -> Mention:
    return Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), code=code)


def _found(doc: Doc, i: int, kind: str, actors: list[Mention], to: list[Mention]) -> Found:
    return Found(Trigger(doc[i], Sense(kind), verb=doc[i]), actors, to)


def _accused_and_warned(second: str) -> tuple[Doc, list[Found]]:
    """ "Oslo accused Riga of fraud and [warned|said] that Oslo would act" """
    words = ["Oslo", "accused", "Riga", "of", "fraud", "and", second, "that", "Oslo", "would",
             "act"]  # fmt: skip
    heads = [1, 1, 1, 1, 3, 1, 1, 10, 10, 10, 6]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "mark", "nsubj", "aux",
            "ccomp"]  # fmt: skip
    said = {"warned": "warn"}.get(second, "say")
    lemmas = ["oslo", "accuse", "riga", "of", "fraud", "and", said, "that", "oslo", "would",
              "act"]  # fmt: skip
    doc = _doc(words, heads, deps, lemmas)
    oslo, riga = _mention(doc, 0, "NOR"), _mention(doc, 2, "LVA")
    found = [_found(doc, 1, "ACCUSE", [oslo], [riga]), _found(doc, 6, "THREATEN", [oslo], [])]
    return doc, found


def test_a_warning_beside_an_accusation_addresses_the_accused():
    _, found = _accused_and_warned("warned")
    accusation, warning = warnings_addressed(found)
    assert [m.code for m in warning.recipients] == ["LVA"]
    assert accusation is found[0]


def test_a_warning_by_someone_else_keeps_its_own_recipients():
    doc, found = _accused_and_warned("warned")
    found[1] = _found(doc, 6, "THREATEN", [_mention(doc, 8, "SWE")], [])
    assert warnings_addressed(found)[1].recipients == []


def test_only_a_warning_verb_takes_the_party():
    _, found = _accused_and_warned("said")
    assert warnings_addressed(found)[1].recipients == []
