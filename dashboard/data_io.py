"""The one place that reads the built dataset. Read once per process, shared by all sessions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st
import yaml

from dashboard import integrity, versions
from dashboard.choices import Choices, choices
from dashboard.fts import load_sorting
from dashboard.paths import BASEMAP_DIR, data_dir
from dashboard.schema import TABLES
from dashboard.search import CATEGORICAL, INDEX_FILE, StatementTable, TextIndex
from dashboard.tables import with_site_names

DATE_KINDS = {"date"}


class DataUnavailable(RuntimeError):
    """The data directory is missing or does not hold a complete build."""


@dataclass(frozen=True)
class Dataset:
    """All tables as DataFrames. Shared between sessions: treat as read-only."""

    sources: pd.DataFrame
    launch_sites: pd.DataFrame
    launches: pd.DataFrame
    diplomatic_events: pd.DataFrame
    statements: pd.DataFrame  # newest first (the order of `statement_table`)
    claims: pd.DataFrame
    # Launches joined with their site's name and coordinates, done once at load.
    launches_with_sites: pd.DataFrame
    # Per-dataset values computed once at load, so no rerun recomputes them: the
    # statements with their search index and facet codes, and the sidebar's choices.
    statement_table: StatementTable
    choices: Choices
    version: str
    built_at: str
    folder: str
    # The builds so far, oldest first (dashboard/versions.py), for pinned share links.
    changelog: tuple[versions.Entry, ...] = ()


def _table(folder: Path, name: str) -> pa.Table:
    return pq.read_table(folder / f"{name}.parquet", schema=TABLES[name].arrow_schema)


def _statements(folder: Path) -> tuple[pa.Table, bool]:
    """The statements table (repeated text read as dictionaries, the cheaper form) and
    whether the file declares the rows already in the order the app holds them.

    A column the file lacks is read as nulls, as `_table` does, so the integrity check names
    it; a column of another type cannot be read at all."""
    path = folder / "statements.parquet"
    present = set(pq.read_schema(path).names)
    file = pq.ParquetFile(path, read_dictionary=[c for c in CATEGORICAL if c in present])
    table = file.read()
    expected = TABLES["statements"].arrow_schema
    for field in expected:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(len(table), field.type))
            continue
        read = table.schema.field(field.name)
        kind = read.type.value_type if pa.types.is_dictionary(read.type) else None
        if read.type != field.type and kind != field.type:
            raise ValueError(f"statements.{field.name} is not {field.type}")
    table = table.select(expected.names)
    meta = file.metadata
    presorted = meta.num_row_groups > 0 and all(
        meta.row_group(i).sorting_columns == tuple(load_sorting(table.schema))
        for i in range(meta.num_row_groups)
    )
    return table, presorted


def _frame(table: pa.Table, name: str) -> pd.DataFrame:
    frame = table.to_pandas()
    for column in TABLES[name].columns:
        if column.kind in DATE_KINDS:
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.kind.startswith("list_"):
            frame[column.name] = frame[column.name].map(list, na_action="ignore")
    return frame


def read_dataset(folder: Path) -> Dataset:
    """Read every table of a build, refusing a folder that is missing any of them."""
    missing = [n for n in TABLES if not (folder / f"{n}.parquet").is_file()]
    if missing:
        raise DataUnavailable(
            f"{folder} does not hold a built dataset (missing: "
            f"{', '.join(m + '.parquet' for m in missing)}). Run `python -m dashboard build` "
            "or point DASHBOARD_DATA_DIR at a folder that holds one."
        )
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    if problems := integrity.check_manifest(manifest):  # before anything reads its fields
        raise DataUnavailable(integrity.report(folder, problems))
    version = str(manifest.get("version", "unknown"))
    try:
        changelog = versions.parse_changelog(
            (folder / versions.CHANGELOG).read_text(encoding="utf-8")
        )
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError):
        changelog = ()  # without it every other version reads as unknown; the data still show
    try:
        tables = {name: _table(folder, name) for name in TABLES if name != "statements"}
        statements, presorted = _statements(folder)
    except (OSError, ValueError, pa.ArrowException) as error:
        raise DataUnavailable(
            f"{folder} holds Parquet files this version cannot read ({error}). "
            "Rebuild them with `python -m dashboard build`."
        ) from error
    frames = {name: _frame(table, name) for name, table in tables.items()}
    # The one place for checks of the data as read, before anything is derived from it. The
    # statements are checked as the app holds them (Arrow lists, categoricals), which costs
    # no conversion; ordering them is safe on damaged values, searching them waits.
    statement_table = StatementTable(statements, None, presorted)  # type: ignore[arg-type]
    frames["statements"] = statement_table.frame
    if problems := integrity.check(frames, manifest):
        raise DataUnavailable(integrity.report(folder, problems))
    # The search index written with the data when it matches this build, else built now.
    statement_table.index = TextIndex.open(folder / INDEX_FILE, version, statements)
    launches_with_sites = with_site_names(frames["launches"], frames["launch_sites"])
    dates = statement_table.frame["date"]
    return Dataset(
        **frames,
        launches_with_sites=launches_with_sites,
        statement_table=statement_table,
        choices=choices(
            launches_with_sites,
            frames["diplomatic_events"],
            statement_table.options("speaker"),
            (dates.min().date(), dates.max().date()) if len(dates) else None,
        ),
        version=version,
        built_at=str(manifest.get("built_at", "unknown")),
        folder=str(folder),
        changelog=changelog,
    )


@st.cache_resource(show_spinner="Loading the dataset…")
def _cached_dataset(folder: str, stamp: float) -> Dataset:
    # `stamp` (the manifest's modification time) makes a rebuild visible without a restart.
    del stamp
    return read_dataset(Path(folder))


def load_dataset() -> Dataset:
    """The dataset in DASHBOARD_DATA_DIR (default `datasets/`), cached per process."""
    folder = data_dir()
    manifest = folder / "manifest.json"
    stamp = manifest.stat().st_mtime if manifest.exists() else 0.0
    return _cached_dataset(str(folder), stamp)


@st.cache_resource(show_spinner=False)
def basemap_layers() -> dict[str, dict]:
    """Natural Earth land and borders as GeoJSON dictionaries, shipped in the package.

    A resource cache, not a data cache: the dictionaries are large and never mutated,
    so copying them on every rerun would be wasted work.
    """
    layers = {}
    for name in ("land", "borders"):
        path = BASEMAP_DIR / f"{name}.geojson"
        if path.is_file():
            layers[name] = json.loads(path.read_text(encoding="utf-8"))
    return layers
