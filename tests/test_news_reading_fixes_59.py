"""Reading fixes of the fifty-ninth change (issue 13): in a story about one country, people it
names only as people ("104 passengers", "11 people") rescued, arrested or freed by no one named
were so by that country, as its own people (a hostage rescue is PLOVER AID: "339 passengers
were rescued" is AID PAK -> PAK). The whole pipeline on sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

STORY = (
    "Pakistan's army said on Wednesday it had ended the siege. Pakistan's prime minister "
    "visited Quetta. Officials in Pakistan said the train was attacked in Pakistan's "
    "Balochistan province. Islamabad said the attack was planned abroad. "
)


@pytest.mark.model
def test_people_rescued_by_no_one_named_are_rescued_by_their_country(extractor):
    text = STORY + "According to security sources, 104 passengers had been rescued."
    (rescue,) = by_trigger(events(extractor, text), "rescued")
    assert rescue.event == "AID"
    assert (codes(rescue.actor), codes(rescue.recipient)) == ({"PAK"}, {"PAK"})
    assert rescue.actor[0].kind == "authority"


@pytest.mark.model
def test_people_arrested_by_no_one_named_are_the_country_s_own(extractor):
    text = STORY + "Police said 11 people had been arrested during the operation."
    (arrest,) = by_trigger(events(extractor, text), "arrested")
    assert (codes(arrest.actor), codes(arrest.recipient)) == ({"PAK"}, {"PAK"})


@pytest.mark.model
def test_a_rescue_by_a_named_party_or_of_others_keeps_its_parties(extractor):
    text = STORY + "Afghan refugees were rescued by Iranian border guards."
    (rescue,) = by_trigger(events(extractor, text), "rescued")
    assert (codes(rescue.actor), codes(rescue.recipient)) == ({"IRN"}, {"AFG"})
    abroad = STORY + "Officials said 20 Afghan migrants were rescued."
    assert not [e for e in by_trigger(events(extractor, abroad), "rescued") if e.actor]


@pytest.mark.model
def test_people_freed_with_no_one_named_keep_no_freer(extractor):
    text = STORY + "Officials said 354 passengers were freed on Wednesday."
    assert not [e for e in by_trigger(events(extractor, text), "freed") if e.actor]
