"""Near-duplicate articles (the same story syndicated with small edits): MinHash + LSH.

A signature is a MinHash of the word shingles of the normalised text, stored compactly as
``b"MH1"`` + 128 little-endian uint32 values (515 bytes). The index finds a stored article whose
estimated Jaccard similarity to a new one reaches the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import numpy as np

from allegiance.ingest.ids import normalise_text
from allegiance.models import Article, ReadProblem

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
SCHEME = "affine32"  # datasketch's 32-bit hash values: 4 bytes each
# Measured on word 5-shingles: a syndicated copy of a ~200-word story with a new headline, a
# dateline and one sentence rewritten scores 0.77; different stories on the same topic (our
# fixtures, the VOA set) score at most 0.03. 0.6 keeps a wide margin on both sides.
DEFAULT_THRESHOLD = 0.6
_MAGIC = b"MH1"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-grams of the normalised text (the whole text when shorter)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``, serialised for storage."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(sorted(shingles(text)))
    return _MAGIC + minhash.hashvalues.astype("<u4").tobytes()


def _values(sig: bytes) -> np.ndarray[Any, np.dtype[np.uint32]]:
    if not sig.startswith(_MAGIC) or len(sig) != len(_MAGIC) + 4 * NUM_PERM:
        raise ValueError("not a signature made by allegiance.ingest.dedup.signature")
    return np.frombuffer(sig, dtype="<u4", offset=len(_MAGIC)).astype(np.uint32)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(_values(a) == _values(b)))


class NearDuplicateIndex:
    """LSH over signatures: ``find`` returns the id of an indexed near-duplicate, else None."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._values: dict[str, np.ndarray[Any, np.dtype[np.uint32]]] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._values

    def add(self, article_id: str, sig: bytes) -> None:
        """Index an article (adding an id again is a no-op)."""
        if article_id in self._values:
            return
        values = _values(sig)
        self._lsh.insert(article_id, self._minhash(values))
        self._values[article_id] = values

    def find(self, sig: bytes) -> str | None:
        """The most similar indexed article at or above the threshold (LSH candidates, verified)."""
        values = _values(sig)
        best_id, best = None, self.threshold
        for candidate in sorted(self._lsh.query(self._minhash(values))):
            score = float(np.mean(self._values[candidate] == values))
            if score >= best:
                best_id, best = candidate, score
        return best_id

    @staticmethod
    def _minhash(values: np.ndarray[Any, np.dtype[np.uint32]]) -> Any:
        from datasketch import LeanMinHash

        return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def mark_duplicates(
    items: Iterable[Article | ReadProblem], *, index: NearDuplicateIndex | None = None
) -> Iterator[Article | ReadProblem]:
    """Set ``duplicate_of`` on articles that near-duplicate an earlier one; problems pass through.

    An article whose id is already indexed (the same article read twice) is left as it is.
    """
    index = index if index is not None else NearDuplicateIndex()
    for item in items:
        if isinstance(item, Article) and item.id not in index:
            sig = signature(item.text)
            original = index.find(sig)
            if original is not None:
                item = replace(item, duplicate_of=original)
            index.add(item.id, sig)
        yield item
