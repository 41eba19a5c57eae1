"""The importers on the reference copies of the databases (skipped when ../shared is absent).

The copies are read, never copied: these tests compare what the importers make of them with
the reviewed records and with the facts committed in datasets/imports/.
"""

from __future__ import annotations

import shutil

import yaml
from conftest import require_shared

from dashboard.__main__ import main
from dashboard.importers import cns, command, coverage, merge, nagix
from dashboard.importers.merge import ImportedCopy
from dashboard.paths import CURATED_DIR, DATASETS_DIR, IMPORTS_DIR

CNS_COPY = "reference/cns-nk-missile-db-2023/north_korea_missile_test_database.csv"
CNS_WORKBOOK = "reference/cns-nk-missile-db-2021-xlsx/north_korea_missile_test_database.xlsx"
NAGIX_COPY = "reference/nagix-nk-missile-tests"
REVIEWED_2021_2022 = CURATED_DIR / "launches" / "prk_2021_2022.yaml"


def test_grouping_reproduces_the_reviewed_2021_2022_events():
    copy = cns.parse(require_shared(CNS_COPY))
    copies = {
        "cns": ImportedCopy(
            "cns", copy.missiles, {"version": "-", "latest": "-", "accessed_date": "-"}
        )
    }
    reviewed = command.reviewed_records(CURATED_DIR)
    sources = merge.source_rows(copies, reviewed["sources"])
    site_of, _ = merge.assign_sites(
        [("cns", m) for m in copy.missiles], reviewed["launch_sites"], sources
    )
    pairs = merge.pair_missiles(copies, site_of)
    in_years = [p for p in pairs if "2021-01-01" <= p.first.date_local <= "2022-12-31"]
    imported = {
        (day, site or None, len(group))
        for (day, _, site, _), group in merge.group(in_years).items()
    }
    records = yaml.safe_load(REVIEWED_2021_2022.read_text(encoding="utf-8"))
    curated = {(str(r["date_local"]), r["site_id"], r["count"]) for r in records}
    assert sorted(imported - curated) == [] and sorted(curated - imported) == []


def test_committed_facts_are_the_reference_copies():
    stored = command.stored_copies(IMPORTS_DIR)
    assert stored["cns"].missiles == cns.parse(require_shared(CNS_COPY)).missiles
    assert stored["nagix"].missiles == nagix.parse(require_shared(NAGIX_COPY)).missiles


def test_every_reference_missile_is_covered_by_a_launch_event():
    for copy in (cns.parse(require_shared(CNS_COPY)), nagix.parse(require_shared(NAGIX_COPY))):
        result = coverage.measure(copy.missiles, DATASETS_DIR)
        assert result.missiles == len(copy.missiles) > 200
        assert not result.uncovered, [m.key for m in result.uncovered]
        assert not result.short_days


def test_the_workbook_and_the_csv_layouts_read_alike():
    workbook = cns.parse(require_shared(CNS_WORKBOOK))
    csv_copy = cns.parse(require_shared(CNS_COPY))
    assert not workbook.problems and len(workbook.missiles) == 156
    newer = {m.key: m for m in csv_copy.missiles}
    same = [m for m in workbook.missiles if newer[m.key].date_local == m.date_local]
    assert len(same) == 156  # the older copy's rows keep their KST dates in the newer one
    assert workbook.missiles[3].date_precision == "month"  # "Sep-84" is a month in both


def test_reimporting_the_reference_copies_changes_nothing(tmp_path, capsys):
    datasets = tmp_path / "datasets"
    shutil.copytree(DATASETS_DIR, datasets)
    before = {p: p.read_bytes() for p in sorted(datasets.rglob("*")) if p.is_file()}
    for database, copy in (("cns", CNS_COPY), ("nagix", NAGIX_COPY)):
        args = ["import", database, str(require_shared(copy))]
        args += ["--curated", str(datasets / "curated"), "--out", str(datasets)]
        args += ["--imports", str(datasets / "imports")]
        assert main(args) == 0
    after = {p: p.read_bytes() for p in sorted(datasets.rglob("*")) if p.is_file()}
    assert after == before
    out = capsys.readouterr().out
    assert "245 missile(s) unchanged" in out and "339 missile(s) unchanged" in out
