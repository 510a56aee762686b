"""Reading fixes of the hundred-and-fourth change (issue 13): what a party closes is its own.

"European Union leaders agreed to close the bloc's airspace and airports to Belarusian
airlines" was a threat by the EU against the EU: "the bloc" names the EU again, as "its
airspace" would, and was taken as the recipient before "to Belarusian airlines". The holder
of an airspace, border, port, market or territory that the actor itself is named as is no
recipient; the party it is closed or opened to is.

The rule on a hand-built parse (a pure function of the parse and the mentions), then through
the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.participants import own_domain_holder
from allegiance.models import Mention
from event_helpers import codes, events, hand_parsed, of_type

# "The EU closed the bloc 's airspace ."
CLOSED = [
    ("The", 1, "det", "DT", "DET"),
    ("EU", 2, "nsubj", "NNP", "PROPN"),
    ("closed", 2, "ROOT", "VBD", "VERB"),
    ("the", 4, "det", "DT", "DET"),
    ("bloc", 6, "poss", "NN", "NOUN"),
    ("'s", 4, "case", "POS", "PART"),
    ("airspace", 2, "dobj", "NN", "NOUN"),
    (".", 2, "punct", ".", "PUNCT"),
]


def _mention(doc, i: int, code: str) -> Mention:
    tok = doc[i]
    return Mention(tok.text, tok.idx, tok.idx + len(tok), code=code, kind="igo")


def test_the_actor_named_again_as_holder_is_no_recipient():
    doc = hand_parsed(CLOSED)
    actor, holder = _mention(doc, 1, "EU"), _mention(doc, 4, "EU")
    assert own_domain_holder(holder, doc[6], [actor])


def test_another_holder_or_another_thing_is_still_a_recipient():
    doc = hand_parsed(CLOSED)
    actor = _mention(doc, 1, "RUS")
    assert not own_domain_holder(_mention(doc, 4, "EU"), doc[6], [actor])
    rows = [*CLOSED[:6], ("assets", 2, "dobj", "NNS", "NOUN"), CLOSED[7]]
    doc = hand_parsed(rows)
    assert not own_domain_holder(_mention(doc, 4, "EU"), doc[6], [_mention(doc, 1, "EU")])


@pytest.mark.model
def test_an_airspace_closed_to_others_is_closed_to_them(extractor):
    text = "European Union leaders agreed to close the bloc's airspace to Belarusian airlines."
    found = events(extractor, text)
    assert found and all(codes(e.recipient) == {"BLR"} for e in found)
    assert of_type(found, "SANCTION")
