"""Rules of the twelfth round (issue 7), each pinned by an invented sentence. They came from
the count errors on the 400 dev news reports (rounds 29 and 31–39): the most common one was a
single missile named after the launch verb without a number word, which every annotator counts
as one ("launched its latest Hwasong-18 intercontinental ballistic missile")."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest.launches import find_launches

THURSDAY = dt.date(2023, 7, 13)


def counts(text: str) -> dict[dt.date, int | None]:
    found = find_launches(text, THURSDAY, small_gazetteer(), None)
    return {launch.date: launch.fields.get("count") for launch in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea launched its latest Hwasong-18 intercontinental ballistic missile on "
        "Wednesday, the military said.",
        "North Korea test-fired the Hwasong-18 ICBM on Wednesday, state media said.",
        "Pyongyang fired the North’s newest solid-fuel missile on Wednesday.",
    ],
)
def test_one_missile_named_after_the_launch_verb_is_a_count_of_one(sentence: str):
    text = f"Headline\n\n{sentence}\n"
    assert counts(text) == {dt.date(2023, 7, 12): 1}
    found = find_launches(text, THURSDAY, small_gazetteer(), None)[0]
    start, end = found.evidence["count"]
    assert text[start:end].split()[0] in ("launched", "test-fired", "fired")


@pytest.mark.parametrize(
    "sentence",
    [
        # Plural, or the missile as a kind of hardware rather than the thing flown.
        "North Korea launched the missiles on Wednesday, the military said.",
        "North Korea tested the missile engine on Wednesday, state media said.",
        "North Korea fired several cruise missiles on Wednesday and launched the new missile "
        "system, the military said.",
    ],
)
def test_plurals_and_hardware_give_no_count(sentence: str):
    assert counts(f"Headline\n\n{sentence}\n") == {dt.date(2023, 7, 12): None}
