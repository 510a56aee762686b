"""Sentence records: offsets and text agree, and a paragraph's line break is not kept."""

from __future__ import annotations

import spacy

from allegiance.doc import sentence_record


def test_line_break_at_the_end_of_a_paragraph_is_trimmed() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Kyiv asked for help.\nBerlin sent tanks.  \n"
    doc = nlp(text)
    records = [sentence_record(i, s) for i, s in enumerate(doc.sents)]
    # the blank pipeline starts the second sentence at the line break; a final blank is empty
    assert [r.text for r in records if r.text] == ["Kyiv asked for help.", "Berlin sent tanks."]
    for record in records:
        assert text[record.start : record.end] == record.text
