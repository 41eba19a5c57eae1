"""Read curated YAML files into records that remember where they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dashboard.schema import TABLES


class _CuratedLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so an impossible date becomes a clear
    validation problem naming the record instead of a crash inside the YAML parser."""


_CuratedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Record:
    table: str
    file: Path
    position: int  # 1-based position of the record in its file
    data: dict[str, Any] = field(hash=False)

    @property
    def label(self) -> str:
        key = self.data.get(TABLES[self.table].key)
        return str(key) if key not in (None, "") else f"record #{self.position}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the curated input, phrased for the curator who must fix it."""

    file: str
    record: str
    field: str
    message: str

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
                content = yaml.load(path.read_text(encoding="utf-8"), Loader=_CuratedLoader)
            except (yaml.YAMLError, UnicodeDecodeError) as error:
                detail = " ".join(str(error).split())
                problems.append(Problem(where, "-", "-", f"not valid YAML: {detail}"))
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
