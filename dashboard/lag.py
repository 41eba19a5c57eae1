"""Action and reaction: do launches follow a kind of diplomatic event more often than chance?

For each event, the launches whose KST date falls 1..N days after the event's start date are
"followed" launches (same-day launches are left out: the order within a day is unknown).
The observed share of events followed by at least one launch is compared with the same share
for event dates placed uniformly at random over the study span (a seeded permutation
baseline); the p-value is the share of random placements doing at least as well.

The span matters because the records are collected unevenly: launches cover decades while a
kind of diplomatic event may be recorded for a few years only. Outside the years in which
both are collected, "no launch followed" and "no event was recorded" look the same, so the
span is where both are collected (and the sidebar's date range allows), and neither the
observed events nor the random dates may fall outside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_PERMUTATIONS = 2000
DEFAULT_SEED = 20220114
# Below this many events a share moves by 10 points or more per event: no basis for a finding.
TOO_FEW_EVENTS = 10


@dataclass(frozen=True)
class LagResult:
    window_days: int
    events: int
    launches: int
    pairs: pd.DataFrame  # event_id, event_date, launch_id, launch_date, lag_days
    observed_share: float  # share of events followed by >= 1 launch within the window
    baseline_shares: np.ndarray  # the same share for each random placement
    p_value: float
    period: tuple[pd.Timestamp, pd.Timestamp]  # first and last day random dates may take

    @property
    def baseline_mean(self) -> float:
        return float(self.baseline_shares.mean()) if self.baseline_shares.size else float("nan")

    @property
    def ratio(self) -> float:
        """Observed share over the baseline mean (1 = no more than chance)."""
        mean = self.baseline_mean
        return self.observed_share / mean if mean > 0 else float("nan")

    @property
    def followed(self) -> int:
        """How many events had at least one launch within the window."""
        return int(self.pairs["event_id"].nunique()) if not self.pairs.empty else 0


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
    # All placements at once, one row each: a single sorted search instead of a Python loop.
    random_days = rng.integers(start, end + 1, size=(permutations, event_days.size))
    launches_sorted = np.sort(launch_days)
    first = np.searchsorted(launches_sorted, random_days + 1, side="left")
    last = np.searchsorted(launches_sorted, random_days + window, side="right")
    baseline = (last > first).mean(axis=1) if event_days.size else np.empty(0)
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
        period=(pd.Timestamp(period[0]), pd.Timestamp(period[1])),
    )


def dated_events(events: pd.DataFrame, event_type: str) -> pd.DataFrame:
    """Events of one type whose sources date them to the day (others cannot give a lag)."""
    return events[(events["event_type"] == event_type) & (events["date_precision"] == "day")]


def dated_launches(launches: pd.DataFrame) -> pd.DataFrame:
    """Launches dated to the day (a month- or year-dated launch cannot give a lag)."""
    return launches[launches["date_precision"] == "day"]


# --- The study: which span, which events, and why the others are left out -------------------


@dataclass(frozen=True)
class Question:
    """What the analyst asks: an event type, a window of N days, and the sidebar's dates."""

    event_type: str
    window: int
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    permutations: int = DEFAULT_PERMUTATIONS
    seed: int = DEFAULT_SEED

    @property
    def type_label(self) -> str:
        return self.event_type.replace("_", " ")


@dataclass(frozen=True)
class Bound:
    """One end of the span, what sets it, and what an event beyond it is told."""

    day: pd.Timestamp
    what: str  # e.g. "first launch dated to the day"
    reason: str  # why an event beyond this bound is left out


@dataclass(frozen=True)
class Study:
    question: Question
    start: Bound | None  # None when no span can be formed (see `unavailable`)
    end: Bound | None
    events: pd.DataFrame  # events of the type in view, inside the span: what the result rests on
    left_out: pd.DataFrame  # events of the type in view left out: title, date_start, reason
    undated_launches: int  # launches in view not dated to the day, left out
    result: LagResult | None
    unavailable: str | None  # why there is no result, in plain words

    @property
    def span_days(self) -> int:
        if self.start is None or self.end is None or self.start.day > self.end.day:
            return 0
        return int((self.end.day - self.start.day).days) + 1

    @property
    def too_few(self) -> bool:
        return self.result is None or self.result.events < TOO_FEW_EVENTS

    def left_out_counts(self) -> dict[str, int]:
        """How many events each reason leaves out, most frequent first."""
        counts = self.left_out["reason"].value_counts(sort=False)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return {str(reason): int(n) for reason, n in ranked}


