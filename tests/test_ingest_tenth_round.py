"""Rules of the tenth round (issue 7), each pinned by an invented sentence. They came from the
errors on round 35's articles, read after that batch's one held-out scoring.

Dates: a day state media "confirmed" or "reported" a launch on is the day of the report, and of
two report days one after the other the earlier is the launch's; "The Tuesday test" and "The
test-fire was conducted … on Tuesday" date the launch though they name no missile.

Quotes: a quote that opens a paragraph is the person's the paragraph before was about; "an
official at the Joint Chiefs of Staff said …" is who "he" is next; "with the ministry saying
“…”", "Trump's declaration that “…”", "X said, adding: “…”", "a move X said represented
“…”" and "…, though an official said he is “…”" name the speaker of their own clause;
"the “…” and the “…,” KCNA reported" gives both quotes to KCNA; "Kim said … “…,” KCNA
reported" is Kim's; "her spokeswoman" is the spokeswoman the article named; a quoted missile
name is nobody's words."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest import dates
from dashboard.ingest.actors import known_body
from dashboard.ingest.launches import count_match, find_launches
from dashboard.ingest.statements import find_statements

SATURDAY = dt.date(2022, 1, 15)
TUESDAY = dt.date(2022, 1, 11)


def speakers_of(text: str) -> list[tuple[str, str]]:
    return [(s.quote.text.rstrip(",."), s.speaker.name) for s in find_statements(text) if s.quote]


def launch_days(text: str, published: dt.date) -> list[dt.date]:
    return [launch.date for launch in find_launches(text, published, small_gazetteer(), None)]


def test_of_two_report_days_in_a_row_the_earlier_is_the_launchs():
    text = (
        "North Korea confirmed on Saturday it test-launched ballistic missiles from a train.\n\n"
        "The report came a day after South Korea's military said on Friday it detected the "
        "firing of two missiles into the sea in what became the third weapons launch this "
        "month."
    )
    assert launch_days(text, SATURDAY) == [dt.date(2022, 1, 14)]


def test_a_report_days_apart_does_not_move_the_launch():
    # The president's remark five days earlier is about missile tests in general.
    text = (
        "North Korea fired off multiple projectiles, South Korean officials said early "
        "Wednesday morning local time.\n\n"
        "Trump said Friday he didn't mind North Korea testing short-range missiles."
    )
    assert launch_days(text, dt.date(2019, 7, 31)) == [dt.date(2019, 7, 31)]


@pytest.mark.parametrize(
    "dating",
    [
        "The test-fire was conducted by the Academy of Defence Science on Tuesday, the report "
        "said.",
        "The Tuesday test, which came as the Security Council met, drew swift condemnation.",
    ],
)
def test_a_sentence_that_dates_the_test_itself_beats_the_day_it_was_reported(dating):
    text = (
        "North Korea test-fired a hypersonic missile, the official Korean Central News Agency "
        f"reported early Wednesday.\n\n{dating}"
    )
    assert launch_days(text, dt.date(2022, 1, 12)) == [TUESDAY]


def test_a_quote_opening_a_paragraph_is_the_person_the_paragraph_before_was_about():
    text = (
        "President Trump on Friday downplayed the tests, as he tries to restart talks with "
        "North Korean leader Kim Jong Un.\n\n"
        "“They’re short-range missiles. My relationship is very good,” he told reporters."
    )
    assert speakers_of(text) == [
        ("They’re short-range missiles. My relationship is very good", "Donald Trump")
    ]


@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        (
            "An official at South Korea's Joint Chiefs of Staff said it appeared to have been "
            "a Rodong.",
            "official at South Korea's Joint Chiefs of Staff",
        ),
        (
            "They may have been ballistic missiles, a spokesman for Japan’s defense ministry said.",
            "spokesman for Japan’s defense ministry",
        ),
    ],
)
def test_he_after_an_unnamed_official_is_that_official(before, speaker):
    text = (
        f"The launch was condemned by Shinzo Abe.\n\n{before}\n\n"
        "The launch showed the North's “ambition to attack neighbours,” he said."
    )
    assert speakers_of(text)[-1] == ("ambition to attack neighbours", speaker)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo also confirmed the launch, with the Japanese defence ministry saying “a "
            "suspected ballistic missile was launched” in a post on X.",
            [("a suspected ballistic missile was launched", "Japanese defence ministry")],
        ),
        (
            "SEOUL: North Korea on Tuesday claimed it had launched an ICBM, a rebuke to US "
            "President Donald Trump’s earlier declaration that such a test “won’t happen!”",
            [("won’t happen!", "Donald Trump")],
        ),
        (
            "For its part, the U.S. military in the Indo-Pacific region remarked that “the "
            "launch does not pose a threat.”",
            [("the launch does not pose a threat", "U.S. military")],
        ),
        (
            "Theresa May was briefed.\n\nLondon and Tokyo have been in “constant contact” ahead "
            "of the trip, Mrs May's spokeswoman said, adding: “We are going on the trip.”",
            [("We are going on the trip", "May's spokeswoman")],
        ),
        (
            "The missile landed in the Pacific, a move Japan's PM Shinzo Abe said represented an "
            "“unprecedented, serious and important threat”.",
            [("unprecedented, serious and important threat", "Shinzo Abe")],
        ),
        (
            "The North has reported no cases, though a top U.S. military official said last "
            "week he is “fairly certain” there were infections.",
            [("fairly certain", "top U.S. military official")],
        ),
        (
            "Kim Jong-un personally oversaw the test, state media said on Wednesday, and urged "
            "the country to build more “strategic military muscle” despite sanctions.",
            [("strategic military muscle", "Kim Jong Un")],
        ),
    ],
)
def test_a_clause_names_the_speaker_of_its_own_quote(text, expected):
    assert speakers_of(text) == expected


def test_two_quotes_joined_by_and_share_the_source_that_closes_the_sentence():
    text = (
        "Kim ordered the test because of the “daily-escalating military tension” and the "
        "“inevitability of the confrontation,” state news agency KCNA reported."
    )
    assert speakers_of(text) == [
        ("daily-escalating military tension", "state news agency KCNA"),
        ("inevitability of the confrontation", "state news agency KCNA"),
    ]


def test_a_speaker_who_said_it_keeps_the_quote_an_agency_reported():
    text = (
        "Kim Jong Un oversaw the launch. Kim, who watched it, said the system would “reliably "
        "contain any rivals,” the Korean Central News Agency (KCNA) reported."
    )
    assert speakers_of(text) == [("reliably contain any rivals", "Kim Jong Un")]


def test_her_spokeswoman_is_the_spokeswoman_of_the_person_the_article_named():
    text = (
        "Theresa May condemned the launch. Mrs May's spokeswoman said talks went on.\n\n"
        "Kim Jong Un's regime faces sanctions, and “over the next days the Prime Minister will "
        "meet Abe,” her spokeswoman told reporters."
    )
    assert speakers_of(text) == [
        ("over the next days the Prime Minister will meet Abe", "Theresa May")
    ]


def test_a_quoted_missile_name_is_nobodys_words_and_the_statement_is_its_issuers():
    text = (
        "Hours after the launch, the North issued a statement, saying a test of the new "
        "“Hwasong-15” ICBM was carried out.\n\n"
        "“The Hwasong 14 and its successor are ready,” the statement said.\n\n"
        "Analysts called it the “Hwasong 14”."
    )
    assert speakers_of(text) == [
        ("The Hwasong 14 and its successor are ready", "North Korea"),
    ]


def test_a_us_clock_past_midnight_in_korea_moves_a_us_pages_day():
    text = (
        "Pentagon spokesman Col. Rob Manning said Tuesday that the missile was launched from "
        "Sain Ni and traveled about 1,000 kilometers.\n\n"
        "The Pentagon said it “detected a probable missile launch” at approximately 1:30 p.m. "
        "EST."
    )
    [launch] = find_launches(text, dt.date(2017, 11, 28), small_gazetteer(), "Associated Press")
    assert (launch.date, launch.fields["time_local"]) == (dt.date(2017, 11, 29), "03:30")
    # A day given in Korean time is Korea's already.
    text = text.replace("said Tuesday that", "said the missile launched early Wednesday local time")
    [launch] = find_launches(text, dt.date(2017, 11, 28), small_gazetteer(), "Associated Press")
    assert launch.date == dt.date(2017, 11, 29)


def test_it_was_launched_dates_a_launch_a_us_page_confirmed_the_evening_before():
    text = (
        "North Korea fired a missile that passed over Japan, the Pentagon confirmed Monday "
        "evening.\n\nIt was launched early Tuesday local time."
    )
    [launch] = find_launches(text, dt.date(2017, 8, 28), small_gazetteer(), "Washington Examiner")
    assert launch.date == dt.date(2017, 8, 29)


def test_its_fifth_launch_in_recent_weeks_is_still_the_news_of_the_day():
    text = "North Korea has fired two missiles into the sea, its fifth such launch in recent weeks."
    assert launch_days(text, dt.date(2019, 8, 10)) == [dt.date(2019, 8, 10)]
    # A run of launches is not one launch on the page's day.
    text = "North Korea has fired missiles repeatedly in recent weeks."
    assert launch_days(text, dt.date(2019, 8, 10)) == []


def test_rodong_sinmun_is_a_newspaper_not_a_missile():
    text = (
        "North Korea claims it tested its new intercontinental ballistic missile, the "
        "Hwasong-19, state media reported on Nov. 1. The ruling party newspaper, Rodong Sinmun, "
        "said leader Kim Jong-un ordered the Oct. 31 launch and supervised the test."
    )
    [launch] = find_launches(text, dt.date(2024, 11, 1), small_gazetteer(), None)
    assert launch.fields["missile_class"] == "ICBM"


def test_both_missiles_are_two():
    text = "North Korea fired both missiles into the sea off its eastern coast on Thursday."
    [launch] = find_launches(text, dt.date(2019, 7, 26), small_gazetteer(), None)
    assert launch.fields["count"] == 2


def test_a_speakers_today_on_the_launchs_day_gives_that_launch_its_time():
    text = (
        "North Korea fired a missile on Saturday, South Korea's military said.\n\n"
        "“North Korea fired an unidentified missile in the northeastern direction at around "
        "5:30 a.m today,” Seoul’s Joint Chiefs of Staff said in a statement."
    )
    [launch] = find_launches(text, dt.date(2017, 4, 29), small_gazetteer(), None)
    assert (launch.date, launch.fields.get("time_local")) == (dt.date(2017, 4, 29), "05:30")


def test_a_clock_time_without_its_last_stop_is_still_a_time():
    assert [t.hhmm for t in dates.find_times("at around 5:30 a.m today, and 7 p.m Friday")] == [
        "05:30",
        "19:00",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korea test-fired a missile, the official Korean Central News Agency (KCNA) "
            "reported.\n\nThe test was conducted on Tuesday, the report said.\n\n"
            "“The test-fire was aimed at the final verification,” it added.",
            [("The test-fire was aimed at the final verification", "Korean Central News Agency")],
        ),
        (
            "The South Korean Joint Chiefs of Staff said the North fired cruise missiles.\n\n"
            "“The details are being analyzed,” It added.",
            [("The details are being analyzed", "South Korean Joint Chiefs of Staff")],
        ),
        (
            "Calling the test an “essential step” in advancing North Korea’s strategic forces, "
            "Kim reiterated that the country’s commitment remains steadfast and “will not "
            "change.”",
            [("essential step", "Kim"), ("will not change", "Kim")],
        ),
        (
            "The test sparked condemnation, with the US State Department branding it a “threat to "
            "the international community”.",
            [("threat to the international community", "US State Department")],
        ),
    ],
)
def test_it_after_a_report_a_leading_participle_and_a_branding_body(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "New Zealand's Foreign Minister has called the latest test “completely "
            "unacceptable”.\n\nNorth Korea fired the missile late on Friday.\n\n"
            "New Zealand Foreign Minister Gerry Brownlee on Saturday denounced the test.",
            [("completely unacceptable", "Gerry Brownlee")],
        ),
        (
            "U.S. Defense Secretary Jim Mattis, repeated the warnings of President Donald Trump "
            "on Sunday. He said that North Korea can expect a “massive military response” if it "
            "threatens the United States.",
            [("massive military response", "Jim Mattis")],
        ),
        (
            "Japan's military said the missiles landed within the zone, and Prime Minister Fumio "
            "Kishida lodged a “severe” protest with North Korea.",
            [("severe", "Fumio Kishida")],
        ),
        (
            "Kim Jong-un oversees launch of new ICBM dubbed “monster missile” as crisis brews\n\n"
            "Analysts said the launch of the “monster missile” was a warning.",
            [("monster missile", "Analysts")],
        ),
    ],
)
def test_a_role_named_later_a_stray_comma_a_clause_of_its_own_and_the_headline(text, expected):
    assert speakers_of(text) == expected


def test_a_name_the_words_are_given_is_nobodys_words():
    text = (
        "South Korean and American forces began joint drills, dubbed “Freedom Shield 23,” on "
        "Monday, the military said. North Korean media announced the launch of the “Chollima "
        "-1” rocket, and the ministry said it was “a grave provocation.”"
    )
    assert [quote for quote, _ in speakers_of(text)] == ["a grave provocation"]


def test_missiles_detected_on_a_day_according_to_seouls_military_are_north_koreas():
    text = (
        "North Korea's short-range ballistic missiles were detected on Thursday at 6:29 p.m. "
        "According to South Korea's Joint Chiefs of Staff, three ballistic missiles were fired "
        "from Sunan into the East Sea."
    )
    [launch] = find_launches(text, dt.date(2022, 5, 13), small_gazetteer(), None)
    assert (launch.state, launch.date, launch.fields["time_local"], launch.fields["count"]) == (
        "PRK",
        dt.date(2022, 5, 12),
        "18:29",
        3,
    )


@pytest.mark.parametrize(
    ("publisher", "day"),
    [("The Daily Telegraph", dt.date(2017, 8, 29)), ("Yonhap News Agency", dt.date(2017, 8, 28))],
)
def test_last_night_on_a_page_west_of_asia_is_koreas_morning_of_the_pages_day(publisher, day):
    text = "North Korea fired a missile over Japan last night, officials said."
    [launch] = find_launches(text, dt.date(2017, 8, 29), small_gazetteer(), publisher)
    assert launch.date == day


def test_a_hawaii_clock_moves_a_us_pages_day_too():
    text = (
        "North Korea test-fired a ballistic missile, South Korean media reported on Friday.\n\n"
        "“U.S. Pacific Command detected a North Korean missile launch at 10:33 a.m. Hawaii "
        "time,” the commander said."
    )
    [launch] = find_launches(text, dt.date(2017, 4, 28), small_gazetteer(), "The Daily Beast")
    assert (launch.date, launch.fields["time_local"]) == (dt.date(2017, 4, 29), "05:33")


def test_this_mornings_launch_on_an_asian_page_dates_an_undated_lede():
    text = (
        "North Korea “successfully” test fired an intercontinental ballistic missile.\n\n"
        "“This morning's launch highlights the unacceptable threat,” Turnbull said."
    )
    [launch] = find_launches(text, dt.date(2017, 11, 29), small_gazetteer(), "Firstpost (India)")
    assert (launch.date, launch.fields["missile_class"]) == (dt.date(2017, 11, 29), "ICBM")
    # Without the words, an undated lede dates nothing.
    assert launch_days(text.replace("This morning's launch", "The launch"), SATURDAY) == []


@pytest.mark.parametrize("vague", ["several cruise missiles", "multiple “projectiles”"])
def test_a_vague_number_leaves_the_count_open_whatever_follows(vague):
    text = (
        f"North Korea fired {vague} toward the Yellow Sea on Wednesday, the military said. "
        "It marks the first launch since September, when it test-fired two cruise missiles."
    )
    [launch] = find_launches(text, dt.date(2024, 1, 24), small_gazetteer(), None)
    assert "count" not in launch.fields
    # A number given first stays.
    text = "North Korea fired two cruise missiles on Wednesday. Several missiles were seen."
    [launch] = find_launches(text, dt.date(2024, 1, 24), small_gazetteer(), None)
    assert launch.fields["count"] == 2


def test_a_follow_up_that_names_a_single_missile_counts_one():
    # The lede gives no number (since the twelfth round "fired the missile" would count one).
    text = (
        "North Korea fired projectiles from near Kusong on Saturday, officials said.\n\n"
        "“The missile is presumed to be a Musudan intermediate-range ballistic missile,” the "
        "statement said."
    )
    [launch] = find_launches(text, dt.date(2016, 10, 15), small_gazetteer(), None)
    assert launch.fields["count"] == 1
    # Any other number in such a sentence may count anything.
    text = text.replace("a Musudan intermediate-range ballistic missile", "two Musudan missiles")
    [launch] = find_launches(text, dt.date(2016, 10, 15), small_gazetteer(), None)
    assert "count" not in launch.fields


def test_a_payload_this_missile_is_no_count():
    assert count_match("could carry a payload this missile lacks") is None
    assert count_match("could carry a payload, a missile") is not None


def test_it_said_after_a_quoted_statement_is_the_body_that_issued_it():
    text = (
        "“The members analyzed North Korea's intentions in test-firing missiles and expressed "
        "strong regret,” Cheong Wa Dae said in a statement.\n\n"
        "The members also “urged North Korea to come forward for dialogue,” it said."
    )
    assert speakers_of(text)[-1] == (
        "urged North Korea to come forward for dialogue",
        "Cheong Wa Dae",
    )


@pytest.mark.parametrize(
    "agency",
    [
        "North Korea's state news agency",
        "the North's official news agency",
        "North Korean news agency",
    ],
)
def test_north_koreas_news_agency_is_kcna(agency):
    assert known_body(agency).name == "KCNA"
    assert known_body("Yonhap news agency") is None


def test_the_military_is_the_military_body_named_just_before():
    text = (
        "South Korea's Joint Chiefs of Staff said the North fired a missile on Tuesday.\n\n"
        "“Our military has strengthened surveillance,” the military said."
    )
    assert speakers_of(text) == [
        ("Our military has strengthened surveillance", "ROK Joint Chiefs of Staff")
    ]


def test_a_statement_issued_by_names_its_issuer():
    text = (
        "In a statement issued by a State Department spokesperson, the U.S. called on North "
        "Korea “to refrain from provocations.”"
    )
    assert speakers_of(text) == [("to refrain from provocations", "State Department spokesperson")]


def test_a_possessive_subject_keeps_its_noun():
    text = (
        "Pyongyang's military called the test a success, describing it as part of its “duty to "
        "toughen its nuclear posture.”"
    )
    assert speakers_of(text) == [("duty to toughen its nuclear posture", "Pyongyang's military")]


# From round 36's errors, read after its one scoring.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“This is Pyongyang’s way of reminding everyone,” John Delury, assistant professor at "
            "Yonsei University in South Korea told CNN.",
            [("This is Pyongyang’s way of reminding everyone", "John Delury")],
        ),
        (
            # A place before the comma is no name in apposition.
            "The missile was “presumed” to be an SLBM, fired from near Sinpo, South Hamgyong "
            "Province, a source told the Chosun Ilbo.",
            [("presumed", "source")],
        ),
        (
            "The ministry in a statement condemned what it called an “open violation of the "
            "resolution.”",
            [("open violation of the resolution", "ministry")],
        ),
        (
            "'Nobody's happy' about the launch, says Trump\n\n"
            "Since then Kim Jong Un has accused Washington of acting in “bad faith” and given it "
            "until the end of the year.",
            [("bad faith", "Kim Jong Un")],
        ),
    ],
)
def test_round_36_speakers(text, expected):
    assert speakers_of(text) == expected


def test_the_countrys_formal_name_is_no_launch_point():
    text = (
        "North Korea fired two projectiles early Tuesday, the military said. Yonhap reported "
        "that the projectiles were fired from the Democratic People's Republic of Korea's South "
        "Hwanghae Province."
    )
    [launch] = find_launches(text, dt.date(2019, 8, 6), small_gazetteer(), None)
    assert "site" not in launch.fields
