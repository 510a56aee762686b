"""Sentence starts at blank lines, after title lines and after subheadings run into the text
(no model: the offsets alone)."""

from __future__ import annotations

import pytest

from allegiance.segment import break_offsets


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Germany pledges new aid to Ukraine\nBerlin has given Kyiv aid.", ["Berlin"]),
        ("First part ends here\n\nSecond part.", ["Second"]),
        ("Ukraine, which\nwas attacked, said so.", []),  # a wrapped line, not a title
        ("Rutte urged every member to\nRaise spending.", []),  # ends like a wrapped line
        ("He said it.\nThen he left.", []),  # a sentence end: the parser decides
        ("Body line one.\nBody line two goes on\nAnd three", []),  # not a paragraph opener
        # a subheading run into the text, ended by a clause opener
        ("It was denied.” Media outlets closed On another front, NISA said so.", ["On"]),
        ("Talks ended. Trump approval During a visit, he spoke.", ["During"]),
        ("Talks ended. In 2017, China did.", []),  # the opener starts the sentence already
        ("Talks ended. The envoy of the president said again On Monday it would.", []),  # too long
        # a lone capital closing a sentence ("posted on X.") is no initial
        ("He said so in a post on X. Militants attacked a train.", ["Militants"]),
        ("President George W. Bush met him.", []),
    ],
)
def test_break_offsets(text, starts):
    assert [text[o:].split()[0] for o in break_offsets(text)] == starts
