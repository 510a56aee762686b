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
"Since", "While", "According"), or by "The" or "An" before a lower-case word ("Chinese demand
The changes in ..."; not "A", which ends names: "Series A round"), is such a subheading: the
opener starts a sentence. Where
no such opener follows ("... to justice. International reaction A U.S. State Department
spokesperson urged ..."), the tagger decides: a run of two to five nouns and adjectives after
a sentence end, ending in a lower-case common noun, before a capitalised determiner or
pronoun, or ending in an abstract noun before any capitalised word ("Indian reluctance
Richard Weitz ... told VOA"); an "of" may join the run ("Review of relations Mahathir's
government froze"), then only a plural ends it before a name ("Minister of defence Ben
Wallace said" is no subheading). A role before a name ("Team principal Luca Ferretti said",
"Rebel movement M23 said") is no subheading.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

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
    "Later|Last|Separately|Still|Yet|Despite|Although|Under|Over|According|Beyond|"
    # words that open a sentence and are never capitalised inside a name ("Without" is:
    # "Reporters Without Borders")
    "Shortly|Also|Now|Then|Recently|Previously|Instead|Speaking|Asked|Following|Amid|As|If|"
    "Until|Throughout|It|He|She|They|We|His|Her|Their|Its|There|This|These|Those|Both|"
    "Between|Even|Though|Among|Because|Once|Unlike"
)
RUN_IN_SUBHEAD = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))[A-Za-z][\w'’-]*(?:[ ]+[A-Za-z][\w'’-]*){0,5}[ ]+"
    r"(?=(?:" + OPENERS + r")\b|(?:The|An)[ ]+[a-z])"
)
# an interview's speaker label: "... Taiwan? Armitage: Probably the Russia attack ...",
# "VOA: Russia's President Vladimir Putin recently visited China": the label is no subject
SPEAKER_LABEL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?:[ ]+(?=[A-Z\"“])"
)
# "posted on X. Militants attacked": the tokenizer keeps "X." as one token, an initial, and
# the parser runs on; a lone capital after a lower-case word is no initial ("George W. Bush").
LETTER_AT_END = re.compile(r"\b[a-z]+ [A-Z]\.[ ]+(?=[A-Z][a-z])")
TITLE_WORDS = 20
RUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "HYPH", "POS", "CD"})
STARTER_TAGS = frozenset({"DT", "PRP", "PRP$"})
RUN_JOINS = frozenset({"of", "and"})
NAME_FOLLOWERS = frozenset({"POS", "VBD", "VBZ", "VBP", "MD"})
GERUND_PHRASE_TAGS = frozenset({"DT", "IN", "TO", "PRP$"})
CALENDAR = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
})  # fmt: skip
# plurals of people news capitalises only at a sentence's start
PEOPLE_PLURALS = frozenset({
    "officials", "authorities", "analysts", "experts", "residents", "lawmakers", "critics",
    "protesters", "witnesses", "diplomats", "observers", "activists",
})  # fmt: skip
ABSTRACT = re.compile(r"(ance|ence|ion|ment|ness|ism)s?$")
# nouns of that form that name a body or a person, and so may stand before a name
BODIES = frozenset({
    "union", "commission", "mission", "delegation", "coalition", "opposition", "organisation",
    "organization", "federation", "association", "corporation", "institution", "administration",
    "division", "battalion", "legion", "confederation", "foundation", "nation", "champion",
    "companion", "government", "department", "movement", "parliament", "establishment",
    "regiment", "management", "agency", "television", "station", "publication", "region",
})  # fmt: skip


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
    offsets += [m.end() for m in SPEAKER_LABEL.finditer(text)]
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


def subheading_ends(doc: Doc) -> list[int]:
    """Token indices that open the sentence after a run-in subheading the tagger shows."""
    out = []
    for i in range(1, len(doc)):
        if doc[i].text[:1].isupper() and _after_sentence_end(doc, i):
            end = _subheading_end(doc, i)
            if end is not None:
                out.append(end)
    return out


