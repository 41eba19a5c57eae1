"""Action and reaction: does one kind of record follow another more often than chance?

Two directions. After events: for each event of a type, are there launches whose KST date falls
1..N days after the event's start date? After launches: for each launch day, are there events
of the type starting 1..N days later? Same-day pairs are left out: the order within a day is
unknown. The share of "placed" dates (events, or launch days) followed at least once is given
with a Wilson 95 % interval and compared with two seeded chance levels over the study span:

- uniform: each placed date put at random, independently, anywhere in the span;
- circular shift: all placed dates moved together by one random number of days, wrapping at
  the span's end, which keeps their spacing. Launches come in salvos and campaigns, events in
  rounds; independent random dates break those bursts up, so the uniform baseline varies less
  than the real share can, and its p-value can be too small. The shift keeps the bursts.

The p-value of each is the share of its draws doing at least as well as observed.

The span matters because the records are collected unevenly: launches cover decades while a
kind of diplomatic event may be recorded for a few years only. Outside the years in which
both are collected, "nothing followed" and "nothing was recorded" look the same, so the span
is where both are collected (and the sidebar's date range allows), and neither the observed
nor the random dates may fall outside it.
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
# Which record comes first: launches after events of a type, or events of a type after launches.
AFTER_EVENTS, AFTER_LAUNCHES = "after_events", "after_launches"
DIRECTIONS = (AFTER_EVENTS, AFTER_LAUNCHES)
# Two-sided 95 % normal quantile, for the Wilson interval.
Z_95 = 1.959963984540054
# The level at which the two baselines are said to disagree (one below it, the other not).
SIGNIFICANCE = 0.05


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a share: unlike p ± z·se it stays in 0..1 and is not empty
    at 0 or n successes, which matters with the few dozen events a type has."""
    if trials <= 0:
        return (float("nan"), float("nan"))
    share = successes / trials
    z2 = z * z
    centre = (share + z2 / (2 * trials)) / (1 + z2 / trials)
    half = (
        z * np.sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    )
    return (float(max(0.0, centre - half)), float(min(1.0, centre + half)))


@dataclass(frozen=True)
class Clustering:
    """How tightly a set of days bunches: days with another day of the set within N days."""

    days: int  # distinct days
    close: int  # of them, days with another day of the set 1..N days before or after
    expected: float  # the share expected were as many days spread at random over the span

    @property
    def share(self) -> float:
        return self.close / self.days if self.days else float("nan")


def clustering(days: np.ndarray, window: int, span_days: int) -> Clustering:
    """Share of distinct days with a neighbour within `window` days, and its chance level.

    The chance level is 1 - (1 - 2N/L)^(m-1) for m days placed independently over L days
    (ignoring the span's edges): a share well above it means the days come in bursts.
    """
    distinct = np.unique(days)
    if distinct.size == 0:
        return Clustering(0, 0, float("nan"))
    near = np.diff(distinct) <= window
    close = np.zeros(distinct.size, dtype=bool)
    close[1:] |= near
    close[:-1] |= near
    reach = min(1.0, 2 * window / span_days) if span_days > 0 else 1.0
    expected = 1 - (1 - reach) ** (distinct.size - 1)
    return Clustering(int(distinct.size), int(close.sum()), float(expected))


