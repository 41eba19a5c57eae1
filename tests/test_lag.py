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
            "missile_name": None,
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
    assert found.placed["record_id"].tolist() == ["e1", "e2"]
    assert found.result.period == (pd.Timestamp("2020-05-01"), pd.Timestamp("2020-12-21"))


def test_events_outside_the_span_are_left_out_with_the_reason():
    events, launches = _span_case()
    found = _study(events, launches, lag.Question("sanctions", 10, permutations=50))
    reasons = dict(zip(found.left_out["record_id"], found.left_out["reason"], strict=True))
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
    assert found.result.placed == 2
    assert found.result.observed_share == 0.5
    assert found.result.followed == 1
    assert found.result.pairs["event_id"].tolist() == ["e1"]
    # Launches that can follow an event of the span: 2 May .. 31 December.
    assert found.result.outcomes == 2


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
    assert found.placed["record_id"].tolist() == ["e1"]
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
    assert found.placed["record_id"].tolist() == ["e2"]


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
    assert (nine.result.placed, nine.too_few) == (9, True)
    assert (ten.result.placed, ten.too_few) == (10, False)
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
    assert found.undated_outcomes == 1
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
    assert found.undated_outcomes == 1


# --- Uncertainty: the Wilson interval -------------------------------------------------------


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        # 5 of 10: centre (0.5 + z²/20) / (1 + z²/10) = 0.5; half-width
        # z·sqrt(0.025 + z²/400) / (1 + z²/10) = 1.96 · 0.18602 / 1.38415 = 0.26341.
        (5, 10, 0.23659, 0.76341),
        # 0 of 10: the interval is not empty at 0, its top is z²/10 / (1 + z²/10) = 0.27753.
        (0, 10, 0.0, 0.27753),
        (10, 10, 0.72247, 1.0),
        # 1 of 4: centre (0.25 + 0.48021) / 1.96037 = 0.37249; half
        # 1.96 · sqrt(0.046875 + 0.24010) / 1.96037 = 0.53560.
        (1, 4, 0.04560, 0.69936),
    ],
)
def test_wilson_interval_known_answers(successes, trials, low, high):
    assert lag.wilson_interval(successes, trials) == pytest.approx((low, high), abs=1e-4)


def test_wilson_interval_of_no_trials_is_undefined():
    assert all(np.isnan(lag.wilson_interval(0, 0)))


# --- The circular-shift baseline ------------------------------------------------------------


def test_shifted_shares_keep_the_spacing_of_the_dates():
    # Span: days 0..99. Launches on days 5, 15, ..., 105; window 5. A date d is followed
    # exactly when d mod 10 is 0..4. Events on days 0 and 50 share their residue, so a shift
    # makes both followed or neither: every shift gives 0 or 1, never one half, and shift s
    # gives 1 exactly when s mod 10 < 5.
    launches = np.arange(5, 106, 10)
    shares = lag.shifted_shares(np.array([0, 50]), launches, 5, (0, 99), np.arange(100))
    np.testing.assert_array_equal(shares, [1.0 if s % 10 < 5 else 0.0 for s in range(100)])


def test_shifted_dates_wrap_from_the_end_of_the_span_to_its_start():
    # Shifting day 95 by 10 in a span 0..99 lands on day 5, followed by a launch on day 6;
    # without the wrap it would be day 105, past the span.
    shares = lag.shifted_shares(np.array([95]), np.array([6]), 1, (0, 99), np.array([0, 10]))
    np.testing.assert_array_equal(shares, [0.0, 1.0])


def test_periodic_design_every_shift_gives_the_same_share():
    # A launch every 10 days and a 10-day window: any date is followed, however shifted.
    days = pd.date_range("2020-01-01", periods=10, freq="10D")
    events = _events(*days)
    launches = _launches(*pd.date_range("2020-01-05", periods=11, freq="10D"))
    period = (days[0], days[0] + pd.Timedelta(days=99))
    result = lag.action_reaction(events, launches, 10, period, permutations=300, seed=2)
    assert result.observed_share == 1.0
    np.testing.assert_array_equal(result.shift_shares, np.ones(300))
    assert (result.shift_mean, result.shift_range) == (1.0, (1.0, 1.0))
    # Every draw does as well as observed: p = (1 + 300) / (300 + 1).
    assert result.shift_p_value == 1.0


