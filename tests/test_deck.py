import json
from urllib.parse import unquote

import pandas as pd
import pytest

from dashboard import deck, geo
from dashboard.context import Context
from dashboard.data_io import read_dataset
from dashboard.filters import Filters
from dashboard.paths import BASEMAP_DIR, DATASETS_DIR, STATIC_DIR


@pytest.fixture(scope="module")
def ctx():
    return Context.build(read_dataset(DATASETS_DIR), Filters())


@pytest.fixture(scope="module")
def basemap():
    return {n: json.loads((BASEMAP_DIR / f"{n}.geojson").read_text()) for n in ("land", "borders")}


def _layers(d):
    return {layer["id"]: layer for layer in json.loads(d.to_json())["layers"]}


def test_deck_has_offline_basemap_sites_arcs_and_no_tile_provider(ctx, basemap):
    d = deck.build_deck(ctx.launches, basemap)
    spec = json.loads(d.to_json())
    assert spec.get("mapProvider") in (None, "")
    # An inline style with no sources: the front end must not fall back to hosted tiles.
    style = spec["mapStyle"]
    assert style.startswith("data:application/json")
    decoded = json.loads(unquote(style.split(",", 1)[1]))
    assert decoded["sources"] == {} and "http" not in unquote(style)
    layers = _layers(d)
    assert {"land", "borders", "arcs", "impacts", "sites"} <= set(layers)
    assert layers["land"]["@@type"] == "GeoJsonLayer"
    # The map view repeats the world east and west of itself, so whatever runs past 180°
    # lies over a copy of the basemap; wrapping land back into -180..180 would undo that.
    assert spec["views"] == [{"@@type": "MapView", "controller": True, "repeat": True}]
    assert not layers["land"].get("wrapLongitude")
    assert "range-rings" not in layers


def test_basemap_urls_name_files_the_app_serves(ctx):
    # Streamlit serves dashboard/static/<file> at app/static/<file>.
    layers = _layers(deck.build_deck(ctx.launches, deck.BASEMAP_URLS))
    for name in ("land", "borders"):
        url = layers[name]["data"]
        assert url == deck.BASEMAP_URLS[name] and url.startswith("app/static/")
        path = STATIC_DIR / url.removeprefix("app/static/")
        assert json.loads(path.read_text())["type"] == "FeatureCollection"
    assert len(deck.build_deck(ctx.launches, deck.BASEMAP_URLS).to_json()) < 200_000


def test_sites_are_sized_by_launch_count_in_screen_pixels(ctx, basemap):
    sites = deck.site_points(ctx.launches)
    busiest = sites.sort_values("launches").iloc[-1]
    quietest = sites.sort_values("launches").iloc[0]
    assert busiest["radius_px"] > quietest["radius_px"]
    expected = ctx.launches.dropna(subset=["site_lat"]).groupby("site_id")["launch_id"].count()
    assert sites.set_index("site_id")["launches"].to_dict() == expected.to_dict()
    assert f"{busiest['launches']} launch events" in busiest["tooltip"]
    # A bare string would reach deck.gl as an accessor and the radius would be metres.
    layer = _layers(deck.build_deck(ctx.launches, basemap))["sites"]
    assert layer["radiusUnits"] == "pixels" and layer["getRadius"] == "@@=radius_px"


def test_site_tooltip_counts_reviewed_and_imported_records():
    launches = _launches(
        [
            {"launch_id": "a", "review_status": "reviewed", "date_local": "2017-07-04"},
            {"launch_id": "b", "review_status": "imported", "date_local": "2019-05-04"},
            {"launch_id": "c", "review_status": "imported", "date_local": "2019-05-09"},
        ]
    )
    tooltip = deck.site_points(launches).iloc[0]["tooltip"]
    assert tooltip == (
        "Site A\n3 launch events, 3 missiles, 2017–2019\n1 reviewed, 2 imported, not yet reviewed"
    )