def _day(value: dt.date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def study_span(
    all_events: pd.DataFrame, all_launches: pd.DataFrame, q: Question
) -> tuple[Bound, Bound] | None:
    """First and last day an event may have to be studied, each with what sets it.

    The span runs over the days on which the event type is collected (its first to last event
    dated to the day, in the whole dataset) and launches are collected (first to last launch
    dated to the day), within the sidebar's date range. Its end is pulled back by the window:
    an event fewer than N days before the last recorded launch (or the end of the date range)
    has part of its window where no launch could have been seen.
    """
    events = dated_events(all_events, q.event_type)["date_start"]
    launches = dated_launches(all_launches)["date_local"]
    if events.empty or launches.empty:
        return None
    kind = q.type_label
    window = pd.Timedelta(days=q.window)
    first_launch, last_launch = _day(launches.min()), _day(launches.max())
    starts = [
        Bound(
            _day(events.min()),
            f"first {kind} event dated to the day",
            f"before the first {kind} event dated to the day",
        ),
        Bound(
            first_launch,
            "first launch dated to the day",
            f"before the first launch dated to the day ({first_launch:%Y-%m-%d})",
        ),
    ]
    ends = [
        Bound(
            _day(events.max()),
            f"last {kind} event dated to the day",
            f"after the last {kind} event dated to the day",
        ),
        Bound(
            last_launch - window,
            f"{q.window} days before the last launch dated to the day, {last_launch:%Y-%m-%d}",
            f"less than {q.window} days before the last launch dated to the day "
            f"({last_launch:%Y-%m-%d}), so the window is not fully recorded",
        ),
    ]
    if q.date_from is not None:
        day = _day(q.date_from)
        starts.append(
            Bound(
                day,
                "start of the date range",
                f"starting before the date range ({day:%Y-%m-%d})",
            )
        )
    if q.date_to is not None:
        day = _day(q.date_to)
        ends.append(
            Bound(
                day - window,
                f"{q.window} days before the end of the date range, {day:%Y-%m-%d}",
                f"less than {q.window} days before the end of the date range "
                f"({day:%Y-%m-%d}), so the window is not fully in view",
            )
        )
    # max/min keep the first of equal bounds, so ties name the event type or the launches.
    return max(starts, key=lambda b: b.day), min(ends, key=lambda b: b.day)


def study(
    events_in_view: pd.DataFrame,
    launches_in_view: pd.DataFrame,
    all_events: pd.DataFrame,
    all_launches: pd.DataFrame,
    q: Question,
) -> Study:
    """The action-reaction analysis for one question, with everything it leaves out and why.

    `*_in_view` are the tables after the sidebar filters; `all_*` the whole dataset, which
    says over which days each kind of record is collected.
    """
    kind = q.type_label
    of_type = events_in_view[events_in_view["event_type"] == q.event_type]
    undated = of_type[of_type["date_precision"] != "day"]
    dated = of_type[of_type["date_precision"] == "day"]
    launches = dated_launches(launches_in_view)
    undated_launches = len(launches_in_view) - len(launches)
    left_out = [undated.assign(reason="dated only to the " + undated["date_precision"].astype(str))]
    bounds = study_span(all_events, all_launches, q)
    start = end = None
    unavailable = None
    if bounds is None:
        unavailable = (
            f"No {kind} event in the dataset is dated to the day, so no lag can be measured."
            if dated_events(all_events, q.event_type).empty
            else "No launch in the dataset is dated to the day, so no lag can be measured."
        )
        inside = dated.iloc[0:0]
        left_out.append(dated.assign(reason="with no launch dated to the day to compare"))
    else:
        start, end = bounds
        before = dated["date_start"] < start.day
        after = ~before & (dated["date_start"] > end.day)
        inside = dated[~before & ~after]
        left_out += [
            dated[before].assign(reason=start.reason),
            dated[after].assign(reason=end.reason),
        ]
        if of_type.empty:
            unavailable = f"The sidebar filters hide every {kind} event."
        elif dated.empty:
            unavailable = f"None of the {kind} events in view is dated to the day."
        elif start.day > end.day:
            unavailable = (
                f"No span is left to study: it would start on {start.day:%Y-%m-%d} "
                f"({start.what}) but end on {end.day:%Y-%m-%d} ({end.what})."
            )
        elif inside.empty:
            unavailable = f"None of the {kind} events in view falls inside the span."
        elif launches.empty:
            unavailable = "The sidebar filters hide every launch dated to the day."
    result = None
    if unavailable is None:
        # Only launches that can fall in some window: 1..N days after a day of the span.
        reach = launches["date_local"].between(
            start.day + pd.Timedelta(days=1), end.day + pd.Timedelta(days=q.window)
        )
        result = action_reaction(
            inside,
            launches[reach],
            q.window,
            (start.day, end.day),
            permutations=q.permutations,
            seed=q.seed,
        )
    columns = ["event_id", "title", "date_start", "date_precision", "reason"]
    left = pd.concat(left_out, ignore_index=True)
    left = left[columns] if not left.empty else pd.DataFrame(columns=columns)
    return Study(
        question=q,
        start=start,
        end=end,
        events=inside,
        left_out=left.sort_values("date_start", kind="stable").reset_index(drop=True),
        undated_launches=undated_launches,
        result=result,
        unavailable=unavailable,
    )
