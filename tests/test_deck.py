import json
from urllib.parse import unquote

import pandas as pd
import pytest

from dashboard import deck, geo
from dashboard.context import Context
from dashboard.data_io import read_dataset
from dashboard.filters import Filters
from dashboard.paths import BASEMAP_DIR, DATASETS_DIR


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
    assert layers["land"]["@@type"] == "GeoJsonLayer" and layers["land"]["wrapLongitude"]
    assert "range-rings" not in layers


def test_sites_are_sized_by_launch_count(ctx):
    sites = deck.site_points(ctx.launches)
    busiest = sites.sort_values("launches").iloc[-1]
    quietest = sites.sort_values("launches").iloc[0]
    assert busiest["radius_m"] > quietest["radius_m"]
    expected = ctx.launches.dropna(subset=["site_lat"]).groupby("site_id")["launch_id"].count()
    assert sites.set_index("site_id")["launches"].to_dict() == expected.to_dict()
    assert "launch events" in busiest["tooltip"]


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


def test_reported_impacts_are_drawn_bolder_than_estimated():
    launches = pd.DataFrame(
        {
            "launch_id": ["r", "e"],
            "date_local": pd.to_datetime(["2022-01-01", "2022-01-02"]),
            "missile_class": ["SRBM", "SRBM"],
            "missile_name": [None, None],
            "count": [1, 1],
            "range_km": [300.0, 300.0],
            "site_name": ["A", "A"],
            "site_lat": [39.0, 39.0],
            "site_lon": [125.0, 125.0],
            "impact_lat": [40.0, 40.0],
            "impact_lon": [128.0, 128.0],
            "impact_estimated": [False, True],
        }
    )
    flights = deck.arcs(launches).set_index("launch_id")
    assert flights.loc["r", "width"] > flights.loc["e", "width"]
    assert flights.loc["r", "color"][3] > flights.loc["e", "color"][3]


def test_range_rings_and_plain_text_tooltips(ctx, basemap):
    d = deck.build_deck(ctx.launches, basemap, "dark", (39.2, 125.67, "Pyongyang"))
    layers = _layers(d)
    assert "range-rings" in layers
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
            "date_local",
        ]
    )
    layers = _layers(deck.build_deck(empty, basemap))
    assert set(layers) == {"land", "borders"}


def test_launch_table_says_how_each_impact_is_known_and_what_is_drawn(ctx):
    table = deck.launch_table(ctx.launches)
    assert len(table) == len(ctx.launches)
    by_date = table.set_index(table["date_local"].dt.strftime("%Y-%m-%d"))
    onchon = by_date.loc["2021-03-21"]
    assert onchon["impact"] == "unknown" and not onchon["on_map"]
    assert by_date.loc["2022-01-14", "impact"] == "estimated"
    assert table["date_local"].is_monotonic_decreasing


def test_legend_lists_the_classes_in_view_with_their_colours(ctx):
    legend = deck.legend_html(ctx.launches[ctx.launches["missile_class"].isin(["ICBM", "SRBM"])])
    assert legend.count("border-radius:50%") == 2
    assert "#C00000" in legend and ">ICBM</span>" in legend
    assert "IRBM" not in legend
