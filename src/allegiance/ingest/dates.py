"""Publication dates from the many shapes sources write them in."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import time

from allegiance.models import as_date

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{6})?\s*$")  # 20241120 / 20241120103000


def parse_date(value: object) -> dt.date | None:
    """A date from a date/datetime, a ``time.struct_time`` or a string; ``None`` if unreadable.

    Strings: ISO 8601 (``2025-03-14 20:30:26Z``, ``2025-03-14T20:30:26+01:00``, ``2025-03-14``),
    WARC/compact (``20250314203026``), RFC 2822 (``Fri, 14 Mar 2025 20:30:26 GMT``), and as a last
    resort dateparser on an absolute date (``14 March 2025``). The calendar date is the one written,
    without shifting time zones.
    """
    if value is None or value == "" or isinstance(value, dt.date):
        return as_date(value)
    if isinstance(value, time.struct_time):
        return _safe_date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, str):
        return _parse_string(value)
    return None


def _parse_string(text: str) -> dt.date | None:
    for pattern in (_ISO_DATE, _COMPACT):
        match = pattern.match(text)
        if match:
            return _safe_date(*(int(g) for g in match.groups()))
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    import dateparser  # slow import; only for unusual date strings

    settings = {"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        log.debug("unreadable date %r", text)
        return None
    return parsed.date()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
