"""The country a story is about (allegiance.events.local.story_home), on hand-made mentions."""

from __future__ import annotations

from allegiance.events.local import story_home
from allegiance.models import Mention


def mention(code: str | None, kind: str = "country") -> Mention:
    return Mention(text=code or "x", start=0, end=1, code=code, kind=kind)


def test_a_state_named_most_and_twice_as_often_as_any_other_is_home():
    mentions = [mention("PAK")] * 4 + [mention("PAK", "city")] + [mention("AFG")] * 2
    assert story_home(mentions) == "PAK"


def test_no_state_leads_by_twice_no_home():
    assert story_home([mention("KEN")] * 6 + [mention("SOM")] * 4) is None


def test_a_state_named_fewer_than_five_times_is_no_home():
    assert story_home([mention("NER")] * 4) is None


def test_people_and_organisations_do_not_count():
    mentions = [mention("USA", "person")] * 9 + [mention("UN", "igo")] * 9
    assert story_home(mentions) is None
