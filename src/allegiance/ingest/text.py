"""Plain text and Markdown files: one article per file."""

from __future__ import annotations

import re
from typing import Any

from allegiance.ingest.build import Meta, make_article, one_line
from allegiance.ingest.clean import is_headline_like, normalise_whitespace
from allegiance.ingest.dates import parse_date
from allegiance.ingest.decode import decode_bytes
from allegiance.ingest.options import Items, ReadOptions

MAX_TITLE_WORDS = 20
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_MD_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"^(?:```|~~~).*$", re.M), ""),  # code fences (their content stays)
    (re.compile(r"^ {0,3}(?:[-*_] *){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> their text
    (re.compile(r"^ {0,3}> ?", re.M), ""),  # block quotes
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6} +(.*?)(?: +#+)? *$")
_MD_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)]) +")
_H1 = re.compile(r"^ {0,3}# +(.+?)(?: +#+)? *$", re.M)


def read_text(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """A .txt file: the first line is the title when it is short and looks like a headline."""
    text = normalise_whitespace(decode_bytes(data, source=source))
    title, body = split_title(text)
    yield make_article(body, Meta(title=title), source=source, options=options)


def split_title(text: str) -> tuple[str | None, str]:
    first, _, rest = text.partition("\n")
    short = len(first.split()) <= MAX_TITLE_WORDS
    unfinished = first.rstrip().endswith((".", ",", ";", ":"))
    if rest.strip() and short and not unfinished and is_headline_like(first):
        return first.strip(), rest
    return None, text


def read_markdown(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """A .md file: YAML front matter and the first ``# `` heading give the metadata."""
    text = normalise_whitespace(decode_bytes(data, source=source))
    front, text = _front_matter(text)
    title = front.get("title")
    if title is None:
        match = _H1.search(text)
        if match:
            title = match.group(1)
            text = text[: match.start()] + text[match.end() :]
    meta = Meta(
        id=one_line(front.get("id")),
        title=one_line(title),
        url=one_line(front.get("url") or front.get("link")),
        published=parse_date(front.get("published") or front.get("date")),
        author=one_line(front.get("author")),
    )
    yield make_article(markdown_to_text(text), meta, source=source, options=options)


def markdown_to_text(text: str) -> str:
    """Markdown syntax removed; one paragraph per line (blocks, headings and list items)."""
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    paras: list[str] = []
    joinable = False
    for line in text.split("\n"):
        heading = _MD_HEADING.match(line)
        item = _MD_ITEM.match(line)
        if heading or item or not line.strip() or not joinable:
            paras.append(heading.group(1) if heading else line[item.end() :] if item else line)
        else:
            paras[-1] = f"{paras[-1]} {line.strip()}"
        joinable = bool(line.strip()) and not heading
    return "\n".join(p.strip() for p in paras if p.strip())


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        front = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    return (front if isinstance(front, dict) else {}), text[match.end() :]
