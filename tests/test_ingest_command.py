"""`python -m dashboard ingest`: the review file's contract, exit codes and verbatim quotes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from ingest_helpers import FIXTURES

from dashboard.__main__ import main
from dashboard.curation.load import Record
from dashboard.curation.validate import convert_record
from dashboard.ingest import pipeline
from dashboard.ingest.review import REVIEW_KEYS, REWRITE, TABLE_ORDER, check_evidence
from dashboard.ingest.text import read_article, sha256
from dashboard.paths import CURATED_DIR, DATASETS_DIR
from dashboard.schema import TABLES


def ingest(tmp_path: Path, name: str, *extra: str) -> tuple[int, dict]:
    out = tmp_path / "review.yaml"
    code = main(
        ["ingest", str(FIXTURES / name), "--published", "2023-01-19", "--out", str(out), *extra]
    )
    return code, yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else {}


def test_review_file_has_source_and_every_list(tmp_path: Path):
    code, review = ingest(tmp_path, "launch_figures.txt", "--publisher", "Test Wire")
    assert code == 0
    assert list(review) == ["source", *TABLE_ORDER]
    source = review["source"]
    assert source["publisher"] == "Test Wire"
    assert source["published_date"] == dt.date(2023, 1, 19)
    assert source["text_sha256"] == sha256(read_article(FIXTURES / "launch_figures.txt"))
    assert source["title"] == "Pyongyang test-fires long-range missile"


def test_records_use_the_curated_fields_and_pass_its_validation(tmp_path: Path):
    _, review = ingest(tmp_path, "statements_patterns.txt")
    _, launches = ingest(tmp_path, "launch_figures.txt")
    for document in (review, launches):
        for table in TABLE_ORDER:
            for position, row in enumerate(document[table], start=1):
                assert row["review"] == "pending"
                fields = {k: v for k, v in row.items() if k not in REVIEW_KEYS}
                columns = [c.name for c in TABLES[table].columns if not c.derived]
                assert list(fields) == columns
                record = Record(table, tmp_path / "review.yaml", position, fields)
                _, problems = convert_record(TABLES[table], record)
                # A marked placeholder (an unknown speaker type) is the curator's to fill in;
                # `merge` refuses it until then. Anything else must already be valid.
                assert [p for p in problems if REWRITE not in str(p)] == [], problems


def test_evidence_offsets_point_at_the_words(tmp_path: Path):
    text = read_article(FIXTURES / "launch_figures.txt")
    _, review = ingest(tmp_path, "launch_figures.txt")
    [launch] = review["launches"]
    for where in launch["evidence"].values():
        assert text[where["start"] : where["end"]] == where["text"]
    assert launch["evidence"]["time_local"]["text"] == "7:10 a.m."
    assert launch["time_local"] == "07:10"


def test_stance_is_marked_as_a_suggestion(tmp_path: Path):
    _, review = ingest(tmp_path, "statements_patterns.txt")
    marked = [s["evidence"]["stance"] for s in review["statements"] if "stance" in s["evidence"]]
    assert marked and all(m["suggestion"] is True for m in marked)


def test_candidates_link_to_existing_records(tmp_path: Path):
    seed_like = tmp_path / "uiju.txt"
    seed_like.write_text(
        "North Korea fired two short-range ballistic missiles from Uiju on Friday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "review.yaml"
    assert main(["ingest", str(seed_like), "--published", "2022-01-14", "--out", str(out)]) == 0
    [launch] = yaml.safe_load(out.read_text(encoding="utf-8"))["launches"]
    assert launch["same_as"] == "prk-2022-01-14-uiju"


def test_an_article_with_nothing_exits_zero(tmp_path: Path, capsys):
    empty = tmp_path / "weather.txt"
    empty.write_text("Sunny skies are expected across the peninsula.\n", encoding="utf-8")
    assert main(["ingest", str(empty), "--published", "2023-01-19"]) == 0
    review = yaml.safe_load(capsys.readouterr().out)
    assert all(review[table] == [] for table in TABLE_ORDER)


def test_unreadable_input_exits_non_zero_with_one_line(tmp_path: Path, capsys):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4")
    assert main(["ingest", str(bad), "--published", "2023-01-19"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().count("\n") == 0
    assert "expected a .txt or .html file" in captured.err


def test_statement_date_comes_from_the_attribution(tmp_path: Path):
    article = tmp_path / "reaction.txt"
    article.write_text(
        '"We will answer every provocation," a U.S. senior official said on Tuesday.\n',
        encoding="utf-8",
    )
    out = tmp_path / "review.yaml"
    assert main(["ingest", str(article), "--published", "2023-01-19", "--out", str(out)]) == 0
    [statement] = yaml.safe_load(out.read_text(encoding="utf-8"))["statements"]
    assert statement["speaker"] == "U.S. senior official"
    assert statement["date"] == dt.date(2023, 1, 17)
    assert statement["evidence"]["date"]["text"] == "Tuesday"
    assert statement["speaker_type"] == "government"
    assert statement["state"] == "USA"


STORED_TEXTS = sorted(
    [
        *(FIXTURES.glob("*.txt")),
        *(DATASETS_DIR / "ingest_gold" / "texts").glob("*.txt"),
    ]
)


def test_every_stored_article_gives_verbatim_quotes_and_valid_records():
    """The tool's own guarantees, on every article text the repository holds."""
    assert STORED_TEXTS
    for path in STORED_TEXTS:
        text = read_article(path)
        document = pipeline.run(pipeline.Article(text, dt.date(2023, 1, 19)), CURATED_DIR)
        assert check_evidence(document, text) == [], path.name
        for table in TABLE_ORDER:
            for position, row in enumerate(document[table], start=1):
                fields = {k: v for k, v in row.items() if k not in REVIEW_KEYS}
                record = Record(table, path, position, fields)
                problems = convert_record(TABLES[table], record)[1]
                assert [p for p in problems if REWRITE not in str(p)] == [], (path.name, table)
        for row in document["statements"]:
            if row["quote"]:
                where = row["evidence"]["quote"]
                assert " ".join(text[where["start"] : where["end"]].split()) == row["quote"]
