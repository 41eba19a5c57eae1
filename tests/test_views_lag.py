"""The Timeline's Action and reaction panel: the span it studies, what it rests on, its warnings.

Expected values are worked out here from the Parquet tables with plain pandas, not with
dashboard.lag, so the page is checked against an independent reading of the data.
"""

import re
import shutil

import pandas as pd
import pytest
import yaml
from app_runner import plotly_specs, run_page, texts, url_notices

from dashboard.curation.build import build_dataset, write_dataset
from dashboard.paths import CURATED_DIR, DATASETS_DIR, REPO_DIR


@pytest.fixture(scope="module")
def events():
    frame = pd.read_parquet(DATASETS_DIR / "diplomatic_events.parquet")
    return frame.assign(
        date_start=pd.to_datetime(frame["date_start"]), date_end=pd.to_datetime(frame["date_end"])
    )


@pytest.fixture(scope="module")
def launches():
    frame = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    return frame.assign(date_local=pd.to_datetime(frame["date_local"]))


def _unescaped(text: str) -> str:
    """Markdown text as the reader sees it (the page backslash-escapes its sentences)."""
    return re.sub(r"\\(.)", r"\1", text)


def _all(elements) -> str:
    return "\n".join(_unescaped(t) for t in texts(elements))


def _followed(event_days: pd.Series, launch_days: pd.Series, window: int) -> list[bool]:
    return [
        bool(((launch_days > day) & (launch_days <= day + pd.Timedelta(days=window))).any())
        for day in event_days
    ]


def test_too_few_events_get_a_warning_and_their_numbers_are_not_shown_as_a_finding(
    events, launches
):
    # January 2022 only, 3-day window: the span ends on 28 January.
    at = run_page(
        "timeline",
        {"lag_type": "sanctions", "lag_days": "3", "from": "2022-01-01", "to": "2022-01-31"},
    )
    assert at.selectbox(key="lag_type").value == "sanctions"
    assert at.slider(key="lag_days").value == 3
    dated = events[(events["event_type"] == "sanctions") & (events["date_precision"] == "day")]
    used = dated[dated["date_start"].between("2022-01-01", "2022-01-28")]
    assert 0 < len(used) < 10
    noun = "event" if len(used) == 1 else "events"
    assert _all(at.warning) == (
        f"Too few events to conclude anything: the result rests on {len(used)} sanctions {noun} "
        "dated to the day, fewer than 10. With so few, neither the share nor the p-value can "
        "tell a pattern from chance."
    )
    # Every metric sits in a collapsed box that says it is not a finding.
    box = next(e for e in at.expander if "(not a finding)" in e.label)
    assert box.proto.expanded is False
    assert len(box.metric) == len(at.metric) == 6
    assert {m.label: m.value for m in box.metric}["Events"] == str(len(used))
    # The pairs table: launches 1..3 days after each event used.
    day_launches = launches[launches["date_precision"] == "day"]
    expected = sorted(
        launch.launch_id
        for event in used.itertuples()
        for launch in day_launches.itertuples()
        if 1 <= (launch.date_local - event.date_start).days <= 3
    )
    pairs = at.dataframe[-1].value
    assert sorted(pairs["launch_id"]) == expected
    assert set(pairs["lag_days"]) <= {1, 2, 3}


def test_the_span_says_what_sets_each_end_and_events_past_it_are_left_out(events):
    at = run_page(
        "timeline",
        {"lag_type": "summit", "lag_days": "14", "from": "2020-01-01", "to": "2022-11-25"},
    )
    # The summit record and the launch record both reach back before 2020 and past
    # 11 November 2022, so the date range sets both ends; the end is 14 days before it.
    # 2020 (366 days), 2021 (365), 1 January to 11 November 2022 (315).
    assert (
        "Span studied: 2020-01-01 (start of the date range) to 2022-11-11 (14 days before the "
        "end of the date range, 2022-11-25), 1,046 days."
    ) in _all(at.markdown)
    summits = events[events["event_type"] == "summit"]
    in_view = summits[
        (summits["date_end"].fillna(summits["date_start"]) >= "2020-01-01")
        & (summits["date_start"] <= "2022-11-25")
    ]
    dated = in_view[in_view["date_precision"] == "day"]
    too_late = dated[dated["date_start"] > "2022-11-11"]
    assert len(too_late) > 0
    caption = _all(at.caption)
    assert (
        f"{len(too_late)} less than 14 days before the end of the date range (2022-11-25), so "
        "the window is not fully in view"
    ) in caption
    for precision, count in in_view["date_precision"].value_counts().items():
        if precision != "day":
            assert f"{count} dated only to the {precision}" in caption
    box = next(e for e in at.expander if "left out" in e.label)
    assert box.label == f"The {len(in_view) - len(dated) + len(too_late)} summit events left out"
    assert set(box.dataframe[0].value["title"]) >= set(too_late["title"])


def test_launches_not_dated_to_the_day_are_counted_out_loud(launches):
    undated = int((launches["date_precision"] != "day").sum())
    assert undated > 1, "the bundled record has launches dated only to the month"
    at = run_page("timeline", {"lag_type": "summit"})
    assert (
        f"{undated} launch events in view are dated only to the week, month or year and are "
        "not counted."
    ) in texts(at.caption)


