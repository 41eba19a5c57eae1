"""Shared fixtures: a scratch copy of the curated YAML, a record editor, ../shared paths."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.paths import CURATED_DIR, REPO_DIR
from dashboard.schema import TABLES

SHARED = REPO_DIR.parent / "shared"

# Marks a field for removal in edit_record (None would write `field: null`).
REMOVE = object()


def require_shared(sub: str) -> Path:
    """Path of ../shared/<sub>, or skip the test saying what is missing."""
    path = SHARED / sub
    if not path.exists():
        reason = f"reference material ../shared/{sub} absent: {path}"
        print(reason)
        pytest.skip(reason)
    return path


@pytest.fixture
def curated_copy(tmp_path: Path) -> Path:
    """A private copy of datasets/curated that a test may break."""
    target = tmp_path / "curated"
    shutil.copytree(CURATED_DIR, target)
    return target


def read_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def write_records(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit_record(
    path: Path,
    record_id: str,
    changes: dict[str, Any] | Callable[[dict[str, Any]], None],
) -> dict[str, Any]:
    """Change one record of a curated file (found by its table key) and write the file back.

    `changes` maps field -> new value (REMOVE deletes the field), or is a function that
    mutates the record in place. Returns the edited record.
    """
    key = TABLES[path.parent.name].key
    records = read_records(path)
    matches = [r for r in records if r.get(key) == record_id]
    assert len(matches) == 1, f"{path.name} has {len(matches)} records with {key} {record_id!r}"
    record = matches[0]
    if callable(changes):
        changes(record)
    else:
        for name, value in changes.items():
            if value is REMOVE:
                del record[name]
            else:
                record[name] = value
    write_records(path, records)
    return record
