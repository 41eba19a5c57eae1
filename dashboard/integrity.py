"""What is wrong with a built dataset as read at run time, in the data's own terms.

The build refuses bad curated input, but Parquet files can still be damaged or replaced after
it (a hand edit, a half-copied folder, an older build). Reading then "works" and a page
crashes later or quietly shows half the data. These checks run once per load, vectorised,
so a million rows cost a fraction of a second; each problem names the file and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import plain_text
from dashboard.schema import TABLES

MANIFEST = "manifest.json"
_VERSION = re.compile(r"[0-9a-f]{6,64}")
_BUILT_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?")
SHOWN_IDS = 3


@dataclass(frozen=True)
class Problem:
    file: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


def _ids(values: pd.Series) -> str:
    """A few of the offending values, for the message."""
    strings = pa.array(values.astype(str), pa.string())
    first = pc.unique(strings.slice(0, 10_000)).slice(0, SHOWN_IDS).to_pylist()
    shown = ", ".join(plain_text.shorten(v, 60) for v in first)
    more = pc.count_distinct(strings).as_py() - len(first)
    return shown + (f" and {more:,} more" if more > 0 else "")


def _unknown(values: pd.Series, known: pd.Series) -> pd.Series:
    """Values not among the known ones. Arrow's is_in: pandas' isin on Arrow-backed strings
    loops in Python over the known values (20 s for a million rows)."""
    found = pc.is_in(pa.array(values, type=pa.string()), value_set=pa.array(known, pa.string()))
    return values[~found.to_numpy(zero_copy_only=False)]


def check_manifest(manifest: object) -> list[Problem]:
    """The manifest is an object whose version and build time look like what the build writes
    (pages show both, so they must be short and plain)."""
    if not isinstance(manifest, dict):
        return [Problem(MANIFEST, f"expected a JSON object, found {type(manifest).__name__}")]
    problems = []
    for key, pattern, form in (
        ("version", _VERSION, "a hexadecimal content hash"),
        ("built_at", _BUILT_AT, "an ISO 8601 time"),
    ):
        value = manifest.get(key)
        if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
            problems.append(Problem(MANIFEST, f"{key} is not {form}"))
    return problems


def _recorded_rows(manifest: object, name: str) -> int | None:
    tables = manifest.get("tables") if isinstance(manifest, dict) else None
    entry = tables.get(name) if isinstance(tables, dict) else None
    rows = entry.get("rows") if isinstance(entry, dict) else None
    return rows if isinstance(rows, int) else None


def _table_problems(name: str, frame: pd.DataFrame, rows: int | None) -> list[Problem]:
    table, file = TABLES[name], f"{name}.parquet"
    problems = []
    # A table may be empty by design (a small build); fewer rows than built is damage.
    if rows is not None and len(frame) != rows:
        problems.append(Problem(file, f"holds {len(frame):,} rows; {MANIFEST} records {rows:,}"))
        if frame.empty:
            return problems
    for column in table.columns:
        if column.nullable or column.name not in frame.columns:
            continue
        missing = frame[column.name].isna()
        if missing.all() and len(frame):
            problems.append(
                Problem(file, f"column {column.name} is missing (renamed?) or holds no values")
            )
        elif missing.any():
            where = _ids(frame.loc[missing, table.key]) if column.name != table.key else "-"
            problems.append(
                Problem(
                    file,
                    f"{int(missing.sum()):,} empty value(s) in required column {column.name} "
                    f"(records {where})",
                )
            )
    keys = frame[table.key].dropna()
    if not keys.is_unique:
        repeated = keys[keys.duplicated()]
        problems.append(Problem(file, f"{table.key} repeated: {_ids(repeated)}"))
    return problems


def _reference_problems(frames: Mapping[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for name, table in TABLES.items():
        frame = frames[name]
        for column in table.columns:
            if column.references is None or column.name not in frame.columns:
                continue
            values = frame[column.name]
            if column.kind.startswith("list_"):
                values = values.explode()
            values = values.dropna()
            target = frames[column.references][TABLES[column.references].key].dropna()
            unknown = _unknown(values, target)
            if len(unknown):
                problems.append(
                    Problem(
                        f"{name}.parquet",
                        f"{column.name} cites unknown {column.references} id(s): {_ids(unknown)}",
                    )
                )
    return problems


def check(frames: Mapping[str, pd.DataFrame], manifest: object) -> list[Problem]:
    """Every problem of a dataset read from Parquet: manifest, row counts against the manifest,
    missing values in required columns, repeated keys, references to records that do not
    exist."""
    problems = check_manifest(manifest)
    for name in TABLES:
        problems += _table_problems(name, frames[name], _recorded_rows(manifest, name))
    return problems + _reference_problems(frames)


def report(folder: object, problems: list[Problem]) -> str:
    lines = "\n".join(f"- {p}" for p in problems)
    return (
        f"The dataset in {folder} is damaged, so the dashboard will not show it:\n{lines}\n"
        "Rebuild it with `python -m dashboard build` (or restore the folder), then reload."
    )