def test_no_result_says_why_instead_of_blaming_the_filters(tmp_path, monkeypatch):
    # A scratch build in which no talks event is dated to the day.
    curated = tmp_path / "curated"
    shutil.copytree(CURATED_DIR, curated)
    for path in (curated / "diplomatic_events").glob("*.yaml"):
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for record in records:
            if record["event_type"] == "talks":
                record["date_start"] = str(record["date_start"])[:4] + "-01-01"
                record["date_end"], record["date_precision"] = None, "year"
        path.write_text(yaml.safe_dump(records, sort_keys=False), encoding="utf-8")
    write_dataset(build_dataset(curated), tmp_path / "out")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "out"))
    kind = "talks"
    at = run_page("timeline", {"lag_type": kind})
    label = kind.replace("_", " ")
    assert _all(at.info).endswith(
        f"No {label} event in the dataset is dated to the day, so no lag can be measured."
    )
    assert not at.metric


def test_the_sidebar_hiding_the_event_type_is_named(events):
    at = run_page("timeline", {"lag_type": "summit", "event_type": "sanctions"})
    assert "The sidebar filters hide every summit event." in _all(at.info)
    assert not at.metric


# --- Enough events: a scratch build with twelve more sanctions events ---------------------


def _extra_sanctions(launches: pd.DataFrame) -> list[dict]:
    """Twelve test-only sanctions events, each two days before a different launch day."""
    days = sorted(set(launches.loc[launches["date_precision"] == "day", "date_local"]))
    # Launch days from 2021 on, leaving the record's last weeks out of it.
    chosen = [d for d in days if d >= pd.Timestamp("2021-01-01")][:12]
    return [
        {
            "event_id": f"sanctions-test-{i:02d}",
            "date_start": (day - pd.Timedelta(days=2)).date(),
            "date_end": None,
            "date_precision": "day",
            "event_type": "sanctions",
            "title": f"Test-only sanctions event {i}",
            "summary": "A record that exists only in this test's own build.",
            "location": None,
            "participants": ["USA"],
            "source_ids": ["cns-missile-db"],
        }
        for i, day in enumerate(chosen)
    ]


@pytest.fixture(scope="module")
def twelve_more(tmp_path_factory, launches):
    root = tmp_path_factory.mktemp("lag")
    curated = root / "curated"
    shutil.copytree(CURATED_DIR, curated)
    extra = _extra_sanctions(launches)
    text = yaml.safe_dump(extra, sort_keys=False, allow_unicode=True)
    (curated / "diplomatic_events" / "zz_test_sanctions.yaml").write_text(text, encoding="utf-8")
    out = root / "built"
    write_dataset(build_dataset(curated), out)
    return out


def test_enough_events_show_the_figures_and_what_they_rest_on(
    twelve_more, monkeypatch, events, launches
):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(twelve_more))
    at = run_page("timeline", {"lag_type": "sanctions", "lag_days": "3"})
    built = pd.read_parquet(twelve_more / "diplomatic_events.parquet")
    dated = built[(built["event_type"] == "sanctions") & (built["date_precision"] == "day")]
    event_days = pd.to_datetime(dated["date_start"])
    day_launches = launches.loc[launches["date_precision"] == "day", "date_local"]
    # Every sanctions event lies inside the launch record, more than 3 days before its end.
    assert event_days.min() >= day_launches.min()
    assert event_days.max() <= day_launches.max() - pd.Timedelta(days=3)
    followed = _followed(event_days, day_launches, 3)
    n = len(dated)
    assert n >= 10
    assert not at.warning
    assert not any("(not a finding)" in e.label for e in at.expander)
    assert (
        f"The result rests on {n} sanctions events dated to the day, of which {sum(followed)} "
        "were followed within 3 days by a launch"
    ) in _all(at.markdown)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Events"] == str(n)
    assert shown["Followed within 3 d"] == f"{sum(followed) / n:.0%}"
    # Twelve of the events are followed by construction; random dates rarely are.
    assert shown["p, uniform"] == "< 0.001"
    span = (
        f"Span studied: {event_days.min():%Y-%m-%d} (first sanctions event dated to the day) "
        f"to {event_days.max():%Y-%m-%d} (last sanctions event dated to the day)"
    )
    assert span in _all(at.markdown)
    # The figures: lags for these events, and random dates drawn from the span only.
    titles = [spec["layout"]["title"]["text"] for spec in plotly_specs(at)[1:]]
    assert titles == [
        f"Launch events 1–3 days after {n} events",
        f"2,000 random placements and 2,000 shifts<br>{event_days.min():%Y-%m-%d} to "
        f"{event_days.max():%Y-%m-%d}",
    ]


# --- Uncertainty, both baselines, the clustering flag and the reverse direction --------------


def _wilson(k: int, n: int) -> tuple[float, float]:
    z = 1.959964
    p, z2 = k / n, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * (p * (1 - p) / n + z2 / (4 * n * n)) ** 0.5 / (1 + z2 / n)
    return centre - half, centre + half


