"""Reading fixes of the eighteenth change (issue 13): a story's own rebel group, the people a
warning is about, and the government whose act its opposition rejects. Whole pipeline, stories
written by us; each names its country first and often, as `events.local.story_home` asks."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model

PAKISTAN = (
    "Pakistan's finance minister presented the budget in Islamabad on Friday. "
    "Pakistan needs a new loan, and Pakistan's debt is high. "
    "Officials in Pakistan said Pakistan would cut spending. "
)
CENTRAL_AFRICA = (
    "The Central African Republic said on Monday that fighting had displaced 10,000 people. "
    "The C.A.R. said its troops were in Bocaranga. Officials in the Central African Republic "
    "said aid was slow. Bangui said the Central African Republic needed help. "
)


def test_what_the_opposition_rejects_is_its_governments_act(extractor):
    evs = events(extractor, PAKISTAN + "Opposition parties rejected the budget on Saturday.")
    (rejected,) = by_trigger(evs, "rejected")
    assert codes(rejected.actor) == {"PAK"} and codes(rejected.recipient) == {"PAK"}


def test_an_act_named_as_someone_elses_is_theirs(extractor):
    evs = events(extractor, PAKISTAN + "Opposition parties rejected India's new tax on Saturday.")
    (rejected,) = by_trigger(evs, "rejected")
    assert "PAK" not in codes(rejected.recipient)


def test_a_rebel_group_unnamed_is_the_storys_country(extractor):
    evs = events(
        extractor, CENTRAL_AFRICA + "The C.A.R. accuses the rebel group of killing civilians."
    )
    (accuses,) = by_trigger(evs, "accuses")
    assert codes(accuses.recipient) == {"CAF"}


def test_whom_a_warning_is_about_is_its_recipient(extractor):
    evs = events(
        extractor,
        PAKISTAN + "Pakistan's army said on Sunday, warning that terrorists will not be spared.",
    )
    (warning,) = by_trigger(evs, "warning")
    assert codes(warning.recipient) == {"PAK"}