def _campaign():
    # A 40-day span; a campaign of launches on days 20..29; ten events on days 17..26, each
    # followed within 3 days. Event d is followed when d is in 17..28 (12 of 40 days).
    day0 = pd.Timestamp("2020-01-01")
    at = lambda days: [day0 + pd.Timedelta(days=int(d)) for d in days]  # noqa: E731
    events = _events(*at(range(17, 27)))
    launches = _launches(*at(range(20, 30)))
    return events, launches, (day0, day0 + pd.Timedelta(days=39))


def test_bunched_dates_the_uniform_baseline_overstates_and_the_shift_does_not():
    events, launches, period = _campaign()
    # By hand, over all 40 shifts: the block of ten stays inside 17..28 only for shifts 0, 1, 2.
    every = lag.shifted_shares(np.arange(17, 27), np.arange(20, 30), 3, (0, 39), np.arange(40))
    assert np.flatnonzero(every == 1.0).tolist() == [0, 1, 2]
    result = lag.action_reaction(events, launches, 3, period, permutations=2000, seed=4)
    assert result.observed_share == 1.0
    # Ten independent dates each followed with chance 12/40: all ten about 6 in a million.
    assert result.p_value == pytest.approx(1 / 2001)
    assert result.baseline_mean == pytest.approx(12 / 40, abs=0.02)
    # Shifts: about 3 in 40 do as well, so p is near 0.075, not significant.
    assert result.shift_p_value == pytest.approx(3 / 40, abs=0.02)
    assert result.overstated and not result.understated
    # The stated basis: every launch day has another within 3 days, against
    # 1 - (1 - 6/40)^9 = 0.768 for ten days spread at random over 40.
    launch_days = result.outcome_clustering
    assert (launch_days.days, launch_days.close) == (10, 10)
    assert launch_days.expected == pytest.approx(1 - (34 / 40) ** 9)


def test_spread_dates_the_baselines_agree():
    # Ten events 90 days apart, each followed 2 days later: significant either way.
    starts = pd.date_range("2020-01-01", periods=10, freq="90D")
    events, launches = _events(*starts), _launches(*(starts + pd.Timedelta(days=2)))
    period = (pd.Timestamp("2020-01-01"), pd.Timestamp("2022-09-27"))
    result = lag.action_reaction(events, launches, 3, period, permutations=500, seed=1)
    # All ten stay followed only for a shift of 0, 1 or 2 days of the 1,001.
    assert result.shift_p_value < 0.05 and result.p_value < 0.05
    assert not (result.overstated or result.understated)


def test_clustering_counts_days_with_a_neighbour_within_the_window():
    # Days 0 and 2 are 2 apart, 30 and 31 are 1 apart, 10 is alone; the repeated day 31
    # (a salvo) counts once.
    found = lag.clustering(np.array([0, 2, 10, 30, 31, 31]), 3, 100)
    assert (found.days, found.close, found.share) == (5, 4, 0.8)
    assert found.expected == pytest.approx(1 - (1 - 6 / 100) ** 4)


def test_both_baselines_are_reproducible_with_their_seed():
    events, launches, period = _campaign()
    first = lag.action_reaction(events, launches, 3, period, permutations=100, seed=9)
    second = lag.action_reaction(events, launches, 3, period, permutations=100, seed=9)
    np.testing.assert_array_equal(first.shift_shares, second.shift_shares)
    assert first.baseline_range == second.baseline_range


# --- The reverse direction: events after launch days ---------------------------------------