@dataclass(frozen=True)
class LagResult:
    """One direction's result. "Placed" dates are those whose followers are counted (events
    of the type, or launch days); "outcomes" are the records looked for 1..N days later."""

    window_days: int
    placed: int  # events of the type, or launch days: what the share is a share of
    outcomes: int  # launch events, or events of the type, that can fall in some window
    pairs: pd.DataFrame  # every (placed record, outcome) pair 1..N days apart, with lag_days
    followed: int  # placed dates with at least one outcome within the window
    baseline_shares: np.ndarray  # the share for each uniform random placement
    p_value: float
    period: tuple[pd.Timestamp, pd.Timestamp]  # first and last day random dates may take
    shift_shares: np.ndarray  # the share for each circular shift of all placed dates together
    shift_p_value: float
    placed_clustering: Clustering
    outcome_clustering: Clustering
    direction: str = AFTER_EVENTS

    @property
    def observed_share(self) -> float:
        """Share of placed dates followed by at least one outcome within the window."""
        return self.followed / self.placed if self.placed else float("nan")

    @property
    def interval(self) -> tuple[float, float]:
        """Wilson 95 % interval for the observed share."""
        return wilson_interval(self.followed, self.placed)

    @property
    def baseline_mean(self) -> float:
        return float(self.baseline_shares.mean()) if self.baseline_shares.size else float("nan")

    @property
    def baseline_range(self) -> tuple[float, float]:
        """The middle 95 % (2.5th to 97.5th percentile) of the uniform placements' shares."""
        return _middle_95(self.baseline_shares)

    @property
    def shift_mean(self) -> float:
        return float(self.shift_shares.mean()) if self.shift_shares.size else float("nan")

    @property
    def shift_range(self) -> tuple[float, float]:
        return _middle_95(self.shift_shares)

    @property
    def ratio(self) -> float:
        """Observed share over the uniform baseline mean (1 = no more than chance)."""
        mean = self.baseline_mean
        return self.observed_share / mean if mean > 0 else float("nan")

    @property
    def overstated(self) -> bool:
        """Uniform placement calls the result significant, the circular shift does not:
        bunched dates make independent random dates too easy to beat."""
        return self.p_value < SIGNIFICANCE <= self.shift_p_value

    @property
    def understated(self) -> bool:
        """The reverse disagreement: only the circular shift calls the result significant."""
        return self.shift_p_value < SIGNIFICANCE <= self.p_value


def _middle_95(shares: np.ndarray) -> tuple[float, float]:
    if not shares.size:
        return (float("nan"), float("nan"))
    low, high = np.percentile(shares, [2.5, 97.5])
    return (float(low), float(high))


