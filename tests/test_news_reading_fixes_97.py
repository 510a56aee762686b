"""Reading fixes of the ninety-seventh change (issue 13): whom a crowd's chants are against.

"rallied after Friday prayers, waving Palestinian flags and chanting slogans against the United
States and Israel": whom a crowd's chants (or its denunciations) are against is whom its rally
addresses, not its own state by default nor the city it rallies in (the written gold codes it
so, again and again).

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        (
            "In Sanaa, tens of thousands of Houthi supporters rallied after Friday prayers, "
            "waving Palestinian flags and chanting slogans against the United States and Israel.",
            {"USA", "ISR"},
        ),
        (
            "About 40 Tajik exiles rallied outside the court in Warsaw on Wednesday, holding "
            "portraits of jailed activists and chanting slogans against President Emomali Rahmon.",
            {"TJK"},
        ),
    ],
    ids=["sanaa", "warsaw"],
)
def test_a_rally_is_against_whom_its_chants_are(every_candidate, text, recipient):
    rallied = the_event(every_candidate, text, "rallied")
    assert codes(rallied.recipient) == recipient
