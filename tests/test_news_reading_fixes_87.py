"""Reading fixes of the eighty-seventh change (issue 13): what news calls a country by its region.

- An epithet ("the island nation", "the Gulf state", "the Central Asian country") names the
  nearest earlier mention of one of its countries (`data/actors/epithets.yaml`), as "the
  alliance" names NATO.
- "Latin American", "South American", "North American" and "Central American" are regions'
  adjectives, never the United States.

Through the whole pipeline on sentences written by us, and the knowledge base itself.
"""

from __future__ import annotations

import pytest

from allegiance.actors import load_kb
from event_helpers import codes, the_event


def test_epithets_are_descriptions_of_their_countries():
    descriptions = load_kb().descriptions
    assert "QAT" in descriptions["gulf state"]
    assert "MUS" in descriptions["island nation"]
    assert set(descriptions["central asian country"]) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


@pytest.mark.model
def test_an_epithet_names_the_country_told_before(every_candidate):
    text = (
        "Mauritius has long sought the return of the Chagos Islands. Indian Prime Minister "
        "Narendra Modi will visit the island nation next week."
    )
    assert codes(the_event(every_candidate, text, "visit").recipient) == {"MUS"}
    text = (
        "Kazakhstan said on Monday it would expand trade with China. Russia accused the Central "
        "Asian country of breaking the agreement."
    )
    assert codes(the_event(every_candidate, text, "accused").recipient) == {"KAZ"}


@pytest.mark.model
def test_a_regions_adjective_is_not_the_united_states(every_candidate):
    text = "Latin American leaders criticised the United States on Monday."
    criticised = the_event(every_candidate, text, "criticised")
    assert "USA" not in codes(criticised.actor)
