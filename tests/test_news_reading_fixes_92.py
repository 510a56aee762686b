"""Reading fixes of the ninety-second change (issue 13): warnings of how things are, headings
run into the text, and drills the parser hung on a participle.

- "warning that Afghanistan's economy was close to collapse": a warning whose clause tells how
  things are threatens no one; "warned that it was prepared to impose sanctions" and "warned
  that there would be consequences" still do.
- "Reaction Officials have not responded", "India backs Chagos handover Indian officials have
  said", "Blaming neighbors Tuesday's attack marked": a heading run into the text ends before
  the sentence it heads.
- "China conducted the military drills encircling Taiwan": the parser reads the drills as the
  subject of "encircling"; they are what China conducted, and Taiwan, which they encircle, is
  the recipient.

Through the whole pipeline on sentences written by us.
"""

from __future__ import annotations

import pytest

from allegiance.models import Article
from event_helpers import codes, events, the_event


@pytest.mark.model
def test_a_warning_of_how_things_are_is_no_threat(every_candidate):
    for text in (
        "Pakistan's foreign minister urged the world to engage with Kabul, warning that "
        "Afghanistan's economy was close to collapse.",
        "Blinken warned that Russian troops were often hard to dislodge once they had arrived.",
    ):
        assert not [e for e in events(every_candidate, text) if e.event == "THREATEN"]
    for text in (
        "The United States warned that it was prepared to impose sanctions on Somali officials.",
        "Rubio warned Caracas that there would be consequences if Venezuela attacked Guyana.",
    ):
        assert the_event(every_candidate, text, "warned").event == "THREATEN"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "heading", "opening"),
    [
        ("The group gave the authorities 48 hours to comply. Reaction Officials have not "
         "publicly responded to the demands.", "Reaction", "Officials"),
        ("Mohan wrote in the Indian Express newspaper. India backs Chagos handover Indian "
         "officials have also said that New Delhi would support the deal.",
         "India backs Chagos handover", "Indian"),
        ("Islamabad voiced concern over the rise in attacks. Blaming neighbors Tuesday's attack "
         "marked a dramatic escalation.", "Blaming neighbors", "Tuesday"),
    ],
)  # fmt: skip
def test_a_heading_run_into_the_text_ends_before_its_sentence(
    every_candidate, text, heading, opening
):
    doc = every_candidate.nlp(every_candidate.make_doc(Article(id="t", text=text)))
    starts = [s for s in doc.sents if s.text.startswith(heading)]
    assert starts and starts[0].text.strip() == heading
    assert any(s[0].text == opening for s in doc.sents)


@pytest.mark.model
def test_drills_the_parser_hung_on_a_participle_encircle_their_target(every_candidate):
    text = "After Lai took office, China conducted the military drills encircling Taiwan."
    conducted = the_event(every_candidate, text, "conducted")
    assert conducted.event == "MOBILIZE"
    assert codes(conducted.actor) == {"CHN"}
    assert codes(conducted.recipient) == {"TWN"}


@pytest.mark.model
def test_an_arrest_named_again_is_one_record(extractor, shared_dir):
    """A VOA dev story tells one arrest, then names it again ("his client's
    arrest"): the story keeps one COERCE record of Zimbabwe against the journalist, its first
    telling."""
    from allegiance.evaluate_docs import read_articles

    stories = read_articles(shared_dir / "news" / "voa" / "voa_stories.jsonl")
    story = next(a for a in stories if a.id == "8008998")
    found = extractor.extract_one(story).events
    arrests = [
        e for e in found
        if e.event == "COERCE" and e.factuality == "asserted"
        and codes(e.actor) == {"ZWE"} and codes(e.recipient) == {"ZWE"}
    ]  # fmt: skip
    assert [e.trigger.text for e in arrests] == ["arrested"]
