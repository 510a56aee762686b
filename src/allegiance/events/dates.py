"""Event dates from date expressions, resolved against the article's publication date.

``resolve_date(expression, published)`` returns ``(iso, precision)`` or None. The ISO string
never says more than the text does:

* ``day``   -> ``"2024-11-19"`` ("yesterday", "Tuesday", "on March 3", "Feb. 24, 2022");
* ``week``  -> the Monday of that week, ``"2024-11-11"`` ("last week", "two weeks ago");
  ISO weeks run Monday to Sunday, and the precision says the day is not meant literally;
* ``month`` -> ``"2024-03"`` ("March 2024", "in March", "last month");
* ``year``  -> ``"2024"`` ("2024", "in 2014", "last year", "early 2023", "summer 2022").

Choices for relative expressions (``published`` is the reference day; without it, relative
expressions give None and only absolute ones resolve):

* A bare weekday ("on Tuesday") is the most recent such day ON OR BEFORE the publication date
  (news reports what happened; an article published on a Tuesday saying "on Tuesday" means that
  day). With ``prefer="future"`` (for future-tense events, "will meet on Friday") it is the
  first such day on or after the publication date.
* "last Friday" / "this past Friday" is the most recent Friday strictly BEFORE the publication
  date; "next Friday" / "this coming Friday" the first strictly after; "this Friday" the Friday
  of the publication date's Monday-Sunday week.
* A month or day without a year ("in March", "on March 3") takes the year that puts it on or
  before the publication date (on or after it with ``prefer="future"``).
* "last night" is the day before publication; "tonight", "this morning" the publication day.
* Decades ("the 1990s") and vague spans ("recent years") give None rather than a made-up date.

Anything our own rules do not cover goes to dateparser with ``RELATIVE_BASE`` set to the
publication date, offline and English only; its answer is trusted for the day/month/year it
gives, but precision is decided from its reported period, never from the invented parts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any, Literal

log = logging.getLogger(__name__)

__all__ = ["resolve_date"]

Prefer = Literal["past", "future"]
Result = tuple[str, str]

_MONTHS: dict[str, int] = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3,
    "several": 3, "a couple of": 2,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>[12]\d{3})"
_LEADING = re.compile(
    r"^(?:(?:on|in|since|from|by|until|till|through|during|as\s+of|at|of|starting|"
    r"beginning|around|about|before|after|the)\s+)+",
    re.I,
)
_COUNT_WORDS = "|".join(
    re.sub(r" ", r"\\s+", w)
    for w in sorted({*_NUMBER_WORDS, "twenty", "thirty", "many"}, key=len, reverse=True)
)
_DURATION = re.compile(
    r"(?:(?:about|some|nearly|almost|more\s+than|over|up\s+to|at\s+least|another)\s+)?"
    rf"(?:\d+|{_COUNT_WORDS})"
    r"\s+(?:days?|weeks?|months?|years?|decades?|hours?)(?:\s+and\s+a\s+half)?"
)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_YEAR_MODIFIER = (
    r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|end\s+of|"
    r"start\s+of|beginning\s+of|spring|summer|autumn|fall|winter|the\s+spring\s+of|"
    r"the\s+summer\s+of|the\s+autumn\s+of|the\s+fall\s+of|the\s+winter\s+of)[\s-]+)?"
)
_MONTH_MODIFIER = r"(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of)[\s-]+)?"


def _clean(expression: str) -> str:
    text = re.sub(r"\s+", " ", expression.strip().strip(".,;:!?()\"'")).strip()
    text = _LEADING.sub("", text)
    return re.sub(r"'s$|’s$", "", text)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _day(day: dt.date) -> Result:
    return day.isoformat(), "day"


def _week(day: dt.date) -> Result:
    return _monday(day).isoformat(), "week"


def _month(year: int, month: int) -> Result:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> Result:
    return f"{year:04d}", "year"


def _relative_day(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    offsets = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1,
        "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
        "overnight": -1, "day before yesterday": -2, "tomorrow": 1, "day after tomorrow": 2,
        "tomorrow morning": 1,
    }  # fmt: skip
    if published is None or text not in offsets:
        return None
    return _day(published + dt.timedelta(days=offsets[text]))


def _weekday(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    names = "|".join(_WEEKDAYS)
    m = re.fullmatch(
        rf"(?:(?P<which>last|this\s+past|past|previous|next|this\s+coming|coming|this)\s+)?"
        rf"(?P<name>{names}){_PART_OF_DAY}",
        text,
    )
    if m is None or published is None:
        return None
    target = _WEEKDAYS[m.group("name")]
    which = re.sub(r"\s+", " ", m.group("which") or "")
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if which in ("last", "this past", "past", "previous"):
        return _day(published - dt.timedelta(days=back or 7))
    if which in ("next", "this coming", "coming"):
        return _day(published + dt.timedelta(days=ahead or 7))
    if which == "this":
        return _day(_monday(published) + dt.timedelta(days=target))
    if prefer == "future":
        return _day(published + dt.timedelta(days=ahead))
    return _day(published - dt.timedelta(days=back))


def _relative_period(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    m = re.fullmatch(
        r"(?P<which>last|past|previous|this|earlier\s+this|later\s+this|next|coming|"
        r"the\s+past|the\s+previous|the\s+coming|the\s+next|current)\s+(?P<unit>week|month|year)",
        text,
    )
    if m is None or published is None:
        return None
    which = m.group("which").split()[-1]
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    return _period(published, m.group("unit"), step)


def _period(published: dt.date, unit: str, step: int) -> Result:
    if unit == "week":
        return _week(published + dt.timedelta(weeks=step))
    if unit == "month":
        return _month(*_shift_month(published, step))
    return _year(published.year + step)


def _ago(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    words = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    m = re.fullmatch(
        rf"(?P<n>\d{{1,3}}|{words})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|"
        r"before|from\s+now|later|hence)",
        text,
    )
    if m is None or published is None:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER_WORDS[m.group("n")]
    step = -n if m.group("dir") in ("ago", "earlier", "before") else n
    if m.group("unit") == "day":
        return _day(published + dt.timedelta(days=step))
    return _period(published, m.group("unit"), step)


def _year_only(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    m = re.fullmatch(rf"{_YEAR_MODIFIER}{_YEAR_RE}", text)
    return _year(int(m.group("year"))) if m else None


def _month_year(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    m = re.fullmatch(
        rf"{_MONTH_MODIFIER}(?P<month>{_MONTH_RE})\.?,?\s+(?:of\s+)?{_YEAR_RE}", text
    ) or re.fullmatch(rf"{_YEAR_RE}-(?P<month>0[1-9]|1[0-2])", text)
    if m is None:
        return None
    month = m.group("month")
    return _month(int(m.group("year")), int(month) if month.isdigit() else _MONTHS[month])


def _month_only(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    m = re.fullmatch(rf"{_MONTH_MODIFIER}(?P<month>{_MONTH_RE})\.?", text)
    if m is None or published is None:
        return None
    month = _MONTHS[m.group("month")]
    year = published.year
    if prefer == "past" and month > published.month:
        year -= 1
    elif prefer == "future" and month < published.month:
        year += 1
    return _month(year, month)


def _relative_month(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    """ "last December", "this past July", "April last year", "next March", "May this year":
    a month named by its place before or after publication."""
    before = re.fullmatch(
        rf"(?P<which>last|this\s+past|past|next|this\s+coming|coming)\s+{_MONTH_MODIFIER}"
        rf"(?P<month>{_MONTH_RE})\.?",
        text,
    )
    after = re.fullmatch(
        rf"{_MONTH_MODIFIER}(?P<month>{_MONTH_RE})\.?\s+(?:of\s+)?"
        r"(?P<which>last|this|next)\s+year",
        text,
    )
    m = before or after
    if m is None or published is None:
        return None
    month, which = _MONTHS[m.group("month")], m.group("which").split()[-1]
    if after is not None:
        return _month(published.year + {"last": -1, "this": 0, "next": 1}[which], month)
    if which in ("last", "past"):
        return _month(published.year - (month >= published.month), month)
    return _month(published.year + (month <= published.month), month)


def _absolute_day(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    month_day = rf"(?P<month>{_MONTH_RE})\.?\s+{_DAY_RE}(?:,?\s+{_YEAR_RE})?"
    day_month = rf"{_DAY_RE}(?:\s+of)?\s+(?P<month>{_MONTH_RE})\.?,?(?:\s+{_YEAR_RE})?"
    iso = rf"{_YEAR_RE}-(?P<month>\d\d)-(?P<day>\d\d)"
    m = next((x for p in (month_day, day_month, iso) if (x := re.fullmatch(p, text))), None)
    if m is None:
        return None
    month_text = m.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
    day = int(m.group("day"))
    if m.group("year"):
        return _checked_day(int(m.group("year")), month, day)
    if published is None:
        return None
    return _day_in_year_near(published, month, day, prefer)


def _checked_day(year: int, month: int, day: int) -> Result | None:
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return None


def _day_in_year_near(published: dt.date, month: int, day: int, prefer: Prefer) -> Result | None:
    year = published.year
    if prefer == "past" and (month, day) > (published.month, published.day):
        year -= 1
    elif prefer == "future" and (month, day) < (published.month, published.day):
        year += 1
    return _checked_day(year, month, day)


_RESOLVERS: tuple[Callable[[str, dt.date | None, Prefer], Result | None], ...] = (
    _relative_day,
    _weekday,
    _relative_period,
    _relative_month,
    _ago,
    _year_only,
    _month_year,
    _absolute_day,
    _month_only,
)
_NOT_A_DATE = re.compile(r"\b\d{2,4}0s\b|\brecent\b|\bdecade|\bcentury|\bcenturies|\bera\b")


def _dateparser(base: dt.date | None, prefer: Prefer) -> Any:
    """A parser anchored on ``base`` (cheap to build: dateparser loads its language data once
    for all its parsers)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    return DateDataParser(languages=["en"], settings=settings)


