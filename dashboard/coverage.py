"""What span of time each kind of record has been collected for.

The record is uneven: launches run from the first tests of the 1980s, while diplomatic events
and statements were collected only around a few recent years. A chart that shows all three on
one axis must say where a kind was not collected, or a gap reads as a quiet period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Span:
    """The first and last date of one kind of record, and how many records it holds."""

    kind: str
    first: dt.date | None
    last: dt.date | None
    count: int

    @property
    def label(self) -> str:
        if self.first is None or self.last is None:
            return f"{self.kind}: none collected"
        return f"{self.kind}: {self.first:%Y-%m-%d} to {self.last:%Y-%m-%d} ({self.count:,})"


def span(kind: str, dates: pd.Series) -> Span:
    known = dates.dropna()
    if known.empty:
        return Span(kind, None, None, 0)
    return Span(kind, known.min().date(), known.max().date(), int(len(known)))


def collected_spans(
    launches: pd.DataFrame, events: pd.DataFrame, statements: pd.DataFrame
) -> tuple[Span, ...]:
    """The span of each kind of record in the whole dataset (not the filtered view): what was
    collected, whatever the filters currently show."""
    # Events by start date, like the sidebar's date bounds, so "the whole record" means the
    # same range in both places.
    return (
        span("launches", launches["date_local"]),
        span("diplomatic events", events["date_start"]),
        span("statements", statements["date"]),
    )


def caption(spans: tuple[Span, ...]) -> str:
    """One line naming each kind's collected span, for a caption above a chart."""
    return (
        "Collected: "
        + "; ".join(s.label for s in spans)
        + ". Outside its span a kind of record was not collected, which is not the same as "
        "nothing happening."
    )


def uncollected(spans_of: Span, view: tuple[dt.date, dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The parts of the view's date range outside a kind's collected span (to shade them)."""
    start, end = view
    if spans_of.first is None or spans_of.last is None:
        return [(start, end)] if start <= end else []
    gaps = []
    if start < spans_of.first:
        gaps.append((start, min(end, spans_of.first)))
    if end > spans_of.last:
        gaps.append((max(start, spans_of.last), end))
    return gaps


def range_note(spans: tuple[Span, ...], date_from: dt.date | None, date_to: dt.date | None) -> str:
    """Which dates the view shows, saying when that is the default (the whole record)."""
    firsts = [s.first for s in spans if s.first is not None]
    lasts = [s.last for s in spans if s.last is not None]
    if not firsts:
        return "No records collected."
    whole = (min(firsts), max(lasts))
    shown = (date_from or whole[0], date_to or whole[1])
    if shown[0] <= whole[0] and shown[1] >= whole[1]:
        return (
            f"Showing the whole record, {whole[0]:%Y-%m-%d} to {whole[1]:%Y-%m-%d} (the default)."
        )
    return (
        f"Showing {shown[0]:%Y-%m-%d} to {shown[1]:%Y-%m-%d} of a record running "
        f"{whole[0]:%Y-%m-%d} to {whole[1]:%Y-%m-%d}."
    )
