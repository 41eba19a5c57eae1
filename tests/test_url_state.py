import datetime as dt

from dashboard import url_state
from dashboard.filters import Filters

PARAMS = url_state.filter_params(
    {
        "state": ("KOR", "PRK"),
        "class": ("SRBM", "ICBM"),
        "event_type": ("sanctions", "summit"),
        "speaker": ("Antony Blinken",),
        "review": ("reviewed", "imported"),
        "outcome": ("success", "failure"),
        "confirmation": ("confirmed", "claimed"),
        "launch_site": ("Sohae", "Tongchang-ri"),
        "range_band": ("under 1000 km", "5500 km and over", "not reported"),
        "apogee_band": ("1000 km and over",),
    }
) + [url_state.Param("page", "int", low=1, high=50), url_state.Param("rings", "bool")]


def test_filters_round_trip_through_the_query_string():
    filters = Filters(
        date_from=dt.date(2022, 1, 1),
        date_to=dt.date(2022, 6, 30),
        states=("PRK",),
        classes=("SRBM", "ICBM"),
        event_types=("sanctions",),
        speakers=("Antony Blinken",),
        review_statuses=("imported",),
        outcomes=("failure",),
        confirmations=("confirmed", "claimed"),
        sites=("Sohae",),
        range_bands=("5500 km and over", "not reported"),
        apogee_bands=("1000 km and over",),
    )
    query = url_state.filters_to_query(filters)
    assert query["range_band"] == ["5500 km and over", "not reported"]
    assert query["review"] == ["imported"]
    assert query["from"] == "2022-01-01"
    assert query["class"] == ["SRBM", "ICBM"]
    parsed = url_state.parse(query, PARAMS)
    assert parsed.notices == []
    assert url_state.filters_from_values(parsed.values) == filters


def test_default_filters_need_no_parameters():
    assert url_state.filters_to_query(Filters()) == {}
    assert url_state.filters_from_values(url_state.parse({}, PARAMS).values) == Filters()


def test_hostile_and_invalid_values_are_ignored_with_a_notice_each():
    query = {
        "from": ["2022-02-30"],
        "to": ["yesterday"],
        "class": ["SRBM", "<script>alert(1)</script>"],
        "page": ["99999999999"],
        "rings": ["maybe"],
        "speaker": ["x" * 10_000],
        "utm_source": ["mail"],
    }
    parsed = url_state.parse(query, PARAMS)
    assert parsed.values["class"] == ("SRBM",)
    assert "from" not in parsed.values and "to" not in parsed.values
    assert "page" not in parsed.values and "rings" not in parsed.values
    assert parsed.values["speaker"] == ()
    text = "\n".join(parsed.notices)
    assert len(parsed.notices) == 7
    assert "from=2022\\-02\\-30: not a date" in text
    assert "not one of the values in the data" in text
    assert "outside 1..50" in text
    assert "longer than 200 characters" in text
    assert "unknown URL parameter utm\\_source" in text
    # The hostile value is shown escaped and shortened, never as markup.
    assert "<script>" not in text
    assert max(len(n) for n in parsed.notices) < 400


def test_single_valued_parameter_keeps_the_first_value_and_says_so():
    parsed = url_state.parse({"page": ["2", "3"]}, PARAMS)
    assert parsed.values["page"] == 2
    assert parsed.notices == ["Ignored extra values of URL parameter page; kept the first."]


def test_reversed_date_range_is_reported():
    parsed = url_state.parse({"from": "2022-12-01", "to": "2022-01-01"}, PARAMS)
    assert parsed.notices == ["The start date is after the end date, so nothing can match."]


def test_streamlit_own_parameters_are_not_reported():
    assert url_state.parse({"embed": "true", "embed_options": ["dark_theme"]}, PARAMS).notices == []


def test_dates_outside_the_widget_bounds_are_reported():
    params = url_state.filter_params({}, dates=(dt.date(1945, 1, 1), dt.date(2022, 12, 31)))
    parsed = url_state.parse({"from": "1900-01-01", "to": "2030-01-01"}, params)
    assert parsed.values == {}
    assert parsed.notices == [
        "Ignored URL parameter from=1900\\-01\\-01: outside 1945-01-01..2022-12-31.",
        "Ignored URL parameter to=2030\\-01\\-01: outside 1945-01-01..2022-12-31.",
    ]


def test_launch_detail_filters_refuse_values_not_in_the_data():
    query = {
        "review": ["pending", "imported"],
        "outcome": "exploded",
        "range_band": "9000 km",
        "launch_site": "Atlantis",
    }
    parsed = url_state.parse(query, PARAMS)
    assert parsed.values["review"] == ("imported",)
    assert parsed.values["outcome"] == () and parsed.values["range_band"] == ()
    text = "\n".join(parsed.notices)
    assert len(parsed.notices) == 4
    for shown in ("review=pending", "outcome=exploded", "range\\_band=9000 km", "launch\\_site"):
        assert shown in text, (shown, text)
