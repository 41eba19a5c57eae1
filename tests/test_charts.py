import datetime as dt

import pandas as pd
import pytest

from dashboard import charts
from dashboard.context import Context
from dashboard.coverage import Span
from dashboard.data_io import read_dataset
from dashboard.filters import Filters
from dashboard.lag import action_reaction, answers_to_launches, dated_events
from dashboard.palette import CLASS_COLORS
from dashboard.paths import DATASETS_DIR


@pytest.fixture(scope="module")
def ctx():
    return Context.build(read_dataset(DATASETS_DIR), Filters())


def test_timeline_has_a_trace_per_class_and_event_type_in_separate_lanes(ctx):
    fig = charts.timeline_figure(ctx.launches, ctx.events)
    names = {t.name for t in fig.data}
    assert (
        set(ctx.launches["missile_class"]) | {t.replace("_", " ") for t in ctx.events["event_type"]}
        == names
    )
    points = sum(len(t.x) for t in fig.data)
    assert points == len(ctx.launches) + len(ctx.events)
    srbm = next(t for t in fig.data if t.name == "SRBM")
    assert srbm.marker.color == CLASS_COLORS["SRBM"]
    lanes = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert {lanes[round(y)] for y in srbm.y} <= {"North Korea", "South Korea"}
    summit = next(t for t in fig.data if t.name == "summit")
    assert {lanes[round(y)] for y in summit.y} == {"Diplomacy"}
    assert summit.marker.symbol == "star"
    assert fig.layout.xaxis.rangeslider.visible is True
    # Legend under the plot, so a phone-width screen keeps the plot's full width.
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0


def test_timeline_points_carry_record_keys_and_escaped_hover(ctx):
    fig = charts.timeline_figure(ctx.launches, ctx.events)
    keys = {row[0] for t in fig.data for row in t.customdata}
    assert "launch:prk-2022-01-14-uiju" in keys
    assert "event:sanctions-2022-01-12-us" in keys
    hover = next(t for t in fig.data if t.name == "summit").hovertext
    assert any("Hanoi" in h for h in hover)


def test_hover_text_from_data_is_html_escaped():
    launches = pd.DataFrame(
        {
            "launch_id": ["x"],
            "state": ["PRK"],
            "date_local": pd.to_datetime(["2022-01-01"]),
            "time_local": ["08:00"],
            "missile_class": ["SRBM"],
            "missile_name": ["<img src=x onerror=alert(1)>"],
            "count": [1],
            "range_km": [100.0],
            "apogee_km": [None],
            "site_name": ["<b>site</b>"],
        }
    )
    events = pd.DataFrame(columns=["event_id", "event_type", "date_start", "title"])
    fig = charts.timeline_figure(launches, events)
    text = fig.data[0].hovertext[0]
    assert "<img" not in text and "&lt;img" in text
    assert "&lt;b&gt;site" in text


def test_selected_record_is_ringed(ctx):
    fig = charts.timeline_figure(ctx.launches, ctx.events, "launch:prk-2022-01-14-uiju")
    ring = fig.data[-1]
    assert ring.name == "selected"
    assert pd.Timestamp(ring.x[0]) == pd.Timestamp("2022-01-14")
    # The ring sits on the marker itself, wherever spreading put it.
    keys = [row[0] for t in fig.data[:-1] for row in t.customdata]
    ys = [y for t in fig.data[:-1] for y in t.y]
    assert ring.y[0] == ys[keys.index("launch:prk-2022-01-14-uiju")]
    unselected = charts.timeline_figure(ctx.launches, ctx.events, "launch:no-such-launch")
    assert all(t.name != "selected" for t in unselected.data)


def test_marker_size_grows_with_range_and_is_bounded():
    assert charts.marker_size(None) == charts.MIN_SIZE
    assert charts.marker_size(float("nan")) == charts.MIN_SIZE
    assert charts.marker_size(300) < charts.marker_size(1000) < charts.marker_size(4500)
    assert charts.marker_size(15000) == charts.MAX_SIZE


def test_launches_per_year_and_month_stack_missiles_by_class(ctx):
    for period in ("year", "month"):
        fig = charts.launches_by_period_figure(ctx.launches, period)
        assert fig.layout.barmode == "stack"
        assert sum(sum(t.y) for t in fig.data) == ctx.launches["count"].sum()
    yearly = charts.launches_by_period_figure(ctx.launches, "year")
    srbm = next(t for t in yearly.data if t.name == "SRBM")
    years = ctx.launches[ctx.launches["missile_class"] == "SRBM"]["date_local"].dt.year
    # Each bar carries its period's first day (for click-to-narrow) and its launch events.
    assert [row[0] for row in srbm.customdata] == [f"{y}-01-01" for y in sorted(set(years))]
    assert sum(row[1] for row in srbm.customdata) == len(years)


