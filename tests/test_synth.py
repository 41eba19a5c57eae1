"""The synthetic dataset: valid by the project's own rules, shaped like the real record."""

import datetime as dt
from pathlib import Path

import pytest
from app_runner import run_page, texts

from dashboard import synth
from dashboard.curation.load import Record
from dashboard.curation.validate import GENERATED_FILE, validate
from dashboard.data_io import read_dataset
from dashboard.paths import DATA_DIR_ENV
from dashboard.schema import TABLES
from dashboard.search import StatementQuery, Window

SIZES = synth.Sizes(statements=30_000, launches=300, events=200)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    synth.write(SIZES, out)
    return out


def test_synthetic_records_pass_the_curation_checks():
    tables = synth.synthesize(SIZES)
    records = {}
    for name, table in tables.items():
        derived = {c.name for c in TABLES[name].columns if c.derived}
        # Imported launches must come from the importer's file, as curated ones do.
        file = Path(name) / (GENERATED_FILE if name == "launches" else "synthetic.yaml")
        records[name] = [
            Record(name, file, i, {k: v for k, v in row.items() if k not in derived})
            for i, row in enumerate(table.to_pylist(), start=1)
        ]
    rows, problems = validate(records)
    assert problems == []
    assert len(rows["statements"]) == SIZES.statements


def test_same_sizes_give_the_same_rows():
    first = synth.synthesize(synth.Sizes(statements=500, launches=20, events=20))
    again = synth.synthesize(synth.Sizes(statements=500, launches=20, events=20))
    assert all(first[name].equals(again[name]) for name in TABLES)


def test_word_frequencies_speakers_and_dates_are_as_documented(folder):
    data = read_dataset(folder)
    table = data.statement_table
    assert table.index.from_file  # synth writes the index with the data
    assert data.statements["date"].is_monotonic_decreasing  # held newest first
    n = len(table)
    common = table.count(StatementQuery(text=synth.COMMON_WORD), Window())
    rare = table.count(StatementQuery(text=synth.RARE_WORD), Window())
    assert common == round(n * synth.COMMON_SHARE)
    assert rare == round(n * synth.RARE_SHARE)
    said = data.statements["speaker"].value_counts()
    assert said.iloc[:10].sum() > 0.3 * n  # ten of thousands of speakers say a third
    assert len(said) > 500
    assert data.statements["date"].min().date() >= dt.date(1990, 1, 1)
    assert data.statements["date"].max().date() <= dt.date(2026, 11, 22)
    assert data.statements["date"].dt.year.nunique() == 37


def test_the_app_opens_a_synthetic_folder(folder, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    at = run_page("statements", {"q": synth.COMMON_WORD})
    count = next(m for m in texts(at.markdown) if "statements in view match" in m)
    expected = round(SIZES.statements * synth.COMMON_SHARE)
    assert count == f"**{expected:,}** of {SIZES.statements:,} statements in view match."
    quotes = [t for t in texts(at.text) if t.startswith("“") or t.startswith("Paraphrase:")]
    assert len(quotes) == 10
    assert all(synth.COMMON_WORD in t.casefold() for t in quotes)
