import datetime as dt

import pandas as pd

from dashboard import filters
from dashboard.filters import Filters


def _launches():
    return pd.DataFrame(
        {
            "launch_id": ["a", "b", "c"],
            "state": ["PRK", "PRK", "KOR"],
            "missile_class": ["SRBM", "ICBM", "SLBM"],
            "date_local": pd.to_datetime(["2021-03-25", "2022-03-24", "2021-09-15"]),
        }
    )


def _events():
    return pd.DataFrame(
        {
            "event_id": ["hanoi", "sanctions"],
            "event_type": ["summit", "sanctions"],
            "date_start": pd.to_datetime(["2019-02-27", "2022-01-12"]),
            "date_end": pd.to_datetime(["2019-02-28", None]),
        }
    )


def test_launch_filters_combine_dates_states_and_classes():
    launches = _launches()
    assert filters.filter_launches(launches, Filters())["launch_id"].tolist() == ["a", "b", "c"]
    f = Filters(date_from=dt.date(2021, 6, 1), states=("PRK",))
    assert filters.filter_launches(launches, f)["launch_id"].tolist() == ["b"]
    f = Filters(classes=("SRBM", "SLBM"), date_to=dt.date(2021, 12, 31))
    assert filters.filter_launches(launches, f)["launch_id"].tolist() == ["a", "c"]


def test_multi_day_events_count_when_any_day_is_in_range():
    events = _events()
    f = Filters(date_from=dt.date(2019, 2, 28), date_to=dt.date(2019, 3, 31))
    assert filters.filter_events(events, f)["event_id"].tolist() == ["hanoi"]
    f = Filters(event_types=("sanctions",))
    assert filters.filter_events(events, f)["event_id"].tolist() == ["sanctions"]


def test_statements_filter_by_speaker_and_claims_follow_launches():
    statements = pd.DataFrame(
        {
            "statement_id": ["s1", "s2"],
            "speaker": ["Choe Son Hui", "Antony Blinken"],
            "date": pd.to_datetime(["2022-11-17", "2022-01-13"]),
        }
    )
    kept = filters.filter_statements(statements, Filters(speakers=("Antony Blinken",)))
    assert kept["statement_id"].tolist() == ["s2"]
    claims = pd.DataFrame({"claim_id": ["x", "y"], "launch_id": ["a", "b"]})
    in_view = filters.filter_launches(_launches(), Filters(classes=("ICBM",)))
    assert filters.filter_claims(claims, in_view)["claim_id"].tolist() == ["y"]


def test_nothing_matches_a_reversed_range():
    f = Filters(date_from=dt.date(2022, 12, 31), date_to=dt.date(2021, 1, 1))
    assert filters.filter_launches(_launches(), f).empty


def test_present_keeps_the_declared_order_of_values_in_the_data():
    assert filters.present(("SRBM", "MRBM", "ICBM"), ["ICBM", "SRBM", "ICBM"]) == ("SRBM", "ICBM")
    assert filters.present(("a", "b"), []) == ()


def _detailed():
    return pd.DataFrame(
        {
            "launch_id": ["a", "b", "c", "d"],
            "state": ["PRK"] * 4,
            "missile_class": ["SRBM", "ICBM", "SLV", "SRBM"],
            "date_local": pd.to_datetime(["1984-04-01", "2017-11-29", "2016-02-07", "2017-11-29"]),
            "time_local": [None, "03:17", "09:31", None],
            "review_status": ["imported", "reviewed", "reviewed", "imported"],
            "outcome": ["unknown", "success", "success", "failure"],
            "confirmation": ["assessed", "confirmed", "confirmed", "claimed"],
            "site_name": [None, "Pyongsong", "Sohae", "Pyongsong"],
            "range_km": [None, 950.0, None, 1000.0],
            "apogee_km": [None, 4475.0, 500.0, 99.9],
        }
    )


def test_bands_are_half_open_and_missing_values_are_not_reported():
    launches = _detailed()
    assert filters.band_of(launches["range_km"], filters.RANGE_BANDS).tolist() == [
        "not reported",
        "under 1000 km",
        "not reported",
        "1000-3000 km",
    ]
    assert filters.band_of(launches["apogee_km"], filters.APOGEE_BANDS).tolist() == [
        "not reported",
        "1000 km and over",
        "500-1000 km",
        "under 100 km",
    ]
    assert filters.band_labels(filters.RANGE_BANDS)[-1] == "not reported"


def test_launch_detail_filters_narrow_launches():
    launches = _detailed()

    def kept(**chosen):
        return filters.filter_launches(launches, Filters(**chosen))["launch_id"].tolist()

    assert kept(review_statuses=("imported",)) == ["a", "d"]
    assert kept(outcomes=("success",), confirmations=("confirmed",)) == ["b", "c"]
    assert kept(sites=("Pyongsong",)) == ["b", "d"]
    assert kept(range_bands=("not reported",)) == ["a", "c"]
    assert kept(range_bands=("1000-3000 km",), apogee_bands=("under 100 km",)) == ["d"]
    assert kept(apogee_bands=("1000 km and over",), review_statuses=("imported",)) == []


def test_latest_launches_sort_by_date_then_time():
    latest = filters.latest_launches(_detailed(), 3)
    # Same day: the launch with a reported time first, the untimed one after it.
    assert latest["launch_id"].tolist() == ["b", "d", "c"]


def test_period_bounds_cover_the_year_or_month_and_stop_at_the_data():
    last = dt.date(2026, 3, 10)
    assert filters.period_bounds("2017-01-01", "year", last) == (
        dt.date(2017, 1, 1),
        dt.date(2017, 12, 31),
    )
    assert filters.period_bounds("2016-02-01", "month", last) == (
        dt.date(2016, 2, 1),
        dt.date(2016, 2, 29),
    )
    assert filters.period_bounds("2026-01-01", "year", last)[1] == last


def test_statements_held_newest_first_are_filtered_by_date_as_any_order_is():
    days = pd.to_datetime(["2024-03-02", "2024-03-01", "2024-03-01", "2023-12-31", "2020-01-01"])
    newest_first = pd.DataFrame(
        {"statement_id": list("abcde"), "date": days, "speaker": ["x", "y", "x", "y", "x"]}
    )
    shuffled = newest_first.iloc[[3, 0, 4, 2, 1]]
    for date_from, date_to, speakers in (
        (dt.date(2024, 3, 1), dt.date(2024, 3, 1), ()),
        (dt.date(2023, 12, 31), None, ("x",)),
        (None, dt.date(2023, 12, 31), ()),
        (dt.date(2025, 1, 1), None, ()),
        (None, None, ()),
    ):
        f = Filters(date_from=date_from, date_to=date_to, speakers=speakers)
        fast = filters.filter_statements(newest_first, f)["statement_id"].tolist()
        assert fast == sorted(filters.filter_statements(shuffled, f)["statement_id"].tolist())
    assert filters.filter_statements(newest_first, Filters(date_from=dt.date(2024, 3, 1)))[
        "statement_id"
    ].tolist() == ["a", "b", "c"]
