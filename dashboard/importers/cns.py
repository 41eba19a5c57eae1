"""The CNS North Korea Missile Test Database (NTI): the workbook or its Missile Tests sheet as CSV.

One row per missile, keyed by CNS's row number F1. The Date column is mostly the UTC date,
with the time in UTC; rows listed in KST_DATED_ROWS give the KST date with the UTC time of
the evening before (found by cross-checking the nagix list and news reports; see the
reference copy's SOURCE.md). Month-only dates ("Sep-84") become month-precision dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from dashboard.importers import facts
from dashboard.importers.facts import Copy, Missile, RowProblem

SHEET = "Missile Tests"
REQUIRED = (
    "F1",
    "Date",
    "Date Entered/Updated",
    "Launch Time (UTC)",
    "Missile Name",
    "Missile Type",
    "Facility Name",
    "Facility Location",
    "Facility Latitude",
    "Facility Longitude",
    "Landing Location",
    "Apogee",
    "Distance Travelled",
    "Confirmation Status",
    "Test Outcome",
)
# (F1, Date as ISO) of rows whose Date is already the KST date. Keyed on the date too, so a
# later copy that corrects the row is read by the ordinary rule again.
KST_DATED_ROWS = {(161, "2022-01-05")}
CONFIRMATIONS = {"confirmed": "confirmed", "unconfirmed": "assessed"}


def _rows_from_csv(path: Path) -> list[dict[str, object]]:
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252")  # NTI's own CSV export
    return list(csv.DictReader(io.StringIO(content, newline="")))


def _rows_from_workbook(path: Path) -> list[dict[str, object]]:
    try:
        import openpyxl
    except ImportError as error:  # the app itself does not need it
        raise ValueError("reading .xlsx needs openpyxl: pip install -e '.[import]'") from error
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    if SHEET not in book.sheetnames:
        raise ValueError(f"no sheet named {SHEET!r} (sheets: {', '.join(book.sheetnames)})")
    rows = []
    header: list[str] | None = None
    for cells in book[SHEET].iter_rows():
        values = [c.value for c in cells]
        if header is None:
            if "F1" in values:
                header = [str(v).strip() if v is not None else "" for v in values]
            continue
        if all(v is None for v in values):
            continue
        row: dict[str, object] = dict(zip(header, values, strict=False))
        date_cell = cells[header.index("Date")] if "Date" in header else None
        # A month-only date is a real date with a month-year number format in the workbook.
        if date_cell is not None and isinstance(date_cell.value, dt.datetime):
            fmt = (date_cell.number_format or "").lower()
            row["Date"] = (
                date_cell.value.strftime("%b-%y")
                if "d" not in fmt.split(";")[0]
                else date_cell.value.date().isoformat()
            )
        rows.append(row)
    book.close()
    if header is None:
        raise ValueError(f"sheet {SHEET!r} has no header row with F1")
    return rows


def _date(value: object) -> tuple[dt.date, str]:
    """(date, precision) from '9-Apr-84', 'Sep-84', ISO text or a datetime."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    raw = facts.text(value)
    if raw is None:
        raise RowProblem("Date", "missing")
    for fmt, precision in (("%d-%b-%y", "day"), ("%Y-%m-%d", "day"), ("%b-%y", "month")):
        try:
            return dt.datetime.strptime(raw, fmt).date(), precision
        except ValueError:
            continue
    raise RowProblem("Date", f"unreadable date {raw[:30]!r} (expected d-Mon-yy or Mon-yy)")


def _time(value: object) -> dt.time | None:
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    raw = facts.text(value)
    if raw is None:
        return None
    for fmt in ("%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M"):
        try:
            return dt.datetime.strptime(raw.upper(), fmt).time().replace(second=0)
        except ValueError:
            continue
    raise RowProblem("Launch Time (UTC)", f"unreadable time {raw[:30]!r}")


