"""Launch candidates from the fixture articles: one test per pattern the issue lists."""

from __future__ import annotations

import datetime as dt

from ingest_helpers import fixture_text, small_gazetteer

from dashboard.ingest.launches import find_launches, missile_class

THURSDAY = dt.date(2023, 1, 19)


def launches(name: str, published: dt.date = THURSDAY):
    text = fixture_text(name)
    return text, find_launches(text, published, small_gazetteer())


def test_figures_time_class_site_and_miles_converted():
    text, [launch] = launches("launch_figures.txt")
    assert (launch.state, launch.date) == ("PRK", dt.date(2023, 1, 19))
    fields = launch.fields
    assert fields["time_local"] == "07:10"
    assert (fields["missile_class"], fields["missile_name"]) == ("ICBM", "Hwasong-17")
    assert fields["site"].site_id == "sunan"
    assert fields["range_km"] == 998  # 620 miles
    assert fields["apogee_km"] == 6000
    assert fields["count"] == 1
    assert fields["landing_area"] == "Sea of Japan / East Sea"
    start, end = launch.evidence["range_km"]
    assert text[start:end] == "620 miles"


def test_differing_figures_become_claims_per_reporter():
    _, [launch] = launches("launch_figures.txt")
    assert launch.claimants["range_km"] == "ROK JCS"
    assert [(f, v, c) for f, v, c, _ in launch.claims] == [("range_km", 1100.0, "Japan MoD")]


def test_barrage_count_late_weekday_and_unknown_area():
    _, found = launches("launch_barrage.txt")
    [launch] = found
    assert launch.date == dt.date(2023, 1, 16)  # "late Monday"
    assert launch.fields["count"] == 10
    assert launch.fields["missile_class"] == "SRBM"
    # The first place named is the one the launch came from; it is not in the gazetteer.
    assert (launch.fields["site"].site_id, launch.fields["site"].name) == (None, "Chongsan")


def test_county_and_count_word():
    _, [launch] = launches("launch_county.txt")
    assert launch.date == dt.date(2023, 1, 14)  # "on Saturday"
    assert (launch.fields["count"], launch.fields["missile_class"]) == (2, "cruise")
    assert launch.fields["site"].site_id == "onchon"


def test_province_and_designation_table():
    _, [launch] = launches("launch_province.txt")
    assert launch.fields["missile_name"] == "KN-23"
    assert launch.fields["missile_class"] == "SRBM"
    assert launch.fields["site"].site_id == "tongchang-ri"


def test_earlier_launches_mentioned_in_passing_are_their_own_candidates():
    _, found = launches("launch_passing.txt")
    by_date = {launch.date: launch for launch in found}
    assert sorted(by_date) == [
        dt.date(2023, 1, 5),
        dt.date(2023, 1, 10),  # "first missile launch in eight days" before 18 January
        dt.date(2023, 1, 11),
        dt.date(2023, 1, 18),
    ]
    assert by_date[dt.date(2023, 1, 5)].fields["count"] == 1
    assert by_date[dt.date(2023, 1, 11)].fields["missile_class"] == "hypersonic"
    assert by_date[dt.date(2023, 1, 18)].fields["missile_class"] == "SRBM"


def test_south_koreas_own_test_is_a_kor_launch_the_same_day():
    _, found = launches("launch_south.txt", published=dt.date(2023, 1, 21))
    assert [(x.state, x.date, x.fields["missile_class"]) for x in found] == [
        ("KOR", dt.date(2023, 1, 20), "SLBM"),
        ("PRK", dt.date(2023, 1, 20), "SRBM"),
    ]


def test_a_statement_day_and_last_weeks_launches_are_not_this_launch():
    text = (
        "North Korea’s latest launch was a hypersonic missile, state media said Thursday.\n"
        "Japan reported Wednesday that North Korea had conducted a ballistic missile test.\n"
        "Last week the North fired medium-range missiles. The missile made a 120 km turn.\n"
    )
    [launch] = find_launches(text, THURSDAY, small_gazetteer())
    assert launch.date == dt.date(2023, 1, 18)
    assert launch.fields["missile_class"] == "hypersonic"
    assert "range_km" not in launch.fields


def test_class_is_the_first_named_unless_a_designation_says_otherwise():
    kind, _ = missile_class("two short-range missiles, days after a cruise missile test")
    assert kind == "SRBM"
    kind, _ = missile_class("a new cruise missile and a Hwasong-15")
    assert kind == "ICBM"


def test_times_in_us_time_zones_become_kst_days_and_times():
    # Friday 3 March 2023 in Washington: 4:20 p.m. EST is 06:20 KST on Saturday the 4th, and
    # Monday 9:05 a.m. in Hawaii is 04:05 KST on Tuesday 28 February.
    text, found = launches("launch_us_time.txt", dt.date(2023, 3, 3))
    by_day = {launch.date: launch for launch in found}
    assert sorted(by_day) == [dt.date(2023, 2, 28), dt.date(2023, 3, 4)]
    assert by_day[dt.date(2023, 3, 4)].fields["time_local"] == "06:20"
    assert by_day[dt.date(2023, 2, 28)].fields["time_local"] == "04:05"
    assert by_day[dt.date(2023, 2, 28)].fields["missile_class"] == "cruise"
    start, end = by_day[dt.date(2023, 3, 4)].evidence["time_local"]
    assert text[start:end] == "4:20 p.m. EST"
