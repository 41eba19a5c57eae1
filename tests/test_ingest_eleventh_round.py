"""Rules of the eleventh round (issue 7), each pinned by an invented sentence. They came from
the errors on round 37's articles, read after that batch's one held-out scoring.

Dates: a dateline's day yields to an earlier day the sentence names; "four days after the
president took office on May 10" is four days after it; "on the 25th" is a day of the
publication's month, or of last month's; "1:55 Moscow time" is a clock time.

Places: a known site in the other romanisation ("Banghyeon") is found where no gazetteer
name is written; "the weapon was fired at 6:20 p.m." speaks of the launch in hand.

Speakers: "X, who said" is X's; a quote a news outlet closes with "said" is the words of the
one the sentence says spoke; "he" after "JCS spokesman Jeon said …" is the spokesman; "she"
is the woman the article named; "The Prime Minister said" is the prime minister named
before; "X spoke to reporters and said" is X's; the participle after "after Pyongyang
denounced …, calling" is Pyongyang's."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest import dates
from dashboard.ingest.gazetteer import Gazetteer, Site
from dashboard.ingest.launches import find_launches
from dashboard.ingest.statements import find_statements

TUESDAY = dt.date(2022, 1, 11)


def speakers_of(text: str) -> list[tuple[str, str]]:
    return [(s.quote.text.rstrip(",."), s.speaker.name) for s in find_statements(text) if s.quote]


def launches(text: str, published: dt.date, gazetteer: Gazetteer | None = None):
    return find_launches(text, published, gazetteer or small_gazetteer(), None)


def test_a_datelines_day_yields_to_an_earlier_day_the_sentence_names():
    text = (
        "SEOUL (Harbor News / Wire - 12th January, 2022) North Korea has fired several "
        "projectiles into the sea, the South's military said on Tuesday."
    )
    assert [launch.date for launch in launches(text, dt.date(2022, 1, 12))] == [TUESDAY]


@pytest.mark.parametrize(
    "text",
    [
        # Alone, the dateline's day is the day the news broke.
        "SEOUL, Jan. 11 (Harbor News) -- North Korea fired a ballistic missile, the South's "
        "military said.",
        # A later day is the report's, not the launch's.
        "NEW YORK, Jan. 11 (Harbor News) -- North Korea has test-fired a missile, the state "
        "agency reported early Wednesday local time.",
    ],
)
def test_a_datelines_day_stands_alone_or_before_a_report_day(text):
    assert [launch.date for launch in launches(text, dt.date(2022, 1, 11))] == [TUESDAY]


def test_days_after_another_event_on_a_date_count_from_that_date():
    text = (
        "North Korea fired a ballistic missile only four days after the new president took "
        "office on May 10."
    )
    assert [launch.date for launch in launches(text, dt.date(2017, 5, 15))] == [
        dt.date(2017, 5, 14)
    ]


def test_days_after_a_launch_on_a_day_keep_that_launch():
    # "two days after the regime fired two cruise missiles on Sunday": Sunday's own launch.
    text = (
        "North Korea fired two ballistic missiles on Tuesday. The firing comes two days after "
        "the regime fired two cruise missiles from a submarine on Sunday."
    )
    days = [launch.date for launch in launches(text, dt.date(2023, 3, 14))]
    assert days == [dt.date(2023, 3, 12), dt.date(2023, 3, 14)]


@pytest.mark.parametrize(
    ("words", "published", "day"),
    [
        ("The military said on the 26th that it had tracked the launch.", "2025-01-26", 26),
        ("It fired cruise missiles on the afternoon of the 25th.", "2025-01-26", 25),
    ],
)
def test_a_day_of_the_month_alone_is_in_the_publications_month(words, published, day):
    found = dates.find_dates(words, dt.date.fromisoformat(published))
    assert [m.date for m in found] == [dt.date(2025, 1, day)]


def test_a_day_of_the_month_after_publication_or_last_month_is_the_month_before():
    words = "Last month, it test-fired cruise missiles on the 11th and 12th. On the 28th, more."
    found = dates.find_dates(words, dt.date(2021, 10, 19))
    days = [m.date for m in found if m.precision == "day"]
    assert days == [dt.date(2021, 9, 11), dt.date(2021, 9, 12), dt.date(2021, 9, 28)]


def test_an_ordinal_that_counts_something_is_no_day():
    words = "It marked the 14th launch this year, ahead of the 9th Party congress."
    assert [m for m in dates.find_dates(words, dt.date(2022, 5, 4)) if m.precision == "day"] == []


def test_a_one_digit_hour_with_a_zone_is_a_24_hour_clock_time():
    found = dates.find_times("The missile was launched around 1:55 Moscow time.")
    assert [(t.hhmm, t.zone) for t in found] == [("01:55", "Europe/Moscow")]
    # Moscow is six hours behind Korea in February.
    assert dates.to_kst(dt.date(2017, 2, 12), "01:55", "Europe/Moscow") == (
        dt.date(2017, 2, 12),
        "07:55",
    )


def test_a_site_in_the_other_romanisation_is_found_in_running_text():
    gazetteer = Gazetteer([Site("panghyon", "Panghyon", (), "North Pyongan", "PRK")])
    text = "Satellite images showed launchers at Banghyeon a day before the test."
    assert [(m.text, m.site_id) for m in gazetteer.find(text)] == [("Banghyeon", "panghyon")]
    # Words that fold to no site are left alone.
    assert gazetteer.find("Images showed launchers at Bangkok a day before.") == []


def test_the_weapon_was_fired_speaks_of_the_launch_in_hand():
    text = (
        "The military said North Korea fired a short-range ballistic missile on Thursday.\n\n"
        "It said the weapon was fired at around 6:20 p.m. from near Sunan."
    )
    [launch] = launches(text, dt.date(2023, 3, 9))
    assert (launch.fields.get("time_local"), launch.fields["site"].site_id) == ("18:20", "sunan")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The projectiles were identified as ballistic missiles by Harbor Prime Minister "
            "Ivar Lund, who said he will “thoroughly discuss” the matter with allies.",
            [("thoroughly discuss", "Ivar Lund")],
        ),
        (
            "Kim Jong Un expressed great satisfaction with the test, saying it was “a "
            "practical demonstration of our strength,” the KCNA said.",
            [("a practical demonstration of our strength", "Kim Jong Un")],
        ),
        (
            "The Joint Chiefs of Staff claimed that one of the “launches possibly failed,” "
            "Yonhap reported.",
            [("launches possibly failed", "Joint Chiefs of Staff")],
        ),
        (
            "During his visit on Nov. 4, Ivar Lund spoke to reporters after talks with the "
            "defence minister in Seoul and said he was “greatly encouraged” by the talks.",
            [("greatly encouraged", "Ivar Lund")],
        ),
        (
            "The launch comes after Pyongyang on Sunday denounced drills by South Korea, Japan "
            "and the US, calling them an “Asian version of NATO.”",
            [("Asian version of NATO", "Pyongyang")],
        ),
    ],
)
def test_the_speaker_is_who_the_sentence_says_spoke(text, expected):
    assert speakers_of(text) == expected


def test_he_after_a_spokesman_named_with_his_role_is_the_spokesman():
    text = (
        "JCS spokesman Jeon Ha-kyu said in a briefing that the North seems to follow leader "
        "Kim Jong Un's orders for more tests.\n\n"
        '"The military is keeping open the possibility of more launches," he said.'
    )
    assert speakers_of(text) == [
        ("The military is keeping open the possibility of more launches", "Jeon Ha-kyu")
    ]


def test_she_is_the_woman_the_article_named_not_the_man_named_last():
    text = (
        "After the launch, Kim Yo Jong, the sister of leader Kim Jong Un, issued a "
        "statement.\n\n"
        "She warned that the North might step up its military activities.\n\n"
        '"We are carefully examining it," she said, adding, "The frequency depends on the '
        'US."'
    )
    assert speakers_of(text) == [
        ("We are carefully examining it", "Kim Yo Jong"),
        ("The frequency depends on the US", "Kim Yo Jong"),
    ]


def test_the_prime_minister_is_the_prime_minister_named_before():
    text = (
        "Harbor's Prime Minister Ivar Lund said the missiles had not landed in its waters. "
        "Foreign Minister Jane Roe was at the meeting.\n\n"
        "The Prime Minister said Harbor would stay “in close contact with its allies.”"
    )
    assert speakers_of(text) == [("in close contact with its allies", "Ivar Lund")]


# Rules from round 38's errors, read after that batch's one held-out scoring.


def test_figures_after_a_lede_dated_by_its_report_day_go_to_that_launch():
    text = (
        "The Joint Chiefs of Staff said Sunday that North Korea fired multiple ballistic "
        "missiles toward the East Sea in the morning.\n\n"
        "According to the JCS, the missiles covered approximately 900 kilometers, and the "
        "allies are examining the specifics."
    )
    [launch] = launches(text, dt.date(2026, 1, 4))
    assert (launch.date, launch.fields.get("range_km")) == (dt.date(2026, 1, 4), 900.0)
    assert launch.fields.get("count") is None  # "multiple", and a follow-up never counts


def test_an_asian_pages_undated_news_is_of_its_datelines_day():
    text = (
        "SEOUL, July 4 (Harbor News) -- The president will chair a security meeting later "
        "Tuesday, his office said.\n\n"
        "North Korea fired an unidentified projectile into the East Sea from near Sunan, the "
        "Joint Chiefs of Staff reported earlier.\n\n"
        "The launch took place at around 9:40 a.m., it said."
    )
    [launch] = find_launches(text, dt.date(2017, 7, 4), small_gazetteer(), None)
    assert launch.date == dt.date(2017, 7, 4)
    assert (launch.fields.get("time_local"), launch.fields["site"].site_id) == ("09:40", "sunan")


def test_a_page_west_of_asia_keeps_an_undated_lede_undated():
    # A page that can carry the day before Korea's gives no day from its dateline alone.
    text = (
        "LONDON, July 4 (Harbor Wire) -- The president will chair a security meeting, his "
        "office said.\n\n"
        "North Korea fired an unidentified projectile into the East Sea, the Joint Chiefs of "
        "Staff reported earlier."
    )
    assert find_launches(text, dt.date(2017, 7, 4), small_gazetteer(), "Harbor Wire") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The North Korean leader’s sister called Moon Jae-in a U.S. “parrot” and said the "
            "DPRK has a “right to self defense.”",
            [("right to self defense", "Kim Yo Jong")],
        ),
        (
            "Prime Minister Ivar Lund said the launch was unacceptable.\n\n"
            "Lund, speaking during a visit to Britain, called upon the region to “show "
            "solidarity” in response.",
            [("show solidarity", "Ivar Lund")],
        ),
        (
            "Kim Yo Jong issued a statement Tuesday night that condemned Cheong Wa Dae for "
            "voicing its “strong concern” about the drills.",
            [("strong concern", "Cheong Wa Dae")],
        ),
    ],
)
def test_the_speaker_of_round_38s_phrasings(text, expected):
    assert speakers_of(text) == expected


# Rules from round 39's errors, read after that batch's one held-out scoring.


def test_a_launch_point_beats_a_province_that_holds_one_site():
    # The gazetteer does not know Kwail: the place is proposed by its name.
    gazetteer = Gazetteer(
        [Site("tonghae", "Tonghae Launching Ground", (), "North Hamgyong", "PRK")]
    )
    text = (
        "North Korea fired three missiles from the area of Kwail on Monday, which flew toward "
        "an island off Kilju in North Hamgyong Province."
    )
    [launch] = launches(text, dt.date(2024, 3, 18), gazetteer)
    assert (launch.fields["site"].site_id, launch.fields["site"].name) == (None, "Kwail")


@pytest.mark.parametrize(
    "words",
    [
        "North Korea fired missiles from its capital Pyongyang towards the sea.",
        "The object, fired from North Korea's mountainous northern Pyongyang area, flew east.",
    ],
)
def test_a_capital_and_a_described_region_are_launch_points(words):
    found = small_gazetteer().launch_points(words)
    assert [m.name for m in found] == ["Pyongyang"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim Jong Un spoke of new weapons in January.\n\n"
            "“We have seized the advantage,” said the North Korean leader in January.",
            [("We have seized the advantage", "Kim Jong Un")],
        ),
        (
            "President Donald Trump welcomed the news.\n\n"
            "“North Korea has agreed to suspend tests,” Trump earlier wrote.",
            [("North Korea has agreed to suspend tests", "Donald Trump")],
        ),
        (
            "President-elect Ivar Lund spoke on Monday.\n\n"
            "“The incumbent government failed,” President-elect Lund said.",
            [("The incumbent government failed", "Ivar Lund")],
        ),
        (
            "“The launch appeared to have failed,” South Korea’s Joint Chiefs of Staff was "
            "quoted by Yonhap as saying.",
            [("The launch appeared to have failed", "South Korea’s Joint Chiefs of Staff")],
        ),
        (
            "The spacecraft, identified as “Harbor-1”, will contribute to “the readiness of "
            "the forces”, according to North Korean state media.",
            [("the readiness of the forces", "North Korean state media")],
        ),
    ],
)
def test_the_speaker_of_round_39s_phrasings(text, expected):
    assert speakers_of(text) == expected
