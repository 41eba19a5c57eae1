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


def _launches(*dates, precision="day"):
    return pd.DataFrame(
        {
            "launch_id": [f"l{i}" for i in range(len(dates))],
            "date_local": pd.to_datetime(list(dates)),
            "date_precision": precision,
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


# --- The study span: where both the event type and launches are collected ------------------


def _study(events, launches, question, in_view=None):
    """A study where the sidebar leaves everything in view unless told otherwise."""
    shown_events, shown_launches = in_view or (events, launches)
    return lag.study(shown_events, shown_launches, events, launches, question)


def _span_case():
    # Sanctions recorded from 1 Mar 2020 to 1 Jan 2021; launches dated to the day from
    # 1 May 2020 to 31 Dec 2020 (a launch known only to the year, 2019, does not count).
    events = _events("2020-03-01", "2020-06-01", "2020-09-10", "2021-01-01")
    launches = pd.concat(
        [
            _launches("2020-05-01", "2020-06-03", "2020-12-31"),
            _launches("2019-01-01", precision="year").assign(launch_id="l-year"),
        ],
        ignore_index=True,
    )
    return events, launches


def test_span_is_where_both_records_are_collected_less_the_window_at_the_end():
    events, launches = _span_case()
    found = _study(events, launches, lag.Question("sanctions", 10, permutations=50))
    # Starts at the first day-dated launch (1 May), not at the first sanctions event
    # (1 Mar) nor at the year-dated launch (2019); ends 10 days before the last launch,
    # so each event's whole window is inside the launch record.
    assert found.start.day == pd.Timestamp("2020-05-01")
    assert found.start.what == "first launch dated to the day"
    assert found.end.day == pd.Timestamp("2020-12-21")
    assert found.end.what == "10 days before the last launch dated to the day, 2020-12-31"
    # May 1-31, June, July, August, September, October, November, December 1-21.
    assert found.span_days == 31 + 30 + 31 + 31 + 30 + 31 + 30 + 21
    assert found.events["event_id"].tolist() == ["e1", "e2"]
    assert found.result.period == (pd.Timestamp("2020-05-01"), pd.Timestamp("2020-12-21"))


def test_events_outside_the_span_are_left_out_with_the_reason():
    events, launches = _span_case()
    found = _study(events, launches, lag.Question("sanctions", 10, permutations=50))
    reasons = dict(zip(found.left_out["event_id"], found.left_out["reason"], strict=True))
    assert reasons == {
        "e0": "before the first launch dated to the day (2020-05-01)",
        "e3": "less than 10 days before the last launch dated to the day (2020-12-31), "
        "so the window is not fully recorded",
    }


def test_the_result_rests_only_on_events_inside_the_span():
    events, launches = _span_case()
    found = _study(events, launches, lag.Question("sanctions", 10, permutations=50))
    # Of the two events inside, 1 June is followed (3 June), 10 September is not. The
    # left-out 1 March event has no launch after it either, and must not dilute the share.
    assert found.result.events == 2
    assert found.result.observed_share == 0.5
    assert found.result.followed == 1
    assert found.result.pairs["event_id"].tolist() == ["e1"]
    # Launches that can follow an event of the span: 2 May .. 31 December.
    assert found.result.launches == 2


def test_the_sidebar_date_range_narrows_the_span():
    events, launches = _span_case()
    question = lag.Question(
        "sanctions",
        10,
        date_from=pd.Timestamp("2020-06-01").date(),
        date_to=pd.Timestamp("2020-09-15").date(),
        permutations=50,
    )
    in_view = (events[events["event_id"].isin(["e1", "e2"])], launches.iloc[[1]])
    found = _study(events, launches, question, in_view)
    assert (found.start.day, found.start.what) == (
        pd.Timestamp("2020-06-01"),
        "start of the date range",
    )
    assert found.end.day == pd.Timestamp("2020-09-05")
    assert found.end.what == "10 days before the end of the date range, 2020-09-15"
    assert found.events["event_id"].tolist() == ["e1"]
    assert found.left_out["reason"].tolist() == [
        "less than 10 days before the end of the date range (2020-09-15), "
        "so the window is not fully in view"
    ]


def test_a_multi_day_event_starting_before_the_date_range_is_left_out():
    events, launches = _span_case()
    question = lag.Question(
        "sanctions", 10, date_from=pd.Timestamp("2020-06-02").date(), permutations=50
    )
    # The sidebar keeps an event overlapping the range; its start, the day the lag counts
    # from, is before the range.
    found = _study(events, launches, question, (events.iloc[[1, 2]], launches))
    assert found.left_out["reason"].tolist() == ["starting before the date range (2020-06-02)"]
    assert found.events["event_id"].tolist() == ["e2"]


def test_baseline_places_random_dates_only_inside_the_span():
    # Launches are recorded from 2000 to March 2020, the event type only over ten days of
    # January 2020. With a 1-day window a random date in 1..10 January is followed exactly
    # when it falls on 1..5 January (launches on the 2nd..6th): chance is one half. Over the
    # whole launch record it would be about 5 in 7,300.
    events = _events("2020-01-01", "2020-01-10")
    launches = _launches("2000-01-01", *pd.date_range("2020-01-02", "2020-01-06"), "2020-03-01")
    found = _study(events, launches, lag.Question("sanctions", 1, permutations=2000, seed=5))
    assert (found.start.day, found.end.day) == (
        pd.Timestamp("2020-01-01"),
        pd.Timestamp("2020-01-10"),
    )
    assert found.result.observed_share == 0.5
    assert set(np.unique(found.result.baseline_shares)) <= {0.0, 0.5, 1.0}
    assert found.result.baseline_mean == pytest.approx(0.5, abs=0.03)


def test_study_is_reproducible_with_its_seed():
    events, launches = _span_case()
    question = lag.Question("sanctions", 30, permutations=300, seed=11)
    first, second = _study(events, launches, question), _study(events, launches, question)
    np.testing.assert_array_equal(first.result.baseline_shares, second.result.baseline_shares)
    assert first.result.p_value == second.result.p_value


def test_fewer_than_ten_events_are_too_few():
    starts = pd.date_range("2020-01-10", periods=10, freq="30D")
    launches = _launches("2020-01-01", *(starts + pd.Timedelta(days=2)), "2021-06-01")
    question = lag.Question("sanctions", 5, permutations=100)
    nine = _study(_events(*starts[:9]), launches, question)
    ten = _study(_events(*starts), launches, question)
    assert (nine.result.events, nine.too_few) == (9, True)
    assert (ten.result.events, ten.too_few) == (10, False)
    assert lag.TOO_FEW_EVENTS == 10


def test_events_and_launches_not_dated_to_the_day_are_left_out_and_counted():
    events = pd.concat(
        [_events("2020-06-01"), _events("2020-07-01", precision="month").assign(event_id="m")],
        ignore_index=True,
    )
    # The month-dated launch would fall 2 days after the event; it must not count.
    launches = pd.concat(
        [
            _launches("2020-01-01", "2020-12-31"),
            _launches("2020-06-03", precision="month").assign(launch_id="l-month"),
        ],
        ignore_index=True,
    )
    found = _study(events, launches, lag.Question("sanctions", 5, permutations=20))
    assert found.left_out_counts() == {"dated only to the month": 1}
    assert found.undated_launches == 1
    assert found.result.observed_share == 0.0
    assert found.result.pairs.empty


def test_left_out_counts_rank_reasons_by_frequency():
    events = _events("2019-01-01", "2019-02-01", "2020-06-01", "2020-12-30")
    launches = _launches("2020-01-01", "2020-12-31")
    found = _study(events, launches, lag.Question("sanctions", 7, permutations=20))
    assert list(found.left_out_counts().items()) == [
        ("before the first launch dated to the day (2020-01-01)", 2),
        (
            "less than 7 days before the last launch dated to the day (2020-12-31), "
            "so the window is not fully recorded",
            1,
        ),
    ]


@pytest.mark.parametrize(
    ("events", "in_view", "launches", "expected"),
    [
        (
            ("2020-06-01",),
            None,
            ("2020-01-01", "2020-12-31"),
            "No summit event in the dataset is dated to the day, so no lag can be measured.",
        ),
        (
            ("2020-06-01",),
            "hide",
            ("2020-01-01", "2020-12-31"),
            "The sidebar filters hide every sanctions event.",
        ),
        (
            ("2020-06-01",),
            None,
            ("2020-06-01", "2020-06-05"),
            # Event record: 1 June only. Launch record ends 5 June, so with a 7-day window
            # the span would end 29 May, before it starts.
            "No span is left to study: it would start on 2020-06-01 (first sanctions event "
            "dated to the day) but end on 2020-05-29 (7 days before the last launch dated to "
            "the day, 2020-06-05).",
        ),
        (
            ("2019-06-01", "2020-06-01"),
            "first",
            ("2020-01-01", "2020-12-31"),
            "None of the sanctions events in view falls inside the span.",
        ),
    ],
)
def test_the_study_says_why_there_is_no_result(events, in_view, launches, expected):
    event_type = "summit" if expected.startswith("No summit") else "sanctions"
    all_events, all_launches = _events(*events), _launches(*launches)
    shown = {
        None: all_events,
        "hide": all_events.iloc[0:0],
        "first": all_events.iloc[[0]],
    }[in_view]
    found = _study(
        all_events,
        all_launches,
        lag.Question(event_type, 7, permutations=20),
        (shown, all_launches),
    )
    assert found.unavailable == expected
    assert found.result is None and found.too_few


def test_no_launch_dated_to_the_day_means_no_span():
    events = _events("2020-06-01")
    launches = _launches("2020-01-01", precision="year")
    found = _study(events, launches, lag.Question("sanctions", 7, permutations=20))
    assert found.unavailable == (
        "No launch in the dataset is dated to the day, so no lag can be measured."
    )
    assert found.left_out["reason"].tolist() == ["with no launch dated to the day to compare"]
    assert found.undated_launches == 1
