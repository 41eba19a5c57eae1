"""Rules of the sixth round (issue 7), each pinned by an invented sentence. They came from the
errors on round 29's dev articles after the fifth round: a weekday is the day after
publication only for a report dated in US time; "Nov. 5 last year" is one day; earlier launches
named by "since <day>, when it fired" or "its first launch since <day>", and "a day after
North Korea appeared to test"; a sentence that dates something else ("will meet at 3pm on
Wednesday to discuss the missile firing") gives the launch no figures; "the ICBM had an
altitude of" and "it is reported to have travelled" are follow-ups; a satellite makes a space
launch; military clock times; more launch points. Quotes: "…”, while a NATO spokesman said
the launch “…”", "she said" after "Press Secretary Karine Jean-Pierre said", "the JCS said,
adding that …", and "the official said" after "A U.S. intelligence official told"."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest import dates
from dashboard.ingest.launches import find_launches
from dashboard.ingest.statements import find_statements

WEDNESDAY = dt.date(2024, 9, 18)


def launches_in(text: str, published: dt.date = WEDNESDAY, publisher: str | None = None):
    return find_launches(text, published, small_gazetteer(), publisher)


def test_a_weekday_after_publication_is_last_weeks_unless_the_report_is_in_us_time():
    text = (
        "North Korea fired short-range missiles early on Wednesday. On Thursday, the North "
        "fired multiple short-range ballistic missiles into waters east of the peninsula."
    )
    korean = sorted(launch.date for launch in launches_in(text, publisher="Yonhap"))
    assert korean == [dt.date(2024, 9, 12), dt.date(2024, 9, 18)]
    # A US page dated Wednesday can report Thursday morning in Korea.
    american = sorted(launch.date for launch in launches_in(text, publisher="CNN"))
    assert dt.date(2024, 9, 19) in american


def test_the_publisher_time_magazine_is_matched_as_a_name_not_as_the_word_time():
    text = "North Korea has fired an intercontinental ballistic missile, sources said."
    [launch] = launches_in(text, publisher="Sky News (the copy's time line is UK)")
    assert launch.date == WEDNESDAY
    assert launches_in(text, publisher="TIME") == []  # US "has fired": the Korean day is open


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since Nov. 5 last year", dt.date(2023, 11, 5)),
        ("on March 3 last year", dt.date(2023, 3, 3)),
        ("on March 3 this year", dt.date(2024, 3, 3)),
    ],
)
def test_a_day_with_last_year_is_one_day_in_that_year(text, expected):
    found = dates.find_dates(text, WEDNESDAY)
    assert [(m.date, m.precision) for m in found] == [(expected, "day")]


@pytest.mark.parametrize(
    ("sentence", "day", "kind"),
    [
        (
            "It was the first ballistic missile launch by North Korea since Nov. 5 last year, "
            "when it fired several short-range missiles.",
            dt.date(2023, 11, 5),
            "SRBM",
        ),
        ("It was the North's first ICBM launch since July 12.", dt.date(2024, 7, 12), "ICBM"),
        (
            "The launch came a day after North Korea's military fired a short-range ballistic "
            "missile into the sea.",
            dt.date(2024, 9, 17),
            "SRBM",
        ),
        (
            "The launch comes two days after North Korea appeared to test long-range cruise "
            "missiles from a submarine.",
            dt.date(2024, 9, 16),
            "cruise",
        ),
    ],
)
def test_earlier_launches_named_in_passing(sentence, day, kind):
    lede = "North Korea fired a ballistic missile on Wednesday, the military said. "
    found = {launch.date: launch for launch in launches_in(lede + sentence)}
    assert set(found) == {WEDNESDAY, day}
    assert found[day].fields.get("missile_class") == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first launch since Jan. 20 inauguration of the president.",
        "It was the first launch since the May 4 talks.",
        "Tension has grown since Nov. 5, when talks broke down.",
    ],
)
def test_since_a_day_without_a_launch_on_it_adds_none(sentence):
    lede = "North Korea fired a ballistic missile on Wednesday, the military said. "
    assert [launch.date for launch in launches_in(lede + sentence)] == [WEDNESDAY]


def test_a_sentence_that_dates_something_else_gives_the_launch_no_figures():
    [launch] = launches_in(
        "North Korea fired a ballistic missile on Wednesday, the military said. The UN Security "
        "Council will meet at 3pm on Wednesday after requests from Japan to discuss the missile "
        "firing."
    )
    assert "time_local" not in launch.fields


@pytest.mark.parametrize(
    ("follow", "field", "value"),
    [
        ("South Korea's military says the ICBM had an altitude of 4,500km.", "apogee_km", 4500),
        ("It is reported to have travelled about 1,000km before coming down.", "range_km", 1000),
    ],
)
def test_follow_ups_that_name_the_class_or_say_it_is_reported(follow, field, value):
    [launch] = launches_in(
        "North Korea fired an intercontinental ballistic missile on Wednesday, officials said. "
        + follow
    )
    assert launch.fields.get(field) == value


@pytest.mark.parametrize(
    ("follow", "kind"),
    [
        ('"It was a failed attempt to put a satellite into orbit," the minister said.', "SLV"),
        ("State media said the satellite did not reach orbit.", "SLV"),
        # Imagery of the site, and a plan for later, say nothing of what was launched.
        ("Satellite imagery showed work at the site.", None),
        ("It comes as Pyongyang prepares to launch a spy satellite.", None),
        ("It had put a satellite into orbit on March 1.", None),
    ],
)
def test_a_launch_the_article_calls_a_satellites_is_a_space_launch(follow, kind):
    [launch] = launches_in("North Korea launched a long-range rocket on Wednesday. " + follow)
    assert launch.fields.get("missile_class") == kind


def test_a_named_class_wins_over_a_satellite_mention():
    [launch] = launches_in(
        "North Korea launched an ICBM on Wednesday. It said a satellite was not involved."
    )
    assert launch.fields.get("missile_class") == "ICBM"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("launched at Panghyon at 0755 KST", [("07:55", dates.KST)]),
        ("around 06:50 (2150 GMT)", [("06:50", None), ("21:50", "UTC")]),
        ("at 1400 hours", [("14:00", None)]),
        # A year is never a time.
        ("in 2017 and 1950", []),
    ],
)
def test_military_clock_times(text, expected):
    assert [(t.hhmm, t.zone) for t in dates.find_times(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        (
            "North Korea fired a missile on Wednesday at 0755 KST after a rapid vertical ascent "
            "of 550km.",
            "apogee_km",
            550,
        ),
        (
            "North Korea fired a missile on Wednesday that appeared to fly only 300 miles.",
            "range_km",
            483,
        ),
        ("North Korea fired a missile on Wednesday at 0755 KST.", "time_local", "07:55"),
    ],
)
def test_ascent_fly_and_military_times(sentence, field, value):
    [launch] = launches_in(sentence)
    assert launch.fields.get(field) == value


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # Places the small gazetteer does not know: only the launch-point wording finds them.
        ("North Korea fired a missile on Wednesday from a known test site in Kusong.", "Kusong"),
        (
            "The launch on Wednesday originated from Kusong, the military said of the missile.",
            "Kusong",
        ),
        (
            "North Korea conducted a drill on Wednesday, launching two ballistic missiles from an "
            "airfield in Kusong.",
            "Kusong",
        ),
    ],
)
def test_more_launch_points(sentence, place):
    [launch] = launches_in(sentence)
    assert launch.fields["site"].name == place


def test_a_day_after_firing_dates_the_earlier_salvo_with_its_count():
    found = {
        launch.date: launch
        for launch in launches_in(
            "North Korea on Wednesday fired a short-range missile into the sea, a day after firing "
            "three short-range guided missiles."
        )
    }
    assert found[dt.date(2024, 9, 17)].fields.get("count") == 3


def speakers_of(text: str) -> list[tuple[str, str]]:
    return [(s.quote.text.rstrip(","), s.speaker.name) for s in find_statements(text) if s.quote]


def test_a_while_clause_names_the_speaker_of_its_own_quote():
    text = (
        'An EU spokesman has said the missile launch is a "further violation of its '
        'obligations", while a NATO spokesman said the launch "undermines regional security".'
    )
    assert speakers_of(text) == [
        ("further violation of its obligations", "EU spokesman"),
        ("undermines regional security", "NATO spokesman"),
    ]


def test_she_is_the_titled_person_who_spoke_in_the_sentence_before():
    text = (
        "Prime Minister Fumio Kishida condemned the launch on Thursday.\n\n"
        "U.S. Press Secretary Karine Jean-Pierre said at a press conference that the United "
        "States condemns the launch. “This launch is in violation of resolutions,” she said."
    )
    assert speakers_of(text) == [
        ("This launch is in violation of resolutions", "Karine Jean-Pierre")
    ]


def test_the_participle_after_x_said_is_xs():
    text = (
        "The South Korean, US and Japanese militaries are working together to study more "
        "details of the launch, the JCS said, adding that the South Korean military is "
        "maintaining “full readiness posture,” while sharing information."
    )
    assert speakers_of(text) == [("full readiness posture", "JCS")]


def test_the_official_is_the_one_introduced_last():
    text = (
        "A South Korean military official said the missile flew far.\n\n"
        "“It flew over Japan,” the official said.\n\n"
        "A U.S. intelligence official told NBC News the context was multi-faceted.\n\n"
        "“North Korea has been testing a lot,” the official said."
    )
    assert speakers_of(text) == [
        ("It flew over Japan", "South Korean military official"),
        ("North Korea has been testing a lot", "U.S. intelligence official"),
    ]


def test_a_place_with_its_ending_written_on_is_the_gazetteers():
    from dashboard.ingest.gazetteer import romanisation_key

    assert romanisation_key("Tongchangri") == romanisation_key("Tongchang-ri")
    assert romanisation_key("Hamhung") == "hamhung"


def test_a_day_of_saying_just_after_the_launch_is_the_launch_day():
    [launch] = launches_in(
        "President Yoon warned Wednesday at a meeting that took place just after a long-range "
        "ballistic missile launch from the North was detected."
    )
    assert launch.date == WEDNESDAY


def test_first_time_since_a_year_and_a_run_of_tests_recently():
    [launch] = launches_in(
        "North Korea has tested a banned intercontinental ballistic missile for the first time "
        "since 2017, according to South Korea. North Korea has launched a flurry of missile "
        "tests recently."
    )
    assert (launch.date, launch.fields.get("missile_class")) == (WEDNESDAY, "ICBM")
    assert launches_in("North Korea has launched a flurry of missile tests recently.") == []


def test_a_satellite_launch_sentence_is_a_launch_sentence():
    [launch] = launches_in(
        "China expressed regrets on the launch by the DPRK of an earth observation satellite "
        "Wednesday morning."
    )
    assert (launch.date, launch.fields.get("missile_class")) == (WEDNESDAY, "SLV")


def test_a_us_today_with_a_korean_or_japanese_morning_clock_is_the_next_day_in_korea():
    text = "North Korea launched a missile in the middle of the night (3:17 a.m. in Japan) today."
    [american] = launches_in(text, publisher="Union of Concerned Scientists")
    assert (american.date, american.fields.get("time_local")) == (dt.date(2024, 9, 19), "03:17")
    [korean] = launches_in(text, publisher="Yonhap")
    assert korean.date == WEDNESDAY


def test_would_have_a_range_of_more_than_is_a_capability():
    [launch] = launches_in(
        "North Korea fired a missile on Wednesday. On a standard trajectory the missile would "
        "have a range of more than 13,000 kilometers."
    )
    assert "range_km" not in launch.fields


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“The launch is another flagrant violation,” said deputy US Ambassador to the United "
            "Nations Robert Wood.",
            "Robert Wood",
        ),
        (
            "Defense Minister Nobuo Kishi on Sunday morning also blasted the launches, saying, "
            "“We absolutely cannot tolerate this.”",
            "Nobuo Kishi",
        ),
        (
            '"The repeated firings are a serious problem," said a Japanese defense minister.',
            "Japanese defense minister",
        ),
    ],
)
def test_speakers_after_said_with_a_description_or_a_long_role(text, speaker):
    assert [name for _, name in speakers_of(text)] == [speaker]
