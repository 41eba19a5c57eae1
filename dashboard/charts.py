"""Plotly figures. Pure: data in, figure out."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.lag import LagResult
from dashboard.palette import CLASS_COLORS, EVENT_COLOR, EVENT_SYMBOLS, SELECTED_COLOR

STATE_LANES = {"PRK": "North Korean launches", "KOR": "South Korean launches"}
EVENT_LANE = "Diplomatic events"
MIN_SIZE, MAX_SIZE = 8.0, 40.0


def launch_id_key(launch_id: str) -> str:
    return f"launch:{launch_id}"


def event_id_key(event_id: str) -> str:
    return f"event:{event_id}"


def marker_size(range_km: float | None) -> float:
    """Marker diameter growing with the square root of range; small when range is unknown."""
    if range_km is None or (isinstance(range_km, float) and math.isnan(range_km)):
        return MIN_SIZE
    return float(min(MAX_SIZE, MIN_SIZE + 2.0 * math.sqrt(max(range_km, 0.0) / 10.0)))


def _safe(value: object) -> str:
    """Data text for plotly hover labels, which interpret a few HTML tags."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return html.escape(str(value))


def _launch_hover(row: pd.Series) -> str:
    time = f" {row['time_local']} KST" if isinstance(row["time_local"], str) else ""
    figures = ", ".join(
        f"{label} {row[col]:,.0f} km"
        for label, col in (("range", "range_km"), ("apogee", "apogee_km"))
        if pd.notna(row[col])
    )
    return "<br>".join(
        [
            f"<b>{_safe(row['date_local'].date())}{_safe(time)}</b>",
            f"{_safe(row['missile_class'])} · {_safe(row['missile_name'])} × {int(row['count'])}",
            _safe(figures or "range and apogee not reported"),
            f"site: {_safe(row.get('site_name'))}",
        ]
    )


def _event_hover(row: pd.Series) -> str:
    precision = row.get("date_precision", "day")
    when = _safe(row["date_start"].date())
    if isinstance(precision, str) and precision != "day":
        when += f" (date known to the {_safe(precision)})"
    return "<br>".join([f"<b>{when}</b> · {_safe(row['event_type'])}", _safe(row["title"])])


