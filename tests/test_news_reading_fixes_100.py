"""Reading fixes of the hundredth change (issue 13): what an act went without did not happen.

"Negotiators ended two days of talks without agreeing to extend the treaty", "the commission
met without reaching agreement": the agreement is negated, as the gold codes it (it was coded
asserted: "without" was read only under a noun, and there as hypothetical). Beside an act that
is itself only possible or refused ("could strike without warning", "would not restore ties
without a settlement") what it goes without is a condition: hypothetical.

The rule on hand-built parses (a pure function of the parse), then through the whole pipeline
on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.events.factuality import factuality
from allegiance.events.lexicon import default_lexicon
from event_helpers import hand_parsed, the_event

LEX = default_lexicon()


def _ended_without(*, modal: str | None = None, gone: str = "agreeing") -> str:
    """ "They [could] end the talks without <gone> ." and the factuality of <gone>."""
    rows = [("They", 1 + bool(modal), "nsubj", "PRP", "PRON")]
    if modal:
        rows.append((modal, 2, "aux", "MD", "AUX"))
    verb = len(rows)
    noun = gone != "agreeing"
    rows += [
        ("ended" if not modal else "end", verb, "ROOT", "VBD" if not modal else "VB", "VERB"),
        ("the", verb + 2, "det", "DT", "DET"),
        ("talks", verb, "dobj", "NNS", "NOUN"),
        ("without", verb, "prep", "IN", "ADP"),
    ]
    if noun:
        rows += [("a", verb + 5, "det", "DT", "DET"), (gone, verb + 3, "pobj", "NN", "NOUN")]
    else:
        rows.append((gone, verb + 3, "pcomp", "VBG", "VERB"))
    rows.append((".", verb, "punct", ".", "PUNCT"))
    doc = hand_parsed(rows)
    return factuality(doc[len(rows) - 2], doc[:], LEX)


def test_an_act_gone_without_did_not_happen():
    assert _ended_without() == "negated"
    assert _ended_without(gone="deal") == "negated"


def test_beside_a_possible_act_it_is_a_condition():
    assert _ended_without(modal="could") == "hypothetical"
    assert _ended_without(modal="could", gone="deal") == "hypothetical"


def test_a_clause_inside_what_is_gone_without_is_not_negated():
    # "The announcement came without an explanation of why it seeks closure ."
    doc = hand_parsed(
        [
            ("The", 1, "det", "DT", "DET"),
            ("announcement", 2, "nsubj", "NN", "NOUN"),
            ("came", 2, "ROOT", "VBD", "VERB"),
            ("without", 2, "prep", "IN", "ADP"),
            ("an", 5, "det", "DT", "DET"),
            ("explanation", 3, "pobj", "NN", "NOUN"),
            ("of", 5, "prep", "IN", "ADP"),
            ("why", 9, "advmod", "WRB", "SCONJ"),
            ("it", 9, "nsubj", "PRP", "PRON"),
            ("seeks", 6, "pcomp", "VBZ", "VERB"),
            ("closure", 9, "dobj", "NN", "NOUN"),
            (".", 2, "punct", ".", "PUNCT"),
        ]
    )
    assert factuality(doc[9], doc[:], LEX) == "asserted"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Russian and American negotiators ended two days of arms control talks in Geneva on "
            "Tuesday without agreeing to extend the treaty.",
            "agreeing",
            "negated",
        ),
        (
            "Israel struck targets in Iran on Friday without consulting Washington.",
            "consulting",
            "negated",
        ),
    ],
)
def test_an_act_gone_without_reads_as_negated(every_candidate, text, trigger, expected):
    assert the_event(every_candidate, text, trigger).factuality == expected
