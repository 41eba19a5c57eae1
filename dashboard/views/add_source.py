"""Add a source: an article in, candidate records with their evidence out, reviewed here and
downloaded as a review file for `python -m dashboard merge`. This page never writes data."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import streamlit as st

from dashboard import plain_text, ui
from dashboard.context import Context, current_context
from dashboard.ingest import editing, pipeline, review
from dashboard.ingest.text import Unreadable, normalise, read_article
from dashboard.paths import CURATED_DIR

TITLES = {
    "launches": "Launches",
    "launch_sites": "New launch sites",
    "diplomatic_events": "Diplomatic events",
    "statements": "Statements",
    "claims": "Differing figures (claims)",
}


def params(data) -> list:
    return []  # the article itself cannot travel in a URL


@st.cache_data(show_spinner="Reading the article…", max_entries=20)
def _propose(
    text: str, published: dt.date, publisher: str, title: str, url: str, guess: bool
) -> dict:
    article = pipeline.Article(text, published, publisher or None, title or None, url or None)
    return pipeline.run(article, CURATED_DIR, learned=guess)


def _article_text(pasted: str, upload) -> str:
    """The article as the command line would read it (same text, same offsets and hash)."""
    if upload is None:
        return normalise(pasted) if pasted.strip() else ""
    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(upload.getvalue())
        return read_article(path)


def render(ctx: Context) -> None:
    del ctx
    st.title("Add a source")
    st.caption(
        "Paste a news article or upload it as .txt or .html. The ingest assistant proposes the "
        "launches, statements and diplomatic events it reports, each field with the words it "
        "came from. Accept or reject each candidate, correct what is wrong, and download the "
        "review file; a curator adds it with `python -m dashboard merge REVIEW.yaml`. "
        "Nothing on this page changes the dataset."
    )
    pasted = st.text_area("Article text", height=200, key="ingest_text")
    upload = st.file_uploader("…or an article file", type=["txt", "html", "htm"])
    left, right = st.columns(2)
    published = left.date_input("Published (the publisher's local date)", value=None)
    publisher = right.text_input("Publisher")
    title = left.text_input("Title")
    url = right.text_input("Address (URL)")
    guess = st.checkbox(
        "Also guess the speaker of quotes the rules cannot attribute",
        help="A learned model proposes the likeliest person or body named nearby. It finds more "
        "quotes but is wrong more often; each guess shows its score in the speaker's evidence.",
    )
    try:
        text = _article_text(pasted, upload)
    except Unreadable as error:
        st.error(plain_text.escape(str(error)), icon=":material/error:")
        return
    if not text or published is None:
        st.info("Give the article and its publication date to see candidates.")
        return
    document = _propose(text, published, publisher, title, url, guess)
    total = sum(len(document[t]) for t in review.TABLE_ORDER)
    st.success(f"{total} candidate record(s) found.", icon=":material/fact_check:")
    for table in review.TABLE_ORDER:
        if not document[table]:
            continue
        st.subheader(TITLES[table])
        edited = st.data_editor(
            editing.candidate_frame(document, table),
            key=f"edit_{table}",
            hide_index=True,
            disabled=[TABLES_KEY[table], "quote"],
            column_config={
                editing.REVIEW_COLUMN: st.column_config.SelectboxColumn(
                    "Review", options=[review.PENDING, review.ACCEPTED, review.REJECTED]
                )
            },
        )
        document = editing.apply_edits(document, table, edited)
    st.subheader("Evidence")
    st.caption("Each field's words in the article; ⟦ ⟧ marks them in their context.")
    ui.show_table(editing.evidence_rows(document, text))
    with st.expander("The article with every piece of evidence highlighted"):
        st.markdown(plain_text.highlight_spans(text, editing.spans(document)))
    st.download_button(
        "Download the review file (YAML)",
        data=review.dump(document),
        file_name=f"review-{document['source']['source_id']}.yaml",
        mime="application/x-yaml",
        icon=":material/download:",
        key="dl_review",
    )


TABLES_KEY = {t: editing.TABLES[t].key for t in review.TABLE_ORDER}


if __name__ == "__main__":
    render(current_context())
