"""Filesystem locations, resolved from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DATASETS_DIR = REPO_DIR / "datasets"
CURATED_DIR = DATASETS_DIR / "curated"
IMPORTS_DIR = DATASETS_DIR / "imports"
# Served by Streamlit at `app/static/` (server.enableStaticServing): the folder beside app.py.
STATIC_DIR = PACKAGE_DIR / "static"
BASEMAP_DIR = STATIC_DIR / "basemap"

DATA_DIR_ENV = "DASHBOARD_DATA_DIR"


def data_dir() -> Path:
    """The directory of built Parquet files the app reads: `DASHBOARD_DATA_DIR` or `datasets/`."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(override).expanduser().resolve() if override else DATASETS_DIR
