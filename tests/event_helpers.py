"""Helpers of the event tests: hand-made actor mentions for sentences written by us."""

from __future__ import annotations

from allegiance.models import Mention


def mentions_for(text: str, codes: dict[str, str]) -> list[Mention]:
    """Mentions of every occurrence of each surface string, with its code."""
    out = []
    for surface, code in codes.items():
        start = text.find(surface)
        while start >= 0:
            out.append(Mention(text=surface, start=start, end=start + len(surface), code=code))
            start = text.find(surface, start + 1)
    return sorted(out, key=lambda m: m.start)
