"""Reading fixes of the eighty-sixth change (issue 13): who a name or a pronoun is, who hosts,
and who a rejected criticism came from.

- A lone word repeating the *first* word of a person named in full earlier is that person
  ("Abiy" after "Ethiopian Prime Minister Abiy Ahmed"), as the last word already was.
- A pronoun subject of a sentence told before its teller ("He urged ..., a spokesman for his
  office said") goes on with the subject of the sentence before, as a main-clause one does.
- A hosting still to come ("will host", "is ready to host") is the host's promise (AGREE, the
  host its actor); a hosting done is the guests' visit.
- "rejected the criticism and accused London and Washington of ...": the accused are who made
  the criticism answered.

Through the whole pipeline on sentences written by us, and the pure parts on hand-built parses.
"""

from __future__ import annotations

import pytest

from allegiance.actors.coref import leads_its_sentence
from event_helpers import by_trigger, codes, events, hand_parsed, the_event

# He urged talks , aides said .
TOLD_AFTER_ROWS = [
    ("He", 1, "nsubj", "PRP", "PRON"),
    ("urged", 5, "ccomp", "VBD", "VERB"),
    ("talks", 1, "dobj", "NNS", "NOUN"),
    (",", 5, "punct", ",", "PUNCT"),
    ("aides", 5, "nsubj", "NNS", "NOUN"),
    ("said", 5, "ROOT", "VBD", "VERB"),
    (".", 5, "punct", ".", "PUNCT"),
]


def test_a_clause_told_before_its_tellerleads_its_sentence():
    doc = hand_parsed(TOLD_AFTER_ROWS, lemmas={"said": "say", "urged": "urge"})
    assert leads_its_sentence(doc[1])


def test_a_clause_told_after_its_teller_does_not_lead():
    # Aides said he urged talks .
    rows = [
        ("Aides", 1, "nsubj", "NNS", "NOUN"),
        ("said", 1, "ROOT", "VBD", "VERB"),
        ("he", 3, "nsubj", "PRP", "PRON"),
        ("urged", 1, "ccomp", "VBD", "VERB"),
        ("talks", 3, "dobj", "NNS", "NOUN"),
        (".", 1, "punct", ".", "PUNCT"),
    ]
    doc = hand_parsed(rows, lemmas={"said": "say", "urged": "urge"})
    assert not leads_its_sentence(doc[3])


@pytest.mark.model
def test_a_first_name_alone_is_the_person_named_in_full(every_candidate):
    text = (
        "Ethiopian Prime Minister Abiy Ahmed arrived in Juba on Monday for talks on the crisis. "
        "Abiy then flew to Khartoum and held talks with General Abdel Fattah al-Burhan, who "
        "heads the army."
    )
    talks = by_trigger(events(every_candidate, text), "held talks")
    assert [codes(t.actor) | codes(t.recipient) for t in talks] == [{"ETH", "SDN"}]


@pytest.mark.model
def test_he_told_before_its_teller_goes_on_with_the_last_subject(every_candidate):
    text = (
        "Ethiopian Prime Minister Abiy Ahmed flew to Khartoum on Monday and held talks with "
        "General Abdel Fattah al-Burhan, who heads the army. He urged the army to return to "
        "the negotiating table, a spokesman for his office said."
    )
    urged = the_event(every_candidate, text, "urged")
    assert codes(urged.actor) == {"ETH"}


@pytest.mark.model
def test_a_hosting_to_come_is_the_hosts_promise(every_candidate):
    for text in (
        "Indonesia will host Malaysia's foreign minister in Jakarta next month.",
        "Indonesia is ready to host Malaysia's foreign minister.",
    ):
        host = the_event(every_candidate, text, "host")
        assert (codes(host.actor), codes(host.recipient)) == ({"IDN"}, {"MYS"}), text


@pytest.mark.model
def test_a_hosting_done_is_the_guests_visit(every_candidate):
    text = "Indonesia hosted Malaysia's foreign minister in Jakarta on Monday."
    hosted = the_event(every_candidate, text, "hosted")
    assert (codes(hosted.actor), codes(hosted.recipient)) == ({"MYS"}, {"IDN"})


@pytest.mark.model
def test_the_accused_in_the_same_breath_made_the_criticism_rejected(every_candidate):
    text = (
        "Serbia's foreign ministry rejected the criticism and accused Berlin and Paris of "
        "meddling in its affairs."
    )
    rejected = the_event(every_candidate, text, "rejected")
    assert codes(rejected.recipient) == {"DEU", "FRA"}
    alone = "Serbia's foreign ministry rejected the criticism, saying the vote was fair."
    assert not the_event(every_candidate, alone, "rejected").recipient