def test_arcs_end_at_the_great_circle_estimate_and_are_marked_estimated(ctx):
    flights = deck.arcs(ctx.launches).set_index("launch_id")
    uiju = ctx.launches.set_index("launch_id").loc["prk-2022-01-14-uiju"]
    lat, lon = geo.destination(uiju["site_lat"], uiju["site_lon"], uiju["heading_deg"], 430)
    row = flights.loc["prk-2022-01-14-uiju"]
    assert row["impact_lat"] == pytest.approx(lat, abs=1e-3)
    assert row["impact_lon"] == pytest.approx(lon, abs=1e-3)
    assert bool(row["impact_estimated"]) is True
    assert row["color"][3] == deck.ESTIMATED_ALPHA
    assert "estimated from heading and range" in row["tooltip"]


SITE = (39.0, 125.0)


def _launches(rows: list[dict]) -> pd.DataFrame:
    """Launches from one site (flying east, 300 km, to a 50 km apogee unless a row says)."""
    base = {
        "date_local": "2022-01-01",
        "date_precision": "day",
        "state": "PRK",
        "site_id": "a",
        "site_name": "Site A",
        "site_lat": SITE[0],
        "site_lon": SITE[1],
        "missile_class": "SRBM",
        "missile_name": None,
        "count": 1,
        "range_km": 300.0,
        "apogee_km": 50.0,
        "heading": 90.0,
        "impact_estimated": True,
        "review_status": "reviewed",
    }
    frame = pd.DataFrame([{**base, **row} for row in rows])
    ends = [
        geo.destination(*SITE, h, r)
        for h, r in zip(frame["heading"], frame["range_km"], strict=True)
    ]
    frame["impact_lat"] = [lat for lat, _ in ends]
    frame["impact_lon"] = [lon for _, lon in ends]
    frame["date_local"] = pd.to_datetime(frame["date_local"])
    return frame


def _peak_km(row: pd.Series) -> float:
    """Arc midpoint height as deck.gl draws it: height x great-circle length / 2."""
    ground = geo.distance_km(row["site_lat"], row["site_lon"], row["impact_lat"], row["impact_lon"])
    return row["height"] * ground / 2


def test_reported_impacts_are_drawn_bolder_than_estimated():
    launches = _launches(
        [
            {"launch_id": "r", "impact_estimated": False},
            {"launch_id": "e", "impact_estimated": True},
        ]
    )
    flights = deck.arcs(launches).set_index("launch_id")
    assert flights.loc["r", "width"] > flights.loc["e", "width"]
    assert flights.loc["r", "color"][3] > flights.loc["e", "color"][3]


def test_arcs_peak_at_the_apogee_and_lie_flat_without_one(basemap):
    launches = _launches(
        [
            {"launch_id": "lofted", "missile_class": "ICBM", "range_km": 1000.0, "apogee_km": 6000},
            {"launch_id": "srbm", "range_km": 400.0, "apogee_km": 50.0},
            {"launch_id": "unknown", "range_km": 400.0, "apogee_km": None},
        ]
    )
    flights = deck.arcs(launches).set_index("launch_id")
    scale = deck.VERTICAL_SCALE
    assert _peak_km(flights.loc["lofted"]) == pytest.approx(6000 * scale, rel=1e-3)
    assert _peak_km(flights.loc["srbm"]) == pytest.approx(50 * scale, rel=1e-3)
    assert flights.loc["unknown", "height"] == 0
    assert "apogee 6,000 km" in flights.loc["lofted", "tooltip"]
    assert "apogee unknown (drawn flat)" in flights.loc["unknown", "tooltip"]
    # The height formula holds only for arcs drawn along the great circle.
    layer = _layers(deck.build_deck(launches, basemap, arc_mode="each"))["arcs"]
    assert layer["greatCircle"] is True and layer["getHeight"] == "@@=height"


