"""Rules of the fifth round (issue 7), each pinned by an invented sentence. They came from the
errors on the 53 stored articles moved from held-out to dev on 2026-11-23. Dates: "the day
before yesterday", "N days ago", "last Thursday", "the very next day", "on July 4 and 5".
Launches: a day tied to the launch noun wins over "after"/"before", a nuclear test's day is not
a launch's, "since last Thursday" starts a run, "stop launching" is no launch, "a missile test"
and "at least two" give no count, a capability is not a flight, "exceeding" is a bound, "just
before 8 a.m." is no time, a lede dated by the day its launch was reported, one launch per day in
"the March 15th ICBM and March 18th SRBM launches", South Korean soldiers' launches, follow-ups
about "the intercontinental ballistic missile" or "the type of missile". Sites: provinces, a
launch point after "a.m.", never a weekday. Quotes: "said State Department spokeswoman X", a
surname ending in -ly, "The launch, state media said, …"."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest import dates
from dashboard.ingest.launches import count_match, find_launches
from dashboard.ingest.statements import find_statements

THURSDAY = dt.date(2026, 3, 5)


def launches_in(text: str, published: dt.date = THURSDAY, publisher: str | None = None):
    return find_launches(text, published, small_gazetteer(), publisher)


def days(text: str) -> list[dt.date]:
    return [m.date for m in dates.find_dates(text, THURSDAY) if m.precision == "day"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an ICBM the day before yesterday", [dt.date(2026, 3, 3)]),
        ("a launch two days ago", [dt.date(2026, 3, 3)]),
        # "Last Thursday" on a Thursday is a week back; plain "Thursday" is the day itself.
        ("since last Thursday", [dt.date(2026, 2, 26)]),
        ("on Thursday", [dt.date(2026, 3, 5)]),
        # "last Friday" is never the day after publication, as plain "Friday" may be.
        ("last Friday", [dt.date(2026, 2, 27)]),
        ("on March 1. The very next day", [dt.date(2026, 3, 1), dt.date(2026, 3, 2)]),
        ("on March 1 and 3 launched", [dt.date(2026, 3, 1), dt.date(2026, 3, 3)]),
        # A number after "and" that is a figure is not a second day.
        ("on March 1 and 3 missiles", [dt.date(2026, 3, 1)]),
    ],
)
def test_relative_and_paired_days(text, expected):
    assert days(text) == expected


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("North Korea conducted another ballistic missile launch", None),
        ("North Korea carried out a ballistic missile test", None),
        ("it has fired at least 11 short-range missiles", None),
        ("a barrage of at least 10 missiles", "10"),
        ("fired another missile", "another"),
    ],
)
def test_events_and_lower_bounds_are_not_counts(words, count):
    found = count_match(words)
    assert ((found["n"] or found["barrage"]) if found else None) == count


def test_a_day_tied_to_the_launch_noun_wins_over_before():
    [launch] = launches_in(
        "Tuesday's missile firings came just hours before the missile launches were condemned."
    )
    assert launch.date == dt.date(2026, 3, 3)


def test_a_nuclear_tests_day_is_not_a_launch_day():
    found = launches_in(
        "North Korea has test-fired two more short-range missiles, as condemnation of its Monday "
        "test of a nuclear bomb grows. The council spoke of the nuclear test of January 6, 2026 "
        "and the launch of missiles."
    )
    assert all(launch.date not in (dt.date(2026, 3, 2), dt.date(2026, 1, 6)) for launch in found)


def test_since_last_thursday_starts_a_run_and_is_no_launch():
    assert launches_in("Since last Thursday, North Korea has fired 11 missiles into the sea.") == []


def test_a_promise_to_stop_launching_is_no_launch():
    assert (
        launches_in(
            "Kim promised to stop launching missiles once the drills ended, which happened Tuesday."
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "range_km", "apogee_km"),
    [
        # What the missiles can do is not what they did.
        (
            "North Korea fired two missiles on Wednesday. The missiles have a range of 130 km.",
            None,
            None,
        ),
        (
            "North Korea fired a missile on Wednesday. It could reach as far as 13,000 km.",
            None,
            None,
        ),
        # A lower bound is not the figure, and it is no range either.
        (
            "North Korea fired a missile on Wednesday. The missile reached an altitude far "
            "exceeding 3,500 km and flew 1,000 km.",
            1000,
            None,
        ),
    ],
)
def test_capabilities_and_bounds_are_not_flight_figures(text, range_km, apogee_km):
    [launch] = launches_in(text)
    assert launch.fields.get("range_km") == range_km
    assert launch.fields.get("apogee_km") == apogee_km


def test_just_before_a_time_is_not_the_time():
    [launch] = launches_in("North Korea fired a missile just before 8 a.m. Wednesday.")
    assert "time_local" not in launch.fields


def test_an_undated_lede_takes_the_day_its_launch_was_reported():
    [launch] = launches_in(
        "North Korea has conducted another ballistic missile launch.\n\n"
        "Japan's government first reported the launch early Wednesday. The weapons were fired "
        "from South Hamgyong province."
    )
    assert launch.date == dt.date(2026, 3, 4)
    assert launch.fields["site"].name == "South Hamgyong province"


def test_a_statement_day_dates_a_launch_no_other_sentence_dates():
    found = launches_in(
        "South Korea's military says North Korea has fired three ballistic missiles.\n\n"
        "The Joint Chiefs of Staff issued a statement Wednesday saying the missiles were fired "
        "around midday.",
        publisher="Voice of America",
    )
    assert [launch.date for launch in found] == [dt.date(2026, 3, 4)]


def test_a_later_launch_day_beats_the_day_it_was_reported():
    found = launches_in(
        "The Security Council is set to discuss North Korea Thursday, days after its latest "
        "launch of an ICBM.\n\nTuesday's launch was widely condemned."
    )
    assert [launch.date for launch in found] == [dt.date(2026, 3, 3)]


def test_one_launch_per_day_with_its_own_class():
    found = launches_in(
        "We condemn the DPRK's February 15th ICBM and February 18th SRBM launches.", THURSDAY
    )
    assert [(launch.date, launch.fields.get("missile_class")) for launch in found] == [
        (dt.date(2026, 2, 15), "ICBM"),
        (dt.date(2026, 2, 18), "SRBM"),
    ]


def test_two_days_of_one_salvo_are_two_launches_with_the_figures_on_the_first():
    found = launches_in("The North on March 1 and 2 launched seven ballistic missiles.")
    assert [(launch.date, launch.fields.get("count")) for launch in found] == [
        (dt.date(2026, 3, 1), 7),
        (dt.date(2026, 3, 2), None),
    ]


def test_south_korean_soldiers_launch_for_the_south():
    found = launches_in(
        "North Korea fired an ICBM on Tuesday. Responding to the launch, U.S. and South Korean "
        "soldiers fired missiles into the sea on Wednesday."
    )
    assert [(launch.state, launch.date) for launch in found] == [
        ("PRK", dt.date(2026, 3, 3)),
        ("KOR", dt.date(2026, 3, 4)),
    ]


@pytest.mark.parametrize(
    ("follow", "kind"),
    [
        ("State media said the intercontinental ballistic missile can strike anywhere.", "ICBM"),
        ("Initial assessments indicate the type of missile was a KN-15.", "MRBM"),
    ],
)
def test_follow_ups_name_the_class(follow, kind):
    [launch] = launches_in(f"North Korea fired a missile on Wednesday. {follow}")
    assert launch.fields.get("missile_class") == kind


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "North Korea fired two missiles on Wednesday from South Pyongan province.",
            "South Pyongan province",
        ),
        (
            "A missile was fired just before 8 a.m. Wednesday from Unyul in the country's "
            "western Hwanghae province.",
            "Unyul",
        ),
        (
            "North Korea fired a missile on Wednesday. The launch Wednesday took place from the "
            "country's western Hwanghae province.",
            "Hwanghae province",
        ),
        # A weekday is not a place.
        ("The missiles were fired on Wednesday over several hours from Saturday morning.", None),
    ],
)
def test_launch_points(text, site):
    [launch] = launches_in(text)
    assert (launch.fields["site"].name if "site" in launch.fields else None) == site


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Officials spoke.\n\n“We are aware of the reports,” said State Department spokeswoman "
            "Jane Roe-Doe.",
            "Jane Roe-Doe",
        ),
        (
            "Officials spoke.\n\n“We call on them to stop,” said U.N. spokesman John Doe.",
            "John Doe",
        ),
        # "Kelly" is a surname, not an adverb to drop.
        (
            "Officials spoke.\n\nState Department spokesman Ian Kelly said the world “has spoken "
            "loudly” on the matter.",
            "Ian Kelly",
        ),
        (
            "The launch, state media said, showed an ability to respond with “overwhelming "
            "powerful force” to any foe.",
            "state media",
        ),
    ],
)
def test_attributions(text, speaker):
    [statement] = find_statements(text)
    assert statement.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A release's announcing paragraph ends in a full stop, and names hold full stops.
        (
            "Roe Condemns Launch\n\nHARBOR – U.S. Senator Jane Roe (D-Md.), Ranking Member of the "
            "Harbor Committee, issued the following statement on the launch.\n\n“The test is a "
            "clear threat to our allies and partners.”",
            "Jane Roe",
        ),
        (
            "Roe Statement\n\nHarbor, DC – Today, Representative Jane W. Roe, Chair of the Harbor "
            "Committee, issued the following statement:\n\n“I condemn these tests of two "
            "missiles.”",
            "Jane W. Roe",
        ),
        (
            "Roe Statement\n\nHARBOR – U.S. Senator Jane Roe today released this statement "
            "following the launch:\n\n“Yesterday, the North tested a long-range missile.”",
            "Jane Roe",
        ),
        # A joint statement speaks for both.
        (
            "Harbor, DC – Committee Chairman John Doe (D-MO) and Subcommittee Chair Jane Roe "
            "(D-CA) released the following joint statement concerning the launch:\n\n“We strongly "
            "condemn this test of a long-range missile.”",
            "John Doe and Jane Roe",
        ),
    ],
)
def test_a_release_announces_its_quoted_paragraphs(text, speaker):
    [statement] = find_statements(text)
    assert statement.speaker.name == speaker


def test_a_participle_after_a_quote_is_not_an_attribution_and_a_country_is_not_a_person():
    text = (
        "The United States condemned the launch, calling it a 'highly provocative act' today.\n\n"
        "Spokesperson John Doe said the launch broke United Nations resolutions.\n\n"
        "He vowed the U.S. will remain 'vigilant in the face of provocation,' saying Washington "
        "will work with the U.N. to pursue 'appropriate action.'"
    )
    assert [(s.quote.text, s.speaker.name) for s in find_statements(text)] == [
        ("highly provocative act", "United States"),
        ("vigilant in the face of provocation", "John Doe"),
        ("appropriate action.", "John Doe"),
    ]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "went on to say" is the verb, not part of who spoke; the role is the person named.
        (
            "Secretary of State John Doe said talks were possible.\n\nThe top U.S. diplomat went "
            "on to say that the North should “just stop these missile launches.”",
            "just stop these missile launches.",
            "John Doe",
        ),
        # "He" is the previous sentence's subject, not the person named last in it.
        (
            "Officials met.\n\nJohn Doe wrote on Twitter that he spoke with President Jan Roe "
            "about the launch. He said that “more sanctions will be imposed today.”",
            "more sanctions will be imposed today.",
            "John Doe",
        ),
    ],
)
def test_who_goes_on_to_say_and_who_he_is(text, quote, speaker):
    found = {s.quote.text: s.speaker.name for s in find_statements(text)}
    assert found[quote] == speaker


def test_what_was_fired_does_not_speak():
    found = find_statements(
        "The launch drew criticism.\n\nThe projectiles, assessed to be “short-range ballistic "
        "missiles,” traveled about 380 kilometers, according to the Joint Chiefs of Staff."
    )
    assert [s.speaker.name for s in found] == ["Joint Chiefs of Staff"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A person's role after a place is no apposition of the place; "the official" is the
        # one the article introduced (sixth round).
        (
            "SEOUL, May 19 -- North Korea fired a missile into the East Sea, a Seoul military "
            "official said.\n\n“It flew northeast,” the official said.",
            "Seoul military official",
        ),
        # "the country" after North Korea was named last is North Korea.
        (
            "North Korea has conducted five nuclear tests. The country has warned it was ready to "
            "test an ICBM “at any time” this year.",
            "North Korea",
        ),
        # "the 27-nation bloc" and "the bloc" are the EU the article named.
        (
            "The EU spoke.\n\n“The EU strongly condemns the launch,” the 27-nation bloc said in "
            "a statement.",
            "European Union",
        ),
        # "the agency" is the acronym named before "news agency".
        (
            "North Korea fired an ICBM, the state-run KCNA news agency reported.\n\n“The missile "
            "flew 999 km,” the agency said.",
            "KCNA",
        ),
        # A second clause after a quoted expression has its own subject.
        (
            "Park used the expression “unidentified projectiles,” while the South's military "
            "called them “two ballistic missiles” in its report.",
            "South's military",
        ),
        # "The ministry criticized the launch in a statement, saying “…”".
        (
            "Japan's Defense Ministry said the missile fell outside its zone.\n\nThe ministry "
            "criticized the launch in a statement, saying “The actions of North Korea threaten "
            "the peace.”",
            "Japan's Defense Ministry",
        ),
    ],
)
def test_who_the_noun_stands_for(text, speaker):
    found = find_statements(text)
    assert found[-1].speaker.name == speaker


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("two Musudan mid-range missiles", "MRBM"),  # the article's own class word
        ("a Musudan missile", "IRBM"),  # the table's, when the article names none
    ],
)
def test_an_articles_class_word_wins_over_the_table(words, kind):
    from dashboard.ingest.launches import missile_class

    assert missile_class(words)[0] == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It fired at around 6:40 a.m. Mupyeong-ri is near.", 2),
        ("It fired at 7 a.m. Korean time on Tuesday.", 1),
        ("It fired at 3:56 p.m. CDT and 6:03 p.m. CDT, June 21.", 1),
        ("It fired at 6 a.m. (local time).", 1),
    ],
)
def test_a_clock_time_ends_a_sentence_unless_its_zone_or_day_follows(text, expected):
    from dashboard.ingest.text import all_sentences

    assert len(all_sentences(text)) == expected


@pytest.mark.parametrize(
    ("spelling", "site_id"),
    [
        ("Mupyeong-ri", "mupyong"),  # Revised Romanisation of Mupyong-ni, the -ri left off
        ("Dongchang-ri", "tongchang"),  # d for t at the start of a word
        ("Banghyeon", "panghyon"),  # b for p, eo for o
    ],
)
def test_the_other_romanisation_folds_to_the_same_key(spelling, site_id):
    from dashboard.ingest.gazetteer import romanisation_key

    assert romanisation_key(spelling) == site_id


def test_a_place_in_the_other_romanisation_is_the_gazetteer_site():
    from dashboard.ingest.gazetteer import Gazetteer, Site

    gazetteer = Gazetteer(
        [
            Site("mupyong-ni", "Mupyong-ni Arms Plant", (), None, "PRK"),
            *small_gazetteer().sites.values(),
        ]
    )
    [point] = gazetteer.launch_points(
        "North Korea fired a short-range missile into waters off the east coast from "
        "Mupyeong-ri, Jagang Province at around 6:40 a.m."
    )
    assert point.site_id == "mupyong-ni"


def test_a_site_in_or_around_a_city_is_a_launch_point():
    [point] = small_gazetteer().launch_points(
        "North Korea fired a suspected intermediate-range ballistic missile at the Sea of Japan "
        "from a site in or around Pyongyang around noon."
    )
    assert point.name == "Pyongyang"


def test_a_us_evening_report_and_a_korean_clock_give_the_korean_day():
    # Published Tuesday 29 August (US page): "told NBC News Monday evening" is the US day of the
    # report; the Korean clock "5.57 a.m." with its day "Tuesday" is the launch's.
    found = find_launches(
        "SEOUL — North Korea has fired a ballistic missile towards Japan, a South Korean "
        "official told NBC News Monday evening.\n\n“North Korea fired a ballistic missile on "
        "Tuesday morning at around 5.57 a.m. (4:57 p.m. ET Monday),” an official said.",
        dt.date(2017, 8, 29),
        small_gazetteer(),
        "NBC News",
    )
    assert [(launch.date, launch.fields.get("time_local")) for launch in found] == [
        (dt.date(2017, 8, 29), "05:57")
    ]
