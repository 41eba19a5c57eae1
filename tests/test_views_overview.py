import pandas as pd
from app_runner import array, metrics, plotly_specs, run_page, texts

from dashboard.paths import DATASETS_DIR


def test_overview_counts_latest_records_and_version():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    events = pd.read_parquet(DATASETS_DIR / "diplomatic_events.parquet")
    statements = pd.read_parquet(DATASETS_DIR / "statements.parquet")
    at = run_page("overview")
    assert metrics(at) == {
        "Launch events": str(len(launches)),
        "Missiles fired": str(int(launches["count"].sum())),
        "Diplomatic events": str(len(events)),
        "Statements": str(len(statements)),
    }
    latest = at.dataframe[0].value
    newest = launches.sort_values(["date_local", "time_local"], ascending=False).head(8)
    assert latest["date_shown"].tolist() == [str(d)[:10] for d in newest["date_local"]]
    assert latest["time_local"].tolist() == newest["time_local"].tolist()
    sites = pd.read_parquet(DATASETS_DIR / "launch_sites.parquet").set_index("site_id")["name"]
    expected_sites = newest["site_id"].map(sites).fillna("").tolist()
    assert latest["site_name"].fillna("").tolist() == expected_sites
    captions = " ".join(texts(at.caption))
    assert "Dataset version" in captions
    assert "Showing the whole record" in captions and "(the default)" in captions
    first_launch = str(launches["date_local"].min())[:10]
    assert f"launches: {first_launch} to" in captions
    bars = plotly_specs(at)[0]["data"]
    assert sum(sum(array(trace["y"])) for trace in bars) == launches["count"].sum()
    years = {row[0][:4] for trace in bars for row in trace["customdata"]}
    assert years == {str(y) for y in pd.to_datetime(launches["date_local"]).dt.year}
    assert [b.label for b in at.get("download_button")] == [
        "Download these launches (CSV)",
        "Download these events (CSV)",
    ]


def test_overview_empty_state():
    at = run_page("overview", {"from": "2000-01-01", "to": "2000-12-31"})
    assert metrics(at)["Launch events"] == "0"
    infos = " ".join(texts(at.info))
    assert "No launches" in infos and "No diplomatic events" in infos
    assert not at.get("plotly_chart")
