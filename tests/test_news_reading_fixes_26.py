"""Reading fixes of the twenty-sixth change (issue 13): where a situation is, whose rivals,
who a warning's own act is, and accords signed with a government named by its seat. Whole
pipeline, sentences written by us."""

from __future__ import annotations

import pytest

from event_helpers import by_trigger, codes, events

pytestmark = pytest.mark.model


def test_concern_over_unrest_somewhere_is_not_aimed_at_the_place(extractor):
    evs = events(extractor, "Japan voiced concern over the unrest in Myanmar on Friday.")
    (concern,) = by_trigger(evs, "voiced")
    assert codes(concern.actor) == {"JPN"}
    assert "MMR" not in codes(concern.recipient)


def test_concern_over_what_a_party_does_keeps_the_party(extractor):
    evs = events(extractor, "France voiced concern over Russia's attacks on Ukraine.")
    (concern,) = by_trigger(evs, "voiced")
    assert codes(concern.recipient) == {"RUS"}


def test_a_nationality_word_on_rivals_names_the_other_side(extractor):
    evs = events(extractor, "Australia gives naval training to Chinese rivals in the Pacific.")
    assert all("CHN" not in codes(e.recipient) for e in evs)


def test_the_state_a_warning_says_will_act_is_not_its_target(extractor):
    evs = events(
        extractor,
        "The Kremlin warned that Moscow would take all necessary steps to protect its shipping.",
    )
    (warning,) = by_trigger(evs, "warned")
    assert codes(warning.actor) == {"RUS"}
    assert "RUS" not in codes(warning.recipient)


def test_a_warning_keeps_whom_it_threatens(extractor):
    evs = events(extractor, "Russia warned that it would retaliate against Poland.")
    (warning,) = by_trigger(evs, "warned")
    assert codes(warning.recipient) == {"POL"}


def test_an_accord_with_the_government_in_a_capital_is_mutual(extractor):
    evs = events(
        extractor, "Egypt signed an energy accord with the government in Tripoli on Sunday."
    )
    (signed,) = by_trigger(evs, "signed")
    assert codes(signed.actor) == {"EGY", "LBY"} and not signed.recipient and signed.mutual


def test_an_accord_with_a_states_agency_is_mutual(extractor):
    evs = events(
        extractor, "Ghana signed agreements with Russia's nuclear agency, Rosatom, on Tuesday."
    )
    signed = by_trigger(evs, "signed")
    assert {c for e in signed for c in codes(e.actor)} == {"GHA", "RUS"}
