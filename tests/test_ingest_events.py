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
