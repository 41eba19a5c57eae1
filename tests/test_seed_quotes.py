"""Quotes in the built statements table are verbatim from the seed articles they cite."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import require_shared

from dashboard.paths import DATASETS_DIR

CURLY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def normalise(text: str) -> str:
    """Straighten curly quotes and collapse whitespace; nothing else (case and punctuation stay)."""
    return " ".join(text.translate(CURLY).split())


def sources_with_copies() -> dict[str, dict]:
    rows = pq.read_table(DATASETS_DIR / "sources.parquet").to_pylist()
    return {r["source_id"]: r for r in rows if r["local_copy"] is not None}


def readme_dates(readme: Path) -> dict[str, dt.date]:
    """File -> published date from the README's table (the date sits in "Wednesday 2021-09-15")."""
    rows = [
        line for line in readme.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    header = [cell.strip().lower() for cell in rows[0].strip("|").split("|")]
    file_col = header.index("file")
    date_col = next(i for i, name in enumerate(header) if name.startswith("published"))
    dates = {}
    for line in rows[2:]:  # after the header and its |---| rule
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        day = re.fullmatch(r"[A-Z][a-z]+day (\d{4}-\d{2}-\d{2})", cells[date_col])
        assert day, f"README published cell not 'Weekday YYYY-MM-DD': {cells[date_col]!r}"
        dates[cells[file_col].strip("`")] = dt.date.fromisoformat(day.group(1))
    return dates


def test_normalise_straightens_quotes_and_whitespace_only():
    assert normalise("It’s  a\n “test”.") == 'It\'s a "test".'
    assert normalise("Case, Punctuation!") == "Case, Punctuation!"


def test_quotes_are_verbatim_in_the_seed_articles():
    seeds = require_shared("seeds")
    sources = sources_with_copies()
    statements = pq.read_table(DATASETS_DIR / "statements.parquet").to_pylist()
    checked, failures = 0, []
    for row in statements:
        source = sources.get(row["source_id"])
        if source is None or row["quote"] is None:
            continue
        article = normalise((seeds / source["local_copy"]).read_text(encoding="utf-8"))
        checked += 1
        if normalise(row["quote"]) not in article:
            failures.append(
                f"{row['statement_id']}: not in {source['local_copy']}: {row['quote']!r}"
            )
    assert checked > 0, "no quoted statement cites a seed article"
    assert not failures, f"{len(failures)} quote(s) not verbatim:\n" + "\n".join(failures)


def test_every_seed_article_is_cited_by_exactly_one_source():
    seeds = require_shared("seeds")
    cited = Counter(s["local_copy"] for s in sources_with_copies().values())
    files = sorted(p.name for p in seeds.glob("*.txt"))
    assert files, f"no seed articles in {seeds}"
    wrong = {name: cited[name] for name in files if cited[name] != 1}
    assert not wrong, f"seed files cited by other than one source: {wrong}"
    missing = sorted(set(cited) - set(files))
    assert not missing, f"local_copy names a file that is not in {seeds}: {missing}"


def test_seed_sources_are_dated_as_the_readme_says():
    seeds = require_shared("seeds")
    published = readme_dates(seeds / "README.md")
    assert sorted(published) == sorted(p.name for p in seeds.glob("*.txt"))
    mismatches = [
        f"{s['source_id']}: {s['published_date']} but README says {published[s['local_copy']]}"
        for s in sources_with_copies().values()
        if s["published_date"] != published.get(s["local_copy"])
    ]
    assert not mismatches, "\n".join(mismatches)


def test_missing_shared_folder_skips_saying_what_is_absent(capsys):
    with pytest.raises(pytest.skip.Exception, match="absent: .*/shared/no-such-folder"):
        require_shared("no-such-folder")
    assert "no-such-folder" in capsys.readouterr().out
