"""Reading fixes of the seventy-seventh change (issue 13): who a delegate, a body and a
description stand for, and the other party of a hyphenated pair.

- "Britain's U.N. ambassador, Karen Pierce," acts for Britain, not the U.N., whichever side of
  the name the title stands on.
- "South Korea's National Security Council" is South Korea's, not the U.N. Security Council.
- "the Fund" after the International Monetary Fund is the IMF; "the North" after North Korea is
  North Korea; "the alliance" is NATO where NATO was named only in its chief's title.
- "pledged $60 billion for the China-Pakistan Economic Corridor" (China pledging): Pakistan
  receives it. The parser may hang both names and the dash side by side under the noun.

On hand-built parses (no model), and through the whole pipeline on sentences written by us
(published on 1 March 2025).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.pairs import hyphenated_pair
from allegiance.models import Mention
from event_helpers import codes, events, of_type

CODES = {"China": "CHN", "Pakistan": "PAK"}


def _index(doc: Doc) -> MentionIndex:
    return MentionIndex(
        Mention(t.text, t.idx, t.idx + len(t), code=CODES[t.text], kind="country")
        for t in doc
        if t.text in CODES
    )


def _corridor(*, side_by_side: bool) -> Doc:
    # the China - Pakistan Economic Corridor
    first_head = 5 if side_by_side else 3
    rows = [
        ("the", 5, "det"), ("China", first_head, "compound"), ("-", 5, "punct"),
        ("Pakistan", 5, "compound"), ("Economic", 5, "compound"), ("Corridor", 5, "ROOT"),
    ]  # fmt: skip
    words, heads, deps = (list(c) for c in zip(*rows, strict=True))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_pair_hung_side_by_side_under_the_noun_is_a_pair():
    doc = _corridor(side_by_side=True)
    assert codes(hyphenated_pair(doc[5], _index(doc))) == {"CHN", "PAK"}


def test_a_pair_hung_under_its_second_name_is_still_a_pair():
    doc = _corridor(side_by_side=False)
    assert codes(hyphenated_pair(doc[5], _index(doc))) == {"CHN", "PAK"}


def test_names_side_by_side_without_a_dash_are_no_pair():
    rows = [("China", 2, "compound"), ("Pakistan", 2, "compound"), ("Corridor", 2, "ROOT")]
    words, heads, deps = (list(c) for c in zip(*rows, strict=True))
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert hyphenated_pair(doc[2], _index(doc)) == []


def _event(extractor, text: str, kind: str):
    (found,) = of_type(events(extractor, text), kind)
    return codes(found.actor), codes(found.recipient)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Britain's U.N. ambassador, Karen Pierce, urged Myanmar's authorities to open the region.",
        "Karen Pierce, Britain's U.N. ambassador, urged Myanmar's authorities to open the region.",
    ],
)
def test_a_states_delegate_to_the_un_acts_for_the_state(extractor, text):
    assert _event(extractor, text, "REQUEST") == ({"GBR"}, {"MMR"})


@pytest.mark.model
def test_a_national_security_council_is_its_states(extractor):
    text = (
        "North Korea fired two missiles on Sunday. South Korea's National Security Council "
        "urged the North to stop actions that raise tensions."
    )
    assert _event(extractor, text, "REQUEST") == ({"KOR"}, {"PRK"})


@pytest.mark.model
def test_the_fund_is_the_imf_named_before(extractor):
    text = (
        "The International Monetary Fund approved a loan for Sri Lanka last year. In a "
        "statement, the Fund urged Colombo to obtain assurances from its creditors."
    )
    assert _event(extractor, text, "REQUEST") == ({"IMF"}, {"LKA"})


@pytest.mark.model
def test_the_alliance_is_the_organisation_its_chief_leads(extractor):
    text = (
        "NATO Secretary-General Mark Rutte spoke in Brussels on Tuesday and said the alliance "
        "backed Washington's push for new talks."
    )
    assert _event(extractor, text, "SUPPORT") == ({"NATO"}, {"USA"})


@pytest.mark.model
def test_the_other_party_of_a_pair_receives_what_one_pledges(extractor):
    text = "China has pledged $60 billion for the China-Pakistan Economic Corridor."
    assert _event(extractor, text, "AGREE") == ({"CHN"}, {"PAK"})
