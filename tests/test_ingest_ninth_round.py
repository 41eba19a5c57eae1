"""Rules of the ninth round (issue 7), each pinned by an invented sentence. They came from the
errors on round 34's articles, read after that batch's one held-out scoring. Dates: a page from
Europe or anywhere west of Asia, like a US one, can carry the day before Korea's, and a weekday
"morning Pyongyang time" is Korea's own. Quotes: "the Foreign Secretary" is an office, not a
person "he" can be; "what the South says was a “…”"; "A spokesperson for the national security
council said …, calling it a “…”"; "the brief statement added" speaks for the body just named;
"Commander Dave Benham of the U.S. Pacific Command told" is the commander."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest import dates
from dashboard.ingest.launches import find_launches
from dashboard.ingest.statements import find_statements

TUESDAY = dt.date(2022, 1, 4)


def speakers_of(text: str) -> list[tuple[str, str]]:
    return [(s.quote.text.rstrip(",."), s.speaker.name) for s in find_statements(text) if s.quote]


@pytest.mark.parametrize(
    ("publisher", "day"),
    [
        # Moscow, Washington and Paris pages dated Tuesday report Wednesday morning in Korea...
        ("Sputnik", dt.date(2022, 1, 5)),
        ("VICE News", dt.date(2022, 1, 5)),
        ("France 24", dt.date(2022, 1, 5)),
        # ... a Seoul or Tokyo page dated Tuesday does not: its Wednesday is last week's.
        ("Yonhap News Agency", dt.date(2021, 12, 29)),
        ("Kyodo News", dt.date(2021, 12, 29)),
    ],
)
def test_a_weekday_after_the_pages_date_depends_on_where_the_page_is_dated(publisher, day):
    [launch] = find_launches(
        "South Korea's military said on Wednesday morning that the North had fired what it "
        "believed to be a ballistic missile.",
        TUESDAY,
        small_gazetteer(),
        publisher,
    )
    assert launch.date == day


def test_a_weekday_in_pyongyang_time_is_koreas_own_day():
    found = dates.find_dates(
        "fired a missile on Wednesday morning Pyongyang time", TUESDAY, ahead=False
    )
    assert [m.date for m in found] == [dt.date(2022, 1, 5)]
    assert [m.date for m in dates.find_dates("on Wednesday", TUESDAY, ahead=False)] == [
        dt.date(2021, 12, 29)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Boris Johnson, the Foreign Secretary, last night said he was "outraged". He '
            'strongly condemned the "latest illegal missile launch".',
            [("outraged", "Boris Johnson"), ("latest illegal missile launch", "Boris Johnson")],
        ),
        (
            "North Korea confirmed it tested its newest ICBM, crossing what the South says was "
            "a “red line.”",
            [("red line", "South Korea")],
        ),
        (
            "A spokesperson for the national security council said the United States "
            '"strongly condemns" the test, calling it a "flagrant violation."',
            [
                ("strongly condemns", "spokesperson for the national security council"),
                ("flagrant violation", "spokesperson for the national security council"),
            ],
        ),
        (
            "Details are being analyzed, the JCS said.\n\n"
            '"Our military has strengthened surveillance," the brief statement added.',
            [("Our military has strengthened surveillance", "JCS")],
        ),
        (
            '"Pacific Command detected a launch," Commander Dave Benham of the U.S. Pacific '
            "Command told The Daily Beast.",
            [("Pacific Command detected a launch", "Dave Benham")],
        ),
    ],
)
def test_speakers_of_round_34_shapes(text, expected):
    assert speakers_of(text) == expected


def test_a_tally_since_a_year_gives_the_launch_no_count():
    [launch] = find_launches(
        "North Korea fired the Hwasong-18 on Tuesday. Since 2017, North Korea has test-launched 14 "
        "missiles with a range of 5,500 km or more.",
        TUESDAY,
        small_gazetteer(),
        "TASS",
    )
    assert "count" not in launch.fields


def test_a_minimum_range_is_a_capability_not_a_second_figure():
    [launch] = find_launches(
        "North Korea fired a ballistic missile on Tuesday. The missile traveled about 19 miles, "
        "falling short of its minimum range of nearly 186 miles.",
        TUESDAY,
        small_gazetteer(),
        "UPI",
    )
    assert launch.fields.get("range_km") == 31
    assert not launch.contested
