"""Reading fixes of the sixty-ninth change (issue 13): force used on a crowd, and what a clause
happened during.

- Less-lethal weapons used on a crowd are PLOVER's ASSAULT 'crowd-control' ("tear gas, water
  cannons"): "police used water cannon" was no event, as "use" was no trigger; a weapon named
  with its first word ("tear gas", not any gas). The fast path lets such a sentence through by
  the weapon's last word.
- Whom force was used to disperse is whom it was used on ("to disperse them", "to clear
  protesters"): the people a home force acts on (``events.own_people``), and an object pronoun
  coded as those people is no longer dropped as "the actor again" (``noun_phrases.distinct``).
- A noun trigger a clause happened during or amid takes that clause's date ("In 2022, two
  journalists were wounded while filming during Russia's shelling of Kharkiv": the shelling is
  of 2022, so background), climbing from a gerund to the verb it completes.

Through the whole pipeline on sentences written by us, and on hand-built parses.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.events.attach import governing_verb, verb_it_happened_during
from event_helpers import by_trigger, codes, events, the_event


def _parsed(words, heads, deps, pos) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_the_clause_a_noun_happened_during_dates_it():
    # he was arrested for taking photos during the arrest
    words = ["he", "was", "arrested", "for", "taking", "photos", "during", "the", "arrest"]
    heads = [2, 2, 2, 2, 3, 4, 4, 8, 6]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "dobj", "prep", "det", "pobj"]
    pos = ["PRON", "AUX", "VERB", "ADP", "VERB", "NOUN", "ADP", "DET", "NOUN"]
    doc = _parsed(words, heads, deps, pos)
    doc[4].tag_ = "VBG"
    taking = verb_it_happened_during(doc[8])
    assert taking is not None and taking.i == 4
    arrested = governing_verb(taking)
    assert arrested is not None and arrested.i == 2


def test_a_noun_after_another_preposition_is_not_dated_by_the_clause():
    # he was arrested after the protest
    words = ["he", "was", "arrested", "after", "the", "protest"]
    heads = [2, 2, 2, 2, 5, 3]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj"]
    pos = ["PRON", "AUX", "VERB", "ADP", "DET", "NOUN"]
    assert verb_it_happened_during(_parsed(words, heads, deps, pos)[5]) is None


@pytest.mark.model
def test_water_cannon_used_to_disperse_protesters_is_crowd_control(extractor):
    text = (
        "Thousands of protesters marched on Georgia's parliament on Tuesday. Georgian police "
        "used water cannon and tear gas to disperse them."
    )
    event = the_event(extractor, text, "used")
    assert (event.event, event.mode) == ("ASSAULT", "crowd-control")
    assert codes(event.actor) == {"GEO"} and codes(event.recipient) == {"GEO"}
    assert [m.text for m in event.recipient] == ["them"]


@pytest.mark.model
def test_gas_alone_is_no_weapon(extractor):
    text = "Russia used gas to pressure Europe in the winter."
    assert by_trigger(events(extractor, text), "used") == []


@pytest.mark.model
def test_a_shelling_during_an_old_clause_is_background(extractor):
    text = (
        "In 2022, two journalists were wounded while filming during Russia's shelling of Kharkiv."
    )
    event = the_event(extractor, text, "shelling")
    assert (event.event_date, event.factuality) == ("2022", "historical")


@pytest.mark.model
def test_a_shelling_during_a_recent_clause_is_dated_by_it(extractor):
    text = "Last week, two journalists were wounded during Russia's shelling of Kharkiv."
    event = the_event(extractor, text, "shelling")
    assert (event.event_date, event.factuality) == ("2025-02-17", "asserted")
