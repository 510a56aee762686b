"""Reading fixes of the seventy-second change (issue 13): raising a trade barrier imposes it.

"Raised customs duties on all Pakistani goods", "doubled the tariff on Chinese goods": raising a
tariff or a duty imposes more of it, a SANCTION on whose goods they are, as "imposed tariffs"
is; a duty is a measure one imposes as a tariff is; and a measure on goods that name no party
falls on where they come from ("imposed a duty on steel from South Korea"). A duty that is no
trade barrier ("raised the duty of its officers") stays no event.

On hand-built parses (no model), through the whole pipeline on sentences written by us, and on
the lexicon itself.
"""

from __future__ import annotations

import pytest

from allegiance.events.lexicon import default_lexicon
from allegiance.events.participants import goods_origin
from event_helpers import codes, events, hand_parsed, the_event


def _pair_types(verb: str, obj: str) -> set[str]:
    lex = default_lexicon()
    return {p.sense.type for p in lex.verb_object if verb in p.verbs and obj in p.objects}


def test_raising_a_tariff_or_a_duty_is_a_sanction():
    for verb in ("raise", "increase", "hike", "double"):
        assert _pair_types(verb, "tariff") == {"SANCTION"}
        assert _pair_types(verb, "duty") == {"SANCTION"}


# Japan imposed tariffs on steel from Korea .  (the small parser hangs "from" on the verb)
TARIFFS_ON_STEEL = [
    ("Japan", 1, "nsubj", "NNP", "PROPN"),
    ("imposed", 1, "ROOT", "VBD", "VERB"),
    ("tariffs", 1, "dobj", "NNS", "NOUN"),
    ("on", 1, "prep", "IN", "ADP"),
    ("steel", 3, "pobj", "NN", "NOUN"),
    ("from", 1, "prep", "IN", "ADP"),
    ("Korea", 5, "pobj", "NNP", "PROPN"),
    (".", 1, "punct", ".", "PUNCT"),
]
# Japan imposed curbs on steel from Korea .  (no measure named: no origin read)
CURBS_ON_STEEL = [(w if w != "tariffs" else "curbs", *rest) for w, *rest in TARIFFS_ON_STEEL]


def test_a_measure_on_goods_falls_on_where_they_come_from():
    doc = hand_parsed(TARIFFS_ON_STEEL, lemmas={"tariffs": "tariff"})
    assert goods_origin(doc[1], doc[2]).text == "Korea"


def test_an_origin_is_read_only_for_a_named_measure():
    doc = hand_parsed(CURBS_ON_STEEL, lemmas={"curbs": "curb"})
    assert goods_origin(doc[1], doc[2]) is None


@pytest.mark.model
def test_raised_duties_on_a_country_s_goods_are_a_sanction_on_it(extractor):
    event = the_event(extractor, "India raised customs duties on all Pakistani goods.", "raised")
    assert event.event == "SANCTION"
    assert (codes(event.actor), codes(event.recipient)) == ({"IND"}, {"PAK"})


@pytest.mark.model
def test_raised_tariffs_take_the_target_the_parser_hangs_on_the_verb(extractor):
    text = "China raised its own tariffs on US goods to 84% on Thursday."
    event = the_event(extractor, text, "raised")
    assert event.event == "SANCTION"
    assert (codes(event.actor), codes(event.recipient)) == ({"CHN"}, {"USA"})


@pytest.mark.model
def test_an_imposed_duty_is_a_sanction(extractor):
    event = the_event(extractor, "Japan imposed a duty on steel from South Korea.", "imposed")
    assert event.event == "SANCTION"
    assert (codes(event.actor), codes(event.recipient)) == ({"JPN"}, {"KOR"})


@pytest.mark.model
def test_a_raised_duty_of_officers_is_no_sanction(extractor):
    text = "The city raised the duty of its officers to ten hours a day."
    assert not [e for e in events(extractor, text) if e.event == "SANCTION"]