def _after_sentence_end(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    if prev.is_quote and i > 1:
        prev = doc[i - 2]
    return prev.text in {".", "!", "?"}


def _subheading_end(doc: Doc, start: int) -> int | None:
    if _one_word_heading(doc, start):
        return start + 1
    gerund = doc[start].tag_ == "VBG"  # "Helping newcomers Wu said ...": no comma after it
    for end in range(start + 2, min(start + 6, len(doc))):
        last, after = doc[end - 1], doc[end]
        run = doc[start + 1 : end]
        if not all(_in_run(t, gerund=gerund, before=after) or _headline_verb(t) for t in run):
            return None
        if not after.text[:1].isupper() or not last.text[:1].islower():
            continue
        if _common_noun(last) and (_a_day_owning(after) or _nationality_before_people(after)):
            return end
        if not _common_noun(last) and not _plural_before_a_determiner(last, after):
            continue
        # "Review of relations Mahathir's government ...", not "Minister of defence Ben Wallace"
        of_run = any(t.text.lower() == "of" for t in doc[start + 1 : end])
        abstract = ABSTRACT.search(last.text) and (not of_run or last.tag_ == "NNS")
        if after.tag_ in STARTER_TAGS or abstract or _plural_before_a_name(last, after):
            return end
    return None


def _one_word_heading(doc: Doc, start: int) -> bool:
    """ "Reaction Officials have not responded": a one-word heading before a plural of people
    that only a sentence's start capitalises."""
    if start + 2 >= len(doc) or doc[start].tag_ not in {"NN", "NNP"}:
        return False
    after = doc[start + 1]
    if not after.text[:1].isupper() or after.lower_ not in PEOPLE_PLURALS:
        return False
    return doc[start + 2].tag_ in {"VBP", "VBD", "MD"}


def _headline_verb(token: Token) -> bool:
    """ "India backs Chagos handover": a heading's present-tense verb right after its subject."""
    return token.tag_ == "VBZ" and token.i >= 1 and token.nbor(-1).tag_ == "NNP"


def _a_day_owning(token: Token) -> bool:
    """ "Blaming neighbors Tuesday's attack marked ...": a day or month that owns something
    opens a sentence; one after a subject dates it ("officials Tuesday said")."""
    following = _next_token(token)
    return token.text in CALENDAR and following is not None and following.tag_ == "POS"


def _nationality_before_people(token: Token) -> bool:
    """ "India backs Chagos handover Indian officials have said": a nationality before a
    plural noun right after a common noun opens a sentence."""
    following = _next_token(token)
    return token.tag_ == "JJ" and following is not None and following.tag_ == "NNS"


def _in_run(token: Token, *, gerund: bool, before: Token) -> bool:
    """A word a subheading's run may hold: nouns and adjectives, "of" and "and" between them
    ("Jobs and savings"), the little words of a gerund's phrase ("Putting an end to the
    trade"), and a plural the tagger took for a verb before "The" ("BLA surges The United
    States ...")."""
    lower = token.text.lower()
    if token.tag_ in RUN_TAGS or lower in RUN_JOINS:
        return True
    if gerund and token.tag_ in GERUND_PHRASE_TAGS:
        return True
    return _plural_before_a_determiner(token, before)


def _plural_before_a_determiner(token: Token, before: Token) -> bool:
    return token.tag_ == "VBZ" and token.text.endswith("s") and before.tag_ == "DT"


def _plural_before_a_name(last: Token, after: Token) -> bool:
    """ "Weak core subjects Math was ...", "Old friends Malaysia's former prime minister": a
    plural before a one-word name that owns something or does something; not names set
    beside a role ("Council members Greece, Panama and South Korea"), nor the day or month
    news puts after a subject ("Afghan officials Tuesday said")."""
    if last.tag_ != "NNS" or after.tag_ not in {"NNP", "NNPS"} or after.text in CALENDAR:
        return False
    following = _next_token(after)
    return following is not None and following.tag_ in NAME_FOLLOWERS


def _next_token(token: Token) -> Token | None:
    return token.nbor() if token.i + 1 < len(token.doc) else None


def _common_noun(token: Token) -> bool:
    return token.tag_ in {"NN", "NNS"} and token.text.lower() not in BODIES


@Language.component(COMPONENT, requires=["token.tag"], assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    """Doc -> Doc: sentence starts at blank lines, after title lines and after run-in
    subheadings (before the parser)."""
    for i in (*line_starts(doc), *subheading_ends(doc)):
        doc[i].is_sent_start = True
    return doc


# "U.S.-Ukraine talks", "the U.S.-EU deal": the tokenizer splits a hyphen between letters
# ("Russia-Ukraine") but not after an initialism's period. Only a capital after the hyphen
# starts a second name; "U.S.-backed" stays one word (a maker, read whole elsewhere).
STATE_PAIR_HYPHEN = r"(?<=[A-Z]\.)[-–](?=[A-Z])"


def split_state_pairs(nlp: Language) -> None:
    """Make the tokenizer split "U.S.-Ukraine" into "U.S.", "-", "Ukraine" as it splits
    "Russia-Ukraine"."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    pattern = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or STATE_PAIR_HYPHEN in pattern:
        return
    tokenizer.infix_finditer = re.compile(f"{pattern}|{STATE_PAIR_HYPHEN}").finditer


def add_to_pipeline(nlp: Language) -> None:
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