# words that make a number part of a date ("3 days ago", "the 3rd of last month")
_DATE_WORDS = re.compile(
    r"\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|days?|weeks?|months?|years?|"
    r"morning|afternoon|evening|night)\b"
)


def _bare_number(text: str) -> bool:
    """ "SU 35", "in 35", "12": a number with no year, month, weekday or date word is no date
    the text states (dateparser reads "35" as 1935)."""
    if not re.search(r"\d", text) or re.search(r"\d{4}", text) or _DATE_WORDS.search(text):
        return False
    return not any(w in _MONTHS or w in _WEEKDAYS for w in re.findall(r"[a-z]+", text))


def _with_dateparser(text: str, published: dt.date | None, prefer: Prefer) -> Result | None:
    if _NOT_A_DATE.search(text) or not re.search(r"\d|[a-z]{3}", text) or _bare_number(text):
        return None
    if published is None and not re.search(r"\d{4}", text):
        return None  # relative to nothing: dateparser would anchor on today's date
    data = _dateparser(published, prefer).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period or "day"
    log.debug("dateparser read %r as %s (%s)", text, day, period)
    if period in ("day", "time"):
        return _day(day)
    if period == "week":
        return _week(day)
    return _month(day.year, day.month) if period == "month" else _year(day.year)


def resolve_date(
    expression: str, published: dt.date | None, *, prefer: Prefer = "past"
) -> Result | None:
    """``(iso, precision)`` for a date expression, relative to ``published``; None if unknown.

    ``prefer`` says which way undated weekdays, months and days resolve: "past" (default, for
    reported events) or "future" (for future-tense events). See the module notes for the rules.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    text = _clean(expression).lower()
    if not text:
        return None
    if text == "may" and not re.search(r"\bMay\b", expression):
        return None  # the modal verb, not the month
    if _DURATION.fullmatch(text):
        return None  # "jailed for 16 years": a length of time, not a date
    for resolver in _RESOLVERS:
        result = resolver(text, published, prefer)
        if result is not None:
            return result
    found = _with_dateparser(text, published, prefer)
    if found is None and "," in text:  # "April, days after ...": one entity over two phrases
        return resolve_date(expression.split(",")[0], published, prefer=prefer)
    if found is None and (span := _RANGE.fullmatch(text)) is not None:
        return resolve_date(span.group(1), published, prefer=prefer)
    return found


# "between June and September", "from 1996 to 2001": a span, dated by where it ends (what
# matters for telling background from news)
_RANGE = re.compile(r"(?:(?:between|from)\s+)?\S.*?\s+(?:and|to|until|through)\s+(\S.*)")


RECENT_DAYS = 366
BACKGROUND_DAYS = 31  # older than this before publication: background, historical


def date_period(event_date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a partial ISO date ("2024", "2024-12", "2024-12-03")."""
    if not event_date:
        return None
    try:
        parts = [int(p) for p in event_date.split("-")[:3]]
        if len(parts) == 3:
            first = last = dt.date(*parts)
        elif len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            last = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            first, last = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None
    return first, last


def older_than_a_month(event_date: str | None, published: dt.date | None) -> bool:
    """The event's date lies more than a month before publication ("in December" in a March
    story; "in 2019"): a day or a year by its end, a month by its middle (a day unknown)."""
    period = date_period(event_date)
    if period is None or published is None:
        return False
    first, last = period
    if first.year == last.year and first.month == last.month:
        last = first + (last - first) / 2  # "in January": taken as mid-January
    return (published - last).days > BACKGROUND_DAYS


def recent(event_date: str | None, published: dt.date | None) -> bool:
    """An event dated within a year before publication ("two days ago", "in January") is
    news, not history, whatever cue words its sentence has."""
    period = date_period(event_date)  # a month or year counts from its start
    return (
        period is not None
        and published is not None
        and (0 <= (published - period[0]).days <= RECENT_DAYS)
    )
