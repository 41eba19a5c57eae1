"""No prose in datasets/ repeats eight words in a row from someone else's text.

Summaries, paraphrases and notes are the curators' own words; only `statements.quote` (the
speaker's words, checked against the seeds elsewhere) and `sources.title` (a document's own
title) may repeat a source. The third-party text is read from ../shared, never copied:
the CNS database's "Additional Information", nagix's `description`, and the seed articles'
narrative (the reporter's words, i.e. the article with its quoted speech taken out).
"""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import edit_record, require_shared

from dashboard.paths import CURATED_DIR, DATASETS_DIR
from dashboard.schema import TABLES

RUN = 8  # the house rule: never eight words in a row from someone else's text
CNS_CSV = "reference/cns-nk-missile-db-2023/north_korea_missile_test_database.utf8.csv"
NAGIX_CSV = "reference/nagix-nk-missile-tests/tests_flat.csv"
# Fields that may legitimately repeat a source word for word.
EXEMPT = {("statements", "quote"), ("sources", "title")}
# Quoted speech: curly double quotes, or straight ones on one line (the Korea Times copy).
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")

Shingle = tuple[str, ...]


def words(text: str) -> list[str]:
    """Lowercase alphanumeric runs: punctuation, case and line breaks do not hide a copy."""
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(tokens: list[str]) -> Iterator[tuple[int, Shingle]]:
    for start in range(len(tokens) - RUN + 1):
        yield start, tuple(tokens[start : start + RUN])


def narrative(article: str) -> list[str]:
    """The article's own words: the stretches between quoted speech, each kept apart so no
    run is formed across a removed quote."""
    return [part for part in QUOTED.split(article) if part.strip()]


@dataclass(frozen=True)
class Copy:
    where: str  # file: record id: field
    run: str  # the longest shared run of words
    origin: str  # which third-party text it shares it with

    def __str__(self) -> str:
        return f"{self.where}: shares {self.run!r} with {self.origin}"


def third_party_index(shared: Path) -> dict[Shingle, str]:
    """Every 8-word shingle of the third-party text -> where it comes from."""
    index: dict[Shingle, str] = {}

    def add(text: str, origin: str) -> None:
        for _, shingle in shingles(words(text)):
            index.setdefault(shingle, origin)

    with (shared / CNS_CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            add(row["Additional Information"], f"CNS F1 {row['F1']} Additional Information")
    with (shared / NAGIX_CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            add(row["description"], f"nagix row {row['row']} description")
    for article in sorted((shared / "seeds").glob("*.txt")):
        for part in narrative(article.read_text(encoding="utf-8")):
            add(part, f"seed {article.name} narrative")
    return index


def shared_runs(text: str, index: dict[Shingle, str]) -> Iterator[tuple[str, str]]:
    """Maximal runs of `text` whose every 8-word window is in the index, with an origin."""
    tokens = words(text)
    hits = [(start, index[s]) for start, s in shingles(tokens) if s in index]
    i = 0
    while i < len(hits):
        start, origin = hits[i]
        end = start
        while i + 1 < len(hits) and hits[i + 1][0] == end + 1:
            i += 1
            end = hits[i][0]
        yield " ".join(tokens[start : end + RUN]), origin
        i += 1


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def project_texts(curated: Path, readme: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every checked text field of every curated record, and the README."""
    for path in sorted(curated.glob("*/*.yaml")):
        table = path.parent.name
        if table not in TABLES:
            # evidence/ holds the merge's quote offsets (verbatim quotes, exempt anyway), no prose
            continue
        key = TABLES[table].key
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for record in records:
            for field, value in record.items():
                if (table, field) in EXEMPT:
                    continue
                for text in strings(value):
                    yield f"{path.relative_to(curated.parent)}: {record.get(key)}: {field}", text
    yield readme.name, readme.read_text(encoding="utf-8")


def copies(curated: Path, readme: Path, index: dict[Shingle, str]) -> list[Copy]:
    return [
        Copy(where, run, origin)
        for where, text in project_texts(curated, readme)
        for run, origin in shared_runs(text, index)
    ]


@pytest.fixture(scope="module")
def index() -> dict[Shingle, str]:
    shared = require_shared("reference")
    require_shared("seeds")
    return third_party_index(shared.parent)


def test_words_ignore_case_punctuation_and_line_breaks():
    assert words("North Korea’s  first\nICBM, since 2017.") == [
        "north",
        "korea",
        "s",
        "first",
        "icbm",
        "since",
        "2017",
    ]


def test_narrative_drops_quoted_speech_and_keeps_the_pieces_apart():
    article = 'He said “we will respond” and left. Then "it is over" was heard.'
    assert narrative(article) == ["He said ", " and left. Then ", " was heard."]


def test_shared_runs_report_the_longest_run_once():
    source = "one two three four five six seven eight nine ten"
    index = {s: "the source" for _, s in shingles(words(source))}
    text = "Our words, then: two three four five six seven eight nine ten, and ours."
    assert list(shared_runs(text, index)) == [
        ("two three four five six seven eight nine ten", "the source")
    ]
    assert list(shared_runs("two three four five six seven eight", index)) == []


def test_no_curated_text_repeats_eight_words_of_third_party_text(index):
    found = copies(CURATED_DIR, DATASETS_DIR / "README.md", index)
    assert not found, f"{len(found)} copied run(s):\n" + "\n".join(map(str, found))


def test_a_planted_copy_is_reported_with_its_record_field_and_run(index, curated_copy, tmp_path):
    readme = tmp_path / "README.md"
    shutil.copy(DATASETS_DIR / "README.md", readme)
    # A sentence of the Korea Times reporter's own words, as a careless curator might paste it.
    seed = require_shared("seeds") / "002_fbf0553a3a5e7882.txt"
    sentence = next(
        part.strip()
        for part in narrative(seed.read_text(encoding="utf-8"))
        if len(words(part)) >= 12
    )
    launches = curated_copy / "launches" / "seed_articles.yaml"
    edit_record(launches, "prk-2021-03-21-onchon", {"summary": f"In short: {sentence}"})

    found = copies(curated_copy, readme, index)

    assert len(found) == 1, "\n".join(map(str, found))
    assert found[0].where == "curated/launches/seed_articles.yaml: prk-2021-03-21-onchon: summary"
    assert found[0].run == " ".join(words(sentence))
    assert found[0].origin == "seed 002_fbf0553a3a5e7882.txt narrative"


def test_quotes_and_source_titles_are_exempt(index, curated_copy, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("Nothing copied here.\n", encoding="utf-8")
    cns = require_shared(CNS_CSV)
    with cns.open(encoding="utf-8", newline="") as handle:
        note = next(r["Additional Information"] for r in csv.DictReader(handle) if r["F1"] == "173")
    sources = curated_copy / "sources" / "sources.yaml"
    edit_record(sources, "cns-missile-db", {"title": note})
    statements = curated_copy / "statements" / "seed_articles.yaml"
    edit_record(statements, "st-2022-01-14-richey", {"quote": note})
    assert copies(curated_copy, readme, index) == []
    edit_record(statements, "st-2022-01-14-richey", {"paraphrase": note})
    assert [c.where for c in copies(curated_copy, readme, index)] == [
        "curated/statements/seed_articles.yaml: st-2022-01-14-richey: paraphrase"
    ]
