"""Bytes -> text: the encoding comes from a BOM, a declared charset, or detection.

UTF-8 is tried strictly (it almost never decodes text that is not UTF-8), but never assumed:
anything that is not valid UTF-8 goes to charset-normalizer.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from allegiance.errors import SourceError

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# Labels that browsers (and so web pages) mean as Windows-1252.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "ascii", "us-ascii"}
)
SNIFF_BYTES = 4096
_PREFERRED = ("cp1252",)  # news in Western European languages is the common case
MIN_PRINTABLE = 0.95


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first few KB, if any."""
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode ``data``; raise :class:`SourceError` for empty, binary or undecodable input.

    ``declared`` is a charset named outside the bytes (an HTTP header, a meta tag); it is used
    only when the bytes decode cleanly with it.
    """
    if not data.strip():
        raise SourceError(source, "empty file")
    text = _decode(data, source=source, declared=declared)
    if not text.strip():
        raise SourceError(source, "empty file")
    if _printable_ratio(text) < MIN_PRINTABLE:
        raise SourceError(source, "binary file")
    return text.removeprefix("\ufeff")


def _decode(data: bytes, *, source: str, declared: str | None) -> str:
    bom = bom_encoding(data)
    if bom:
        return data[len(codecs.BOM_UTF8) if bom == "utf-8" else 0 :].decode(bom, errors="replace")
    if b"\x00" in data[:SNIFF_BYTES]:
        return _decode_utf16_without_bom(data, source=source)
    for encoding in (declared, "utf-8"):
        text = _try_decode(data, encoding)
        if text is not None:
            return text
    return _detect(data, source=source)


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    if encoding.lower() in _WINDOWS_1252_LABELS:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_utf16_without_bom(data: bytes, *, source: str) -> str:
    """UTF-16 text of mostly Latin script has a NUL in every other byte; anything else is binary."""
    head = data[:SNIFF_BYTES]
    pairs = max(len(head) // 2, 1)
    odd_zeros = head[1::2].count(0) / pairs
    even_zeros = head[0::2].count(0) / pairs
    candidates = ((odd_zeros, even_zeros, "utf-16-le"), (even_zeros, odd_zeros, "utf-16-be"))
    for zeros, other, encoding in candidates:
        if zeros > 0.4 and other < 0.05:
            text = _try_decode(data, encoding)
            if text is not None:
                return text
    raise SourceError(source, "binary file")


def _detect(data: bytes, *, source: str) -> str:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        binary = _control_ratio(data) > 0.05
        raise SourceError(source, "binary file" if binary else "unknown text encoding")
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    for match in matches:  # on short texts the detector may rank cp775 above an equal cp1252
        for encoding in _PREFERRED:
            if encoding in match.could_be_from_charset and _close(match, best):
                text = _try_decode(data, encoding)
                if text is not None:
                    log.debug("%s: detected encoding %s", source, encoding)
                    return text
    log.debug("%s: detected encoding %s", source, best.encoding)
    return str(best)


def _close(match: Any, best: Any) -> bool:
    return bool(match.chaos <= best.chaos + 0.05 and match.coherence >= best.coherence - 0.05)


def _control_ratio(data: bytes) -> float:
    head = data[:SNIFF_BYTES]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(head), 1)


def _printable_ratio(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t\f")
    return good / max(len(sample), 1)
