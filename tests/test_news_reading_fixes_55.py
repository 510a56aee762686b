"""Reading fixes of the fifty-fifth change (issue 13): in a story about one country, "all sides"
and "the warring parties" are its own (a list counted before, "India and Pakistan ... both
sides", still wins); a request's recipient is whom it is put to, so "urged other partners to
follow its example" has none rather than the party of the act asked for.
Hand-built docs for the pure functions, then the whole pipeline on sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.actors.domestic import body_sector
from allegiance.events.counted import with_counted_parties
from allegiance.events.found import Found
from allegiance.events.lexicon import Sense
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.senses import Trigger
from allegiance.models import Mention
from event_helpers import codes, events, of_type


def _sides(mark: str) -> Doc:
    words = ["Oslo", "urged", mark, "sides", "to", "talk"]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 5, 1],
               deps=["nsubj", "ROOT", "det", "dobj", "aux", "xcomp"],
               pos=["PROPN", "VERB", "DET", "NOUN", "PART", "VERB"])  # fmt: skip


def test_all_or_both_sides_are_a_body_of_no_one_sector():
    assert body_sector(_sides("all")[3], set()) == ""
    assert body_sector(_sides("both")[3], set()) == ""
    assert body_sector(_sides("some")[3], set()) is None  # "some sides" names no conflict


def test_a_counted_list_replaces_the_home_country_read_from_both_sides():
    words = ["India", "and", "Pakistan", "clashed", ".", "Oslo", "urged", "both", "sides", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 0, 0, 3, 3, 6, 6, 8, 6, 6],
              deps=["nsubj", "cc", "conj", "ROOT", "punct", "nsubj", "ROOT", "det", "dobj",
                    "punct"],
              tags=["NNP", "CC", "NNP", "VBD", ".", "NNP", "VBD", "DT", "NNS", "."],
              lemmas=[w.lower() for w in words[:8]] + ["side", "."],
              sent_starts=[True, False, False, False, False, True, False, False, False,
                           False])  # fmt: skip

    def mention(i: int, code: str, kind: str) -> Mention:
        return Mention(doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), code=code, kind=kind)

    index = MentionIndex([mention(0, "IND", "country"), mention(2, "PAK", "country"),
                          mention(5, "NOR", "country")])  # fmt: skip
    home = mention(8, "IND", "domestic")
    asked = Found(Trigger(doc[6], Sense("REQUEST"), verb=doc[6]), [index.mentions[-1]], [home])
    (found,) = with_counted_parties([asked], index)
    assert [m.code for m in found.recipients] == ["IND", "PAK"]


@pytest.mark.model
def test_all_sides_in_a_story_about_one_country_are_that_country(extractor):
    text = (
        "Libya's rival governments traded accusations on Sunday. Libya's parliament met in "
        "Tobruk, and Libya's government met in Tripoli. Fighting in Libya killed 20 people. "
        "Libya's army said it would hold its positions. The U.N. envoy urged all sides to "
        "respect the truce."
    )
    (request,) = of_type(events(extractor, text), "REQUEST")
    assert (codes(request.actor), codes(request.recipient)) == ({"UN"}, {"LBY"})


@pytest.mark.model
def test_a_request_put_to_uncoded_partners_has_no_recipient_from_the_act_asked_for(extractor):
    text = (
        "Zelenskyy thanked Britain for the new sanctions and urged other partners to follow "
        "its example."
    )
    (request,) = of_type(events(extractor, text), "REQUEST")
    assert codes(request.recipient) == set()
