import re

import pandas as pd
import pytest
from app_runner import markdown_text, run_page, texts, url_notices

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
    sources = [c for c in texts(at.text) if c.startswith("Source:")]
    assert len(sources) == min(len(expected), 10)
    stances = expected["stance"].value_counts()
    top = stances.sort_index().sort_values(ascending=False, kind="stable")
    facet_line = "In results: " + " · ".join(f"{k} {v}" for k, v in top.items())
    assert facet_line.replace("_", "\\_") in texts(at.caption)
    # Quotes are shown verbatim as plain text, so words from data never act as Markdown.
    quotes = [m for m in texts(at.text) if m.startswith("“")]
    shown = {q.strip("“”") for q in quotes}
    assert quotes and shown <= set(expected["quote"].dropna())


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
    first_cards = sum(1 for c in texts(first.text) if c.startswith("Source:"))
    last_cards = sum(1 for c in texts(last.text) if c.startswith("Source:"))
    assert first_cards == 10
    assert last_cards == len(statements) - 10 * (last_page - 1)


def test_a_card_cites_its_source_and_links_to_the_timeline():
    at = run_page("statements", {"statement": "st-2022-01-14-richey"})
    assert _count_line(at).startswith("**1** of")
    assert any("Showing the one statement" in i for i in texts(at.info))
    sources = [c for c in texts(at.text) if c.startswith("Source:")]
    assert sources == [
        "Source: The Diplomat, “After Denouncing New US Sanctions, North Korea Fires 2 "
        "Short-Range Ballistic Missiles”, 2022-01-14"
    ]
    links = [(p.proto.label, p.proto.page) for p in at.get("page_link")]
    assert any("Hanoi" in label for label, _ in links)


def test_search_text_is_never_markup():
    at = run_page("statements", {"q": "<img src=x onerror=alert(1)>"})
    assert "**0** of" in _count_line(at)
    notice = " ".join(texts(at.info))
    assert "found nothing" in notice
    assert "<img" not in markdown_text(at)
    # The search text stays in its box: the notice does not repeat it.
    assert "img" not in notice and "alert" not in notice


def test_unknown_or_hidden_statement_link_gives_one_notice():
    at = run_page("statements", {"statement": "st-nope"})
    assert len(at.warning) == 1
    assert url_notices(at).endswith("statement=st-nope: not one of the values in the data; ignored")
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


def _unescaped(text: str) -> str:
    """Markdown text as the reader sees it (the page backslash-escapes data text)."""
    return re.sub(r"\\(.)", r"\1", text)


def _infos(at) -> str:
    return " ".join(_unescaped(t) for t in texts(at.info))


def test_a_search_that_matches_nothing_anywhere_is_not_blamed_on_the_filters(statements):
    assert _expected(statements, "zzyzx").empty
    # Filters are set too, and still are not named as the reason.
    at = run_page("statements", {"q": "zzyzx", "stance": "threaten", "from": "2022-01-01"})
    shown = _infos(at)
    assert (
        "The search in the box above found nothing: no statement in the whole dataset matches it"
        in shown
    )
    assert "filters hide" not in shown and "Widen" not in shown


def test_a_search_hidden_by_the_sidebar_says_so_with_the_count(statements):
    matches = _expected(statements, "deterrence")
    before_all = (statements["date"].min() - pd.Timedelta(days=1)).isoformat()
    at = run_page("statements", {"q": "deterrence", "to": before_all})
    assert _infos(at) == (
        f"{len(matches)} statements in the whole dataset match the search, but the filters "
        f"hide them: the sidebar's date range or speaker filter hides {len(matches)}. "
        "To see them, widen the sidebar's filters."
    )


def test_sidebar_and_facets_each_get_their_share_of_hidden_matches(statements):
    matches = _expected(statements, "deterrence").sort_values("date")
    # The sidebar keeps the later matches; a stance none of them has hides the rest.
    cut = matches["date"].iloc[len(matches) // 2]
    kept = matches[matches["date"] >= cut]
    in_view = statements[statements["date"] >= cut]
    stance = sorted(set(in_view["stance"]) - set(kept["stance"]))[0]
    at = run_page("statements", {"q": "deterrence", "from": cut.isoformat(), "stance": stance})
    assert at.multiselect(key="stance").value == [stance]
    assert _infos(at) == (
        f"{len(matches)} statements in the whole dataset match the search, but the filters "
        f"hide them: the sidebar's date range or speaker filter hides "
        f"{len(matches) - len(kept)}; the speaker type, stance, organization or state facets "
        f"hide {len(kept)}. To see them, widen the sidebar's filters or clear a facet."
    )


def test_a_link_to_one_statement_is_named_when_it_hides_the_matches(statements):
    matches = _expected(statements, "deterrence")
    assert "st-2022-01-14-richey" not in set(matches["statement_id"])
    at = run_page("statements", {"q": "deterrence", "statement": "st-2022-01-14-richey"})
    assert f"showing only the linked statement hides {len(matches)}" in _infos(at)


def test_a_search_with_no_word_in_it_says_so():
    at = run_page("statements", {"q": "*** ???"})
    assert _infos(at) == (
        "The search in the box above holds no word to look for (letters or digits), so it "
        "matches no statement."
    )


@pytest.mark.parametrize("q", ["www.evil.example", "mailto:x@evil.example", ":material/home:"])
def test_a_search_that_finds_nothing_does_not_repeat_its_text_as_markdown(q):
    at = run_page("statements", {"q": q})
    shown = [e.value for kind in (at.info, at.warning, at.markdown, at.caption) for e in kind]
    assert shown and not any("evil" in text or "material" in text for text in shown), shown


@pytest.mark.parametrize("q", ["head_of_state", "urge_dialogue", "U.S.", "Jae-in"])
def test_search_words_with_punctuation_are_searched_as_the_index_splits_them(statements, q):
    at = run_page("statements", {"q": q})
    words = re.findall(r"[^\W_]+", q.casefold())
    # The words side by side (any punctuation between), the first starting a word, the
    # last a prefix, inside one searched column.
    phrase = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)))
    searched = statements[["quote", "paraphrase", "speaker", "speaker_role"]].fillna("")
    hits = searched.apply(lambda c: c.str.casefold().str.contains(phrase)).any(axis=1)
    assert _count_line(at).startswith(f"**{int(hits.sum())}** of")


def test_query_syntax_in_the_search_is_never_an_error():
    at = run_page("statements", {"q": 'NEAR("x" y) OR quote:* ^ (a AND b) \U0001f680'})
    assert "**0** of" in _count_line(at)
