"""A dataset damaged after the build gives one clear page (and one `check` line) naming the
file and the problem, never a traceback or a page that half works."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from app_runner import run_page, texts

from dashboard import integrity
from dashboard.__main__ import main
from dashboard.curation.build import build_dataset, write_dataset
from dashboard.data_io import DataUnavailable, read_dataset
from dashboard.paths import CURATED_DIR


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    write_dataset(build_dataset(CURATED_DIR), out)
    return out


def _rewrite(folder: Path, name: str, change: Callable[[pa.Table], pa.Table]) -> None:
    path = folder / f"{name}.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def _set(table: pa.Table, column: str, row: int, value: object) -> pa.Table:
    values = table.column(column).to_pylist()
    values[row] = value
    index = table.column_names.index(column)
    field = table.field(column).with_nullable(True)
    return table.set_column(index, field, pa.array(values, field.type))


def _rename(table: pa.Table, old: str, new: str) -> pa.Table:
    return table.rename_columns([new if c == old else c for c in table.column_names])


def _first(folder: Path, name: str, column: str, row: int = 0) -> str:
    return pq.read_table(folder / f"{name}.parquet").column(column)[row].as_py()


# Each case: how to damage a built folder, and the problem line it must give.
CASES: dict[str, tuple[Callable[[Path], None], Callable[[Path], str]]] = {
    "null_in_required_column": (
        lambda f: _rewrite(f, "launches", lambda t: _set(t, "missile_class", 3, None)),
        lambda f: (
            "launches.parquet: 1 empty value(s) in required column missile_class "
            f"(records {_first(f, 'launches', 'launch_id', 3)})"
        ),
    ),
    "manifest_not_an_object": (
        lambda f: (f / "manifest.json").write_text("[1, 2]", encoding="utf-8"),
        lambda f: "manifest.json: expected a JSON object, found list",
    ),
    "unknown_source": (
        lambda f: _rewrite(f, "statements", lambda t: _set(t, "source_id", 0, "no-such-source")),
        lambda f: "statements.parquet: source_id cites unknown sources id(s): no-such-source",
    ),
    "empty_statements": (
        lambda f: _rewrite(f, "statements", lambda t: t.slice(0, 0)),
        lambda f: (
            "statements.parquet: holds 0 rows; manifest.json records "
            f"{pq.read_metadata(f / 'statements.parquet').num_rows:,}"
        ),
    ),
    "duplicated_launch_id": (
        lambda f: _rewrite(f, "launches", lambda t: pa.concat_tables([t, t.slice(0, 1)])),
        lambda f: f"launches.parquet: launch_id repeated: {_first(f, 'launches', 'launch_id')}",
        # (the manifest's row count for launches no longer matches either: a second line)
    ),
    "renamed_missile_class": (
        lambda f: _rewrite(f, "launches", lambda t: _rename(t, "missile_class", "class")),
        lambda f: "launches.parquet: column missile_class is missing (renamed?) or holds no values",
    ),
    "renamed_speaker": (
        lambda f: _rewrite(f, "statements", lambda t: _rename(t, "speaker", "who")),
        lambda f: "statements.parquet: column speaker is missing (renamed?) or holds no values",
    ),
}


@pytest.fixture(params=sorted(CASES))
def damaged(request, built, tmp_path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    shutil.copytree(built, folder)
    damage, expected = CASES[request.param]
    expected_line = expected(folder)  # read before damaging: the ids come from the build
    damage(folder)
    return folder, expected_line


def test_the_sound_build_has_no_problems(built):
    assert read_dataset(built).statements.shape[0] > 0


def test_each_damage_is_named_by_the_loader(damaged):
    folder, expected = damaged
    with pytest.raises(DataUnavailable) as refused:
        read_dataset(folder)
    lines = str(refused.value).splitlines()
    assert f"- {expected}" in lines, lines
    # Only the damage is reported, not knock-on effects of it.
    reported = [line for line in lines if line.startswith("- ")]
    extra = [line for line in reported if "rows; manifest.json records" in line]
    assert len(reported) == 1 or sorted(reported) == sorted([f"- {expected}", *extra]), lines


def test_each_damage_gives_one_clear_page(damaged, monkeypatch):
    folder, expected = damaged
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = run_page("statements")
    assert texts(at.error) == ["The dashboard cannot show this dataset."]
    assert expected in texts(at.code)[0]
    assert not at.title  # no page drawn under the error


@pytest.mark.parametrize("case", ["unknown_source", "manifest_not_an_object"])
def test_check_names_the_same_problem(case, built, tmp_path, capsys):
    folder = tmp_path / "data"
    shutil.copytree(built, folder)
    damage, expected = CASES[case]
    line = expected(folder)
    damage(folder)
    capsys.readouterr()
    assert main(["check", "--out", str(folder)]) == 1
    assert f"- {line}" in capsys.readouterr().err.splitlines()


def test_manifest_fields_shown_on_pages_must_look_built():
    problems = integrity.check_manifest({"version": "[x](http://evil)", "built_at": "now"})
    assert [str(p) for p in problems] == [
        "manifest.json: version is not a hexadecimal content hash",
        "manifest.json: built_at is not an ISO 8601 time",
    ]


def test_many_bad_ids_are_listed_briefly(built):
    dataset = read_dataset(built)
    frames = {n: getattr(dataset, n) for n in integrity.TABLES}
    statements = frames["statements"].copy()
    statements["source_id"] = [f"gone-{i}" for i in range(len(statements))]
    problems = integrity.check({**frames, "statements": statements}, {})
    assert [str(p) for p in problems] == [
        "statements.parquet: source_id cites unknown sources id(s): gone-0, gone-1, gone-2 "
        f"and {len(statements) - 3:,} more"
    ]
