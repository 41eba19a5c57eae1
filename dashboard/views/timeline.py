"""Timeline: launches and diplomatic events on one axis, record details, action and reaction."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, coverage, lag, plain_text, records, ui, url_state
from dashboard.context import Context, current_context
from dashboard.filters import period_bounds, present
from dashboard.schema import EVENT_TYPES
from dashboard.url_state import Param

SELECTED, LAG_TYPE, LAG_DAYS, CHART = "sel", "lag_type", "lag_days", "timeline_chart"
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
        spans = coverage.collected_spans(
            ctx.data.launches, ctx.data.diplomatic_events, ctx.data.statements
        )
        st.plotly_chart(
            charts.timeline_figure(ctx.launches, ctx.events, selected, spans),
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
    options = records.record_options(ctx.launches, ctx.events)
    wanted = st.query_params.get(SELECTED)
    selected = wanted if wanted in options else None
    if wanted and selected is None:
        st.warning(
            f"The record {plain_text.escape(plain_text.shorten(wanted))} from the URL is not in "
            "view: it does not exist or the filters hide it.",
            icon=":material/link_off:",
        )

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
    _action_reaction(ctx)


def _detail(ctx: Context, key: str) -> None:
    kind, record_id = records.split_key(key)
    with st.container(border=True):
        if kind == "launch":
            row = ctx.launches.set_index("launch_id").loc[record_id]
            st.subheader(f"Launch {record_id}")
            st.markdown(plain_text.escape(row["summary"]))
            st.dataframe(records.launch_facts(row), hide_index=True)
            side_by_side = records.claims_side_by_side(ctx.data.claims, record_id)
            st.markdown("**Reported figures, side by side**")
            if side_by_side.empty:
                st.caption("No differing reports recorded for this launch.")
            else:
                ui.show_table(side_by_side)
        else:
            row = ctx.events.set_index("event_id").loc[record_id]
            st.subheader(plain_text.escape(row["title"]))
            st.markdown(plain_text.escape(row["summary"]))
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


def _action_reaction(ctx: Context) -> None:
    st.subheader("Action and reaction")
    st.caption(
        "Do launches follow a kind of event more often than chance? For each event dated to the "
        "day, launches 1 to N days later are counted. The chance level is the same share for "
        "event dates placed at random (2,000 seeded placements) inside the span in which both "
        "that event type and launches are recorded, within the date range. Events outside the "
        "span are left out, and the panel says which and why."
    )
    types = _event_types(ctx.data)
    left, right = st.columns(2)
    event_type = left.selectbox(
        "Event type",
        types,
        index=types.index("sanctions") if "sanctions" in types else 0,
        key=LAG_TYPE,
        bind="query-params",
    )
    window = right.slider("Window N (days)", 1, 60, 14, key=LAG_DAYS, bind="query-params")
    question = lag.Question(event_type, window, ctx.filters.date_from, ctx.filters.date_to)
    found = lag.study(
        ctx.events, ctx.launches, ctx.data.diplomatic_events, ctx.data.launches_with_sites, question
    )
    kind = plain_text.escape(question.type_label)
    if found.span_days:
        start, end = found.start, found.end
        st.markdown(
            plain_text.escape(
                f"Span studied: {start.day:%Y-%m-%d} ({start.what}) to {end.day:%Y-%m-%d} "
                f"({end.what}), {found.span_days:,} day{'' if found.span_days == 1 else 's'}."
            )
        )
    if not found.left_out.empty:
        reasons = "; ".join(f"{n:,} {reason}" for reason, n in found.left_out_counts().items())
        st.caption(
            plain_text.escape(f"Left out of the {question.type_label} events in view: {reasons}.")
        )
        n_left = len(found.left_out)
        with st.expander(f"The {n_left:,} {kind} event{'' if n_left == 1 else 's'} left out"):
            st.dataframe(
                found.left_out,
                hide_index=True,
                column_order=["date_start", "title", "date_precision", "reason"],
                column_config={
                    "date_start": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                    "title": "Event",
                    "date_precision": "Dated to the",
                    "reason": "Why left out",
                },
            )
    if found.undated_launches:
        one = found.undated_launches == 1
        st.caption(
            f"{found.undated_launches:,} launch event{'' if one else 's'} in view "
            f"{'is' if one else 'are'} dated only to the week, month or year and "
            f"{'is' if one else 'are'} not counted."
        )
    if found.unavailable:
        st.info(plain_text.escape(found.unavailable), icon=":material/info:")
        return
    result = found.result
    first_launch_day = result.period[0] + pd.Timedelta(days=1)
    last_launch_day = result.period[1] + pd.Timedelta(days=window)
    rests_on = (
        f"{result.events:,} {question.type_label} event{'' if result.events == 1 else 's'} "
        f"dated to the day"
    )
    if found.too_few:
        st.warning(
            plain_text.escape(
                f"Too few events to conclude anything: the result rests on {rests_on}, fewer "
                f"than {lag.TOO_FEW_EVENTS}. With so few, neither the share nor the p-value "
                "can tell a pattern from chance."
            ),
            icon=":material/warning:",
        )
        box = st.expander(f"The figures for {rests_on} (not a finding)")
    else:
        box = st.container()
    with box:
        st.markdown(
            plain_text.escape(
                f"The result rests on {rests_on}, of which {result.followed:,} "
                f"{'was' if result.followed == 1 else 'were'} followed by a launch within "
                f"{window} days, and on {result.launches:,} launch "
                f"event{'' if result.launches == 1 else 's'} in view from "
                f"{first_launch_day:%Y-%m-%d} to {last_launch_day:%Y-%m-%d}."
            )
        )
        cols = st.columns(4)
        cols[0].metric("Events", f"{result.events:,}")
        cols[1].metric(f"Followed within {window} d", f"{result.observed_share:.0%}")
        cols[2].metric("Chance level", f"{result.baseline_mean:.0%}")
        p_value = "< 0.001" if result.p_value < 0.001 else f"{result.p_value:.3f}"
        cols[3].metric("p (one-sided)", p_value)
        left, right = st.columns(2)
        left.plotly_chart(charts.lag_figure(result), key="lag_hist")
        right.plotly_chart(charts.baseline_figure(result), key="lag_baseline")
    if not result.pairs.empty:
        ui.show_table(result.pairs)
        ui.download_csv(result.pairs, "action_reaction", "Download these pairs (CSV)", "dl_lag")


if __name__ == "__main__":
    render(current_context())
