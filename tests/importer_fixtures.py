"""Small database copies and a small curated folder, written by the tests themselves.

The copies follow the layouts of the real databases (the NTI Missile Tests sheet as CSV; the
nagix data/ folder) with made-up rows, so every importer rule can be tested without the
reference files.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conftest import write_records

CNS_COLUMNS = (
    "F1",
    "Date",
    "Date Entered/Updated",
    "Launch Time (UTC)",
    "Missile Name",
    "Missile Type",
    "Launch Agency/Authority",
    "Facility Name",
    "Facility Location",
    "Other Name",
    "Facility Latitude",
    "Facility Longitude",
    "Landing Location",
    "Apogee",
    "Distance Travelled",
    "Confirmation Status",
    "Test Outcome",
    "Additional Information",
    "Source(s)",
)
# Text the importer must never carry into the dataset.
FREE_TEXT = "ZEBRA-NOTE curators must never see this sentence in the dataset"

EAST = (40.0, 128.0)  # a made-up coastal site
WEST = (39.0, 125.0)  # a made-up inland site, far from EAST
SITES = [
    {
        "site_id": "east-site",
        "name": "East Site",
        "aliases": [],
        "province": None,
        "state": "PRK",
        "lat": EAST[0],
        "lon": EAST[1],
        "source_ids": ["test-source"],
        "note": None,
    }
]


def cns_row(f1: int, date: str, time: str = "", **values: str) -> dict[str, str]:
    row = {column: "" for column in CNS_COLUMNS}
    row.update(
        {
            "F1": str(f1),
            "Date": date,
            "Date Entered/Updated": "1/2/2023",
            "Launch Time (UTC)": time,
            "Missile Name": "Test-1",
            "Missile Type": "SRBM",
            "Facility Name": "East Site",
            "Facility Location": "East County, Test Province",
            "Facility Latitude": str(EAST[0]),
            "Facility Longitude": str(EAST[1]),
            "Landing Location": "Sea of Japan or East Sea",
            "Apogee": "50 km",
            "Distance Travelled": "400 km",
            "Confirmation Status": "Confirmed",
            "Test Outcome": "Success",
            "Additional Information": FREE_TEXT,
            "Source(s)": "http://example.org/a",
        }
    )
    row.update(values)
    return row


def write_cns(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CNS_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def nagix_entry(date: str, time: str = "unknown", **values: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "date": date,
        "time": time,
        "missile": "test-1",
        "facility": "east",
        "landing": "sea-of-japan",
        "apogee": 50,
        "distance": 400,
        "bearing": 80,
        "outcome": "success",
        "description": FREE_TEXT,
    }
    entry.update(values)
    return entry


def write_nagix(folder: Path, entries: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tests = {"timeBins": [{"data": entries}]}
    facilities = {
        "facilities": {
            "east": {"name": "East Site", "lat": EAST[0], "lon": EAST[1]},
            "west": {"name": "West Test Field", "lat": WEST[0], "lon": WEST[1]},
            "unknown": {"name": "Unknown", "lat": 39.2, "lon": 125.67},
        }
    }
    missiles = {
        "test-1": {"name": "Test-1", "type": "SRBM"},
        "test-9": {"name": "Test-9", "type": "ICBM"},
        "unknown": {"name": "Unknown", "type": "Unknown"},
    }
    for name, content in (
        ("test.en.json", tests),
        ("facility.en.json", facilities),
        ("missile.en.json", missiles),
    ):
        (folder / name).write_text(json.dumps(content), encoding="utf-8")
    return folder


def reviewed_launch(**values: object) -> dict[str, object]:
    record: dict[str, object] = {
        "launch_id": "prk-2021-03-25-east-site",
        "review_status": "reviewed",
        "state": "PRK",
        "date_local": "2021-03-25",
        "time_local": "07:04",
        "site_id": "east-site",
        "missile_class": "SRBM",
        "missile_name": "Test-1",
        "count": 1,
        "range_km": 600,
        "apogee_km": 50,
        "heading_deg": None,
        "landing_area": "Sea of Japan / East Sea",
        "outcome": "success",
        "confirmation": "confirmed",
        "summary": "A reviewed test record.",
        "source_ids": ["test-source"],
        "cns_ids": [10],
    }
    record.update(values)
    return record


def curated_folder(root: Path, launches: list[dict[str, object]]) -> Path:
    """A minimal curated folder: one source, one site, the given reviewed launches."""
    curated = root / "curated"
    source = {
        "source_id": "test-source",
        "publisher": "Test publisher",
        "title": "A document the tests made up",
        "author": None,
        "published_date": "2023-01-01",
        "url": None,
        "kind": "analysis",
        "accessed_date": "2026-11-22",
        "local_copy": None,
        "note": None,
    }
    for table, records in (
        ("sources", [source]),
        ("launch_sites", SITES),
        ("launches", launches),
    ):
        (curated / table).mkdir(parents=True, exist_ok=True)
        write_records(curated / table / "reviewed.yaml", records)
    for table in ("diplomatic_events", "statements", "claims"):
        (curated / table).mkdir(parents=True, exist_ok=True)
    return curated
