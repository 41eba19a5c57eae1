"""Rules of the seventh round (issue 7), each pinned by an invented sentence. They came from the
errors on round 32's articles, read after that batch's one held-out scoring. Quotes: a name part
two people share ("Jong") names neither; "Cmdr." does not end a sentence; "the spokesman" is the
person an apposition called a spokesman; a later clause with its own speaker ("… after
Pyongyang warned of a “…”", "… what it called a “…”"); "the JCS said, and called for a “…”".
Launches: "8:01 and 8:16 in the morning", "0640 h", a follow-up sentence gives the time ("The
tests were detected at 5:05 a.m.", "launched them … at 11:13 a.m."), but "the previous two
tests" are other launches."""

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


def speakers_of(text: str) -> list[tuple[str, str]]:
    return [(s.quote.text.rstrip(",."), s.speaker.name) for s in find_statements(text) if s.quote]


def test_a_name_part_two_people_share_names_neither():
    text = (
        "Leader Kim Jong-un who oversaw the test reportedly expressed satisfaction. He said it "
        'will make enemies suffer "extreme anxiety". Also at the site was his sister Kim Yo-jong.'
    )
    assert speakers_of(text) == [("extreme anxiety", "Kim Jong Un")]


def test_an_abbreviated_rank_does_not_end_the_sentence_and_the_role_finds_the_name_again():
    text = (
        '"We strongly condemn this," Cmdr. Gary Ross, a Pentagon spokesman, said in a '
        'statement.\n\n"We call on North Korea to refrain from actions," the spokesman said.'
    )
    assert speakers_of(text) == [
        ("We strongly condemn this", "Gary Ross"),
        ("We call on North Korea to refrain from actions", "Gary Ross"),
    ]


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        (
            "North Korea fired two missiles on Friday, South Korea's military said, after "
            'Harborland publicly warned earlier in the day of a "stronger and certain" response.',
            "stronger and certain",
            "Harborland",
        ),
        (
            "The launch comes two days after the North test-fired what it called cruise "
            "missiles, and less than a week after Defense Minister Ivar Lund ordered the "
            'military to respond to a "real war" if necessary.',
            "real war",
            "Ivar Lund",
        ),
        (
            "The North fired a missile into the East Sea during what it claimed to be tactical "
            '"nuclear counterattack" drills.',
            "nuclear counterattack",
            "North Korea",
        ),
        (
            "The launch came after the North slammed the port call and vowed action against what "
            'it called a "provocative act."',
            "provocative act",
            "North Korea",
        ),
    ],
)
def test_a_later_clause_with_its_own_speaker(sentence, quote, speaker):
    assert speakers_of(sentence) == [(quote, speaker)]


def test_a_participle_after_a_noun_is_not_a_clause_of_its_own():
    sentence = (
        "The council issued a statement after the meeting condemning the launch as "
        '"a clear violation."'
    )
    assert ("a clear violation", "meeting") not in speakers_of(sentence)


def test_said_and_then_another_verb_keeps_the_speaker():
    text = (
        '"Such military action is highly inappropriate," the JCS said, and called for an '
        '"immediate stop."'
    )
    assert speakers_of(text) == [
        ("Such military action is highly inappropriate", "JCS"),
        ("immediate stop", "JCS"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("launched at 8:01 and 8:16 in the morning", ["08:01", "08:16"]),
        ("at 10:30 in the evening", ["22:30"]),
        ("at 10:30 and 11:20 a.m.", ["10:30", "11:20"]),
        ("at around 0640 h (local time)", ["06:40"]),
        # A number before "in the morning" with no minutes is not a clock time.
        ("fired 5 in the morning", []),
    ],
)
def test_clock_times_that_borrow_their_half_of_the_day(text, expected):
    assert [t.hhmm for t in dates.find_times(text)] == expected


@pytest.mark.parametrize(
    "follow",
    [
        "The tests were detected at 5:05 a.m. and 5:15 a.m., the military said.",
        "Officials say Pyongyang launched them in an easterly direction at 5:05 a.m.",
        "The JCS said it detected the launch from 5:05 a.m.",
    ],
)
def test_a_follow_up_sentence_gives_the_time(follow):
    [launch] = launches_in("North Korea fired two ballistic missiles on Wednesday. " + follow)
    assert launch.fields.get("time_local") == "05:05"


def test_the_previous_tests_are_not_the_launch_in_hand():
    [launch] = launches_in(
        "North Korea fired a ballistic missile on Wednesday. The previous two tests involved "
        "what it claims are hypersonic missiles."
    )
    assert launch.fields.get("missile_class") != "hypersonic"
