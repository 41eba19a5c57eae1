from app_runner import markdown_text, metrics, plotly_specs, run_page, texts

from dashboard import plain_text


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
    text = markdown_text(at)
    assert "The Diplomat" in text and "CNS North Korea Missile Test Database" in text
    links = [p.proto.label for p in at.get("page_link")]
    assert any("DPRK Ministry of Foreign Affairs" in label for label in links)
    ring = plotly_specs(at)[0]["data"][-1]
    assert ring["name"] == "selected"


def test_selected_event_and_picker_update_the_url():
    at = run_page("timeline", {"sel": "event:summit-2019-02-27-hanoi"})
    title = "US-North Korea summit in Hanoi ends without a deal"
    assert texts(at.subheader)[0] == plain_text.escape(title)
    at.selectbox(key="record_picker").select("launch:prk-2022-11-17-wonsan-kalma").run()
    assert at.query_params["sel"] == "launch:prk-2022-11-17-wonsan-kalma"
    assert "Launch prk-2022-11-17-wonsan-kalma" in texts(at.subheader)


def test_unknown_or_filtered_out_selection_gives_a_notice():
    at = run_page("timeline", {"sel": "launch:<b>nope</b>"})
    assert "is not in view" in " ".join(texts(at.warning))
    at = run_page("timeline", {"sel": "launch:prk-2022-01-14-uiju", "class": "ICBM"})
    assert "is not in view" in " ".join(texts(at.warning))
    assert "Launch prk-2022-01-14-uiju" not in texts(at.subheader)


def test_action_reaction_panel_reads_its_options_from_the_url():
    # January 2022 holds exactly one sanctions event dated to the day, whatever the calendar
    # adds in other months.
    params = {"lag_type": "sanctions", "lag_days": "3", "from": "2022-01-01", "to": "2022-01-31"}
    at = run_page("timeline", params)
    shown = metrics(at)
    assert shown["Events"] == "1"  # one sanctions event dated to the day
    assert shown["Followed within 3 d"] == "100%"  # 12 Jan 2022 -> launch on 14 Jan
    pairs = at.dataframe[-1].value
    assert pairs["launch_id"].tolist() == ["prk-2022-01-14-uiju"]
    assert pairs["lag_days"].tolist() == [2]
    assert float(shown["p (one-sided)"]) < 1


def test_timeline_empty_state():
    at = run_page("timeline", {"from": "2000-01-01", "to": "2000-01-02"})
    assert "No launches or diplomatic events" in " ".join(texts(at.info))
    assert not at.get("plotly_chart")
