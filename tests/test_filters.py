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
