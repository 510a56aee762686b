"""The fast path's first pass (allegiance.triage) and the doc joining of allegiance.fastpath,
on written text and blank pipelines: no model."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.lexicon import default_lexicon
from allegiance.fastpath import CONTEXT_TOKENS, Part, cut, flat_sentences, join
from allegiance.triage import Chunk, Inflections, plan_chunks, sentence_starts, trigger_words

IRREGULAR = Inflections(irregular={"verb": {"met": ["meet"], "sent": ["send"]}, "noun": {}})


@pytest.fixture(scope="module")
def words():
    return trigger_words(default_lexicon(), IRREGULAR)


def test_forms_run_the_lemmatizer_rules_backwards():
    forms = IRREGULAR.forms(["attack", "meet", "seize"], "verb")
    assert {"attack", "attacks", "attacked", "attacking", "met", "seized", "seizes"} <= forms
    assert {"ceasefire", "ceasefires"} <= Inflections().forms(["ceasefire"], "noun")


@pytest.mark.parametrize(
    "sentence, holds",
    [
        ("Russian troops attacked the village", True),
        ("the two leaders met in Ankara", True),
        ("Germany sent more weapons to Kyiv", True),  # a transfer verb with an aid object
        ("the singer sent a video to fans", False),  # ... without one
        ("NATO forces will pull out by May", True),  # verb and particle
        ("she said the plan is a threat", True),  # a report with an evaluative cue
        ("he said it was a sunny day", False),
        ("officials described the trip as a provocation", True),  # a label and a word of blame
        ("police used water cannons on the crowd", True),  # a verb and a weapon's last word
        ("they used water to cool the engine", False),
        ("officials described the trip as pleasant", False),
        ("moscow would respond in kind", True),  # a response verb with a forceful manner
        ("the ministry would respond next week", False),
        ("Ireland won the match in Dublin", False),
        ("the new laptop went on sale in Japan", False),
    ],
)
def test_a_sentence_holds_an_event_only_with_a_trigger(words, sentence, holds):
    assert words.can_hold_event(set(sentence.lower().split())) is holds


def test_sentences_start_after_end_punctuation_not_after_abbreviations():
    text = "Mr. Smith met U.S. officials on Monday. Then he left!\n\nA new line"
    starts = sentence_starts(text)
    assert [text[s : s + 4] for s in starts] == ["Mr. ", "Then", "A ne"]


def test_no_sentence_starts_before_a_lower_case_word():
    text = "They asked him to stop ... it was denied. Officials left."
    assert [text[s : s + 4] for s in sentence_starts(text)] == ["They", "Offi"]


def test_a_title_line_starts_a_sentence():
    text = "Germany pledges aid to Ukraine\nBerlin has given Kyiv aid worth billions."
    assert text.index("Berlin") in sentence_starts(text)


def test_runs_of_the_same_verdict_cover_the_text(words):
    text = (
        "The match ended late. Fans sang for hours. "
        "Russian troops attacked the village. Rebels seized the town.\n\nIt rained all day."
    )
    chunks = plan_chunks(text, words, relevant=True)
    assert [c.parse for c in chunks] == [False, True, False]
    assert [len(c.sentences) for c in chunks] == [2, 2, 1]
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(chunks))


def test_an_article_the_gate_turns_away_is_one_skipped_run(words):
    text = "Russian troops attacked the village. Rebels seized the town."
    (chunk,) = plan_chunks(text, words, relevant=False)
    assert not chunk.parse and (chunk.start, chunk.end) == (0, len(text))
    assert len(chunk.sentences) == 2


def test_joined_pieces_keep_the_exact_text_and_each_piece_s_sentences():
    nlp = spacy.blank("en")
    text = "One sentence here.  Two here!\n\nThree, the last one."
    cuts = [0, text.index("Two"), text.index("Three"), len(text)]
    parts = []
    for a, b in itertools.pairwise(cuts):
        piece = nlp.make_doc(text[a:b])
        parts.append(Part(flat_sentences(piece, [0]), 0, len(piece)))
    doc = join(parts)
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents] == [
        "One sentence here.",
        "Two here!",
        "Three, the last one.",
    ]


def test_flat_sentences_start_at_the_given_offsets():
    nlp = spacy.blank("en")
    doc = flat_sentences(nlp.make_doc("Alpha beta. Gamma delta."), [0, 12])
    assert [s.text for s in doc.sents] == ["Alpha beta.", "Gamma delta."]
    assert [t.dep_ for t in doc] == ["ROOT", "dep", "dep", "ROOT", "dep", "dep"]


def test_a_run_to_parse_gets_context_tokens_that_join_leaves_out(words):
    nlp = spacy.blank("en")
    text = (
        "It rained all day in the capital. Russian troops attacked the village. It rained all day."
    )
    chunks = plan_chunks(text, words, relevant=True)
    parts = cut(nlp.make_doc(text), chunks)
    assert [c.parse for c in chunks] == [False, True, False]
    middle = parts[1]
    assert middle.lo == CONTEXT_TOKENS and len(middle.doc) - middle.hi == CONTEXT_TOKENS
    assert middle.doc[middle.lo].is_sent_start and middle.doc[middle.hi].is_sent_start
    assert middle.doc[middle.lo : middle.hi].text.strip() == "Russian troops attacked the village."
    for part, chunk in zip(parts, chunks, strict=True):  # a stand-in for the parse: flat trees
        offsets = [middle.doc[i].idx for i in (0, middle.lo, middle.hi)] if chunk.parse else [0]
        flat_sentences(part.doc, offsets)
    joined = join(parts)
    assert joined.text == text
    assert [s.text.strip() for s in joined.sents] == [
        "It rained all day in the capital.",
        "Russian troops attacked the village.",
        "It rained all day.",
    ]


def test_cut_keeps_the_tokenizer_s_norms():
    nlp = spacy.blank("en")
    text = "Critics say Europe can't afford it."
    chunk = Chunk(0, len(text), True, (0,))
    (part,) = cut(nlp.make_doc(text), [chunk])
    assert [t.norm_ for t in part.doc] == [t.norm_ for t in nlp.make_doc(text)]
    assert "not" in [t.norm_ for t in part.doc]


def test_an_arc_leaving_a_run_becomes_a_root_in_the_joined_doc():
    words = ["Alpha", "beta", "gamma", ".", "Delta", "epsilon", "."]
    spaces = [True, True, False, True, True, False, False]
    # the run is "Delta epsilon." (tokens 4-6); "Delta" hangs from "beta", in the context
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces,
              heads=[1, 1, 1, 1, 1, 4, 4], deps=["dep"] * 7)  # fmt: skip
    joined = join([Part(doc, 4, 7)])
    assert joined.text == "Delta epsilon."
    assert [t.head.i for t in joined] == [0, 0, 0]