def _close_days(days: pd.Series, window: int) -> int:
    """Distinct days with another of them within `window` days, by brute force."""
    distinct = sorted(set(days))
    return sum(any(0 < abs((other - day).days) <= window for other in distinct) for day in distinct)


def test_reverse_direction_counts_un_action_after_launch_days(events, launches):
    at = run_page(
        "timeline", {"lag_type": "un_action", "lag_days": "14", "lag_dir": "after_launches"}
    )
    assert at.radio(key="lag_dir").value == "after_launches"
    un = events[(events["event_type"] == "un_action") & (events["date_precision"] == "day")]
    day = launches[launches["date_precision"] == "day"]
    start = max(un["date_start"].min(), day["date_local"].min())
    end = min(day["date_local"].max(), un["date_start"].max() - pd.Timedelta(days=14))
    inside = day[day["date_local"].between(start, end)]
    launch_days = pd.Series(sorted(set(inside["date_local"])))
    followed = sum(_followed(launch_days, un["date_start"], 14))
    n = len(launch_days)
    reach = un["date_start"].between(start + pd.Timedelta(days=1), end + pd.Timedelta(days=14))
    shown = _all(at.markdown)
    assert (
        f"The result rests on {n} launch days ({len(inside)} launch events) dated to the day, of "
        f"which {followed} were followed within 14 days by at least one un action event, and on "
        f"{int(reach.sum())} un action events in view"
    ) in shown
    low, high = _wilson(followed, n)
    assert f"Observed {followed / n:.0%}, 95 % interval {low:.0%} to {high:.0%} (Wilson)." in shown
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Launch days"] == str(n)
    assert metrics["Followed within 14 d"] == f"{followed / n:.0%}"
    assert {"Chance, uniform", "p, uniform", "Chance, shift", "p, shift"} <= set(metrics)
    # The launch days' own clustering, the basis for reading the two baselines.
    close = _close_days(launch_days, 14)
    assert (
        f"Clustering within 14 days: {close} of {n} launch days in the span ({close / n:.0%}) "
        "have another launch day within 14 days"
    ) in _all(at.caption)
    # The pairs: each launch event of a launch day followed, with the un action event after it.
    pairs = at.dataframe[-1].value
    assert set(pairs["lag_days"]) <= set(range(1, 15))
    assert pairs["launch_date"].nunique() == followed
    titles = [spec["layout"]["title"]["text"] for spec in plotly_specs(at)[1:]]
    assert titles[0] == f"Events 1–14 days after {n} launch days"


def test_the_uniform_baseline_overstating_significance_is_flagged(events, launches):
    at = run_page("timeline", {"lag_type": "un_action", "lag_days": "30"})
    metrics = {m.label: m.value for m in at.metric}
    p_uniform, p_shift = metrics["p, uniform"], metrics["p, shift"]
    p_number = 0.0 if p_uniform == "< 0.001" else float(p_uniform)
    assert p_number < 0.05 <= float(p_shift), "this question is the bundled data's example"
    warning = _all(at.warning)
    assert warning.startswith("Launches")
    assert "cluster; the uniform baseline overstates significance." in warning
    assert f"give p {p_uniform}, but shifting all dates together" in warning
    assert f"gives p {p_shift}: not significant at 5 %." in warning
    # The flag's basis: launch days within 30 days of another, counted independently.
    day = launches[launches["date_precision"] == "day"]
    un = events[(events["event_type"] == "un_action") & (events["date_precision"] == "day")]
    start = max(un["date_start"].min(), day["date_local"].min())
    end = min(un["date_start"].max(), day["date_local"].max() - pd.Timedelta(days=30))
    reach = day[
        day["date_local"].between(start + pd.Timedelta(days=1), end + pd.Timedelta(days=30))
    ]
    launch_days = set(reach["date_local"])
    close = _close_days(pd.Series(list(launch_days)), 30)
    assert f"{close} of {len(launch_days)} launch days in the span" in _all(at.caption)


def test_a_bad_direction_in_the_url_gets_a_notice_and_the_default():
    at = run_page("timeline", {"lag_type": "sanctions", "lag_dir": "sideways"})
    assert "lag_dir=sideways: not one of the values in the data" in url_notices(at)
    assert at.radio(key="lag_dir").value == "after_events"
    # The default direction: the share is one of sanctions events, followed by launches.
    assert "sanctions events dated to the day, of which" in _all(at.markdown)
    assert "Events" in {m.label for m in at.metric}


def test_the_readme_worked_example_is_what_the_panel_says():
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Action and reaction: method", 1)[1].split("\n## ", 1)[0]
    url = re.search(r"\*\*Worked example\.\*\* `/timeline\?([^`]+)`", section).group(1)
    quoted = [line[2:] for line in section.splitlines() if line.startswith("> ")]
    assert len(quoted) == 4
    at = run_page("timeline", dict(part.split("=") for part in url.split("&")))
    shown = _all(at.markdown) + "\n" + _all(at.caption)
    for line in quoted:
        assert line in shown
