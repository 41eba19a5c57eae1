"""Rules of the second round (issue 7): one invented fixture per kind of error, none taken from
a gold article. Launches: class, range and place from sentences that follow a launch without a
launch verb, a hedge between two classes, a range measured "from its launch pad", launch points
the gazetteer does not hold and aliases kept as data. Quotes: two apostrophes closing a quote, a
release speaking for whoever issued it, a title with a surname, a verb of opinion, a pronoun
after an opening clause, and a label paragraph."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_helpers import fixture_text, small_gazetteer

from dashboard.ingest import pipeline
from dashboard.ingest.evaluate import same_speaker
from dashboard.ingest.gazetteer import Gazetteer
from dashboard.ingest.launches import find_launches, missile_class
from dashboard.paths import CURATED_DIR

THURSDAY = dt.date(2026, 3, 5)


def _by_day(name: str, published: dt.date = THURSDAY) -> dict[dt.date, dict]:
    text = fixture_text(name)
    return {
        launch.date: launch.fields for launch in find_launches(text, published, small_gazetteer())
    }


def test_sentences_after_a_launch_give_its_class_range_and_new_launch_point():
    tuesday = _by_day("launch_follow_up.txt")[dt.date(2026, 3, 3)]
    assert tuesday["missile_class"] == "IRBM"
    assert tuesday["range_km"] == 900
    assert tuesday["site"].name == "Chonma-ri" and tuesday["site"].site_id is None
    assert tuesday["count"] == 1  # from the launch sentence, not from "They"


def test_a_hedge_between_two_classes_names_none_and_a_range_from_the_launch_pad_counts():
    assert missile_class("a medium- or intermediate-range ballistic missile") is None
    thursday = _by_day("launch_follow_up.txt")[THURSDAY]
    assert "missile_class" not in thursday
    assert thursday["range_km"] == 450


def test_launch_points_known_by_alias_or_new_but_never_a_country_or_capital():
    found = _by_day("launch_points.txt")
    assert found[dt.date(2026, 3, 2)]["site"].site_id == "tongchang-ri"
    wednesday = found[dt.date(2026, 3, 4)]
    assert (wednesday["site"].name, wednesday["site"].site_id) == ("Hwajin-ri", None)
    assert "site" not in found[dt.date(2026, 3, 3)]


def test_well_known_aliases_come_from_the_curated_sites():
    # Reports name the Sohae station by its village; the alias is curated data, not code.
    gazetteer = Gazetteer.from_curated(CURATED_DIR)
    for name in ("Tongchang-ri", "Tongchang-dong", "the Tongchang-ri area"):
        assert gazetteer.lookup(name) == "sohae"


@pytest.fixture(scope="module")
def quotes() -> dict[str, str]:
    text = fixture_text("statements_documents.txt")
    document = pipeline.run(pipeline.Article(text, THURSDAY), CURATED_DIR)
    return {r["quote"]: r["speaker"] for r in document["statements"] if r["quote"]}


def test_a_release_speaks_for_the_body_that_issued_it(quotes):
    assert same_speaker(quotes["We remain watchful and ready"], "Coastal Defense Command")


def test_a_document_with_no_issuer_named_is_no_speaker():
    text = fixture_text("statements_no_issuer.txt")
    document = pipeline.run(pipeline.Article(text, THURSDAY), CURATED_DIR)
    assert [r["speaker"] for r in document["statements"] if r["quote"]] == []


def test_two_apostrophes_close_a_quote_and_a_title_with_a_surname_is_the_full_name(quotes):
    assert quotes["The waters are calm tonight."] == "Lena M. Holt"
    assert quotes["No ship is missing"] == "Lena M. Holt"
    assert quotes["We will meet our partners tomorrow."] == "Lena M. Holt"


def test_a_verb_of_opinion_and_a_pronoun_after_an_opening_clause_attribute(quotes):
    assert same_speaker(quotes["further illegal catches."], "the ministry")
    assert quotes["routine drill."] == "Harborland"


def test_a_label_paragraph_names_the_speaker_of_the_quoted_paragraph_after_it(quotes):
    assert same_speaker(quotes["Our ships kept their stations through the night."], "Tove K. Lind")
