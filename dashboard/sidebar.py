"""The shared sidebar: the filters, each bound to a URL query parameter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import url_state
from dashboard.data_io import Dataset
from dashboard.filters import Filters, present
from dashboard.schema import EVENT_TYPES, MISSILE_CLASSES

# The sidebar accepts dates from here to the last date in the data.
EARLIEST = dt.date(1945, 1, 1)


@dataclass(frozen=True)
class Choices:
    """What the filters offer: the values present in the data and its date span."""

    options: dict[str, tuple[str, ...]]
    first: dt.date
    last: dt.date


def choices(data: Dataset) -> Choices:
    dates = pd.concat(
        [data.launches["date_local"], data.diplomatic_events["date_start"], data.statements["date"]]
    ).dropna()
    options = {
        url_state.STATE: tuple(sorted(set(data.launches["state"]))),
        url_state.MISSILE_CLASS: present(MISSILE_CLASSES, data.launches["missile_class"]),
        url_state.EVENT_TYPE: present(EVENT_TYPES, data.diplomatic_events["event_type"]),
        url_state.SPEAKER: tuple(sorted(set(data.statements["speaker"]))),
    }
    return Choices(options, dates.min().date(), dates.max().date())


def render(offer: Choices) -> None:
    """Draw the filters. Widget keys are the URL parameters."""
    with st.sidebar:
        st.header("Filters")
        for label, key, value in (
            ("From", url_state.DATE_FROM, offer.first),
            ("To", url_state.DATE_TO, offer.last),
        ):
            st.date_input(
                label,
                value=value,
                min_value=EARLIEST,
                max_value=offer.last,
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
                offer.options[key],
                key=key,
                bind="query-params",
                placeholder="All",
                help=help_text,
            )
        st.caption(
            "Every filter and page option is kept in the address bar: copy the URL to share "
            "exactly this view."
        )


def current_filters() -> Filters:
    """The filters as the sidebar widgets hold them (no filter before the sidebar is drawn)."""
    state = st.session_state
    date_from, date_to = state.get(url_state.DATE_FROM), state.get(url_state.DATE_TO)
    return Filters(
        date_from=date_from if isinstance(date_from, dt.date) else None,
        date_to=date_to if isinstance(date_to, dt.date) else None,
        states=tuple(state.get(url_state.STATE) or ()),
        classes=tuple(state.get(url_state.MISSILE_CLASS) or ()),
        event_types=tuple(state.get(url_state.EVENT_TYPE) or ()),
        speakers=tuple(state.get(url_state.SPEAKER) or ()),
    )


def shared_params(offer: Choices) -> list[url_state.Param]:
    return url_state.filter_params(
        offer.options[url_state.STATE],
        offer.options[url_state.MISSILE_CLASS],
        offer.options[url_state.EVENT_TYPE],
        offer.options[url_state.SPEAKER],
        dates=(EARLIEST, offer.last),
    )
