"""Weekday words, explicit dates and clock times resolved against the publication date (KST)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.ingest.dates import find_dates, find_times, to_kst, weekday_before

THURSDAY = dt.date(2023, 1, 19)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("on Thursday", dt.date(2023, 1, 19)),  # the day of publication itself
        ("early Sunday", dt.date(2023, 1, 15)),
        ("late Monday", dt.date(2023, 1, 16)),
        ("earlier Thursday", dt.date(2023, 1, 19)),
        ("on January 5", dt.date(2023, 1, 5)),
        ("on Jan. 11, 2022", dt.date(2022, 1, 11)),
        ("on 3 March 2021", dt.date(2021, 3, 3)),
        ("on December 30", dt.date(2022, 12, 30)),  # last year's December in a January report
        ("yesterday", dt.date(2023, 1, 18)),
    ],
)
def test_date_words_resolve_to_kst_dates(words: str, expected: dt.date):
    mentions = find_dates(f"The missile was fired {words}.", THURSDAY)
    assert [m.date for m in mentions] == [expected]
    assert mentions[0].precision == "day"


def test_weekday_in_local_time_abroad_is_not_a_kst_date():
    assert find_dates('"Nothing changed," he said, Tuesday (local time).', THURSDAY) == []


def test_month_without_day_has_month_precision():
    [mention] = find_dates("its launch of two ballistic missiles in March.", dt.date(2021, 9, 15))
    assert (mention.date, mention.precision) == (dt.date(2021, 3, 1), "month")


def test_previous_day_counts_back_from_the_date_before_it():
    text = "footage aired on July 26, 2019, shows a missile fired the previous day."
    assert [m.date for m in find_dates(text, THURSDAY)] == [
        dt.date(2019, 7, 26),
        dt.date(2019, 7, 25),
    ]


def test_offsets_point_at_the_words():
    text = "Pyongyang fired a missile early Sunday."
    [mention] = find_dates(text, THURSDAY, offset=100)
    assert text[mention.start - 100 : mention.end - 100] == "early Sunday"


def test_weekday_before_publication_or_the_next_day_in_korea():
    assert weekday_before("Wednesday", THURSDAY) == dt.date(2023, 1, 18)
    # A US page dated Thursday reporting a launch "on Friday" in Korea.
    assert weekday_before("Friday", THURSDAY) == dt.date(2023, 1, 20)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("at 2:41 p.m.", "14:41"),
        ("at 10:48 a.m.", "10:48"),
        ("at 12:05 a.m.", "00:05"),
        ("at 07:10 KST", "07:10"),
    ],
)
def test_clock_times(words: str, expected: str):
    assert [t.hhmm for t in find_times(f"It was fired {words}.")] == [expected]


@pytest.mark.parametrize(
    ("words", "expected", "precision"),
    [
        ("talks this week", dt.date(2023, 1, 16), "week"),
        ("a meeting last week", dt.date(2023, 1, 9), "week"),
        ("earlier this year", dt.date(2023, 1, 1), "year"),
        ("stalled since 2019", dt.date(2019, 1, 1), "year"),
    ],
)
def test_periods_start_on_their_first_day(words: str, expected: dt.date, precision: str):
    [mention] = find_dates(words, THURSDAY)
    assert (mention.date, mention.precision) == (expected, precision)


def test_clock_times_keep_their_zone_and_convert_to_kst():
    [eastern] = find_times("detected at about 1:17 p.m. EST.")
    [hawaii] = find_times("at 11:57 a.m. (Hawaii time) Sept. 14")
    [korea] = find_times("at 7:10 a.m. Korea time")
    assert (eastern.zone, hawaii.zone, korea.zone) == (
        "America/New_York",
        "Pacific/Honolulu",
        "Asia/Seoul",
    )
    assert to_kst(dt.date(2017, 11, 28), eastern.hhmm, eastern.zone) == (
        dt.date(2017, 11, 29),
        "03:17",
    )
    # Daylight saving time: 10:41 a.m. EDT in July is 23:41 KST the same day.
    assert to_kst(dt.date(2017, 7, 28), "10:41", "America/New_York") == (
        dt.date(2017, 7, 28),
        "23:41",
    )
