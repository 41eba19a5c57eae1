"""Plotly figures. Pure: data in, figure out."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.coverage import Span, uncollected
from dashboard.lag import AFTER_LAUNCHES, LagResult
from dashboard.palette import CLASS_COLORS, EVENT_COLOR, EVENT_SYMBOLS, SELECTED_COLOR
from dashboard.tables import date_text

# Short lane names leave the plot its width on a phone.
STATE_LANES = {"PRK": "North Korea", "KOR": "South Korea"}
EVENT_LANE = "Diplomacy"
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
    review = row.get("review_status")
    lines = [
        f"<b>{_safe(date_text(row['date_local'], row.get('date_precision', 'day')))}"
        f"{_safe(time)}</b>",
        f"{_safe(row['missile_class'])} · {_safe(row['missile_name'])} × {int(row['count'])}",
        _safe(figures or "range and apogee not reported"),
        f"site: {_safe(row.get('site_name'))}",
    ]
    if isinstance(review, str):
        lines.append(f"record: {_safe(review)}")
    return "<br>".join(lines)


def _event_hover(row: pd.Series) -> str:
    precision = row.get("date_precision", "day")
    when = _safe(row["date_start"].date())
    if isinstance(precision, str) and precision != "day":
        when += f" (date known to the {_safe(precision)})"
    return "<br>".join([f"<b>{when}</b> · {_safe(row['event_type'])}", _safe(row["title"])])


# Records closer than this share of the plotted span would overlap at full width, so they
# are put on separate rows of their lane instead of drawn on top of each other.
CROWDING_SHARE = 1 / 250
LANE_SPREAD = 0.4  # half the height a lane's rows may use, in lane units
ROW_PX, LANE_PX = 10, 90  # pixels per row of a crowded lane; least height of a lane
BELOW_PLOT_PX = 330


def lane_rows(dates: pd.Series, span_days: float) -> pd.Series:
    """A row number per record such that records on one row are at least the crowding
    distance apart: same-day records, or ones too close to tell apart at this span, each
    get their own row. Greedy in date order, so a lone record stays on row 0."""
    gap = pd.Timedelta(days=max(1.0, span_days * CROWDING_SHARE))
    row_ends: list[pd.Timestamp] = []
    rows = pd.Series(0, index=dates.index, dtype=int)
    for index, date in dates.sort_values(kind="stable").items():
        row = next((r for r, end in enumerate(row_ends) if date - end >= gap), len(row_ends))
        if row == len(row_ends):
            row_ends.append(date)
        row_ends[row] = date
        rows[index] = row
    return rows


def row_offsets(rows: pd.Series) -> pd.Series:
    """Vertical offsets (lane units) for row numbers: row 0 on the lane's line, then
    alternately above and below it, evenly spaced within the lane."""
    if rows.empty:
        return pd.Series(dtype=float)
    steps = (rows + 1) // 2 * np.where(rows % 2 == 1, 1, -1)
    step = min(0.2, LANE_SPREAD / max(1, int(steps.abs().max())))
    return (steps * step).astype(float)


def spread(dates: pd.Series, span_days: float) -> pd.Series:
    """Offsets spreading crowded records across their lane (see lane_rows)."""
    return row_offsets(lane_rows(dates, span_days))


def _lanes(launches: pd.DataFrame) -> list[str]:
    """Lane names bottom to top: diplomatic events, then each launching state present."""
    states = set(launches["state"]) if len(launches) else set()
    return [EVENT_LANE, *(STATE_LANES[s] for s in ("KOR", "PRK") if s in states)]


def timeline_figure(
    launches: pd.DataFrame,
    events: pd.DataFrame,
    selected: str | None = None,
    spans: tuple[Span, ...] = (),
) -> go.Figure:
    """Launches (one lane per launching state) and diplomatic events on one time axis.

    Launch markers are coloured by missile class and sized by range; event markers take a
    symbol per event type. Markers that would overlap are spread across their lane. Each
    point's customdata[0] is its record key for selection. Where `spans` says a kind of
    record was not collected, its lane is shaded and labelled.
    """
    lanes = _lanes(launches)
    position = {name: index for index, name in enumerate(lanes)}
    dates = pd.concat([launches["date_local"], events["date_start"]]).dropna()
    span_days = (dates.max() - dates.min()).days if len(dates) else 0
    launch_y = launches["state"].map(STATE_LANES).map(position).astype(float)
    launch_rows = pd.Series(0, index=launches.index, dtype=int)
    for lane in launch_y.unique():
        in_lane = launch_y == lane
        launch_rows[in_lane] = lane_rows(launches.loc[in_lane, "date_local"], span_days)
        launch_y[in_lane] += row_offsets(launch_rows[in_lane])
    event_rows = lane_rows(events["date_start"], span_days)
    event_y = row_offsets(event_rows) + position[EVENT_LANE]
    # A crowded lane is drawn taller and its markers smaller, so rows stay apart.
    most_rows = max([1, *(launch_rows + 1), *(event_rows + 1)])
    shrink = min(1.0, 3 / most_rows)

    fig = go.Figure()
    for missile_class, group in launches.groupby("missile_class", sort=True):
        fig.add_trace(
            go.Scatter(
                x=group["date_local"],
                y=launch_y[group.index],
                mode="markers",
                name=str(missile_class),
                marker={
                    "size": [
                        MIN_SIZE + (marker_size(r) - MIN_SIZE) * shrink for r in group["range_km"]
                    ],
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
                y=event_y[group.index],
                mode="markers",
                name=str(event_type).replace("_", " "),
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
        point = _selected_point(launches, events, selected, launch_y, event_y)
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
    if len(dates):
        _shade_uncollected(fig, spans, lanes, (dates.min().date(), dates.max().date()))
    for index, lane in enumerate(lanes):
        fig.add_annotation(
            xref="paper",
            x=0,
            y=index + 0.5,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            text=f"<b>{lane}</b>",
            font={"size": 12},
            name="lane",
        )
    plot_px = min(1100, max(LANE_PX, ROW_PX * most_rows) * len(lanes))
    fig.update_layout(
        # A fixed plot height for the lanes, and a bottom margin holding the range slider
        # (15% of the plot) and the legend even when a phone wraps it onto many rows.
        height=plot_px + 30 + BELOW_PLOT_PX,
        # Fixed margins (no auto-expanding); lane names sit inside the plot, so a phone
        # gives the plot, and the legend under it, the whole width.
        margin={"l": 10, "r": 10, "t": 30, "b": BELOW_PLOT_PX, "autoexpand": False},
        clickmode="event+select",
        dragmode="pan",
        # Below the plot, not beside it, so the plot keeps its width on a phone; placed
        # clear of the range slider and its date labels.
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -(0.15 + 60 / plot_px),
            "font": {"size": 11},
            # Fixed-width entries, so a phone fits several to a row instead of one.
            "x": 0,
            "entrywidth": 95,
            "itemsizing": "constant",
            "title": {"text": "Colour: missile class · symbol: event type ", "side": "top"},
        },
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(lanes))),
            "ticktext": lanes,
            "showticklabels": False,
            "range": [-0.5, len(lanes) - 0.5],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "title": None,
        },
        xaxis={
            "type": "date",
            "rangeslider": {"visible": True, "thickness": 0.15},
            "title": None,
        },
    )
    return fig


LABELLED_GAP_SHARE = 0.1  # a gap narrower than this share of the view is shaded, not labelled


def _shade_uncollected(
    fig: go.Figure, spans: tuple[Span, ...], lanes: list[str], view: tuple
) -> None:
    """Grey, labelled bands where a lane's kind of record was not collected."""
    by_kind = {s.kind: s for s in spans}
    for index, lane in enumerate(lanes):
        kind = "diplomatic events" if lane == EVENT_LANE else "launches"
        if kind not in by_kind:
            continue
        for start, end in uncollected(by_kind[kind], view):
            # Wide enough to hold its label ('not collected' at the gap's foot).
            wide = (end - start) >= (view[1] - view[0]) * LABELLED_GAP_SHARE
            fig.add_shape(
                type="rect",
                x0=start,
                x1=end,
                y0=index - 0.5,
                y1=index + 0.5,
                xref="x",
                yref="y",
                fillcolor="rgba(140,140,140,0.18)",
                line={"width": 0},
                layer="below",
            )
            if not wide:
                continue  # shaded, but a label would not fit
            fig.add_annotation(
                x=start,
                y=index - 0.5,
                xanchor="left",
                yanchor="bottom",
                showarrow=False,
                text=f"{kind} not collected",
                font={"size": 11, "color": "#8C8C8C"},
            )


