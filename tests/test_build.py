"""Building the Parquet dataset: reproducible, atomic on refusal, checked against the input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import edit_record

from dashboard import geo, versions
from dashboard.__main__ import main
from dashboard.curation.build import MANIFEST, build_dataset, write_dataset
from dashboard.curation.load import display_path
from dashboard.fts import INDEX_FILE, index_version
from dashboard.schema import TABLES

LAUNCHES = "launches/prk_2021_2022.yaml"
PARQUET = [f"{name}.parquet" for name in TABLES]


def snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def launch(out: Path, launch_id: str) -> dict:
    rows = pq.read_table(out / "launches.parquet").to_pylist()
    matches = [row for row in rows if row["launch_id"] == launch_id]
    assert len(matches) == 1, f"{launch_id} appears {len(matches)} times in launches.parquet"
    return matches[0]


@pytest.fixture
def built(curated_copy: Path, tmp_path: Path) -> Path:
    """An output folder written by the project's own build command from the curated copy."""
    out = tmp_path / "out"
    assert main(["build", "--curated", str(curated_copy), "--out", str(out)]) == 0
    return out


def test_build_writes_every_table_a_manifest_the_changelog_and_the_search_index(built):
    assert sorted(p.name for p in built.iterdir()) == sorted(
        [*PARQUET, MANIFEST, versions.CHANGELOG, INDEX_FILE]
    )
    manifest = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    # The app opens the index only when it was written for this very build.
    assert index_version(built / INDEX_FILE) == manifest["version"]
    for name in TABLES:
        assert (
            manifest["tables"][name]["rows"] == pq.read_metadata(built / f"{name}.parquet").num_rows
        )


def test_rebuilding_unchanged_input_changes_no_byte(curated_copy, built, capsys):
    before = snapshot(built)
    assert write_dataset(build_dataset(curated_copy), built) == []
    assert snapshot(built) == before
    capsys.readouterr()
    assert main(["build", "--curated", str(curated_copy), "--out", str(built)]) == 0
    assert snapshot(built) == before
    assert capsys.readouterr().out.rstrip().endswith("; unchanged")


def test_refused_build_leaves_the_output_untouched(curated_copy, built, capsys):
    before = snapshot(built)
    edit_record(curated_copy / LAUNCHES, "prk-2022-01-14-uiju", {"range_km": -430})
    capsys.readouterr()
    assert main(["build", "--curated", str(curated_copy), "--out", str(built)]) == 1
    assert snapshot(built) == before
    err = capsys.readouterr().err.splitlines()
    assert any(
        "prk_2021_2022.yaml: prk-2022-01-14-uiju: range_km: range -430 is outside" in line
        for line in err
    ), "\n".join(err)
    assert err[-1] == f"refused: 1 problem(s); {display_path(built)} left untouched"


def test_check_passes_on_a_fresh_build(curated_copy, built, capsys):
    assert main(["check", "--curated", str(curated_copy), "--out", str(built)]) == 0
    assert "up to date" in capsys.readouterr().out


def test_check_names_the_stale_file_after_a_curated_edit(curated_copy, built, capsys):
    edit_record(
        curated_copy / LAUNCHES, "prk-2022-01-14-uiju", {"summary": "Two rail-launched missiles."}
    )
    capsys.readouterr()
    assert main(["check", "--curated", str(curated_copy), "--out", str(built)]) == 1
    err = capsys.readouterr().err
    assert "launches.parquet: stale" in err
    assert "manifest.json: stale" in err
    assert "statements.parquet" not in err, "only the edited table is stale"


def test_committed_parquet_files_are_current(capsys):
    # Ties CI to the committed data: after editing curated YAML, run the build and commit both.
    status = main(["check"])
    assert status == 0, capsys.readouterr().err


def test_parquet_schemas_are_the_declared_schemas(built):
    for name, table in TABLES.items():
        written = pq.read_schema(built / f"{name}.parquet")
        declared = table.arrow_schema
        assert written.equals(declared, check_metadata=True), f"{name}:\n{written}\n!=\n{declared}"
        descriptions = {f.name: f.metadata[b"description"].decode() for f in written}
        assert descriptions == {c.name: c.description for c in table.columns}


def test_launched_at_utc_is_kst_minus_nine_hours(built):
    uiju = launch(built, "prk-2022-01-14-uiju")
    assert uiju["time_local"] == "14:41"
    assert uiju["launched_at_utc"] == dt.datetime(2022, 1, 14, 5, 41, tzinfo=dt.UTC)
    # 07:04 KST on 25 March is still 24 March in UTC.
    sondok = launch(built, "prk-2021-03-25-sondok")
    assert sondok["launched_at_utc"] == dt.datetime(2021, 3, 24, 22, 4, tzinfo=dt.UTC)


def test_launch_without_time_has_no_utc_instant(built):
    onchon = launch(built, "prk-2021-03-21-onchon")
    assert onchon["time_local"] is None
    assert onchon["launched_at_utc"] is None
    assert onchon["date_local"] == dt.date(2021, 3, 21)


def test_impact_point_is_estimated_from_site_heading_and_range(built):
    uiju = launch(built, "prk-2022-01-14-uiju")
    site = next(
        s
        for s in pq.read_table(built / "launch_sites.parquet").to_pylist()
        if s["site_id"] == "uiju"
    )
    lat, lon = geo.destination(site["lat"], site["lon"], uiju["heading_deg"], uiju["range_km"])
    assert uiju["impact_estimated"] is True
    assert uiju["impact_lat"] == pytest.approx(lat, abs=1e-4)
    assert uiju["impact_lon"] == pytest.approx(lon, abs=1e-4)
    assert geo.distance_km(site["lat"], site["lon"], uiju["impact_lat"], uiju["impact_lon"]) == (
        pytest.approx(430, abs=0.1)
    )


def test_reported_impact_point_is_kept(curated_copy, tmp_path):
    edit_record(
        curated_copy / LAUNCHES, "prk-2022-01-14-uiju", {"impact_lat": 40.1, "impact_lon": 130.2}
    )
    out = tmp_path / "reported"
    write_dataset(build_dataset(curated_copy), out)
    uiju = launch(out, "prk-2022-01-14-uiju")
    assert (uiju["impact_lat"], uiju["impact_lon"], uiju["impact_estimated"]) == (
        40.1,
        130.2,
        False,
    )


def test_launch_without_heading_or_range_has_no_impact_point(built):
    no_range = launch(built, "prk-2022-03-16-pyongyang-airport")
    assert no_range["range_km"] is None
    assert (no_range["impact_lat"], no_range["impact_estimated"]) == (None, False)


def test_manifest_version_follows_content_and_keeps_built_at(curated_copy, built):
    first = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    write_dataset(build_dataset(curated_copy), built)
    assert json.loads((built / MANIFEST).read_text(encoding="utf-8")) == first

    edit_record(curated_copy / LAUNCHES, "prk-2022-01-14-uiju", {"count": 3})
    dataset = build_dataset(curated_copy)
    assert write_dataset(dataset, built) == [
        "launches.parquet",
        MANIFEST,
        versions.CHANGELOG,
        INDEX_FILE,
    ]
    second = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    assert second["version"] == dataset.version != first["version"]
    assert second["tables"]["launches"]["sha256"] != first["tables"]["launches"]["sha256"]
    assert second["tables"]["sources"] == first["tables"]["sources"]
