"""`merge` adds accepted records all or nothing; `verify` re-checks quotes against a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from dashboard.__main__ import main
from dashboard.paths import IMPORTS_DIR

ARTICLE = (
    "Cruise missiles fired\n\n"
    "North Korea fired two cruise missiles from Onchon County on Saturday, a military official "
    "in Seoul said.\n\n"
    '"This is a grave threat to regional peace," said Maria Okonkwo, a senior fellow at the '
    "Harbor Institute in London.\n\n"
    "On January 12, the United States imposed new sanctions on two trading firms.\n"
)


@pytest.fixture
def reviewed(tmp_path: Path, curated_copy: Path) -> dict:
    """An ingested article whose launch and statement a curator accepted."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    review_path = tmp_path / "review.yaml"
    args = ["ingest", str(article), "--published", "2023-01-19", "--publisher", "Test Wire"]
    assert main([*args, "--out", str(review_path), "--curated", str(curated_copy)]) == 0
    review = yaml.safe_load(review_path.read_text(encoding="utf-8"))
    review["launches"][0]["review"] = "accepted"
    review["statements"][0]["review"] = "accepted"
    review_path.write_text(yaml.safe_dump(review, sort_keys=False), encoding="utf-8")
    return {"review": review_path, "article": article, "document": review}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def merge(review: Path, curated: Path, out: Path) -> int:
    imports = curated.parent / "imports"  # where `check` looks for the stored copies
    args = ["merge", str(review), "--curated", str(curated), "--out", str(out)]
    return main([*args, "--imports", str(imports)])


def test_merge_adds_accepted_records_and_check_passes(reviewed, curated_copy, tmp_path, capsys):
    out = tmp_path / "out"
    assert merge(reviewed["review"], curated_copy, out) == 0
    assert "merged launches 1, statements 1" in capsys.readouterr().out
    launch = reviewed["document"]["launches"][0]
    launches = pq.read_table(out / "launches.parquet").to_pylist()
    [row] = [r for r in launches if r["launch_id"] == launch["launch_id"]]
    assert (row["site_id"], row["count"], row["review_status"]) == ("onchon", 2, "reviewed")
    statements = pq.read_table(out / "statements.parquet").to_pylist()
    assert any(s["quote"] == "This is a grave threat to regional peace" for s in statements)
    sources = pq.read_table(out / "sources.parquet").to_pylist()
    source = reviewed["document"]["source"]
    assert any(s["text_sha256"] == source["text_sha256"] for s in sources)
    assert (curated_copy / "launches" / "ingested.yaml").is_file()
    assert main(["check", "--curated", str(curated_copy), "--out", str(out)]) == 0


def test_duplicates_are_refused_one_line_each_and_nothing_changes(
    reviewed, curated_copy, tmp_path, capsys
):
    out = tmp_path / "out"
    assert merge(reviewed["review"], curated_copy, out) == 0
    before = snapshot(curated_copy)
    capsys.readouterr()
    assert merge(reviewed["review"], curated_copy, out) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3
    assert "duplicates" in lines[0] and "same state, date 2023-01-14 and site onchon" in lines[0]
    assert "duplicates" in lines[1] and "same speaker and quote" in lines[1]
    assert lines[2] == "refused: 2 problem(s); nothing changed"
    assert snapshot(curated_copy) == before


def test_invalid_record_is_refused_as_the_build_would(reviewed, curated_copy, tmp_path, capsys):
    document = reviewed["document"]
    document["launches"][0]["missile_class"] = "rocket"
    reviewed["review"].write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    before = snapshot(curated_copy)
    assert merge(reviewed["review"], curated_copy, tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "launches/ingested.yaml" in err and "missile_class: 'rocket' is not one of" in err
    assert snapshot(curated_copy) == before
    assert not (tmp_path / "out").exists()


def test_placeholders_must_be_rewritten_before_merging(reviewed, curated_copy, tmp_path, capsys):
    document = reviewed["document"]
    document["diplomatic_events"][0]["review"] = "accepted"
    reviewed["review"].write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    assert merge(reviewed["review"], curated_copy, tmp_path / "out") == 1
    assert "title: still a placeholder; write it" in capsys.readouterr().err


def test_verify_checks_the_text_and_every_quote(reviewed, curated_copy, tmp_path, capsys):
    assert merge(reviewed["review"], curated_copy, tmp_path / "out") == 0
    source_id = reviewed["document"]["source"]["source_id"]
    capsys.readouterr()
    command = ["verify", source_id, str(reviewed["article"]), "--curated", str(curated_copy)]
    assert main(command) == 0
    assert f"{source_id}: 1 of 1 quote(s) verified" in capsys.readouterr().out
    altered = tmp_path / "altered.txt"
    altered.write_text(ARTICLE.replace("grave", "serious"), encoding="utf-8")
    command[2] = str(altered)
    assert main(command) == 1
    assert "sha256 differs" in capsys.readouterr().err


def test_a_reviewed_launch_takes_over_the_imported_record_and_check_passes(
    curated_copy: Path, tmp_path: Path
):
    shutil.copytree(IMPORTS_DIR, tmp_path / "imports")
    imported = curated_copy / "launches" / "imported.yaml"
    assert "launch_id: prk-2016-02-07-sohae" in imported.read_text(encoding="utf-8")
    article = tmp_path / "rocket.txt"
    article.write_text(
        "North Korea launched a long-range rocket carrying a satellite on February 7, 2016.\n",
        encoding="utf-8",
    )
    review_path = tmp_path / "review.yaml"
    args = ["ingest", str(article), "--published", "2016-02-08", "--curated", str(curated_copy)]
    assert main([*args, "--out", str(review_path)]) == 0
    review = yaml.safe_load(review_path.read_text(encoding="utf-8"))
    [launch] = review["launches"]
    assert launch["same_as"] == "prk-2016-02-07-sohae"
    launch["review"] = "accepted"
    review_path.write_text(yaml.safe_dump(review, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    assert merge(review_path, curated_copy, out) == 0
    # The database entry now belongs to the reviewed record, so the import no longer lists it.
    assert "launch_id: prk-2016-02-07-sohae" not in imported.read_text(encoding="utf-8")
    assert main(["check", "--curated", str(curated_copy), "--out", str(out)]) == 0
