"""Article construction shared by every reader: clean text, id, date, language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from allegiance.errors import SourceError
from allegiance.ingest.clean import clean_text as _clean
from allegiance.ingest.clean import normalise_whitespace
from allegiance.ingest.ids import article_id, normalise_text
from allegiance.ingest.lang import detect_language
from allegiance.ingest.options import ReadOptions
from allegiance.models import Article


@dataclass(frozen=True, slots=True)
class Meta:
    """What a source says about an article besides its text."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None


def one_line(value: object) -> str | None:
    """A metadata value as a single clean line, or None when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v)
    text = " ".join(normalise_whitespace(str(value)).split())
    return text or None


def make_article(text: str, meta: Meta, *, source: str, options: ReadOptions) -> Article:
    """An Article from raw text and metadata; :class:`SourceError` when no text is left."""
    title = one_line(meta.title)
    body = _drop_leading_title(_clean(text), title)
    if not body:
        raise SourceError(source, "no article text")
    return Article(
        id=article_id(body, one_line(meta.id)),
        text=body,
        title=title,
        url=one_line(meta.url),
        published=meta.published or options.default_published,
        source=source,
        lang=detect_language(body),
        author=one_line(meta.author),
    )


def _drop_leading_title(body: str, title: str | None) -> str:
    """Remove a first paragraph that repeats the title (HTML extractors keep the <h1>)."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if rest and normalise_text(first) == normalise_text(title):
        return rest
    return body
