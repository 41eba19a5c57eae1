"""The shared sidebar filters as a small frozen value, and pure functions applying them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Filters:
    """What the analyst has narrowed the data to. Empty tuples mean "all"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    states: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    review_statuses: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    confirmations: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()  # site names, as the sidebar shows them
    range_bands: tuple[str, ...] = ()
    apogee_bands: tuple[str, ...] = ()


@dataclass(frozen=True)
class Band:
    """A half-open interval [low, high) of kilometres with the label analysts filter by."""

    label: str
    low: float
    high: float | None = None


NOT_REPORTED = "not reported"
# The usual missile range classes (SRBM < 1,000 km, MRBM to 3,000, IRBM to 5,500, ICBM beyond),
# so a range band reads the same as the class a source would give.
RANGE_BANDS = (
    Band("under 1000 km", 0, 1000),
    Band("1000-3000 km", 1000, 3000),
    Band("3000-5500 km", 3000, 5500),
    Band("5500 km and over", 5500),
)
# Apogee: below 100 km barely leaves the atmosphere; over 1,000 km is a lofted long-range shot.
APOGEE_BANDS = (
    Band("under 100 km", 0, 100),
    Band("100-500 km", 100, 500),
    Band("500-1000 km", 500, 1000),
    Band("1000 km and over", 1000),
)


def band_labels(bands: tuple[Band, ...]) -> tuple[str, ...]:
    return (*(b.label for b in bands), NOT_REPORTED)


def band_of(values: pd.Series, bands: tuple[Band, ...]) -> pd.Series:
    """Each value's band label; NOT_REPORTED where the value is missing."""
    labels = pd.Series(NOT_REPORTED, index=values.index, dtype=object)
    for band in bands:
        inside = values >= band.low
        if band.high is not None:
            inside &= values < band.high
        labels[inside.fillna(False)] = band.label
    return labels


def present(order: Iterable[str], values: Iterable[str]) -> tuple[str, ...]:
    """The values of `order` that occur in `values`, in `order`'s order."""
    seen = set(values)
    return tuple(v for v in order if v in seen)


def _in_dates(dates: pd.Series, f: Filters) -> pd.Series:
    keep = pd.Series(True, index=dates.index)
    if f.date_from is not None:
        keep &= dates >= pd.Timestamp(f.date_from)
    if f.date_to is not None:
        keep &= dates <= pd.Timestamp(f.date_to)
    return keep


def _kept(frame: pd.DataFrame, keep: pd.Series) -> pd.DataFrame:
    """Rows where keep is true; the frame itself (no copy) when nothing is filtered out."""
    return frame if bool(keep.all()) else frame[keep]


def filter_launches(launches: pd.DataFrame, f: Filters) -> pd.DataFrame:
    keep = _in_dates(launches["date_local"], f)
    if f.states:
        keep &= launches["state"].isin(f.states)
    for column, chosen in (
        ("missile_class", f.classes),
        ("review_status", f.review_statuses),
        ("outcome", f.outcomes),
        ("confirmation", f.confirmations),
        ("site_name", f.sites),
    ):
        if chosen:
            keep &= launches[column].isin(chosen)
    for column, bands, chosen in (
        ("range_km", RANGE_BANDS, f.range_bands),
        ("apogee_km", APOGEE_BANDS, f.apogee_bands),
    ):
        if chosen:
            keep &= band_of(launches[column], bands).isin(chosen)
    return _kept(launches, keep)


def filter_events(events: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Events overlapping the date range (a multi-day event counts if any day falls inside)."""
    end = events["date_end"].fillna(events["date_start"])
    keep = pd.Series(True, index=events.index)
    if f.date_from is not None:
        keep &= end >= pd.Timestamp(f.date_from)
    if f.date_to is not None:
        keep &= events["date_start"] <= pd.Timestamp(f.date_to)
    if f.event_types:
        keep &= events["event_type"].isin(f.event_types)
    return _kept(events, keep)


def filter_statements(statements: pd.DataFrame, f: Filters) -> pd.DataFrame:
    if statements["date"].is_monotonic_decreasing:
        # The loaded statements are newest first, so the date range is one slice: free to
        # take, where a mask would copy much of a million rows on every rerun.
        statements = _newest_first_range(statements, f)
        if not f.speakers:
            return statements
        keep = pd.Series(True, index=statements.index)
    else:
        keep = _in_dates(statements["date"], f)
    if f.speakers:
        keep &= statements["speaker"].isin(f.speakers)
    return _kept(statements, keep)


def _newest_first_range(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    ascending = frame["date"].to_numpy()[::-1]  # a view, oldest first
    low, high = 0, len(frame)
    if f.date_to is not None:
        low = high - int(np.searchsorted(ascending, np.datetime64(f.date_to), side="right"))
    if f.date_from is not None:
        high -= int(np.searchsorted(ascending, np.datetime64(f.date_from), side="left"))
    return frame.iloc[low : max(low, high)]


def filter_claims(claims: pd.DataFrame, launches: pd.DataFrame) -> pd.DataFrame:
    """Claims about the launches that are in view."""
    return claims[claims["launch_id"].isin(launches["launch_id"])]


def sort_newest_first(frame: pd.DataFrame, date_column: str) -> pd.DataFrame:
    return frame.sort_values(date_column, ascending=False, kind="stable")


def latest_launches(launches: pd.DataFrame, n: int) -> pd.DataFrame:
    """The n latest launches, newest first by date and then time of day; on a day with both,
    launches without a reported time are listed below the timed ones."""
    order = launches.assign(_time=launches["time_local"].fillna(""))
    order = order.sort_values(["date_local", "_time", "launch_id"], ascending=False, kind="stable")
    return order.drop(columns="_time").head(n)


def period_bounds(start: str, period: str, last: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the year or month beginning at `start` (YYYY-MM-DD), the end
    kept within the data's last date."""
    first = dt.date.fromisoformat(start)
    following = pd.Timestamp(first) + (
        pd.DateOffset(years=1) if period == "year" else pd.DateOffset(months=1)
    )
    end = (following - pd.Timedelta(days=1)).date()
    return first, max(first, min(end, last))
