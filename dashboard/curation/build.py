"""Build the Parquet dataset from the curated YAML, and check that the committed build is current.

load (YAML records) -> validate (typed rows, problems) -> derive (UTC instants, impact points)
-> tables (explicit pyarrow schemas) -> write (temporary files, then rename; unchanged tables
are left alone, so a rebuild of unchanged input changes no byte).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard import fts, geo, versions
from dashboard.curation.load import Problem, load_records
from dashboard.curation.validate import Row, validate
from dashboard.schema import TABLES

KST = dt.timezone(dt.timedelta(hours=9), "KST")
MANIFEST = "manifest.json"


class BuildRefused(Exception):
    """The curated input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the curated data")


@dataclass(frozen=True)
class Dataset:
    tables: dict[str, pa.Table]
    version: str  # content hash of all tables

    def table_hash(self, name: str) -> str:
        return _content_hash(self.tables[name])


def launched_at_utc(date_local: dt.date, time_local: str | None) -> dt.datetime | None:
    """UTC instant of a launch from its KST date and HH:MM time (Korea keeps no DST)."""
    if time_local is None:
        return None
    hours, minutes = (int(part) for part in time_local.split(":"))
    local = dt.datetime.combine(date_local, dt.time(hours, minutes), tzinfo=KST)
    return local.astimezone(dt.UTC)


def _derive_launches(launches: list[Row], sites: list[Row]) -> None:
    coordinates = {s["site_id"]: (s["lat"], s["lon"]) for s in sites if s["lat"] is not None}
    for row in launches:
        row["launched_at_utc"] = launched_at_utc(row["date_local"], row["time_local"])
        row["impact_estimated"] = False
        if row["impact_lat"] is not None:
            continue
        origin = coordinates.get(row["site_id"])
        if origin and row["heading_deg"] is not None and row["range_km"]:
            lat, lon = geo.destination(*origin, row["heading_deg"], row["range_km"])
            row["impact_lat"], row["impact_lon"] = round(lat, 4), round(lon, 4)
            row["impact_estimated"] = True


def _to_table(name: str, rows: list[Row]) -> pa.Table:
    table = TABLES[name]
    ordered = sorted(rows, key=lambda r: r[table.key])
    return pa.Table.from_pylist(ordered, schema=table.arrow_schema)


def _content_hash(table: pa.Table) -> str:
    """Hash of the table's values and schema, independent of Parquet encoding details."""
    digest = hashlib.sha256(table.schema.to_string(show_schema_metadata=True).encode())
    for row in table.to_pylist():
        digest.update(json.dumps(row, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def build_dataset(curated_dir: Path) -> Dataset:
    """Validated, typed tables from the curated folder; raises BuildRefused on any problem."""
    records, problems = load_records(curated_dir)
    rows, found = validate(records)
    problems += found
    if problems:
        raise BuildRefused(problems)
    _derive_launches(rows["launches"], rows["launch_sites"])
    tables = {name: _to_table(name, rows[name]) for name in TABLES}
    combined = hashlib.sha256("".join(_content_hash(t) for t in tables.values()).encode())
    return Dataset(tables, combined.hexdigest()[:12])


def read_manifest(out_dir: Path) -> dict | None:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _manifest(dataset: Dataset, previous: dict | None) -> dict:
    unchanged = previous is not None and previous.get("version") == dataset.version
    built_at = (
        previous["built_at"]
        if unchanged and "built_at" in previous
        else dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    )
    return {
        "version": dataset.version,
        "built_at": built_at,
        "tables": {
            name: {"rows": t.num_rows, "sha256": dataset.table_hash(name)}
            for name, t in dataset.tables.items()
        },
    }


def stale_tables(dataset: Dataset, out_dir: Path) -> list[str]:
    """Names (or files) whose committed content differs from a fresh build."""
    stale = []
    for name, table in dataset.tables.items():
        path = out_dir / f"{name}.parquet"
        try:
            existing = pq.read_table(path)
        except (OSError, pa.ArrowInvalid):
            stale.append(f"{name}.parquet")
            continue
        if not existing.schema.equals(table.schema, check_metadata=True) or not existing.equals(
            table
        ):
            stale.append(f"{name}.parquet")
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.get("version") != dataset.version:
        stale.append(MANIFEST)
    if versions.find(_changelog(out_dir), dataset.version) is None:
        stale.append(versions.CHANGELOG)
    return stale


def _changelog(out_dir: Path) -> tuple[versions.Entry, ...]:
    path = out_dir / versions.CHANGELOG
    return versions.parse_changelog(path.read_text(encoding="utf-8")) if path.is_file() else ()


def _changelog_text(dataset: Dataset, out_dir: Path, built_at: str, note: str | None) -> str:
    """The changelog with this build appended, saying which tables changed since the last."""
    previous = (read_manifest(out_dir) or {}).get("tables", {})
    edited = [
        name
        for name in dataset.tables
        if previous.get(name, {}).get("sha256") not in (None, dataset.table_hash(name))
    ]
    counts = {name: t.num_rows for name, t in dataset.tables.items()}
    counts["missiles"] = pc.sum(dataset.tables["launches"]["count"]).as_py() or 0
    entries = versions.appended(
        _changelog(out_dir), dataset.version, built_at, counts, edited, note
    )
    return versions.dump_changelog(entries)


@contextmanager
def curated_with(curated_dir: Path, files: dict[Path, str]) -> Iterator[Path]:
    """A scratch copy of the curated folder with some files replaced or added, for a trial
    build before anything real is written. `files` maps paths inside curated_dir to text."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "curated"
        shutil.copytree(curated_dir, trial)
        for path, text in files.items():
            target = trial / path.relative_to(curated_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        yield trial


def write_all_or_nothing(writers: dict[Path, Callable[[Path], None]]) -> None:
    """Write every file beside its target first, then rename them all into place.

    A failure part-way leaves no half-written file behind and no target changed.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, write in writers.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            write(temporary)
            staged.append((temporary, target))
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def write_texts_all_or_nothing(files: dict[Path, str]) -> None:
    """Text files (UTF-8), written as `write_all_or_nothing` writes."""
    write_all_or_nothing(
        {
            path: partial(Path.write_text, data=text, encoding="utf-8")
            for path, text in files.items()
        }
    )


def write_dataset(dataset: Dataset, out_dir: Path, note: str | None = None) -> list[str]:
    """Write changed tables atomically; returns the names of the files written.

    A new content hash also appends an entry to the changelog (with `note`, if given)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = stale_tables(dataset, out_dir)
    manifest = _manifest(dataset, read_manifest(out_dir)) if changed else {}
    writers: dict[Path, Callable[[Path], None]] = {}
    for file_name in changed:
        if file_name in (MANIFEST, versions.CHANGELOG):
            text = (
                json.dumps(manifest, indent=2) + "\n"
                if file_name == MANIFEST
                else _changelog_text(dataset, out_dir, manifest["built_at"], note)
            )
            writers[out_dir / file_name] = partial(Path.write_text, data=text, encoding="utf-8")
        else:
            table = dataset.tables[file_name.removesuffix(".parquet")]
            writers[out_dir / file_name] = partial(pq.write_table, table)
    # The statements' search index, so the app opens it instead of building one at start.
    index = out_dir / fts.INDEX_FILE
    if fts.index_version(index) != dataset.version:
        writers[index] = partial(
            fts.write_index, dataset.tables["statements"], version=dataset.version
        )
        changed.append(fts.INDEX_FILE)
    write_all_or_nothing(writers)
    return changed
