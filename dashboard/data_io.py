"""The one place that reads the built dataset. Read once per process, shared by all sessions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st

from dashboard import integrity
from dashboard.paths import BASEMAP_DIR, data_dir
from dashboard.schema import TABLES
from dashboard.search import TextIndex
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
    statements: pd.DataFrame
    claims: pd.DataFrame
    # Launches joined with their site's name and coordinates, done once at load.
    launches_with_sites: pd.DataFrame
    # Word index over quote, paraphrase and speaker, built once per process for search.
    statement_index: TextIndex
    version: str
    built_at: str
    folder: str


def _frame(path: Path, name: str) -> pd.DataFrame:
    table = pq.read_table(path, schema=TABLES[name].arrow_schema)
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
    try:
        frames = {name: _frame(folder / f"{name}.parquet", name) for name in TABLES}
    except (OSError, ValueError, pa.ArrowException) as error:
        raise DataUnavailable(
            f"{folder} holds Parquet files this version cannot read ({error}). "
            "Rebuild them with `python -m dashboard build`."
        ) from error
    if problems := integrity.check(frames, manifest):
        raise DataUnavailable(integrity.report(folder, problems))
    return Dataset(
        **frames,
        launches_with_sites=with_site_names(frames["launches"], frames["launch_sites"]),
        statement_index=TextIndex.build(frames["statements"]),
        version=str(manifest.get("version", "unknown")),
        built_at=str(manifest.get("built_at", "unknown")),
        folder=str(folder),
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
