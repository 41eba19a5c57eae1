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
    assert str(latest.iloc[0]["date_local"])[:10] == str(launches["date_local"].max())[:10]
    assert "Dataset version" in " ".join(texts(at.caption))
    bars = plotly_specs(at)[0]["data"]
    assert sum(sum(array(trace["y"])) for trace in bars) == launches["count"].sum()
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
