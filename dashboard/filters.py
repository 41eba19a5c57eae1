"""The shared sidebar filters as a small frozen value, and pure functions applying them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

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
    if f.classes:
        keep &= launches["missile_class"].isin(f.classes)
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
    keep = _in_dates(statements["date"], f)
    if f.speakers:
        keep &= statements["speaker"].isin(f.speakers)
    return _kept(statements, keep)


def filter_claims(claims: pd.DataFrame, launches: pd.DataFrame) -> pd.DataFrame:
    """Claims about the launches that are in view."""
    return claims[claims["launch_id"].isin(launches["launch_id"])]


def sort_newest_first(frame: pd.DataFrame, date_column: str) -> pd.DataFrame:
    return frame.sort_values(date_column, ascending=False, kind="stable")