def timeline_figure(
    launches: pd.DataFrame, events: pd.DataFrame, selected: str | None = None
) -> go.Figure:
    """Launches (one lane per launching state) and diplomatic events on one time axis.

    Launch markers are coloured by missile class and sized by range; event markers take a
    symbol per event type. Each point's customdata[0] is its record key for selection.
    """
    fig = go.Figure()
    for missile_class, group in launches.groupby("missile_class", sort=True):
        fig.add_trace(
            go.Scatter(
                x=group["date_local"],
                y=group["state"].map(STATE_LANES),
                mode="markers",
                name=str(missile_class),
                legendgroup="launches",
                legendgrouptitle_text="Launches by class",
                marker={
                    "size": [marker_size(r) for r in group["range_km"]],
                    "color": CLASS_COLORS.get(str(missile_class), "#8C8C8C"),
                    "line": {"width": 1, "color": "rgba(0,0,0,0.45)"},
                    "opacity": 0.85,
                },
                customdata=np.array([[launch_id_key(i)] for i in group["launch_id"]], dtype=object),
                hovertext=[_launch_hover(r) for _, r in group.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    for event_type, group in events.groupby("event_type", sort=True):
        fig.add_trace(
            go.Scatter(
                x=group["date_start"],
                y=[EVENT_LANE] * len(group),
                mode="markers",
                name=str(event_type).replace("_", " "),
                legendgroup="events",
                legendgrouptitle_text="Events by type",
                marker={
                    "size": 14,
                    "symbol": EVENT_SYMBOLS.get(str(event_type), "circle"),
                    "color": EVENT_COLOR,
                    "line": {"width": 1, "color": "rgba(0,0,0,0.45)"},
                },
                customdata=np.array([[event_id_key(i)] for i in group["event_id"]], dtype=object),
                hovertext=[_event_hover(r) for _, r in group.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    if selected:
        point = _selected_point(launches, events, selected)
        if point is not None:
            fig.add_trace(
                go.Scatter(
                    x=[point[0]],
                    y=[point[1]],
                    mode="markers",
                    name="selected",
                    showlegend=False,
                    hoverinfo="skip",
                    marker={
                        "size": 26,
                        "symbol": "circle-open",
                        "color": SELECTED_COLOR,
                        "line": {"width": 3},
                    },
                )
            )
    lanes = [STATE_LANES[s] for s in ("KOR", "PRK") if s in set(launches["state"])]
    fig.update_layout(
        height=460,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        clickmode="event+select",
        dragmode="pan",
        legend={"groupclick": "toggleitem"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": [EVENT_LANE, *lanes],
            "title": None,
        },
        xaxis={"type": "date", "rangeslider": {"visible": True}, "title": None},
    )
    return fig


def _selected_point(
    launches: pd.DataFrame, events: pd.DataFrame, selected: str
) -> tuple[pd.Timestamp, str] | None:
    kind, _, record_id = selected.partition(":")
    if kind == "launch":
        match = launches[launches["launch_id"] == record_id]
        if len(match):
            return match["date_local"].iloc[0], STATE_LANES[match["state"].iloc[0]]
    elif kind == "event":
        match = events[events["event_id"] == record_id]
        if len(match):
            return match["date_start"].iloc[0], EVENT_LANE
    return None


def lag_figure(result: LagResult) -> go.Figure:
    """Histogram of lags after the events; the title says how many events it rests on."""
    events = f"{result.events:,} event{'' if result.events == 1 else 's'}"
    fig = go.Figure(
        go.Histogram(
            x=result.pairs["lag_days"],
            xbins={"start": 0.5, "end": result.window_days + 0.5, "size": 1},
            marker_color=EVENT_COLOR,
            name="launches",
            hovertemplate="%{x} days after: %{y} launch events<extra></extra>",
        )
    )
    fig.update_layout(
        height=280,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title={"text": f"Launch events 1–{result.window_days} days after {events}"},
        xaxis={"title": "days after the event", "range": [0.5, result.window_days + 0.5]},
        # Whole counts: one tick per launch event while the bars are short.
        yaxis={"title": "launch events", "dtick": 1 if _tallest_bar(result) <= 10 else None},
        bargap=0.1,
    )
    return fig


def _tallest_bar(result: LagResult) -> int:
    counts = result.pairs["lag_days"].value_counts()
    return int(counts.max()) if len(counts) else 0


def baseline_figure(result: LagResult) -> go.Figure:
    """Share under random event dates (placed inside the studied span), observed share marked."""
    first, last = result.period
    fig = go.Figure(
        go.Histogram(
            x=result.baseline_shares,
            nbinsx=20,
            marker_color="#8C8C8C",
            name="random dates",
            hovertemplate="share %{x}: %{y} placements<extra></extra>",
        )
    )
    fig.add_vline(
        x=result.observed_share,
        line_color=SELECTED_COLOR,
        line_width=3,
        annotation_text="observed",
        # Left of the line, so the label stays inside the plot when the share is 1.
        annotation_position="top left",
    )
    fig.update_layout(
        height=280,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title={
            "text": f"{result.baseline_shares.size:,} random placements, "
            f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
        },
        xaxis={"title": "share of events followed by a launch", "range": [0, 1.02]},
        yaxis={"title": "random placements"},
    )
    return fig


def monthly_launches_figure(launches: pd.DataFrame) -> go.Figure:
    """Missiles fired per month, stacked by class."""
    months = launches.assign(month=launches["date_local"].dt.to_period("M").dt.to_timestamp())
    totals = months.groupby(["month", "missile_class"], as_index=False)["count"].sum()
    fig = go.Figure()
    for missile_class, group in totals.groupby("missile_class", sort=True):
        fig.add_trace(
            go.Bar(
                x=group["month"],
                y=group["count"],
                name=str(missile_class),
                marker_color=CLASS_COLORS.get(str(missile_class), "#8C8C8C"),
                hovertemplate="%{x|%b %Y}: %{y} missiles<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=300,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"title": "missiles fired"},
        xaxis={"title": None},
    )
    return fig
