"""The learned speaker fallback (`ranking`, `ingest-train`): off unless asked for, its guesses
marked with their score, its weights loadable only for the features they were trained on, and
its training reproducible from the dev gold articles at hand."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import yaml
from ingest_helpers import FIXTURES, fixture_text

from dashboard.__main__ import main
from dashboard.ingest import ranking, train
from dashboard.ingest.evaluate import same_speaker
from dashboard.ingest.statements import find_quotes, find_statements

GUESSED = "We remain ready"  # the rules miss it: the attribution sits between its two halves


def test_the_rules_alone_leave_the_quote_without_a_speaker():
    quotes = [s.quote.text for s in find_statements(fixture_text("guessed_speaker.txt"))]
    assert GUESSED not in quotes
    assert any(q.startswith("and we will not be intimidated") for q in quotes)


def test_asked_for_the_model_names_the_person_and_marks_its_guess(tmp_path: Path):
    out = tmp_path / "review.yaml"
    path = str(FIXTURES / "guessed_speaker.txt")
    code = main(
        ["ingest", path, "--published", "2026-03-05", "--out", str(out), "--guess-speakers"]
    )
    assert code == 0
    statements = yaml.safe_load(out.read_text(encoding="utf-8"))["statements"]
    guessed = next(s for s in statements if s["quote"] == GUESSED)
    assert same_speaker(guessed["speaker"], "Jane Roe")
    evidence = guessed["evidence"]["speaker"]
    assert evidence["text"] == "Jane Roe"
    assert ranking.load().threshold <= evidence["model_score"] <= 1
    # What the rules attribute is not marked as a guess.
    ruled = next(s for s in statements if s["quote"].startswith("and we will not"))
    assert "model_score" not in ruled["evidence"]["speaker"]


def test_candidates_are_the_people_and_bodies_named_outside_the_quotes():
    text = fixture_text("guessed_speaker.txt")
    quotes = find_quotes(text)
    article = ranking.Article(text, quotes)
    quote = next(q for q in quotes if q.text == GUESSED)
    names = {c.name for c in article.candidates(quote, None)}
    assert "Jane Roe" in names
    assert not any("ready" in n or "intimidated" in n for n in names)
    for candidate in article.candidates(quote, None):
        assert len(candidate.features) == len(ranking.FEATURES)


def test_weights_for_other_features_are_refused_with_the_file_named(tmp_path: Path):
    shipped = json.loads(ranking.MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["features"] == list(ranking.FEATURES)
    assert len(shipped["weights"]) == len(ranking.FEATURES)
    stale = tmp_path / "model.json"
    stale.write_text(json.dumps({**shipped, "features": ["before", "after"]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json: trained on other features"):
        ranking.load(stale)
    assert ranking.load(tmp_path / "absent.json") is None


def test_threshold_is_the_lowest_reaching_the_target_out_of_fold():
    counts = {t: {"alone": [0, 0, 10], "fallback": [0, 0, 1]} for t in train.THRESHOLDS}
    counts[0.5]["alone"] = [8, 10, 10]  # 0.80: short of the target
    counts[0.6]["alone"] = [9, 10, 10]  # 0.90: reaches it
    counts[0.7]["alone"] = [5, 5, 10]
    assert train.choose(counts) == 0.6
    nowhere = {t: {"alone": [1, 2, 10], "fallback": [0, 0, 1]} for t in train.THRESHOLDS}
    assert train.choose(nowhere) == train.THRESHOLDS[-1]


def test_training_on_the_stored_dev_articles_writes_a_usable_model(tmp_path: Path, capsys):
    pytest.importorskip("sklearn", reason="ingest-train needs the train extra")
    out = tmp_path / "model.json"
    assert main(["ingest-train", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "out of fold (5 folds by article)" in printed
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["features"] == list(ranking.FEATURES)
    assert model["threshold"] in train.THRESHOLDS
    assert model["trained"]["dev_articles"] >= 20  # the stored dev texts and the seeds
    loaded = ranking.load(out)
    text = fixture_text("guessed_speaker.txt")
    quotes = find_quotes(text)
    quote = next(q for q in quotes if q.text == GUESSED)
    best = loaded.best(ranking.Article(text, quotes).candidates(quote, None))
    assert best is None or best[0].name == "Jane Roe"


def test_training_reads_dev_articles_only(tmp_path: Path, capsys):
    pytest.importorskip("sklearn", reason="ingest-train needs the train extra")
    gold = tmp_path / "gold"
    (gold / "texts").mkdir(parents=True)
    (gold / "texts" / "a.txt").write_text(fixture_text("guessed_speaker.txt"), encoding="utf-8")
    for n, split in enumerate(("dev", "heldout", "dev", "dev", "dev", "dev")):
        row = {"quote": GUESSED, "speaker": "Jane Roe"}
        annotation = {"article_id": f"art-{n}", "split": split, "text": "texts/a.txt"}
        annotation |= {"published": "2026-03-05", "statements": [row]}
        (gold / f"art-{n}.yaml").write_text(yaml.safe_dump(annotation), encoding="utf-8")
    out = tmp_path / "model.json"
    assert main(["ingest-train", "--gold", str(gold), "--out", str(out)]) == 0
    trained = json.loads(out.read_text(encoding="utf-8"))["trained"]
    assert trained["dev_articles"] == 5
    assert "5 dev article(s)" in capsys.readouterr().out


class _Scores:
    """A stand-in for a fitted classifier: a fixed score per candidate name."""

    def __init__(self, by_name: dict[str, float], candidates: list[ranking.Candidate]) -> None:
        self.scores = [by_name.get(c.name, 0.1) for c in candidates]

    def predict_proba(self, rows):
        assert len(rows) == len(self.scores)
        return np.array([[1 - s, s] for s in self.scores])


def test_the_model_seeing_the_rules_overrides_them_only_above_its_threshold():
    text = fixture_text("guessed_speaker.txt")
    quotes = train.quotes_of("a", text, [{"quote": GUESSED, "speaker": "Jane Roe"}])
    quote = next(q for q in quotes if q.gold_speaker == "Jane Roe")
    assert quote.rule_speaker is None and any(c.name == "Jane Roe" for c in quote.candidates)
    sure = _Scores({"Jane Roe": 0.93}, quote.candidates)
    best = train._best_seeing_rules(sure, [quote])
    assert train._over_rules(best, 0.9) == [(quote, "Jane Roe")]
    assert train._over_rules(best, 0.95) == [(quote, None)]  # the rules' choice
    # Two features more than the plain model: the rules chose this candidate; they chose no one.
    rows = train._seeing_rules(quote)
    assert all(len(row) == len(ranking.FEATURES) + 2 and row[-2:] == (0.0, 1.0) for row in rows)
    assert train._count([(quote, "Jane Roe"), (quote, None)]) == [1, 1, 2]


def test_the_launch_check_learns_from_dev_launches_only(tmp_path: Path, capsys):
    pytest.importorskip("sklearn", reason="ingest-train needs the train extra")
    gold = tmp_path / "gold"
    (gold / "texts").mkdir(parents=True)
    (gold / "texts" / "a.txt").write_text(fixture_text("guessed_speaker.txt"), encoding="utf-8")
    (gold / "texts" / "b.txt").write_text(fixture_text("launch_passing.txt"), encoding="utf-8")
    # The text proposes launches on 4, 5, 11 and 12 January; the dev gold holds two of them.
    held = [{"date_local": day} for day in ("2022-01-05", "2022-01-12")]
    everything = held + [{"date_local": day} for day in ("2022-01-04", "2022-01-11")]
    for n, split in enumerate(("dev", "heldout", "dev", "dev", "dev", "dev", "dev")):
        annotation = {"article_id": f"art-{n}", "split": split, "text": "texts/b.txt"}
        annotation |= {"published": "2022-01-14", "launches": everything if n == 1 else held}
        (gold / f"art-{n}.yaml").write_text(yaml.safe_dump(annotation), encoding="utf-8")
    for n in range(5):  # the speaker part of the training needs five articles with quotes
        speech = {"article_id": f"speech-{n}", "split": "dev", "text": "texts/a.txt"}
        row = {"quote": GUESSED, "speaker": "Jane Roe"}
        speech |= {"published": "2026-03-05", "statements": [row]}
        (gold / f"speech-{n}.yaml").write_text(yaml.safe_dump(speech), encoding="utf-8")
    assert main(["ingest-train", "--gold", str(gold), "--out", str(tmp_path / "m.json")]) == 0
    printed = capsys.readouterr().out
    assert "launches: 24 proposed, 12 in the gold, 12 gold launches" in printed
    assert "    0.00         12/24   of 12" in printed  # nothing dropped at 0