def _entered(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    raw = facts.text(value)
    for fmt in ("%d-%b-%y", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw or "", fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _missile(row: dict[str, object], f1: int) -> Missile:
    day, precision = _date(row["Date"])
    utc_time = _time(row["Launch Time (UTC)"])
    note = None
    if precision == "month":
        date_local, time_local = day.replace(day=1).isoformat(), None
        note = "The database dates this launch only to the month."
    elif (f1, day.isoformat()) in KST_DATED_ROWS:
        date_local = day.isoformat()
        time_local = facts.kst(day, utc_time)[1] if utc_time else None
        note = "CNS gives this row's KST date with a UTC time of the evening before."
    else:
        date_local, time_local = facts.kst(day, utc_time)
        if utc_time is None:
            note = facts.NO_TIME_NOTE
    apogee, apogee_text = facts.kilometres(row["Apogee"], "Apogee")
    distance, distance_text = facts.kilometres(row["Distance Travelled"], "Distance Travelled")
    lat = facts.coordinate(row["Facility Latitude"], "Facility Latitude", -90, 90)
    lon = facts.coordinate(row["Facility Longitude"], "Facility Longitude", -180, 180)
    if (lat is None) != (lon is None):
        raise RowProblem("Facility Latitude", "latitude and longitude must be given together")
    site = facts.text(row["Facility Name"])
    status = (facts.text(row["Confirmation Status"]) or "").lower()
    if status and status not in CONFIRMATIONS:
        raise RowProblem("Confirmation Status", f"unknown status {status[:20]!r}")
    return Missile(
        key=str(f1),
        date_local=date_local,
        date_precision=precision,
        date_note=note,
        time_local=time_local,
        site_name=site if lat is not None else None,
        site_lat=lat,
        site_lon=lon,
        site_location=facts.text(row["Facility Location"]) if lat is not None else None,
        missile_class=facts.missile_class(row["Missile Type"], "Missile Type"),
        missile_name=facts.text(row["Missile Name"]),
        apogee_km=apogee,
        apogee_text=apogee_text,
        range_km=distance,
        range_text=distance_text,
        heading_deg=None,
        landing_area=facts.landing_area(row["Landing Location"]),
        outcome=facts.outcome(row["Test Outcome"], "Test Outcome"),
        confirmation=CONFIRMATIONS.get(status),
    )


def parse(path: Path) -> Copy:
    """The missiles of a CNS copy; problems name the file, the row (F1) and the field."""
    where = str(path)
    try:
        rows = _rows_from_workbook(path) if path.suffix.lower() == ".xlsx" else _rows_from_csv(path)
    except (OSError, ValueError, csv.Error) as error:
        return Copy("cns", (), "", (f"{where}: -: -: cannot read: {error}",))
    if not rows:
        return Copy("cns", (), "", (f"{where}: -: -: no rows",))
    missing = [c for c in REQUIRED if c not in rows[0]]
    if missing:
        return Copy("cns", (), "", (f"{where}: header: -: missing column(s) {', '.join(missing)}",))
    missiles, problems, seen, entered = [], [], set(), []
    for position, row in enumerate(rows, start=1):
        raw_f1 = facts.text(row["F1"])
        try:
            f1 = int(float(raw_f1)) if raw_f1 is not None else position
        except ValueError:
            problems.append(f"{where}: row {position}: F1: not a row number: {raw_f1[:20]!r}")
            continue
        label = f"row F1={f1}"
        if f1 in seen:
            problems.append(f"{where}: {label}: F1: repeated row number")
            continue
        seen.add(f1)
        try:
            missiles.append(_missile(row, f1))
        except RowProblem as problem:
            problems.append(f"{where}: {label}: {problem.field}: {problem}")
        if (date := _entered(row["Date Entered/Updated"])) is not None:
            entered.append(date)
    return Copy("cns", tuple(missiles), max(entered, default=""), tuple(problems))
