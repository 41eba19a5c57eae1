"""The database importers on small copies the tests write: parsing, grouping, merging, refusal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from importer_fixtures import (
    FREE_TEXT,
    WEST,
    cns_row,
    curated_folder,
    nagix_entry,
    reviewed_launch,
    write_cns,
    write_nagix,
)

from dashboard.__main__ import main
from dashboard.importers import cns, facts, nagix


def run(*args: str) -> int:
    return main(["import", *args])


@pytest.fixture
def workspace(tmp_path: Path) -> dict[str, Path]:
    curated = curated_folder(tmp_path, [reviewed_launch()])
    out, imports = tmp_path / "out", tmp_path / "imports"
    assert main(["build", "--curated", str(curated), "--out", str(out)]) == 0
    return {"root": tmp_path, "curated": curated, "out": out, "imports": imports}


def where(ws: dict[str, Path]) -> list[str]:
    return [
        "--curated",
        str(ws["curated"]),
        "--out",
        str(ws["out"]),
        "--imports",
        str(ws["imports"]),
        "--accessed",
        "2026-11-22",
    ]


def every_file(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def generated(ws: dict[str, Path], table: str) -> list[dict]:
    path = ws["curated"] / table / "imported.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def by_id(records: list[dict], key: str = "launch_id") -> dict[str, dict]:
    return {r[key]: r for r in records}


# ---------------------------------------------------------------- time zones and dates


def test_utc_instant_becomes_the_kst_date_and_time():
    assert facts.kst(dt.date(2021, 3, 24), dt.time(22, 4)) == ("2021-03-25", "07:04")
    assert facts.kst(dt.date(2022, 5, 4), dt.time(3, 0)) == ("2022-05-04", "12:00")
    assert facts.kst(dt.date(2022, 5, 4), None) == ("2022-05-04", None)


def test_cns_rows_convert_utc_to_kst_and_keep_month_precision(tmp_path):
    path = write_cns(
        tmp_path / "cns.csv",
        [
            cns_row(1, "9-Apr-84"),
            cns_row(2, "Sep-84"),
            cns_row(10, "24-Mar-21", "10:04:00 PM"),
            # The one row CNS dates in KST with the UTC time of the evening before.
            cns_row(161, "5-Jan-22", "11:10:00 PM"),
        ],
    )
    copy = cns.parse(path)
    assert not copy.problems
    got = {m.key: (m.date_local, m.date_precision, m.time_local) for m in copy.missiles}
    assert got["1"] == ("1984-04-09", "day", None)
    assert got["2"] == ("1984-09-01", "month", None)
    assert got["10"] == ("2021-03-25", "day", "07:04")
    assert got["161"] == ("2022-01-05", "day", "08:10")
    notes = {m.key: m.date_note for m in copy.missiles}
    assert "may be one day later" in notes["1"]
    assert "only to the month" in notes["2"]
    assert copy.latest == "2023-01-02"


def test_cns_reads_figures_spans_and_cp1252(tmp_path):
    rows = [
        cns_row(1, "9-Apr-84", Apogee="between 25 and 90 km", **{"Distance Travelled": "1,380 km"}),
        cns_row(2, "9-Apr-84", **{"Distance Travelled": "330 lm", "Missile Type": "HGV"}),
        cns_row(3, "9-Apr-84", **{"Confirmation Status": "Unconfirmed", "Test Outcome": "Failure"}),
    ]
    path = write_cns(tmp_path / "utf8.csv", rows)
    legacy = tmp_path / "cp1252.csv"
    legacy.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    first, second = cns.parse(path), cns.parse(legacy)
    assert first.missiles == second.missiles and first.digest == second.digest
    m1, m2, m3 = first.missiles
    assert (m1.apogee_km, m1.apogee_text, m1.range_km) == (None, "25-90", 1380.0)
    assert (m2.range_km, m2.missile_class) == (330.0, "hypersonic")
    assert (m3.confirmation, m3.outcome) == ("assessed", "failure")


def test_nagix_entries_are_keyed_by_date_and_position(tmp_path):
    folder = write_nagix(
        tmp_path / "data",
        [
            nagix_entry("1984-09"),
            nagix_entry("2021-03-24", "22:04 (UTC)"),
            nagix_entry("2021-03-24", "22:23 (UTC)", facility="unknown", missile="unknown"),
        ],
    )
    copy = nagix.parse(folder)
    assert not copy.problems
    first, second, third = copy.missiles
    assert (first.key, first.date_local, first.date_precision) == (
        "1984-09/1",
        "1984-09-01",
        "month",
    )
    assert (second.key, second.date_local, second.time_local) == (
        "2021-03-24/1",
        "2021-03-25",
        "07:04",
    )
    assert (third.key, third.site_lat, third.missile_class) == ("2021-03-24/2", None, "unknown")
    assert second.heading_deg == 80.0


# ---------------------------------------------------------------- refusing bad files


def test_malformed_cns_file_is_refused_line_by_line_and_nothing_changes(workspace, capsys):
    path = write_cns(
        workspace["root"] / "bad.csv",
        [
            cns_row(1, "31-Feb-84"),
            cns_row(2, "9-Apr-84", **{"Missile Type": "Rocket"}),
            cns_row(3, "9-Apr-84", **{"Facility Latitude": "north"}),
            cns_row(3, "9-Apr-84"),
        ],
    )
    before = every_file(workspace["root"])
    assert run("cns", str(path), *where(workspace)) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{path}: row F1=1: Date: unreadable date '31-Feb-84'" in err[0]
    assert "row F1=2: Missile Type: unknown missile class 'ROCKET'" in err[1]
    assert "row F1=3: Facility Latitude: not a coordinate: 'north'" in err[2]
    assert "row F1=3: F1: repeated row number" in err[3]
    assert err[-1].startswith("refused: 4 problem(s)")
    assert every_file(workspace["root"]) == before


def test_cns_file_missing_columns_is_refused(workspace, capsys):
    path = workspace["root"] / "short.csv"
    path.write_text("F1,Date\n1,9-Apr-84\n", encoding="utf-8")
    assert run("cns", str(path), *where(workspace)) == 1
    assert "header: -: missing column(s) Date Entered/Updated" in capsys.readouterr().err


def test_malformed_nagix_folder_is_refused(workspace, capsys):
    folder = write_nagix(
        workspace["root"] / "data",
        [nagix_entry("2021-03-24", facility="nowhere"), nagix_entry("2021-13-01")],
    )
    before = every_file(workspace["root"])
    assert run("nagix", str(folder), *where(workspace)) == 1
    err = capsys.readouterr().err
    assert "entry 1 (date '2021-03-24'): facility: key 'nowhere' not in facility.en.json" in err
    assert "entry 2 (date '2021-13-01'): date: unreadable date '2021-13-01'" in err
    assert every_file(workspace["root"]) == before


def test_a_copy_that_breaks_validation_is_refused(workspace, capsys):
    # Readable, but the apogee is beyond what the build accepts: the build's own check refuses.
    path = write_cns(workspace["root"] / "cns.csv", [cns_row(1, "9-Apr-84", Apogee="99999 km")])
    before = every_file(workspace["root"])
    assert run("cns", str(path), *where(workspace)) == 1
    assert "apogee_km: apogee 99999 is outside 0..10000" in capsys.readouterr().err
    assert every_file(workspace["root"]) == before


# ---------------------------------------------------------------- grouping and merging


def two_copies(ws: dict[str, Path]) -> tuple[Path, Path]:
    cns_path = write_cns(
        ws["root"] / "cns.csv",
        [
            cns_row(1, "9-Apr-84"),
            cns_row(2, "9-Apr-84", Apogee="60 km"),
            cns_row(10, "24-Mar-21", "10:04:00 PM", **{"Distance Travelled": "450 km"}),
            cns_row(11, "24-Mar-21", "10:30:00 PM", **{"Missile Type": "ICBM"}),
        ],
    )
    nagix_folder = write_nagix(
        ws["root"] / "data",
        [
            nagix_entry("1984-04-09"),
            nagix_entry("1984-04-09", apogee=70),
            nagix_entry("2021-03-24", "22:04 (UTC)", distance=450),
            nagix_entry("2021-03-24", "22:30 (UTC)", missile="unknown"),
            nagix_entry("2025-06-01", "01:00 (UTC)", facility="west", missile="test-9"),
        ],
    )
    return cns_path, nagix_folder


def test_salvo_becomes_one_event_and_classes_split_events(workspace):
    cns_path, _ = two_copies(workspace)
    assert run("cns", str(cns_path), *where(workspace)) == 0
    launches = by_id(generated(workspace, "launches"))
    salvo = launches["prk-1984-04-09-east-site"]
    assert (salvo["count"], salvo["apogee_km"], salvo["cns_ids"]) == (2, 60.0, [1, 2])
    assert salvo["review_status"] == "imported"
    # F1 10 belongs to the reviewed record; F1 11 (an ICBM the same day, same site) does not.
    icbm = launches["prk-2021-03-25-east-site-icbm"]  # the plain id is the reviewed record's
    assert (icbm["missile_class"], icbm["count"], icbm["time_local"]) == ("ICBM", 1, "07:30")
    assert len(launches) == 2


def test_disagreements_become_claims_and_reviewed_records_stay(workspace):
    cns_path, nagix_folder = two_copies(workspace)
    reviewed = (workspace["curated"] / "launches" / "reviewed.yaml").read_bytes()
    assert run("cns", str(cns_path), *where(workspace)) == 0
    assert run("nagix", str(nagix_folder), *where(workspace)) == 0
    assert (workspace["curated"] / "launches" / "reviewed.yaml").read_bytes() == reviewed
    claims = generated(workspace, "claims")
    about: dict[tuple[str, str, str], set[str]] = {}
    for c in claims:
        about.setdefault((c["launch_id"], c["field"], c["claimant"]), set()).add(c["value"])
    # The reviewed record says 600 km; both databases say 450 km.
    assert about[("prk-2021-03-25-east-site", "range_km", "CNS")] == {"450"}
    assert about[("prk-2021-03-25-east-site", "range_km", "nagix (CNS-derived)")] == {"450"}
    # CNS and nagix differ on the salvo's apogee (60 and 70 km at most): both are kept, with
    # CNS's lower figure for the salvo's other missile.
    assert about[("prk-1984-04-09-east-site", "apogee_km", "CNS")] == {"60", "50"}
    assert about[("prk-1984-04-09-east-site", "apogee_km", "nagix (CNS-derived)")] == {"70", "50"}
    # nagix's "Unknown" class is its class table's artefact: CNS's ICBM stands, no claim.
    launches = by_id(generated(workspace, "launches"))
    assert launches["prk-2021-03-25-east-site-icbm"]["missile_class"] == "ICBM"
    assert not any(field == "missile_class" for _, field, _ in about)
    # nagix adds the bearing and a launch CNS does not have, at a new site it creates.
    assert launches["prk-1984-04-09-east-site"]["heading_deg"] == 80.0
    newest = launches["prk-2025-06-01-west-test"]
    assert newest["source_ids"] == ["nagix-nk-missile-tests-2025-06-01"]
    assert newest["confirmation"] is None
    sites = by_id(generated(workspace, "launch_sites"), "site_id")
    assert (sites["west-test"]["name"], sites["west-test"]["lat"]) == ("West Test Field", WEST[0])


def test_imported_summary_is_composed_and_free_text_never_copied(workspace):
    cns_path, nagix_folder = two_copies(workspace)
    assert run("cns", str(cns_path), *where(workspace)) == 0
    assert run("nagix", str(nagix_folder), *where(workspace)) == 0
    salvo = by_id(generated(workspace, "launches"))["prk-1984-04-09-east-site"]
    assert salvo["summary"].startswith("Two SRBMs (Test-1) launched from East Site.")
    assert "not yet reviewed" in salvo["summary"]
    for folder in ("curated", "out", "imports"):
        for path, content in every_file(workspace[folder]).items():
            assert b"ZEBRA-NOTE" not in content, f"free text copied into {folder}/{path}"
    assert FREE_TEXT.startswith("ZEBRA-NOTE")


def test_rerun_changes_nothing_and_a_newer_copy_is_reported(workspace, capsys):
    cns_path, _ = two_copies(workspace)
    assert run("cns", str(cns_path), *where(workspace)) == 0
    first = every_file(workspace["root"])
    capsys.readouterr()
    assert run("cns", str(cns_path), *where(workspace)[:-2]) == 0  # another day, same copy
    assert every_file(workspace["root"]) == first
    assert "4 missile(s) unchanged" in capsys.readouterr().out
    newer = write_cns(
        workspace["root"] / "cns.csv",
        [
            cns_row(1, "9-Apr-84"),
            cns_row(2, "9-Apr-84", Apogee="65 km"),
            cns_row(10, "24-Mar-21", "10:04:00 PM", **{"Distance Travelled": "450 km"}),
            cns_row(12, "1-Jun-23", "1:00:00 AM"),
        ],
    )
    assert run("cns", str(newer), *where(workspace)) == 0
    out = capsys.readouterr().out
    assert "changed 2: apogee_km 60.0 -> 65.0" in out
    assert "added 12: 2023-06-01 SRBM East Site" in out
    assert "removed 11: no longer in the copy" in out
    assert "2 missile(s) unchanged" in out
    table = pq.read_table(workspace["out"] / "launches.parquet").to_pylist()
    assert {r["launch_id"] for r in table} == {
        "prk-2021-03-25-east-site",
        "prk-1984-04-09-east-site",
        "prk-2023-06-01-east-site",
    }


def test_check_notices_generated_records_out_of_date(workspace, capsys):
    cns_path, _ = two_copies(workspace)
    assert run("cns", str(cns_path), *where(workspace)) == 0
    check = ["check", "--curated", str(workspace["curated"]), "--out", str(workspace["out"])]
    # `check` finds the stored copies beside the curated folder, as in datasets/.
    (workspace["imports"]).rename(workspace["curated"].parent / "imports")
    assert main(check) == 0
    generated_file = workspace["curated"] / "launches" / "imported.yaml"
    generated_file.write_text(generated_file.read_text().replace("count: 2", "count: 3"))
    assert main(check) == 1
    assert "imported records out of date" in capsys.readouterr().err


def test_an_imported_record_in_a_reviewed_file_is_refused(workspace, capsys):
    path = workspace["curated"] / "launches" / "reviewed.yaml"
    records = yaml.safe_load(path.read_text())
    records[0]["review_status"] = "imported"
    path.write_text(yaml.safe_dump(records))
    assert main(["build", "--curated", str(workspace["curated"]), "--out", str(workspace["out"])])
    assert "'imported' records belong in imported.yaml only" in capsys.readouterr().err
