"""The benchmark's verdicts: each target judged from the figures of one run."""

from __future__ import annotations

from dashboard.bench import targets


def run(warm_ms: float, cold_s: float, map_rerun_kb: float, ours_ms: float) -> dict:
    return {
        "pages": {
            "Statements": {"warm ms": warm_ms},
            "Map": {
                "warm ms": 40.0,
                "load KB (websocket)": 130.0,
                "rerun KB (websocket)": map_rerun_kb,
            },
        },
        "cold s": [cold_s, cold_s + 1, cold_s - 1],
        "cold rss_mb": [600.0],
        "rss_mb": 650.0,
        "queries": {"rare word: page, count": {"ours ms": ours_ms, "Datasette ms": 10.0}},
    }


def verdicts(lines: list[str]) -> dict[str, str]:
    return {line[7:].rsplit(": ", 1)[0]: line[:6].strip() for line in lines}


def test_each_target_is_met_or_missed_by_its_own_figure():
    lines = targets(
        {
            "bundled": run(500.0, 2.0, 50.0, 1.0),  # no warm-rerun target on the bundled data
            "100,000": run(99.0, 3.0, 50.0, 1.0),
            "1,000,000": run(301.0, 9.0, 250.0, 12.0),
        }
    )
    found = verdicts(lines)
    assert found["Statements warm rerun at 100,000"] == "met"
    assert found["Statements warm rerun at 1,000,000"] == "MISSED"
    assert found["cold start at 1,000,000"] == "MISSED"  # median of 8, 9, 10 s
    assert found["peak RSS at 1,000,000"] == "met"
    assert found["Map rerun KB (websocket) at 1,000,000"] == "MISSED"
    assert found["Map load KB (websocket) at bundled"] == "met"
    assert found["rare word: page, count at 1,000,000, ours / Datasette"] == "MISSED"  # 1.2 x
    assert found["rare word: page, count at 100,000, ours / Datasette"] == "met"
    assert not any("warm rerun at bundled" in line for line in lines)
