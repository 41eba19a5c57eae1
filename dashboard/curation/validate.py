"""Turn curated records into typed rows, refusing anything wrong with one line per problem.

Each problem names the file, the record id and the field, in the data's own terms.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import reprlib
from collections.abc import Callable
from typing import Any

from dashboard.curation.load import Problem, Record, display_path
from dashboard.schema import TABLES, Column, Table

EARLIEST_DATE = dt.date(1945, 1, 1)
MAX_RANGE_KM = 20_000.0  # half the Earth's circumference
MAX_APOGEE_KM = 10_000.0  # well above any lofted ICBM shot reported
MAX_COUNT = 100
# Longest text value: today's longest (a site note) is about 400 characters.
MAX_TEXT = 4_000
# Values quoted in messages come from files written by others: a bounded repr.
_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxdict = 4
_REPR.maxlevel = 2
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
ID_COLUMNS = {t.key for t in TABLES.values()}
# The file `python -m dashboard import` writes in each table's folder.
GENERATED_FILE = "imported.yaml"

Row = dict[str, Any]


class Invalid(ValueError):
    """A value that cannot stand; the message says why in the curator's terms."""


def _shown(value: Any) -> str:
    return _REPR.repr(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected text, got {type(value).__name__} {_shown(value)}")
    value = value.strip()
    if not value:
        raise Invalid("empty")
    if len(value) > MAX_TEXT:
        raise Invalid(f"text of {len(value):,} characters; at most {MAX_TEXT:,} are allowed")
    return value


def _date(value: Any) -> dt.date:
    text = _text(value) if not isinstance(value, dt.date) else value.isoformat()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise Invalid(f"unparseable date {_shown(text)} (write YYYY-MM-DD)")
    try:
        parsed = dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(f"impossible date {_shown(text)}") from None
    if not EARLIEST_DATE <= parsed <= dt.date.today():
        raise Invalid(f"date {text} is outside {EARLIEST_DATE}..today")
    return parsed


def _time(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        raise Invalid(f'write the time as a quoted "HH:MM" string (YAML read {value})')
    text = _text(value)
    if not _TIME.match(text):
        raise Invalid(f"unparseable time {_shown(text)} (write HH:MM, 24-hour)")
    return text


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {_shown(value)}")
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"expected a number, got {_shown(value)}")
    if not math.isfinite(value):
        raise Invalid(f"expected a finite number, got {_shown(value)}")
    return float(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {_shown(value)}")
    return value


def _list(item: Callable[[Any], Any]) -> Callable[[Any], list[Any]]:
    def convert(value: Any) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise Invalid(f"expected a list, got {_shown(value)}")
        items = [item(v) for v in value]
        if len(set(items)) != len(items):
            raise Invalid("repeats an item")
        return items

    return convert


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "str": _text,
    "date": _date,
    "time": _time,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "list_str": _list(_text),
    "list_int": _list(_int),
}


def _convert(column: Column, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        if column.default is not None:
            return column.default
        if column.kind.startswith("list_"):
            return []
        if column.nullable:
            return None
        raise Invalid("missing required value")
    converted = CONVERTERS[column.kind](value)
    if column.enum is not None and converted not in column.enum:
        raise Invalid(f"{_shown(converted)} is not one of {', '.join(column.enum)}")
    if column.name in ID_COLUMNS and not _ID.match(converted):
        raise Invalid(f"{_shown(converted)} is not a valid id (lowercase letters, digits, hyphens)")
    return converted


def _between(row: Row, name: str, low: float, high: float, what: str) -> list[tuple[str, str]]:
    value = row.get(name)
    if value is None or low <= value <= high:
        return []
    return [(name, f"{what} {value:g} is outside {low:g}..{high:g}")]


def _paired(row: Row, first: str, second: str) -> list[tuple[str, str]]:
    if (row.get(first) is None) != (row.get(second) is None):
        return [(first, f"{first} and {second} must be given together")]
    return []


def _check_coordinates(row: Row, lat: str, lon: str) -> list[tuple[str, str]]:
    return [
        *_between(row, lat, -90, 90, "latitude"),
        *_between(row, lon, -180, 180, "longitude"),
        *_paired(row, lat, lon),
    ]


def _check_sites(row: Row) -> list[tuple[str, str]]:
    issues = _check_coordinates(row, "lat", "lon")
    if row.get("state") and not _ISO3.match(row["state"]):
        issues.append(("state", f"{_shown(row['state'])} is not an ISO 3166 alpha-3 code"))
    return issues


def _check_launches(row: Row) -> list[tuple[str, str]]:
    issues = [
        *_between(row, "range_km", 0, MAX_RANGE_KM, "range"),
        *_between(row, "apogee_km", 0, MAX_APOGEE_KM, "apogee"),
        *_between(row, "heading_deg", 0, 360, "heading"),
        *_between(row, "count", 1, MAX_COUNT, "missile count"),
        *_check_coordinates(row, "impact_lat", "impact_lon"),
    ]
    if row.get("time_local") is not None and row.get("date_local") is None:
        issues.append(("time_local", "a time is given without a date"))
    return issues


def _check_events(row: Row) -> list[tuple[str, str]]:
    start, end = row.get("date_start"), row.get("date_end")
    if start and end and end < start:
        return [("date_end", f"ends {end} before it starts {start}")]
    return []


def _check_statements(row: Row) -> list[tuple[str, str]]:
    issues = []
    if row.get("quote") is None and row.get("paraphrase") is None:
        issues.append(("quote", "a statement needs a quote or a paraphrase"))
    if row.get("state") and not _ISO3.match(row["state"]):
        issues.append(("state", f"{_shown(row['state'])} is not an ISO 3166 alpha-3 code"))
    return issues


def _check_sources(row: Row) -> list[tuple[str, str]]:
    url = row.get("url")
    if url is not None and not re.match(r"^https?://[^\s<>\"']+$", url):
        return [("url", f"{_shown(url)} is not an http(s) address")]
    return []


ROW_CHECKS: dict[str, Callable[[Row], list[tuple[str, str]]]] = {
    "sources": _check_sources,
    "launch_sites": _check_sites,
    "launches": _check_launches,
    "diplomatic_events": _check_events,
    "statements": _check_statements,
}


def convert_record(table: Table, record: Record) -> tuple[Row, list[Problem]]:
    """Typed row for one record and every problem in it (the row is unusable if any)."""
    where, label = display_path(record.file), record.label
    problems: list[Problem] = []
    row: Row = {}
    allowed = {c.name for c in table.columns if not c.derived}
    for name in record.data:
        if name in allowed:
            continue
        derived = name in table.column_names
        reason = "is computed by the build; remove it" if derived else "unknown field (typo?)"
        problems.append(Problem(where, label, str(name), reason))
    for column in table.columns:
        if column.derived:
            continue
        try:
            row[column.name] = _convert(column, record.data.get(column.name))
        except Invalid as error:
            problems.append(Problem(where, label, column.name, str(error)))
            row[column.name] = None
    if "source_ids" in allowed and row.get("source_ids") == []:
        problems.append(Problem(where, label, "source_ids", "cites no source"))
    if table.name == "launches" and row.get("review_status"):
        # Reviewed and imported records live in different files, so a reader can tell them
        # apart without running anything.
        generated = record.file.name == GENERATED_FILE
        if generated != (row["review_status"] == "imported"):
            where_it_belongs = "imported.yaml only" if not generated else "a reviewed file"
            problems.append(
                Problem(
                    where,
                    label,
                    "review_status",
                    f"{_shown(row['review_status'])} records belong in {where_it_belongs}",
                )
            )
    check = ROW_CHECKS.get(table.name)
    if check:
        problems.extend(Problem(where, label, f, m) for f, m in check(row))
    return row, problems


def validate(records: dict[str, list[Record]]) -> tuple[dict[str, list[Row]], list[Problem]]:
    """Typed rows per table and all problems: per-field, duplicate ids, dangling references."""
    rows: dict[str, list[Row]] = {}
    problems: list[Problem] = []
    origin: dict[tuple[str, str], Record] = {}
    for name, table in TABLES.items():
        rows[name] = []
        seen: dict[str, Record] = {}
        for record in records.get(name, []):
            row, found = convert_record(table, record)
            problems.extend(found)
            key = row.get(table.key)
            if key is None:
                continue
            if key in seen:
                first = seen[key]
                problems.append(
                    Problem(
                        display_path(record.file),
                        key,
                        table.key,
                        f"duplicate id (first defined in {display_path(first.file)} "
                        f"record #{first.position})",
                    )
                )
                continue
            seen[key] = record
            origin[(name, key)] = record
            rows[name].append(row)
    keys = {name: {r[TABLES[name].key] for r in table_rows} for name, table_rows in rows.items()}
    for name, table in TABLES.items():
        for row in rows[name]:
            record = origin[(name, row[table.key])]
            for column in table.columns:
                if column.references is None:
                    continue
                value = row.get(column.name)
                ids = value if isinstance(value, list) else [value] if value is not None else []
                for ref in ids:
                    if ref not in keys[column.references]:
                        problems.append(
                            Problem(
                                display_path(record.file),
                                row[table.key],
                                column.name,
                                f"refers to unknown {column.references} id {_shown(ref)}",
                            )
                        )
    return rows, problems
