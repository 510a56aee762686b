"""What a reaction answers (events.discourse), on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.discourse import answered_thing, with_answered_parties
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.senses import Trigger
from allegiance.models import Mention
from event_helpers import country_mention

# "India accused Pakistan . Nairobi welcomed the report ."
WORDS = ["India", "accused", "Pakistan", ".", "Nairobi", "welcomed", "the", "report", "."]
HEADS = [1, 1, 1, 1, 5, 5, 7, 5, 5]
DEPS = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]


def _doc() -> Doc:
    lemmas = [w.lower() for w in WORDS]
    lemmas[1], lemmas[5] = "accuse", "welcome"
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, lemmas=lemmas)


def _found(doc: Doc, verb: int, kind: str, actor: Mention, recipients: list) -> Found:
    trigger = Trigger(doc[verb], Sense(type=kind), verb=doc[verb])
    return Found(trigger, [actor], recipients)


def _story(sentence_of_welcome: int = 1) -> list[Found]:
    doc = _doc()
    accused = _found(
        doc, 1, "ACCUSE", country_mention(doc, 0, "IND", 0), [country_mention(doc, 2, "PAK", 0)]
    )
    welcomed = _found(doc, 5, "SUPPORT", country_mention(doc, 4, "KEN", sentence_of_welcome), [])
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
    welcomed = _found(doc, 1, "SUPPORT", country_mention(doc, 0, "KEN", 0), [])
    assert answered_thing(welcomed) is None
    assert answered_thing(_story()[1]) is not None


def _plan_backed(middle: list[str]) -> list[Found]:
    """ "Paris urged Rome . Oslo <middle> . Nairobi backed the plan .", Oslo's act in the middle
    sentence: "did [not] commit" or "rejected the target"."""
    words = ["Paris", "urged", "Rome", ".", "Oslo", *middle, ".", "Nairobi", "backed", "the",
             "plan", "."]  # fmt: skip
    verb = 5 + (middle.index("commit") if "commit" in middle else 0)
    middle_deps = {"did": "aux", "not": "neg", "the": "det", "target": "dobj"}
    heads = [1, 1, 1, 1, verb, *[verb] * len(middle), verb]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj"]
    deps += ["ROOT" if 5 + i == verb else middle_deps[w] for i, w in enumerate(middle)]
    deps.append("punct")
    back = len(words) - 4
    heads += [back, back, back + 2, back, back]
    deps += ["nsubj", "ROOT", "det", "dobj", "punct"]
    lemma_of = {"urged": "urge", "backed": "back", "rejected": "reject", "did": "do"}
    lemmas = [lemma_of.get(w, w.lower()) for w in words]
    if "target" in middle:
        heads[5 + middle.index("the")] = 5 + middle.index("target")
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    kind = "AGREE" if "commit" in middle else "REJECT"
    return [
        _found(
            doc,
            1,
            "REQUEST",
            country_mention(doc, 0, "FRA", 0),
            [country_mention(doc, 2, "ITA", 0)],
        ),
        _found(doc, verb, kind, country_mention(doc, 4, "NOR", 1), []),
        _found(doc, back, "SUPPORT", country_mention(doc, back - 1, "KEN", 2), []),
    ]


def test_a_plan_backed_is_not_the_work_of_a_party_that_would_not_commit():
    *_, backed = with_answered_parties(_plan_backed(["did", "not", "commit"]))
    assert [m.code for m in backed.recipients] == ["FRA"]


def test_a_plan_backed_is_not_the_work_of_a_party_that_rejected_it():
    *_, backed = with_answered_parties(_plan_backed(["rejected", "the", "target"]))
    assert [m.code for m in backed.recipients] == ["FRA"]


def test_a_plan_backed_right_after_its_maker_s_act_is_the_maker_s():
    found = _plan_backed(["did", "commit"])
    *_, backed = with_answered_parties(found)
    assert [m.code for m in backed.recipients] == ["NOR"]


def test_an_idea_a_suggestion_and_violence_are_things_a_reaction_answers():
    for thing in ("idea", "suggestion", "violence", "shutdown"):
        doc = Doc(spacy.blank("en").vocab, words=["Kenya", "rejected", "the", thing, "."],
                  heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "det", "dobj", "punct"],
                  lemmas=["kenya", "reject", "the", thing, "."])  # fmt: skip
        rejected = _found(doc, 1, "REJECT", country_mention(doc, 0, "KEN", 0), [])
        assert answered_thing(rejected) == doc[3], thing


def test_a_denial_of_involvement_answers_the_accusation_told_before():
    words = ["India", "accused", "Pakistan", ".", "Pakistan", "denied", "any", "role", "."]
    lemmas = ["india", "accuse", "pakistan", ".", "pakistan", "deny", "any", "role", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 5, 5, 7, 5, 5],
              deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"],
              lemmas=lemmas)  # fmt: skip
    accused = _found(
        doc, 1, "ACCUSE", country_mention(doc, 0, "IND", 0), [country_mention(doc, 2, "PAK", 0)]
    )
    denied = _found(doc, 5, "REJECT", country_mention(doc, 4, "PAK", 1), [])
    assert answered_thing(denied) == doc[7]  # "any role": no definite article needed
    _, answered = with_answered_parties([accused, denied])
    assert [m.code for m in answered.recipients] == ["IND"]


def test_a_bare_refusal_answers_the_request_told_before():
    words = ["India", "asked", "Nepal", ".", "Nepal", "refused", "."]
    lemmas = ["india", "ask", "nepal", ".", "nepal", "refuse", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 5, 5, 5],
              deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
              lemmas=lemmas)  # fmt: skip
    asked = _found(
        doc, 1, "REQUEST", country_mention(doc, 0, "IND", 0), [country_mention(doc, 2, "NPL", 0)]
    )
    refused = _found(doc, 5, "REJECT", country_mention(doc, 4, "NPL", 1), [])
    _, answered = with_answered_parties([asked, refused])
    assert [m.code for m in answered.recipients] == ["IND"]
    # a refusal of something named ("refused the offer") is not bare
    assert answered_thing(_found(doc, 1, "REJECT", country_mention(doc, 0, "IND", 0), [])) is None
