"""What the sidebar filters offer: the values present in the data and its date span.

Computed once when the data load (`data_io`), not on every rerun: at a million statements
collecting the distinct speakers alone costs a noticeable fraction of a second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard import url_state
from dashboard.filters import APOGEE_BANDS, RANGE_BANDS, band_labels, band_of, present
from dashboard.schema import CONFIRMATIONS, EVENT_TYPES, MISSILE_CLASSES, OUTCOMES, REVIEW_STATUSES


@dataclass(frozen=True)
class Choices:
    """What the filters offer: the values present in the data and its date span."""

    options: dict[str, tuple[str, ...]]
    first: dt.date
    last: dt.date


def choices(
    launches: pd.DataFrame,
    events: pd.DataFrame,
    speakers: tuple[str, ...],
    statement_dates: tuple[dt.date, dt.date] | None,
) -> Choices:
    """`launches` joined with their sites; `speakers` sorted and distinct; `statement_dates`
    the first and last statement date (None without statements)."""
    stamps = (
        launches["date_local"].min(),
        launches["date_local"].max(),
        events["date_start"].min(),
        events["date_start"].max(),
    )
    dates = [s.date() for s in stamps if not pd.isna(s)] + list(statement_dates or ())
    options = {
        url_state.STATE: tuple(sorted(set(launches["state"]))),
        url_state.MISSILE_CLASS: present(MISSILE_CLASSES, launches["missile_class"]),
        url_state.EVENT_TYPE: present(EVENT_TYPES, events["event_type"]),
        url_state.SPEAKER: speakers,
        url_state.REVIEW: present(REVIEW_STATUSES, launches["review_status"]),
        url_state.OUTCOME: present(OUTCOMES, launches["outcome"]),
        url_state.CONFIRMATION: present(CONFIRMATIONS, launches["confirmation"]),
        url_state.LAUNCH_SITE: tuple(sorted(set(launches["site_name"].dropna()))),
        url_state.RANGE_BAND: present(
            band_labels(RANGE_BANDS), band_of(launches["range_km"], RANGE_BANDS)
        ),
        url_state.APOGEE_BAND: present(
            band_labels(APOGEE_BANDS), band_of(launches["apogee_km"], APOGEE_BANDS)
        ),
    }
    return Choices(options, min(dates), max(dates))
