"""Timeline: launches and diplomatic events on one axis, record details, action and reaction."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import (
    action_reaction,
    charts,
    plain_text,
    records,
    ui,
    url_state,
    view_cache,
)
from dashboard.action_reaction import LAG_DAYS, LAG_DIR, LAG_TYPE
from dashboard.context import Context, current_context
from dashboard.filters import period_bounds, present
from dashboard.lag import DIRECTIONS
from dashboard.schema import EVENT_TYPES
from dashboard.url_state import Param

SELECTED, CHART = "sel", "timeline_chart"
VIEW, PER_YEAR, PER_MONTH, EACH = "view", "per year", "per month", "each record"
VIEWS = (EACH, PER_MONTH, PER_YEAR)
# Clicking a bar narrows the dates to its period and steps to the next finer view.
FINER = {PER_YEAR: (PER_MONTH, "year"), PER_MONTH: (EACH, "month")}
# The record selector is not bound to the URL: a bound selectbox would put its display
# label in the URL. Callbacks write the record key to `sel` instead.
PICKER = "record_picker"


def _event_types(data) -> tuple[str, ...]:
    return present(EVENT_TYPES, data.diplomatic_events["event_type"])


def params(data) -> list[Param]:
    return [
        Param(SELECTED, "text"),
        Param(LAG_TYPE, "choice", _event_types(data)),
        Param(LAG_DAYS, "int", low=1, high=60),
        Param(LAG_DIR, "choice", DIRECTIONS),
        Param(VIEW, "choice", VIEWS),
    ]


def _select(key: str | None) -> None:
    if key:
        st.query_params[SELECTED] = key
    else:
        st.query_params.pop(SELECTED, None)


def _take_chart_selection() -> None:
    """Chart click -> the URL's selected record."""
    points = st.session_state[CHART]["selection"]["points"]
    if points and points[0].get("customdata"):
        _select(points[0]["customdata"][0])


def _take_picker() -> None:
    _select(st.session_state[PICKER])


def _narrow_to_bar(last) -> None:
    """Bar click -> that year's or month's dates in the sidebar, one step finer view."""
    points = st.session_state[CHART]["selection"]["points"]
    if not points or not points[0].get("customdata"):
        return
    finer, period = FINER[st.session_state[VIEW]]
    first, end = period_bounds(points[0]["customdata"][0], period, last)
    st.session_state[url_state.DATE_FROM], st.session_state[url_state.DATE_TO] = first, end
    st.session_state[VIEW] = finer


def _chart(ctx: Context, selected: str | None, view: str) -> None:
    if view == EACH:
        st.plotly_chart(
            view_cache.timeline_figure(ctx.data.folder, ctx.data.version, ctx.filters, selected),
            key=CHART,
            on_select=_take_chart_selection,
            selection_mode="points",
            config={"displaylogo": False},
        )
        st.caption(
            "Marker size grows with range; colour is the missile class; symbols mark event "
            "types. Records on the same day, or too close to tell apart, are spread across "
            "their lane. Grey bands: not collected. Click a point to open it below. Drag the "
            "range slider to zoom."
        )
        return
    if ctx.launches.empty:
        ui.empty_state("launches")
        return
    period = "year" if view == PER_YEAR else "month"
    last = ctx.data.launches["date_local"].max().date()
    st.plotly_chart(
        charts.launches_by_period_figure(ctx.launches, period),
        key=CHART,
        on_select=lambda: _narrow_to_bar(last),
        selection_mode="points",
        config={"displaylogo": False},
    )
    st.caption(
        f"Missiles fired {view}, stacked by class (diplomatic events are shown only in the "
        f"each-record view). Click a bar to narrow the dates to that {period}."
    )


def render(ctx: Context) -> None:
    st.title("Timeline")
    options = view_cache.record_options(ctx.data.folder, ctx.data.version, ctx.filters)
    wanted = st.query_params.get(SELECTED)
    selected = wanted if wanted in options else None
    if wanted and selected is None:
        st.warning(
            "The record the link selects (below) is not in view: it does not exist or the "
            "filters hide it.",
            icon=":material/link_off:",
        )
        st.code(plain_text.shorten(wanted), language=None, wrap_lines=True)

    ui.coverage_caption(ctx)
    view = st.radio("Show", VIEWS, key=VIEW, bind="query-params", horizontal=True)
    if ctx.launches.empty and ctx.events.empty:
        ui.empty_state("launches or diplomatic events")
    else:
        _chart(ctx, selected, view)
        shown = pd.concat(
            [
                ctx.launches.assign(record="launch"),
                ctx.events.assign(record="diplomatic event"),
            ],
            ignore_index=True,
        )
        ui.download_csv(
            shown, "timeline", "Download the records on the timeline (CSV)", "dl_timeline"
        )

    st.session_state[PICKER] = selected
    st.selectbox(
        "Selected record",
        list(options),
        index=None,
        format_func=options.get,
        key=PICKER,
        on_change=_take_picker,
        placeholder="Click a point on the chart or choose a record",
    )
    if selected:
        _detail(ctx, selected)
    st.divider()
    action_reaction.render(ctx, _event_types(ctx.data))


def _detail(ctx: Context, key: str) -> None:
    kind, record_id = records.split_key(key)
    with st.container(border=True):
        if kind == "launch":
            row = ctx.launches.set_index("launch_id").loc[record_id]
            st.subheader(f"Launch {record_id}")
            st.text(row["summary"])
            st.dataframe(records.launch_facts(row), hide_index=True)
            side_by_side = records.claims_side_by_side(ctx.data.claims, record_id)
            st.markdown("**Reported figures, side by side**")
            if side_by_side.empty:
                st.caption("No differing reports recorded for this launch.")
            else:
                ui.show_table(side_by_side)
        else:
            row = ctx.events.set_index("event_id").loc[record_id]
            # Titles and summaries from data as plain text, never as Markdown.
            st.subheader(f"Diplomatic event {record_id}")
            st.text(row["title"])
            st.text(row["summary"])
            st.dataframe(records.event_facts(row), hide_index=True)
        st.markdown("**Sources**")
        ui.render_sources(ctx, list(row["source_ids"]))
        statements = records.linked_statements(ctx.data.statements, key)
        st.markdown(f"**Statements about it ({len(statements)})**")
        for statement in statements.itertuples():
            words = statement.quote if isinstance(statement.quote, str) else statement.paraphrase
            gist = plain_text.shorten(words, 90)
            label = f"{statement.date:%Y-%m-%d} · {statement.speaker}: {gist}"
            st.page_link(
                ui.PAGE_FILES["statements"],
                label=plain_text.escape(label),
                icon=":material/format_quote:",
                query_params=ui.filters_query(ctx, statement=statement.statement_id),
            )


if __name__ == "__main__":
    render(current_context())
