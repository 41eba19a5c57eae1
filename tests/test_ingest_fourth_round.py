"""Rules of the fourth round (issue 7), each pinned by an invented sentence. Launches: figures in
a sentence that goes on about the launch with a plural noun or "it flew", a launch point several
words after the verb or after "an area near" / "the capital", the US designations (KN-), a day
of the month that is not a count, and a meeting "to discuss" launches that is not one. Quotes:
"said X," before the quote, "issued a statement calling … “…”", a second quote joined to the
first by "and expressing", "released the following statement: “…”", a role after a name without
an article, people known from "X spoke to" or "X is a fellow", and "X was quoted as saying"."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest.evaluate import same_speaker
from dashboard.ingest.launches import count_match, find_launches, missile_class
from dashboard.ingest.statements import find_statements

THURSDAY = dt.date(2026, 3, 5)


def only_launch(text: str):
    launches = find_launches(text, THURSDAY, small_gazetteer())
    assert len(launches) == 1, launches
    return launches[0]


@pytest.mark.parametrize(
    ("text", "range_km", "apogee_km"),
    [
        (
            "North Korea launched two short-range ballistic missiles on Wednesday. The missiles "
            "traveled 600 kilometers (370 miles) and reached an altitude of 50 kilometers.",
            600,
            50,
        ),
        ("North Korea fired a missile on Wednesday. It flew some 800 km, Japan said.", 800, None),
        ("North Korea fired a missile on Wednesday. It had flown 450 km.", 450, None),
        # A distance in a sentence about something else is not the flight.
        ("North Korea fired a missile on Wednesday. It lies 120 km from the border.", None, None),
        # Where it came down is not how far it flew; "from" a launch point does not count.
        (
            "North Korea fired a missile on Wednesday that flew into the sea 1,242 miles east of "
            "Harbor Island. It reached an altitude of 478 miles and traveled about 2,300 miles.",
            3701,
            769,
        ),
        (
            "North Korea fired a missile on Wednesday. It flew 400 km, 200 km off the coast.",
            400,
            None,
        ),
        ("Two missiles fired on Wednesday flew 430 km at an altitude of 36 km from Uiju.", 430, 36),
    ],
)
def test_figures_in_a_sentence_that_goes_on_about_the_launch(text, range_km, apogee_km):
    fields = only_launch(text).fields
    assert fields.get("range_km") == range_km
    assert fields.get("apogee_km") == apogee_km


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The missile was launched at 7:10 am Thursday (2210 GMT Wednesday) from Chongsan.",
            "Chongsan",
        ),
        ("The missile was launched on Wednesday from an area near Chongsan.", "Chongsan"),
        ("North Korea fired a missile on Wednesday from a site near Chongsan.", "Chongsan"),
        (
            "The missile was fired on Wednesday from near the North Korean capital Chongsan.",
            "Chongsan",
        ),
        ("North Korea fired a missile on Wednesday from the Sunan area.", "Sunan"),
    ],
)
def test_launch_point_named_after_more_words(text, name):
    assert only_launch(text).fields["site"].name == name


def test_a_from_after_a_comma_is_not_the_launch_point():
    fields = only_launch(
        "North Korea fired a missile on Wednesday, officials from Harborland said."
    ).fields
    assert "site" not in fields


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("a KN-08 missile", "ICBM"),
        ("the KN-14", "ICBM"),
        ("a KN-22", "ICBM"),
        ("the Hwasong-13", "ICBM"),
        ("a KN-17 missile", "IRBM"),
        ("the KN-15", "MRBM"),
        ("a KN-26", "SLBM"),
        ("the Hwasong-16B", "hypersonic"),
        ("a Hwasong-8", "hypersonic"),
        ("a Hwasong-18", "ICBM"),
        ("a KN-23", "SRBM"),
    ],
)
def test_designations_name_their_class(words, kind):
    found = missile_class(f"North Korea fired {words} on Wednesday.")
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("Harborland condemned the July 12 intercontinental ballistic missile launch.", None),
        ("The North on July 4 and 5 launched seven ballistic missiles.", "seven"),
        ("On Feb. 12 two missiles were fired.", "two"),
        ("North Korea fired 2 missiles on May 3.", "2"),
    ],
)
def test_a_day_of_the_month_is_not_a_count(words, count):
    found = count_match(words)
    assert (found["n"] if found else None) == count


def test_a_meeting_to_discuss_launches_is_not_a_launch_that_day():
    launches = find_launches(
        "Officials of the three countries held a call today to discuss the recent North Korean "
        "missile launches.",
        THURSDAY,
        small_gazetteer(),
    )
    assert launches == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Nevertheless, said Captain Jan Smit, “These launches are all serious.”",
            "These launches are all serious.",
            "Jan Smit",
        ),
        (
            "The minister spoke first. But, says Ms. Ada Lind, there are "
            "“worries all over the region.”",
            "worries all over the region.",
            "Ada Lind",
        ),
        (
            "The Harborland Foreign Ministry issued a statement calling the launch a "
            "“reckless act” and expressing “deep concern over the rising tension.”",
            "reckless act",
            "Harborland Foreign Ministry",
        ),
        (
            "The Harborland Foreign Ministry issued a statement calling the launch a "
            "“reckless act” and expressing “deep concern over the rising tension.”",
            "deep concern over the rising tension.",
            "Harborland Foreign Ministry",
        ),
        (
            "Harborland Senator Jane Roe released the following statement: “The launch is a "
            "provocation.”",
            "The launch is a provocation.",
            "Jane Roe",
        ),
        (
            "Jane Roe spoke to VOA on Tuesday.\n\n“The launch shows progress,” she said.",
            "The launch shows progress",
            "Jane Roe",
        ),
        (
            "Ada Lind is a senior fellow at the Harbor Institute.\n\n“They will test again,” "
            "Lind said.",
            "They will test again",
            "Ada Lind",
        ),
        (
            "Kim was quoted by KCNA as saying, “We will build more.”",
            "We will build more.",
            "Kim",
        ),
    ],
)
def test_fourth_round_attributions(text, quote, speaker):
    found = {s.quote.text: s.speaker.name for s in find_statements(text) if s.quote}
    assert quote in found, found
    assert same_speaker(found[quote], speaker), found[quote]


def test_a_role_without_an_article_is_the_speakers_role_not_part_of_the_name():
    text = "Jane Roe, chair of the Harbor Committee, said: “We must respond.”"
    (statement,) = [s for s in find_statements(text) if s.quote]
    assert statement.speaker.name == "Jane Roe"
    assert statement.speaker.role == "chair of the Harbor Committee"


def test_the_local_day_given_later_moves_the_launch_dated_in_us_time():
    tuesday = dt.date(2026, 3, 3)
    text = (
        "North Korea on Tuesday fired an intercontinental ballistic missile. The missile was "
        "fired at dawn, local time, on Wednesday."
    )
    launches = find_launches(text, tuesday, small_gazetteer(), "The Hill")
    assert [(launch.date, launch.fields.get("missile_class")) for launch in launches] == [
        (dt.date(2026, 3, 4), "ICBM")
    ]
    # Two days apart is not the same launch told in two zones.
    text = text.replace("on Tuesday", "on Monday")
    assert len(find_launches(text, tuesday, small_gazetteer(), "The Hill")) == 2


def test_a_naming_verb_does_not_take_the_day_from_the_launch():
    text = (
        "At approximately 9:31 AM today, a ballistic missile which North Korea calls a "
        "“satellite” was launched from the western coast."
    )
    (launch,) = find_launches(text, THURSDAY, small_gazetteer(), "Prime Minister of Harborland")
    assert (launch.date, launch.fields["time_local"]) == (THURSDAY, "09:31")


@pytest.mark.parametrize(
    "text",
    [
        "A short while ago, North Korea fired a projectile presumed to be a ballistic missile.",
        "North Korea has launched an ICBM-class ballistic missile. We held a meeting at once.",
    ],
)
def test_breaking_news_without_a_day_is_the_publication_day(text):
    (launch,) = find_launches(text, THURSDAY, small_gazetteer(), "Harborland Broadcasting")
    assert launch.date == THURSDAY
    assert "publication day" in launch.date_note


def test_in_a_us_dated_report_breaking_news_sets_no_day():
    text = "North Korea has launched an intercontinental ballistic missile, officials said."
    assert find_launches(text, THURSDAY, small_gazetteer(), "Axios") == []


def test_designations_of_two_classes_are_a_mixed_salvo():
    words = "North Korea fired six missiles, including Scud-type and Nodong missiles."
    assert missile_class(words) is None