def _selected_point(
    launches: pd.DataFrame,
    events: pd.DataFrame,
    selected: str,
    launch_y: pd.Series,
    event_y: pd.Series,
) -> tuple[pd.Timestamp, float] | None:
    kind, _, record_id = selected.partition(":")
    if kind == "launch":
        match = launches.index[launches["launch_id"] == record_id]
        if len(match):
            return launches.at[match[0], "date_local"], float(launch_y[match[0]])
    elif kind == "event":
        match = events.index[events["event_id"] == record_id]
        if len(match):
            return events.at[match[0], "date_start"], float(event_y[match[0]])
    return None


def lag_figure(result: LagResult) -> go.Figure:
    """Histogram of lags after the placed dates; the title says how many it rests on."""
    reverse = result.direction == AFTER_LAUNCHES
    placed = f"{result.placed:,} {'launch day' if reverse else 'event'}"
    placed += "" if result.placed == 1 else "s"
    what = "events" if reverse else "launch events"
    fig = go.Figure(
        go.Histogram(
            x=result.pairs["lag_days"],
            xbins={"start": 0.5, "end": result.window_days + 0.5, "size": 1},
            marker_color=EVENT_COLOR,
            name=what,
            hovertemplate=f"%{{x}} days after: %{{y}} {what}<extra></extra>",
        )
    )
    fig.update_layout(
        height=280,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title={"text": f"{what.capitalize()} 1–{result.window_days} days after {placed}"},
        xaxis={
            "title": f"days after the {'launch' if reverse else 'event'}",
            "range": [0.5, result.window_days + 0.5],
        },
        # Whole counts: one tick per record while the bars are short.
        yaxis={"title": what, "dtick": 1 if _tallest_bar(result) <= 10 else None},
        bargap=0.1,
    )
    return fig


