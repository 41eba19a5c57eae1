"""Missile facts as read from a database copy, and the conversions every importer shares."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import astuple, dataclass, field, fields, replace

KST = dt.timezone(dt.timedelta(hours=9), "KST")

# Class names of the databases -> the project's missile classes.
CLASSES = {
    "SRBM": "SRBM",
    "MRBM": "MRBM",
    "IRBM": "IRBM",
    "ICBM": "ICBM",
    "SLBM": "SLBM",
    "SLV": "SLV",
    "HGV": "hypersonic",
    "UNKNOWN": "unknown",
}
OUTCOMES = {"success": "success", "failure": "failure", "unknown": "unknown"}
# The databases' landing areas -> the wording the reviewed records use.
LANDING_AREAS = {
    "sea of japan or east sea": "Sea of Japan / East Sea",
    "sea-of-japan": "Sea of Japan / East Sea",
    "yellow sea or west sea": "Yellow Sea / West Sea",
    "yellow-sea": "Yellow Sea / West Sea",
    "pacific ocean": "Pacific Ocean",
    "pacific-ocean": "Pacific Ocean",
    "north-korea": "North Korea (over land)",
}
UNKNOWN_WORDS = {"", "unknown", "n/a", "na", "none"}


class RowProblem(ValueError):
    """A value in a database row that cannot be read; the message names the field."""

    def __init__(self, field_name: str, message: str):
        self.field = field_name
        super().__init__(message)


@dataclass(frozen=True, order=True)
class Missile:
    """One missile of a database copy, in the project's terms (dates and times in KST)."""

    key: str  # the database's own row identity: CNS F1, nagix "<UTC date>/<series>"
    date_local: str  # YYYY-MM-DD (KST); first of the month when date_precision is month
    date_precision: str  # day | month
    date_note: str | None
    time_local: str | None  # HH:MM KST
    site_name: str | None
    site_lat: float | None
    site_lon: float | None
    site_location: str | None  # county / province, when the database gives it
    missile_class: str
    missile_name: str | None
    apogee_km: float | None
    apogee_text: str | None  # when the database gives only a span ("between 25 and 90 km")
    range_km: float | None
    range_text: str | None
    heading_deg: float | None
    landing_area: str | None
    outcome: str
    confirmation: str | None

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def as_row(self) -> tuple:
        return astuple(self)


@dataclass(frozen=True)
class Copy:
    """What a parser read from one database copy: its facts and what identifies the copy."""

    database: str  # "cns" | "nagix"
    missiles: tuple[Missile, ...]
    latest: str  # latest date the copy mentions (row update date or test date), YYYY-MM-DD
    problems: tuple[str, ...] = field(default=())

    @property
    def digest(self) -> str:
        """Hash of the facts read, so the same data in another encoding or layout agrees
        (the wording of date notes is the importer's, not the copy's, and is left out)."""
        h = hashlib.sha256()
        for missile in self.missiles:
            h.update(repr(replace(missile, date_note=None).as_row()).encode())
        return h.hexdigest()[:12]


def is_unknown(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or (isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS)
    )


def text(value: object) -> str | None:
    if is_unknown(value):
        return None
    return " ".join(str(value).split())


_KM = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(?:km|lm)$", re.IGNORECASE)
_SPAN = re.compile(r"^between\s+(\d[\d,]*)\s+and\s+(\d[\d,]*)\s*km$", re.IGNORECASE)


def kilometres(value: object, field_name: str) -> tuple[float | None, str | None]:
    """(number, span text): '430 km' -> 430; 'between 25 and 90 km' -> (None, '25-90')."""
    if is_unknown(value):
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), None
    raw = " ".join(str(value).split())
    match = _KM.match(raw)
    if match:  # "lm" is a typo for km in one CNS row
        return float(match.group(1).replace(",", "")), None
    span = _SPAN.match(raw)
    if span:
        low, high = (s.replace(",", "") for s in span.groups())
        return None, f"{low}-{high}"
    try:
        return float(raw.replace(",", "")), None
    except ValueError:
        raise RowProblem(field_name, f"not a distance in km: {raw[:40]!r}") from None


def missile_class(value: object, field_name: str) -> str:
    raw = (text(value) or "unknown").upper()
    if raw not in CLASSES:
        raise RowProblem(field_name, f"unknown missile class {raw[:20]!r}")
    return CLASSES[raw]


def outcome(value: object, field_name: str) -> str:
    raw = (text(value) or "unknown").lower()
    if raw not in OUTCOMES:
        raise RowProblem(field_name, f"unknown outcome {raw[:20]!r}")
    return OUTCOMES[raw]


def landing_area(value: object) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    return LANDING_AREAS.get(raw.lower(), raw)


def coordinate(value: object, field_name: str, low: float, high: float) -> float | None:
    if is_unknown(value):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise RowProblem(field_name, f"not a coordinate: {str(value)[:30]!r}") from None
    if not low <= number <= high:
        raise RowProblem(field_name, f"coordinate {number} outside {low}..{high}")
    return number


def kst(day: dt.date, utc_time: dt.time | None) -> tuple[str, str | None]:
    """KST date and HH:MM from a UTC date and time (Korea keeps no daylight saving)."""
    if utc_time is None:
        return day.isoformat(), None
    instant = dt.datetime.combine(day, utc_time, tzinfo=dt.UTC).astimezone(KST)
    return instant.date().isoformat(), instant.strftime("%H:%M")


NO_TIME_NOTE = "The database gives the UTC date and no time; the KST date may be one day later."
