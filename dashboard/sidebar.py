"""The shared sidebar: the filters, each bound to a URL query parameter."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import url_state
from dashboard.data_io import Dataset
from dashboard.filters import Filters
from dashboard.schema import EVENT_TYPES, MISSILE_CLASSES

# The sidebar accepts dates from here to the last date in the data.
EARLIEST = dt.date(1945, 1, 1)


def _date_bounds(data: Dataset) -> tuple[dt.date, dt.date]:
    dates = [
        data.launches["date_local"].min(),
        data.launches["date_local"].max(),
        data.diplomatic_events["date_start"].min(),
        data.diplomatic_events["date_start"].max(),
        data.statements["date"].min(),
        data.statements["date"].max(),
    ]
    present = [d for d in dates if d == d and d is not None]  # drops NaT
    return min(present).date(), max(present).date()


def filter_options(data: Dataset) -> dict[str, tuple[str, ...]]:
    present_classes = set(data.launches["missile_class"])
    present_types = set(data.diplomatic_events["event_type"])
    return {
        url_state.STATE: tuple(sorted(set(data.launches["state"]))),
        url_state.MISSILE_CLASS: tuple(c for c in MISSILE_CLASSES if c in present_classes),
        url_state.EVENT_TYPE: tuple(t for t in EVENT_TYPES if t in present_types),
        url_state.SPEAKER: tuple(sorted(set(data.statements["speaker"]))),
    }


def render(data: Dataset) -> Filters:
    """Draw the filters and return what they select. Widget keys are the URL parameters."""
    options = filter_options(data)
    first, last = _date_bounds(data)
    with st.sidebar:
        st.header("Filters")
        for label, key, value in (
            ("From", url_state.DATE_FROM, first),
            ("To", url_state.DATE_TO, last),
        ):
            st.date_input(
                label,
                value=value,
                min_value=EARLIEST,
                max_value=last,
                key=key,
                bind="query-params",
                format="YYYY-MM-DD",
            )
        for label, key, help_text in (
            ("Launching state", url_state.STATE, "PRK: North Korea. KOR: South Korea."),
            ("Missile class", url_state.MISSILE_CLASS, None),
            ("Diplomatic event type", url_state.EVENT_TYPE, None),
            ("Actor / speaker", url_state.SPEAKER, None),
        ):
            st.multiselect(
                label,
                options[key],
                key=key,
                bind="query-params",
                placeholder="All",
                help=help_text,
            )
        st.caption(
            "Every filter and page option is kept in the address bar: copy the URL to share "
            "exactly this view."
        )
    return current_filters(data)


def current_filters(data: Dataset) -> Filters:
    """The filters as the sidebar widgets hold them (all data before the sidebar is drawn)."""
    state = st.session_state
    first, last = _date_bounds(data)
    date_from = state.get(url_state.DATE_FROM, first)
    date_to = state.get(url_state.DATE_TO, last)
    return Filters(
        date_from=date_from if isinstance(date_from, dt.date) else None,
        date_to=date_to if isinstance(date_to, dt.date) else None,
        states=tuple(state.get(url_state.STATE) or ()),
        classes=tuple(state.get(url_state.MISSILE_CLASS) or ()),
        event_types=tuple(state.get(url_state.EVENT_TYPE) or ()),
        speakers=tuple(state.get(url_state.SPEAKER) or ()),
    )


def shared_params(data: Dataset) -> list[url_state.Param]:
    options = filter_options(data)
    return url_state.filter_params(
        options[url_state.STATE],
        options[url_state.MISSILE_CLASS],
        options[url_state.EVENT_TYPE],
        options[url_state.SPEAKER],
        dates=(EARLIEST, _date_bounds(data)[1]),
    )
