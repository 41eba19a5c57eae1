"""The table of known actors and the rules for everyone else."""

from __future__ import annotations

from dashboard.ingest import actors


def test_known_people_by_full_name_and_distinctive_part():
    assert actors.known_person("Choe Son Hui").state == "PRK"
    assert actors.person_by_part("Blinken").name == "Antony Blinken"
    assert actors.person_by_part("Kim") is None  # several Kims: never guessed


def test_bodies_states_and_types():
    assert actors.known_body("South Korea's Joint Chiefs of Staff").speaker_type == "military"
    assert actors.known_body("a spokeswoman for the State Department").state == "USA"
    assert actors.state_in("Japanese Prime Minister") == "JPN"
    assert actors.speaker_type_for("professor at Ewha Womans University") == "expert"
    assert actors.speaker_type_for("US ambassador to the United Nations") == "diplomat"


def test_titles_come_off_names():
    assert actors.strip_title("North Korean Foreign Minister Choe Son Hui") == "Choe Son Hui"
    assert actors.strip_title("President Biden") == "Biden"