def _reverse_case():
    # Launch days: 10 January (a salvo: two launch events), 1 February, 1 March, 16 March
    # 2020, plus a launch known only to the month. Sanctions: 12 January (2 days after the
    # salvo) and 20 March (19 days after 1 March), and one known only to the month.
    launches = pd.concat(
        [
            _launches("2020-01-10", "2020-01-10", "2020-02-01", "2020-03-01", "2020-03-16"),
            _launches("2020-02-01", precision="month").assign(launch_id="l-month"),
        ],
        ignore_index=True,
    )
    events = pd.concat(
        [
            _events("2020-01-12", "2020-03-20"),
            _events("2020-02-01", precision="month").assign(event_id="e-month"),
        ],
        ignore_index=True,
    )
    return events, launches


def test_answers_to_launches_counts_launch_days_not_launch_events():
    events, launches = _reverse_case()
    dated = launches[launches["date_precision"] == "day"].iloc[:4]
    period = (pd.Timestamp("2020-01-01"), pd.Timestamp("2020-03-13"))
    result = lag.answers_to_launches(dated, events.iloc[:2], 7, period, permutations=50)
    # Three launch days; only 10 January has a sanctions event 1..7 days later.
    assert (result.placed, result.followed) == (3, 1)
    assert result.observed_share == pytest.approx(1 / 3)
    assert result.interval == pytest.approx(lag.wilson_interval(1, 3))
    # Both launch events of the salvo are paired with the 12 January event, 2 days later.
    assert result.pairs["launch_id"].tolist() == ["l0", "l1"]
    assert result.pairs["event_id"].tolist() == ["e0", "e0"]
    assert result.pairs["lag_days"].tolist() == [2, 2]
    assert result.direction == lag.AFTER_LAUNCHES


def test_reverse_span_ends_the_window_before_the_last_event_and_leaves_out_launches():
    events, launches = _reverse_case()
    question = lag.Question("sanctions", 7, permutations=50, direction=lag.AFTER_LAUNCHES)
    found = _study(events, launches, question)
    # Starts at the later of the two records' starts (the first sanctions event, 12 January,
    # after the first launch, 10 January); ends 7 days before the last sanctions event, so
    # every launch day's window lies inside the sanctions record.
    assert (found.start.day, found.start.what) == (
        pd.Timestamp("2020-01-12"),
        "first sanctions event dated to the day",
    )
    assert (found.end.day, found.end.what) == (
        pd.Timestamp("2020-03-13"),
        "7 days before the last sanctions event dated to the day, 2020-03-20",
    )
    reasons = dict(zip(found.left_out["record_id"], found.left_out["reason"], strict=True))
    assert reasons == {
        "l0": "before the first sanctions event dated to the day",
        "l1": "before the first sanctions event dated to the day",
        "l-month": "dated only to the month",
        # Its window (17..23 March) runs past the sanctions record's last day, 20 March.
        "l4": "less than 7 days before the last sanctions event dated to the day "
        "(2020-03-20), so the window is not fully recorded",
    }
    assert found.placed["record_id"].tolist() == ["l2", "l3"]
    # Neither 1 February nor 1 March is followed within 7 days; the month-dated event of
    # February cannot count and is counted out loud.
    assert (found.result.placed, found.result.followed) == (2, 0)
    assert found.undated_outcomes == 1
    assert found.too_few


def test_reverse_direction_says_when_the_sidebar_hides_the_event_type():
    events, launches = _reverse_case()
    question = lag.Question("sanctions", 7, permutations=20, direction=lag.AFTER_LAUNCHES)
    found = _study(events, launches, question, (events.iloc[0:0], launches))
    assert found.unavailable == "The sidebar filters hide every sanctions event."


def test_summary_table_carries_the_interval_and_both_baselines():
    events, launches = _span_case()
    found = _study(events, launches, lag.Question("sanctions", 10, permutations=50))
    row = lag.summary_table(found).iloc[0]
    result = found.result
    assert (row["placed"], row["followed"]) == (2, 1)
    assert (row["wilson_95_low"], row["wilson_95_high"]) == result.interval
    assert (row["uniform_p"], row["shift_p"]) == (result.p_value, result.shift_p_value)
    assert (row["shift_2_5"], row["shift_97_5"]) == result.shift_range
    assert row["span_start"] == pd.Timestamp("2020-05-01").date()
