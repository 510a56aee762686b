"""Reading fixes of the ninetieth change (issue 13): a name shortened after a title.

"Prince Faisal" after "Prince Faisal bin Farhan", "Ms Boluarte" after "President Dina
Boluarte": a title news puts before a shortened name (prince, sheikh, emir, Mr, Ms ...) is not
part of the name, so the short form is the person named in full before, with their code.

Through the whole pipeline on sentences we wrote.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event

SHORTENED_NAMES = [
    (
        "Prince Faisal bin Farhan met Iran's foreign minister in Beijing on Thursday. Prince "
        "Faisal thanked China for its role.",
        "thanked",
        {"SAU"},
    ),
    (
        "Peru's President Dina Boluarte took office in December. On Monday Ms Boluarte "
        "accused Bolivia of meddling in Peru's affairs.",
        "accused",
        {"PER"},
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "actor"), SHORTENED_NAMES)
def test_a_title_and_a_short_name_are_the_person_named_before(
    every_candidate, text, trigger, actor
):
    assert codes(the_event(every_candidate, text, trigger).actor) == actor
