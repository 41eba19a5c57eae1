"""Read curated YAML files into records that remember where they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.curation import safe_yaml
from dashboard.schema import TABLES


@dataclass(frozen=True)
class Record:
    table: str
    file: Path
    position: int  # 1-based position of the record in its file
    data: dict[str, Any] = field(hash=False)

    @property
    def label(self) -> str:
        key = self.data.get(TABLES[self.table].key)
        if isinstance(key, str) and key:
            return safe_yaml.short(key, 80)
        return f"record #{self.position}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the curated input, phrased for the curator who must fix it."""

    file: str
    record: str
    field: str
    message: str

    def __post_init__(self) -> None:
        # Values in messages come from files written by others: keep every line short.
        for name in ("record", "field", "message"):
            object.__setattr__(self, name, safe_yaml.short(getattr(self, name)))

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.message}"


def table_files(curated_dir: Path, table: str) -> list[Path]:
    folder = curated_dir / table
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def display_path(path: Path) -> str:
    """Path relative to the working directory when possible, for short error lines."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_records(curated_dir: Path) -> tuple[dict[str, list[Record]], list[Problem]]:
    """All records of every table, plus problems that stop a file from being read at all."""
    records: dict[str, list[Record]] = {name: [] for name in TABLES}
    problems: list[Problem] = []
    if not curated_dir.is_dir():
        problems.append(Problem(display_path(curated_dir), "-", "-", "curated folder not found"))
        return records, problems
    for table in TABLES:
        for path in table_files(curated_dir, table):
            where = display_path(path)
            try:
                content = safe_yaml.loads(path.read_text(encoding="utf-8"))
            except safe_yaml.UnsafeYAML as error:
                problems.append(Problem(where, "-", "-", str(error)))
                continue
            except UnicodeDecodeError:
                problems.append(Problem(where, "-", "-", "not UTF-8 text"))
                continue
            if content is None:
                continue
            if not isinstance(content, list):
                problems.append(Problem(where, "-", "-", "expected a list of records"))
                continue
            for position, item in enumerate(content, start=1):
                if not isinstance(item, dict):
                    problems.append(
                        Problem(where, f"record #{position}", "-", "expected a mapping of fields")
                    )
                    continue
                records[table].append(Record(table, path, position, item))
    return records, problems
