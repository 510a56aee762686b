"""Sentences and phrases that tell no event however their words read: questions, and remarks
about an eventive noun."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.participants import sentence_span


def asked(token: Token) -> bool:
    """A question asserts no event ("what position does it put the U.S. in in terms of
    defending Taiwan?"): the sentence ends with a question mark."""
    words = (t for t in reversed(sentence_span(token)) if not (t.is_quote or t.is_space))
    last = next(words, None)
    return last is not None and last.text == "?"


def commented_on(noun: Token) -> bool:
    """ "China's support for Russia balances out U.S. power": an eventive noun that is the
    subject of a present-tense remark about it is commentary, not a happening."""
    head = noun.head
    return noun.dep_ == "nsubj" and head.tag_ in {"VBZ", "VBP"} and head.lemma_ != "be"
