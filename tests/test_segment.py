"""Sentence starts at blank lines, after title lines and after subheadings run into the text
(no model: the offsets alone)."""

from __future__ import annotations

import pytest

from allegiance.segment import break_offsets, subheading_ends
from event_helpers import tagged


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
        ("It ended. Position on China Beyond Ukraine, ministers met.", ["Beyond"]),
        ("Talks ended. In 2017, China did.", []),  # the opener starts the sentence already
        # ... or ended by "The" or "An" before a lower-case word, whatever the tagger says
        ("Visas were eased. Beijing demand The changes have come with costs.", ["The"]),
        ("Talks ended. The escape The break began at noon.", ["The"]),
        ("He said so. Reported The Daily Courier on Monday.", []),  # a paper's name
        ("Funds came in.\nThe Series A round was led by a bank.", []),  # "A" ends names
        ("Talks ended. The envoy of the president said again On Monday it would.", []),  # too long
        # a lone capital closing a sentence ("posted on X.") is no initial
        ("He said so in a post on X. Militants attacked a train.", ["Militants"]),
        ("President George W. Bush met him.", []),
        # an interview's speaker label is no subject
        ("Is it? Armitage: Probably the Russia attack on Ukraine.", ["Probably"]),
        ("VOA: Russia's President Putin visited China.", ["Russia's"]),
        ("He said: The talks failed.", []),
    ],
)
def test_break_offsets(text, starts):
    assert [text[o:].split()[0] for o in break_offsets(text)] == starts


@pytest.mark.parametrize(
    ("pairs", "opener"),
    [
        # before a determiner
        ("Talks/NNS ended/VBD ./. International/JJ reaction/NN A/DT spokesperson/NN "
         "urged/VBD calm/NN ./.", "A"),
        # an abstract noun before a name
        ("He/PRP left/VBD ./. Indian/JJ reluctance/NN Richard/NNP Weitz/NNP told/VBD "
         "VOA/NNP ./.", "Richard"),
        # an "of" in the run, ending in a plural abstract noun
        ("It/PRP ended/VBD ./. Review/NN of/IN relations/NNS Mahathir/NNP 's/POS "
         "government/NN froze/VBD it/PRP ./.", "Mahathir"),
    ],
)  # fmt: skip
def test_a_subheading_the_tagger_shows_ends_before_the_sentence(pairs, opener):
    doc = tagged(pairs)
    assert [doc[i].text for i in subheading_ends(doc)] == [opener]


@pytest.mark.parametrize(
    "pairs",
    [
        # a role before a name
        "It/PRP ended/VBD ./. Team/NN principal/NN Luca/NNP Ferretti/NNP said/VBD so/RB ./.",
        "It/PRP ended/VBD ./. Rebel/NN movement/NN M23/NNP said/VBD so/RB ./.",
        # a verb in the run: a sentence
        "It/PRP ended/VBD ./. Witnesses/NNS reported/VBD Israeli/JJ fire/NN ./.",
        # an adjective before a name
        "It/PRP ended/VBD ./. Resource/NN -/HYPH rich/JJ Balochistan/NNP is/VBZ poor/JJ ./.",
        # a title with "of" before a name
        "It/PRP ended/VBD ./. Minister/NN of/IN defence/NN Ben/NNP Wallace/NNP said/VBD so/RB ./.",
    ],
)
def test_a_role_before_a_name_or_a_clause_is_no_subheading(pairs):
    assert subheading_ends(tagged(pairs)) == []
