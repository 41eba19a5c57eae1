import pandas as pd
from app_runner import array, plotly_specs, run_page, texts, url_notices

from dashboard.paths import DATASETS_DIR


def test_timeline_draws_lanes_and_legend_by_class_and_event_type():
    at = run_page("timeline")
    chart = plotly_specs(at)[0]
    names = {trace["name"] for trace in chart["data"]}
    assert {"SRBM", "ICBM", "sanctions", "summit"} <= names
    assert chart["layout"]["xaxis"]["rangeslider"]["visible"] is True
    assert at.selectbox(key="record_picker").value is None


def test_selected_launch_shows_sources_claims_and_statements():
    at = run_page("timeline", {"sel": "launch:prk-2022-01-14-uiju"})
    assert "Launch prk-2022-01-14-uiju" in texts(at.subheader)
    claims = at.dataframe[1].value.set_index("field")
    assert "The Diplomat (analysis)" in claims.columns
    assert claims.loc["missile_name", "CNS"] == "Rail-mobile KN-23"
    text = "\n".join(texts(at.text))
    assert "The Diplomat" in text and "CNS North Korea Missile Test Database" in text
    links = [p.proto.label for p in at.get("page_link")]
    assert any("DPRK Ministry of Foreign Affairs" in label for label in links)
    ring = plotly_specs(at)[0]["data"][-1]
    assert ring["name"] == "selected"


def test_selected_event_and_picker_update_the_url():
    at = run_page("timeline", {"sel": "event:summit-2019-02-27-hanoi"})
    title = "US-North Korea summit in Hanoi ends without a deal"
    assert texts(at.subheader)[0] == "Diplomatic event summit-2019-02-27-hanoi"
    assert texts(at.text)[0] == title
    at.selectbox(key="record_picker").select("launch:prk-2022-11-17-wonsan-kalma").run()
    assert at.query_params["sel"] == "launch:prk-2022-11-17-wonsan-kalma"
    assert "Launch prk-2022-11-17-wonsan-kalma" in texts(at.subheader)


def test_unknown_or_filtered_out_selection_gives_a_notice():
    at = run_page("timeline", {"sel": "launch:<b>nope</b>"})
    assert "is not in view" in " ".join(texts(at.warning))
    at = run_page("timeline", {"sel": "launch:prk-2022-01-14-uiju", "class": "ICBM"})
    assert "is not in view" in " ".join(texts(at.warning))
    assert "Launch prk-2022-01-14-uiju" not in texts(at.subheader)


def test_timeline_empty_state():
    at = run_page("timeline", {"from": "2000-01-01", "to": "2000-01-02"})
    assert "No launches or diplomatic events" in " ".join(texts(at.info))
    assert not at.get("plotly_chart")


def test_per_year_view_from_the_url_draws_missiles_by_class():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    at = run_page("timeline", {"view": "per year"})
    assert at.radio(key="view").value == "per year"
    bars = plotly_specs(at)[0]["data"]
    assert {trace["type"] for trace in bars} == {"bar"}
    assert sum(sum(array(trace["y"])) for trace in bars) == launches["count"].sum()
    assert "Click a bar to narrow the dates to that year." in " ".join(texts(at.caption))
    at = run_page("timeline", {"view": "per month", "class": "ICBM"})
    bars = plotly_specs(at)[0]["data"]
    assert [trace["name"] for trace in bars] == ["ICBM"]


def test_bad_view_gives_a_notice_and_the_record_view():
    at = run_page("timeline", {"view": "per decade"})
    assert "view=per decade: not one of the values" in url_notices(at)
    assert at.radio(key="view").value == "each record"
    assert {t["type"] for t in plotly_specs(at)[0]["data"]} == {"scatter"}


def test_timeline_says_what_each_kind_covers_and_shades_what_it_does_not():
    events = pd.read_parquet(DATASETS_DIR / "diplomatic_events.parquet")
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    at = run_page("timeline")
    captions = " ".join(texts(at.caption))
    first, last = events["date_start"].min(), events["date_start"].max()
    assert f"diplomatic events: {first} to {last} ({len(events)})" in captions
    layout = plotly_specs(at)[0]["layout"]
    lane = layout["yaxis"]["ticktext"].index("Diplomacy")
    shaded_ends = {
        str(shape["x1"])[:10]
        for shape in layout.get("shapes", [])
        if shape["y0"] < lane < shape["y1"]
    }
    # The events lane is shaded after the last event when launches run on past it.
    assert (str(launches["date_local"].max()) in shaded_ends) == (
        launches["date_local"].max() > last
    )
    assert layout["legend"]["orientation"] == "h"
