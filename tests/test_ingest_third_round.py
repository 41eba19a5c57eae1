"""Rules of the third round (issue 7), each pinned by an invented fixture, none taken from a gold
article. Quotes: a subject before a quoted verb, an attribution closing the sentence, "it" as the
body that spoke before, a name after opening clauses, "named X", an age before a name, "citing X,
Y", "quoted X as saying", "in his remarks", honorifics, single quotation marks, a statement's label
over several quoted paragraphs, and a broadcast caption. Launches: breaking news dated by "said
Thursday", a day that belongs to another verb, "the March 3 launch", "days after", a South
Korean who only describes a launch, another zone's weekday, "today (March 4)", "today" in
Washington, and numbers inside designations."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import fixture_text, small_gazetteer

from dashboard.ingest import pipeline
from dashboard.ingest.evaluate import same_speaker
from dashboard.ingest.launches import find_launches
from dashboard.paths import CURATED_DIR

THURSDAY = dt.date(2026, 3, 5)


@pytest.fixture(scope="module")
def speakers() -> dict[str, dict]:
    text = fixture_text("third_round_quotes.txt")
    document = pipeline.run(pipeline.Article(text, THURSDAY), CURATED_DIR)
    return {r["quote"].rstrip("."): r for r in document["statements"] if r["quote"]}


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        # The Harborland NSC "strongly" denounced: subject, quote, verb.
        ("strongly", "Harborland National Security Council"),
        # The council "firmly rejected" ..., the presidential office said: the closing attribution.
        ("firmly rejected", "presidential office"),
        # It called the launch "...": the body that spoke in the sentence before.
        ("a grave provocation", "coast command"),
        ("We will not look away", "Ivar Lundqvist"),  # Mr Lundqvist, no full stop
        ("can be proud", "Ana Berg"),  # "Soon after ..., a teacher named Ana Berg said"
        ("This is a great day", "Ana Berg"),  # She added, "..."
        ("wonderful news", "Tomas Vik"),  # "Twenty-nine-year-old Tomas Vik calls"
        ("flew for about 40 minutes", "Mia Sato"),  # "Citing the secretary, Mia Sato, ..."
        ("an appropriate warning", "Ole Dahl"),  # "quoted Commander Ole Dahl as saying"
        ("stand firm", "Nils Ekberg"),  # "President Nils Ekberg in his remarks said"
        ("a reckless act", "Kari Holm"),  # ‘…’
        ("nothing justifies it", "Kari Holm"),
        ("We detected the launch at 7:10 a.m", "Harborland defense ministry"),
        ("We remain ready to respond", "Harborland defense ministry"),  # same label
        ("They want to show a working weapon", "Eva Lind"),  # [Eva Lind/Senior Fellow, ...: "…"]
        # The subject of the clause that holds the quote, not of the first clause.
        ("remain open for now", "Rita Nyberg"),
        ("do not test us", "Rita Nyberg"),  # "— where she warned"
        # "said X's Ministry of Foreign Affairs (MFA) in a statement, using ..."; then "it said".
        ("This test breaks the ceasefire", "Harborland's Ministry of Foreign Affairs"),
        ("It is reckless", "Harborland's Ministry of Foreign Affairs"),
        ("a shield for the nation", "Sten Falk"),  # "..., calling the missile “…”"
        ("cannot go unanswered", "Anna Lie"),  # "a statement from her spokesman"
        ("would only deepen the crisis", "Anna Lie"),  # "Adding new sanctions, she said"
        ("undermines regional stability", "Per Holm"),  # "The Secretary-General said"
    ],
)
def test_each_quote_goes_to_its_speaker(speakers, quote, speaker):
    assert quote in speakers, f"{quote!r} not found; found {sorted(speakers)}"
    assert speakers[quote]["speaker"] == speaker


def test_a_national_security_council_is_not_the_un_one(speakers):
    assert speakers["strongly"]["speaker_type"] == "government"
    assert same_speaker(speakers["an appropriate warning"]["speaker"], "Ole Dahl")
    assert speakers["an appropriate warning"]["speaker_type"] == "military"


def _launches(name: str, publisher: str | None = None) -> dict[dt.date, dict]:
    found = find_launches(fixture_text(name), THURSDAY, small_gazetteer(), publisher)
    return {launch.date: launch.fields for launch in found}


def test_launch_days_from_breaking_news_and_days_that_belong_elsewhere():
    found = _launches("third_round_launches.txt")
    # Thursday: "has fired two ..., the military said Thursday"; Wednesday (the day of the
    # criticism), Monday (the envoys' meeting) and Wednesday GMT are no launch days, and the
    # South Korean who describes the launch launches nothing.
    assert sorted(found) == [dt.date(2026, 3, 3), THURSDAY]
    thursday = found[THURSDAY]
    assert (thursday["count"], thursday["missile_class"]) == (2, "SRBM")
    assert (thursday["range_km"], thursday["apogee_km"]) == (300, 50)
    march_3 = found[dt.date(2026, 3, 3)]
    assert march_3["missile_class"] == "IRBM"  # "intermediate range", no hyphen
    assert march_3["count"] == 1  # "an ... missile", not the 25 of "KN-25"


def test_today_is_the_spelled_out_date_and_washington_today_leaves_the_day_open():
    assert list(_launches("today_explained.txt")) == [dt.date(2026, 3, 4)]
    # The WASHINGTON dateline alone puts "today" in US time.
    assert _launches("today_in_washington.txt") == {}
    # The same words from a desk in Korean time date the launch to the day of publication;
    # from a US publisher without a dateline they do not.
    text = fixture_text("today_in_washington.txt").replace("WASHINGTON -- ", "")
    found = find_launches(text, THURSDAY, small_gazetteer(), "Yonhap News Agency")
    assert [launch.date for launch in found] == [THURSDAY]
    assert find_launches(text, THURSDAY, small_gazetteer(), "US Department of State") == []


def test_earlier_in_the_day_is_the_day_it_was_said():
    # "said on Wednesday" alone dates the statement; "earlier in the day" puts the launch on it.
    found = _launches("earlier_in_the_day.txt")
    assert list(found) == [dt.date(2026, 3, 4)]
    assert found[dt.date(2026, 3, 4)]["missile_class"] == "IRBM"  # "IRBM or longer"
    assert found[dt.date(2026, 3, 4)]["count"] == 1  # "an ... or longer ballistic missile"
    assert found[dt.date(2026, 3, 4)]["site"].site_id == "sunan"


def test_the_agency_is_the_body_introduced_as_one():
    text = (
        "Harborland notified the Maritime Safety Union, a regional agency that assigns sea lanes,"
        " of the launch.\n\nHarborland failed to give some “required details” for the launch,"
        " according to the agency.\n"
    )
    document = pipeline.run(pipeline.Article(text, THURSDAY), CURATED_DIR)
    speakers = {r["quote"]: r["speaker"] for r in document["statements"] if r["quote"]}
    assert speakers == {"required details": "Maritime Safety Union"}


def test_a_press_release_names_who_issued_the_following_statement():
    text = fixture_text("press_release.txt")
    document = pipeline.run(pipeline.Article(text, THURSDAY), CURATED_DIR)
    speakers = {r["quote"].rstrip("."): r["speaker"] for r in document["statements"] if r["quote"]}
    assert speakers == {
        "This launch is a threat to our allies": "Jane Roe",
        "We must respond with our partners": "Jane Roe",
        # A party and state in brackets do not hide the name after "said".
        "The launch shows the need for vigilance": "John Doe",
    }


def test_figures_whose_cue_follows_them_or_whose_digits_are_spaced():
    found = _launches("figures_after.txt")
    tuesday, wednesday = found[dt.date(2026, 3, 3)], found[dt.date(2026, 3, 4)]
    assert (tuesday["apogee_km"], tuesday["range_km"]) == (6045, 1000)  # "6,045 km high"
    assert (wednesday["apogee_km"], wednesday["range_km"]) == (2802, 933)  # "2, 802 km"
