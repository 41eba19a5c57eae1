"""The Timeline's "Action and reaction" panel: its options, what it rests on, its figures.

The statistics live in `dashboard.lag`; this module only lays them out.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, lag, plain_text, ui, view_cache
from dashboard.context import Context

LAG_TYPE, LAG_DAYS, LAG_DIR = "lag_type", "lag_days", "lag_dir"
# The radio's options are the URL values themselves (a bound widget writes its displayed
# label to the URL), so the captions say in words what each one asks.
DIRECTION_CAPTIONS = (
    "launches 1 to N days after each event of the type",
    "events of the type 1 to N days after each launch day",
)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _p(value: float) -> str:
    return "< 0.001" if value < 0.001 else f"{value:.3f}"


def render(ctx: Context, types: tuple[str, ...]) -> None:
    """The panel, with its three options bound to the URL (`lag_type`, `lag_days`, `lag_dir`)."""
    st.subheader("Action and reaction")
    st.caption(
        "Does one kind of record follow another more often than chance? Either launches 1 to "
        "N days after each event of a type dated to the day, or events of the type 1 to N days "
        "after each launch day. The share followed comes with a 95 % (Wilson) interval and two "
        "chance levels, each from 2,000 seeded draws inside the span in which both that event "
        "type and launches are recorded, within the date range: every date placed at random on "
        "its own, and all dates shifted together by one random number of days (a circular "
        "shift, which keeps salvos and rounds together). Records outside the span are left "
        "out, and the panel says which and why."
    )
    left, middle, right = st.columns([2, 2, 3])
    event_type = left.selectbox(
        "Event type",
        types,
        index=types.index("sanctions") if "sanctions" in types else 0,
        key=LAG_TYPE,
        bind="query-params",
    )
    window = middle.slider("Window N (days)", 1, 60, 14, key=LAG_DAYS, bind="query-params")
    direction = right.radio(
        "Direction", lag.DIRECTIONS, key=LAG_DIR, bind="query-params", captions=DIRECTION_CAPTIONS
    )
    question = lag.Question(
        event_type, window, ctx.filters.date_from, ctx.filters.date_to, direction=direction
    )
    found = view_cache.lag_study(ctx.data.folder, ctx.data.version, ctx.filters, question)
    _span_and_left_out(found)
    if found.unavailable:
        st.info(plain_text.escape(found.unavailable), icon=":material/info:")
        return
    _result(found)


def _span_and_left_out(found: lag.Study) -> None:
    question = found.question
    one, many = question.placed_noun
    if found.span_days:
        start, end = found.start, found.end
        st.markdown(
            plain_text.escape(
                f"Span studied: {start.day:%Y-%m-%d} ({start.what}) to {end.day:%Y-%m-%d} "
                f"({end.what}), {_plural(found.span_days, 'day', 'days')}."
            )
        )
    if not found.left_out.empty:
        reasons = "; ".join(f"{n:,} {reason}" for reason, n in found.left_out_counts().items())
        st.caption(plain_text.escape(f"Left out of the {many} in view: {reasons}."))
        label = plain_text.escape(_plural(len(found.left_out), one, many))
        with st.expander(f"The {label} left out"):
            st.dataframe(
                found.left_out,
                hide_index=True,
                column_order=["date", "title", "record_id", "date_precision", "reason"],
                column_config={
                    "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                    "title": "Record",
                    "record_id": "Id",
                    "date_precision": "Dated to the",
                    "reason": "Why left out",
                },
            )
    if found.undated_outcomes:
        n = found.undated_outcomes
        outcome = "launch event" if not question.after_launches else question.outcome_noun[0]
        verb = "is" if n == 1 else "are"
        st.caption(
            f"{_plural(n, outcome, outcome + 's')} in view {verb} dated only to the week, "
            f"month or year and {verb} not counted."
        )


def _result(found: lag.Study) -> None:
    question, result = found.question, found.result
    window, kind = question.window, question.type_label
    first_day = result.period[0] + pd.Timedelta(days=1)
    last_day = result.period[1] + pd.Timedelta(days=window)
    if question.after_launches:
        unit = "launch days"
        rests_on = (
            f"{_plural(result.placed, 'launch day', 'launch days')} "
            f"({_plural(len(found.placed), 'launch event', 'launch events')}) dated to the day"
        )
        followed_by = f"at least one {kind} event"
        outcomes = _plural(result.outcomes, f"{kind} event", f"{kind} events")
    else:
        unit = "events"
        rests_on = f"{_plural(result.placed, f'{kind} event', f'{kind} events')} dated to the day"
        followed_by = "a launch"
        outcomes = _plural(result.outcomes, "launch event", "launch events")
    if found.too_few:
        st.warning(
            plain_text.escape(
                f"Too few {unit} to conclude anything: the result rests on {rests_on}, fewer "
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
                f"{'was' if result.followed == 1 else 'were'} followed within {window} days by "
                f"{followed_by}, and on {outcomes} in view from "
                f"{first_day:%Y-%m-%d} to {last_day:%Y-%m-%d}."
            )
        )
        cols = st.columns(6)
        cols[0].metric(unit.capitalize(), f"{result.placed:,}")
        cols[1].metric(f"Followed within {window} d", _pct(result.observed_share))
        cols[2].metric("Chance, uniform", _pct(result.baseline_mean))
        cols[3].metric("p, uniform", _p(result.p_value))
        cols[4].metric("Chance, shift", _pct(result.shift_mean))
        cols[5].metric("p, shift", _p(result.shift_p_value))
        st.markdown(plain_text.escape(_uncertainty(result)))
        st.caption(plain_text.escape(_clustering(found)))
        _disagreement(found)
        left, right = st.columns(2)
        left.plotly_chart(charts.lag_figure(result), key="lag_hist")
        right.plotly_chart(charts.baseline_figure(result), key="lag_baseline")
    ui.download_csv(
        lag.summary_table(found),
        "action_reaction_result",
        "Download the result (CSV)",
        "dl_lag_sum",
    )
    if not result.pairs.empty:
        ui.show_table(result.pairs)
        ui.download_csv(result.pairs, "action_reaction", "Download these pairs (CSV)", "dl_lag")


def _uncertainty(result: lag.LagResult) -> str:
    low, high = result.interval
    uniform_low, uniform_high = result.baseline_range
    shift_low, shift_high = result.shift_range
    return (
        f"Observed {_pct(result.observed_share)}, 95 % interval {_pct(low)} to {_pct(high)} "
        f"(Wilson). Chance with each date placed at random: {_pct(result.baseline_mean)} "
        f"(middle 95 % of draws {_pct(uniform_low)} to {_pct(uniform_high)}), one-sided "
        f"p {_p(result.p_value)}. Chance with all dates shifted together: "
        f"{_pct(result.shift_mean)} ({_pct(shift_low)} to {_pct(shift_high)}), one-sided "
        f"p {_p(result.shift_p_value)}."
    )


def _launch_and_event_clustering(found: lag.Study) -> tuple[lag.Clustering, lag.Clustering]:
    result = found.result
    if found.question.after_launches:
        return result.placed_clustering, result.outcome_clustering
    return result.outcome_clustering, result.placed_clustering


def _clustering(found: lag.Study) -> str:
    launches, events = _launch_and_event_clustering(found)
    window, kind = found.question.window, found.question.type_label
    return (
        f"Clustering within {window} days: {launches.close:,} of "
        f"{_plural(launches.days, 'launch day', 'launch days')} in the span "
        f"({_pct(launches.share)}) have another launch day within {window} days, against "
        f"about {_pct(launches.expected)} were they spread at random; {events.close:,} of "
        f"{_plural(events.days, f'{kind} event day', f'{kind} event days')} "
        f"({_pct(events.share)}) have another within {window} days, against about "
        f"{_pct(events.expected)}."
    )


def _disagreement(found: lag.Study) -> None:
    """Say plainly when the two chance levels lead to different conclusions, and why."""
    result = found.result
    if not (result.overstated or result.understated):
        return
    launches, events = _launch_and_event_clustering(found)
    bunched = [
        name
        for name, measure in (
            ("launches", launches),
            (f"{found.question.type_label} events", events),
        )
        if measure.share > measure.expected
    ]
    who = (
        " and ".join(bunched).capitalize() + " cluster" if bunched else "The dates' spacing matters"
    )
    p_uniform, p_shift = _p(result.p_value), _p(result.shift_p_value)
    if result.overstated:
        st.warning(
            plain_text.escape(
                f"{who}; the uniform baseline overstates significance. Dates placed at random "
                f"one by one give p {p_uniform}, but shifting all dates together, which keeps "
                f"their spacing, gives p {p_shift}: not significant at 5 %."
            ),
            icon=":material/stacked_line_chart:",
        )
    else:
        st.info(
            plain_text.escape(
                f"{who}; the two chance levels disagree. Dates placed at random one by one "
                f"give p {p_uniform}, but shifting all dates together gives p {p_shift}. "
                "Read the result with care."
            ),
            icon=":material/stacked_line_chart:",
        )
