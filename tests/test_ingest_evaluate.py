"""`ingest-eval`: the scoring rules, the report per split, and the seed gold set when present."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from conftest import require_shared
from ingest_helpers import FIXTURES

from dashboard.ingest import evaluate
from dashboard.paths import CURATED_DIR

D = dt.date(2023, 1, 19)


def test_launch_fields_count_only_matched_equal_values():
    predicted = [
        {"date_local": D, "count": 2, "missile_class": "SRBM"},
        {"date_local": dt.date(2023, 1, 1), "count": 1},
    ]
    gold = [{"date_local": D, "count": 3, "missile_class": "SRBM", "range_km": 400}]
    scores = evaluate.score_launches(predicted, gold)
    assert (scores["launch date"].precision, scores["launch date"].recall) == (0.5, 1.0)
    assert (scores["launch count"].hits, scores["launch count"].predicted) == (0, 2)
    assert scores["launch class"].precision == 1.0
    assert scores["launch range"].recall == 0.0


def test_speakers_match_by_name_part_or_same_body():
    assert evaluate.same_speaker("Suzuki", "Kazuto Suzuki")
    assert evaluate.same_speaker("a U.S. senior official", "U.S. senior official")
    assert evaluate.same_speaker("The Joint Chiefs of Staff", "South Korea’s JCS")
    assert not evaluate.same_speaker("Kim Yo Jong", "Kim Jong Un")


def test_quotes_match_whatever_the_trailing_comma():
    scores = evaluate.score_statements(
        [{"quote": "We detected two projectiles,", "speaker": "JCS official"}],
        [{"quote": "We detected  two projectiles", "speaker": "Park Won-gon"}],
    )
    assert scores["quote text"].recall == 1.0
    assert scores["quote speaker"].recall == 0.0


def write_gold(folder: Path, split: str, text_ref: str | None) -> None:
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    (folder / "texts" / "figures.txt").write_text(
        (FIXTURES / "launch_figures.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    gold = {
        "article_id": f"fixture-{split}",
        "text": text_ref,
        "published": "2023-01-19",
        "split": split,
        "launches": [
            {
                "date_local": "2023-01-19",
                "time_local": "07:10",
                "count": 1,
                "missile_class": "ICBM",
                "site": "Sunan",
                # The JCS's 620 miles against Japan's 1,100 km: two sources, no one range.
                "range_km": None,
                "apogee_km": 6000,
            }
        ],
        "statements": [],
        "diplomatic_events": [],
    }
    (folder / f"fixture-{split}.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")


def test_report_per_split_and_skips_with_reason(tmp_path: Path, capsys):
    write_gold(tmp_path, "heldout", "texts/figures.txt")
    write_gold(tmp_path, "dev", "seed:not-there.txt")
    assert evaluate.main(tmp_path, CURATED_DIR) == 0
    out = capsys.readouterr().out
    assert re.search(r"skipped fixture-dev: text absent: .*not-there\.txt", out)
    heldout = out.split("split heldout: 1 article(s)")[1]
    for field in evaluate.LAUNCH_FIELDS:
        if field == "launch range":  # left empty by both: the two figures are claims
            assert re.search(rf"{field}\s+-\s+-\s+\(0/0/0\)", heldout), field
        else:
            assert re.search(rf"{field}\s+1\.00\s+1\.00", heldout), field
    assert "split dev: 0 article(s)" in out


def test_dev_gold_set_keeps_its_figures(capsys):
    # A regression guard on the dev split (rules were written against it); the seeds' texts
    # live in ../shared, so without them the figures would cover another set of articles.
    require_shared("seeds")
    assert evaluate.main(evaluate.GOLD_DIR, CURATED_DIR) == 0
    dev = capsys.readouterr().out.split("split heldout")[0]
    figures = {
        m["field"]: (float(m["p"]), float(m["r"]))
        for m in re.finditer(r"  (?P<field>[a-z ]+?)\s+(?P<p>[\d.]+)\s+(?P<r>[\d.]+)", dev)
    }
    # Set to each round's figures, a little below them. The third round moved four held-out
    # articles to dev; one of them misspells the sentence that names its launch site ("Tne
    # launch occurred in the vicinity of Sunan Air Base"). Rounds 25 and 26 added 28 stored dev
    # articles drawn with the held-out ones, harder than the earlier 26: speaker recall on the
    # stored dev set went from 0.95 to 0.93 with them (0.78 at their first look). On 2026-11-23
    # the 53 stored held-out articles of rounds 23c and 24 moved to dev as well (107 in all):
    # their quotes are harder still, and recall (not precision) sets the speaker and text floors.
    assert min(figures["launch date"]) >= 0.85
    assert min(figures["launch class"]) >= 0.8
    assert min(figures["launch site"]) >= 0.85
    assert min(figures["launch range"]) >= 0.8
    assert min(figures["quote text"]) >= 0.82
    assert min(figures["quote speaker"]) >= 0.78


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Donald Trump", "President Trump", True),  # a title is not part of the name
        ("Kamala Harris", "Vice President Harris", True),
        ("two senior administration officials", "senior administration official", True),
        ("Kim Jong Un", "Kim Yo Jong", False),  # a shared family name is not the same person
        ("Foreign Ministry", "Defense Ministry", False),
        ("Japan", "Japanese Prime Minister", False),
        ("Antonio Guterres", "António Guterres", True),  # an accent left off
    ],
)
def test_same_speaker_sets_titles_and_plurals_aside(predicted, gold, same):
    assert evaluate.same_speaker(predicted, gold) is same


def test_errors_are_listed_for_dev_only_and_texts_may_live_elsewhere(tmp_path: Path, capsys):
    gold_dir, texts = tmp_path / "gold", tmp_path / "copies"
    write_gold(gold_dir, "dev", None)  # the text is not stored with the annotation
    write_gold(gold_dir, "heldout", None)
    for split in ("dev", "heldout"):
        data = yaml.safe_load((gold_dir / f"fixture-{split}.yaml").read_text(encoding="utf-8"))
        data["launches"][0]["count"] = 7  # a gold value the article does not give: one error
        (gold_dir / f"fixture-{split}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    texts.mkdir()
    for split in ("dev", "heldout"):
        (texts / f"fixture-{split}.txt").write_text(
            (FIXTURES / "launch_figures.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
    assert evaluate.main(gold_dir, CURATED_DIR, errors=True) == 0
    out = capsys.readouterr().out
    assert "skipped fixture-dev: text not stored" in out  # without the copies: nothing to score
    assert evaluate.main(gold_dir, CURATED_DIR, errors=True, texts=texts) == 0
    out = capsys.readouterr().out
    assert "fixture-dev: launch 2023-01-19 count: found 1, gold 7" in out
    assert "fixture-heldout:" not in out  # held-out errors are never shown
    assert "split heldout: 1 article(s)" in out
    assert evaluate.main(gold_dir, CURATED_DIR, texts=texts, splits=("dev",)) == 0
    assert "split heldout" not in capsys.readouterr().out
    # Without the copies, "--split dev" names only the dev article it cannot score.
    assert evaluate.main(gold_dir, CURATED_DIR, splits=("dev",)) == 0
    out = capsys.readouterr().out
    assert "skipped fixture-dev: text not stored" in out
    assert "fixture-heldout" not in out


def test_a_state_by_its_capital_or_its_name_is_the_same_speaker():
    assert evaluate.same_speaker("Pyongyang", "North Korea")
    assert evaluate.same_speaker("the North", "DPRK")
    assert evaluate.same_speaker("Seoul", "South Korea")
    # Different states, and a body of a state, stay apart.
    assert not evaluate.same_speaker("Pyongyang", "Seoul")
    assert not evaluate.same_speaker("Pyongyang", "North Korean state media")


def test_a_second_annotation_is_scored_against_the_dev_gold(tmp_path: Path, capsys):
    gold_dir, second = tmp_path / "gold", tmp_path / "second"
    write_gold(gold_dir, "dev", None)  # the text need not be at hand: two annotations compared
    write_gold(gold_dir, "heldout", None)
    data = yaml.safe_load((gold_dir / "fixture-dev.yaml").read_text(encoding="utf-8"))
    data["statements"] = [{"quote": "We are ready", "speaker": "Jane Roe"}]
    data["diplomatic_events"] = [{"event_type": "talks", "date_start": "2023-01-18"}]
    (gold_dir / "fixture-dev.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    other = dict(data)
    other["launches"] = [data["launches"][0] | {"missile_class": "unknown", "count": 2}]
    other["statements"] = [{"quote": "We are ready", "speaker": "John Doe"}]
    other["diplomatic_events"] = [{"event_type": "talks", "date_start": None}]
    second.mkdir()
    (second / "fixture-dev.yaml").write_text(yaml.safe_dump(other), encoding="utf-8")
    assert evaluate.agreement(gold_dir, second, CURATED_DIR, errors=True) == 0
    out = capsys.readouterr().out
    assert "second annotation against the gold: 1 dev article(s)" in out
    assert re.search(r"launch date\s+1\.00\s+1\.00\s+\(1/1/1\)", out)
    assert re.search(r"launch count\s+0\.00\s+0\.00\s+\(0/1/1\)", out)
    assert re.search(r"launch class\s+-\s+0\.00\s+\(0/0/1\)", out)  # "unknown" names no class
    assert re.search(r"launch apogee\s+1\.00\s+1\.00\s+\(1/1/1\)", out)
    assert re.search(r"quote text\s+1\.00\s+1\.00\s+\(1/1/1\)", out)
    assert re.search(r"quote speaker\s+0\.00\s+0\.00\s+\(0/1/1\)", out)
    assert re.search(r"event type\s+1\.00\s+1\.00\s+\(1/1/1\)", out)
    assert re.search(r"event date\s+-\s+0\.00\s+\(0/0/1\)", out)  # undated: not a day
    assert "fixture-dev: launch 2023-01-19 count: found 2, gold 1" in out
    assert "fixture-dev: speaker: found 'John Doe', gold 'Jane Roe'" in out
    # A second annotation of a held-out article would read it: refused, by name.
    (second / "fixture-heldout.yaml").write_text(
        yaml.safe_dump(other | {"article_id": "fixture-heldout"}), encoding="utf-8"
    )
    assert evaluate.agreement(gold_dir, second, CURATED_DIR) == 1
    assert "fixture-heldout.yaml: no dev gold article of that id" in capsys.readouterr().out


def test_the_gold_readme_states_what_the_second_annotations_score(capsys):
    second = evaluate.GOLD_DIR / "agreement"
    assert evaluate.agreement(evaluate.GOLD_DIR, second, CURATED_DIR) == 0
    printed = capsys.readouterr().out.strip()
    readme = (evaluate.GOLD_DIR / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Second annotations")[1].split("```\n")[1]
    assert printed == block.strip()
    assert "80 dev article(s)" in printed
