import datetime as dt

import pytest

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
    assert "from=2022-02-30: not a date (use YYYY-MM-DD); ignored" in text
    assert "class=<script>alert(1)</script>: not one of the values in the data; ignored" in text
    assert "page=99999999999: outside 1..50; ignored" in text
    assert "longer than 200 characters" in text
    assert "utm_source: unknown parameter; ignored" in text
    assert max(len(n) for n in parsed.notices) < 200
    # The address keeps only what the page applies.
    assert parsed.changed and parsed.query == {"class": ["SRBM"]}


@pytest.mark.parametrize("page", ["²", "9" * 5000, "inf", "nan", "1e3", "٣", " 3", "0x3", ""])
def test_page_numbers_are_plain_ascii_digits_in_range(page):
    parsed = url_state.parse({"page": page}, PARAMS)
    assert "page" not in parsed.values and "page" not in parsed.query
    assert parsed.notices[0].startswith("page=")


def test_repeated_single_valued_parameter_uses_the_last_value_as_streamlit_does():
    parsed = url_state.parse({"page": ["2", "3"]}, PARAMS)
    assert parsed.values["page"] == 3 and parsed.query == {"page": "3"}
    assert parsed.notices == ["page: given 2 times; the last value is used"]


def test_too_many_values_leave_the_filter_off_and_say_so():
    parsed = url_state.parse({"state": ["PRK"] * 51}, PARAMS)
    assert parsed.values["state"] == () and "state" not in parsed.query
    assert parsed.notices == ["state: 51 values, more than 50; filter not applied"]
    parsed = url_state.parse({"state": ["PRK"] * 50}, PARAMS)
    assert parsed.values["state"] == ("PRK",) and parsed.query == {"state": ["PRK"]}


@pytest.mark.parametrize("date", ["20220105", "2022-1-5", "2022-W01-1", "2022-01-05T00:00"])
def test_only_canonical_dates_are_applied(date):
    parsed = url_state.parse({"from": date}, PARAMS)
    assert "from" not in parsed.values and parsed.query == {}
    assert parsed.notices == [f"from={date}: not a date (use YYYY-MM-DD); ignored"]


def test_a_thousand_unknown_keys_give_a_bounded_list():
    parsed = url_state.parse({f"k{i}": "1" for i in range(1000)} | {"page": "x"}, PARAMS)
    shown, more = url_state.bounded(parsed.issues)
    assert len(shown) == url_state.MAX_LISTED
    assert more == "And 980 more unknown parameters and 1 more other problem, not listed."
    assert parsed.query == {}


def test_a_clean_query_is_left_alone():
    query = {"from": "2022-01-01", "class": ["SRBM", "ICBM"], "page": "2", "embed": "true"}
    parsed = url_state.parse(query, PARAMS)
    assert not parsed.changed and parsed.notices == []
    assert url_state.parse({"rings": "TRUE"}, PARAMS).query == {"rings": "true"}


def test_reversed_date_range_is_reported():
    parsed = url_state.parse({"from": "2022-12-01", "to": "2022-01-01"}, PARAMS)
    assert parsed.notices == ["from, to: the start date is after the end date; nothing matches"]


def test_streamlit_own_parameters_are_not_reported():
    parsed = url_state.parse({"embed": "true", "embed_options": ["dark_theme"]}, PARAMS)
    assert parsed.notices == [] and not parsed.changed


def test_dates_outside_the_widget_bounds_are_reported():
    params = url_state.filter_params({}, dates=(dt.date(1945, 1, 1), dt.date(2022, 12, 31)))
    parsed = url_state.parse({"from": "1900-01-01", "to": "2030-01-01"}, params)
    assert parsed.values == {}
    assert parsed.notices == [
        "from=1900-01-01: outside 1945-01-01..2022-12-31; ignored",
        "to=2030-01-01: outside 1945-01-01..2022-12-31; ignored",
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
    for shown in ("review=pending", "outcome=exploded", "range_band=9000 km", "launch_site"):
        assert shown in text, (shown, text)
