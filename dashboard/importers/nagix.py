"""The nagix/nk-missile-tests list: a folder laid out like that repository's `data/` folder.

`test.en.json` holds one entry per missile with its UTC date (`YYYY-MM-DD`, or `YYYY-MM` for
the earliest tests), UTC time and keys into `facility.en.json` (site name and coordinates) and
`missile.en.json` (name and class). Its `series` numbers are missing for most entries and
repeat within a day, so a missile is keyed `<UTC date>/<n>`: the n-th entry of that date in
file order. The facility `unknown` is a placeholder with an airport's
coordinates: it means no location. The entries' `description` text is never read.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dashboard.importers import facts
from dashboard.importers.facts import Copy, Missile, RowProblem

FILES = ("test.en.json", "facility.en.json", "missile.en.json")
# Misspellings in the list's site names, corrected where the name is shown.
SPELLING = {"Wast Sunan": "West Sunan", "missle": "missile"}
LANDING_UNKNOWN = {"na", "unknown"}


def _load(folder: Path, name: str) -> object:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _site_name(name: str) -> str:
    for wrong, right in SPELLING.items():
        name = name.replace(wrong, right)
    return name


def _number(value: object, field_name: str) -> float | None:
    if facts.is_unknown(value):
        return None
    if isinstance(value, str):  # the list writes some numbers as text
        try:
            return float(value)
        except ValueError:
            pass
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowProblem(field_name, f"expected a number or 'unknown', got {str(value)[:20]!r}")
    return float(value)


def _missile(entry: dict, nth: int, facilities: dict, missiles: dict) -> Missile:
    raw_date = str(entry.get("date", ""))
    try:
        if len(raw_date) == 7:
            day, precision = dt.datetime.strptime(raw_date, "%Y-%m").date(), "month"
        else:
            day, precision = dt.date.fromisoformat(raw_date), "day"
    except ValueError:
        raise RowProblem("date", f"unreadable date {raw_date[:20]!r}") from None
    raw_time = str(entry.get("time", "unknown")).removesuffix(" (UTC)")
    utc_time = None
    if not facts.is_unknown(raw_time):
        try:
            utc_time = dt.datetime.strptime(raw_time, "%H:%M").time()
        except ValueError:
            raise RowProblem("time", f"unreadable time {raw_time[:20]!r}") from None
    note = None
    if precision == "month":
        date_local, time_local = day.isoformat(), None
        note = "The database dates this launch only to the month."
    else:
        date_local, time_local = facts.kst(day, utc_time)
        if utc_time is None:
            note = facts.NO_TIME_NOTE
    facility_key = entry.get("facility")
    if facility_key not in facilities:
        raise RowProblem("facility", f"key {str(facility_key)[:30]!r} not in facility.en.json")
    site = facilities[facility_key]
    located = facility_key != "unknown"
    missile_key = entry.get("missile")
    if missile_key not in missiles:
        raise RowProblem("missile", f"key {str(missile_key)[:30]!r} not in missile.en.json")
    kind = missiles[missile_key]
    landing = entry.get("landing")
    bearing = _number(entry.get("bearing"), "bearing")
    if bearing is not None and not 0 <= bearing <= 360:
        raise RowProblem("bearing", f"bearing {bearing:g} outside 0..360")
    return Missile(
        key=f"{raw_date}/{nth}",
        date_local=date_local,
        date_precision=precision,
        date_note=note,
        time_local=time_local,
        site_name=_site_name(str(site["name"])) if located else None,
        site_lat=facts.coordinate(site.get("lat"), "facility lat", -90, 90) if located else None,
        site_lon=facts.coordinate(site.get("lon"), "facility lon", -180, 180) if located else None,
        site_location=None,
        missile_class=facts.missile_class(kind.get("type"), "missile type"),
        missile_name=None if missile_key == "unknown" else facts.text(kind.get("name")),
        apogee_km=_number(entry.get("apogee"), "apogee"),
        apogee_text=None,
        range_km=_number(entry.get("distance"), "distance"),
        range_text=None,
        heading_deg=bearing,
        landing_area=None if landing in LANDING_UNKNOWN else facts.landing_area(landing),
        outcome=facts.outcome(entry.get("outcome"), "outcome"),
        confirmation=None,  # the list does not say
    )


def parse(folder: Path) -> Copy:
    """The missiles of a nagix data folder; problems name the file, the entry and the field."""
    where = str(folder / "test.en.json")
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        return Copy("nagix", (), "", (f"{folder}: -: -: missing {', '.join(missing)}",))
    try:
        tests, facilities, missiles = (_load(folder, name) for name in FILES)
        facilities = facilities["facilities"]
        entries = [e for time_bin in tests["timeBins"] for e in time_bin["data"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        return Copy("nagix", (), "", (f"{folder}: -: -: not the nagix layout: {error}",))
    found, problems = [], []
    per_date: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"{where}: entry {position}: -: expected an object")
            continue
        day = str(entry.get("date"))[:10]
        per_date[day] = per_date.get(day, 0) + 1
        try:
            found.append(_missile(entry, per_date[day], facilities, missiles))
        except (RowProblem, AttributeError, TypeError) as problem:
            name = getattr(problem, "field", "-")
            problems.append(f"{where}: entry {position} (date {day[:10]!r}): {name}: {problem}")
    latest = max((str(e.get("date")) for e in entries if isinstance(e, dict)), default="")
    return Copy("nagix", tuple(found), latest, tuple(problems))
