import datetime as dt

import pandas as pd
import pytest

from dashboard import fts
from dashboard.search import (
    HiddenMatches,
    StatementQuery,
    StatementTable,
    Window,
    hidden_matches,
    page_count,
)


def _statements():
    return pd.DataFrame(
        {
            "statement_id": ["a", "b", "c"],
            "date": pd.to_datetime(["2022-01-14", "2022-01-13", "2021-09-15"]).date,
            "speaker": ["DPRK Ministry of Foreign Affairs", "Antony Blinken", "Moon Jae-in"],
            "speaker_role": ["Ministry statement", "US Secretary of State", "President"],
            "speaker_type": ["government", "government", "head_of_state"],
            "organization": ["DPRK MFA", "US Department of State", None],
            "state": ["PRK", "USA", None],
            "quote": ["The U.S. is coming out provocative again", None, "a sure deterrent"],
            "paraphrase": [None, "Blinken called the tests DESTABILISING", None],
            "stance": ["justify", "condemn", "reassure"],
        }
    )


@pytest.fixture(scope="module")
def table():
    return StatementTable.build(_statements())


EVERYTHING, NO_WINDOW = StatementQuery(), Window()


def _ids(table, query=EVERYTHING, window=NO_WINDOW):
    return table.rows(table.matches(query, window))["statement_id"].tolist()


def _search(table, text):
    return _ids(table, StatementQuery(text=text))


def test_search_is_case_insensitive_over_quote_paraphrase_and_speaker(table):
    assert _search(table, "destabilising") == ["b"]
    assert _search(table, "PROVOCATIVE") == ["a"]
    assert _search(table, "moon") == ["c"]
    assert _search(table, "blinken destabilising") == ["b"]  # every word must match
    assert _search(table, "blinken deterrent") == []


def test_search_treats_punctuation_as_word_breaks_never_as_patterns(table):
    assert _search(table, "(provocative) .*") == ["a"]  # ".*" is no pattern and adds no word
    assert StatementQuery(text=".* ?").unsearchable
    assert _search(table, ".* ?") == []


def test_words_match_by_prefix_not_in_the_middle(table):
    assert _search(table, "provoc") == ["a"]
    assert _search(table, "vocative") == []
    assert _search(table, "jae") == ["c"]  # "Moon Jae-in" splits into words


def test_a_word_with_inner_punctuation_matches_those_words_side_by_side(table):
    # The index stores "U.S." as the tokens "u" and "s"; the search does the same.
    assert _search(table, "U.S.") == ["a"]
    assert _search(table, "u.s") == ["a"]
    assert _search(table, "jae-in") == ["c"]
    assert _search(table, "in-jae") == []  # the same words in another order
    assert _search(table, "secretary_of_state") == ["b"]


@pytest.mark.parametrize(
    "text",
    [
        "head_of_state",
        "urge_dialogue",
        '"',
        '"provocative',
        "provocative NEAR the",
        "NEAR(provocative the)",
        "provocative AND the OR x NOT y",
        "provocative*",
        "*",
        "^provocative",
        "(provocative",
        "quote:provocative",
        "speaker:blinken",
        "{quote speaker}: blinken",
        "provocative " * 400,
        "Provocátive",
        "도발 provocative",
        "provocative 🚀",
        "provocative\x00the",
        "'; DROP TABLE texts; --",
    ],
)
def test_hostile_search_text_is_words_never_query_syntax(table, text):
    found = _search(table, text)  # raises if any of it reached FTS5's query syntax
    phrases = StatementQuery(text=text).phrases
    assert all(token.isalnum() for phrase in phrases for token in phrase)
    if "provoc" in text.casefold() and "blinken" not in text.casefold():
        # Every word there is a plain word: only statement a has one starting "provoc" and
        # the operators or column names match nothing of it or are words it also holds.
        assert found in (["a"], [])


def test_operators_and_column_names_are_searched_as_words(table):
    assert _search(table, "provocative NEAR") == []  # no statement holds a word "near..."
    assert _search(table, "quote:provocative") == []  # "quote" is a word here, not a column
    assert _search(table, "Provocátive") == ["a"]  # accents are ignored, as in the index
    assert _search(table, "provocative\x00the") == ["a"]  # NUL separates words
    assert StatementQuery(text="🚀 \x00").unsearchable


