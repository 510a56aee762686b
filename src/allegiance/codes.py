"""Actor codes a user typed (filters, scenarios), checked against the knowledge base and the
store, with close matches for a typo."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from allegiance.errors import UnknownActorError

if TYPE_CHECKING:
    from allegiance.settings import Settings
    from allegiance.store import Store


def known_actors(store: Store | None = None, settings: Settings | None = None) -> dict[str, str]:
    """Code -> name of the knowledge base's actors and of the codes mentioned in ``store``."""
    from allegiance.actors import load_kb

    known = {code: actor.name for code, actor in load_kb(settings).actors.items()}
    if store is not None:
        for row in store.actors():
            known.setdefault(str(row["code"]), str(row.get("name") or row["code"]))
    return known


def close_matches(code: str, known: Mapping[str, str], *, n: int = 3) -> list[tuple[str, str]]:
    """Up to ``n`` (code, name) pairs whose code or name is close to ``code``."""
    by_code = {c.upper(): c for c in known}
    by_name = {name.casefold(): c for c, name in known.items() if name}
    hits = [by_code[m] for m in difflib.get_close_matches(code.upper(), by_code, n=n)]
    hits += [by_name[m] for m in difflib.get_close_matches(code.casefold(), by_name, n=n)]
    unique = list(dict.fromkeys(hits))[:n]
    return [(c, known[c]) for c in unique]


def check_codes(codes: Iterable[str | None], known: Mapping[str, str]) -> None:
    """Raises :class:`UnknownActorError` for the first code (any case) not in ``known``."""
    upper = {c.upper() for c in known}
    for code in codes:
        if code and code.strip().upper() not in upper:
            raise UnknownActorError(code, close_matches(code.strip(), known))
