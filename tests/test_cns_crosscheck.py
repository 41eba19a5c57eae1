"""Built launches agree with the CNS North Korea Missile Test Database rows they cite (cns_ids).

The CNS copy is reference material outside the project (../shared/reference); it is read here
only, and nothing from it is copied into the project.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from collections import defaultdict

import pyarrow.parquet as pq
import pytest
from conftest import require_shared

from dashboard import geo
from dashboard.paths import DATASETS_DIR

CNS_CSV = "reference/cns-nk-missile-db-2023/north_korea_missile_test_database.utf8.csv"
COVERED = (dt.date(2021, 1, 1), dt.date(2022, 12, 31))
KST_OFFSET = dt.timedelta(hours=9)
SITE_TOLERANCE_KM = 5.0
# "36 km"; CNS has one typo "330 lm". Spans ("between 25 and 90 km") and "Unknown" give None.
_KM = re.compile(r"(\d+(?:\.\d+)?) (?:km|lm)")


def cns_km(text: str) -> float | None:
    match = _KM.fullmatch(text.strip())
    return float(match.group(1)) if match else None


def cns_coordinate(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def kst_dates(row: dict[str, str]) -> set[dt.date]:
    """KST calendar dates a CNS row may mean.

    CNS mostly gives the UTC date with the UTC time, but some rows give the KST date with
    the UTC time of the evening before; so both the converted date and the date as written
    are accepted. Without a time, the date as written or the day after. Early rows give
    only a month ("Sep-84"): any day of it.
    """
    text = row["Date"].strip()
    if re.fullmatch(r"[A-Z][a-z]{2}-\d{2}", text):
        first = dt.datetime.strptime(text, "%b-%y").date()
        days = calendar.monthrange(first.year, first.month)[1]
        return {first + dt.timedelta(days=n) for n in range(days)}
    written = dt.datetime.strptime(text, "%d-%b-%y").date()
    time = row["Launch Time (UTC)"].strip()
    if not time or time.lower() == "unknown":
        return {written, written + dt.timedelta(days=1)}
    clock = dt.datetime.strptime(time, "%I:%M:%S %p").time()
    return {written, (dt.datetime.combine(written, clock) + KST_OFFSET).date()}


def in_covered_years(row: dict[str, str]) -> bool:
    return any(COVERED[0] <= day <= COVERED[1] for day in kst_dates(row))


def as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@pytest.fixture(scope="module")
def cns() -> dict[int, dict[str, str]]:
    path = require_shared(CNS_CSV)
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(row["F1"]): row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def launches() -> list[dict]:
    rows = pq.read_table(DATASETS_DIR / "launches.parquet").to_pylist()
    return [row for row in rows if row["cns_ids"]]


@pytest.fixture(scope="module")
def sites() -> dict[str, dict]:
    rows = pq.read_table(DATASETS_DIR / "launch_sites.parquet").to_pylist()
    return {row["site_id"]: row for row in rows}


@pytest.fixture(scope="module")
def claimed() -> dict[tuple[str, str], set[float]]:
    """(launch_id, field) -> numeric values claimed for it."""
    values: dict[tuple[str, str], set[float]] = defaultdict(set)
    for row in pq.read_table(DATASETS_DIR / "claims.parquet").to_pylist():
        number = as_number(row["value"])
        if number is not None:
            values[(row["launch_id"], row["field"])].add(number)
    return values


def test_cns_value_parsing():
    assert cns_km("36 km") == 36
    assert cns_km("330 lm") == 330
    assert cns_km("Unknown") is None
    assert cns_km("between 25 and 90 km") is None


def test_cns_dates_allow_for_the_mixed_convention():
    evening = {"Date": "24-Mar-21", "Launch Time (UTC)": "10:04:00 PM"}
    assert kst_dates(evening) == {dt.date(2021, 3, 24), dt.date(2021, 3, 25)}
    morning = {"Date": "14-Jan-22", "Launch Time (UTC)": "5:41:00 AM"}
    assert kst_dates(morning) == {dt.date(2022, 1, 14)}
    unknown = {"Date": "5-Jun-22", "Launch Time (UTC)": "Unknown"}
    assert kst_dates(unknown) == {dt.date(2022, 6, 5), dt.date(2022, 6, 6)}
    month = {"Date": "Sep-84", "Launch Time (UTC)": ""}
    assert min(kst_dates(month)) == dt.date(1984, 9, 1)
    assert len(kst_dates(month)) == 30


def test_every_cited_cns_row_exists(cns, launches):
    missing = [
        f"{launch['launch_id']}: F1 {f1}"
        for launch in launches
        for f1 in launch["cns_ids"]
        if f1 not in cns
    ]
    assert not missing, "cns_ids with no CNS row:\n" + "\n".join(missing)


def test_launch_dates_match_cns(cns, launches):
    mismatches = []
    for launch in launches:
        for f1 in launch["cns_ids"]:
            row = cns.get(f1)
            if row and launch["date_local"] not in kst_dates(row):
                allowed = ", ".join(sorted(str(d) for d in kst_dates(row)))
                mismatches.append(
                    f"{launch['launch_id']}: F1 {f1}: date {launch['date_local']}, CNS "
                    f"{row['Date']} {row['Launch Time (UTC)']} UTC allows {allowed}"
                )
    assert not mismatches, "\n".join(mismatches)


def test_launch_sites_are_near_the_cns_facility(cns, launches, sites):
    mismatches = []
    for launch in launches:
        site = sites.get(launch["site_id"]) if launch["site_id"] else None
        if site is None or site["lat"] is None:
            continue
        for f1 in launch["cns_ids"]:
            row = cns.get(f1)
            if row is None:
                continue
            lat = cns_coordinate(row["Facility Latitude"])
            lon = cns_coordinate(row["Facility Longitude"])
            if lat is None or lon is None:
                continue
            km = geo.distance_km(site["lat"], site["lon"], lat, lon)
            if km > SITE_TOLERANCE_KM:
                mismatches.append(
                    f"{launch['launch_id']}: F1 {f1}: site {site['site_id']} is {km:.1f} km "
                    f"from CNS {row['Facility Name']} ({lat}, {lon})"
                )
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize(
    ("field", "cns_column"), [("apogee_km", "Apogee"), ("range_km", "Distance Travelled")]
)
def test_cns_figures_are_recorded_or_claimed(cns, launches, claimed, field, cns_column):
    mismatches = []
    for launch in launches:
        for f1 in launch["cns_ids"]:
            row = cns.get(f1)
            value = cns_km(row[cns_column]) if row else None
            if value is None:
                continue
            if launch[field] == value or value in claimed[(launch["launch_id"], field)]:
                continue
            mismatches.append(
                f"{launch['launch_id']}: F1 {f1}: CNS {cns_column} {row[cns_column]!r}, "
                f"record {field} {launch[field]}, claims "
                f"{sorted(claimed[(launch['launch_id'], field)]) or 'none'}"
            )
    assert not mismatches, "\n".join(mismatches)


def test_every_cns_row_of_2021_2022_is_covered_once(cns, launches):
    covering: dict[int, list[str]] = defaultdict(list)
    for launch in launches:
        for f1 in launch["cns_ids"]:
            covering[f1].append(launch["launch_id"])
    in_scope = [f1 for f1, row in sorted(cns.items()) if in_covered_years(row)]
    assert in_scope, "no CNS rows in 2021-2022"
    problems = [
        f"F1 {f1} ({cns[f1]['Date']}, {cns[f1]['Facility Name']}): "
        + (f"covered by {covering[f1]}" if covering[f1] else "covered by no launch")
        for f1 in in_scope
        if len(covering[f1]) != 1
    ]
    assert not problems, "\n".join(problems)
