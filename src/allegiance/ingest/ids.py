"""Stable article ids: the id a source gives, else a short hash of the normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_DASHES = re.compile(r"[‐‑‒–—―]")
_SPACE = re.compile(r"\s+")
ID_LENGTH = 16


def normalise_text(text: str) -> str:
    """Text reduced to what identifies it: NFKC, casefolded, plain quotes/dashes, single spaces.

    Two copies of an article that differ only in whitespace, typographic quotes, letter case or
    Unicode composition normalise to the same string (and so get the same id).
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _DASHES.sub("-", text.translate(_QUOTES))
    return _SPACE.sub(" ", text).strip().casefold()


def article_id(text: str, given: str | None = None) -> str:
    """The id a source gave (stripped), else the first 16 hex digits of SHA-256 of the text."""
    if given is not None and str(given).strip():
        return str(given).strip()
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return digest[:ID_LENGTH]
