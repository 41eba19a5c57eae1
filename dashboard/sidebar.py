"""The shared sidebar: the filters, each bound to a URL query parameter."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import url_state
from dashboard.choices import Choices
from dashboard.data_io import Dataset
from dashboard.filters import Filters

# The sidebar accepts dates from here to the last date in the data.
EARLIEST = dt.date(1945, 1, 1)


# The filters as the sidebar lists them: query key, label, help. Launch details sit in an
# expander so the everyday filters stay at the top.
MAIN_FILTERS = (
    (url_state.STATE, "Launching state", "PRK: North Korea. KOR: South Korea."),
    (url_state.MISSILE_CLASS, "Missile class", None),
)
LAUNCH_DETAIL_FILTERS = (
    (
        url_state.REVIEW,
        "Review status",
        "reviewed: a curator checked the launch against its sources. imported: taken "
        "straight from a database and not yet checked.",
    ),
    (url_state.OUTCOME, "Outcome", None),
    (
        url_state.CONFIRMATION,
        "Confirmation",
        "confirmed: detected and reported by governments. claimed: only the launching state's "
        "own media. assessed: inferred by analysts.",
    ),
    (url_state.LAUNCH_SITE, "Launch site", None),
    (url_state.RANGE_BAND, "Range band", "Distance flown, farthest missile of the event."),
    (url_state.APOGEE_BAND, "Apogee band", "Maximum altitude, highest missile of the event."),
)
OTHER_FILTERS = (
    (url_state.EVENT_TYPE, "Diplomatic event type", None),
    (url_state.SPEAKER, "Actor / speaker", None),
)


def choices(data: Dataset) -> Choices:
    """What the filters offer, computed once when the data loaded."""
    return data.choices


def _multiselects(offer: Choices, declared) -> None:
    for key, label, help_text in declared:
        st.multiselect(
            label,
            offer.options[key],
            key=key,
            bind="query-params",
            placeholder="All",
            help=help_text,
        )


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
        st.caption(
            f"Default range: the whole record, {offer.first} to {offer.last}, so nothing is "
            "hidden until you narrow it."
        )
        _multiselects(offer, MAIN_FILTERS)
        narrowed = any(st.session_state.get(key) for key, _, _ in LAUNCH_DETAIL_FILTERS)
        with st.expander("Launch details", expanded=narrowed, icon=":material/rocket_launch:"):
            _multiselects(offer, LAUNCH_DETAIL_FILTERS)
        _multiselects(offer, OTHER_FILTERS)
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
        **{field: tuple(state.get(key) or ()) for key, field in url_state.MULTI_FILTERS},
    )


def shared_params(offer: Choices) -> list[url_state.Param]:
    return url_state.filter_params(offer.options, dates=(EARLIEST, offer.last))