def _tallest_bar(result: LagResult) -> int:
    counts = result.pairs["lag_days"].value_counts()
    return int(counts.max()) if len(counts) else 0


def baseline_figure(result: LagResult) -> go.Figure:
    """Both chance levels (uniform dates, and all dates shifted together) over the studied
    span, with the observed share and its Wilson 95 % interval marked."""
    first, last = result.period
    # Shares are whole multiples of 1/n: one bar per possible share, centred on it.
    step = 1 / max(result.placed, 1)
    fig = go.Figure()
    for shares, name, color in (
        (result.baseline_shares, "uniform dates", "#8C8C8C"),
        (result.shift_shares, "circular shifts", "#4C78A8"),
    ):
        fig.add_trace(
            go.Histogram(
                x=shares,
                xbins={"start": -step / 2, "end": 1 + step / 2, "size": step},
                marker_color=color,
                opacity=0.6,
                name=name,
                hovertemplate=f"share %{{x}}: %{{y}} {name}<extra></extra>",
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
    low, high = result.interval
    fig.add_vrect(x0=low, x1=high, fillcolor=SELECTED_COLOR, opacity=0.12, line_width=0)
    fig.update_layout(
        height=280,
        barmode="overlay",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        title={
            # The span on a line of its own: at half the page width one line is cut off.
            "text": f"{result.baseline_shares.size:,} random placements and "
            f"{result.shift_shares.size:,} shifts<br>{first:%Y-%m-%d} to {last:%Y-%m-%d}"
        },
        # The key sits in the axis title, not a legend: the Timeline's chart keeps the page's
        # only legend, which the browser test locates.
        xaxis={
            "title": "share followed: grey uniform, blue shifted; shaded: observed 95 % interval",
            "range": [0, 1.02],
        },
        yaxis={"title": "draws"},
        showlegend=False,
    )
    return fig


PERIODS = {"year": ("Y", "%Y"), "month": ("M", "%b %Y")}


def launches_per_period(launches: pd.DataFrame, period: str) -> pd.DataFrame:
    """Launch events and missiles fired per period ('year' or 'month') and class.

    A launch dated only to the year is counted in that year's January at month granularity.
    """
    freq, _ = PERIODS[period]
    starts = launches["date_local"].dt.to_period(freq).dt.to_timestamp()
    return (
        launches.assign(period=starts)
        .groupby(["period", "missile_class"], as_index=False)
        .agg(launch_events=("launch_id", "size"), missiles=("count", "sum"))
    )


def launches_by_period_figure(launches: pd.DataFrame, period: str = "year") -> go.Figure:
    """Missiles fired per year or month, stacked by class. Each bar's customdata[0] is the
    first day of its period, so a click can narrow the view to that period."""
    _, label = PERIODS[period]
    totals = launches_per_period(launches, period)
    fig = go.Figure()
    for missile_class, group in totals.groupby("missile_class", sort=True):
        fig.add_trace(
            go.Bar(
                x=group["period"],
                y=group["missiles"],
                name=str(missile_class),
                marker_color=CLASS_COLORS.get(str(missile_class), "#8C8C8C"),
                customdata=np.array(
                    [
                        [p.date().isoformat(), n]
                        for p, n in zip(group["period"], group["launch_events"], strict=True)
                    ],
                    dtype=object,
                ),
                xperiod="M12" if period == "year" else "M1",
                xperiodalignment="middle",
                hovertemplate=f"%{{x|{label}}}: %{{y}} missiles in %{{customdata[1]}} launch "
                "events<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=320,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        clickmode="event+select",
        yaxis={"title": "missiles fired"},
        xaxis={"title": None, "type": "date"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "traceorder": "normal"},
    )
    return fig
