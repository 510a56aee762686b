"""A person's gender, so that "she" never takes a man named before it.

From the knowledge base where it knows the person; otherwise from what the story itself says: a
gendered title ("the ministry's spokeswoman", "Queen Rania") or an honorific right before the
name ("Ms Boluarte", "Mr. Wu"). Unknown otherwise: an unknown person fits either pronoun.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from allegiance.actors.drafts import Draft


def mark_genders(doc: Doc, drafts: Iterable[Draft], words: dict[str, str]) -> None:
    """Set the gender of each person draft the knowledge base left unknown, where the story
    says it."""
    for draft in drafts:
        if draft.kind == "person" and draft.gender is None:
            draft.gender = said_gender(doc, draft, words)


def said_gender(doc: Doc, draft: Draft, words: dict[str, str]) -> str | None:
    """The gender a person's title or honorific says, if one does."""
    role = (draft.role or "").lower()
    told = words.get(role) or next((words[w] for w in role.split() if w in words), None)
    if told is not None:
        return told
    for i in (draft.start - 1, draft.start):
        if 0 <= i < len(doc) and (g := words.get(doc[i].lower_.rstrip("."))) is not None:
            return g
    return None


def fitting(drafts: list[Draft], gender: str | None) -> list[Draft]:
    """The drafts a pronoun of ``gender`` (None: not a gendered one) may name: no person known
    to be of the other gender. A person of unknown gender fits either pronoun: most people a
    story names are not in the knowledge base, and preferring those whose gender is known sends
    "his government" past the finance minister just named to a president named before."""
    if gender is None:
        return drafts
    return [d for d in drafts if d.kind != "person" or d.gender in (None, gender)]
