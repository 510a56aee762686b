"""Reading fixes of the eighty-ninth change (issue 13): what is hosted, and things named before.

- Where a gathering is hosted is no guest: "Egypt and Qatar will host a new round of talks in
  Cairo" names no recipient.
- "denounced the sanctions": the sanctions are those a candidate named by that word, before
  the nearest act of the kind ("imposed coordinated sanctions", then a freeze of assets).

Through the whole pipeline on sentences we wrote.
"""

from __future__ import annotations

import pytest

from event_helpers import codes, the_event


@pytest.mark.model
def test_where_talks_are_hosted_is_no_guest(every_candidate):
    text = "Egypt and Qatar will host a new round of indirect talks in Cairo on Thursday."
    host = the_event(every_candidate, text, "host")
    assert codes(host.actor) == {"EGY", "QAT"}
    assert not codes(host.recipient) - {None}


@pytest.mark.model
def test_the_sanctions_are_those_named_so(every_candidate):
    text = (
        "The United States, Canada and Britain on Monday imposed coordinated sanctions on "
        "Nicaraguan officials. The U.S. Treasury Department said it had frozen any U.S. assets "
        "held by Nicaragua's Public Ministry. Nicaraguan Foreign Minister Denis Moncada "
        'denounced the sanctions as "illegal" on Tuesday.'
    )
    denounced = the_event(every_candidate, text, "denounced")
    assert codes(denounced.recipient) == {"USA", "CAN", "GBR"}
