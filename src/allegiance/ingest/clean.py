"""Text cleaning: Unicode and whitespace normalised, page furniture ("ALSO READ: ...") removed.

The result keeps one paragraph per line (paragraphs joined by a single ``"\\n"``), so character
offsets into it are stable and sentence splitting never runs across a paragraph break.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and invisible formatting characters, removed outright.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e"))
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_CONTROL = re.compile(r"[\x00-\x09\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls but for \n
_HSPACE = re.compile(r"[^\S\n]+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_NEWLINES = re.compile(r"\s*\n\s*")

_HEADER_WORDS = (
    r"also read|read also|read more|more to read|related(?: (?:stories|articles|coverage|content"
    r"|news|posts|reading|topics))?|recommended(?: (?:stories|articles|reading|for you))?"
    r"|see also|more on this(?: story)?|you (?:may|might) also like|trending(?: now)?|most read"
    r"|most popular|don't miss|editor's picks"
)
# A header standing alone ("ALSO READ:", "Related stories", "READ MORE »"): may introduce a teaser.
_HEADER = re.compile(rf"^(?:{_HEADER_WORDS})\s*[:：|»>…-]*$", re.IGNORECASE)
# A header with its teaser on the same line ("Read more: Talks stall in Geneva").
_INLINE_HEADER = re.compile(rf"^(?:{_HEADER_WORDS})\s*[:：|»>–—-]\s*\S", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:"
    r"share (?:this|on|via)\b|share$"
    r"|follow (?:us|[\w.@ ]{1,40}) on\b|follow us\W*$"
    r"|subscribe(?: now)? (?:to|for)\b|subscribe(?: now| today| here)?\W*$"
    r"|sign up (?:for|to)\b|sign up(?: now| today| here)?\W*$"
    r"|click here\b"
    r"|(?:©|\(c\) ?\d{4}|copyright ?(?:©|\(c\)|\d{4}))"
    r"|.*\ball rights reserved\.?$"
    r"|(?:skip |story continues below )?advertisement\W*$|advert$|sponsored(?: content)?$"
    r")",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 25
MAX_TEASER_WORDS = 20
MAX_TEASER_LINES = 3
_LIST_ITEM = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s")
_WRAPPED_LINE_MAX = 100  # lines of hard-wrapped text are shorter than this


def normalise_whitespace(text: str) -> str:
    """NFC, invisible characters removed, line breaks as ``\\n``, runs of spaces as one space."""
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text)
    text = _HSPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text.

    Text with blank lines between paragraphs may be hard-wrapped: the short lines of such a block
    are joined into one paragraph (list items and furniture headers stay lines of their own).
    Otherwise every non-blank line is a paragraph.
    """
    if not _BLANK_LINE.search(text):
        return [line for line in text.split("\n") if line]
    result: list[str] = []
    for block in _BLANK_LINE.split(text):
        result.extend(_unwrap(block.strip("\n").split("\n")))
    return [p for p in result if p]


def _unwrap(lines: list[str]) -> list[str]:
    if any(len(line) > _WRAPPED_LINE_MAX for line in lines[:-1]):
        return lines  # long lines: one paragraph per line already
    result: list[str] = []
    joinable = False
    for line in lines:
        standalone = bool(_LIST_ITEM.match(line) or _HEADER.match(line))
        if joinable and not standalone and result:
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
        joinable = not _HEADER.match(line)
    return result


def is_furniture(paragraph: str) -> bool:
    """A paragraph that is page furniture, not article text."""
    if len(paragraph.split()) > MAX_FURNITURE_WORDS:
        return False
    return bool(
        _HEADER.match(paragraph) or _INLINE_HEADER.match(paragraph) or _FURNITURE.match(paragraph)
    )


def is_headline_like(paragraph: str) -> bool:
    """Short and unlike a sentence of running text: no final full stop, or mostly capitalised."""
    words = paragraph.split()
    if not words or len(words) > MAX_TEASER_WORDS:
        return False
    if not paragraph.rstrip("\"'”’)]").endswith("."):
        return True
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return capitalised / len(words) >= 0.6


def strip_furniture(paras: list[str]) -> list[str]:
    """Paragraphs without furniture, and without the teaser headline(s) after a bare header."""
    kept: list[str] = []
    teaser_left = 0
    for para in paras:
        if teaser_left and is_headline_like(para) and not _HEADER.match(para):
            teaser_left -= 1
            continue
        teaser_left = MAX_TEASER_LINES if _HEADER.match(para) else 0
        if not is_furniture(para):
            kept.append(para)
    return kept


def clean_text(text: str) -> str:
    """Article text ready for NLP: normalised, furniture removed, one paragraph per line."""
    return "\n".join(strip_furniture(paragraphs(normalise_whitespace(text))))


_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "header", "footer", "figcaption", "pre", "ul", "ol", "table", "dd", "dt", "hr",
)  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "object", "form")


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML snippet (an RSS summary, a feed entry's content), paragraphs kept."""
    if "<" not in fragment:
        return _unescape(fragment)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _unescape(re.sub(r"<[^>]*>", " ", fragment))
    lxml.etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return _NEWLINES.sub("\n", str(root.text_content())).strip()


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)