def test_window_keeps_a_date_range_and_speakers(table):
    assert _ids(table) == ["a", "b", "c"]  # newest first
    assert _ids(table, window=Window(date_from=dt.date(2022, 1, 13))) == ["a", "b"]
    assert _ids(table, window=Window(date_to=dt.date(2022, 1, 13))) == ["b", "c"]
    assert _ids(table, window=Window(dt.date(2022, 1, 13), dt.date(2022, 1, 13))) == ["b"]
    assert _ids(table, window=Window(speakers=("Moon Jae-in",))) == ["c"]
    the = StatementQuery(text="the")
    assert _ids(table, the, Window(date_from=dt.date(2022, 1, 14))) == ["a"]


def test_facets_and_single_statement(table):
    query = StatementQuery(speaker_types=("government",), stances=("condemn",))
    assert _ids(table, query) == ["b"]
    assert _ids(table, StatementQuery(statement_id="c")) == ["c"]
    assert "c" in table and "zz" not in table
    found = table.find(StatementQuery(), Window())
    assert found.facets["speaker_type"] == {"government": 2, "head_of_state": 1}
    assert found.facets["organization"] == {"DPRK MFA": 1, "US Department of State": 1}
    assert table.find(StatementQuery(text="the"), Window()).facets["stance"] == {
        "condemn": 1,
        "justify": 1,
    }


def test_results_are_newest_first_and_paged(table):
    found = table.find(StatementQuery(), Window())
    assert table.page(found.positions, 2, 2)["statement_id"].tolist() == ["c"]
    assert page_count(0, 10) == 1
    assert page_count(21, 10) == 3


def test_state_facet_leaves_out_statements_without_a_state(table):
    assert _ids(table, StatementQuery(states=("PRK", "KOR"))) == ["a"]


def test_hidden_matches_say_which_filter_hides_what(table):
    # "the" matches a ("The U.S.") and b ("the tests"); the sidebar's dates leave out b,
    # the stance facet then hides a.
    window = Window(date_from=dt.date(2022, 1, 14))
    query = StatementQuery(text="the", stances=("condemn",))
    assert _ids(table, query, window) == []
    hidden = hidden_matches(table, query, window)
    assert hidden == HiddenMatches(in_dataset=2, by_sidebar=1, by_facets=1, by_link=0)
    assert hidden.by_filters == 2


def test_hidden_matches_of_a_search_matching_nothing_blame_no_filter(table):
    query = StatementQuery(text="zebra", stances=("condemn",))
    hidden = hidden_matches(table, query, Window(date_from=dt.date(2022, 1, 14)))
    assert hidden == HiddenMatches(in_dataset=0, by_sidebar=0, by_facets=0, by_link=0)


def test_hidden_matches_count_the_link_to_one_statement(table):
    # Showing only c (Moon), the search for Blinken's words finds nothing on the page.
    query = StatementQuery(text="destabilising", statement_id="c")
    hidden = hidden_matches(table, query, Window())
    assert hidden == HiddenMatches(in_dataset=1, by_sidebar=0, by_facets=0, by_link=1)


def test_hidden_matches_without_search_text_count_every_statement(table):
    hidden = hidden_matches(table, StatementQuery(), Window(date_from=dt.date(2030, 1, 1)))
    assert (hidden.in_dataset, hidden.by_sidebar) == (3, 3)


def test_index_file_is_used_only_for_its_own_version(tmp_path):
    import pyarrow as pa

    rows = pa.Table.from_pandas(_statements(), preserve_index=False)
    path = tmp_path / fts.INDEX_FILE
    fts.write_index(rows, path, version="v1")
    assert fts.index_version(path) == "v1"
    assert fts.TextIndex.open(path, "v1", rows).from_file
    stale = fts.TextIndex.open(path, "v2", rows)
    assert not stale.from_file
    assert stale.matching((("blinken",),)) == [1]
