"""The page's editing step: candidates as a table, the curator's edits written back."""

import datetime as dt

from dashboard import plain_text
from dashboard.ingest import editing, pipeline, review
from dashboard.paths import CURATED_DIR, REPO_DIR

FIXTURE = REPO_DIR / "tests" / "fixtures" / "ingest" / "launch_figures.txt"


def document():
    text = FIXTURE.read_text(encoding="utf-8")
    article = pipeline.Article(text, dt.date(2024, 3, 14), "Test wire")
    return text, pipeline.run(article, CURATED_DIR)


def test_decisions_and_corrections_reach_the_review_file_and_nothing_else_changes():
    text, doc = document()
    frame = editing.candidate_frame(doc, "launches")
    assert list(frame["review"]) == ["pending"] * len(frame)
    frame.loc[0, "review"] = "accepted"
    frame.loc[0, "count"] = "2"
    frame.loc[0, "range_km"] = ""
    edited = editing.apply_edits(doc, "launches", frame)
    written = edited["launches"][0]
    assert (written["review"], written["count"], written["range_km"]) == ("accepted", 2, None)
    assert doc["launches"][0]["review"] == "pending"  # the original document is untouched
    assert written["evidence"] == doc["launches"][0]["evidence"]
    assert review.dump(edited).count("review: accepted") == 1


def test_quotes_cannot_be_edited_on_the_page():
    _, doc = document()
    if not doc["statements"]:
        doc["statements"] = [{"statement_id": "s1", "quote": "the words", "review": "pending"}]
    frame = editing.candidate_frame(doc, "statements")
    frame.loc[0, "quote"] = "other words"
    edited = editing.apply_edits(doc, "statements", frame)
    assert edited["statements"][0]["quote"] == doc["statements"][0]["quote"]


def test_evidence_is_marked_in_its_context_and_highlighted_in_the_text():
    text, doc = document()
    rows = editing.evidence_rows(doc, text)
    assert len(rows) >= len(editing.spans(doc)) > 0
    first = rows.iloc[0]
    assert text[first["start"] : first["end"]] == first["words"]
    marked = plain_text.highlight_spans('Kim said "no".\n\nwww.example.org [x](y)', [(9, 13)])
    assert marked.startswith('Kim said :orange-background[\\"no\\"]')
    assert "\n\n" in marked and "www\\.example\\.org \\[x\\]\\(y\\)" in marked
