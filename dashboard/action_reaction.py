"""The Timeline's "Action and reaction" panel: its options, what it rests on, its figures.

The statistics live in `dashboard.lag`; this module only lays them out.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, lag, plain_text, ui
from dashboard.context import Context

LAG_TYPE, LAG_DAYS = "lag_type", "lag_days"


def render(ctx: Context, types: tuple[str, ...]) -> None:
    """The panel, with its two options bound to the URL (`lag_type`, `lag_days`)."""
    st.subheader("Action and reaction")
    st.caption(
        "Do launches follow a kind of event more often than chance? For each event dated to the "
        "day, launches 1 to N days later are counted. The chance level is the same share for "
        "event dates placed at random (2,000 seeded placements) inside the span in which both "
        "that event type and launches are recorded, within the date range. Events outside the "
        "span are left out, and the panel says which and why."
    )
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
