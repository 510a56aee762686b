"""Reading fixes of the sixty-fourth change (issue 13): what a verb around the event does not
reach (``events.factuality``, ``events.syntax.directive_beside``).

- "accused X of harbouring the group, a charge Pakistan denies": the parser hangs the
  accusation on the denial, but "a charge" takes it up; the accusation was made;
- a participle after a comma is not under its host's negation ("would not ratify the deal,
  accusing Brazil of ..."); it still shares its host's modal;
- a preposition that sets the scene ("told reporters after the meeting", "during a visit",
  "at a rally") passes on only its verb's modal, not what the verb asks for or denies;
- an infinitive listed with its own "to" after a negated one is not negated ("pledged not to
  support the PKK, to lift restrictions");
- "ordered a diplomat to leave, accusing him of ...": the participle is the act of whoever
  ordered, beside the order, not the ordered act;
- "forced Rajapaksa to resign": what force and compel embed happens if they do; "invited his
  counterpart to visit", "told troops to withdraw": what invite and tell embed is asked for.

On hand-built docs, and through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from allegiance.events.factuality import factuality
from allegiance.events.lexicon import default_lexicon
from allegiance.events.syntax import directive_beside
from event_helpers import by_trigger, codes, events, hand_parsed

LEX = default_lexicon()
LEMMAS = {"denies": "deny", "ordered": "order", "wanted": "want", "forced": "force",
          "urged": "urge", "told": "tell", "pledged": "pledge", "aimed": "aim",
          "invited": "invite", "accused": "accuse", "accusing": "accuse"}  # fmt: skip


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A hand-parsed sentence, lemmas from ``LEMMAS``."""
    return hand_parsed(rows, LEMMAS)


def _fact(doc: Doc, word: str) -> str:
    token = next(t for t in doc if t.text == word)
    return factuality(token, doc[:], LEX)


