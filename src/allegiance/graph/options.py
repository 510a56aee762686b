"""Options shared by every analysis: which events count, and how reports become stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from allegiance.errors import ConfigError
from allegiance.models import EVENT_TYPES, FACTUALITIES, as_date

DateLike = str | dt.date | None


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """What the analysis reads from the store.

    ``since``/``until`` bound the event day: the event date when known to the day, else the
    report date (article publication date). Reports of one happening in several articles are
    one *story*: same source, target, type, amount (and mode when no amount is given), with
    mentions no more than ``window_days`` apart.
    """

    factualities: tuple[str, ...] = ("asserted",)
    since: DateLike = None
    until: DateLike = None
    window_days: int = 7
    types: tuple[str, ...] = ()  # PLOVER types to keep; empty = all
    actors: tuple[str, ...] = ()  # keep dyads with one of these codes on either side; empty = all
    min_confidence: float = 0.0
    # count stated support: SUPPORT events whose actor is also their source ("X said Europe
    # would still help Y" -> X SUPPORT Y, made by the extractor; see docs/analysis.md)
    stated_support: bool = True

    def __post_init__(self) -> None:
        _check_subset(self.factualities, FACTUALITIES, "factuality")
        _check_subset(self.types, EVENT_TYPES, "event type")
        if not self.factualities:
            raise ConfigError("at least one factuality must be included")
        if self.window_days < 0:
            raise ConfigError("window_days must be >= 0")
        for value in (self.since, self.until):
            _as_date(value)

    @property
    def since_date(self) -> dt.date | None:
        return _as_date(self.since)

    @property
    def until_date(self) -> dt.date | None:
        return _as_date(self.until)

    def with_changes(self, **changes: Any) -> AnalysisOptions:
        """A copy with some fields changed; lists become tuples, codes upper case."""
        fixed = {k: _normalise(k, v) for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **fixed)

    @classmethod
    def including(cls, extra: tuple[str, ...] | str | None, **changes: Any) -> AnalysisOptions:
        """Asserted events plus the factualities in ``extra`` ("hypothetical,future" or "all")."""
        return cls().with_changes(factualities=widen(extra), **changes)


def widen(extra: tuple[str, ...] | str | None) -> tuple[str, ...]:
    """("asserted",) plus ``extra``; "all" means every factuality."""
    if isinstance(extra, str):
        extra = tuple(v.strip().lower() for v in extra.split(",") if v.strip())
    extra = extra or ()
    if "all" in extra:
        return FACTUALITIES
    return ("asserted", *(f for f in extra if f != "asserted"))


def _normalise(name: str, value: Any) -> Any:
    if name in ("types", "actors", "factualities"):
        items = (value,) if isinstance(value, str) else tuple(value)
        if name == "factualities":
            return tuple(str(v).lower() for v in items)
        return tuple(str(v).upper() for v in items)
    return value


def _check_subset(values: tuple[str, ...], allowed: tuple[str, ...], what: str) -> None:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ConfigError(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(allowed)})")


def _as_date(value: DateLike) -> dt.date | None:
    try:
        return as_date(value if isinstance(value, dt.date) or value is None else str(value))
    except ValueError as exc:
        raise ConfigError(f"not a date (YYYY-MM-DD): {value!r}") from exc
