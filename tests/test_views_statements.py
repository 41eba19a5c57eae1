import re

import pandas as pd
import pytest
from app_runner import markdown_text, run_page, texts

from dashboard.paths import DATASETS_DIR


@pytest.fixture(scope="module")
def statements():
    return pd.read_parquet(DATASETS_DIR / "statements.parquet")


def _count_line(at) -> str:
    return next(m for m in texts(at.markdown) if "statements in view match" in m)


def _expected(statements, term):
    text = (
        statements[["quote", "paraphrase", "speaker", "speaker_role"]]
        .fillna("")
        .agg(" ".join, axis=1)
        .str.casefold()
    )
    # Search matches words that start with the term.
    return statements[text.str.contains(r"\b" + re.escape(term.casefold()), regex=True)]


def test_search_counts_highlights_and_cards(statements):
    at = run_page("statements", {"q": "Deterrence"})
    expected = _expected(statements, "deterrence")
    assert _count_line(at) == f"**{len(expected)}** of {len(statements)} statements in view match."
    sources = [c for c in texts(at.caption) if c.startswith("Source:")]
    assert len(sources) == min(len(expected), 10)
    stances = expected["stance"].value_counts()
    top = stances.sort_index().sort_values(ascending=False, kind="stable")
    facet_line = "In results: " + " · ".join(f"{k} {v}" for k, v in top.items())
    assert facet_line.replace("_", "\\_") in texts(at.caption)
    quotes = [m for m in texts(at.markdown) if m.startswith("“")]
    assert quotes and all(" :orange-background[deterrence]" in m for m in quotes)


def test_facets_narrow_the_results(statements):
    at = run_page("statements", {"stance": "threaten", "speaker_type": "government"})
    expected = statements[
        (statements["stance"] == "threaten") & (statements["speaker_type"] == "government")
    ]
    assert _count_line(at).startswith(f"**{len(expected)}** of")
    assert at.multiselect(key="stance").value == ["threaten"]


def test_paging_shows_ten_cards_per_page(statements):
    first = run_page("statements")
    last_page = -(-len(statements) // 10)
    last = run_page("statements", {"page": str(last_page)})
    assert f"Page {last_page} of {last_page}" in " ".join(texts(last.caption))
    first_cards = sum(1 for c in texts(first.caption) if c.startswith("Source:"))
    last_cards = sum(1 for c in texts(last.caption) if c.startswith("Source:"))
    assert first_cards == 10
    assert last_cards == len(statements) - 10 * (last_page - 1)


def test_a_card_cites_its_source_and_links_to_the_timeline():
    at = run_page("statements", {"statement": "st-2022-01-14-richey"})
    assert _count_line(at).startswith("**1** of")
    assert any("Showing the one statement" in i for i in texts(at.info))
    sources = [c for c in texts(at.caption) if c.startswith("Source:")]
    assert sources == [
        "Source: The Diplomat, “After Denouncing New US Sanctions, North Korea Fires 2 "
        "Short\\-Range Ballistic Missiles”, 2022\\-01\\-14"
    ]
    links = [(p.proto.label, p.proto.page) for p in at.get("page_link")]
    assert any("Hanoi" in label for label, _ in links)


def test_search_text_is_never_markup():
    at = run_page("statements", {"q": "<img src=x onerror=alert(1)>"})
    assert "**0** of" in _count_line(at)
    assert "No statements match" in " ".join(texts(at.info))
    assert "<img" not in markdown_text(at)


def test_unknown_or_hidden_statement_link_gives_one_notice():
    at = run_page("statements", {"statement": "st-nope"})
    notices = texts(at.warning)
    assert len(notices) == 1 and "not one of the values in the data" in notices[0]
    at = run_page("statements", {"statement": "st-2022-01-14-richey", "from": "2022-06-01"})
    assert texts(at.warning) == [
        "Statement st\\-2022\\-01\\-14\\-richey from the link is hidden by the filters."
    ]


def test_speaker_state_facet(statements):
    at = run_page("statements", {"speaker_state": ["JPN", "PRK"]})
    expected = statements[statements["state"].isin(["JPN", "PRK"])]
    assert _count_line(at).startswith(f"**{len(expected)}** of")


def test_page_past_the_end_falls_back_to_the_first_with_a_notice(statements):
    at = run_page("statements", {"page": "999"})
    assert "Page 999 does not exist" in " ".join(texts(at.warning))
    last = -(-len(statements) // 10)
    assert f"Page 1 of {last}, 10 per page, newest first." in texts(at.caption)