def _charge(noun: str) -> Doc:
    """ "India accused Pakistan of harbouring militants , a <noun> Pakistan denies ." """
    return _doc([
        ("India", 1, "nsubj", "NNP", "PROPN"), ("accused", 10, "ccomp", "VBD", "VERB"),
        ("Pakistan", 1, "dobj", "NNP", "PROPN"), ("of", 1, "prep", "IN", "ADP"),
        ("harbouring", 3, "pcomp", "VBG", "VERB"), ("militants", 4, "dobj", "NNS", "NOUN"),
        (",", 10, "punct", ",", "PUNCT"), ("a", 8, "det", "DT", "DET"),
        (noun, 10, "dobj", "NN", "NOUN"), ("Pakistan", 10, "nsubj", "NNP", "PROPN"),
        ("denies", 10, "ROOT", "VBZ", "VERB"), (".", 10, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_an_accusation_a_charge_takes_up_was_made():
    assert _fact(_charge("charge"), "accused") == "asserted"
    assert _fact(_charge("accusation"), "accused") == "asserted"


def test_what_is_denied_without_a_charge_noun_stays_denied():
    assert _fact(_charge("report"), "accused") == "negated"


def _ratify(aux: str, neg: bool, comma: bool) -> Doc:
    """ "France <aux> [not] ratify the deal [,] accusing Brazil ." """
    rows = [("France", 2 + neg, "nsubj", "NNP", "PROPN"), (aux, 2 + neg, "aux", "MD", "AUX")]
    if neg:
        rows.append(("not", 3, "neg", "RB", "PART"))
    verb = len(rows)
    rows += [("ratify", verb, "ROOT", "VB", "VERB"), ("the", verb + 2, "det", "DT", "DET"),
             ("deal", verb, "dobj", "NN", "NOUN")]  # fmt: skip
    if comma:
        rows.append((",", verb, "punct", ",", "PUNCT"))
    accusing = len(rows)
    rows += [
        ("accusing", verb, "advcl", "VBG", "VERB"),
        ("Brazil", accusing, "dobj", "NNP", "PROPN"),
        (".", verb, "punct", ".", "PUNCT"),
    ]
    return _doc(rows)


def test_a_participle_after_a_comma_is_not_under_its_host_s_negation():
    assert _fact(_ratify("would", neg=True, comma=True), "accusing") == "asserted"


def test_a_participle_shares_its_host_s_modal_and_unseparated_its_negation():
    assert _fact(_ratify("will", neg=False, comma=True), "accusing") == "future"
    assert _fact(_ratify("would", neg=True, comma=False), "accusing") == "negated"


def _after(verb: str, prep: str, tag: str) -> Doc:
    """ "He <verb> reporters <prep> the meeting ." ("meeting" as a ``tag``)"""
    return _doc([
        ("He", 1, "nsubj", "PRP", "PRON"), (verb, 1, "ROOT", "VBD", "VERB"),
        ("reporters", 1, "dobj", "NNS", "NOUN"), (prep, 1, "prep", "IN", "ADP"),
        ("the", 5, "det", "DT", "DET"),
        ("meeting", 3, "pobj" if tag == "NN" else "pcomp", tag, "NOUN" if tag == "NN" else "VERB"),
        (".", 1, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_the_setting_of_a_verb_is_not_what_it_asks_for():
    assert _fact(_after("told", "after", "NN"), "meeting") == "asserted"
    assert _fact(_after("urged", "during", "NN"), "meeting") == "asserted"
    assert _fact(_after("urged", "at", "NN"), "meeting") == "asserted"


def test_a_content_preposition_still_takes_what_its_verb_asks_for():
    assert _fact(_after("urged", "for", "NN"), "meeting") == "hypothetical"
    assert _fact(_after("aimed", "at", "VBG"), "meeting") == "future"


def _pledge(second_to: bool, dep: str) -> Doc:
    """ "Sweden pledged not to support the PKK , [to] lift restrictions ." """
    rows = [
        ("Sweden", 1, "nsubj", "NNP", "PROPN"), ("pledged", 1, "ROOT", "VBD", "VERB"),
        ("not", 4, "neg", "RB", "PART"), ("to", 4, "aux", "TO", "PART"),
        ("support", 1, "xcomp", "VB", "VERB"), ("the", 6, "det", "DT", "DET"),
        ("PKK", 4, "dobj", "NNP", "PROPN"), (",", 4, "punct", ",", "PUNCT"),
    ]  # fmt: skip
    lift = len(rows) + second_to
    if second_to:
        rows.append(("to", lift, "aux", "TO", "PART"))
    rows += [("lift", 4, dep, "VB", "VERB"), ("restrictions", lift, "dobj", "NNS", "NOUN"),
             (".", 1, "punct", ".", "PUNCT")]  # fmt: skip
    return _doc(rows)


def test_an_infinitive_listed_with_its_own_to_escapes_the_first_one_s_negation():
    assert _fact(_pledge(second_to=True, dep="advcl"), "lift") == "future"
    assert _fact(_pledge(second_to=True, dep="conj"), "lift") == "future"


def test_an_infinitive_sharing_the_first_one_s_to_shares_its_negation():
    assert _fact(_pledge(second_to=False, dep="conj"), "lift") == "negated"


def _ordered(verb: str) -> Doc:
    """ "Estonia <verb> a diplomat to leave , accusing him ." """
    return _doc([
        ("Estonia", 1, "nsubj", "NNP", "PROPN"), (verb, 1, "ROOT", "VBD", "VERB"),
        ("a", 3, "det", "DT", "DET"), ("diplomat", 1, "dobj", "NN", "NOUN"),
        ("to", 5, "aux", "TO", "PART"), ("leave", 1, "xcomp", "VB", "VERB"),
        (",", 5, "punct", ",", "PUNCT"), ("accusing", 5, "advcl", "VBG", "VERB"),
        ("him", 7, "dobj", "PRP", "PRON"), (".", 1, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_a_participle_hung_on_what_was_ordered_belongs_beside_the_order():
    doc = _ordered("ordered")
    assert directive_beside(doc[7], LEX.object_control, LEX.embedding) == doc[1]
    assert _fact(doc, "accusing") == "asserted"


def test_a_participle_under_a_verb_that_asks_for_nothing_stays_where_it_is():
    doc = _ordered("forced")
    assert directive_beside(doc[7], LEX.object_control, LEX.embedding) is None
    assert directive_beside(doc[5], LEX.object_control, LEX.embedding) is None


def _control(verb: str) -> Doc:
    """ "Protests <verb> Rajapaksa to resign ." """
    return _doc([
        ("Protests", 1, "nsubj", "NNS", "NOUN"), (verb, 1, "ROOT", "VBD", "VERB"),
        ("Rajapaksa", 1, "dobj", "NNP", "PROPN"), ("to", 4, "aux", "TO", "PART"),
        ("resign", 1, "xcomp", "VB", "VERB"), (".", 1, "punct", ".", "PUNCT"),
    ])  # fmt: skip


def test_what_force_embeds_happens_what_invite_and_tell_embed_is_asked_for():
    assert _fact(_control("forced"), "resign") == "asserted"
    assert _fact(_control("invited"), "resign") == "hypothetical"
    assert _fact(_control("told"), "resign") == "hypothetical"
    assert _fact(_control("urged"), "resign") == "hypothetical"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Kenya accused Somalia of sheltering the militants, a charge Mogadishu denies.",
         "accused", "asserted"),
        ("Chile said on Monday that it would not sign the accord in its current form, accusing "
         "Peru of breaking earlier promises.", "accusing", "asserted"),
        ("Weeks of street protests forced the prime minister of Peru to resign.", "resign",
         "asserted"),
        ("The Kenyan foreign minister said he had invited his Ethiopian counterpart to visit "
         "Nairobi.", "visit", "hypothetical"),
        ("The Greek minister told reporters after the meeting with his Turkish counterpart "
         "that the talks had been frank.", "meeting", "asserted"),
    ],
)  # fmt: skip
def test_verbs_around_the_event_that_do_not_reach_it(extractor, text, trigger, expected):
    found = by_trigger(events(extractor, text), trigger)
    assert found and all(e.factuality == expected for e in found)


@pytest.mark.model
def test_who_accuses_beside_an_expulsion_order(extractor):
    text = ("Lithuania ordered a Belarusian diplomat to leave the country within three days, "
            "accusing him of spying.")  # fmt: skip
    found = by_trigger(events(extractor, text), "accusing")
    assert found and all(codes(e.actor) == {"LTU"} for e in found)
    assert all(e.factuality == "asserted" for e in found)
