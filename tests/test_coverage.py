import datetime as dt

import pandas as pd

from dashboard import coverage


def _frames():
    launches = pd.DataFrame({"date_local": pd.to_datetime(["1984-04-01", "2026-01-04"])})
    events = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2019-02-27", "2022-01-12", "2021-05-01"]),
            "date_end": pd.to_datetime(["2019-02-28", None, None]),
        }
    )
    statements = pd.DataFrame({"date": pd.to_datetime([], utc=False)})
    return launches, events, statements


def test_each_kind_has_its_own_collected_span_and_count():
    launches, events, statements = _frames()
    spans = coverage.collected_spans(launches, events, statements)
    assert [s.kind for s in spans] == ["launches", "diplomatic events", "statements"]
    assert spans[0] == coverage.Span("launches", dt.date(1984, 4, 1), dt.date(2026, 1, 4), 2)
    assert (spans[1].first, spans[1].last, spans[1].count) == (
        dt.date(2019, 2, 27),
        dt.date(2022, 1, 12),
        3,
    )
    assert spans[2].count == 0 and spans[2].label == "statements: none collected"
    text = coverage.caption(spans)
    assert "launches: 1984-04-01 to 2026-01-04 (2)" in text
    assert "diplomatic events: 2019-02-27 to 2022-01-12 (3)" in text
    assert "not collected" in text


def test_uncollected_parts_of_a_view_are_the_edges_outside_the_span():
    events = coverage.Span("diplomatic events", dt.date(2019, 2, 27), dt.date(2022, 1, 12), 3)
    view = (dt.date(1984, 4, 1), dt.date(2026, 1, 4))
    assert coverage.uncollected(events, view) == [
        (dt.date(1984, 4, 1), dt.date(2019, 2, 27)),
        (dt.date(2022, 1, 12), dt.date(2026, 1, 4)),
    ]
    assert coverage.uncollected(events, (dt.date(2020, 1, 1), dt.date(2021, 1, 1))) == []
    nothing = coverage.Span("statements", None, None, 0)
    assert coverage.uncollected(nothing, view) == [view]


def test_range_note_says_when_the_view_is_the_default_whole_record():
    spans = coverage.collected_spans(*_frames())
    assert coverage.range_note(spans, None, None) == (
        "Showing the whole record, 1984-04-01 to 2026-01-04 (the default)."
    )
    narrowed = coverage.range_note(spans, dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert narrowed.startswith("Showing 2017-01-01 to 2017-12-31 of a record running 1984-04-01")
