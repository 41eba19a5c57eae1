"""Speaker phrases to speakers: surnames, pronouns, appositions and bodies."""

from __future__ import annotations

from dashboard.ingest.speakers import People, describe, register_people

TEXT = (
    "Park Won-gon, a professor at Ewha Womans University, said the launch was planned. "
    "Kim Joon-hyung, a former adviser to Moon, said so too. Later, he spoke again. "
    "Park added more.\n"
)


def people() -> People:
    found = People(TEXT)
    register_people(TEXT, [], found)
    return found


def test_surname_gets_the_full_name_and_its_description():
    position = TEXT.index("Park added")  # a surname stands for a full name named before it
    speaker = describe("Park", None, (position, position + 4), people(), [])
    assert speaker.name == "Park Won-gon"
    assert speaker.role == "a professor at Ewha Womans University"
    assert speaker.organization == "Ewha Womans University"
    assert speaker.speaker_type == "expert"


def test_he_is_the_last_person_named_outside_appositions():
    position = TEXT.index("he spoke")
    speaker = describe("he", None, (position, position + 2), people(), [])
    assert speaker.name == "Kim Joon-hyung"  # not Moon, named inside the apposition


def test_the_ministry_is_the_ministry_quoted_before():
    found = people()
    earlier = describe("North Korea’s foreign ministry", None, (0, 5), found, [])
    assert (earlier.state, earlier.speaker_type) == ("PRK", "government")
    assert describe("the ministry", None, (10, 20), found, [earlier]) is earlier


def test_pronouns_for_things_name_nobody():
    assert describe("It", None, (0, 2), people(), []) is None
