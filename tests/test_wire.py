"""The app over its websocket, as a shared link is used: bytes per run and a short load test.

Starts `streamlit run` on a free loopback port under a base URL path (as behind a proxy);
skips, saying why, when no loopback port can be opened.
"""

from __future__ import annotations

import sys

import pytest

from dashboard import loadtest, stream_client, wire


@pytest.fixture(scope="module")
def app():
    try:
        stream_client.free_port()
    except OSError as error:
        print(f"\nSKIP wire tests: no loopback port ({error})", file=sys.stderr)
        pytest.skip(f"cannot open a loopback port: {error}")
    with stream_client.running_app(base_path="korea") as running:
        yield running


def test_map_load_and_rerun_stay_under_the_targets_and_the_basemap_is_served(app):
    (row,) = wire.page_bytes(app.url, ["map"])
    assert row["errors"] == []
    load_target, rerun_target = wire.TARGETS["map"]
    assert row["load_bytes"] <= load_target, row
    assert row["rerun_bytes"] <= rerun_target, row
    # Fetched by the URL the page's deck gives, resolved as the browser resolves it: a
    # missing file or a wrong base path would raise here.
    assert row["static_files"] == [
        "app/static/basemap/borders.geojson",
        "app/static/basemap/land.geojson",
    ]
    assert row["static_bytes"] > 100_000


def test_a_short_load_test_has_no_errors(app):
    report = loadtest.run_loadtest(app.url, sessions=2, seconds=5, pid=app.pid, browsers=False)
    assert report.errors == []
    assert len(report.load_seconds) == 2 and len(report.rerun_seconds) >= 2
    assert report.memory and all(mb > 0 for _, mb in report.memory)
    assert "2 sessions for 5 s" in loadtest.summary(report)
