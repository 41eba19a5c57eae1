"""Who said a quote, and when: the attribution rules on one fixture article.

The fixture (tests/fixtures/ingest/statements_attribution.txt, invented) holds one case per
known error of earlier versions: quotes left open over paragraphs, an attribution inside an
unclosed quote, the nearest name instead of the subject, datelines and sentence-initial words
taken for speakers, a date in another clause taken for the day of the words, and "expert"
given to every speaker nobody described.
"""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import fixture_text

from dashboard.ingest import pipeline
from dashboard.ingest.review import REWRITE, check_evidence
from dashboard.paths import CURATED_DIR

PUBLISHED = dt.date(2026, 3, 5)  # a Thursday


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    text = fixture_text("statements_attribution.txt")
    document = pipeline.run(pipeline.Article(text, PUBLISHED), CURATED_DIR)
    return {" ".join(r["quote"].split()[:3]): r for r in document["statements"] if r["quote"]}


def test_a_quote_left_open_goes_on_with_the_same_speaker_over_paragraphs(rows):
    for start in ("Nobody is calling", "The region has", "Our patience has"):
        assert rows[start]["speaker"] == "Anna Berg"
        assert rows[start]["speaker_role"] == "a spokeswoman for the ministry"


def test_an_attribution_inside_an_unclosed_quote_ends_the_quote(rows):
    row = rows["We are checking"]
    assert row["quote"] == "We are checking the flight data again and will publish what we find"
    assert row["speaker"] == "Tomas Ruud"
    assert rows["We have no"]["speaker"] == "Tomas Ruud"


def test_the_speaker_is_the_subject_of_the_verb_not_the_nearest_name(rows):
    holm = rows["saw the missile"]
    assert (holm["speaker"], holm["speaker_role"]) == ("Lena Holm", "navy press secretary")
    assert rows["without further delay."]["speaker"] == "members of the Northern Group"
    lund = rows["Any answer will"]
    assert (lund["speaker"], lund["speaker_role"]) == (
        "Ivar Lund",
        "the foreign minister of Harborland",
    )


def test_he_said_is_the_last_person_named_before_not_the_name_after(rows):
    assert rows["The launch changes"]["speaker"] == "Olav Dahl"  # not Holm, named after it
    assert rows["far less than"]["speaker"] == "Sven Moe"


def test_no_dateline_leading_word_or_full_stop_in_a_speaker(rows):
    assert rows["deeply worrying."]["speaker"] == "Harbor Ministry"
    assert rows["unacceptable."]["speaker"] == "council"
    assert rows["Nothing here surprises"]["speaker"] == "Tomas Ruud"
    assert rows["A second launch"]["speaker"] == "Hua"
    for row in rows.values():
        assert not row["speaker"].isupper() and not row["speaker"].endswith(".")
        assert row["speaker"].split()[0] not in ("Last", "Ahead", "On", "HARBORVILLE")


def test_the_date_comes_from_the_attribution_clause_only(rows):
    assert rows["saw the missile"]["date"] == dt.date(2026, 3, 3)  # "On Tuesday, ... told"
    assert rows["Any answer will"]["date"] == dt.date(2026, 3, 4)  # "told ... Wednesday"
    # "today" inside the quoted words and "the launch on Monday" do not date the words.
    for start in ("Nobody is calling", "Calm heads will"):
        assert rows[start]["date"] == PUBLISHED
        assert rows[start]["date_note"].startswith("Publication date of the article")
    assert rows["saw the missile"]["date_note"].startswith('Date from "Tuesday"')


def test_speaker_type_comes_from_the_role_and_is_never_a_guess(rows):
    assert rows["saw the missile"]["speaker_type"] == "military"  # "navy press secretary"
    assert rows["deeply worrying."]["speaker_type"] == "government"
    for start in ("The launch changes", "A second launch"):
        # Nobody says what these speakers are: a placeholder the curator must replace.
        assert rows[start]["speaker_type"].startswith(REWRITE)
    assert "expert" not in {r["speaker_type"] for r in rows.values()}


def test_a_stored_quote_drops_layout_whitespace_but_its_evidence_is_exact():
    text = "Reactions\n\nKim Dae-ho said the test was “a  clear\u00a0warning to\tall.”\n"
    document = pipeline.run(pipeline.Article(text, PUBLISHED), CURATED_DIR)
    [row] = document["statements"]
    assert row["quote"] == "a clear warning to all."
    where = row["evidence"]["quote"]
    assert where["text"] == text[where["start"] : where["end"]] == "a  clear\u00a0warning to\tall."
    assert check_evidence(document, text) == []
    row["quote"] = "a clear warning to everyone."
    assert check_evidence(document, text) != []
