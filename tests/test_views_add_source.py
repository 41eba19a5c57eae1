"""The Add a source page: an article in, candidates with their evidence, a review file out."""

import datetime as dt

from app_runner import run_page, texts

from dashboard.paths import REPO_DIR

FIXTURE = REPO_DIR / "tests" / "fixtures" / "ingest" / "launch_figures.txt"


def proposed(published=dt.date(2024, 3, 14)):
    at = run_page("add_source")
    at.text_area(key="ingest_text").input(FIXTURE.read_text(encoding="utf-8"))
    at.date_input[0].set_value(published)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_asks_for_the_article_and_its_date_first():
    at = run_page("add_source")
    assert "Give the article and its publication date" in " ".join(texts(at.info))
    assert not at.get("download_button")


def test_pasted_article_gives_candidates_evidence_and_a_review_file():
    at = proposed()
    assert "candidate record(s) found" in " ".join(texts(at.success))
    assert "Launches" in texts(at.subheader)
    evidence = next(d.value for d in at.dataframe if "in the text" in d.value.columns)
    assert len(evidence) > 0
    for words, context in zip(evidence["words"], evidence["in the text"], strict=True):
        assert f"⟦{' '.join(words.split())}⟧" in context
    button = at.get("download_button")[0]
    assert button.proto.label == "Download the review file (YAML)"


def test_a_file_that_is_not_an_article_is_refused_plainly():
    at = run_page("add_source")
    at.text_area(key="ingest_text").input("   ")
    at.date_input[0].set_value(dt.date(2024, 3, 14))
    at.run()
    assert "Give the article" in " ".join(texts(at.info))
    assert not at.exception


def test_guessing_speakers_is_asked_for_and_adds_the_quote_the_rules_miss():
    guessed = REPO_DIR / "tests" / "fixtures" / "ingest" / "guessed_speaker.txt"
    at = run_page("add_source")
    at.text_area(key="ingest_text").input(guessed.read_text(encoding="utf-8"))
    at.date_input[0].set_value(dt.date(2026, 3, 5))
    at.run()

    def quoted() -> list[str]:
        return [q for d in at.dataframe if "quote" in d.value.columns for q in d.value["quote"]]

    assert "We remain ready" not in quoted()
    box = next(c for c in at.checkbox if c.label.startswith("Also guess the speaker"))
    assert box.value is False
    box.check().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "We remain ready" in quoted()
    evidence = next(d.value for d in at.dataframe if "note" in d.value.columns)
    guessed = evidence[(evidence["field"] == "speaker") & (evidence["words"] == "Jane Roe")]
    assert guessed["note"].str.startswith("guessed by the learned model (score 0.").any()