def test_same_day_records_are_spread_apart_within_their_lane():
    dates = pd.Series(pd.to_datetime(["2017-03-06"] * 4 + ["2017-07-04"]))
    offsets = charts.spread(dates, span_days=365)
    same_day = offsets[:4].tolist()
    assert len(set(same_day)) == 4 and max(map(abs, same_day)) < 0.5
    assert offsets[4] == 0
    # At a forty-year span, launches weeks apart overlap on screen and are spread too.
    weeks = pd.Series(pd.to_datetime(["2017-03-06", "2017-03-20", "2017-04-03"]))
    assert charts.spread(weeks, span_days=15_000).nunique() == 3
    assert charts.spread(weeks, span_days=100).tolist() == [0, 0, 0]


def test_uncollected_spans_are_shaded_and_labelled_on_their_lane(ctx):
    spans = (
        Span("launches", dt.date(2019, 7, 25), dt.date(2022, 12, 31), 47),
        Span("diplomatic events", dt.date(2021, 1, 1), dt.date(2021, 12, 31), 3),
    )
    fig = charts.timeline_figure(ctx.launches, ctx.events, spans=spans)
    labels = [a.text for a in fig.layout.annotations]
    assert labels.count("diplomatic events not collected") == 2
    event_lane = list(fig.layout.yaxis.ticktext).index("Diplomacy")
    shaded = [s for s in fig.layout.shapes if s.y0 < event_lane < s.y1]
    last = max(ctx.launches["date_local"].max(), ctx.events["date_start"].max())
    # Before the span: up to its first day; after it: to the last date on the chart.
    assert [pd.Timestamp(s.x1) for s in shaded] == [pd.Timestamp("2021-01-01"), last]
    assert not charts.timeline_figure(ctx.launches, ctx.events).layout.shapes


def test_launch_hover_says_month_precision_and_review_status():
    launches = pd.DataFrame(
        {
            "launch_id": ["x"],
            "state": ["PRK"],
            "date_local": pd.to_datetime(["1984-04-01"]),
            "date_precision": ["month"],
            "time_local": [None],
            "missile_class": ["SRBM"],
            "missile_name": [None],
            "count": [1],
            "range_km": [None],
            "apogee_km": [None],
            "site_name": [None],
            "review_status": ["imported"],
        }
    )
    events = pd.DataFrame(columns=["event_id", "event_type", "date_start", "title"])
    text = charts.timeline_figure(launches, events).data[0].hovertext[0]
    assert text.startswith("<b>1984-04 (month only)</b>")
    assert "record: imported" in text


def test_lag_figures_show_observed_lags_and_the_baseline(ctx):
    events = dated_events(ctx.events, "sanctions")
    period = (ctx.launches["date_local"].min(), ctx.launches["date_local"].max())
    result = action_reaction(events, ctx.launches, 7, period, permutations=100)
    hist = charts.lag_figure(result)
    assert list(hist.data[0].x) == result.pairs["lag_days"].tolist()
    base = charts.baseline_figure(result)
    assert len(base.data[0].x) == 100
    assert base.layout.shapes[0].x0 == result.observed_share


def test_event_hover_says_when_a_date_is_only_known_to_the_month(ctx):
    fig = charts.timeline_figure(ctx.launches, ctx.events)
    # The US North Korea policy review is dated only to March 2021 (first day of the month).
    policy = next(t for t in fig.data if t.name == "policy")
    assert any("2021-03-01 (date known to the month)" in h for h in policy.hovertext)
    summit = next(t for t in fig.data if t.name == "summit")
    assert any(h.startswith("<b>2019-02-27</b>") for h in summit.hovertext)


def test_lag_histogram_uses_whole_counts_and_the_observed_label_stays_inside(ctx):
    events = dated_events(ctx.events, "sanctions")
    period = (ctx.launches["date_local"].min(), ctx.launches["date_local"].max())
    result = action_reaction(events, ctx.launches, 7, period, permutations=50)
    assert charts.lag_figure(result).layout.yaxis.dtick == 1
    annotation = charts.baseline_figure(result).layout.annotations[0]
    assert annotation.text == "observed" and annotation.xanchor == "right"


def test_baseline_figure_shows_both_chance_levels_and_the_interval(ctx):
    events = dated_events(ctx.events, "sanctions")
    period = (events["date_start"].min(), events["date_start"].max())
    result = action_reaction(events, ctx.launches, 14, period, permutations=60)
    fig = charts.baseline_figure(result)
    assert [trace.name for trace in fig.data] == ["uniform dates", "circular shifts"]
    assert list(fig.data[1].x) == result.shift_shares.tolist()
    shaded = next(shape for shape in fig.layout.shapes if shape.type == "rect")
    assert (shaded.x0, shaded.x1) == result.interval


def test_lag_figure_names_launch_days_in_the_reverse_direction(ctx):
    launches = ctx.launches[ctx.launches["date_precision"] == "day"]
    events = dated_events(ctx.events, "un_action")
    period = (events["date_start"].min(), events["date_start"].max() - pd.Timedelta(days=14))
    result = answers_to_launches(launches, events, 14, period, permutations=20)
    fig = charts.lag_figure(result)
    assert fig.layout.title.text == f"Events 1–14 days after {result.placed:,} launch days"
    assert list(fig.data[0].x) == result.pairs["lag_days"].tolist()
