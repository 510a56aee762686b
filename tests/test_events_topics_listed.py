"""Topics listed after "about" and feelings dismissed (twenty-seventh change, issue 13), on
hand-built parses: the rules are pure functions of the parse."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.events.nonevents import a_topic_named, feelings_dismissed

# "AFP spoke with Lee about his trip , Japanese aid for Seoul , Russia 's raids and ties"
# as the parser reads it in a story: the second and later topics hang on the verb
TOPIC_WORDS = ["AFP", "spoke", "with", "Lee", "about", "his", "trip", ",", "Japanese", "aid",
               "for", "Seoul", ",", "Russia", "'s", "raids"]  # fmt: skip
TOPIC_HEADS = [1, 1, 1, 2, 1, 6, 4, 1, 9, 1, 9, 10, 9, 15, 13, 9]
TOPIC_POS = ["PROPN", "VERB", "ADP", "PROPN", "ADP", "PRON", "NOUN", "PUNCT", "ADJ", "NOUN",
             "ADP", "PROPN", "PUNCT", "PROPN", "PART", "NOUN"]  # fmt: skip
TOPIC_LEMMAS = ["AFP", "speak", "with", "Lee", "about", "his", "trip", ",", "japanese", "aid",
                "for", "Seoul", ",", "Russia", "'s", "raid"]  # fmt: skip


def _topics(dep_of_aid: str) -> Doc:
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "poss", "pobj", "punct", "amod",
            dep_of_aid, "prep", "pobj", "punct", "poss", "case", "conj"]  # fmt: skip
    vocab = spacy.blank("en").vocab
    return Doc(
        vocab, words=TOPIC_WORDS, heads=TOPIC_HEADS, deps=deps, lemmas=TOPIC_LEMMAS, pos=TOPIC_POS
    )


def test_a_later_topic_hung_on_the_verb_is_a_topic():
    for dep in ("dep", "npadvmod"):
        doc = _topics(dep)
        assert a_topic_named(doc[9])  # aid
        assert a_topic_named(doc[15])  # raids, coordinated with it


def test_a_noun_on_the_verb_before_any_about_is_no_topic():
    vocab = spacy.blank("en").vocab
    words = ["Kyiv", "aid", "spoke", "about", "talks"]
    doc = Doc(vocab, words=words, heads=[1, 2, 2, 2, 3],
              deps=["compound", "npadvmod", "ROOT", "prep", "pobj"],
              lemmas=["Kyiv", "aid", "speak", "about", "talk"])  # fmt: skip
    assert not a_topic_named(doc[1])


def _dismissed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    lemmas = [w.lower().rstrip("s") if w.endswith("s") else w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_concerns_nobody_owns_dismissed_are_no_refusal():
    doc = _dismissed(["He", "dismissed", "concerns", "about", "tariffs"], [1, 1, 1, 2, 3],
                     ["nsubj", "ROOT", "dobj", "prep", "pobj"])  # fmt: skip
    assert feelings_dismissed(doc[1])


def test_a_partys_concerns_dismissed_stay():
    doc = _dismissed(["Berlin", "dismissed", "Warsaw", "'s", "concerns"], [1, 1, 4, 2, 1],
                     ["nsubj", "ROOT", "poss", "case", "dobj"])  # fmt: skip
    assert not feelings_dismissed(doc[1])


def test_claims_dismissed_stay():
    doc = _dismissed(["Moscow", "dismissed", "the", "claims"], [1, 1, 3, 1],
                     ["nsubj", "ROOT", "det", "dobj"])  # fmt: skip
    assert not feelings_dismissed(doc[1])
