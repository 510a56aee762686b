"""Unnamed bodies of the story's own country (``allegiance.actors.domestic``) on hand-built
parses (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.actors.domestic import domestic_bodies, story_home
from allegiance.actors.drafts import Draft


def parsed(words, heads, deps, pos, tags=None) -> Doc:
    tags = tags or [
        "NNS" if p == "NOUN" and w.endswith("s") else "" for w, p in zip(words, pos, strict=False)
    ]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    return doc


# Pakistan presented a budget . Pakistan 's opposition parties ... : built sentence by sentence
WORDS = ["Pakistan", "presented", "it", ".", "Opposition", "parties", "rejected", "it", ".",
         "Pakistan", "waited", "."]  # fmt: skip
HEADS = [1, 1, 1, 1, 5, 6, 6, 6, 6, 10, 10, 10]
DEPS = ["nsubj", "ROOT", "dobj", "punct", "compound", "nsubj", "ROOT", "dobj", "punct",
        "nsubj", "ROOT", "punct"]  # fmt: skip
POS = ["PROPN", "VERB", "PRON", "PUNCT", "NOUN", "NOUN", "VERB", "PRON", "PUNCT", "PROPN",
       "VERB", "PUNCT"]  # fmt: skip
SENTENCES = [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]


def pakistan(start: int) -> Draft:
    return Draft(start, start + 1, code="PAK", kind="country")


def test_an_unnamed_opposition_in_a_story_about_one_country_is_its_opposition():
    doc = parsed(WORDS, HEADS, DEPS, POS)
    drafts = [pakistan(0)] * 3 + [pakistan(9)] * 2  # named five times
    (found,) = domestic_bodies(doc, drafts, SENTENCES, {0, 9})
    assert (found.start, found.end, found.code, found.sector) == (4, 6, "PAK", "OPP")


def test_no_home_when_another_country_is_named_as_often():
    india = [Draft(2, 3, code="IND", kind="country")] * 3
    drafts = sorted([*[pakistan(0)] * 5, *india], key=lambda d: d.start)
    assert story_home(drafts, SENTENCES) is None  # 5 against 3: not twice as often
    assert story_home([pakistan(0)] * 4, SENTENCES) is None  # named only four times


def test_no_home_when_the_story_opens_on_another_country():
    drafts = [Draft(0, 1, code="PHL", kind="country"), *[pakistan(2)] * 3, *[pakistan(9)] * 3]
    assert story_home(drafts, SENTENCES) is None
    assert story_home(drafts[1:], SENTENCES) is not None


def test_a_sentence_naming_only_other_countries_gets_no_home_code():
    words = ["Pakistan", "met", "India", ".", "The", "government", "waited", ".", "Pakistan",
             "left", "."]  # fmt: skip
    heads = [1, 1, 1, 1, 5, 6, 6, 6, 9, 9, 9]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "nsubj", "ROOT", "punct", "nsubj", "ROOT",
            "punct"]  # fmt: skip
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "PROPN", "VERB",
           "PUNCT"]  # fmt: skip
    doc = parsed(words, heads, deps, pos)
    sentences = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
    drafts = [*[pakistan(0)] * 3, *[pakistan(8)] * 2]
    assert [d.code for d in domestic_bodies(doc, drafts, sentences, {0, 8})] == ["PAK"]
    # "The government" sentence names India but not Pakistan: no code
    drafts = [*[pakistan(0)] * 3, Draft(4, 5, code="IND", kind="country"), *[pakistan(8)] * 2]
    assert domestic_bodies(doc, drafts, sentences, {0, 4, 8}) == []


def test_a_named_or_foreign_body_is_no_domestic_one():
    words = ["Foreign", "governments", "and", "Indian", "police", "waited", "."]
    heads = [1, 5, 1, 4, 1, 5, 5]
    deps = ["amod", "nsubj", "cc", "amod", "conj", "ROOT", "punct"]
    pos = ["ADJ", "NOUN", "CCONJ", "ADJ", "NOUN", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    drafts = [Draft(3, 4, code="IND", kind="country", form="demonym")]
    home = [pakistan(0)] * 5
    assert domestic_bodies(doc, [*home, *drafts], [0] * 7, {3}) == []


# "Pakistan met India . <middle sentence> . Pakistan left .", home PAK; India named only in the
# middle one, at ``india``
OUTER_WORDS = (["Pakistan", "met", "India", "."], [".", "Pakistan", "left", "."])


def _around(middle: list[tuple[str, int, str, str]], india: int):
    """The doc, drafts and sentence numbers of a three-sentence story around ``middle`` (word,
    head within the middle sentence, dep, pos)."""
    words = [*OUTER_WORDS[0], *(w for w, _, _, _ in middle), *OUTER_WORDS[1]]
    n = len(middle)
    heads = [1, 1, 1, 1, *(4 + h for _, h, _, _ in middle), 4 + n + 2, 4 + n + 2, 4 + n + 2,
             4 + n + 2]  # fmt: skip
    heads[4 + n] = heads[4 + n - 1] if n else 4  # the middle sentence's full stop
    deps = ["nsubj", "ROOT", "dobj", "punct", *(d for _, _, d, _ in middle), "punct", "nsubj",
            "ROOT", "punct"]  # fmt: skip
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", *(p for _, _, _, p in middle), "PUNCT", "PROPN",
           "VERB", "PUNCT"]  # fmt: skip
    doc = parsed(words, heads, deps, pos)
    sentences = [0] * 4 + [1] * (n + 1) + [2] * 3
    drafts = [*[pakistan(0)] * 3, Draft(4 + india, 5 + india, code="IND", kind="country"),
              *[pakistan(5 + n)] * 2]  # fmt: skip
    return doc, drafts, sentences, {0, 4 + india, 5 + n}


def test_a_body_another_state_addresses_is_the_home_one_even_where_only_that_state_is_named():
    # "India urged the government": addressed by India, so Pakistan's
    middle = [("India", 1, "nsubj", "PROPN"), ("urged", 1, "ROOT", "VERB"),
              ("the", 3, "det", "DET"), ("government", 1, "dobj", "NOUN")]  # fmt: skip
    (found,) = domestic_bodies(*_around(middle, india=0))
    assert (found.start, found.end, found.code) == (7, 8, "PAK")
    # "India and the government waited": beside India, not addressed by it, it stays uncoded
    middle = [("India", 1, "nsubj", "PROPN"), ("waited", 1, "ROOT", "VERB"),
              ("the", 3, "det", "DET"), ("government", 0, "conj", "NOUN")]  # fmt: skip
    assert domestic_bodies(*_around(middle, india=0)) == []


def test_a_body_that_addresses_another_state_is_the_home_one():
    # "The government urged India": addressing India, so Pakistan's
    middle = [("The", 1, "det", "DET"), ("government", 2, "nsubj", "NOUN"),
              ("urged", 2, "ROOT", "VERB"), ("India", 2, "dobj", "PROPN")]  # fmt: skip
    (found,) = domestic_bodies(*_around(middle, india=3))
    assert (found.start, found.end, found.code) == (5, 6, "PAK")


def test_a_ministry_named_by_its_field_is_the_home_one():
    from spacy.tokens import Span

    # "Pakistan met India . The Interior Ministry waited . Pakistan left ." (home PAK)
    middle = [("The", 2, "det", "DET"), ("Interior", 2, "compound", "PROPN"),
              ("Ministry", 3, "nsubj", "PROPN"), ("waited", 3, "ROOT", "VERB")]  # fmt: skip
    doc, drafts, sentences, _ = _around(middle, india=0)
    drafts = [d for d in drafts if d.code == "PAK"] + [pakistan(2)]  # no India in the story
    doc.ents = [Span(doc, 5, 7, label="ORG")]
    (found,) = domestic_bodies(doc, drafts, sentences, {0, 2, 9})
    assert (found.start, found.end, found.code, found.sector) == (5, 7, "PAK", "GOV")
    doc.ents = [Span(doc, 5, 6, label="NORP"), Span(doc, 6, 7, label="ORG")]  # "Indian Ministry"
    assert domestic_bodies(doc, drafts, sentences, {0, 2, 9}) == []
