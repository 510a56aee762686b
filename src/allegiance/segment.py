"""Sentence starts the parser must respect: a blank line, the line break after a title, or the
end of a subheading run into the text.

The small parser glues a headline to the first sentence of the body ("Germany pledges aid to
Ukraine\\nBerlin has given ..."), and the same mention then turns up as actor and recipient of
one event. :func:`line_starts` marks the first token after a blank line, or after a title line
(a paragraph's single short line that does not end like a sentence or like a wrapped line,
followed by a capitalised line), as a sentence start; the parser keeps such starts.

A lone capital letter closing a sentence after a lower-case word ("a statement posted on X.")
ends it: the tokenizer reads "X." as an initial.

Web text often loses the line break after a subheading: "... in the region.” Media outlets
closed On another front, NISA said ...". A run of at most six words after a sentence end,
followed by a capitalised word that opens clauses and is never capitalised inside one ("On",
"Since", "While", "According"), is such a subheading: the opener starts a sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "allegiance_lines"
SENTENCE_END = frozenset('.!?:;"”’)')
# a hard-wrapped line often breaks after these: such a line is not a title
WRAP_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
    "to", "with", "who", "which", "that", "than",
})  # fmt: skip
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
OPENERS = (
    "On|In|At|For|After|Before|During|With|While|When|Since|But|And|Meanwhile|However|Earlier|"
    "Later|Last|Separately|Still|Yet|Despite|Although|Under|Over|According"
)
RUN_IN_SUBHEAD = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))[A-Za-z][\w'’-]*(?:[ ]+[A-Za-z][\w'’-]*){0,5}[ ]+"
    r"(?=(?:" + OPENERS + r")\b)"
)
# "posted on X. Militants attacked": the tokenizer keeps "X." as one token, an initial, and
# the parser runs on; a lone capital after a lower-case word is no initial ("George W. Bush").
LETTER_AT_END = re.compile(r"\b[a-z]+ [A-Z]\.[ ]+(?=[A-Z][a-z])")
TITLE_WORDS = 20


def _title_line(line: str, following: str) -> bool:
    words = line.split()
    if not words or len(words) > TITLE_WORDS or line.rstrip()[-1] in SENTENCE_END:
        return False
    if words[-1].lower() in WRAP_WORDS or line.rstrip().endswith(","):
        return False
    return following[:1].isupper() or following[:1].isdigit()


def break_offsets(text: str) -> list[int]:
    """Character offsets where a new sentence must start: after blank lines and titles."""
    offsets = [m.end() for m in BLANK_LINE.finditer(text)]
    offsets += [m.end() for m in RUN_IN_SUBHEAD.finditer(text)]
    offsets += [m.end() for m in LETTER_AT_END.finditer(text)]
    lines = text.split("\n")
    start = 0
    for n, line in enumerate(lines[:-1]):
        after = start + len(line) + 1
        opens_paragraph = n == 0 or not lines[n - 1].strip()
        if opens_paragraph and _title_line(line, lines[n + 1].lstrip()):
            offsets.append(after + len(lines[n + 1]) - len(lines[n + 1].lstrip()))
        start = after
    return sorted(set(offsets))


def line_starts(doc: Doc) -> list[int]:
    """Token indices that must begin a sentence (the first non-space token at each offset)."""
    out = []
    for offset in break_offsets(doc.text):
        span = doc.char_span(offset, len(doc.text), alignment_mode="expand")
        if span is None:
            continue
        tok = next((t for t in span if not t.is_space), None)
        if tok is not None and tok.i > 0:
            out.append(tok.i)
    return out


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    """Doc -> Doc: sentence starts at blank lines and after title lines (before the parser)."""
    for i in line_starts(doc):
        doc[i].is_sent_start = True
    return doc


def add_to_pipeline(nlp: Language) -> None:
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
