"""End to end with the real model: a government's stance turns, the watcher says so.

The local site serves the Watchtower Gazette fixtures (written for these tests): in the first
poll Hungary backs Russia, Poland sends weapons to Ukraine, Brazil *might* send some and Germany
*will* give aid; by the second poll Hungary condemns Russia, Brazil has sent weapons and Germany
has paid. Feeds that time out, answer 500 or answer HTML stand beside them throughout.
"""

from __future__ import annotations

import pytest

from test_watch_http import Site
from test_watch_watcher import ROUND2_PAGES, Run, serve_round

pytestmark = pytest.mark.model

ROUND1 = {("ukraine-camp", "camp_join|UKR|POL")}
ROUND2 = {
    ("hungary-russia", "sign_change|HUN|RUS|2025-03-10|cooperative -> hostile"),
    ("ukraine-camp", "camp_join|UKR|BRA"),
    ("ukraine-camp", "camp_join|UKR|DEU"),
    ("big-aid", "aid_above|DEU|UKR|humanitarian|500000000|2025-03-12"),
    ("promises-kept", "first_asserted|BRA|AID|UKR"),
    ("promises-kept", "first_asserted|DEU|AID|UKR"),
}


def test_watcher_reports_the_turn_with_its_evidence(tmp_path, extractor):
    site, hook = Site(), Site()
    try:
        run = Run(site, tmp_path, extractor, webhook=hook.url("/alerts"))
        serve_round(site, 1)
        first = run.round()
        assert {(a.rule, a.key) for a in first.alerts} == ROUND1

        site.clear()
        serve_round(site, 2)
        second = run.round()
        assert {(a.rule, a.key) for a in second.alerts} == ROUND2
        assert sorted(p for p in site.paths() if p.startswith("/news/")) == sorted(ROUND2_PAGES)
        turn = next(a for a in second.alerts if a.kind == "sign_change")
        assert [e["sentence"] for e in turn.evidence] == [
            "Hungary condemned Russia on Monday for its attacks on Ukrainian cities."
        ]
        assert turn.before[0]["sentence"].startswith("Hungary's government strongly supports")
        assert turn.evidence[0]["url"] == site.url("/news/hungary-condemns.html")
        kept = next(a for a in second.alerts if a.key == "first_asserted|BRA|AID|UKR")
        assert kept.before[0]["factuality"] == "hypothetical"
        posted = [body for _path, body in hook.posts]
        assert [p["id"] for p in posted] == [a.id for a in [*first.alerts, *second.alerts]]
        assert all(p["evidence"] and p["evidence"][0]["sentence"] for p in posted)

        site.clear()
        third = run.round()  # restart: nothing fetched again, nothing repeated
        assert third.stored == 0 and third.alerts == []
        assert not [p for p in site.paths() if p.startswith("/news/")]
        assert len(hook.posts) == len(posted)
    finally:
        site.close()
        hook.close()