def test_arc_tooltip_gives_review_status_and_date_precision():
    launches = _launches(
        [
            {"launch_id": "old", "date_local": "1984-04-01", "date_precision": "month",
             "review_status": "imported", "missile_name": "Scud-B"},
            {"launch_id": "new", "date_local": "2022-01-05"},
        ]
    )  # fmt: skip
    tips = deck.arcs(launches).set_index("launch_id")["tooltip"]
    assert tips["old"].startswith("1984-04 (month only) Scud-B x1 (SRBM)\n")
    assert tips["old"].endswith("\nimported from a database, not yet reviewed")
    assert tips["new"].startswith("2022-01-05 SRBM x1 (SRBM)\n")
    assert tips["new"].endswith("\nreviewed by a curator")


def test_grouped_arcs_draw_one_real_flight_per_site_class_and_direction():
    launches = _launches(
        [
            {"launch_id": "e300", "range_km": 300.0, "apogee_km": 40.0, "heading": 80.0},
            {"launch_id": "e400", "range_km": 400.0, "apogee_km": 60.0, "heading": 95.0,
             "date_local": "2019-05-04", "review_status": "imported", "count": 2},
            {"launch_id": "e600", "range_km": 600.0, "apogee_km": 90.0, "heading": 88.0,
             "date_local": "2023-02-01"},
            {"launch_id": "s", "range_km": 500.0, "heading": 180.0},
            {"launch_id": "icbm", "missile_class": "ICBM", "range_km": 1000.0, "apogee_km": 6000},
            {"launch_id": "reported", "range_km": 350.0, "impact_estimated": False},
        ]
    )  # fmt: skip
    grouped = deck.grouped_arcs(launches)
    assert len(grouped) == 4
    assert grouped["launches"].sum() == len(launches)
    east = grouped[grouped["tooltip"].str.startswith("SRBM from Site A flying east: 3")].iloc[0]
    # Drawn as the median-range launch, with its own end point and apogee.
    median = launches.set_index("launch_id").loc["e400"]
    assert (east["impact_lat"], east["impact_lon"]) == (median["impact_lat"], median["impact_lon"])
    assert _peak_km(east) == pytest.approx(60 * deck.VERTICAL_SCALE, rel=1e-3)
    assert east["tooltip"] == (
        "SRBM from Site A flying east: 3 launch events, 4 missiles, 2019–2023\n"
        "ranges 300–600 km, apogees 40–90 km\n"
        "drawn: 2019-05-04 (median range), apogee 60 km, impact estimated\n"
        "2 reviewed, 1 imported, not yet reviewed"
    )
    single = grouped[grouped["tooltip"].str.contains("flying south")].iloc[0]
    assert east["width"] > single["width"]
    # A reported impact never merges into an estimated group: bold still means reported.
    reported = grouped[grouped["tooltip"].str.contains("impact reported")]
    assert len(reported) == 1 and reported.iloc[0]["launches"] == 1
    assert reported.iloc[0]["color"][3] == deck.REPORTED_ALPHA


def test_arc_modes_in_the_deck(ctx, basemap):
    with_arcs = ctx.launches.dropna(subset=["site_lat", "impact_lat"])
    each = _layers(deck.build_deck(ctx.launches, basemap, arc_mode="each"))["arcs"]["data"]
    assert sorted(a["launch_id"] for a in each) == sorted(with_arcs["launch_id"])
    grouped = _layers(deck.build_deck(ctx.launches, basemap))["arcs"]["data"]
    assert len(grouped) < len(each)
    assert sum(a["launches"] for a in grouped) == len(with_arcs)
    layers = _layers(deck.build_deck(ctx.launches, basemap, arc_mode="none"))
    assert "arcs" not in layers and "impacts" not in layers and "sites" in layers


def test_range_rings_and_plain_text_tooltips(ctx, basemap):
    d = deck.build_deck(ctx.launches, basemap, "dark", (39.2, 125.67, "Pyongyang"))
    layers = _layers(d)
    assert "range-rings" in layers
    # The 10,000 km ring runs past 180° as one path; the view opens wide enough to show it.
    widest = layers["range-rings"]["data"][-1]["path"]
    assert max(lon for lon, _ in widest) > 180
    view = json.loads(d.to_json())["initialViewState"]
    assert view["zoom"] == deck.RING_ZOOM and view["longitude"] == 125.67
    assert (
        json.loads(deck.build_deck(ctx.launches, basemap).to_json())["initialViewState"]["zoom"]
        > view["zoom"]
    )
    rings = deck.rings(39.2, 125.67, "Pyongyang")
    assert rings["tooltip"].tolist()[0] == "1,000 km from Pyongyang"
    # Streamlit sends the tooltip beside the deck JSON; only a text template, never HTML.
    assert d._tooltip == deck.TOOLTIP and "html" not in d._tooltip
    assert layers["land"]["getFillColor"] == deck.THEMES["dark"]["land"]


