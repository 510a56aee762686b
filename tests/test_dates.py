"""Event dates relative to the publication date (allegiance.events.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from allegiance.events.dates import resolve_date

WEDNESDAY = dt.date(2024, 11, 20)  # publication date of the sample NATO article
TUESDAY = dt.date(2024, 11, 19)

CASES: list[tuple[str, dt.date | None, tuple[str, str] | None]] = [
    # weekdays: most recent on or before the publication day
    ("Tuesday", WEDNESDAY, ("2024-11-19", "day")),
    ("on Tuesday", WEDNESDAY, ("2024-11-19", "day")),
    ("on Tuesday", TUESDAY, ("2024-11-19", "day")),
    ("Wednesday", WEDNESDAY, ("2024-11-20", "day")),
    ("Thursday", WEDNESDAY, ("2024-11-14", "day")),
    ("Tuesday morning", WEDNESDAY, ("2024-11-19", "day")),
    ("last Friday", WEDNESDAY, ("2024-11-15", "day")),
    ("last Wednesday", WEDNESDAY, ("2024-11-13", "day")),
    ("next Friday", WEDNESDAY, ("2024-11-22", "day")),
    ("this Friday", WEDNESDAY, ("2024-11-22", "day")),
    # relative days
    ("yesterday", WEDNESDAY, ("2024-11-19", "day")),
    ("Yesterday", dt.date(2024, 3, 1), ("2024-02-29", "day")),
    ("the day before yesterday", WEDNESDAY, ("2024-11-18", "day")),
    ("last night", WEDNESDAY, ("2024-11-19", "day")),
    ("today", WEDNESDAY, ("2024-11-20", "day")),
    ("tomorrow", WEDNESDAY, ("2024-11-21", "day")),
    ("two days ago", WEDNESDAY, ("2024-11-18", "day")),
    # day and month, year inferred on or before publication
    ("on March 3", WEDNESDAY, ("2024-03-03", "day")),
    ("Dec. 3", WEDNESDAY, ("2023-12-03", "day")),
    ("the 5th of November", WEDNESDAY, ("2024-11-05", "day")),
    ("Feb. 24, 2022", WEDNESDAY, ("2022-02-24", "day")),
    ("24 February 2022", None, ("2022-02-24", "day")),
    ("2022-02-24", None, ("2022-02-24", "day")),
    ("24.02.2022", WEDNESDAY, ("2022-02-24", "day")),
    # month precision: never invent a day
    ("March 2024", WEDNESDAY, ("2024-03", "month")),
    ("in February 2022", None, ("2022-02", "month")),
    ("in March", WEDNESDAY, ("2024-03", "month")),
    ("in December", WEDNESDAY, ("2023-12", "month")),
    ("mid-March", WEDNESDAY, ("2024-03", "month")),
    ("last month", WEDNESDAY, ("2024-10", "month")),
    ("last month", dt.date(2024, 1, 15), ("2023-12", "month")),
    ("earlier this month", WEDNESDAY, ("2024-11", "month")),
    ("a month ago", WEDNESDAY, ("2024-10", "month")),
    # year precision: never invent day or month
    ("2024", WEDNESDAY, ("2024", "year")),
    ("2024", None, ("2024", "year")),
    ("in 2014", WEDNESDAY, ("2014", "year")),
    ("since 2014", None, ("2014", "year")),
    ("early 2023", None, ("2023", "year")),
    ("summer 2022", None, ("2022", "year")),
    ("last year", WEDNESDAY, ("2023", "year")),
    ("next year", WEDNESDAY, ("2025", "year")),
    ("2 years ago", WEDNESDAY, ("2022", "year")),
    # week precision: the Monday of that ISO week
    ("last week", WEDNESDAY, ("2024-11-11", "week")),
    ("this week", WEDNESDAY, ("2024-11-18", "week")),
    ("three weeks ago", WEDNESDAY, ("2024-10-28", "week")),
    # relative expressions need a publication date; vague ones give nothing
    ("yesterday", None, None),
    ("last Friday", None, None),
    ("in March", None, None),
    ("the 1990s", WEDNESDAY, None),
    ("recent years", WEDNESDAY, None),
    ("may", WEDNESDAY, None),
    ("", WEDNESDAY, None),
    # a month named by its place before or after publication
    ("Last December", WEDNESDAY, ("2023-12", "month")),
    ("last November", WEDNESDAY, ("2023-11", "month")),
    ("this past July", WEDNESDAY, ("2024-07", "month")),
    ("in April last year", WEDNESDAY, ("2023-04", "month")),
    ("late May of last year", WEDNESDAY, ("2023-05", "month")),
    ("March this year", WEDNESDAY, ("2024-03", "month")),
    ("next February", WEDNESDAY, ("2025-02", "month")),
    ("January next year", WEDNESDAY, ("2025-01", "month")),
    # a bare number is no date: a jet's model, an age, a count
    ("SU 35", WEDNESDAY, None),
    ("45", WEDNESDAY, None),
    ("in 12", WEDNESDAY, None),
    # a span is dated by where it ends; an entity run over a comma by its first part
    ("between June and September", WEDNESDAY, ("2024-09", "month")),
    ("from 1996 to 2001", WEDNESDAY, ("2001", "year")),
    ("from March to May 2020", WEDNESDAY, ("2020-05", "month")),
    ("between 2013 and 2015", WEDNESDAY, ("2015", "year")),
    ("the past three years and a half", WEDNESDAY, None),
    ("April, days", WEDNESDAY, ("2024-04", "month")),
]


@pytest.mark.parametrize(("expression", "published", "expected"), CASES)
def test_resolve_date(
    expression: str, published: dt.date | None, expected: tuple[str, str] | None
) -> None:
    assert resolve_date(expression, published) == expected


def test_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20


def test_precision_matches_iso_shape() -> None:
    shapes = {"day": 10, "week": 10, "month": 7, "year": 4}
    for expression, published, expected in CASES:
        if expected is not None:
            iso, precision = expected
            assert len(iso) == shapes[precision], expression
            got = resolve_date(expression, published)
            assert got is not None and len(got[0]) == shapes[got[1]]


def test_week_precision_is_a_monday() -> None:
    result = resolve_date("last week", dt.date(2024, 1, 3))
    assert result == ("2023-12-25", "week")
    assert dt.date.fromisoformat(result[0]).weekday() == 0


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Friday", ("2024-11-22", "day")),
        ("Wednesday", ("2024-11-20", "day")),
        ("in March", ("2025-03", "month")),
        ("on March 3", ("2025-03-03", "day")),
    ],
)
def test_prefer_future_for_future_tense_events(expression: str, expected: tuple[str, str]) -> None:
    assert resolve_date(expression, WEDNESDAY, prefer="future") == expected


def test_datetime_published_is_accepted() -> None:
    assert resolve_date("yesterday", dt.datetime(2024, 11, 20, 23, 5)) == ("2024-11-19", "day")


def test_impossible_day_is_none() -> None:
    assert resolve_date("February 30, 2023", None) is None
