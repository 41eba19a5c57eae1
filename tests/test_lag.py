import numpy as np
import pandas as pd
import pytest

from dashboard import lag


def _events(*dates, precision="day", event_type="sanctions"):
    return pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(len(dates))],
            "title": [f"event {i}" for i in range(len(dates))],
            "date_start": pd.to_datetime(list(dates)),
            "event_type": event_type,
            "date_precision": precision,
        }
    )


def _launches(*dates):
    return pd.DataFrame(
        {
            "launch_id": [f"l{i}" for i in range(len(dates))],
            "date_local": pd.to_datetime(list(dates)),
            "missile_class": "SRBM",
            "count": 1,
        }
    )


def test_lag_pairs_counts_launches_one_to_n_days_after_and_not_the_same_day():
    events = _events("2022-01-12")
    launches = _launches("2022-01-12", "2022-01-14", "2022-01-19", "2022-01-20", "2022-01-10")
    pairs = lag.lag_pairs(events, launches, window=7)
    assert pairs["launch_id"].tolist() == ["l1", "l2"]
    assert pairs["lag_days"].tolist() == [2, 7]


def test_followed_share_known_answer():
    # Days 0 and 100 are followed within 5 days (by 3 and 104); day 50 is not.
    share = lag.followed_share(np.array([0, 50, 100]), np.array([3, 60, 104]), window=5)
    assert share == pytest.approx(2 / 3)


def test_action_reaction_flags_launches_that_always_follow_events():
    # Ten events, each followed two days later by a launch, over a 1,000-day period:
    # random event dates are rarely within 1..3 days before one of ten launches.
    starts = pd.date_range("2020-01-01", periods=10, freq="90D")
    events = _events(*starts)
    launches = _launches(*(starts + pd.Timedelta(days=2)))
    period = (pd.Timestamp("2020-01-01"), pd.Timestamp("2022-09-27"))
    result = lag.action_reaction(events, launches, 3, period, permutations=500, seed=1)
    assert result.observed_share == 1.0
    assert result.baseline_mean < 0.1
    assert result.p_value == pytest.approx(1 / 501)
    assert result.ratio > 10
    assert result.pairs["lag_days"].tolist() == [2] * 10


def test_action_reaction_is_not_significant_when_launches_ignore_events():
    events = _events(*pd.date_range("2020-01-01", periods=10, freq="90D"))
    days = np.random.default_rng(3).integers(0, 1000, size=60)
    launches = _launches(*(pd.Timestamp("2020-01-01") + pd.to_timedelta(days, unit="D")))
    period = (pd.Timestamp("2020-01-01"), pd.Timestamp("2022-09-27"))
    result = lag.action_reaction(events, launches, 5, period, permutations=500, seed=1)
    assert result.p_value > 0.05


def test_baseline_is_reproducible_with_its_seed():
    events = _events("2021-03-01", "2021-06-01")
    launches = _launches("2021-03-03", "2021-08-01")
    period = (pd.Timestamp("2021-01-01"), pd.Timestamp("2021-12-31"))
    first = lag.action_reaction(events, launches, 10, period, permutations=200, seed=7)
    second = lag.action_reaction(events, launches, 10, period, permutations=200, seed=7)
    np.testing.assert_array_equal(first.baseline_shares, second.baseline_shares)


def test_dated_events_keeps_only_events_dated_to_the_day():
    events = pd.concat([_events("2021-01-01", precision="month"), _events("2021-02-01")])
    kept = lag.dated_events(events, "sanctions")
    assert kept["date_precision"].tolist() == ["day"]