def test_empty_view_still_draws_the_basemap(basemap):
    empty = pd.DataFrame(
        columns=[
            "launch_id",
            "site_id",
            "site_name",
            "site_lat",
            "site_lon",
            "impact_lat",
            "impact_lon",
            "impact_estimated",
            "count",
            "missile_class",
            "missile_name",
            "range_km",
            "apogee_km",
            "date_local",
            "date_precision",
            "review_status",
        ]
    )
    for mode in deck.ARC_MODES:
        layers = _layers(deck.build_deck(empty, basemap, arc_mode=mode))
        assert set(layers) == {"land", "borders"}


def test_launch_table_says_how_each_impact_is_known_and_what_is_drawn(ctx):
    table = deck.launch_table(ctx.launches)
    assert len(table) == len(ctx.launches)
    by_date = table.set_index("date_shown")
    onchon = by_date.loc["2021-03-21"]
    assert onchon["impact"] == "unknown" and not onchon["on_map"]
    assert by_date.loc["2022-01-14", "impact"] == "estimated"
    assert table["date_shown"].str[:4].astype(int).is_monotonic_decreasing
    assert table.columns[0] == "date_shown" and table.columns[-1] == "review_status"
    assert set(table["review_status"]) <= {"reviewed", "imported"}


def test_legend_lists_the_classes_in_view_with_their_colours(ctx):
    legend = deck.legend_html(ctx.launches[ctx.launches["missile_class"].isin(["ICBM", "SRBM"])])
    assert legend.count("border-radius:50%") == 2
    assert "#C00000" in legend and ">ICBM</span>" in legend
    assert "IRBM" not in legend


def test_year_options_span_every_year_and_thin_the_launches():
    launches = _launches(
        [
            {"launch_id": "a", "date_local": "2017-03-06"},
            {"launch_id": "b", "date_local": "2019-01-01", "date_precision": "year"},
            {"launch_id": "c", "date_local": "2019-12-31"},
        ]
    )
    assert deck.year_options(launches) == ("All", "2017", "2018", "2019")
    assert deck.years_with_launches(launches) == (2017, 2019)
    assert list(deck.in_year(launches, "2019")["launch_id"]) == ["b", "c"]
    assert deck.in_year(launches, "2018").empty
    assert len(deck.in_year(launches, deck.ALL_YEARS)) == 3
    assert deck.year_options(launches.iloc[0:0]) == ("All",)


@pytest.mark.parametrize(
    ("current", "step", "expected"),
    [
        ("All", 1, "2017"),
        ("All", -1, "2022"),
        ("2017", 1, "2019"),  # 2018 has no launches: skipped
        ("2018", 1, "2019"),
        ("2018", -1, "2017"),
        ("2019", -1, "2017"),
        ("2022", 1, None),
        ("2017", -1, None),
    ],
)
def test_step_year_moves_to_the_nearest_year_with_launches(current, step, expected):
    assert deck.step_year((2017, 2019, 2022), current, step) == expected


def test_step_year_with_no_launches():
    assert deck.step_year((), "All", 1) is None


@pytest.mark.parametrize(
    ("current", "expected"),
    [("All", "2017"), ("2017", "2019"), ("2018", "2019"), ("2022", "2017"), ("2030", "2017")],
)
def test_playing_steps_through_the_years_with_launches_and_loops(current, expected):
    assert deck.play_year((2017, 2019, 2022), current) == expected


def test_playing_with_no_launches_shows_all_years():
    assert deck.play_year((), "2019") == deck.ALL_YEARS
