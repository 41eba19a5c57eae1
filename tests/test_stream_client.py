"""The websocket client's handling of Streamlit's messages, without a server."""

from __future__ import annotations

import os

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dashboard.loadtest import percentile, rss_mb
from dashboard.stream_client import RunReader, stream_url
from dashboard.wire import over_target, table


def _text(body: str, cacheable_hash: str = "") -> bytes:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = body
    if cacheable_hash:
        msg.hash = cacheable_hash
        msg.metadata.cacheable = True
    return msg.SerializeToString()


def _finished(status=ForwardMsg.FINISHED_SUCCESSFULLY) -> bytes:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg.SerializeToString()


def test_a_run_counts_bytes_and_ends_at_script_finished():
    reader = RunReader()
    result = reader.start("map", "year=2022")
    frames = [_text("Map"), _text("x" * 20_000, cacheable_hash="abc"), _finished()]
    assert [reader.feed(f) for f in frames] == [False, False, True]
    assert result.bytes_received == sum(len(f) for f in frames)
    assert result.messages == 3 and result.ok and result.status == "finished"


def test_a_run_that_restarts_for_a_rerun_is_not_over_yet():
    reader = RunReader()
    reader.start("", "")
    assert not reader.feed(_finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN))
    assert not reader.feed(_finished(ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY))
    assert reader.feed(_finished())


def test_exceptions_missing_pages_and_compile_errors_are_errors():
    reader = RunReader()
    result = reader.start("map", "")
    shown = ForwardMsg()
    shown.delta.new_element.exception.type = "KeyError"
    shown.delta.new_element.exception.message = "'lat'"
    missing = ForwardMsg()
    missing.page_not_found.page_name = "nowhere"
    reader.feed(shown.SerializeToString())
    reader.feed(missing.SerializeToString())
    reader.feed(_finished(ForwardMsg.FINISHED_WITH_COMPILE_ERROR))
    assert result.errors == [
        "exception: KeyError: 'lat'",
        "page not found: nowhere",
        "compile error",
    ]
    assert not result.ok


def test_static_file_references_in_elements_are_collected():
    reader = RunReader()
    result = reader.start("map", "")
    chart = ForwardMsg()
    chart.delta.new_element.deck_gl_json_chart.json = (
        '{"layers":[{"data":"app/static/basemap/land.geojson"},'
        '{"data":"app/static/basemap/borders.geojson"},{"data":[1,2]}]}'
    )
    reader.feed(chart.SerializeToString())
    assert result.static_refs == {
        "app/static/basemap/land.geojson",
        "app/static/basemap/borders.geojson",
    }


def test_the_next_rerun_names_the_large_elements_already_held_and_the_page():
    # As the browser does: the server then sends a reference instead of the element.
    reader = RunReader()
    reader.start("map", "")
    navigation = ForwardMsg()
    navigation.navigation.page_script_hash = "page-hash"
    reader.feed(navigation.SerializeToString())
    reader.feed(_text("big", cacheable_hash="h1"))
    reader.feed(_text("small"))
    back = BackMsg()
    back.ParseFromString(reader.rerun_message("map", "year=2022", same_page=True))
    state = back.rerun_script
    assert state.query_string == "year=2022" and state.page_name == "map"
    assert state.page_script_hash == "page-hash"
    assert list(state.cached_message_hashes) == ["h1"]
    other = BackMsg()
    other.ParseFromString(reader.rerun_message("timeline", "", same_page=False))
    assert other.rerun_script.page_script_hash == ""  # the server finds it by name


@pytest.mark.parametrize(
    "base,expected",
    [
        ("http://127.0.0.1:8501", "ws://127.0.0.1:8501/_stcore/stream"),
        ("https://example.org/tools/korea/", "wss://example.org/tools/korea/_stcore/stream"),
    ],
)
def test_stream_url_keeps_the_base_path(base, expected):
    assert stream_url(base) == expected


def test_wire_rows_against_targets():
    row = {
        "page": "map",
        "rerun_query": "year=2022",
        "load_bytes": 1_200_000,
        "rerun_bytes": 50_000,
        "static_bytes": 450_000,
        "static_files": ["app/static/basemap/land.geojson"],
        "load_target": 1_000_000,
        "rerun_target": 200_000,
    }
    assert over_target(row) == ["map load 1,200.0 kB > 1,000.0 kB"]
    assert over_target({**row, "load_bytes": 900_000}) == []
    lines = table([row]).splitlines()
    assert lines[1].split()[:3] == ["map", "1,200.0", "kB"]


def test_percentile_and_memory_reading():
    assert percentile([], 0.5) is None
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([0.0, 10.0], 0.95) == pytest.approx(9.5)
    assert rss_mb(os.getpid()) > 1
    assert rss_mb(2**22 + 12345) is None
