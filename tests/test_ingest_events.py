"""Diplomatic events with their dates, and the dates that belong to launches instead."""

from __future__ import annotations

import datetime as dt

from ingest_helpers import fixture_text

from dashboard.ingest.events import find_events


def test_each_kind_of_event_with_its_date():
    text = fixture_text("events_patterns.txt")
    found = find_events(text, dt.date(2023, 3, 10))
    assert [(e.event_type, e.date) for e in found] == [
        ("sanctions", dt.date(2023, 3, 3)),
        ("military_exercise", dt.date(2023, 3, 6)),  # "on Monday" before Friday 10 March
        ("summit", dt.date(2023, 3, 7)),
        ("un_action", dt.date(2023, 3, 9)),
    ]
    sanctions = found[0]
    assert text[slice(*sanctions.date_span)] == "March 3"
    assert "USA" in sanctions.participants


def test_a_date_that_belongs_to_a_launch_is_not_the_events():
    text = "The sanctions were the reason for the missile tests on Friday.\n"
    assert find_events(text, dt.date(2023, 3, 10)) == []


def test_visits_and_inaugurations_with_periods():
    text = (
        "The envoy is in Tokyo this week to meet Japanese officials. "
        "The new administration took office in January.\n"
    )
    found = find_events(text, dt.date(2023, 3, 10))
    assert [(e.event_type, e.date, e.precision) for e in found] == [
        ("inauguration", dt.date(2023, 1, 1), "month"),
        ("visit", dt.date(2023, 3, 6), "week"),
    ]


def kinds_and_days(text: str, published: dt.date) -> list[tuple[str, dt.date]]:
    return [(e.event_type, e.date) for e in find_events(text, published)]


def test_an_undated_mention_leaves_the_sentence_to_a_dated_event():
    # "New sanctions" with no day near it no longer hides the summit's day.
    text = (
        "New sanctions were debated by diplomats from many countries over several long and "
        "difficult rounds that failed to reach any agreement of substance at all, and then "
        "the two leaders finally met at a summit on June 12.\n"
    )
    assert kinds_and_days(text, dt.date(2018, 6, 20)) == [("summit", dt.date(2018, 6, 12))]


def test_a_nuclear_test_is_dated_by_the_day_written_before_its_name():
    text = "Today's launch, which follows the country's January 6 nuclear test, is grave.\n"
    assert kinds_and_days(text, dt.date(2016, 2, 7)) == [("nuclear_test", dt.date(2016, 1, 6))]


def test_the_day_of_a_launch_clause_is_not_the_events():
    # A guard on the new kind: the day belongs to the missile test the clause reports.
    text = "Weeks after its nuclear test, the country today conducted a long-range missile test.\n"
    assert kinds_and_days(text, dt.date(2016, 2, 7)) == []


def test_the_security_council_set_to_meet_is_un_action():
    text = "The UN Security Council is set to meet on Monday to discuss the missiles.\n"
    assert kinds_and_days(text, dt.date(2022, 11, 20)) == [("un_action", dt.date(2022, 11, 21))]


def test_an_event_still_to_come_keeps_the_pages_year():
    text = "The launch came ahead of the inauguration of the president-elect on Jan. 20.\n"
    assert kinds_and_days(text, dt.date(2025, 1, 6)) == [("inauguration", dt.date(2025, 1, 20))]


def test_a_named_allied_exercise_is_a_military_exercise():
    text = "The Freedom Shield schedule runs from March 10, the command said.\n"
    assert kinds_and_days(text, dt.date(2025, 3, 10)) == [
        ("military_exercise", dt.date(2025, 3, 10))
    ]
