"""Shared bits of the ingest tests: fixture paths and a small gazetteer of made-up sites."""

from __future__ import annotations

from pathlib import Path

from dashboard.ingest.gazetteer import Gazetteer, Site
from dashboard.ingest.text import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def fixture_text(name: str) -> str:
    return read_article(FIXTURES / name)


def small_gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            Site("sunan", "Sunan", (), "Pyongyang", "PRK"),
            Site(
                "wonsan-kalma",
                "Wonsan Kalma International Airport",
                ("Wonsan Airbase",),
                "Kangwon",
                "PRK",
            ),
            Site("onchon", "Onchon", (), None, "PRK"),
            Site(
                "tongchang-ri",
                "Sohae Satellite Launching Station",
                ("Tongchang-ri",),
                "North Pyongan",
                "PRK",
            ),
            Site("pyongyang-airport", "Pyongyang International Airport", (), "Pyongyang", "PRK"),
        ]
    )