def _day_numbers(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy(dtype="datetime64[D]").astype(np.int64)


def _followed(placed_days: np.ndarray, sorted_outcomes: np.ndarray, window: int) -> np.ndarray:
    """For each placed day (any shape), whether an outcome falls 1..window days later."""
    first = np.searchsorted(sorted_outcomes, placed_days + 1, side="left")
    last = np.searchsorted(sorted_outcomes, placed_days + window, side="right")
    return last > first


def followed_share(event_days: np.ndarray, launch_days: np.ndarray, window: int) -> float:
    """Share of event days with at least one launch day 1..window days later."""
    if event_days.size == 0:
        return float("nan")
    return float(np.mean(_followed(event_days, np.sort(launch_days), window)))


def shifted_shares(
    placed_days: np.ndarray,
    outcome_days: np.ndarray,
    window: int,
    span: tuple[int, int],
    shifts: np.ndarray,
) -> np.ndarray:
    """The share for each circular shift: every placed day moved by the same number of days,
    wrapping from the span's last day to its first, so their spacing (bursts, gaps) is kept."""
    start, end = span
    length = end - start + 1
    offsets = placed_days - start
    moved = start + (offsets[None, :] + np.asarray(shifts)[:, None]) % length
    return _followed(moved, np.sort(outcome_days), window).mean(axis=1)


def _p_value(shares: np.ndarray, observed: float) -> float:
    """One-sided, counting the observed placement as one of the draws (never exactly 0)."""
    if not shares.size:
        return float("nan")
    return float((1 + np.sum(shares >= observed)) / (shares.size + 1))


def _result(
    placed_days: np.ndarray,
    outcome_days: np.ndarray,
    window: int,
    period: tuple[pd.Timestamp, pd.Timestamp],
    permutations: int,
    seed: int,
    pairs: pd.DataFrame,
    direction: str,
) -> LagResult:
    start, end = (int(np.datetime64(p.date(), "D").astype(np.int64)) for p in period)
    outcomes_sorted = np.sort(outcome_days)
    followed = int(_followed(placed_days, outcomes_sorted, window).sum())
    observed = followed / placed_days.size if placed_days.size else float("nan")
    rng = np.random.default_rng(seed)
    # All placements at once, one row each: a single sorted search instead of a Python loop.
    random_days = rng.integers(start, end + 1, size=(permutations, placed_days.size))
    shifts = rng.integers(0, end - start + 1, size=permutations)
    if placed_days.size:
        baseline = _followed(random_days, outcomes_sorted, window).mean(axis=1)
        shifted = shifted_shares(placed_days, outcome_days, window, (start, end), shifts)
    else:
        baseline = shifted = np.empty(0)
    span_days = end - start + 1
    return LagResult(
        window_days=window,
        placed=int(placed_days.size),
        outcomes=int(outcome_days.size),
        pairs=pairs,
        followed=followed,
        baseline_shares=baseline,
        p_value=_p_value(baseline, observed),
        period=(pd.Timestamp(period[0]), pd.Timestamp(period[1])),
        shift_shares=shifted,
        shift_p_value=_p_value(shifted, observed),
        placed_clustering=clustering(placed_days, window, span_days),
        outcome_clustering=clustering(outcome_days, window, span_days),
        direction=direction,
    )


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


def answer_pairs(launches: pd.DataFrame, events: pd.DataFrame, window: int) -> pd.DataFrame:
    """Every (launch, event) pair with the event starting 1..window days after the launch."""
    left = launches[["launch_id", "date_local", "missile_class", "count"]].rename(
        columns={"date_local": "launch_date"}
    )
    right = events[["event_id", "title", "date_start"]].rename(columns={"date_start": "event_date"})
    pairs = left.merge(right, how="cross")
    pairs["lag_days"] = (pairs["event_date"] - pairs["launch_date"]).dt.days
    pairs = pairs[(pairs["lag_days"] >= 1) & (pairs["lag_days"] <= window)]
    return pairs.sort_values(["launch_date", "lag_days", "launch_id"]).reset_index(drop=True)


def action_reaction(
    events: pd.DataFrame,
    launches: pd.DataFrame,
    window: int,
    period: tuple[pd.Timestamp, pd.Timestamp],
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
) -> LagResult:
    """Launches 1..N days after each event, and both baselines over `period` (first, last day)."""
    return _result(
        _day_numbers(events["date_start"]),
        _day_numbers(launches["date_local"]),
        window,
        period,
        permutations,
        seed,
        lag_pairs(events, launches, window),
        AFTER_EVENTS,
    )


def answers_to_launches(
    launches: pd.DataFrame,
    events: pd.DataFrame,
    window: int,
    period: tuple[pd.Timestamp, pd.Timestamp],
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
) -> LagResult:
    """Events 1..N days after each launch day, and both baselines over `period`.

    The unit is the launch day, not the launch event: several launches on one day (a salvo,
    or two sites) are one occasion for an answer, and counting each would weigh salvos.
    """
    return _result(
        np.unique(_day_numbers(launches["date_local"])),
        _day_numbers(events["date_start"]),
        window,
        period,
        permutations,
        seed,
        answer_pairs(launches, events, window),
        AFTER_LAUNCHES,
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
    """What the analyst asks: an event type, a window of N days, which record comes first,
    and the sidebar's dates."""

    event_type: str
    window: int
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    permutations: int = DEFAULT_PERMUTATIONS
    seed: int = DEFAULT_SEED
    direction: str = AFTER_EVENTS

    @property
    def type_label(self) -> str:
        return self.event_type.replace("_", " ")

    @property
    def after_launches(self) -> bool:
        return self.direction == AFTER_LAUNCHES

    @property
    def placed_noun(self) -> tuple[str, str]:
        """What the share is a share of (singular, plural), as the panel names it."""
        if self.after_launches:
            return ("launch", "launches")
        return (f"{self.type_label} event", f"{self.type_label} events")

    @property
    def outcome_noun(self) -> tuple[str, str]:
        if self.after_launches:
            return (f"{self.type_label} event", f"{self.type_label} events")
        return ("launch", "launches")


@dataclass(frozen=True)
class Bound:
    """One end of the span, what sets it, and what a record beyond it is told."""

    day: pd.Timestamp
    what: str  # e.g. "first launch dated to the day"
    reason: str  # why a record beyond this bound is left out


# The placed records in one shape, whichever table they come from.
RECORD_COLUMNS = ["record_id", "title", "date", "date_precision"]


@dataclass(frozen=True)
class Study:
    question: Question
    start: Bound | None  # None when no span can be formed (see `unavailable`)
    end: Bound | None
    placed: pd.DataFrame  # placed records inside the span (RECORD_COLUMNS): what it rests on
    left_out: pd.DataFrame  # placed records left out: RECORD_COLUMNS and reason
    undated_outcomes: int  # outcome records in view not dated to the day, left out
    result: LagResult | None
    unavailable: str | None  # why there is no result, in plain words

    @property
    def span_days(self) -> int:
        if self.start is None or self.end is None or self.start.day > self.end.day:
            return 0
        return int((self.end.day - self.start.day).days) + 1

    @property
    def too_few(self) -> bool:
        return self.result is None or self.result.placed < TOO_FEW_EVENTS

    def left_out_counts(self) -> dict[str, int]:
        """How many records each reason leaves out, most frequent first."""
        counts = self.left_out["reason"].value_counts(sort=False)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return {str(reason): int(n) for reason, n in ranked}


def _day(value: dt.date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def study_span(
    all_events: pd.DataFrame, all_launches: pd.DataFrame, q: Question
) -> tuple[Bound, Bound] | None:
    """First and last day a placed record may have to be studied, each with what sets it.

    The span runs over the days on which the event type is collected (its first to last event
    dated to the day, in the whole dataset) and launches are collected (first to last launch
    dated to the day), within the sidebar's date range. Its end is pulled back by the window
    at the end of the record looked for (launches, or events of the type when the question
    is what follows launches) and of the date range: a date fewer than N days before it has
    part of its window where nothing could have been seen.
    """
    events = dated_events(all_events, q.event_type)["date_start"]
    launches = dated_launches(all_launches)["date_local"]
    if events.empty or launches.empty:
        return None
    kind = q.type_label
    window = pd.Timedelta(days=q.window)
    first_launch, last_launch = _day(launches.min()), _day(launches.max())
    last_event = _day(events.max())
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
    if q.after_launches:
        ends = [
            Bound(
                last_launch,
                "last launch dated to the day",
                "after the last launch dated to the day",
            ),
            Bound(
                last_event - window,
                f"{q.window} days before the last {kind} event dated to the day, "
                f"{last_event:%Y-%m-%d}",
                f"less than {q.window} days before the last {kind} event dated to the day "
                f"({last_event:%Y-%m-%d}), so the window is not fully recorded",
            ),
        ]
    else:
        ends = [
            Bound(
                last_event,
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


def _as_records(frame: pd.DataFrame, after_launches: bool) -> pd.DataFrame:
    """Events or launches in the one shape of RECORD_COLUMNS (keeping the original columns)."""
    if after_launches:
        what = frame["missile_name"].fillna(frame["missile_class"]).astype(str)
        return frame.assign(
            record_id=frame["launch_id"],
            title="launch: " + what + " (" + frame["count"].astype(str) + ")",
            date=frame["date_local"],
        )
    return frame.assign(record_id=frame["event_id"], date=frame["date_start"])


def study(
    events_in_view: pd.DataFrame,
    launches_in_view: pd.DataFrame,
    all_events: pd.DataFrame,
    all_launches: pd.DataFrame,
    q: Question,
) -> Study:
    """The action-reaction analysis for one question, with everything it leaves out and why.

    `*_in_view` are the tables after the sidebar filters; `all_*` the whole dataset, which
    says over which days each kind of record is collected. After events, the placed records
    are the events of the type and the outcomes launches; after launches, the other way round.
    """
    one, many = q.placed_noun
    of_type = events_in_view[events_in_view["event_type"] == q.event_type]
    placed_all, outcome_all = (
        (launches_in_view, of_type) if q.after_launches else (of_type, launches_in_view)
    )
    placed_all = _as_records(placed_all, q.after_launches)
    undated = placed_all[placed_all["date_precision"] != "day"]
    dated = placed_all[placed_all["date_precision"] == "day"]
    outcomes = outcome_all[outcome_all["date_precision"] == "day"]
    undated_outcomes = len(outcome_all) - len(outcomes)
    left_out = [undated.assign(reason="dated only to the " + undated["date_precision"].astype(str))]
    bounds = study_span(all_events, all_launches, q)
    start = end = None
    unavailable = None
    if bounds is None:
        unavailable = (
            f"No {q.type_label} event in the dataset is dated to the day, so no lag can be "
            "measured."
            if dated_events(all_events, q.event_type).empty
            else "No launch in the dataset is dated to the day, so no lag can be measured."
        )
        inside = dated.iloc[0:0]
        left_out.append(
            dated.assign(reason=f"with no {q.outcome_noun[0]} dated to the day to compare")
        )
    else:
        start, end = bounds
        before = dated["date"] < start.day
        after = ~before & (dated["date"] > end.day)
        inside = dated[~before & ~after]
        left_out += [
            dated[before].assign(reason=start.reason),
            dated[after].assign(reason=end.reason),
        ]
        outcome_one, outcome_many = q.outcome_noun
        if placed_all.empty:
            unavailable = f"The sidebar filters hide every {one}."
        elif dated.empty:
            unavailable = f"None of the {many} in view is dated to the day."
        elif start.day > end.day:
            unavailable = (
                f"No span is left to study: it would start on {start.day:%Y-%m-%d} "
                f"({start.what}) but end on {end.day:%Y-%m-%d} ({end.what})."
            )
        elif inside.empty:
            unavailable = f"None of the {many} in view falls inside the span."
        elif outcome_all.empty:
            unavailable = f"The sidebar filters hide every {outcome_one}."
        elif outcomes.empty:
            unavailable = f"The sidebar filters hide every {outcome_one} dated to the day."
    result = None
    if unavailable is None:
        # Only outcomes that can fall in some window: 1..N days after a day of the span.
        outcome_dates = outcomes["date_start" if q.after_launches else "date_local"]
        reach = outcome_dates.between(
            start.day + pd.Timedelta(days=1), end.day + pd.Timedelta(days=q.window)
        )
        measure = answers_to_launches if q.after_launches else action_reaction
        result = measure(
            inside,
            outcomes[reach],
            q.window,
            (start.day, end.day),
            permutations=q.permutations,
            seed=q.seed,
        )
    columns = [*RECORD_COLUMNS, "reason"]
    left = pd.concat(left_out, ignore_index=True)
    left = left[columns] if not left.empty else pd.DataFrame(columns=columns)
    return Study(
        question=q,
        start=start,
        end=end,
        placed=inside[RECORD_COLUMNS].reset_index(drop=True),
        left_out=left.sort_values("date", kind="stable").reset_index(drop=True),
        undated_outcomes=undated_outcomes,
        result=result,
        unavailable=unavailable,
    )


def summary_table(found: Study) -> pd.DataFrame:
    """The result in one row, for the CSV download: what was asked, the span, the counts,
    the interval and both baselines, so a saved file carries its own uncertainty."""
    q, r = found.question, found.result
    if r is None:
        return pd.DataFrame()
    low, high = r.interval
    uniform_low, uniform_high = r.baseline_range
    shift_low, shift_high = r.shift_range
    launches, events = (
        (r.placed_clustering, r.outcome_clustering)
        if q.after_launches
        else (r.outcome_clustering, r.placed_clustering)
    )
    row = {
        "direction": q.direction,
        "event_type": q.event_type,
        "window_days": q.window,
        "span_start": found.start.day.date(),
        "span_end": found.end.day.date(),
        "placed": r.placed,
        "placed_are": "launch days" if q.after_launches else f"{q.type_label} events",
        "followed": r.followed,
        "observed_share": r.observed_share,
        "wilson_95_low": low,
        "wilson_95_high": high,
        "uniform_mean": r.baseline_mean,
        "uniform_2_5": uniform_low,
        "uniform_97_5": uniform_high,
        "uniform_p": r.p_value,
        "shift_mean": r.shift_mean,
        "shift_2_5": shift_low,
        "shift_97_5": shift_high,
        "shift_p": r.shift_p_value,
        "draws_each": r.baseline_shares.size,
        "seed": q.seed,
        "launch_days_clustered_share": launches.share,
        "launch_days_clustered_expected": launches.expected,
        "events_clustered_share": events.share,
        "events_clustered_expected": events.expected,
    }
    return pd.DataFrame([row])
