"""Every class of defect in the curated YAML is refused with a line naming file, record, field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import REMOVE, edit_record, read_records, write_records

from dashboard.curation.build import BuildRefused, build_dataset
from dashboard.paths import CURATED_DIR
from dashboard.schema import TABLES

LAUNCHES = "launches/prk_2021_2022.yaml"
LAUNCH = "prk-2022-01-14-uiju"
SITES = "launch_sites/sites.yaml"
SITE = "uiju"
STATEMENTS = "statements/seed_articles.yaml"
STATEMENT = "st-2021-09-15-suzuki-joneses"
CLAIMS = "claims/cns_2021_2022.yaml"
CLAIM = "prk-2021-03-25-sondok-range-kcna"
EVENTS = "diplomatic_events/seed_articles.yaml"
EVENT = "summit-2019-02-27-hanoi"


def refused_lines(curated: Path) -> list[str]:
    """The problem lines of a build that must be refused."""
    with pytest.raises(BuildRefused) as refused:
        build_dataset(curated)
    lines = [str(p) for p in refused.value.problems]
    assert lines, "BuildRefused carried no problems"
    return lines


def assert_reported(lines: list[str], file: str, record: str, field: str, message: str) -> None:
    """Exactly the expected line is among the problems, and no other record is blamed."""
    prefix = f"{Path(file).name}: {record}: {field}: "
    expected = [line for line in lines if prefix in line and message in line.split(prefix, 1)[1]]
    assert expected, f"no line names {prefix!r} + {message!r}:\n" + "\n".join(lines)
    blamed_elsewhere = [line for line in lines if f": {record}: " not in line]
    assert not blamed_elsewhere, "other records blamed:\n" + "\n".join(blamed_elsewhere)


def test_real_curated_data_builds_with_rows_in_every_table():
    dataset = build_dataset(CURATED_DIR)
    assert list(dataset.tables) == list(TABLES)
    empty = [name for name, table in dataset.tables.items() if table.num_rows == 0]
    assert not empty, f"tables without rows: {empty}"


def test_rewriting_a_file_unchanged_still_builds(curated_copy):
    # Guards the helpers below: a YAML round trip alone must not introduce a problem.
    for file in (LAUNCHES, SITES, STATEMENTS, CLAIMS, EVENTS):
        path = curated_copy / file
        write_records(path, read_records(path))
    assert build_dataset(curated_copy).tables["launches"].num_rows > 0


# (file, record id, changes, field named in the problem, words of the message)
RECORD_DEFECTS: dict[str, tuple[str, str, dict[str, Any], str, str]] = {
    "unknown source id": (
        LAUNCHES, LAUNCH, {"source_ids": ["cns-missile-db", "no-such-source"]},
        "source_ids", "refers to unknown sources id 'no-such-source'",
    ),
    "no source": (LAUNCHES, LAUNCH, {"source_ids": []}, "source_ids", "cites no source"),
    "dangling site": (
        LAUNCHES, LAUNCH, {"site_id": "atlantis"},
        "site_id", "refers to unknown launch_sites id 'atlantis'",
    ),
    "dangling launch in statement": (
        STATEMENTS, STATEMENT, {"launch_ids": ["prk-2099-01-01-nowhere"]},
        "launch_ids", "refers to unknown launches id 'prk-2099-01-01-nowhere'",
    ),
    "dangling launch in claim": (
        CLAIMS, CLAIM, {"launch_id": "prk-2099-01-01-nowhere"},
        "launch_id", "refers to unknown launches id 'prk-2099-01-01-nowhere'",
    ),
    "dangling event": (
        STATEMENTS, STATEMENT, {"event_ids": ["talks-2099-01-01-nothing"]},
        "event_ids", "refers to unknown diplomatic_events id 'talks-2099-01-01-nothing'",
    ),
    "latitude out of range": (
        SITES, SITE, {"lat": 95}, "lat", "latitude 95 is outside -90..90",
    ),
    "longitude out of range": (
        SITES, SITE, {"lon": 200.5}, "lon", "longitude 200.5 is outside -180..180",
    ),
    "negative range": (
        LAUNCHES, LAUNCH, {"range_km": -430}, "range_km", "range -430 is outside 0..20000",
    ),
    "absurd apogee": (
        LAUNCHES, LAUNCH, {"apogee_km": 50000}, "apogee_km", "apogee 50000 is outside 0..10000",
    ),
    "unparseable date": (
        LAUNCHES, LAUNCH, {"date_local": "yesterday"},
        "date_local", "unparseable date 'yesterday'",
    ),
    "impossible date": (
        LAUNCHES, LAUNCH, {"date_local": "2022-02-30"},
        "date_local", "impossible date '2022-02-30'",
    ),
    "time without a date": (
        LAUNCHES, LAUNCH, {"date_local": REMOVE}, "time_local", "a time is given without a date",
    ),
    "badly formatted time": (
        LAUNCHES, LAUNCH, {"time_local": "25:61"}, "time_local", "unparseable time '25:61'",
    ),
    "missile class outside its enum": (
        LAUNCHES, LAUNCH, {"missile_class": "SCUD"},
        "missile_class", "'SCUD' is not one of SRBM, MRBM",
    ),
    "stance outside its enum": (
        STATEMENTS, STATEMENT, {"stance": "angry"}, "stance", "'angry' is not one of condemn",
    ),
    "statement with neither quote nor paraphrase": (
        STATEMENTS, STATEMENT, {"quote": None, "paraphrase": None},
        "quote", "a statement needs a quote or a paraphrase",
    ),
    "empty required field": (
        LAUNCHES, LAUNCH, {"summary": ""}, "summary", "missing required value",
    ),
    "unknown field": (
        LAUNCHES, LAUNCH, {"rnage_km": 430}, "rnage_km", "unknown field",
    ),
    "derived field written by a curator": (
        LAUNCHES, LAUNCH, {"launched_at_utc": "2022-01-14T05:41:00Z"},
        "launched_at_utc", "is computed by the build",
    ),
    "source address that is not http(s)": (
        "sources/sources.yaml", "cnn-2019-02-28-hanoi", {"url": "javascript:alert(1)"},
        "url", "'javascript:alert(1)' is not an http(s) address",
    ),
    "event id dangling in the event's own sources": (
        EVENTS, EVENT, {"source_ids": ["cnn-2019-02-28-hanoi", "gone-2019"]},
        "source_ids", "refers to unknown sources id 'gone-2019'",
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("file", "record", "changes", "field", "message"),
    list(RECORD_DEFECTS.values()),
    ids=list(RECORD_DEFECTS),
)
def test_record_defect_is_refused(curated_copy, file, record, changes, field, message):
    edit_record(curated_copy / file, record, changes)
    assert_reported(refused_lines(curated_copy), file, record, field, message)


def test_time_without_a_date_also_names_the_missing_date(curated_copy):
    edit_record(curated_copy / LAUNCHES, LAUNCH, {"date_local": REMOVE})
    lines = refused_lines(curated_copy)
    assert_reported(lines, LAUNCHES, LAUNCH, "date_local", "missing required value")


def test_unquoted_time_is_refused_with_advice_to_quote(curated_copy):
    path = curated_copy / LAUNCHES
    text = path.read_text(encoding="utf-8")
    assert text.count('time_local: "14:41"') == 1
    path.write_text(text.replace('time_local: "14:41"', "time_local: 14:41"), encoding="utf-8")
    lines = refused_lines(curated_copy)
    # YAML 1.1 reads 14:41 as the sexagesimal integer 881.
    assert_reported(lines, LAUNCHES, LAUNCH, "time_local", 'quoted "HH:MM" string (YAML read 881)')


def test_duplicate_id_in_one_file_is_refused(curated_copy):
    path = curated_copy / LAUNCHES
    records = read_records(path)
    original = next(r for r in records if r["launch_id"] == LAUNCH)
    write_records(path, [*records, dict(original)])
    lines = refused_lines(curated_copy)
    assert_reported(lines, LAUNCHES, LAUNCH, "launch_id", "duplicate id (first defined in")
    assert any(f"prk_2021_2022.yaml record #{records.index(original) + 1}" in x for x in lines)


def test_duplicate_id_across_two_files_is_refused(curated_copy):
    original = next(r for r in read_records(curated_copy / LAUNCHES) if r["launch_id"] == LAUNCH)
    # Sorted after prk_2021_2022.yaml, so the copy is the second definition.
    write_records(curated_copy / "launches" / "zz_more.yaml", [original])
    lines = refused_lines(curated_copy)
    assert_reported(lines, "zz_more.yaml", LAUNCH, "launch_id", "duplicate id")
    assert any("zz_more.yaml" in x and "prk_2021_2022.yaml record #" in x for x in lines)


def test_yaml_syntax_error_names_the_file(curated_copy):
    # Nothing refers to claims, so losing this file blames no other record.
    path = curated_copy / "claims" / "seed_articles.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- claim_id: [unclosed\n")
    lines = refused_lines(curated_copy)
    assert_reported(lines, "claims/seed_articles.yaml", "-", "-", "not valid YAML")


def test_file_that_is_not_a_list_is_refused(curated_copy):
    path = curated_copy / "launches" / "mapping.yaml"
    path.write_text("launch_id: prk-2022-01-14-uiju\nstate: PRK\n", encoding="utf-8")
    lines = refused_lines(curated_copy)
    assert_reported(lines, "launches/mapping.yaml", "-", "-", "expected a list of records")
