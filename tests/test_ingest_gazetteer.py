"""Sites found by name, alias and the loose ways articles name them."""

from __future__ import annotations

import pytest
from ingest_helpers import small_gazetteer

from dashboard.ingest.gazetteer import Gazetteer
from dashboard.paths import CURATED_DIR


@pytest.mark.parametrize(
    ("words", "site_id"),
    [
        ("fired from the Wonsan area", "wonsan-kalma"),
        ("launched near Sunan", "sunan"),
        ("fired from Onchon County", "onchon"),
        ("from Tongchang-ri on the west coast", "tongchang-ri"),
        ("from Wonsan Airbase", "wonsan-kalma"),
        ("from North Pyongan Province", "tongchang-ri"),  # the only known site there
    ],
)
def test_known_sites(words: str, site_id: str):
    [mention] = small_gazetteer().find(words)
    assert mention.site_id == site_id
    assert mention.text in words


def test_a_place_the_gazetteer_does_not_know_is_a_new_site_candidate():
    [mention] = small_gazetteer().find("fired from the Chongsan area")
    assert (mention.site_id, mention.name) == (None, "Chongsan")


def test_capital_city_as_a_government_is_not_a_site():
    assert small_gazetteer().find("Pyongyang said it would respond.") == []


def test_lookup_accepts_names_aliases_and_loose_forms():
    gazetteer = small_gazetteer()
    assert gazetteer.lookup("Wonsan Kalma International Airport") == "wonsan-kalma"
    assert gazetteer.lookup("the Wonsan area") == "wonsan-kalma"
    assert gazetteer.lookup("onchon") == "onchon"
    assert gazetteer.lookup("Atlantis") is None


def test_dataset_gazetteer_reads_the_curated_sites():
    gazetteer = Gazetteer.from_curated(CURATED_DIR)
    assert gazetteer.lookup("Uiju") == "uiju"
    assert gazetteer.lookup("Hodo Peninsula") == "hodo-peninsula"
