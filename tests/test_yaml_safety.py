"""YAML from other people (curated files, review files) cannot exhaust memory, recursion or
the reader's patience: each hostile file is refused with one short line naming the file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dashboard.curation import safe_yaml
from dashboard.curation.build import BuildRefused, build_dataset
from dashboard.curation.load import load_records
from dashboard.ingest import review

LAUGHS = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)


def _refusal(curated: Path, name: str, text: str) -> list[str]:
    """Write one file into the launches folder and return the build's problem lines."""
    (curated / "launches" / name).write_text(text, encoding="utf-8")
    with pytest.raises(BuildRefused) as refused:
        build_dataset(curated)
    return [str(p) for p in refused.value.problems]


def test_billion_laughs_is_refused_quickly_and_briefly(curated_copy):
    started = time.perf_counter()
    lines = _refusal(curated_copy, "laughs.yaml", LAUGHS)
    assert time.perf_counter() - started < 30
    assert any(
        "launches/laughs.yaml: -: -: more than 1,000,000 values" in line for line in lines
    ), lines
    assert max(len(line) for line in lines) < 400


def test_a_small_bomb_under_the_node_limit_is_refused_for_its_aliases():
    bomb = "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 8)}]" for i in range(1, 5)]
    )
    assert len(bomb) < 1024
    with pytest.raises(safe_yaml.UnsafeYAML) as refused:
        safe_yaml.loads(bomb)
    # Expanded: the root, 5 keys and lists a0..a4 of 9, 73, 585, 4,681 and 37,449 values;
    # written: 19 distinct values (root, keys, a0 and its 8 items, 4 lists of aliases).
    assert str(refused.value) == (
        f"its aliases (*name) repeat {1 + 5 + 9 + 73 + 585 + 4681 + 37449 - 19:,} values; "
        "at most 10,000 are allowed"
    )


def test_a_bomb_used_as_a_field_value_gives_a_short_message(curated_copy):
    # Within the alias budget, but its repr would run to kilobytes.
    bomb = "\n".join(
        ["- launch_id: &a0 [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, yy, zz]"]
        + ["  title: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]"]
        + ["  summary: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]"]
        + ["  state: [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]"]
    )
    lines = _refusal(curated_copy, "bomb.yaml", bomb)
    mine = [line for line in lines if "bomb.yaml" in line]
    assert any(": state: expected text, got list [[[" in line for line in mine), mine
    assert max(len(line) for line in lines) < 400


def test_deep_nesting_is_refused_before_recursion(curated_copy):
    lines = _refusal(curated_copy, "deep.yaml", "[" * 20_000 + "]" * 20_000)
    assert any(
        line.endswith("launches/deep.yaml: -: -: nested more than 50 levels deep (line 1)")
        for line in lines
    ), lines


def test_an_alias_cycle_is_refused():
    with pytest.raises(safe_yaml.UnsafeYAML, match="contains it"):
        safe_yaml.loads("&a [*a]")


def test_a_huge_quote_is_refused_by_length(curated_copy):
    path = curated_copy / "statements" / "seed_articles.yaml"
    text = path.read_text(encoding="utf-8")
    first_quote = text.index("quote:")
    end = text.index("\n", first_quote)
    huge = "word " * 210_000
    path.write_text(text[:first_quote] + f"quote: {huge.strip()}" + text[end:], encoding="utf-8")
    with pytest.raises(BuildRefused) as refused:
        build_dataset(curated_copy)
    lines = [str(p) for p in refused.value.problems]
    assert any(
        ": quote: text of 1,049,999 characters; at most 4,000 are allowed" in line for line in lines
    ), lines
    assert max(len(line) for line in lines) < 400


def test_invalid_yaml_errors_are_one_short_line(tmp_path):
    folder = tmp_path / "launches"
    folder.mkdir(parents=True)
    (folder / "bad.yaml").write_text("- a: [" + "x" * 100_000, encoding="utf-8")
    _, problems = load_records(tmp_path)
    assert len(problems) == 1
    assert "not valid YAML" in problems[0].message and len(str(problems[0])) < 400


def test_review_files_use_the_same_reader(tmp_path):
    path = tmp_path / "review.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(review.ReviewError) as refused:
        review.load(path)
    assert "more than 1,000,000 values once its aliases are expanded" in str(refused.value)
    path.write_text("source: {source_id: x, published_date: 2024-01-02}\n", encoding="utf-8")
    assert str(review.load(path)["source"]["published_date"]) == "2024-01-02"


def test_ordinary_anchors_still_work():
    assert safe_yaml.loads("a: &x [1, 2]\nb: *x") == {"a": [1, 2], "b": [1, 2]}
    assert safe_yaml.loads("d: 2024-01-02") == {"d": "2024-01-02"}
    assert safe_yaml.loads("") is None
