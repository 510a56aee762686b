"""Reading fixes of the ninety-third change (issue 13): whose imports a measure stops.

"India banned imports from China": a measure on imports falls on where they come from, also
where the parser hangs "from" on the verb rather than on the imports ("the import of fruit
from Moldova" was read already, as exports "to" a country were).

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("India banned imports from China last year.", "banned", {"CHN"}),
        ("Moscow restricted imports from Georgia in 2006.", "restricted", {"GEO"}),
    ],
)
def test_a_measure_on_imports_falls_on_where_they_come_from(
    every_candidate, text, trigger, recipient
):
    found = the_event(every_candidate, text, trigger)
    assert found.event == "SANCTION"
    assert codes(found.recipient) == recipient
