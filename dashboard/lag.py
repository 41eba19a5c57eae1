"""Action and reaction: do launches follow a kind of diplomatic event more often than chance?

For each event, the launches whose KST date falls 1..N days after the event's start date are
"followed" launches (same-day launches are left out: the order within a day is unknown).
The observed share of events followed by at least one launch is compared with the same share
for event dates placed uniformly at random over the study period (a seeded permutation
baseline); the p-value is the share of random placements doing at least as well.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_PERMUTATIONS = 2000
DEFAULT_SEED = 20220114


@dataclass(frozen=True)
class LagResult:
    window_days: int
    events: int
    launches: int
    pairs: pd.DataFrame  # event_id, event_date, launch_id, launch_date, lag_days
    observed_share: float  # share of events followed by >= 1 launch within the window
    baseline_shares: np.ndarray  # the same share for each random placement
    p_value: float

    @property
    def baseline_mean(self) -> float:
        return float(self.baseline_shares.mean()) if self.baseline_shares.size else float("nan")

    @property
    def ratio(self) -> float:
        """Observed share over the baseline mean (1 = no more than chance)."""
        mean = self.baseline_mean
        return self.observed_share / mean if mean > 0 else float("nan")


def _day_numbers(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy(dtype="datetime64[D]").astype(np.int64)


def followed_share(event_days: np.ndarray, launch_days: np.ndarray, window: int) -> float:
    """Share of event days with at least one launch day 1..window days later."""
    if event_days.size == 0:
        return float("nan")
    launches = np.sort(launch_days)
    first = np.searchsorted(launches, event_days + 1, side="left")
    last = np.searchsorted(launches, event_days + window, side="right")
    return float(np.mean(last > first))


def lag_pairs(events: pd.DataFrame, launches: pd.DataFrame, window: int) -> pd.DataFrame:
    """Every (event, launch) pair with the launch 1..window days after the event starts."""
    left = events[["event_id", "title", "date_start"]].rename(columns={"date_start": "event_date"})
    right = launches[["launch_id", "date_local", "missile_class", "count"]].rename(
        columns={"date_local": "launch_date"}
    )
    pairs = left.merge(right, how="cross")
    pairs["lag_days"] = (pairs["launch_date"] - pairs["event_date"]).dt.days
    pairs = pairs[(pairs["lag_days"] >= 1) & (pairs["lag_days"] <= window)]
    return pairs.sort_values(["event_date", "lag_days"]).reset_index(drop=True)


def action_reaction(
    events: pd.DataFrame,
    launches: pd.DataFrame,
    window: int,
    period: tuple[pd.Timestamp, pd.Timestamp],
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
) -> LagResult:
    """Observed lags and the permutation baseline over `period` (first and last day)."""
    event_days = _day_numbers(events["date_start"])
    launch_days = _day_numbers(launches["date_local"])
    observed = followed_share(event_days, launch_days, window)
    start, end = (int(np.datetime64(p.date(), "D").astype(np.int64)) for p in period)
    rng = np.random.default_rng(seed)
    baseline = np.empty(permutations if event_days.size else 0)
    for i in range(baseline.size):
        random_days = rng.integers(start, end + 1, size=event_days.size)
        baseline[i] = followed_share(random_days, launch_days, window)
    p_value = (
        float((1 + np.sum(baseline >= observed)) / (baseline.size + 1))
        if baseline.size
        else float("nan")
    )
    return LagResult(
        window_days=window,
        events=int(event_days.size),
        launches=int(launch_days.size),
        pairs=lag_pairs(events, launches, window),
        observed_share=observed,
        baseline_shares=baseline,
        p_value=p_value,
    )


def dated_events(events: pd.DataFrame, event_type: str) -> pd.DataFrame:
    """Events of one type whose sources date them to the day (others cannot give a lag)."""
    return events[(events["event_type"] == event_type) & (events["date_precision"] == "day")]
