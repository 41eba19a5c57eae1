import pandas as pd

from dashboard import search


def _statements():
    return pd.DataFrame(
        {
            "statement_id": ["a", "b", "c"],
            "date": pd.to_datetime(["2022-01-14", "2022-01-13", "2021-09-15"]),
            "speaker": ["DPRK Ministry of Foreign Affairs", "Antony Blinken", "Moon Jae-in"],
            "speaker_role": ["Ministry statement", "US Secretary of State", "President"],
            "speaker_type": ["government", "government", "head_of_state"],
            "organization": ["DPRK MFA", "US Department of State", None],
            "quote": ["The U.S. is coming out provocative again", None, "a sure deterrent"],
            "paraphrase": [None, "Blinken called the tests DESTABILISING", None],
            "stance": ["justify", "condemn", "reassure"],
        }
    )


def test_search_is_case_insensitive_over_quote_paraphrase_and_speaker():
    frame = _statements()
    text = search.TextIndex.build(frame)

    def ids(q):
        return search.search(frame, text, search.StatementQuery(text=q))["statement_id"].tolist()

    assert ids("destabilising") == ["b"]
    assert ids("PROVOCATIVE") == ["a"]
    assert ids("moon") == ["c"]
    assert ids("blinken destabilising") == ["b"]  # every term must match
    assert ids("blinken deterrent") == []


def test_search_treats_punctuation_as_word_breaks_never_as_patterns():
    frame = _statements()
    index = search.TextIndex.build(frame)
    found = search.search(frame, index, search.StatementQuery(text="(provocative) .*"))
    assert found["statement_id"].tolist() == ["a"]  # ".*" is no pattern and adds no word
    assert search.search(frame, index, search.StatementQuery(text=".* ?")).empty


def test_words_match_by_prefix_not_in_the_middle():
    frame = _statements()
    index = search.TextIndex.build(frame)

    def ids(q):
        return search.search(frame, index, search.StatementQuery(text=q))["statement_id"].tolist()

    assert ids("provoc") == ["a"]
    assert ids("vocative") == []
    assert ids("jae") == ["c"]  # "Moon Jae-in" splits into words


def test_index_answers_for_a_filtered_subset():
    frame = _statements()
    index = search.TextIndex.build(frame)
    subset = frame[frame["statement_id"] != "a"]
    found = search.search(subset, index, search.StatementQuery(text="the"))
    assert found["statement_id"].tolist() == ["b"]


def test_facets_and_single_statement():
    frame = _statements()
    text = search.TextIndex.build(frame)
    query = search.StatementQuery(speaker_types=("government",), stances=("condemn",))
    assert search.search(frame, text, query)["statement_id"].tolist() == ["b"]
    only = search.search(frame, text, search.StatementQuery(statement_id="c"))
    assert only["statement_id"].tolist() == ["c"]
    assert search.facet_counts(frame, "speaker_type") == {"government": 2, "head_of_state": 1}
    assert search.facet_counts(frame, "organization") == {
        "DPRK MFA": 1,
        "US Department of State": 1,
    }


def test_results_are_newest_first_and_paged():
    frame = _statements()
    found = search.search(frame, search.TextIndex.build(frame), search.StatementQuery())
    assert found["statement_id"].tolist() == ["a", "b", "c"]
    assert search.page_slice(found, 2, 2)["statement_id"].tolist() == ["c"]
    assert search.page_count(0, 10) == 1
    assert search.page_count(21, 10) == 3


def test_state_facet_leaves_out_statements_without_a_state():
    frame = _statements().assign(state=["PRK", "USA", None])
    query = search.StatementQuery(states=("PRK", "KOR"))
    assert search.search(frame, search.TextIndex.build(frame), query)["statement_id"].tolist() == [
        "a"
    ]


def test_hidden_matches_say_which_filter_hides_what():
    frame = _statements()  # a: DPRK MFA 2022-01-14, b: Blinken 2022-01-13, c: Moon 2021-09-15
    index = search.TextIndex.build(frame)
    # "the" matches a ("The U.S.") and b ("the tests"); the sidebar's dates leave out b,
    # the stance facet then hides a.
    in_view = frame[frame["date"] >= "2022-01-14"]
    query = search.StatementQuery(text="the", stances=("condemn",))
    assert search.search(in_view, index, query).empty
    hidden = search.hidden_matches(frame, in_view, index, query)
    assert hidden == search.HiddenMatches(in_dataset=2, by_sidebar=1, by_facets=1, by_link=0)
    assert hidden.by_filters == 2


def test_hidden_matches_of_a_search_matching_nothing_blame_no_filter():
    frame = _statements()
    index = search.TextIndex.build(frame)
    query = search.StatementQuery(text="zebra", stances=("condemn",))
    hidden = search.hidden_matches(frame, frame.iloc[:1], index, query)
    assert hidden == search.HiddenMatches(in_dataset=0, by_sidebar=0, by_facets=0, by_link=0)


def test_hidden_matches_count_the_link_to_one_statement():
    frame = _statements()
    index = search.TextIndex.build(frame)
    # Showing only c (Moon), the search for Blinken's words finds nothing on the page.
    query = search.StatementQuery(text="destabilising", statement_id="c")
    hidden = search.hidden_matches(frame, frame, index, query)
    assert hidden == search.HiddenMatches(in_dataset=1, by_sidebar=0, by_facets=0, by_link=1)


def test_hidden_matches_without_search_text_count_every_statement():
    frame = _statements()
    index = search.TextIndex.build(frame)
    hidden = search.hidden_matches(frame, frame.iloc[0:0], index, search.StatementQuery())
    assert (hidden.in_dataset, hidden.by_sidebar) == (3, 3)
